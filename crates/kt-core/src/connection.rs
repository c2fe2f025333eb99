//! Shared connection flags and the cluster they lead to.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Args;
use rdkafka::admin::AdminClient;
use rdkafka::client::{Client, ClientContext};
use rdkafka::config::{FromClientConfigAndContext, RDKafkaLogLevel};
use rdkafka::consumer::{BaseConsumer, ConsumerContext};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::metadata::Metadata;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{BaseProducer, DefaultProducerContext, ProducerContext};
use rdkafka::ClientConfig;

use crate::config::{translate, Translated};
use crate::context::KtContext;
use crate::error::KtError;
use crate::ffi::cluster::{describe_cluster, ClusterInfo};
use crate::output::Diagnostics;
use crate::profile::{self, Profile};
use crate::props::{self, Property, Source};
use crate::zookeeper;

/// Default time to wait for a broker (or ZooKeeper) to answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a topic that is not in the metadata yet is looked for again
/// before it counts as missing: long enough for a topic created a moment
/// ago to reach every broker, short enough that a typo fails at once.
const NEW_TOPIC_GRACE: Duration = Duration::from_secs(2);

/// Connection flags shared by every tool.
#[derive(Args, Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectionArgs {
    /// Kafka broker(s) to connect to, or `mock[:N]` for an in-process mock cluster
    #[arg(long, value_name = "HOST:PORT,...", help_heading = "Connection")]
    pub bootstrap_server: Option<String>,

    /// Old Kafka name of --bootstrap-server (used only when it is absent)
    #[arg(long, value_name = "HOST:PORT,...", hide = true)]
    pub broker_list: Option<String>,

    /// Find the brokers through ZooKeeper (Kafka's pre-3.0 flag); kt then talks to them
    #[arg(
        long,
        value_name = "HOST:PORT,...[/CHROOT]",
        help_heading = "Connection"
    )]
    pub zookeeper: Option<String>,

    /// Java .properties file with client settings
    #[arg(long, value_name = "FILE", help_heading = "Connection")]
    pub command_config: Option<PathBuf>,

    /// Client setting in Java form (repeatable); overrides --command-config
    #[arg(long, value_name = "KEY=VALUE", help_heading = "Connection")]
    pub command_property: Vec<String>,

    /// librdkafka setting, passed through untranslated (repeatable, as in kcat)
    #[arg(short = 'X', value_name = "KEY=VALUE", help_heading = "Connection")]
    pub librdkafka: Vec<String>,

    /// Show librdkafka's log and what kt ignores
    #[arg(short, long, help_heading = "Connection")]
    pub verbose: bool,

    /// Cluster profile from kt's config file [env: KT_CLUSTER]; flags beat its values
    // Its value is optional only so that kafka-acls' own `--cluster` (a
    // flag) can share the name; everywhere else a NAME is required.
    #[arg(
        long,
        value_name = "NAME",
        help_heading = "Connection",
        num_args = 0..=1,
        default_missing_value = ""
    )]
    pub cluster: Option<String>,

    /// Properties of the cluster profile in use (set by [`Self::apply_profile`]).
    #[arg(skip)]
    pub profile_properties: Vec<Property>,

    /// The profile whose endpoint filled in for a missing flag, for messages
    /// and hints (set by [`Self::apply_profile`]).
    #[arg(skip)]
    pub endpoint_profile: Option<String>,

    /// Running under a Kafka tool's name: Kafka's exact texts, no kt extras.
    #[arg(skip)]
    pub kafka_name: bool,

    /// What applying the profile has to tell the user (its file's
    /// permissions; under `--verbose`, which cluster is used), shown when
    /// the connection opens.
    #[arg(skip)]
    pub profile_notes: Vec<String>,
}

/// Where the brokers are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    Brokers(String),
    /// librdkafka's in-process mock cluster with this many brokers.
    Mock(i32),
    ZooKeeper(String),
}

impl Endpoint {
    /// Parses `--bootstrap-server`: `mock` and `mock:N` mean the mock cluster.
    pub fn from_bootstrap(value: &str) -> Result<Endpoint, KtError> {
        let value = value.trim();
        match value.strip_prefix("mock") {
            Some("") => Ok(Endpoint::Mock(3)),
            Some(rest) => match rest.strip_prefix(':').map(str::parse::<i32>) {
                Some(Ok(n)) if (1..=64).contains(&n) => Ok(Endpoint::Mock(n)),
                _ => Err(KtError::usage(format!(
                    "invalid mock cluster '{value}'; use mock or mock:N with N from 1 to 64"
                ))),
            },
            None if value.is_empty() => Err(KtError::usage(
                "empty --bootstrap-server; give HOST:PORT[,HOST:PORT...]",
            )),
            None => {
                // librdkafka reads Kafka's listener prefixes (PLAINTEXT://...);
                // any other scheme would wait out the timeout for "No brokers
                // configured".
                let listener = ["plaintext://", "ssl://", "sasl_plaintext://", "sasl_ssl://"];
                for entry in value.split(',') {
                    let entry = entry.trim().to_ascii_lowercase();
                    if let Some((scheme, _)) = entry.split_once("://") {
                        if !listener.iter().any(|l| entry.starts_with(l)) {
                            return Err(KtError::usage(format!(
                                "--bootstrap-server takes HOST:PORT[,HOST:PORT...], not a URL; drop '{scheme}://'"
                            )));
                        }
                    }
                }
                Ok(Endpoint::Brokers(value.to_string()))
            }
        }
    }

    /// What to name in messages about this endpoint.
    pub fn describe(&self) -> String {
        match self {
            Endpoint::Brokers(b) => b.clone(),
            Endpoint::Mock(n) => format!("mock:{n}"),
            Endpoint::ZooKeeper(z) => format!("ZooKeeper {z}"),
        }
    }
}

impl ConnectionArgs {
    /// The endpoint the flags name, if any. `--bootstrap-server` beats
    /// `--broker-list`, as in Kafka; `--zookeeper` is used only without both.
    pub fn endpoint(&self) -> Result<Option<Endpoint>, KtError> {
        match (&self.bootstrap_server, &self.broker_list, &self.zookeeper) {
            (Some(b), _, _) | (None, Some(b), _) => Endpoint::from_bootstrap(b).map(Some),
            (None, None, Some(z)) => Ok(Some(Endpoint::ZooKeeper(z.clone()))),
            (None, None, None) => Ok(None),
        }
    }

