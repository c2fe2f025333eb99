//! Turns Java client properties into librdkafka configuration.
//!
//! Kafka's tools take Java client properties; librdkafka spells many of them
//! differently and rejects keys it does not know, where Java only warns. One
//! table ([`java_rule`]) decides, per key, whether to translate, drop or pass it
//! on; everything else is checked against librdkafka itself.

use std::time::Duration;

use rdkafka::error::KafkaError;
use rdkafka::types::RDKafkaConfRes;

use crate::error::KtError;
use crate::props::{is_secret, Property, Source};
use crate::stores::{self, StoreSettings, Trust};

/// The client configuration kt hands to librdkafka, with what it set aside.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Translated {
    /// librdkafka keys and values, in the order they apply (later wins).
    pub entries: Vec<(String, String)>,
    /// `default.api.timeout.ms`, which librdkafka lacks: kt applies it itself.
    pub api_timeout: Option<Duration>,
    /// One line per unknown key, printed once as Kafka's clients warn.
    pub warnings: Vec<String>,
    /// Java-only keys dropped on purpose, printed under `--verbose`.
    pub notes: Vec<String>,
    /// For an unknown key (in `warnings`' order), the known key it is
    /// probably a typo of, if one is close.
    pub suggestions: Vec<Option<&'static str>>,
}

impl Translated {
    /// The value a key ends up with, if set.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn set(&mut self, key: &str, value: impl Into<String>) {
        self.entries.push((key.to_string(), value.into()));
    }

    /// Kafka's producer default since 3.0: idempotence on when acks is all
    /// (the default), so retries neither lose nor duplicate records. Java
    /// drops it silently when acks is 0 or 1; librdkafka would refuse.
    pub fn idempotence_default(&self, cfg: &mut rdkafka::ClientConfig) {
        // The tool's settings are in `cfg` too (a forced `acks`).
        let acks = cfg.get("acks").or_else(|| self.get("acks")).unwrap_or("-1");
        let all_acks = matches!(acks.trim(), "all" | "-1");
        // Java leaves idempotence off, unless asked for, when retries are 0.
        let no_retries = cfg.get("retries").is_some_and(|r| r.trim() == "0");
        match self.get("enable.idempotence") {
            Some(v) if v.trim().eq_ignore_ascii_case("true") && !all_acks => {
                cfg.set("enable.idempotence", "false");
            }
            None if all_acks && !no_retries => {
                cfg.set("enable.idempotence", "true");
            }
            _ => {}
        }
    }
}

