//! Cluster profiles (`--cluster`, KT_CLUSTER, the default), `kt config
//! show`, secrets, `kt install-aliases` and topic-name completion.

use std::path::Path;

use crate::util::*;

/// A config file with a default cluster on the test broker and one that
/// nobody answers at.
fn config(dir: &Path, extra: &str) -> String {
    let b = bootstrap();
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        format!(
            "default = \"good\"\n\n[clusters.good]\nbootstrap-servers = \"{b}\"\n\n\
             [clusters.dead]\nbootstrap-servers = [\"127.0.0.1:9\"]\n{extra}"
        ),
    )
    .unwrap();
    path.display().to_string()
}

fn produced_topic(n: usize) -> String {
    let b = bootstrap();
    let t = random_name("profile");
    create_topic(&t, 1);
    let input: String = (0..n).map(|i| format!("r{i}\n")).collect();
    let run = kt_in(
        &["produce", "--bootstrap-server", &b, "--topic", &t],
        input.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{run:?}");
    t
}

#[test]
fn profiles_resolve_in_the_documented_order() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), "");
    let t = produced_topic(3);
    let expected = format!("{t}:0:3\n");
    let with = |env: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut all = vec![("KT_CONFIG".to_string(), cfg.clone())];
        all.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        all
    };
    let run_kt = |args: &[&str], env: &[(&str, &str)]| {
        let owned = with(env);
        let pairs: Vec<(&str, &str)> = owned
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        kt_env(args, &pairs)
    };
    // The default cluster: no --bootstrap-server needed (the card's line).
    let run = run_kt(&["offsets", "--time", "-1", "--topic", &t], &[]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (Some(0), expected.as_str()),
        "{run:?}"
    );
    // KT_CLUSTER beats the default.
    let run = run_kt(
        &["offsets", "--time", "-1", "--topic", &t],
        &[("KT_CLUSTER", "dead")],
    );
    assert_eq!(run.code, Some(4), "{run:?}");
    assert_eq!(
        run.stderr,
        "kt: cannot connect to 127.0.0.1:9: connection refused; check cluster profile 'dead'\n",
        "{run:?}"
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    // --cluster beats KT_CLUSTER.
    let run = run_kt(
        &[
            "offsets",
            "--cluster",
            "good",
            "--time",
            "-1",
            "--topic",
            &t,
        ],
        &[("KT_CLUSTER", "dead")],
    );
    assert_eq!(run.stdout, expected, "{run:?}");
    // Flags beat the profile's values.
    let b = bootstrap();
    let run = run_kt(
        &[
            "offsets",
            "--cluster",
            "dead",
            "--bootstrap-server",
            &b,
            "--time",
            "-1",
            "--topic",
            &t,
        ],
        &[],
    );
    assert_eq!(run.stdout, expected, "{run:?}");
    // Kafka-named links keep Kafka's required arguments unless a profile is named.
    let owned = with(&[]);
    let pairs: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let run = kafka_env("kafka-get-offsets", &["--topic", &t], &pairs);
    assert_eq!(run.code, Some(1), "{run:?}");
    // GetOffsetShell's own text, as Apache's tool prints it.
    assert_eq!(
        run.stderr, "Error occurred: Missing required option(s) [bootstrap-server]\n",
        "{run:?}"
    );
    let owned = with(&[("KT_CLUSTER", "good")]);
    let pairs: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let run = kafka_env(
        "kafka-get-offsets.sh",
        &["--topic", &t, "--time", "-1"],
        &pairs,
    );
    assert_eq!(run.stdout, expected, "{run:?}");
    let run = kafka_env("kafka-topics", &["--list"], &pairs);
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    // config show says which cluster and why.
    let run = run_kt(&["config", "show", "-o", "json"], &[("KT_CLUSTER", "dead")]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("config JSON");
    assert_eq!(json["cluster"], "dead");
    assert_eq!(json["chosen_by"], "env");
    assert_eq!(json["bootstrap_servers"], "127.0.0.1:9");
    assert_eq!(json["default_cluster"], "good");
    let run = run_kt(
        &["config", "show", "-o", "json", "--bootstrap-server", "h:1"],
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("config JSON");
    assert_eq!(
        json["cluster"],
        serde_json::Value::Null,
        "an endpoint flag skips the default"
    );
    assert_eq!(json["bootstrap_servers"], "h:1");
}

#[test]
fn secrets_never_show() {
    let dir = tempfile::tempdir().unwrap();
    let pass_file = dir.path().join("key.pass");
    std::fs::write(&pass_file, "FILE-SECRET-41\n").unwrap();
    let cfg = config(
        dir.path(),
        &format!(
            "secret = [\"client.id\"]\n[clusters.dead.properties]\n\
             sasl.password = {{ env = \"KT_TEST_SECRET\" }}\n\
             ssl.key.password = {{ file = \"{}\" }}\n\
             client.id = \"MARKED-SECRET-43\"\n\
             sasl.jaas.config = 'org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"JAAS-SECRET-44\";'\n\
             [clusters.good.properties]\n\
             sasl.password = {{ env = \"KT_TEST_SECRET\" }}\n\
             linger.ms = {{ env = \"KT_TEST_SECRET\" }}\n",
            pass_file.display()
        ),
    );
    let env = [
        ("KT_CONFIG", cfg.as_str()),
        ("KT_TEST_SECRET", "ENV-SECRET-42"),
    ];
    let secrets = [
        "ENV-SECRET-42",
        "FILE-SECRET-41",
        "MARKED-SECRET-43",
        "JAAS-SECRET-44",
    ];
    let clean = |run: &Run| {
        for s in secrets {
            assert!(
                !run.stdout.contains(s) && !run.stderr.contains(s),
                "{s} leaked: {run:?}"
            );
        }
    };
    // The file holds a plain password and others can read it: warned, redacted.
    let run = kt_env(&["config", "show", "--cluster", "dead"], &env);
    assert!(
        run.stderr.contains("holds secrets (client.id, sasl.jaas.config) and other users can read it; run chmod 600"),
        "{run:?}"
    );
    for args in [
        &["config", "show", "--cluster", "dead"][..],
        &["config", "show", "--cluster", "dead", "-o", "json"],
        &[
            "config",
            "show",
            "--cluster",
            "dead",
            "-X",
            "sasl.password=ENV-SECRET-42",
        ],
    ] {
        let run = kt_env(args, &env);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(run.stdout.contains("<redacted>"), "{run:?}");
        clean(&run);
    }
    // The secret is really used: config show proves the profile was read.
    let run = kt_env(&["config", "show", "--cluster", "dead", "-o", "json"], &env);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["librdkafka"]["sasl.username"], "u");
    assert_eq!(json["librdkafka"]["sasl.password"], "<redacted>");
    // Verbose runs and errors stay clean too.
    let run = kt_env(
        &["topics", "--cluster", "dead", "--list", "--verbose"],
        &env,
    );
    assert_eq!(run.code, Some(4), "{run:?}");
    clean(&run);
    let run = kt_env(&["topics", "--list"], &env);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(
        run.stderr
            .contains("invalid value '<redacted>' for property 'linger.ms'"),
        "{run:?}"
    );
    clean(&run);
}

#[test]
fn bad_profiles_get_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), "");
    let bad_toml = dir.path().join("bad.toml");
    std::fs::write(&bad_toml, "[clusters.x\n").unwrap();
    let missing_env = dir.path().join("env.toml");
    std::fs::write(
        &missing_env,
        "[clusters.x]\nbootstrap-servers = \"h:1\"\n[clusters.x.properties]\nsasl.password = { env = \"KT_TEST_UNSET_VAR\" }\n",
    )
    .unwrap();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["topics", "--list", "--cluster", "nope"],
            &cfg,
            "unknown cluster 'nope' (from --cluster)",
        ),
        (
            &["topics", "--list"],
            "/nonexistent/kt.toml",
            "cannot read kt's config file /nonexistent/kt.toml: no such file",
        ),
        (
            &["topics", "--list"],
            bad_toml.to_str().unwrap(),
            "is not valid TOML at line 1",
        ),
        (
            &["config", "show", "--cluster", "x"],
            missing_env.to_str().unwrap(),
            "KT_TEST_UNSET_VAR, which is not set",
        ),
        (
            &["offsets", "--cluster", "good", "--time", "yesterday"],
            &cfg,
            "Malformed time argument yesterday",
        ),
    ];
    for (args, file, text) in cases {
        let run = kt_env(args, &[("KT_CONFIG", file)]);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        assert!(run.stderr.contains(text), "{args:?}: {run:?}");
        assert!(!run.stderr.contains("panicked"), "{run:?}");
    }
    // Under a Kafka name the same mistake exits 1, Kafka's code for every failure.
    let run = kafka_env(
        "kafka-topics",
        &["--list"],
        &[("KT_CONFIG", &cfg), ("KT_CLUSTER", "nope")],
    );
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(
        run.stdout
            .contains("unknown cluster 'nope' (from KT_CLUSTER)")
            || run
                .stderr
                .contains("unknown cluster 'nope' (from KT_CLUSTER)"),
        "{run:?}"
    );
}

