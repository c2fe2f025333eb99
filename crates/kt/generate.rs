//! Completion scripts and man pages, generated from the clap definitions.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap_complete::Shell;

use crate::dispatch::Tool;

/// Every shell clap_complete supports, with its script's file name.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "kt.bash"),
    (Shell::Zsh, "_kt"),
    (Shell::Fish, "kt.fish"),
    (Shell::PowerShell, "_kt.ps1"),
    (Shell::Elvish, "kt.elv"),
];

pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = completable(crate::cli::command());
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kt", &mut buf);
    match shell {
        Shell::Bash => buf.extend_from_slice(bash_extras().as_bytes()),
        Shell::Fish => buf.extend_from_slice(FISH_TOPICS.as_bytes()),
        Shell::Zsh => return zsh_with_topics(&buf),
        _ => {}
    }
    buf
}

/// `cmd` without its hidden subcommands (`__complete-topics`), which some of
/// clap_complete's generators would offer at `kt <TAB>`.
fn completable(cmd: clap::Command) -> clap::Command {
    let shown: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let mut root = clap::Command::new(cmd.get_name().to_string())
        .args(cmd.get_arguments().cloned())
        .subcommands(shown);
    if let Some(v) = cmd.get_version() {
        root = root.version(v.to_string());
    }
    root
}

/// The kt words each Kafka name runs (`kafka-producer-perf-test` is
/// `kt perf producer`), as bash `case` arms, so a link completes kt's flags
/// for that tool.
fn bash_kafka_names() -> String {
    Tool::ALL
        .iter()
        .map(|(name, tool)| {
            let words = match tool {
                Tool::Topics => "topics",
                Tool::ConsoleProducer => "produce",
                Tool::ConsoleConsumer => "consume",
                Tool::ProducerPerf => "perf producer",
                Tool::ConsumerPerf => "perf consumer",
                Tool::GetOffsets => "offsets",
                Tool::EndToEnd => "perf e2e",
                Tool::ConsumerGroups => "groups",
                Tool::DeleteRecords => "delete-records",
                Tool::BrokerApiVersions => "brokers",
                Tool::LogDirs => "brokers",
                Tool::LeaderElection => "elect-leaders",
                Tool::Configs => "configs",
                Tool::Acls => "acls",
                Tool::ReassignPartitions => "reassign",
                Tool::MetadataQuorum => "quorum",
                Tool::Features => "features",
                Tool::Cluster => "cluster",
                Tool::Transactions => "transactions",
                Tool::ClientMetrics => "client-metrics",
                Tool::DelegationTokens => "delegation-tokens",
                Tool::StreamsReset => "streams-reset",
                Tool::DumpLog => "dump-log",
                Tool::VerifiableProducer => "verifiable-producer",
                Tool::VerifiableConsumer => "verifiable-consumer",
                Tool::ReplicaVerification => "verify-replicas",
            };
            format!("        {name}|{name}.sh) sub=({words}) ;;\n")
        })
        .collect()
}

fn bash_extras() -> String {
    let names: Vec<String> = crate::aliases::names()
        .into_iter()
        .filter(|n| !n.starts_with("kafka-run-class"))
        .collect();
    BASH_TOPICS
        .replace("@KAFKA_NAMES@", &bash_kafka_names())
        .replace("@LINKS@", &names.join(" "))
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
            --bootstrap-server|-b|--broker-list|--zookeeper|--cluster|--command-config)
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
/// bash splits words at `:` (COMP_WORDBREAKS), so `127.0.0.1:9092` arrives
/// as three words: the line itself (COMP_LINE) is read instead. Values such
/// as `$BROKERS` and `~/client.properties` are expanded as the shell would.
/// The Kafka-named links complete as the kt command they run.
const BASH_TOPICS: &str = r#"
# kt: a flag's value as the shell would pass it ($VAR, ${VAR}, ~/, quotes).
_kt_expand() {
    local v="$1" name
    case "$v" in
        \$\{*\}) name="${v:2:${#v}-3}" ;;
        \$*) name="${v:1}" ;;
        \~/*) printf '%s' "$HOME/${v:2}"; return ;;
        \"*\"|\'*\') printf '%s' "${v:1:${#v}-2}"; return ;;
        *) printf '%s' "$v"; return ;;
    esac
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] && printf '%s' "${!name}"
}

# kt: complete topic names after --topic from the configured cluster, and
# kt's flags for the Kafka-named links.
_kt_topics() {
    local exe="${COMP_WORDS[0]}" sub=() words i n flags=()
    case "${exe##*/}" in
