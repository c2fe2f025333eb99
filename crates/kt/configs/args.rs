//! kafka-configs' options, the checks of `ConfigCommandOptions.checkArgs` in
//! their order, and how it reads `--add-config` and `--add-config-file`.

use std::path::PathBuf;

use clap::Args;
use kt_core::{ConnectionArgs, Endpoint, KtError, OutputArgs};

use crate::java_order::{hash_map_order, string_hash};

#[derive(Args, Debug, Clone, Default)]
pub struct ConfigsArgs {
    /// Alter the configuration for the entity.
    #[arg(long)]
    pub alter: bool,
    /// List configs for the given entity.
    #[arg(long)]
    pub describe: bool,
    /// List all configs for the given topic, broker, or broker-logger entity (includes static configuration when the entity type is brokers)
    #[arg(long)]
    pub all: bool,
    /// Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics)
    #[arg(long, value_name = "TYPE")]
    pub entity_type: Vec<String>,
    /// Name of entity (topic name/client id/user principal name/broker id/ip/client metrics)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    pub entity_name: Vec<String>,
    /// Default entity name for clients/users/brokers/ips (applies to corresponding entity type in command line)
    #[arg(long)]
    pub entity_default: bool,
    /// Key Value pairs of configs to add. Square brackets can be used to group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'.
    #[arg(long, value_name = "k1=v1,k2=[v1,v2]", allow_hyphen_values = true)]
    pub add_config: Option<String>,
    /// Path to a properties file with configs to add. See add-config for a list of valid configurations.
    #[arg(long, value_name = "FILE")]
    pub add_config_file: Option<PathBuf>,
    /// config keys to remove 'k1,k2'
    #[arg(long, value_name = "k1,k2", value_delimiter = ',')]
    pub delete_config: Vec<String>,
    /// Suppress console prompts
    #[arg(long)]
    pub force: bool,
    /// The topic's name.
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// The client's ID.
    #[arg(long, value_name = "CLIENT-ID")]
    pub client: Option<String>,
    /// The config defaults for all clients.
    #[arg(long)]
    pub client_defaults: bool,
    /// The user's principal name.
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// The config defaults for all users.
    #[arg(long)]
    pub user_defaults: bool,
    /// The broker's ID.
    #[arg(long, value_name = "ID")]
    pub broker: Option<String>,
    /// The config defaults for all brokers.
    #[arg(long)]
    pub broker_defaults: bool,
    /// The broker's ID for its logger config.
    #[arg(long, value_name = "ID")]
    pub broker_logger: Option<String>,
    /// The IP address.
    #[arg(long, value_name = "IP")]
    pub ip: Option<String>,
    /// The config defaults for all IPs.
    #[arg(long)]
    pub ip_defaults: bool,
    /// The Kafka controllers to connect to (kt: not supported, give --bootstrap-server)
    #[arg(long, value_name = "HOST:PORT")]
    pub bootstrap_controller: Option<String>,
    /// Identifies the file where ZooKeeper client TLS connectivity properties are defined.
    #[arg(long, value_name = "FILE")]
    pub zk_tls_config_file: Option<String>,
    /// kt: do not ask before altering on a terminal
    #[arg(long, short = 'y', help_heading = "kt")]
    pub yes: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

pub const TOPICS: &str = "topics";
pub const CLIENTS: &str = "clients";
pub const USERS: &str = "users";
pub const BROKERS: &str = "brokers";
pub const BROKER_LOGGERS: &str = "broker-loggers";
pub const IPS: &str = "ips";
pub const CLIENT_METRICS: &str = "client-metrics";

const BROKER_TYPES: [&str; 7] = [
    TOPICS,
    CLIENTS,
    USERS,
    BROKERS,
    IPS,
    BROKER_LOGGERS,
    CLIENT_METRICS,
];
const ZK_TYPES: [&str; 2] = [USERS, BROKERS];

/// An IllegalArgumentException: its message alone, exit 1 (kt: 2).
pub fn illegal(message: impl Into<String>) -> KtError {
    KtError::config(message)
}

impl ConfigsArgs {
    /// `entityTypes`: `--entity-type`s, then the entity flags, then the
    /// defaults flags.
    pub fn entity_types(&self) -> Vec<String> {
        let mut types: Vec<String> = self.entity_type.clone();
        for (given, t) in [
            (self.topic.is_some(), TOPICS),
            (self.client.is_some(), CLIENTS),
            (self.user.is_some(), USERS),
            (self.broker.is_some(), BROKERS),
            (self.broker_logger.is_some(), BROKER_LOGGERS),
            (self.ip.is_some(), IPS),
            (self.client_defaults, CLIENTS),
            (self.user_defaults, USERS),
            (self.broker_defaults, BROKERS),
            (self.ip_defaults, IPS),
        ] {
            if given {
                types.push(t.to_string());
            }
        }
        types
    }