/// What to do with one Java property.
#[derive(Debug, PartialEq, Eq)]
enum Rule {
    /// Java-only, no librdkafka meaning: accept and drop.
    Drop,
    /// Same meaning under another librdkafka name.
    Rename(&'static str),
    /// A value kt needs to rewrite or interpret.
    Special,
    /// One setting of a Java trust or key store, read once all are known.
    Store,
    /// Not a Java-only key: librdkafka decides whether it knows it.
    PassThrough,
}

fn java_rule(key: &str) -> Rule {
    match key {
        "key.serializer"
        | "value.serializer"
        | "key.deserializer"
        | "value.deserializer"
        | "interceptor.classes"
        | "metric.reporters"
        | "auto.include.jmx.reporter"
        | "ssl.keymanager.algorithm"
        | "ssl.trustmanager.algorithm"
        | "max.poll.records"
        | "max.block.ms"
        | "client.dns.lookup"
        | "security.providers" => Rule::Drop,
        k if k.starts_with("metrics.") || k.ends_with(".callback.handler.class") => Rule::Drop,
        "max.request.size" => Rule::Rename("message.max.bytes"),
        "delivery.timeout.ms" => Rule::Rename("message.timeout.ms"),
        "send.buffer.bytes" => Rule::Rename("socket.send.buffer.bytes"),
        "receive.buffer.bytes" => Rule::Rename("socket.receive.buffer.bytes"),
        "metadata.max.age.ms" => Rule::Rename("topic.metadata.refresh.interval.ms"),
        "fetch.max.wait.ms" => Rule::Rename("fetch.wait.max.ms"),
        "buffer.memory"
        // Java 2.7+'s inline PEM settings.
        | "ssl.truststore.certificates"
        | "ssl.keystore.certificate.chain"
        | "ssl.keystore.key"
        | "default.api.timeout.ms"
        | "auto.offset.reset"
        | "security.protocol"
        | "partition.assignment.strategy"
        | "ssl.endpoint.identification.algorithm"
        | "sasl.jaas.config" => Rule::Special,
        "ssl.truststore.location"
        | "ssl.truststore.password"
        | "ssl.truststore.type"
        | "ssl.keystore.location"
        | "ssl.keystore.password"
        | "ssl.keystore.type"
        | "ssl.key.password" => Rule::Store,
        _ => Rule::PassThrough,
    }
}

/// The SASL mechanisms both of kt's paths speak (Apache's clients, too).
const SASL_MECHANISMS: [&str; 5] = [
    "PLAIN",
    "SCRAM-SHA-256",
    "SCRAM-SHA-512",
    "GSSAPI",
    "OAUTHBEARER",
];

/// Translates properties, in order, into librdkafka settings.
///
/// Unknown keys become warnings and are not passed on; a bad value for a key
/// librdkafka knows is an error naming the key, the value and where it came from.
pub fn translate(props: &[Property]) -> Result<Translated, KtError> {
    let probe = Probe::new();
    let mut out = Translated::default();
    let mut stores = Stores::default();
    for prop in props {
        let key = prop.key.trim();
        let value = prop.value.as_str();
        if matches!(key, "sasl.mechanism" | "sasl.mechanisms")
            && !SASL_MECHANISMS.contains(&value.trim().to_ascii_uppercase().as_str())
        {
            return Err(KtError::config(format!(
                "{key} {value} (from {}) is not a SASL mechanism kt speaks; use {}",
                prop.source,
                SASL_MECHANISMS.join(", ")
            )));
        }
        if prop.source == Source::Librdkafka {
            probe.check(key, value, prop, key)?;
            out.set(key, value);
            continue;
        }
        match java_rule(key) {
            Rule::Drop => out.notes.push(format!(
                "ignoring '{key}' (from {}): a Java client setting with no librdkafka meaning",
                prop.source
            )),
            Rule::Rename(to) => {
                probe.check(to, value, prop, key)?;
                out.set(to, value);
            }
            Rule::Special => special(key, value, prop, &probe, &mut out)?,
            Rule::Store => stores.take(key, value, prop),
            Rule::PassThrough => match probe.classify(key, value) {
                Verdict::Ok => out.set(key, value),
                Verdict::Unknown => {
                    out.suggestions.push(closest_known(key));
                    out.warnings.push(format!(
                        "The configuration '{key}' was supplied but isn't a known config."
                    ));
                }
                Verdict::Invalid(reason) => return Err(invalid(key, value, prop, &reason)),
            },
        }
    }
    stores.resolve(&mut out)?;
    Ok(out)
}

/// Warns, as ssh does, when a file holding `what` can be read by others.
fn readable(out: &mut Translated, path: &str, what: &str) {
    if let Some(w) = crate::props::readable_warning(std::path::Path::new(path), &[what]) {
        out.warnings.push(w.trim_start_matches("WARN ").to_string());
        out.suggestions.push(None);
    }
}

/// Java's store settings, gathered as they come and read at the end (a
/// store needs its location, password and type together).
#[derive(Default)]
struct Stores {
    trust: StoreSettings,
    key: StoreSettings,
    key_password: Option<String>,
}

impl Stores {
    fn take(&mut self, key: &str, value: &str, prop: &Property) {
        let (store, field) = match key.split_once("store.") {
            Some(("ssl.trust", field)) => (&mut self.trust, field),
            Some(("ssl.key", field)) => (&mut self.key, field),
            _ => {
                self.key_password = Some(value.to_string());
                return;
            }
        };
        match field {
            "location" => store.location = Some((value.to_string(), prop.source.to_string())),
            "password" => store.password = Some(value.to_string()),
            _ => store.kind = Some(value.to_string()),
        }
    }