#[test]
fn install_aliases_makes_working_links_and_refuses_to_clobber() {
    let run = kt(&["install-aliases", "--list"]);
    let names: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(names.len(), 54, "{run:?}");
    assert!(names.contains(&"kafka-topics.sh") && names.contains(&"kafka-run-class"));
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    let bin_s = bin.to_str().unwrap();
    let run = kt(&["install-aliases", bin_s]);
    assert_eq!(run.code, Some(0), "{run:?}");
    for name in &names {
        assert!(bin.join(name).exists(), "{name}");
    }
    // The links work: a Kafka name reaches kt's Kafka-compatible tool.
    let b = bootstrap();
    let t = produced_topic(2);
    let run = kt_testkit::run_with_deadline(
        &bin.join("kafka-run-class.sh"),
        &[
            "kafka.tools.GetOffsetShell",
            "--broker-list",
            &b,
            "--topic",
            &t,
            "--time",
            "-1",
        ],
        b"",
        DEADLINE,
    )
    .unwrap();
    assert_eq!(run.stdout, format!("{t}:0:2\n"), "{run:?}");
    let run =
        kt_testkit::run_with_deadline(&bin.join("kafka-topics"), &["--version"], b"", DEADLINE)
            .unwrap();
    assert_eq!(run.stdout, "3.9.2\n", "{run:?}");
    // Running again changes nothing.
    let run = kt(&["install-aliases", bin_s]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.starts_with("0 links"), "{run:?}");
    // Someone else's file is kept unless --force, and nothing else is touched.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("kafka-topics.sh"), "#!/bin/sh\necho java\n").unwrap();
    let other_s = other.to_str().unwrap();
    let run = kt(&["install-aliases", other_s]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    assert!(
        run.stderr.contains("kafka-topics.sh") && run.stderr.contains("--force"),
        "{run:?}"
    );
    assert_eq!(
        std::fs::read_dir(&other).unwrap().count(),
        1,
        "no partial install"
    );
    assert_eq!(
        std::fs::read_to_string(other.join("kafka-topics.sh")).unwrap(),
        "#!/bin/sh\necho java\n"
    );
    let run = kt(&["install-aliases", other_s, "--force"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 54);
    assert!(std::fs::read_link(other.join("kafka-topics.sh")).is_ok());
    let run = kt(&["install-aliases"]);
    assert_eq!(run.code, Some(2), "{run:?}");
}

#[test]
fn completion_lists_topics_of_the_configured_cluster() {
    let t = produced_topic(1);
    let b = bootstrap();
    let run = kt(&["__complete-topics", "--bootstrap-server", &b]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), "");
    let run = kt_env(&["__complete-topics"], &[("KT_CONFIG", &cfg)]);
    assert!(run.stdout.lines().any(|l| l == t), "{run:?}");
    // No cluster, or a dead one: nothing at all, exit 0, so the prompt stays clean.
    for env in [
        vec![],
        vec![("KT_CONFIG", cfg.as_str()), ("KT_CLUSTER", "dead")],
    ] {
        let run = kt_env(&["__complete-topics"], &env);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (Some(0), "", ""),
            "{run:?}"
        );
    }
}

