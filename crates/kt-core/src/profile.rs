//! Cluster profiles: named clusters in kt's TOML config file, so a user with
//! several clusters never types a bootstrap list again.
//!
//! ```toml
//! default = "local"
//!
//! [clusters.local]
//! bootstrap-servers = "127.0.0.1:9092"
//!
//! [clusters.prod]
//! bootstrap-servers = ["b1:9093", "b2:9093"]   # or zookeeper = "z1:2181/kafka"
//! secret = ["sasl.username"]                     # keys shown redacted besides the usual ones
//! [clusters.prod.properties]
//! security.protocol = "SASL_SSL"                 # Java or librdkafka keys, as in --command-config
//! sasl.mechanism = "SCRAM-SHA-512"
//! sasl.username = "kt"
//! sasl.password = { env = "PROD_KAFKA_PASSWORD" } # or { file = "~/.config/kt/prod.pass" }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::KtError;
use crate::props::is_secret;
use crate::props::{Property, Source};

/// Environment variable naming the config file (beats the platform default).
pub const CONFIG_ENV: &str = "KT_CONFIG";
/// Environment variable naming the cluster (beaten by `--cluster`).
pub const CLUSTER_ENV: &str = "KT_CLUSTER";

/// How the cluster was chosen, in the order kt looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// `--cluster NAME`
    Flag,
    /// `KT_CLUSTER=NAME`
    Env,
    /// `default = "NAME"` in the config file
    Default,
}

impl Choice {
    pub fn explicit(self) -> bool {
        self != Choice::Default
    }

    fn describe(self) -> &'static str {
        match self {
            Choice::Flag => "--cluster",
            Choice::Env => CLUSTER_ENV,
            Choice::Default => "the config file's default",
        }
    }
}

/// A resolved cluster profile.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub chosen_by: Choice,
    pub path: PathBuf,
    pub bootstrap: Option<String>,
    pub zookeeper: Option<String>,
    /// Client properties, secrets already read from their env var or file.
    pub properties: Vec<Property>,
    /// What to tell the user about the file (secrets others can read).
    pub warnings: Vec<String>,
}

/// The parsed config file.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub default: Option<String>,
    clusters: BTreeMap<String, toml::Table>,
}

/// Where kt reads its config: `$KT_CONFIG`, else `<config dir>/kt/config.toml`
/// (`$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Application
/// Support` on macOS). The flag says whether the user named it.
pub fn config_path() -> Option<(PathBuf, bool)> {
    match std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        Some(p) => Some((PathBuf::from(p), true)),
        None => dirs::config_dir().map(|d| (d.join("kt").join("config.toml"), false)),
    }
}

impl ConfigFile {
    /// Reads the config file. A missing file is `None` unless the user named
    /// it with `$KT_CONFIG`.
    pub fn load() -> Result<Option<ConfigFile>, KtError> {
        let Some((path, named)) = config_path() else {
            return Ok(None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => ConfigFile::parse(&path, &text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Ok(None),
            Err(e) => Err(KtError::config(format!(
                "cannot read kt's config file {}: {}; fix it or point {CONFIG_ENV} elsewhere",
                path.display(),
                crate::props::io_reason(&e)
            ))),
        }
    }

    pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, KtError> {
        let bad =
            |why: String| KtError::config(format!("kt's config file {} {why}", path.display()));
        let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            // toml's message spans several lines; the first says what is wrong.
            let first = e
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_string();
            let at = e
                .span()
                .map(|s| format!(" at line {}", text[..s.start].lines().count().max(1)))
                .unwrap_or_default();
            bad(format!("is not valid TOML{at}: {first}"))
        })?;
        let mut default = None;
        let mut clusters = BTreeMap::new();
        for (key, value) in doc {
            match (key.as_str(), value) {
                ("default", toml::Value::String(s)) => default = Some(s),
                ("clusters", toml::Value::Table(t)) => {
                    for (name, cluster) in t {
                        match cluster {
                            toml::Value::Table(c) => {
                                clusters.insert(name, c);
                            }
                            _ => {
                                return Err(bad(format!(
                                    "has [clusters.{name}] that is not a table"
                                )))
                            }
                        }
                    }
                }
                (k, _) => {
                    return Err(bad(format!(
                        "has an unexpected '{k}'; top-level keys are default and clusters"
                    )))
                }
            }
        }
        if let Some(d) = &default {
            if !clusters.contains_key(d) {
                return Err(bad(format!(
                    "names default = \"{d}\" but has no [clusters.{d}]"
                )));
            }
        }
        Ok(ConfigFile {
            path: path.to_path_buf(),
            default,
            clusters,
        })
    }