    /// librdkafka's settings for the stores: PEM text in memory, or a PEM
    /// trust file it reads itself.
    fn resolve(self, out: &mut Translated) -> Result<(), KtError> {
        match stores::trust(&self.trust)? {
            Some(Trust::File(path)) => out.set("ssl.ca.location", path),
            Some(Trust::Pem(pem)) => out.set("ssl.ca.pem", pem),
            None => {}
        }
        if let Some((path, _)) = &self.key.location {
            readable(out, path, "a private key");
        }
        match stores::identity(&self.key, self.key_password.as_deref())? {
            Some(identity) => {
                out.set("ssl.certificate.pem", identity.certificates);
                out.set("ssl.key.pem", identity.key);
                if identity.encrypted {
                    if let Some(p) = self.key_password {
                        out.set("ssl.key.password", p);
                    }
                }
            }
            // A key given inline (`ssl.keystore.key`) or as librdkafka's
            // ssl.key.location may be encrypted with it.
            None => {
                if let Some(p) = self.key_password {
                    out.set("ssl.key.password", p);
                }
            }
        }
        Ok(())
    }
}

/// Client settings people type, Java's and librdkafka's names: the
/// candidates for "did you mean".
const COMMON_KEYS: &[&str] = &[
    "acks",
    "api.version.request",
    "auto.commit.interval.ms",
    "auto.offset.reset",
    "batch.num.messages",
    "batch.size",
    "bootstrap.servers",
    "broker.address.family",
    "buffer.memory",
    "client.id",
    "compression.type",
    "connections.max.idle.ms",
    "debug",
    "default.api.timeout.ms",
    "delivery.timeout.ms",
    "enable.auto.commit",
    "enable.idempotence",
    "fetch.max.bytes",
    "fetch.max.wait.ms",
    "fetch.min.bytes",
    "group.id",
    "group.instance.id",
    "heartbeat.interval.ms",
    "isolation.level",
    "linger.ms",
    "max.partition.fetch.bytes",
    "max.poll.interval.ms",
    "max.request.size",
    "message.max.bytes",
    "message.timeout.ms",
    "metadata.max.age.ms",
    "partition.assignment.strategy",
    "queue.buffering.max.kbytes",
    "queue.buffering.max.messages",
    "queue.buffering.max.ms",
    "receive.buffer.bytes",
    "request.timeout.ms",
    "retries",
    "retry.backoff.ms",
    "sasl.jaas.config",
    "sasl.mechanism",
    "sasl.mechanisms",
    "sasl.password",
    "sasl.username",
    "security.protocol",
    "send.buffer.bytes",
    "session.timeout.ms",
    "socket.connection.setup.timeout.ms",
    "socket.keepalive.enable",
    "ssl.ca.location",
    "ssl.certificate.location",
    "ssl.endpoint.identification.algorithm",
    "ssl.key.location",
    "ssl.key.password",
    "ssl.keystore.location",
    "ssl.keystore.password",
    "ssl.truststore.location",
    "ssl.truststore.password",
    "statistics.interval.ms",
    "transaction.timeout.ms",
    "transactional.id",
];

/// The common key `key` is most likely a typo of (at most two edits away).
fn closest_known(key: &str) -> Option<&'static str> {
    COMMON_KEYS
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

fn special(
    key: &str,
    value: &str,
    prop: &Property,
    probe: &Probe,
    out: &mut Translated,
) -> Result<(), KtError> {
    let number = |v: &str| -> Result<u64, KtError> {
        v.trim()
            .parse::<u64>()
            .map_err(|_| invalid(key, v, prop, "not a non-negative whole number"))
    };
    match key {
        "buffer.memory" => {
            let kbytes = number(value)?.div_ceil(1024).max(1);
            out.set("queue.buffering.max.kbytes", kbytes.to_string());
        }
        "default.api.timeout.ms" => {
            out.api_timeout = Some(Duration::from_millis(number(value)?));
        }
        "auto.offset.reset" => {
            let v = if value == "none" { "error" } else { value };
            probe.check(key, v, prop, key)?;
            out.set(key, v);
        }
        "ssl.truststore.certificates" | "ssl.keystore.certificate.chain" | "ssl.keystore.key" => {
            let named = format!("{key} (from {})", prop.source);
            let (to, label) = match key {
                "ssl.truststore.certificates" => ("ssl.ca.pem", "CERTIFICATE"),
                "ssl.keystore.certificate.chain" => ("ssl.certificate.pem", "CERTIFICATE"),
                _ => ("ssl.key.pem", "PRIVATE KEY"),
            };
            out.set(to, stores::inline_pem(value, &named, label)?);
        }
        "security.protocol" => {
            let v = value.to_ascii_lowercase();
            probe.check(key, &v, prop, key)?;
            out.set(key, v);
        }
        "partition.assignment.strategy" => {
            let mut names = Vec::new();
            for class in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let short = class.rsplit('.').next().unwrap_or(class);
                names.push(match short {
                    "RangeAssignor" | "range" => "range",
                    "RoundRobinAssignor" | "roundrobin" => "roundrobin",
                    "CooperativeStickyAssignor" | "cooperative-sticky" => "cooperative-sticky",
                    _ => {
                        return Err(invalid(
                            key,
                            value,
                            prop,
                            "librdkafka supports RangeAssignor, RoundRobinAssignor and CooperativeStickyAssignor",
                        ))
                    }
                });
            }
            out.set(key, names.join(","));
        }
        "ssl.endpoint.identification.algorithm" => {
            let v = if value.trim().is_empty() {
                "none"
            } else {
                value
            };
            probe.check(key, v, prop, key)?;
            out.set(key, v);
        }
        "sasl.jaas.config" => {
            let module = crate::jaas::parse(value)
                .map_err(|e| KtError::config(format!("{} (from {})", e.message, prop.source)))?;
            let settings = module
                .settings()
                .map_err(|why| invalid(key, "<redacted>", prop, &why))?;
            for (k, v) in settings {
                probe.check(k, &v, prop, key)?;
                if k == "sasl.kerberos.keytab" {
                    if let Err(e) = std::fs::File::open(&v) {
                        return Err(KtError::config(format!(
                            "cannot read keyTab {v} (sasl.jaas.config, from {}): {}; check keyTab",
                            prop.source,
                            crate::props::io_reason(&e)
                        )));
                    }
                    readable(out, &v, "Kerberos keys");
                }
                out.set(k, v);
            }
        }
        _ => unreachable!("java_rule marks only the keys above as special"),
    }
    Ok(())
}