    /// `entityNames`: `--entity-name`s and `--entity-default` in the order
    /// given (`raw` is the command line), then the flags' names, then ""
    /// for each defaults flag.
    pub fn entity_names(&self, raw: &[String]) -> Vec<String> {
        let mut names = Vec::new();
        let mut given = self.entity_name.iter();
        let mut defaults = usize::from(self.entity_default);
        for word in raw {
            let word = word.split('=').next().unwrap_or_default();
            if word == "--entity-name" {
                if let Some(n) = given.next() {
                    names.push(n.clone());
                }
            } else if word == "--entity-default" && defaults > 0 {
                names.push(String::new());
                defaults -= 1;
            }
        }
        names.extend(given.cloned());
        names.extend(std::iter::repeat_n(String::new(), defaults));
        for name in [
            &self.topic,
            &self.client,
            &self.user,
            &self.broker,
            &self.broker_logger,
            &self.ip,
        ]
        .into_iter()
        .flatten()
        {
            names.push(name.clone());
        }
        for given in [
            self.client_defaults,
            self.user_defaults,
            self.broker_defaults,
            self.ip_defaults,
        ] {
            if given {
                names.push(String::new());
            }
        }
        names
    }

    fn has_entity_flags(&self) -> bool {
        self.topic.is_some()
            || self.client.is_some()
            || self.user.is_some()
            || self.broker.is_some()
            || self.broker_logger.is_some()
            || self.ip.is_some()
            || self.client_defaults
            || self.user_defaults
            || self.broker_defaults
            || self.ip_defaults
    }