    /// Secret keys of one cluster written into the file itself (not read
    /// from an environment variable or a file).
    fn plain_secrets(table: &toml::Table) -> Vec<String> {
        let mut keys = Vec::new();
        let marked: Vec<&str> = table
            .get("secret")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|k| k.as_str()).collect())
            .unwrap_or_default();
        if let Some(toml::Value::Table(props)) = table.get("properties") {
            let mut flat = Vec::new();
            if flatten("", props, &mut flat).is_ok() {
                for (key, value) in flat {
                    if matches!(value, Value::Text(_))
                        && (is_secret(&key) || marked.contains(&key.as_str()))
                        && !keys.contains(&key)
                    {
                        keys.push(key);
                    }
                }
            }
        }
        keys
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.clusters.keys().map(String::as_str)
    }

    /// Resolves one cluster, reading its secrets.
    pub fn profile(&self, name: &str, chosen_by: Choice) -> Result<Profile, KtError> {
        self.profile_in(name, chosen_by, &|var| std::env::var(var).ok())
    }

    /// [`ConfigFile::profile`] with `env` for `{ env = "VAR" }` values.
    fn profile_in(
        &self,
        name: &str,
        chosen_by: Choice,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Profile, KtError> {
        let table = self.clusters.get(name).ok_or_else(|| {
            let known: Vec<_> = self.names().collect();
            KtError::config(format!(
                "unknown cluster '{name}' (from {}); {} has {}",
                chosen_by.describe(),
                self.path.display(),
                if known.is_empty() {
                    "no clusters".to_string()
                } else {
                    format!("these: {}", known.join(", "))
                }
            ))
        })?;
        let bad = |why: String| {
            KtError::config(format!(
                "cluster '{name}' in {}: {why}",
                self.path.display()
            ))
        };
        // Only the cluster in use: its secrets are the ones this command reads.
        let plain = Self::plain_secrets(table);
        let keys: Vec<&str> = plain.iter().map(String::as_str).collect();
        let warnings = crate::props::readable_warning(&self.path, &keys)
            .into_iter()
            .collect();
        let mut profile = Profile {
            name: name.to_string(),
            chosen_by,
            path: self.path.clone(),
            bootstrap: None,
            zookeeper: None,
            properties: Vec::new(),
            warnings,
        };
        let mut marked: Vec<String> = Vec::new();
        let mut props = toml::Table::new();
        for (key, value) in table {
            match (key.as_str(), value) {
                ("bootstrap-servers" | "bootstrap.servers", v) => {
                    profile.bootstrap = Some(
                        string_list(v).ok_or_else(|| {
                            bad("bootstrap-servers must be \"host:port,...\" or a list of them".into())
                        })?,
                    )
                }
                ("zookeeper", toml::Value::String(s)) => profile.zookeeper = Some(s.clone()),
                ("secret", v) => {
                    marked = match v {
                        toml::Value::Array(a) => a
                            .iter()
                            .map(|k| k.as_str().map(str::to_string))
                            .collect::<Option<_>>(),
                        _ => None,
                    }
                    .ok_or_else(|| bad("secret must be a list of property names".into()))?
                }
                ("properties", toml::Value::Table(t)) => props = t.clone(),
                (k, _) => {
                    return Err(bad(format!(
                        "unexpected '{k}'; a cluster has bootstrap-servers or zookeeper, properties and secret"
                    )))
                }
            }
        }
        if profile.bootstrap.is_some() && profile.zookeeper.is_some() {
            return Err(bad("give bootstrap-servers or zookeeper, not both".into()));
        }
        let mut flat = Vec::new();
        flatten("", &props, &mut flat).map_err(bad)?;
        for (key, value) in flat {
            let (value, from_secret_store) = match value {
                Value::Text(v) => (v, false),
                Value::Env(var) => (
                    env(&var).ok_or_else(|| {
                        bad(format!(
                            "property '{key}' reads environment variable {var}, which is not set; export it"
                        ))
                    })?,
                    true,
                ),
                Value::File(file) => {
                    let path = expand_home(&file);
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        bad(format!(
                            "property '{key}' reads {}: {}",
                            path.display(),
                            crate::props::io_reason(&e)
                        ))
                    })?;
                    (text.trim_end_matches(['\n', '\r']).to_string(), true)
                }
            };
            let secret = from_secret_store || marked.iter().any(|m| m == &key) || is_secret(&key);
            profile.properties.push(Property {
                key,
                value,
                source: Source::Profile {
                    cluster: name.to_string(),
                    path: self.path.display().to_string(),
                    secret,
                },
            });
        }
        Ok(profile)
    }
}