fn invalid(key: &str, value: &str, prop: &Property, reason: &str) -> KtError {
    let shown = if is_secret(key) || prop.source.is_secret() {
        "<redacted>"
    } else {
        value
    };
    KtError::config(format!(
        "invalid value '{shown}' for property '{key}' (from {}): {reason}",
        prop.source
    ))
}

enum Verdict {
    Ok,
    Unknown,
    Invalid(String),
}

/// Asks librdkafka whether it knows a key and accepts a value, without
/// building a client: rdkafka's `create_native_config` sets the pair on a
/// scratch configuration and reports librdkafka's verdict.
struct Probe;

impl Probe {
    fn new() -> Self {
        Probe
    }

    fn classify(&self, key: &str, value: &str) -> Verdict {
        if key.contains('\0') || value.contains('\0') {
            return Verdict::Invalid("contains a NUL byte".to_string());
        }
        match rdkafka::ClientConfig::new()
            .set(key, value)
            .create_native_config()
        {
            Ok(_) => Verdict::Ok,
            Err(KafkaError::ClientConfig(RDKafkaConfRes::RD_KAFKA_CONF_UNKNOWN, ..)) => {
                Verdict::Unknown
            }
            Err(KafkaError::ClientConfig(_, reason, ..)) => Verdict::Invalid(reason),
            Err(other) => Verdict::Invalid(other.to_string()),
        }
    }

