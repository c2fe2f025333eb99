//! kafka-delegation-tokens beside Apache's tool on the shared single node's
//! SASL_PLAINTEXT listener (the broker has `delegation.token.secret.key`):
//! a token created through kt's Kafka name is described identically by
//! both tools and lets Apache's client in through SCRAM; renewed through
//! kt, Apache's tool reads the new expiry; expired through kt, it is gone
//! and lets nobody in. A token Apache's tool creates is described and
//! expired by kt's own name, which never prints a described token's HMAC.

use crate::util::*;
use kt_testkit::{run_tool, KAFKA_3};

const CLASS: &str = "org.apache.kafka.tools.DelegationTokenCommand";

/// A properties file for the PLAIN user `carol`, who owns the tokens.
fn carol(dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("carol.properties");
    std::fs::write(
        &file,
        "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n\
         sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \
         username=\"carol\" password=\"carol-secret\";\n",
    )
    .unwrap();
    // Readable by its owner only, as a file of secrets should be.
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    file.display().to_string()
}

/// Token id and HMAC from the row the tool printed for a token.
fn created(stdout: &str) -> (String, String) {
    let id = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Created delegation token with tokenId : "))
        .unwrap_or_else(|| panic!("no token id in {stdout}"))
        .to_string();
    let hmac = row(stdout, &id)
        .split_whitespace()
        .nth(1)
        .expect("an HMAC column")
        .to_string();
    (id, hmac)
}

/// The tool's line for token `id`.
fn row<'a>(stdout: &'a str, id: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap_or_else(|| panic!("no row for {id} in {stdout}"))
}

/// Apache's kafka-topics, authenticated by the token (SCRAM with
/// `tokenauth=true`): whether the broker let it in.
fn token_lets_in(b: &str, id: &str, hmac: &str, dir: &tempfile::TempDir) -> Run {
    let file = dir.path().join("token.properties");
    std::fs::write(
        &file,
        format!(
            "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\n\
             sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
             username=\"{id}\" password=\"{hmac}\" tokenauth=\"true\";\n\
             default.api.timeout.ms=8000\nrequest.timeout.ms=4000\n"
        ),
    )
    .unwrap();
    run_tool(
        KAFKA_3,
        "org.apache.kafka.tools.TopicCommand",
        &[
            "--bootstrap-server",
            b,
            "--command-config",
            file.to_str().unwrap(),
            "--list",
        ],
        b"",
        DEADLINE,
    )
    .expect("Apache's kafka-topics")
}

#[test]
fn a_token_made_renewed_and_expired_by_kt_is_apaches() {
    let b = kt_testkit::broker().sasl_address();
    let dir = tempfile::tempdir().unwrap();
    let config = carol(&dir);
    let on = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--bootstrap-server", &b, "--command-config", &config];
        args.extend(extra);
        args.iter().map(|s| s.to_string()).collect()
    };
    let apache = |args: &[String]| -> Run {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_tool(KAFKA_3, CLASS, &args, b"", DEADLINE).expect("Apache's tool")
    };
    let ours = |args: &[String]| -> Run {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        kafka("kafka-delegation-tokens", &args)
    };
    // A renewer of our own, so the describe below finds only this test's token.
    let renewer = format!("User:{}", random_name("renewer"));
    let made = ours(&on(&[
        "--create",
        "--max-life-time-period",
        "3600000",
        "--renewer-principal",
        &renewer,
    ]));
    assert_eq!(made.code, Some(0), "{made:?}");
    assert!(
        made.stdout.starts_with(&format!(
            "Calling create token operation with renewers :[{renewer}] , max-life-time-period :3600000\n\
             Created delegation token with tokenId : "
        )),
        "{made:?}"
    );
    let (id, hmac) = created(&made.stdout);
    assert_eq!(hmac.len(), 88, "a base64 HMAC-SHA512: {made:?}");

    // Both tools describe the tokens `renewer` may renew: this one, alike.
    let describe = on(&["--describe", "--owner-principal", &renewer]);
    let (theirs, mine) = (apache(&describe), ours(&describe));
    assert_eq!(theirs.code, Some(0), "{theirs:?}");
    assert_eq!(
        (mine.code, &mine.stdout),
        (theirs.code, &theirs.stdout),
        "kt: {mine:?}\nApache: {theirs:?}"
    );
    assert!(
        theirs.stdout.contains("Total number of tokens : 1\n"),
        "{theirs:?}"
    );
    assert_eq!(row(&theirs.stdout, &id), row(&made.stdout, &id));

    // The token kt made lets Apache's client in.
    let listed = token_lets_in(&b, &id, &hmac, &dir);
    assert_eq!(listed.code, Some(0), "{listed:?}");

    // Renewed for a minute: Apache's tool reads the expiry kt printed.
    let renewed = ours(&on(&[
        "--renew",
        "--hmac",
        &hmac,
        "--renew-time-period",
        "60000",
    ]));
    assert_eq!(renewed.code, Some(0), "{renewed:?}");
    let expiry = renewed
        .stdout
        .strip_prefix(&format!(
            "Calling renew token operation with hmac :{hmac} , renew-time-period :60000\n\
             Completed renew operation. New expiry date : "
        ))
        .unwrap_or_else(|| panic!("{renewed:?}"));
    assert_eq!(
        expiry.len(),
        "2026-12-07T10:27".len(),
        "no newline: {renewed:?}"
    );
    let theirs = apache(&describe);
    let columns: Vec<&str> = row(&theirs.stdout, &id).split_whitespace().collect();
    assert_eq!(columns[6], expiry, "{theirs:?}");

    // Expired at once: gone for both tools, and it lets nobody in.
    let expired = ours(&on(&[
        "--expire",
        "--hmac",
        &hmac,
        "--expiry-time-period",
        "-1",
    ]));
    assert_eq!(expired.code, Some(0), "{expired:?}");
    assert!(
        expired
            .stdout
            .contains("Completed expire operation. New expiry date : "),
        "{expired:?}"
    );
    let theirs = apache(&describe);
    assert!(
        theirs.stdout.contains("Total number of tokens : 0\n"),
        "{theirs:?}"
    );
    let refused = token_lets_in(&b, &id, &hmac, &dir);
    assert_ne!(
        refused.code,
        Some(0),
        "an expired token let Apache's client in: {refused:?}"
    );

    // Renewing what is gone: the broker's refusal, as Apache's tool prints it.
    let again = on(&["--renew", "--hmac", &hmac, "--renew-time-period", "-1"]);
    let (theirs, mine) = (apache(&again), ours(&again));
    assert_eq!(mine.code, Some(1), "{mine:?}");
    assert_eq!(mine.stdout, theirs.stdout);
    assert_eq!(
        mine.stderr.lines().take(2).collect::<Vec<_>>(),
        theirs.stderr.lines().take(2).collect::<Vec<_>>(),
        "kt: {mine:?}\nApache: {theirs:?}"
    );
}