enum Value {
    Text(String),
    Env(String),
    File(String),
}

/// `security.protocol = "SSL"` is a dotted key in TOML, so property tables
/// nest; flatten them back into Kafka's dotted names. A table holding only
/// `env` or `file` is a secret reference.
fn flatten(
    prefix: &str,
    table: &toml::Table,
    out: &mut Vec<(String, Value)>,
) -> Result<(), String> {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => out.push((key, Value::Text(s.clone()))),
            toml::Value::Integer(i) => out.push((key, Value::Text(i.to_string()))),
            toml::Value::Float(f) => out.push((key, Value::Text(f.to_string()))),
            toml::Value::Boolean(b) => out.push((key, Value::Text(b.to_string()))),
            toml::Value::Array(_) => out.push((
                key.clone(),
                Value::Text(string_list(v).ok_or(format!(
                    "property '{key}' must be a string, number, boolean or list of strings"
                ))?),
            )),
            toml::Value::Table(t) if t.len() == 1 && t.contains_key("env") => match &t["env"] {
                toml::Value::String(var) => out.push((key, Value::Env(var.clone()))),
                _ => return Err(format!("property '{key}': env must name a variable")),
            },
            toml::Value::Table(t) if t.len() == 1 && t.contains_key("file") => match &t["file"] {
                toml::Value::String(f) => out.push((key, Value::File(f.clone()))),
                _ => return Err(format!("property '{key}': file must be a path")),
            },
            toml::Value::Table(t) => flatten(&key, t, out)?,
            toml::Value::Datetime(d) => out.push((key, Value::Text(d.to_string()))),
        }
    }
    Ok(())
}

fn string_list(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Array(items) => items
            .iter()
            .map(|i| i.as_str())
            .collect::<Option<Vec<_>>>()
            .map(|l| l.join(",")),
        _ => None,
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), dirs::home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// Picks the profile: `--cluster`, else `$KT_CLUSTER`, else the file's
/// default when `use_default` (kt's own commands with no endpoint flag).
/// The config file is read only when a profile may apply.
pub fn select(flag: Option<&str>, use_default: bool) -> Result<Option<Profile>, KtError> {
    let named = named(flag);
    if named.is_none() && !use_default {
        return Ok(None);
    }
    select_in(ConfigFile::load()?.as_ref(), named)
}

/// The cluster the user named: `--cluster`, else `$KT_CLUSTER`.
pub fn named(flag: Option<&str>) -> Option<(String, Choice)> {
    let env = std::env::var(CLUSTER_ENV).ok().filter(|v| !v.is_empty());
    match (flag, env) {
        (Some(f), _) => Some((f.to_string(), Choice::Flag)),
        (None, Some(e)) => Some((e, Choice::Env)),
        (None, None) => None,
    }
}

