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
    match shell {
        Shell::Bash => buf.extend_from_slice(BASH_TOPICS.as_bytes()),
        Shell::Fish => buf.extend_from_slice(FISH_TOPICS.as_bytes()),
        Shell::Zsh => return zsh_with_topics(&buf),
        _ => {}
    }
    buf
}

/// clap's zsh script with `--topic` completed by `_kt_topics`, defined
/// before the script's closing `compdef`.
fn zsh_with_topics(script: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(script);
    let topic = regex::Regex::new(r"('--topic=\[[^\n]*\]:(?:topic|TOPIC):)_default'")
        .expect("a constant regex compiles");
    let text = topic.replace_all(&text, "${1}_kt_topics'");
    let tail = "if [ \"$funcstack[1]\" = \"_kt\" ]; then";
    match text.rfind(tail) {
        Some(at) => format!("{}{ZSH_TOPICS}{}", &text[..at], &text[at..]).into_bytes(),
        None => text.into_owned().into_bytes(),
    }
}

const ZSH_TOPICS: &str = r#"# kt: complete topic names after --topic from the configured cluster.
(( $+functions[_kt_topics] )) ||
_kt_topics() {
    local -a flags topics
    local i
    for (( i = 2; i < CURRENT - 1; i++ )); do
        case ${words[i]} in
            --bootstrap-server|--broker-list|--zookeeper|--cluster|--command-config)
                flags+=(${words[i]} ${words[i+1]}) ;;
        esac
    done
    topics=(${(f)"$(${words[1]} __complete-topics $flags 2>/dev/null)"})
    _describe -t topics 'topic' topics
}

"#;

/// Topic names after `--topic`, from the cluster the line names (or
/// KT_CLUSTER, or the default profile); `kt __complete-topics` gives up
/// after 0.8 s and prints nothing on any failure, so the prompt stays quick.
const BASH_TOPICS: &str = r#"
# kt: complete topic names after --topic from the configured cluster.
_kt_topics() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ "$prev" == "--topic" ]]; then
        local i flags=()
        for ((i = 1; i < COMP_CWORD - 1; i++)); do
            case "${COMP_WORDS[i]}" in
                --bootstrap-server|--broker-list|--zookeeper|--cluster|--command-config)
                    flags+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
            esac
        done
        COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" __complete-topics "${flags[@]}" 2>/dev/null)" -- "$cur"))
        return 0
    fi
    _kt "$@"
}
complete -F _kt_topics -o bashdefault -o default kt
"#;

const FISH_TOPICS: &str = r#"
# kt: complete topic names after --topic from the configured cluster.
complete -c kt -l topic -x -a '(kt __complete-topics 2>/dev/null)'
"#;

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
    for sub in cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help" && !s.is_hide_set())
    {
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
