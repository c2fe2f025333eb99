//! Java-style client properties: `.properties` files and `key=value` arguments.

use std::path::Path;

use crate::error::KtError;

/// One `key=value` setting with where it came from, so errors can name the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub key: String,
    pub value: String,
    pub source: Source,
}

/// Where a property came from. Later sources override earlier ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A Java properties file (`--command-config` and its tool-specific names).
    File(String),
    /// A repeatable `key=value` flag such as `--command-property`.
    Flag(&'static str),
    /// A kcat-style `-X key=value`, passed to librdkafka untranslated.
    Librdkafka,
    /// A cluster profile in kt's config file; `secret` values are never shown.
    Profile {
        cluster: String,
        path: String,
        secret: bool,
    },
}

impl Source {
    /// Whether the value must be redacted whatever its key.
    pub fn is_secret(&self) -> bool {
        matches!(self, Source::Profile { secret: true, .. })
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::File(path) => write!(f, "{path}"),
            Source::Flag(flag) => write!(f, "{flag}"),
            Source::Librdkafka => f.write_str("-X"),
            Source::Profile { cluster, path, .. } => write!(f, "cluster '{cluster}' in {path}"),
        }
    }
}

/// Splits `k=v` at the first `=`, as Kafka does: `k` and `k=` both give an empty
/// value and nothing is unescaped.
pub fn split_key_value(arg: &str) -> (String, String) {
    match arg.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => (arg.to_string(), String::new()),
    }
}

/// Parses repeated `k=v` flag values into properties.
pub fn from_args(args: &[String], flag: &'static str) -> Vec<Property> {
    args.iter()
        .map(|arg| {
            let (key, value) = split_key_value(arg);
            Property {
                key,
                value,
                source: Source::Flag(flag),
            }
        })
        .collect()
}

/// Keys whose values never appear in messages.
pub fn is_secret(key: &str) -> bool {
    key.contains("password")
        || key.contains("secret")
        || key == "sasl.jaas.config"
        // A private key in PEM, Java's inline one or librdkafka's.
        || key == "ssl.keystore.key"
        || key == "ssl.key.pem"
}

/// Reads a Java `.properties` file (comments, `k=v`/`k:v`/`k v`, escapes,
/// continuation lines), in file order.
pub fn read_file(path: &Path) -> Result<Vec<Property>, KtError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        let error = KtError::config(format!(
            "cannot read properties file {shown}: {}; check the path given to --command-config",
            io_reason(&e)
        ));
        match e.kind() {
            std::io::ErrorKind::NotFound => {
                error.thrown("java.nio.file.NoSuchFileException", shown.clone())
            }
            std::io::ErrorKind::PermissionDenied => {
                error.thrown("java.nio.file.AccessDeniedException", shown.clone())
            }
            _ => error,
        }
    })?;
    let mut out = Vec::new();
    // Java reads a properties file as ISO-8859-1: each byte is one char.
    // Decoded here, not by java-properties, whose decoder panics on a file
    // that ends inside what could start a UTF-8 byte-order mark (a lone 0xEF).
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    java_properties::PropertiesIter::new_with_encoding(text.as_bytes(), encoding_rs::UTF_8)
        .read_into(|key, value| {
            out.push(Property {
                key,
                value,
                source: Source::File(shown.clone()),
            })
        })
        .map_err(|e| KtError::config(format!("cannot parse properties file {shown}: {e}")))?;
    Ok(out)
}

/// The warning for a file holding secrets that other users can read, if it
/// is one: `WARN … run chmod 600 …`.
pub fn readable_warning(path: &Path, secret_keys: &[&str]) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    if secret_keys.is_empty() {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    (meta.permissions().mode() & 0o077 != 0).then(|| {
        format!(
            "WARN {} holds secrets ({}) and other users can read it; run chmod 600 {}",
            path.display(),
            secret_keys.join(", "),
            path.display()
        )
    })
}

/// Whether a secret setting's value is one worth hiding from other users: a
/// JAAS line that only points at a ticket cache or a keytab holds none.
fn holds_secret(p: &Property) -> bool {
    if p.key != "sasl.jaas.config" {
        return !p.value.is_empty();
    }
    let v = p.value.to_ascii_lowercase();
    ["password", "secret", "token", "unsecuredloginstringclaim"]
        .iter()
        .any(|s| v.contains(s))
}