/// The named cluster in `file`, else its default.
pub fn select_in(
    file: Option<&ConfigFile>,
    named: Option<(String, Choice)>,
) -> Result<Option<Profile>, KtError> {
    match (named, file) {
        (Some((name, by)), Some(file)) => file.profile(&name, by).map(Some),
        (Some((name, by)), None) => {
            let path = config_path().map_or_else(
                || "kt's config file".to_string(),
                |(p, _)| p.display().to_string(),
            );
            Err(KtError::config(format!(
                "unknown cluster '{name}' (from {}): there is no {path}; create it (see `kt config --help`)",
                by.describe()
            )))
        }
        (None, Some(file)) => match &file.default {
            Some(d) => file.profile(d, Choice::Default).map(Some),
            None => Ok(None),
        },
        (None, None) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Result<ConfigFile, KtError> {
        ConfigFile::parse(Path::new("/etc/kt.toml"), text)
    }

    #[test]
    fn dotted_keys_flatten_and_lists_join() {
        let f = file(
            r#"
default = "a"
[clusters.a]
bootstrap-servers = ["h1:9092", "h2:9092"]
secret = ["sasl.username"]
[clusters.a.properties]
security.protocol = "SASL_SSL"
"linger.ms" = 5
sasl.username = "me"
enable.idempotence = true
"#,
        )
        .unwrap();
        let p = f.profile("a", Choice::Flag).unwrap();
        assert_eq!(p.bootstrap.as_deref(), Some("h1:9092,h2:9092"));
        let get = |k: &str| p.properties.iter().find(|x| x.key == k).unwrap();
        assert_eq!(get("security.protocol").value, "SASL_SSL");
        assert_eq!(get("linger.ms").value, "5");
        assert_eq!(get("enable.idempotence").value, "true");
        assert!(get("sasl.username").source.is_secret());
        assert!(!get("linger.ms").source.is_secret());
    }

    #[test]
    fn secrets_come_from_env_and_files() {
        let mut secret = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut secret, b"s3cret\n").unwrap();
        // Not set_var: other tests of this binary run on other threads.
        let env = |var: &str| (var == "KT_TEST_PROFILE_PW").then(|| "from-env".to_string());
        let text = format!(
            "[clusters.a]\nbootstrap-servers = \"h:1\"\n[clusters.a.properties]\nsasl.password = {{ env = \"KT_TEST_PROFILE_PW\" }}\nssl.key.password = {{ file = \"{}\" }}\n",
            secret.path().display()
        );
        let p = file(&text)
            .unwrap()
            .profile_in("a", Choice::Env, &env)
            .unwrap();
        assert_eq!(p.properties[0].value, "from-env");
        assert_eq!(p.properties[1].value, "s3cret");
        assert!(p.properties.iter().all(|x| x.source.is_secret()));
        let missing = file("[clusters.a.properties]\nx = { env = \"KT_TEST_SURELY_UNSET\" }\n")
            .unwrap()
            .profile_in("a", Choice::Flag, &env)
            .unwrap_err();
        assert!(missing
            .message
            .contains("KT_TEST_SURELY_UNSET, which is not set"));
    }

    #[test]
    fn bad_files_say_where() {
        assert!(file("default = \"b\"\n[clusters.a]\n")
            .unwrap_err()
            .message
            .contains("no [clusters.b]"));
        assert!(file("[clusters\n")
            .unwrap_err()
            .message
            .contains("not valid TOML at line 1"));
        assert!(file("colour = 1\n")
            .unwrap_err()
            .message
            .contains("unexpected 'colour'"));
        let f = file("[clusters.a]\nbootstrap-servers = \"x:1\"\nzookeeper = \"z:2\"\n").unwrap();
        assert!(f
            .profile("a", Choice::Flag)
            .unwrap_err()
            .message
            .contains("not both"));
        let unknown = f.profile("zz", Choice::Flag).unwrap_err();
        assert_eq!(
            unknown.message,
            "unknown cluster 'zz' (from --cluster); /etc/kt.toml has these: a"
        );
    }
}