@KAFKA_NAMES@    esac
    if (( ${#sub[@]} )); then
        # A link runs kt under a Kafka name: ask the binary it points to.
        exe="$(readlink -f "$(type -P "$exe")" 2>/dev/null)"
        COMP_WORDS=(kt "${sub[@]}" "${COMP_WORDS[@]:1}")
        COMP_CWORD=$((COMP_CWORD + ${#sub[@]}))
    fi
    read -ra words <<< "${COMP_LINE:0:COMP_POINT}"
    [[ "${COMP_LINE:0:COMP_POINT}" =~ [[:space:]]$ ]] && words+=("")
    n=${#words[@]}
    if (( n >= 2 )) && [[ "${words[n-2]}" == "--topic" || "${words[n-2]}" == "-t" ]]; then
        for ((i = 1; i < n - 2; i++)); do
            case "${words[i]}" in
                --bootstrap-server|-b|--broker-list|--zookeeper|--cluster|--command-config)
                    flags+=("${words[i]}" "$(_kt_expand "${words[i+1]}")") ;;
                --bootstrap-server=*|--broker-list=*|--zookeeper=*|--cluster=*|--command-config=*)
                    flags+=("${words[i]%%=*}" "$(_kt_expand "${words[i]#*=}")") ;;
            esac
        done
        COMPREPLY=($(compgen -W "$("$exe" __complete-topics "${flags[@]}" 2>/dev/null)" -- "${words[n-1]}"))
        return 0
    fi
    _kt kt "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
}
complete -F _kt_topics -o bashdefault -o default kt @LINKS@
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
    let cmd = completable(crate::cli::command());
    let mut pages = vec![("kt.1".to_string(), man_page(&cmd, "kt")?)];
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("kt-{}", sub.get_name());
        let page = sub
            .clone()
            .name(name.clone())
            .version(crate::cli::version());
        let shown = format!("kt {}", sub.get_name());
        pages.push((format!("{name}.1"), man_page(&page, &shown)?));
    }
    Ok(pages)
}

/// clap_mangen's page with kt's own synopsis: the command as it is typed
/// (`kt topics`, not the page name `kt-topics`), each option with its value
/// name, and no hidden arguments.
fn man_page(cmd: &clap::Command, shown: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    let Some(start) = text.find(".SH SYNOPSIS\n") else {
        return Ok(buf);
    };
    let body = start + ".SH SYNOPSIS\n".len();
    let end = text[body..].find(".SH ").map_or(text.len(), |i| body + i);
    Ok(format!(
        "{}{}\n{}",
        &text[..body],
        synopsis(cmd, shown),
        &text[end..]
    )
    .into_bytes())
}

fn synopsis(cmd: &clap::Command, shown: &str) -> String {
    let roff = |s: &str| s.replace('\\', "\\\\").replace('-', "\\-");
    let mut line = format!("\\fB{}\\fR", roff(shown));
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB\\-\\-{}\\fR", roff(l)),
            (Some(s), None) => format!("\\fB\\-{s}\\fR"),
            (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff(l)),
            (None, None) => {
                let name = arg
                    .get_value_names()
                    .and_then(|v| v.first())
                    .map_or_else(|| arg.get_id().to_string(), |v| v.to_string());
                line.push_str(&format!(" [\\fI{}\\fR]", roff(&name)));
                continue;
            }
        };
        let value = match arg.get_value_names() {
            Some(names) if arg.get_action().takes_values() => {
                let names: Vec<String> = names.iter().map(|n| roff(n)).collect();
                format!(" \\fI{}\\fR", names.join(" "))
            }
            _ => String::new(),
        };
        line.push_str(&format!(" [{flag}{value}]"));
    }
    if cmd.has_subcommands() {
        line.push_str(" <\\fIcommand\\fR>");
    }
    line
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
