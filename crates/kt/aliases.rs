//! `kt install-aliases`: the Kafka-named links that make kt a drop-in.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use kt_core::KtError;

use crate::dispatch::Tool;

#[derive(Args, Debug)]
pub struct AliasArgs {
    /// Directory to create the links in (created if missing)
    #[arg(value_name = "DIR", required_unless_present = "list")]
    pub dir: Option<PathBuf>,
    /// Replace files that already have these names (Kafka's own scripts, say)
    #[arg(long)]
    pub force: bool,
    /// Print the names kt answers to instead, one per line
    #[arg(long, conflicts_with_all = ["dir", "force"])]
    pub list: bool,
}

/// Every name kt answers to as a Kafka tool: Confluent's spelling and
/// Apache's `.sh` one.
pub fn names() -> Vec<String> {
    Tool::ALL
        .iter()
        .map(|(n, _)| *n)
        .chain(["kafka-run-class"])
        .flat_map(|n| [n.to_string(), format!("{n}.sh")])
        .collect()
}

pub fn run(args: AliasArgs, out: &mut dyn Write, err: &kt_core::Diagnostics) -> anyhow::Result<()> {
    if args.list {
        for n in names() {
            writeln!(out, "{n}")?;
        }
        return Ok(());
    }
    let Some(dir) = args.dir else {
        return Err(KtError::usage("give a directory, or --list").into());
    };
    let kt = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| KtError::config(format!("cannot find kt's own path: {e}")))?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        KtError::config(format!(
            "cannot create {}: {e}; pick a directory you can write",
            dir.display()
        ))
    })?;
    // Check every name first, so a refusal leaves the directory untouched.
    let mut plan = Vec::new();
    let mut clashes = Vec::new();
    for name in names() {
        let link = dir.join(&name);
        match std::fs::symlink_metadata(&link) {
            Err(_) => plan.push((link, false)),
            Ok(_) if points_at(&link, &kt) => {}
            Ok(_) if args.force => plan.push((link, true)),
            Ok(_) => clashes.push(name),
        }
    }
    if !clashes.is_empty() {
        return Err(KtError::config(format!(
            "{} already has {} that kt would replace; pass --force to replace {}",
            dir.display(),
            clashes.join(", "),
            if clashes.len() == 1 { "it" } else { "them" }
        ))
        .into());
    }
    let mut made = 0;
    for (link, replace) in &plan {
        if *replace {
            std::fs::remove_file(link)
                .map_err(|e| KtError::config(format!("cannot replace {}: {e}", link.display())))?;
        }
        std::os::unix::fs::symlink(&kt, link)
            .map_err(|e| KtError::config(format!("cannot create {}: {e}", link.display())))?;
        made += 1;
    }
    writeln!(
        out,
        "{made} links in {} point at {} ({} already did)",
        dir.display(),
        kt.display(),
        names().len() - made
    )?;
    if !on_path(&dir) {
        err.line(format_args!(
            "kt: {} is not on your PATH, so the Kafka names will not be found; add it with: export PATH=\"{}:$PATH\"",
            dir.display(),
            dir.canonicalize().unwrap_or_else(|_| dir.clone()).display()
        ));
    }
    Ok(())
}

/// Whether `dir` is one of the directories in `$PATH`.
fn on_path(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|p| p.canonicalize().is_ok_and(|p| p == dir))
    })
}

fn points_at(link: &Path, kt: &Path) -> bool {
    std::fs::read_link(link).is_ok() && link.canonicalize().is_ok_and(|p| p == kt)
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_cover_every_tool_both_spellings() {
        let names = super::names();
        assert_eq!(names.len(), 54);
        assert!(names.contains(&"kafka-run-class.sh".to_string()));
        for n in &names {
            assert!(matches!(
                crate::dispatch::resolve(vec![n.into(), "--version".into()]),
                crate::dispatch::Invocation::Compat { .. }
                    | crate::dispatch::Invocation::UnknownClass(_)
            ));
        }
    }
}