    /// Applies a cluster profile (see [`crate::profile`]): the one named by
    /// `--cluster` or `$KT_CLUSTER` always, the config file's default only
    /// when `use_default` and no endpoint was given. The profile's endpoint
    /// fills in only when no flag names one, and its properties apply
    /// before every flag's, so flags win.
    pub fn apply_profile(
        &mut self,
        use_default: bool,
        endpoint_given: bool,
    ) -> Result<Option<Profile>, KtError> {
        if self.cluster.as_deref() == Some("") {
            return Err(KtError::usage(
                "--cluster needs the NAME of a cluster profile (see kt config show)",
            ));
        }
        let endpoint_given = endpoint_given || self.endpoint()?.is_some();
        let profile = profile::select(self.cluster.as_deref(), use_default && !endpoint_given)?;
        Ok(self.use_profile(profile, endpoint_given))
    }

    /// [`Self::apply_profile`] with the config file already read (`kt config
    /// show` reports on the file too): the named cluster, else the default
    /// when no endpoint flag is given.
    pub fn apply_profile_in(
        &mut self,
        file: Option<&profile::ConfigFile>,
    ) -> Result<Option<Profile>, KtError> {
        let endpoint_given = self.endpoint()?.is_some();
        let named = profile::named(self.cluster.as_deref());
        if named.is_none() && endpoint_given {
            return Ok(None);
        }
        let profile = profile::select_in(file, named)?;
        Ok(self.use_profile(profile, endpoint_given))
    }

    fn use_profile(&mut self, profile: Option<Profile>, endpoint_given: bool) -> Option<Profile> {
        let profile = profile?;
        if !endpoint_given {
            match (&profile.bootstrap, &profile.zookeeper) {
                (Some(b), _) => self.bootstrap_server = Some(b.clone()),
                (None, Some(z)) => self.zookeeper = Some(z.clone()),
                (None, None) => {}
            }
            if profile.bootstrap.is_some() || profile.zookeeper.is_some() {
                self.endpoint_profile = Some(profile.name.clone());
            }
        }
        self.profile_notes.clone_from(&profile.warnings);
        if self.verbose {
            self.profile_notes.push(format!(
                "kt: using cluster '{}' from {}",
                profile.name,
                profile.path.display()
            ));
        }
        self.profile_properties = profile.properties.clone();
        Some(profile)
    }

    /// The endpoint, or the one-line error kt's own commands give when none
    /// is named: the mock cluster is used only when asked for by name, since
    /// nothing created in it outlives the command.
    pub fn require_endpoint(&self) -> Result<Endpoint, KtError> {
        self.endpoint()?.ok_or_else(no_endpoint)
    }

    /// Where the endpoint came from, for messages: `--bootstrap-server`,
    /// `--zookeeper`, or `cluster profile 'NAME'`.
    pub fn endpoint_source(&self) -> String {
        match (
            &self.endpoint_profile,
            &self.bootstrap_server,
            &self.broker_list,
        ) {
            (Some(name), _, _) => format!("cluster profile '{name}'"),
            (None, Some(_), _) => "--bootstrap-server".to_string(),
            (None, None, Some(_)) => "--broker-list".to_string(),
            (None, None, None) => "--zookeeper".to_string(),
        }
    }

    /// The connection flags as the user gave them, for a hint that is pasted
    /// as printed (`kt topics --create --topic t` + this): the profile's name
    /// when the endpoint came from one, else the endpoint flag, plus the files
    /// and properties that are not secret.
    pub fn hint_flags(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        let mut push = |flag: &str, value: &str| {
            words.push(flag.to_string());
            words.push(shell_word(value));
        };
        match (&self.endpoint_profile, &self.cluster) {
            (Some(name), _) | (None, Some(name)) => push("--cluster", name),
            _ => {}
        }
        if self.endpoint_profile.is_none() {
            match (&self.bootstrap_server, &self.broker_list, &self.zookeeper) {
                (Some(b), _, _) | (None, Some(b), _) => push("--bootstrap-server", b),
                (None, None, Some(z)) => push("--zookeeper", z),
                (None, None, None) => {}
            }
        }
        if let Some(path) = &self.command_config {
            push("--command-config", &path.display().to_string());
        }
        for kv in &self.command_property {
            if !props::is_secret(&props::split_key_value(kv).0) {
                push("--command-property", kv);
            }
        }
        for kv in &self.librdkafka {
            if !props::is_secret(&props::split_key_value(kv).0) {
                push("-X", kv);
            }
        }
        words.join(" ")
    }

    /// Client properties in the order they apply (see [`Connection::resolve`]),
    /// with the warnings reading their files gave.
    fn properties(&self, request: &Request<'_>) -> Result<(Vec<Property>, Vec<String>), KtError> {
        let mut all = self.profile_properties.clone();
        let mut warnings = Vec::new();
        for path in [request.file, self.command_config.as_deref()]
            .into_iter()
            .flatten()
        {
            let (props, warning) = props::read_file_checked(path)?;
            all.extend(props);
            warnings.extend(warning);
        }
        all.extend_from_slice(&request.properties);
        all.extend(props::from_args(
            &self.command_property,
            "--command-property",
        ));
        all.extend(self.librdkafka.iter().map(|arg| {
            let (key, value) = props::split_key_value(arg);
            Property {
                key,
                value,
                source: Source::Librdkafka,
            }
        }));
        all.extend_from_slice(&request.flags);
        for default in &request.defaults {
            if !all.iter().any(|p| p.key == default.key) {
                all.push(default.clone());
            }
        }
        Ok((all, warnings))
    }
}

/// What a tool brings to its connection besides the shared flags.
#[derive(Debug, Default)]
pub struct Request<'a> {
    /// The tool's own properties file (`--producer.config`, `--consumer.config`).
    pub file: Option<&'a Path>,
    /// The tool's own `KEY=VALUE` properties (`--producer-property`, `--producer-props`).
    pub properties: Vec<Property>,
    /// The tool's flags that Kafka maps to client properties (`--acks`,
    /// `--batch-size`): they beat every property.
    pub flags: Vec<Property>,
    /// The tool's defaults for those flags, used for keys nothing else sets.
    pub defaults: Vec<Property>,
    /// Where the endpoint may come from, and the error when nothing names one.
    pub endpoint: EndpointRule,
    /// `--timeout` of kt's own commands; else `default.api.timeout.ms`, else 10 s.
    pub timeout: Option<Duration>,
}

/// A tool's own check of the endpoint the flags name.
pub type EndpointCheck = fn(&Endpoint) -> Result<(), KtError>;