    /// `checkArgs`, in Kafka's order. `kafka_name`: Kafka requires one
    /// action; kt's own name picks one from the other flags.
    pub fn check(&mut self, raw: &[String], kafka_name: bool) -> Result<(), KtError> {
        if !kafka_name && !self.alter && !self.describe {
            let changes = self.add_config.is_some()
                || self.add_config_file.is_some()
                || !self.delete_config.is_empty();
            self.alter = changes;
            self.describe = !changes;
        }
        if self.alter == self.describe {
            return Err(KtError::usage(
                "Command must include exactly one action: --describe, --alter",
            ));
        }
        if self.describe {
            for (given, name) in [
                (self.add_config.is_some(), "add-config"),
                (!self.delete_config.is_empty(), "delete-config"),
            ] {
                if given {
                    return Err(KtError::usage(format!(
                        "Option \"[describe]\" can't be used with option \"[{name}]\""
                    )));
                }
            }
        }
        let types = self.entity_types();
        let mut distinct: Vec<&String> = Vec::new();
        for t in &types {
            if !distinct.contains(&t) {
                distinct.push(t);
            }
        }
        if types.len() != distinct.len() {
            // Scala's multiset `diff`: each distinct type taken out once.
            let mut rest = types.clone();
            for t in &distinct {
                if let Some(i) = rest.iter().position(|r| r == *t) {
                    rest.remove(i);
                }
            }
            return Err(illegal(format!(
                "Duplicate entity type(s) specified: {}",
                rest.join(",")
            )));
        }
        let endpoint = self.connection.endpoint()?;
        let c = &self.connection;
        let bootstrap = c.bootstrap_server.is_some()
            || c.broker_list.is_some()
            || (c.zookeeper.is_none() && matches!(endpoint, Some(Endpoint::Brokers(_))));
        let zookeeper = c.zookeeper.is_some() || matches!(endpoint, Some(Endpoint::ZooKeeper(_)));
        let brokers = bootstrap || self.bootstrap_controller.is_some();
        let (allowed, connect): (&[&str], &str) = if brokers {
            (
                &BROKER_TYPES,
                "--bootstrap-server or --bootstrap-controller",
            )
        } else {
            (&ZK_TYPES, "--zookeeper")
        };
        if let Some(bad) = types.iter().find(|t| !allowed.contains(&t.as_str())) {
            return Err(illegal(format!(
                "Invalid entity type {bad}, the entity type must be one of {} with a {connect} argument",
                allowed.join(", ")
            )));
        }
        if types.is_empty() {
            return Err(illegal("At least one entity type must be specified"));
        }
        let has = |t: &str| types.iter().any(|x| x == t);
        if types.len() > 1 && !(has(USERS) && has(CLIENTS)) {
            return Err(illegal(
                "Only 'users' and 'clients' entity types may be specified together",
            ));
        }
        if (!self.entity_name.is_empty() || !self.entity_type.is_empty() || self.entity_default)
            && self.has_entity_flags()
        {
            return Err(illegal(
                "--entity-{type,name,default} should not be used in conjunction with specific entity flags",
            ));
        }
        let names = self.entity_names(raw);
        let has_name = names.iter().any(|n| !n.is_empty());
        let has_default = names.iter().any(|n| n.is_empty());
        let connects = usize::from(bootstrap)
            + usize::from(self.bootstrap_controller.is_some())
            + usize::from(zookeeper);
        if connects == 0 {
            return Err(illegal(
                "One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified",
            ));
        }
        if connects > 1 {
            return Err(illegal(
                "Only one of --bootstrap-server, --boostrap-controller, and --zookeeper can be specified",
            ));
        }
        if self.all && zookeeper {
            return Err(illegal("--bootstrap-server must be specified for --all"));
        }
        if self.zk_tls_config_file.is_some() && !zookeeper {
            return Err(illegal(
                "Only the --zookeeper option can be used with the --zk-tls-config-file option.",
            ));
        }
        let head = &types[0];
        if has_name && (has(BROKERS) || has(BROKER_LOGGERS)) {
            let ids = [
                self.entity_name.first(),
                self.broker.as_ref(),
                self.broker_logger.as_ref(),
            ];
            for id in ids.into_iter().flatten() {
                if id.parse::<i32>().is_err() {
                    return Err(illegal(format!(
                        "The entity name for {head} must be a valid integer broker id, but it is: {id}"
                    )));
                }
            }
        }
        if has_name && has(IPS) {
            for ip in [self.entity_name.first(), self.ip.as_ref()]
                .into_iter()
                .flatten()
            {
                if !valid_ip_entity(ip) {
                    return Err(illegal(format!(
                        "The entity name for {head} must be a valid IP or resolvable host, but it is: {ip}"
                    )));
                }
            }
        }
        if self.describe && has(BROKER_LOGGERS) && !has_name {
            return Err(illegal(format!(
                "an entity name must be specified with --describe of {}",
                types.join(",")
            )));
        }
        if self.alter {
            if [USERS, CLIENTS, BROKERS, IPS].iter().any(|t| has(t)) {
                if !has_name && !has_default {
                    return Err(illegal(
                        "an entity-name or default entity must be specified with --alter of users, clients, brokers or ips",
                    ));
                }
            } else if !has_name {
                return Err(illegal(format!(
                    "an entity name must be specified with --alter of {}",
                    types.join(",")
                )));
            }
            if self.add_config.is_some() && self.add_config_file.is_some() {
                return Err(illegal(
                    "Only one of --add-config or --add-config-file must be specified",
                ));
            }
            if self.add_config.is_none()
                && self.add_config_file.is_none()
                && self.delete_config.is_empty()
            {
                return Err(illegal(
                    "At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter",
                ));
            }
        }
        Ok(())
    }
}

/// `DynamicConfig.Ip.isValidIpEntity`: an IP address or a host that resolves.
fn valid_ip_entity(ip: &str) -> bool {
    use std::net::ToSocketAddrs;
    ip.parse::<std::net::IpAddr>().is_ok() || (ip, 0).to_socket_addrs().is_ok()
}

/// Splits at `sep` where Kafka's lookahead `(?=[^\]]*(?:\[|$))` holds: the
/// next bracket after it is an opening one, or there is none.
fn split_outside_brackets(s: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c != sep {
            continue;
        }
        let rest = &s[i + 1..];
        let outside = match rest.find([']', '[']) {
            None => true,
            Some(j) => rest.as_bytes()[j] == b'[',
        };
        if outside {
            parts.push(&s[start..i]);
            start = i + 1;
        }
    }
    parts.push(&s[start..]);
    parts
}