    /// Accepts the key, or errors naming `shown_key` (the name the user wrote).
    fn check(
        &self,
        key: &str,
        value: &str,
        prop: &Property,
        shown_key: &str,
    ) -> Result<(), KtError> {
        match self.classify(key, value) {
            Verdict::Ok => Ok(()),
            Verdict::Unknown => Err(KtError::config(match closest_known(shown_key) {
                Some(close) => format!(
                    "unknown librdkafka property '{shown_key}' (from {}); did you mean '{close}'?",
                    prop.source
                ),
                None => format!(
                    "unknown librdkafka property '{shown_key}' (from {}); see librdkafka's CONFIGURATION.md",
                    prop.source
                ),
            })),
            Verdict::Invalid(reason) => Err(invalid(shown_key, value, prop, &reason)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::props::from_args;

    fn run(args: &[&str]) -> Result<Translated, KtError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        translate(&from_args(&args, "--command-property"))
    }

    #[test]
    fn java_names_are_translated() {
        let t = run(&[
            "buffer.memory=33554433",
            "delivery.timeout.ms=120000",
            "security.protocol=PLAINTEXT",
            "auto.offset.reset=none",
            "partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor",
            "default.api.timeout.ms=2500",
        ])
        .unwrap();
        assert_eq!(t.get("queue.buffering.max.kbytes"), Some("32769"));
        assert_eq!(t.get("message.timeout.ms"), Some("120000"));
        assert_eq!(t.get("security.protocol"), Some("plaintext"));
        assert_eq!(t.get("auto.offset.reset"), Some("error"));
        assert_eq!(t.get("partition.assignment.strategy"), Some("roundrobin"));
        assert_eq!(t.api_timeout, Some(Duration::from_millis(2500)));
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn java_tls_and_sasl_settings_map_to_librdkafka() {
        let dir = tempfile::tempdir().unwrap();
        let (ca, cert, key) = crate::stores::tests::identity_pems();
        let ca_path = dir.path().join("ca-cert");
        std::fs::write(&ca_path, &ca).unwrap();
        let p12 = dir.path().join("client.keystore.p12");
        std::fs::write(&p12, crate::stores::tests::pkcs12(&cert, &key, "ks-pw")).unwrap();
        let t = run(&[
            "security.protocol=SASL_SSL",
            "sasl.mechanism=SCRAM-SHA-512",
            "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p w\";",
            &format!("ssl.truststore.location={}", ca_path.display()),
            "ssl.truststore.type=PEM",
            &format!("ssl.keystore.location={}", p12.display()),
            "ssl.keystore.password=ks-pw",
        ])
        .unwrap();
        assert_eq!(t.get("security.protocol"), Some("sasl_ssl"));
        assert_eq!(t.get("sasl.mechanism"), Some("SCRAM-SHA-512"));
        assert_eq!(t.get("sasl.username"), Some("u"));
        assert_eq!(t.get("sasl.password"), Some("p w"));
        // A PEM trust store librdkafka reads itself; the PKCS#12 keystore in memory.
        assert_eq!(t.get("ssl.ca.location"), ca_path.to_str());
        assert_eq!(t.get("ssl.certificate.pem"), Some(cert.as_str()));
        assert!(t
            .get("ssl.key.pem")
            .is_some_and(|k| k.contains("BEGIN PRIVATE KEY")));
        assert_eq!(t.get("ssl.keystore.location"), None);
        // Single quotes are JAAS quotes too (Java's StreamTokenizer).
        let plain = run(&["sasl.mechanism=PLAIN", "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='a' password=\"b\";"]).unwrap();
        assert_eq!(plain.get("sasl.username"), Some("a"));
        // A wrong store password names the file and the setting, not the password.
        let wrong = run(&[
            &format!("ssl.keystore.location={}", p12.display()),
            "ssl.keystore.password=WRONG-pw-99",
        ])
        .unwrap_err();
        assert!(
            wrong.message.contains("client.keystore.p12"),
            "{}",
            wrong.message
        );
        assert!(
            wrong.message.contains("ssl.keystore.password"),
            "{}",
            wrong.message
        );
        assert!(!wrong.message.contains("WRONG-pw-99"), "{}", wrong.message);
        // A PEM trust store declared as JKS is refused as Java refuses it.
        let typed = run(&[
            &format!("ssl.truststore.location={}", ca_path.display()),
            "ssl.truststore.type=JKS",
        ])
        .unwrap_err();
        assert!(
            typed.message.contains("is not a JKS store"),
            "{}",
            typed.message
        );
    }

    #[test]
    fn java_only_keys_are_dropped_with_a_note() {
        let t = run(&["key.serializer=org.apache.kafka.common.serialization.StringSerializer"])
            .unwrap();
        assert!(t.entries.is_empty());
        assert_eq!(t.notes.len(), 1);
    }

    #[test]
    fn a_typo_gets_the_key_it_is_close_to() {
        let t = run(&["securty.protocol=PLAINTEXT", "no.such.thing=1"]).unwrap();
        assert_eq!(t.suggestions, vec![Some("security.protocol"), None]);
    }

    #[test]
    fn unknown_keys_warn_as_kafka_does_and_are_not_passed_on() {
        let t = run(&["no.such.thing=1", "acks=all"]).unwrap();
        assert_eq!(
            t.warnings,
            vec!["The configuration 'no.such.thing' was supplied but isn't a known config."]
        );
        assert_eq!(t.entries, vec![("acks".to_string(), "all".to_string())]);
    }

    #[test]
    fn bad_values_name_the_key_value_and_source() {
        let err = run(&["compression.type=foo"]).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Config);
        assert!(err.message.contains("'foo'"), "{}", err.message);
        assert!(err.message.contains("compression.type"), "{}", err.message);
        assert!(
            err.message.contains("--command-property"),
            "{}",
            err.message
        );
    }

    #[test]
    fn later_settings_win() {
        let t = run(&["acks=1", "acks=all"]).unwrap();
        assert_eq!(t.get("acks"), Some("all"));
    }

    #[test]
    fn jaas_config_gives_username_and_password_and_is_never_echoed() {
        let t = run(&[
            r#"sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="s3cret";"#,
        ])
        .unwrap();
        assert_eq!(t.get("sasl.username"), Some("alice"));
        assert_eq!(t.get("sasl.password"), Some("s3cret"));
        let err = run(&["sasl.jaas.config=Krb5LoginModule required keyTab=\"/secret/kt.keytab\";"])
            .unwrap_err();
        assert!(
            !err.message.contains("/secret/kt.keytab"),
            "{}",
            err.message
        );
        let err =
            run(&["sasl.jaas.config=PlainLoginModule required password=\"s3cret\""]).unwrap_err();
        assert!(!err.message.contains("s3cret"), "{}", err.message);
    }
}