/// [`read_file`] and, for a file holding secrets others can read, the
/// warning to show.
pub fn read_file_checked(path: &Path) -> Result<(Vec<Property>, Option<String>), KtError> {
    let props = read_file(path)?;
    let secrets: Vec<&str> = props
        .iter()
        .filter(|p| is_secret(&p.key) && holds_secret(p))
        .map(|p| p.key.as_str())
        .collect();
    let warning = readable_warning(path, &secrets);
    Ok((props, warning))
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_jaas_line_without_a_secret_is_not_one() {
        let jaas = |value: &str| Property {
            key: "sasl.jaas.config".into(),
            value: value.into(),
            source: Source::Flag("test"),
        };
        let krb = "com.sun.security.auth.module.Krb5LoginModule required useTicketCache=true;";
        assert!(!holds_secret(&jaas(krb)));
        let plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=a password=b;";
        assert!(holds_secret(&jaas(plain)));
    }

    #[test]
    fn key_value_splits_at_first_equals() {
        assert_eq!(split_key_value("a=b=c"), ("a".into(), "b=c".into()));
        assert_eq!(split_key_value("a="), ("a".into(), "".into()));
        assert_eq!(split_key_value("a"), ("a".into(), "".into()));
        assert_eq!(split_key_value("=x"), ("".into(), "x".into()));
    }

    #[test]
    fn properties_file_follows_java_rules() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        write!(
            f,
            "# comment\n! also comment\nacks=all\nlinger.ms: 5\nclient.id console\n\
             key.separator=\\t\nsasl.jaas.config=a \\\n    b\nunicode=\\u0041\n"
        )
        .unwrap();
        let props = read_file(f.path()).unwrap();
        let pairs: Vec<(&str, &str)> = props
            .iter()
            .map(|p| (p.key.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("acks", "all"),
                ("linger.ms", "5"),
                ("client.id", "console"),
                ("key.separator", "\t"),
                ("sasl.jaas.config", "a b"),
                ("unicode", "A"),
            ]
        );
    }

    #[test]
    fn bytes_read_as_iso_8859_1_and_never_panic() {
        let file = |bytes: &[u8]| {
            let mut f = tempfile::NamedTempFile::new().unwrap();
            std::io::Write::write_all(&mut f, bytes).unwrap();
            f
        };
        assert!(read_file(file(&[0xEF]).path()).is_ok());
        let props = read_file(file(b"k=caf\xe9\n").path()).unwrap();
        assert_eq!(props[0].value, "caf\u{e9}");
    }

    #[test]
    fn missing_file_is_one_config_error() {
        let err = read_file(Path::new("/nonexistent/kt.properties")).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Config);
        assert!(err.message.contains("/nonexistent/kt.properties"));
        assert!(err.message.contains("no such file"));
        assert!(!err.message.contains('\n'));
    }
}

#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    proptest! {
        /// Any bytes as a properties file: parsed or one error, never a panic.
        #[test]
        fn fuzz_properties_files(text in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut f = tempfile::NamedTempFile::new().unwrap();
            std::io::Write::write_all(&mut f, &text).unwrap();
            if let Err(e) = super::read_file(f.path()) {
                prop_assert!(!e.message.is_empty());
            }
        }

        #[test]
        fn fuzz_key_value_split(arg in "\\PC{0,40}") {
            let (k, v) = super::split_key_value(&arg);
            if arg.contains('=') {
                prop_assert_eq!(format!("{k}={v}"), arg);
            } else {
                prop_assert_eq!((k.as_str(), v.as_str()), (arg.as_str(), ""));
            }
        }

        /// Profile files and fault specs: parsed or one error.
        #[test]
        fn fuzz_profiles_and_fault_specs(text in "[a-z\\[\\]=\". \n{}0-9,]{0,120}") {
            if let Ok(file) = crate::profile::ConfigFile::parse(std::path::Path::new("/p.toml"), &text) {
                let names: Vec<String> = file.names().map(str::to_string).collect();
                for n in names {
                    let _ = file.profile(&n, crate::profile::Choice::Flag);
                }
            }
            if let Err(e) = crate::faults::parse(&text) {
                prop_assert!(!e.message.contains('\n'));
            }
        }
    }
}