/// How a tool finds its endpoint beyond the shared flags.
#[derive(Debug, Default)]
pub struct EndpointRule {
    /// An endpoint the tool's own arguments name (EndToEndLatency's first
    /// positional argument); it beats the flags.
    pub positional: Option<String>,
    /// Take `bootstrap.servers` from the properties when no flag names an
    /// endpoint, as kafka-producer-perf-test does.
    pub from_properties: bool,
    /// The error when nothing names an endpoint; kt's own one-line error
    /// ([`no_endpoint`]) when `None`.
    pub missing: Option<KtError>,
    /// A check of the endpoint the flags name (the console producer's
    /// `host:port` rule).
    pub check: Option<EndpointCheck>,
}

/// Everything a tool connects with, resolved once from the flags, the
/// cluster profile and the tool's own files and properties: nothing has
/// been asked of the network yet.
#[derive(Debug)]
pub struct Connection {
    endpoint: Option<Endpoint>,
    /// The error for a missing endpoint.
    missing: KtError,
    /// Every client property with its source, in the order they apply.
    pub properties: Vec<Property>,
    timeout: Option<Duration>,
    /// Where the endpoint came from, for messages.
    source: String,
    /// The connection flags that reach this cluster again, for hints.
    hint: String,
    verbose: bool,
    kafka_name: bool,
    /// What reading the profile and the files has to tell the user.
    notes: Vec<String>,
}

impl Connection {
    /// Resolves the endpoint and the properties, which apply in Kafka's
    /// order: the cluster profile, the tool's file, `--command-config`, the
    /// tool's properties, `--command-property`, `-X`, the tool's mapped
    /// flags, then its defaults for keys nothing set.
    ///
    /// A missing endpoint is not an error yet: some tools check their other
    /// arguments first, as Kafka's do. [`Self::endpoint`] or [`Self::open`]
    /// report it.
    pub fn resolve(args: &ConnectionArgs, request: Request<'_>) -> Result<Connection, KtError> {
        let flagged = args.endpoint()?;
        if let (Some(check), Some(endpoint)) = (request.endpoint.check, &flagged) {
            check(endpoint)?;
        }
        let (properties, warnings) = args.properties(&request)?;
        let mut notes = args.profile_notes.clone();
        notes.extend(warnings);
        let from_properties = request.endpoint.from_properties;
        let endpoint = match (&request.endpoint.positional, flagged.clone()) {
            (Some(b), _) => Some(Endpoint::from_bootstrap(b)?),
            (None, Some(e)) => Some(e),
            (None, None) if from_properties => properties
                .iter()
                .rev()
                .find(|p| p.key == "bootstrap.servers")
                .map(|p| Endpoint::from_bootstrap(&p.value))
                .transpose()?,
            (None, None) => None,
        };
        let (source, hint) = match &endpoint {
            Some(e) if flagged.as_ref() != Some(e) => {
                let flag = match e {
                    Endpoint::ZooKeeper(z) => format!("--zookeeper {}", shell_word(z)),
                    other => format!("--bootstrap-server {}", shell_word(&other.describe())),
                };
                ("bootstrap.servers".to_string(), flag)
            }
            _ => (args.endpoint_source(), args.hint_flags()),
        };
        Ok(Connection {
            endpoint,
            missing: request.endpoint.missing.unwrap_or_else(no_endpoint),
            properties,
            timeout: request.timeout,
            source,
            hint,
            verbose: args.verbose,
            kafka_name: args.kafka_name,
            notes,
        })
    }

    /// What reading the profile and the files has to tell the user, shown
    /// by [`Self::open`].
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The endpoint, or the tool's error for a missing one.
    pub fn endpoint(&self) -> Result<&Endpoint, KtError> {
        self.endpoint.as_ref().ok_or_else(|| self.missing.clone())
    }

    /// Java's `max.block.ms` (default 60 s): how long a producer may wait
    /// for buffer space or for its topic's metadata. librdkafka has no such
    /// setting, so kt's producers apply it themselves.
    pub fn max_block(&self) -> Duration {
        Duration::from_millis(
            self.property("max.block.ms")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(60_000),
        )
    }

    /// The value the properties give `key` last (Java's view), untranslated.
    pub fn property(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .rev()
            .find(|p| p.key == key)
            .map(|p| p.value.as_str())
    }

    /// Translates the properties for librdkafka, shows what that and the
    /// files have to say on `diagnostics`, and reaches the cluster's
    /// endpoint (asking ZooKeeper, or starting the mock cluster).
    pub fn open(self, diagnostics: &Diagnostics) -> anyhow::Result<Cluster> {
        // Before any client touches OpenSSL: tools leave their clients
        // running at exit (crate::runtime::leave_running).
        crate::runtime::tls_without_exit_cleanup();
        let endpoint = self.endpoint()?.clone();
        for note in &self.notes {
            diagnostics.line(note);
        }
        let config = translate(&self.properties)?;
        for (warning, close) in config.warnings.iter().zip(&config.suggestions) {
            match close {
                Some(key) if !self.kafka_name => {
                    diagnostics.line(format_args!("WARN {warning} Did you mean '{key}'?"))
                }
                _ => diagnostics.line(format_args!("WARN {warning}")),
            }
        }
        if self.verbose {
            for note in &config.notes {
                diagnostics.line(format_args!("kt: {note}"));
            }
        }
        let timeout = self
            .timeout
            .or(config.api_timeout)
            .unwrap_or(DEFAULT_TIMEOUT);
        let mut mock = None;
        let bootstrap = match &endpoint {
            Endpoint::Brokers(b) => b.clone(),
            Endpoint::ZooKeeper(zk) => zookeeper::broker_list(zk, timeout)?,
            Endpoint::Mock(n) => {
                let cluster = MockCluster::new(*n)
                    .map_err(|e| KtError::broker(format!("cannot start the mock cluster: {e}")))?;
                crate::faults::inject_from_env(&cluster)?;
                let servers = cluster.bootstrap_servers();
                mock = Some(cluster);
                servers
            }
        };
        Ok(Cluster {
            endpoint,
            bootstrap,
            source: self.source,
            hint: self.hint,
            config,
            timeout,
            diagnostics: self.verbose.then(|| diagnostics.clone()),
            mock,
        })
    }
}

/// Every consumer's defaults where librdkafka's cost time or memory:
/// - `fetch.queue.backoff.ms`: librdkafka (2.4 on) waits a whole second
///   before fetching again once its prefetch queue is full, so a consumer
///   that writes slower than the broker sends stalled for 1 s at a time
///   (`kt consume` of 1M records: 1.0 s ± 0.5 instead of 0.55 s ± 0.03);
/// - `queued.max.messages.kbytes`: 8 MB of prefetched records instead of
///   64 MB, as fast on loopback Kafka and a third of the peak RSS.
const CONSUMER_DEFAULTS: [(&str, &str); 2] = [
    ("fetch.queue.backoff.ms", "10"),
    ("queued.max.messages.kbytes", "8192"),
];