/// `parseConfigsToBeAdded`: the file's properties, then `--add-config`'s
/// pairs (later wins), in the order a Java `Properties` gives them.
pub fn configs_to_add(args: &ConfigsArgs) -> Result<Vec<(String, String)>, KtError> {
    let mut props: Vec<(String, String)> = Vec::new();
    let mut put = |k: String, v: String| match props.iter_mut().find(|(key, _)| *key == k) {
        Some(entry) => entry.1 = v,
        None => props.push((k, v)),
    };
    if let Some(file) = &args.add_config_file {
        let file_props = kt_core::props::read_file(file)?;
        let pairs: Vec<(String, String)> =
            file_props.into_iter().map(|p| (p.key, p.value)).collect();
        for (k, v) in hash_map_order(pairs, |(k, _)| string_hash(k)) {
            put(k, v);
        }
    }
    if let Some(list) = &args.add_config {
        for pair in split_outside_brackets(list, ',') {
            let kv = split_key_value(pair);
            if kv.len() != 2 {
                return Err(illegal(
                    "requirement failed: Invalid entity config: all configs to be added must be in the format \"key=val\".",
                ));
            }
            put(
                kv[0].trim().to_string(),
                kv[1].replace(['[', ']'], "").trim().to_string(),
            );
        }
    }
    for (k, _) in &props {
        let valid = k
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
        if !valid {
            return Err(illegal(format!(
                "Invalid character found for config key: {k}"
            )));
        }
    }
    Ok(props)
}

/// `pair.split("\\s*=\\s*" + lookahead, -1)`: the blanks around each `=`
/// go with it.
fn split_key_value(pair: &str) -> Vec<String> {
    let parts = split_outside_brackets(pair, '=');
    let n = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut p: &str = p;
            if i > 0 {
                p = p.trim_start();
            }
            if i + 1 < n {
                p = p.trim_end();
            }
            p.to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_config_splits_outside_brackets() {
        let args = ConfigsArgs {
            add_config: Some("a=1, cleanup.policy=[compact,delete],b = x=y".into()),
            ..Default::default()
        };
        let e = configs_to_add(&args).unwrap_err();
        assert!(e.message.starts_with("requirement failed"));
        let args = ConfigsArgs {
            add_config: Some("a=1,cleanup.policy=[compact,delete],b = ".into()),
            ..Default::default()
        };
        assert_eq!(
            configs_to_add(&args).unwrap(),
            vec![
                ("a".to_string(), "1".to_string()),
                ("cleanup.policy".into(), "compact,delete".into()),
                ("b".into(), "".into())
            ]
        );
        let args = ConfigsArgs {
            add_config: Some("SCRAM-SHA-256=[iterations=8192,password=a=b]".into()),
            ..Default::default()
        };
        assert_eq!(
            configs_to_add(&args).unwrap()[0].1,
            "iterations=8192,password=a=b"
        );
    }

    #[test]
    fn entity_names_keep_the_command_lines_order() {
        let args = ConfigsArgs {
            entity_type: vec!["users".into(), "clients".into()],
            entity_name: vec!["c1".into()],
            entity_default: true,
            ..Default::default()
        };
        let raw: Vec<String> =
            "--entity-type users --entity-default --entity-type clients --entity-name c1"
                .split(' ')
                .map(String::from)
                .collect();
        assert_eq!(args.entity_names(&raw), vec!["".to_string(), "c1".into()]);
    }
}
