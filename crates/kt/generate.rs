//! Completion scripts and man pages, generated from the clap definitions.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap_complete::Shell;

/// Every shell clap_complete supports, with its script's file name.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "kt.bash"),
    (Shell::Zsh, "_kt"),
    (Shell::Fish, "kt.fish"),
    (Shell::PowerShell, "_kt.ps1"),
    (Shell::Elvish, "kt.elv"),
];

pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = crate::cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kt", &mut buf);
    buf
}

pub fn write_completions(
    out: &mut dyn Write,
    shell: Option<Shell>,
    dir: Option<&Path>,
) -> io::Result<()> {
    match (shell, dir) {
        (_, Some(dir)) => {
            fs::create_dir_all(dir)?;
            for (shell, file) in SHELLS {
                fs::write(dir.join(file), completion(shell))?;
            }
            Ok(())
        }
        (Some(shell), None) => out.write_all(&completion(shell)),
        (None, None) => Ok(()),
    }
}

/// (file name, contents) of kt.1 and kt-<subcommand>.1.
pub fn man_pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    let cmd = crate::cli::command();
    let mut pages = Vec::new();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    pages.push(("kt.1".to_string(), buf));
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("kt-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .version(crate::cli::version());
        let mut buf = Vec::new();
        clap_mangen::Man::new(sub).render(&mut buf)?;
        pages.push((format!("{name}.1"), buf));
    }
    Ok(pages)
}

pub fn write_man(out: &mut dyn Write, dir: Option<&Path>) -> io::Result<()> {
    let pages = man_pages()?;
    match dir {
        Some(dir) => {
            fs::create_dir_all(dir)?;
            for (file, page) in pages {
                fs::write(dir.join(file), page)?;
            }
            Ok(())
        }
        None => out.write_all(&pages[0].1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const REGENERATE: &str =
        "cargo run -q -- completions --dir completions && cargo run -q -- man --dir man";

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn committed_completions_are_current() {
        for (shell, file) in SHELLS {
            let committed = fs::read(root().join("completions").join(file)).unwrap_or_default();
            assert!(
                committed == completion(shell),
                "completions/{file} is stale; regenerate with: {REGENERATE}"
            );
        }
    }

    #[test]
    fn committed_man_pages_are_current() {
        for (file, page) in man_pages().unwrap() {
            let committed = fs::read(root().join("man").join(&file)).unwrap_or_default();
            assert!(
                committed == page,
                "man/{file} is stale; regenerate with: {REGENERATE}"
            );
        }
    }
}