#[test]
fn kts_own_name_describes_and_expires_apaches_token_without_its_hmac() {
    let b = kt_testkit::broker().sasl_address();
    let dir = tempfile::tempdir().unwrap();
    let config = carol(&dir);
    let renewer = format!("User:{}", random_name("renewer"));
    let made = run_tool(
        KAFKA_3,
        CLASS,
        &[
            "--bootstrap-server",
            &b,
            "--command-config",
            &config,
            "--create",
            "--max-life-time-period",
            "-1",
            "--renewer-principal",
            &renewer,
        ],
        b"",
        DEADLINE,
    )
    .expect("Apache's tool");
    assert_eq!(made.code, Some(0), "{made:?}");
    let (id, hmac) = created(&made.stdout);

    let connection = ["-b", b.as_str(), "--command-config", config.as_str()];
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["delegation-tokens"];
        args.extend(connection);
        args.extend(extra);
        args.extend(["-o", "json"]);
        let run = kt(&args);
        assert_eq!(run.code, Some(0), "{run:?}");
        assert!(
            !run.stdout.contains(&hmac),
            "a described token's HMAC: {run:?}"
        );
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:?}"))
    };
    // No owner: every token carol may see, this one among them (once the
    // broker has replayed what the controller committed: bounded).
    let find = |all: &serde_json::Value| -> Option<serde_json::Value> {
        all.as_array()?
            .iter()
            .find(|t| t["token_id"] == id.as_str())
            .cloned()
    };
    let mut all = json(&[]);
    for _ in 0..50 {
        if find(&all).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        all = json(&[]);
    }
    let token = find(&all).unwrap_or_else(|| panic!("{id} not in {all}"));
    assert_eq!(token["owner"], "User:carol");
    assert_eq!(token["renewers"], serde_json::json!([renewer]));
    assert!(
        token["max_ms"].as_i64() > token["issued_ms"].as_i64(),
        "{token}"
    );
    assert!(token.get("hmac").is_none(), "{token}");

    let mut expire = vec!["delegation-tokens", "--expire", "--hmac", &hmac];
    expire.extend(connection);
    let run = kt(&expire);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.starts_with("The token now expires at "),
        "{run:?}"
    );
    // Expired at once: gone once the broker has replayed it (bounded).
    let gone = (0..50).any(|_| {
        let left = json(&["--owner-principal", &renewer]) == serde_json::json!([]);
        if !left {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        left
    });
    assert!(gone, "{id} still described after expiring");

    // A PLAINTEXT listener cannot manage tokens: one line that says what to do.
    let run = kt(&["delegation-tokens", "-b", &bootstrap()]);
    assert_eq!(run.code, Some(2), "{run:?}");
    assert!(run.stderr.contains("connect with SASL"), "{run:?}");
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{run:?}");
}