/// What a tool wants of a producer or consumer beyond the user's settings.
#[derive(Debug, Default)]
pub struct ClientSpec {
    /// `client.id` unless the user sets one.
    pub client_id: &'static str,
    /// The Java client's (or the tool's) defaults where librdkafka's differ,
    /// for keys the user did not set.
    pub defaults: Vec<(&'static str, String)>,
    /// Set whatever the user says, as Kafka's tools force them.
    pub forced: Vec<(&'static str, String)>,
}

impl ClientSpec {
    pub fn new(client_id: &'static str) -> Self {
        ClientSpec {
            client_id,
            ..Default::default()
        }
    }

    /// `key` defaults to `value` unless the user set it.
    pub fn default(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.defaults.push((key, value.into()));
        self
    }

    /// `key` is `value` whatever the user set.
    pub fn force(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.forced.push((key, value.into()));
        self
    }

    /// Whether the tool sets `key` itself.
    fn sets(&self, key: &str) -> bool {
        self.defaults
            .iter()
            .chain(&self.forced)
            .any(|(k, _)| *k == key)
    }
}

/// A consumer group id no other run uses: `PREFIX-<5 digits>`, as Kafka's
/// console and perf consumers make theirs.
pub fn random_group_id(prefix: &str) -> String {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos())
        % 100_000;
    format!("{prefix}-{n}")
}

/// kt's own commands with no endpoint flag and no cluster profile.
pub fn no_endpoint() -> KtError {
    KtError::usage(
        "no broker given; pass --bootstrap-server HOST:PORT, set up a cluster profile \
         (see 'kt config show --help'), or use --bootstrap-server mock to try kt without a broker",
    )
}

/// `value` as one shell word: bare when it is safe, else single-quoted.
fn shell_word(value: &str) -> String {
    let safe = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:,/=@%+".contains(&b));
    if safe {
        value.to_string()
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

/// A cluster kt can make clients for: real brokers, or an in-process mock
/// cluster that lives as long as this value.
pub struct Cluster {
    pub endpoint: Endpoint,
    pub bootstrap: String,
    /// Where the endpoint came from (`--bootstrap-server`, `cluster profile
    /// 'prod'`), named in connection errors.
    pub source: String,
    /// The connection flags that reach this cluster again (see
    /// [`ConnectionArgs::hint_flags`]).
    hint: String,
    pub config: Translated,
    pub timeout: Duration,
    /// Where librdkafka's log goes: `Some` only under `--verbose`.
    diagnostics: Option<Diagnostics>,
    mock: Option<MockCluster<'static, DefaultProducerContext>>,
}

impl Cluster {
    /// A kt command line for this same cluster, to print in a hint that is
    /// pasted as printed: `kt topics --bootstrap-server b:9092 --create ...`.
    pub fn command(&self, tool: &str, rest: &str) -> String {
        if self.hint.is_empty() {
            format!("kt {tool} {rest}")
        } else {
            format!("kt {tool} {} {rest}", self.hint)
        }
    }

    /// The mock cluster, when kt runs against one.
    pub fn mock(&self) -> Option<&MockCluster<'static, DefaultProducerContext>> {
        self.mock.as_ref()
    }

    /// The cluster, asked once: its brokers by id, controller and id.
    /// DescribeCluster alone, asked in [`Self::metadata`]'s slices so that
    /// a broker that is down fails in the same one line; a Metadata request
    /// first named every partition of the cluster only to see that it
    /// answers (0.15 s at 17,000 partitions, asked twice when the first
    /// slice ran out).
    pub fn info(&self, admin: &AdminClient<KtContext>) -> anyhow::Result<ClusterInfo> {
        self.refuse_mock("describe the cluster")?;
        let answered_no = std::cell::RefCell::new(None);
        let info = self.ask_in_slices(
            admin.inner(),
            &|| crate::context::drain_events(admin.inner()),
            |slice| {
                describe_cluster(admin.inner(), slice).map_err(|(code, why)| match code {
                    // No broker answered in the slice: what a Metadata
                    // request's slice says, for the same one line.
                    RDKafkaErrorCode::OperationTimedOut
                    | RDKafkaErrorCode::BrokerTransportFailure
                    | RDKafkaErrorCode::AllBrokersDown => KafkaError::MetadataFetch(code),
                    // A broker's refusal, or librdkafka's own, is the answer.
                    _ => {
                        answered_no.replace(Some(KtError::broker(why)));
                        KafkaError::AdminOp(code)
                    }
                })
            },
        );
        match (info, answered_no.into_inner()) {
            (Ok(info), _) => Ok(info),
            (Err(_), Some(answer)) => Err(answer.into()),
            (Err(e), None) => Err(e.into()),
        }
    }

    /// [`Self::info`] through an admin client of its own, left running.
    pub fn info_once(&self, client_id: &str) -> anyhow::Result<ClusterInfo> {
        let admin = self.admin(client_id)?;
        let info = self.info(&admin)?;
        crate::runtime::leave_running(admin);
        Ok(info)
    }

    /// librdkafka's mock cluster answers neither DescribeCluster, the
    /// group admin requests nor the requests of kt's own wire client: a
    /// tool that needs them says so at once instead of failing on the
    /// first request (`Local: Required feature not supported by broker`).
    pub fn refuse_mock(&self, what: &str) -> Result<(), KtError> {
        if self.mock.is_some() {
            return Err(KtError::usage(format!(
                "the mock cluster cannot {what}: give a real broker's --bootstrap-server"
            )));
        }
        Ok(())
    }

    /// librdkafka configuration for a client of this cluster: the user's
    /// settings, then the bootstrap servers kt resolved.
    pub fn client_config(&self, client_id: &str) -> ClientConfig {
        let mut cfg = ClientConfig::new();
        cfg.set("client.id", client_id);
        // Java's clients set TCP_NODELAY; with Nagle on, every small request
        // waits on the peer's delayed ACK (about 50 ms per round trip).
        cfg.set("socket.nagle.disable", "true");
        // librdkafka (2.10 on) closes its bootstrap connection once metadata
        // names the brokers, and with sparse connections it waits out
        // reconnect.backoff.ms / 2 (50 ms) before connecting to one of them:
        // every short command paid that (kafka-topics --list 47 ms instead
        // of 10). Java's clients connect to a broker as soon as it is needed.
        cfg.set("enable.sparse.connections", "false");
        for (k, v) in &self.config.entries {
            cfg.set(k, v);
        }
        cfg.set("bootstrap.servers", &self.bootstrap);
        // librdkafka runs kinit with the terminal as its stderr (`kinit -R`
        // complains before the keytab login that works); kt's own look
        // says why when a login fails.
        if crate::protocol::uses_sasl(&self.config)
            && self.mechanism() == "GSSAPI"
            && self.config.get("sasl.kerberos.kinit.cmd").is_none()
        {
            cfg.set(
                "sasl.kerberos.kinit.cmd",
                format!("{{ {}; }} 2>/dev/null", crate::protocol::KINIT),
            );
        }
        cfg.set_log_level(self.log_level());
        cfg
    }

    /// librdkafka's log level: info (kept for messages, never shown but
    /// under `--verbose`: a broker's hang-up is logged at info), debug when
    /// `--verbose` and a `debug` property ask for it.
    fn log_level(&self) -> RDKafkaLogLevel {
        match (self.verbose(), self.config.get("debug").is_some()) {
            (true, true) => RDKafkaLogLevel::Debug,
            _ => RDKafkaLogLevel::Info,
        }
    }

    /// Whether `--verbose` asked for librdkafka's log.
    pub fn verbose(&self) -> bool {
        self.diagnostics.is_some()
    }

    /// A client context for this cluster: quiet, or showing librdkafka's
    /// log under `--verbose`.
    pub fn context(&self) -> KtContext {
        KtContext::new(self.diagnostics.clone())
    }

    /// An admin client with kt's context.
    pub fn admin(&self, client_id: &str) -> anyhow::Result<AdminClient<KtContext>> {
        let mut cfg = self.client_config(client_id);
        // librdkafka's admin client is a producer underneath, and a
        // producer's metadata request for a topic asks the broker to create
        // it (auto.create.topics.enable, Kafka's default): `kt delete-records
        // --topic typo` made the topic it then said did not exist. Java's
        // admin client never asks for that; neither does kt's.
        cfg.set("allow.auto.create.topics", "false");
        AdminClient::from_config_and_context(&cfg, self.context())
            .map_err(|e| client_creation_error(e).into())
    }

    /// The configuration for a producer or consumer: the user's settings,
    /// the spec's defaults where the user set nothing, and what it forces.
    fn spec_config(&self, spec: &ClientSpec) -> ClientConfig {
        let mut cfg = self.client_config(spec.client_id);
        for (key, value) in &spec.defaults {
            if self.config.get(key).is_none() {
                cfg.set(*key, value);
            }
        }
        for (key, value) in &spec.forced {
            cfg.set(*key, value);
        }
        cfg
    }

    /// A producer with the tool's `context`: Java's idempotence default
    /// applies, and a bad setting is one line naming the key.
    pub fn producer<C: ProducerContext>(
        &self,
        spec: &ClientSpec,
        context: C,
    ) -> anyhow::Result<BaseProducer<C>> {
        let mut cfg = self.spec_config(spec);
        self.config.idempotence_default(&mut cfg);
        BaseProducer::from_config_and_context(&cfg, context)
            .map_err(|e| client_error("producer", e).into())
    }

    /// A consumer with the tool's `context`.
    pub fn consumer<C: ConsumerContext>(
        &self,
        spec: &ClientSpec,
        context: C,
    ) -> anyhow::Result<BaseConsumer<C>> {
        let mut cfg = self.spec_config(spec);
        for (key, value) in CONSUMER_DEFAULTS {
            if self.config.get(key).is_none() && !spec.sets(key) {
                cfg.set(key, value);
            }
        }
        BaseConsumer::from_config_and_context(&cfg, context)
            .map_err(|e| client_error("consumer", e).into())
    }

    /// Cluster metadata (all topics, or one), failing with one line when no
    /// broker answers within the timeout, or as soon as librdkafka reports
    /// every bootstrap broker down. `serve` hands librdkafka's queued log and
    /// error events to the context between attempts: [`drain_events`] for an
    /// admin client, `poll(0)` for a producer or consumer.
    pub fn metadata<C: ClientContext + AsRef<KtContext>>(
        &self,
        client: &Client<C>,
        topic: Option<&str>,
        serve: &dyn Fn(),
    ) -> Result<Metadata, KtError> {
        self.ask_in_slices(client, serve, |slice| client.fetch_metadata(topic, slice))
    }

    /// [`Self::metadata`]'s slices and errors, around any request `fetch`
    /// makes within the slice it is given.
    fn ask_in_slices<C: ClientContext + AsRef<KtContext>, T>(
        &self,
        client: &Client<C>,
        serve: &dyn Fn(),
        fetch: impl Fn(Duration) -> rdkafka::error::KafkaResult<T>,
    ) -> Result<T, KtError> {
        let deadline = Instant::now() + self.timeout;
        let mut looked = false;
        // Ask in growing slices so a refused or unresolvable broker fails at
        // once instead of after the whole timeout; a slow broker still gets
        // the whole timeout.
        let mut slice = Duration::from_millis(100);
        loop {
            let started = Instant::now();
            let this_slice = slice.min(deadline.saturating_duration_since(started));
            let result = fetch(this_slice);
            serve();
            let context: &KtContext = client.context().as_ref().as_ref();
            match result {
                Ok(md) => return Ok(md),
                Err(e) => {
                    if let Some(refused) = self.turned_away(context, &mut looked) {
                        return Err(refused);
                    }
                    let timed_out = Instant::now() >= deadline;
                    // An error before the slice ran out is librdkafka's answer,
                    // not a wait that timed out; but a lost connection to one
                    // broker of several is for the next attempt to route
                    // around (librdkafka says when every broker is down).
                    let answered = started.elapsed() + Duration::from_millis(20) < this_slice;
                    let transport = e.rdkafka_error_code().is_some_and(|c| {
                        matches!(
                            c,
                            RDKafkaErrorCode::BrokerTransportFailure
                                | RDKafkaErrorCode::AllBrokersDown
                        )
                    });
                    if timed_out || (answered && !transport) || context.brokers_down() {
                        return Err(self.unreachable(context, Some(e), timed_out));
                    }
                }
            }
            slice = (slice * 2).min(Duration::from_secs(2));
        }
    }

    /// Waits until `client` has reached the cluster (a metadata answer came
    /// back), failing with [`Self::unreachable`]'s one line as soon as
    /// librdkafka says every bootstrap broker is down, or at the timeout.
    /// For tools whose first request is one librdkafka waits out the whole
    /// timeout for (the group requests): a refused connection is known in
    /// milliseconds. It asks for brokers only, whatever the cluster's size.
    pub fn reach<C: ClientContext + AsRef<KtContext>>(
        &self,
        client: &Client<C>,
        serve: &dyn Fn(),
    ) -> Result<(), KtError> {
        let deadline = Instant::now() + self.timeout;
        let mut looked = false;
        let mut slice = Duration::from_millis(50);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let this_slice = slice.min(left);
            let answered = crate::ffi::controller_id(
                client,
                i32::try_from(this_slice.as_millis()).unwrap_or(i32::MAX),
            )
            .is_some();
            serve();
            if answered {
                return Ok(());
            }
            let context: &KtContext = client.context().as_ref().as_ref();
            if let Some(refused) = self.turned_away(context, &mut looked) {
                return Err(refused);
            }
            let timed_out = Instant::now() >= deadline;
            if timed_out || context.brokers_down() {
                return Err(self.unreachable(context, None, timed_out));
            }
            slice = (slice * 2).min(Duration::from_millis(500));
        }
    }

    /// [`Self::metadata`] asked again, for a short while, until `found`
    /// holds: a topic created a moment ago (by `kt topics --create`, say)
    /// can be missing from a broker's metadata for some milliseconds, and
    /// Kafka's clients wait for it. Returns the last answer either way.
    pub fn metadata_until<C: ClientContext + AsRef<KtContext>>(
        &self,
        client: &Client<C>,
        topic: Option<&str>,
        serve: &dyn Fn(),
        found: impl Fn(&Metadata) -> bool,
    ) -> Result<Metadata, KtError> {
        let deadline = Instant::now() + NEW_TOPIC_GRACE.min(self.timeout);
        let mut backoff = Duration::from_millis(25);
        loop {
            let md = self.metadata(client, topic, serve)?;
            if found(&md) || Instant::now() + backoff >= deadline {
                return Ok(md);
            }
            std::thread::sleep(backoff);
            backoff = (backoff * 2).min(Duration::from_millis(400));
        }
    }

    /// The SASL mechanism the settings name, for messages.
    fn mechanism(&self) -> String {
        crate::protocol::sasl_mechanism(&self.config)
    }

    /// Why a broker turned this client away, once librdkafka's log says
    /// one did (a TLS or SASL refusal, or a hang-up): kt's own look at the
    /// bootstrap brokers (protocol::why_refused), which names the
    /// setting to change, so a wrong setting is one line at once instead of
    /// a wait for the timeout. Looks once per wait (`looked`); a broker
    /// that is merely down, or a look that finds nothing, leaves the wait
    /// to go on.
    fn turned_away(&self, context: &KtContext, looked: &mut bool) -> Option<KtError> {
        if *looked || self.mock.is_some() {
            return None;
        }
        let last = context.last_error();
        let refused = last
            .as_deref()
            .and_then(|w| security_failure(w, &self.bootstrap, &self.mechanism()));
        if refused.is_none() && !context.hung_up() {
            return None;
        }
        *looked = true;
        let addresses = self.bootstrap_addresses();
        let wait = self.timeout.min(Duration::from_secs(5));
        let mut found = addresses
            .iter()
            .map(|(host, port)| crate::protocol::why_refused(host, *port, &self.config, wait));
        if addresses.len() > 1 {
            // One bootstrap broker of several turning kt away (a name its
            // certificate lacks, say) is for librdkafka to route around:
            // fail only when every one does.
            let all: Option<Vec<KtError>> = found.collect();
            return all.and_then(|refusals| refusals.into_iter().next());
        }
        found.next().flatten().or(refused)
    }

    /// One protocol connection for an admin request, and the cluster's
    /// description: the first bootstrap address that answers, or with
    /// `controllers` (`--bootstrap-controller`) the active controller, which
    /// DescribeCluster names, as Kafka's admin client sends such requests
    /// (another controller answers NOT_CONTROLLER).
    pub fn admin_broker(
        &self,
        client_id: &str,
        controllers: bool,
    ) -> Result<(crate::protocol::Broker, crate::protocol::ClusterDescription), KtError> {
        use crate::protocol::Broker;
        let mut broker = self.bootstrap_broker(client_id)?;
        let described = broker.describe_cluster(controllers)?;
        if controllers {
            let active = described.controller_id;
            if let Some((_, host, port)) = described.nodes.iter().find(|(id, _, _)| *id == active) {
                broker = Broker::connect(host, *port, &self.config, client_id, self.timeout)?;
            }
        }
        Ok((broker, described))
    }

    /// A protocol-path connection to the first bootstrap broker that
    /// answers, or the first one's failure.
    pub fn bootstrap_broker(&self, client_id: &str) -> Result<crate::protocol::Broker, KtError> {
        let addresses = self.bootstrap_addresses();
        crate::protocol::Broker::connect_any(&addresses, &self.config, client_id, self.timeout)
    }

    /// The bootstrap brokers as (host, port), a listener prefix
    /// (`SASL_SSL://`) dropped.
    pub fn bootstrap_addresses(&self) -> Vec<(String, u16)> {
        self.bootstrap
            .split(',')
            .filter_map(|entry| {
                let entry = entry.trim();
                let entry = entry.rsplit("://").next().unwrap_or(entry);
                let (host, port) = entry.rsplit_once(':')?;
                Some((
                    host.trim_matches(['[', ']']).to_string(),
                    port.parse().ok()?,
                ))
            })
            .collect()
    }

    /// The one-line error for a cluster that did not answer.
    pub fn unreachable(
        &self,
        context: &KtContext,
        err: Option<KafkaError>,
        timed_out: bool,
    ) -> KtError {
        let last = context.last_error().or_else(|| err.map(|e| e.to_string()));
        if let Some(e) = last
            .as_deref()
            .and_then(|w| security_failure(w, &self.bootstrap, &self.mechanism()))
        {
            return e;
        }
        if let Some(reason) = last.as_deref().and_then(connect_failure) {
            return KtError::unreachable(format!(
                "cannot connect to {}: {reason}; check {}",
                self.bootstrap, self.source
            ));
        }
        let why = last
            .map(|w| format!(" ({})", w.trim_end_matches('.')))
            .unwrap_or_default();
        let flag = match self.endpoint {
            Endpoint::ZooKeeper(_) => "the brokers registered in ZooKeeper".to_string(),
            _ => self.source.clone(),
        };
        let within = if timed_out {
            format!(" within {}", crate::error::human_duration(self.timeout))
        } else {
            String::new()
        };
        KtError::unreachable(format!(
            "no broker answered at {}{within}{why}; check {flag}",
            self.bootstrap
        ))
    }
}

/// The reason in librdkafka's connect and resolve failures, said plainly:
/// `127.0.0.1:9092/bootstrap: Connect to ipv4#127.0.0.1:9092 failed: Connection
/// refused (after 0ms in state CONNECT, 1 identical error(s) suppressed)`
/// becomes `connection refused`.
fn connect_failure(log: &str) -> Option<String> {
    let plain = |text: &str| {
        let text = text.split(" (after ").next().unwrap_or(text).trim();
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(chars).collect::<String>()
        })
    };
    if let Some(at) = log.find("Connect to ") {
        let rest = &log[at..];
        let reason = rest.split_once(" failed: ")?.1;
        return Some(plain(reason));
    }
    if let Some(at) = log.find("Failed to resolve ") {
        let rest = &log[at + "Failed to resolve ".len()..];
        let reason = rest.split_once(": ").map_or(rest, |(_, r)| r);
        return Some(format!("cannot resolve the host name ({})", plain(reason)));
    }
    None
}