/// Runs `complete` through the committed bash script as bash calls it for
/// the line `line` (cursor at its end): COMP_WORDS split as bash splits them
/// (at `:` too, per COMP_WORDBREAKS), COMP_LINE and COMP_POINT as typed.
/// `path` is put first on PATH, so the Kafka-named links resolve.
fn bash_complete(line: &str, env: &[(&str, &str)]) -> Vec<String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/kt.bash");
    let kt_dir = kt_path().parent().unwrap().display().to_string();
    let program = format!(
        r#"export PATH="{links}:{kt_dir}:$PATH"
source {script}
line={line:?}
COMP_LINE="$line"; COMP_POINT=${{#line}}
COMP_WORDS=(); word=""
for (( i = 0; i < ${{#line}}; i++ )); do
    c="${{line:i:1}}"
    case "$c" in
        " ") [[ -n "$word" ]] && COMP_WORDS+=("$word"); word="" ;;
        ":") [[ -n "$word" ]] && COMP_WORDS+=("$word"); COMP_WORDS+=(":"); word="" ;;
        *) word+="$c" ;;
    esac
done
COMP_WORDS+=("$word")
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
fn=$(complete -p "${{COMP_WORDS[0]}}" | sed -E 's/.*-F ([^ ]+).*/\1/')
"$fn" "${{COMP_WORDS[0]}}" "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        links = links().display(),
    );
    let run = kt_testkit::run_with_env(
        std::path::Path::new("bash"),
        &["-c", &program],
        env,
        b"",
        DEADLINE,
    )
    .unwrap();
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout.lines().map(str::to_string).collect()
}

/// The committed bash script completes `--topic` with the cluster's topics,
/// from the words bash really produces: `127.0.0.1:9092` arrives split at
/// the colon, `$VAR` unexpanded; the Kafka-named links complete too, and
/// `kt <TAB>` offers no internal command.
#[test]
fn bash_completes_topic_names() {
    let t = produced_topic(1);
    let b = bootstrap();
    let partial = &t[..t.len() - 3];
    for line in [
        format!("kt consume --bootstrap-server {b} --topic {partial}"),
        format!("kt consume -b {b} -t {partial}"),
        format!("kt consume --bootstrap-server=$KT_TEST_BROKERS --topic {partial}"),
        format!("kt consume --bootstrap-server ${{KT_TEST_BROKERS}} --topic {partial}"),
        format!("kafka-console-consumer --bootstrap-server {b} --topic {partial}"),
        format!("kafka-topics.sh --bootstrap-server {b} --describe --topic {partial}"),
    ] {
        assert_eq!(
            bash_complete(&line, &[("KT_TEST_BROKERS", &b)]),
            vec![t.clone()],
            "{line}"
        );
    }
    let commands = bash_complete("kt ", &[]);
    assert!(commands.contains(&"topics".to_string()), "{commands:?}");
    assert!(
        !commands.iter().any(|c| c.starts_with("__")),
        "{commands:?}"
    );
    // A link completes the flags of the kt command it runs.
    let flags = bash_complete("kafka-console-producer --bootstrap-s", &[]);
    assert_eq!(flags, vec!["--bootstrap-server"], "{flags:?}");
}