/// A broker that answered but refused kt's TLS or SASL settings, as
/// librdkafka's log line tells it: a configuration error with the setting
/// to check (in the protocol path's words), not an unreachable broker.
pub fn security_failure(why: &str, bootstrap: &str, mechanism: &str) -> Option<KtError> {
    // librdkafka: "...: SSL handshake failed: error:0A000086:SSL routines::certificate
    // verify failed: broker certificate could not be verified, ... (after 22ms in state ...)"
    let detail = |marker: &str| {
        let rest = &why[why.find(marker)? + marker.len()..];
        let rest = rest.split(" (after ").next().unwrap_or(rest);
        Some(rest.trim().trim_end_matches('.').to_string())
    };
    if let Some(e) = crate::protocol::tls_refusal(bootstrap, why) {
        return Some(e);
    }
    if let Some(d) = detail("SSL handshake failed:") {
        let reason = d
            .split("SSL routines::")
            .nth(1)
            .map(|r| r.split(':').next().unwrap_or(r).to_string())
            .unwrap_or(d);
        return Some(KtError::config(format!(
            "TLS handshake with {bootstrap} failed ({reason}); check ssl.truststore.location \
             (or ssl.ca.location) and that the broker's certificate names the host you connect to"
        )));
    }
    if let Some(e) = crate::protocol::token_refusal(why) {
        return Some(e);
    }
    if why.contains("Request not valid in current SASL state") {
        return Some(crate::protocol::no_sasl(bootstrap));
    }
    if let Some(offered) = detail("broker's supported mechanisms:")
        .filter(|o| !o.is_empty() && o != "(n/a)" && why.contains("Unsupported SASL mechanism"))
    {
        return Some(crate::protocol::not_offered(bootstrap, mechanism, &offered));
    }
    if let Some(d) = detail("SASL authentication error:").or_else(|| detail("GSSAPI Error:")) {
        return Some(crate::protocol::sasl_refused(bootstrap, mechanism, &d));
    }
    None
}

/// A producer or consumer librdkafka would not create.
fn client_error(what: &str, e: KafkaError) -> KtError {
    KtError::config(match e {
        KafkaError::ClientConfig(_, desc, key, _) => {
            format!("invalid {what} setting '{key}': {desc}")
        }
        other => format!("cannot create the {what}: {other}"),
    })
}

fn client_creation_error(e: KafkaError) -> KtError {
    match e {
        KafkaError::ClientConfig(_, desc, key, value) => {
            let shown = if props::is_secret(&key) {
                "<redacted>".to_string()
            } else {
                value
            };
            KtError::config(format!(
                "invalid value '{shown}' for property '{key}': {desc}"
            ))
        }
        other => KtError::config(format!("cannot create a Kafka client: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bootstrap_beats_broker_list_which_beats_zookeeper() {
        let mut args = ConnectionArgs {
            zookeeper: Some("z:2181".into()),
            ..Default::default()
        };
        assert_eq!(
            args.endpoint().unwrap(),
            Some(Endpoint::ZooKeeper("z:2181".into()))
        );
        args.broker_list = Some("b:9092".into());
        assert_eq!(
            args.endpoint().unwrap(),
            Some(Endpoint::Brokers("b:9092".into()))
        );
        args.bootstrap_server = Some("a:9092".into());
        assert_eq!(
            args.endpoint().unwrap(),
            Some(Endpoint::Brokers("a:9092".into()))
        );
    }

    #[test]
    fn mock_forms() {
        assert_eq!(Endpoint::from_bootstrap("mock").unwrap(), Endpoint::Mock(3));
        assert_eq!(
            Endpoint::from_bootstrap("mock:1").unwrap(),
            Endpoint::Mock(1)
        );
        assert!(Endpoint::from_bootstrap("mock:0").is_err());
        assert!(Endpoint::from_bootstrap("mock:x").is_err());
        assert!(Endpoint::from_bootstrap(" ").is_err());
        assert_eq!(
            Endpoint::from_bootstrap("http://h:9092")
                .unwrap_err()
                .message,
            "--bootstrap-server takes HOST:PORT[,HOST:PORT...], not a URL; drop 'http://'"
        );
        assert!(Endpoint::from_bootstrap("SASL_SSL://h:9093,h2:9093").is_ok());
    }

    #[test]
    fn properties_apply_in_kafkas_order() {
        // Each layer sets `acks` and a key of its own; the last layer that
        // names a key wins, and a default fills in only what none named.
        let file = |text: &str| {
            let mut f = tempfile::NamedTempFile::new().unwrap();
            std::io::Write::write_all(&mut f, text.as_bytes()).unwrap();
            f
        };
        let tool_file = file("acks=file\nfrom.tool.file=1\n");
        let command_config = file("acks=command-config\nfrom.command.config=1\n");
        let prop = |key: &str, value: &str, source| Property {
            key: key.into(),
            value: value.into(),
            source,
        };
        let args = ConnectionArgs {
            bootstrap_server: Some("b:9092".into()),
            command_config: Some(command_config.path().to_path_buf()),
            command_property: vec!["acks=command-property".into()],
            librdkafka: vec!["acks=X".into(), "from.x=1".into()],
            profile_properties: vec![prop("acks", "profile", Source::Flag("profile"))],
            ..Default::default()
        };
        let request = |flags: Vec<Property>| Request {
            file: Some(tool_file.path()),
            properties: vec![prop(
                "acks",
                "tool-property",
                Source::Flag("--producer-property"),
            )],
            flags,
            defaults: vec![
                prop("acks", "default", Source::Flag("tool")),
                prop("linger.ms", "1000", Source::Flag("tool")),
            ],
            ..Default::default()
        };
        let conn = Connection::resolve(&args, request(Vec::new())).unwrap();
        let acks: Vec<&str> = conn
            .properties
            .iter()
            .filter(|p| p.key == "acks")
            .map(|p| p.value.as_str())
            .collect();
        assert_eq!(
            acks,
            [
                "profile",
                "file",
                "command-config",
                "tool-property",
                "command-property",
                "X"
            ]
        );
        assert_eq!(conn.property("acks"), Some("X"));
        assert_eq!(conn.property("linger.ms"), Some("1000"));
        for key in ["from.tool.file", "from.command.config", "from.x"] {
            assert_eq!(conn.property(key), Some("1"), "{key}");
        }
        let flagged = request(vec![prop("acks", "flag", Source::Flag("--acks"))]);
        let conn = Connection::resolve(&args, flagged).unwrap();
        assert_eq!(conn.property("acks"), Some("flag"));
    }

    #[test]
    fn endpoint_rules() {
        let none = ConnectionArgs::default();
        let missing = Connection::resolve(&none, Request::default())
            .unwrap()
            .endpoint()
            .unwrap_err();
        assert!(missing
            .message
            .starts_with("no broker given; pass --bootstrap-server"));
        let kafkas = Request {
            endpoint: EndpointRule {
                missing: Some(KtError::usage(
                    "Missing required argument \"[bootstrap-server]\"",
                )),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            Connection::resolve(&none, kafkas)
                .unwrap()
                .endpoint()
                .unwrap_err()
                .message,
            "Missing required argument \"[bootstrap-server]\""
        );
        let from_props = || Request {
            properties: vec![Property {
                key: "bootstrap.servers".into(),
                value: "p:9092".into(),
                source: Source::Flag("--producer-props"),
            }],
            endpoint: EndpointRule {
                from_properties: true,
                ..Default::default()
            },
            ..Default::default()
        };
        let conn = Connection::resolve(&none, from_props()).unwrap();
        assert_eq!(
            conn.endpoint().unwrap(),
            &Endpoint::Brokers("p:9092".into())
        );
        assert_eq!(conn.source, "bootstrap.servers");
        let flagged = ConnectionArgs {
            bootstrap_server: Some("f:9092".into()),
            ..Default::default()
        };
        let conn = Connection::resolve(&flagged, from_props()).unwrap();
        assert_eq!(
            conn.endpoint().unwrap(),
            &Endpoint::Brokers("f:9092".into())
        );
        assert_eq!(conn.source, "--bootstrap-server");
        let positional = Request {
            endpoint: EndpointRule {
                positional: Some("e:9092".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let conn = Connection::resolve(&flagged, positional).unwrap();
        assert_eq!(
            conn.endpoint().unwrap(),
            &Endpoint::Brokers("e:9092".into())
        );
    }

    #[test]
    fn tls_and_sasl_failures_say_what_to_check() {
        let failure = |why: &str| security_failure(why, "h:1", "SCRAM-SHA-256");
        let tls = "ssl://h:1/bootstrap: SSL handshake failed: error:0A000086:SSL routines::certificate verify failed: broker certificate could not be verified, verify that ssl.ca.location is correctly configured (after 22ms in state SSL_HANDSHAKE)";
        let e = failure(tls).unwrap();
        assert_eq!(e.kind, crate::ErrorKind::Config);
        assert!(e.message.starts_with(
            "TLS handshake with h:1 failed (certificate verify failed); check ssl.truststore.location"
        ));
        let sasl = "sasl_plaintext://h:1/bootstrap: SASL authentication error: SASL SCRAM authentication failed: broker responded with invalid-proof (after 43ms in state AUTH_REQ)";
        let e = failure(sasl).unwrap();
        assert!(e.message.starts_with("SASL authentication to h:1 failed (SASL SCRAM authentication failed: broker responded with invalid-proof); check sasl.mechanism"), "{}", e.message);
        let other = "sasl_plaintext://h:1/bootstrap: SASL SCRAM-SHA-256 mechanism handshake failed: Broker: Unsupported SASL mechanism: broker's supported mechanisms: PLAIN (after 1ms in state AUTH_HANDSHAKE)";
        assert_eq!(
            failure(other).unwrap().message,
            "SASL with h:1: the listener does not offer SCRAM-SHA-256 (it offers PLAIN); check sasl.mechanism"
        );
        let plain = "sasl_plaintext://h:1/bootstrap: SASL PLAIN mechanism handshake failed: Broker: Request not valid in current SASL state: broker's supported mechanisms: (after 1ms in state AUTH_HANDSHAKE)";
        assert!(failure(plain)
            .unwrap()
            .message
            .contains("the listener takes no SASL"));
        // A transport failure mid-handshake is no verdict on the settings.
        let lost = "sasl_plaintext://h:1/bootstrap: SASL PLAIN mechanism handshake failed: Local: Broker transport failure: broker's supported mechanisms: (n/a) (after 0ms in state DOWN)";
        assert!(failure(lost).is_none());
        assert!(failure("Connection refused").is_none());
    }

    #[test]
    fn connect_failures_read_plainly() {
        let refused = "127.0.0.1:9092/bootstrap: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT, 1 identical error(s) suppressed)";
        assert_eq!(connect_failure(refused).unwrap(), "connection refused");
        let unknown = "nohost.invalid:9092/bootstrap: Failed to resolve 'nohost.invalid:9092': Name or service not known (after 4ms in state CONNECT)";
        assert_eq!(
            connect_failure(unknown).unwrap(),
            "cannot resolve the host name (name or service not known)"
        );
        assert!(connect_failure("Broker: Unknown topic or partition").is_none());
    }

    #[test]
    fn hints_repeat_the_users_connection_flags() {
        let args = ConnectionArgs {
            bootstrap_server: Some("b:9092".into()),
            command_config: Some("/etc/kafka client.properties".into()),
            librdkafka: vec!["sasl.password=x".into(), "debug=all".into()],
            ..Default::default()
        };
        assert_eq!(
            args.hint_flags(),
            "--bootstrap-server b:9092 --command-config '/etc/kafka client.properties' -X debug=all"
        );
        let profiled = ConnectionArgs {
            bootstrap_server: Some("b:9092".into()),
            endpoint_profile: Some("prod".into()),
            ..Default::default()
        };
        assert_eq!(profiled.hint_flags(), "--cluster prod");
        assert_eq!(profiled.endpoint_source(), "cluster profile 'prod'");
    }
}
