//! Cluster profiles at the edge: which tool flags name an endpoint, `kt
//! config show`, and the topic names shell completion asks for.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use clap::Args;
use kt_core::config::translate;
use kt_core::connection::{Connection, Request};
use kt_core::context::drain_events;
use kt_core::profile::{self, Choice, ConfigFile};
use kt_core::props::is_secret;
use kt_core::{ConnectionArgs, Diagnostics, Endpoint, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::dispatch::Mode;

/// A tool's flags, as far as profiles care.
pub trait Connected {
    fn connection(&mut self) -> &mut ConnectionArgs;
    /// Whether a flag outside [`ConnectionArgs`] names the brokers, so the
    /// default cluster must not.
    fn names_endpoint(&self) -> bool {
        false
    }
}

/// Applies the cluster profile before a tool runs. kt's own commands use the
/// config file's default cluster when no endpoint flag is given; Kafka-named
/// links use only a profile named by `--cluster` or `KT_CLUSTER`, so they
/// keep Kafka's required-argument rules.
pub fn profiled<A: Connected>(mut args: A, mode: Mode) -> anyhow::Result<A> {
    let given = args.names_endpoint();
    let connection = args.connection();
    connection.kafka_name = mode == Mode::Compat;
    connection.apply_profile(mode == Mode::Native, given)?;
    Ok(args)
}

macro_rules! connected {
    ($($ty:ty),*) => {$(
        impl Connected for $ty {
            fn connection(&mut self) -> &mut ConnectionArgs {
                &mut self.connection
            }
        }
    )*};
}

connected!(
    crate::topics::TopicsArgs,
    crate::console::produce_args::ProduceArgs,
    crate::console::consume_args::ConsumeArgs,
    crate::perf::consumer_args::ConsumerPerfArgs,
    crate::offsets::OffsetsArgs,
    crate::groups::GroupsArgs,
    crate::delete_records::DeleteRecordsArgs,
    crate::brokers::BrokersArgs,
    crate::elect::ElectArgs,
    crate::configs::ConfigsArgs,
    crate::acls::AclsArgs,
    crate::doctor::DoctorArgs,
    crate::reassign::ReassignArgs,
    crate::quorum::QuorumArgs,
    crate::features::FeaturesArgs,
    crate::cluster::ClusterArgs,
    crate::transactions::TransactionsArgs,
    crate::client_metrics::ClientMetricsArgs,
    crate::delegation_tokens::DelegationTokensArgs,
    crate::streams_reset::StreamsResetArgs,
    crate::verifiable::producer::VerifiableProducerArgs,
    crate::verifiable::consumer::VerifiableConsumerArgs,
    crate::replica_verification::ReplicaVerificationArgs,
    ShowArgs
);

macro_rules! wrapped {
    ($($ty:ty),*) => {$(
        impl Connected for $ty {
            fn connection(&mut self) -> &mut ConnectionArgs {
                &mut self.args.connection
            }
        }
    )*};
}

wrapped!(crate::brokers::ApiVersionsArgs, crate::brokers::LogDirsArgs);

impl Connected for crate::perf::producer_args::ProducerPerfArgs {
    fn connection(&mut self) -> &mut ConnectionArgs {
        &mut self.connection
    }
    fn names_endpoint(&self) -> bool {
        self.producer_props
            .iter()
            .any(|p| p.trim_start().starts_with("bootstrap.servers="))
    }
}

impl Connected for crate::perf::e2e::E2eArgs {
    fn connection(&mut self) -> &mut ConnectionArgs {
        &mut self.connection
    }
    fn names_endpoint(&self) -> bool {
        !self.positional.is_empty()
    }
}

#[derive(Args, Debug, Default)]
pub struct ShowArgs {
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// `kt __complete-topics`: the connection flags the shell found on the line.
#[derive(Args, Debug, Default)]
pub struct CompleteArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// What `kt config show` reports.
#[derive(Debug, Serialize)]
struct Resolved {
    config_file: Option<String>,
    config_file_exists: bool,
    clusters: Vec<String>,
    default_cluster: Option<String>,
    cluster: Option<String>,
    chosen_by: Option<Choice>,
    bootstrap_servers: Option<String>,
    zookeeper: Option<String>,
    properties: Vec<Shown>,
    librdkafka: BTreeMap<String, String>,
    warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Shown {
    key: String,
    value: String,
    source: String,
}

const REDACTED: &str = "<redacted>";

pub fn show(mut args: ShowArgs, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
    let file = ConfigFile::load()?;
    let profile = args.connection.apply_profile_in(file.as_ref())?;
    let conn = Connection::resolve(&args.connection, Request::default())?;
    for note in conn.notes() {
        err.line(note);
    }
    let props = &conn.properties;
    // A secret's value is hidden wherever it shows up, translated or not.
    let secrets: Vec<&str> = props
        .iter()
        .filter(|p| is_secret(&p.key) || p.source.is_secret())
        .map(|p| p.value.as_str())
        .filter(|v| !v.is_empty())
        .collect();
    let hide = |key: &str, value: &str| {
        if is_secret(key) || secrets.contains(&value) {
            REDACTED.to_string()
        } else {
            value.to_string()
        }
    };
    let translated = translate(props)?;
    let mut librdkafka = BTreeMap::new();
    for (k, v) in &translated.entries {
        librdkafka.insert(k.clone(), hide(k, v));
    }
    let (bootstrap, zookeeper) = match args.connection.endpoint()? {
        Some(Endpoint::Brokers(b)) => (Some(b), None),
        Some(Endpoint::Mock(n)) => (Some(format!("mock:{n}")), None),
        Some(Endpoint::ZooKeeper(z)) => (None, Some(z)),
        None => (None, None),
    };
    let path = profile::config_path().map(|(p, _)| p);
    let view = Resolved {
        config_file: path.as_ref().map(|p| p.display().to_string()),
        config_file_exists: file.is_some(),
        clusters: file
            .as_ref()
            .map(|f| f.names().map(str::to_string).collect())
            .unwrap_or_default(),
        default_cluster: file.as_ref().and_then(|f| f.default.clone()),
        cluster: profile.as_ref().map(|p| p.name.clone()),
        chosen_by: profile.as_ref().map(|p| p.chosen_by),
        bootstrap_servers: bootstrap,
        zookeeper,
        properties: props
            .iter()
            .map(|p| Shown {
                key: p.key.clone(),
                value: if p.source.is_secret() {
                    REDACTED.to_string()
                } else {
                    hide(&p.key, &p.value)
                },
                source: p.source.to_string(),
            })
            .collect(),
        librdkafka,
        warnings: translated.warnings.clone(),
    };
    render(&view, args.output.output, out)
}

fn render(view: &Resolved, format: OutputFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    if format == OutputFormat::Json {
        serde_json::to_writer_pretty(&mut *out, view)?;
        writeln!(out)?;
        return Ok(());
    }
    let file = match (&view.config_file, view.config_file_exists) {
        (Some(p), true) => p.clone(),
        (Some(p), false) => format!("{p} (not found)"),
        (None, _) => "none (no config directory)".to_string(),
    };
    writeln!(out, "Config file:  {file}")?;
    if !view.clusters.is_empty() {
        let names: Vec<String> = view
            .clusters
            .iter()
            .map(|c| match &view.default_cluster {
                Some(d) if d == c => format!("{c} (default)"),
                _ => c.clone(),
            })
            .collect();
        writeln!(out, "Clusters:     {}", names.join(", "))?;
    }
    let cluster = match (&view.cluster, view.chosen_by) {
        (Some(c), Some(by)) => format!(
            "{c} (from {})",
            match by {
                Choice::Flag => "--cluster",
                Choice::Env => "KT_CLUSTER",
                Choice::Default => "the default",
            }
        ),
        _ => "none".to_string(),
    };
    writeln!(out, "Cluster:      {cluster}")?;
    match (&view.bootstrap_servers, &view.zookeeper) {
        (Some(b), _) => writeln!(out, "Bootstrap:    {b}")?,
        (None, Some(z)) => writeln!(out, "ZooKeeper:    {z}")?,
        (None, None) => writeln!(
            out,
            "Bootstrap:    none (kt's commands use the embedded mock cluster)"
        )?,
    }
    if !view.properties.is_empty() {
        let mut table = crate::table::new(["PROPERTY", "VALUE", "FROM"]);
        for p in &view.properties {
            table.add_row([&p.key, &p.value, &p.source]);
        }
        writeln!(out, "Properties:\n{table}")?;
    }
    if !view.librdkafka.is_empty() {
        writeln!(out, "librdkafka settings:")?;
        for (k, v) in &view.librdkafka {
            writeln!(out, "  {k}={v}")?;
        }
    }
    for w in &view.warnings {
        writeln!(out, "Warning: {w}")?;
    }
    Ok(())
}

/// Topic names for shell completion: the cluster named by the flags the
/// shell passes, `KT_CLUSTER` or the default profile, asked with a short
/// timeout. Any failure prints nothing, so a prompt never shows an error.
pub fn complete_topics(mut args: CompleteArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let names = (|| -> anyhow::Result<Vec<String>> {
        args.connection.apply_profile(true, false)?;
        let Some(endpoint) = args.connection.endpoint()? else {
            return Ok(Vec::new());
        };
        if matches!(endpoint, Endpoint::Mock(_)) {
            return Ok(Vec::new());
        }
        args.connection.verbose = false;
        let request = Request {
            timeout: Some(Duration::from_millis(800)),
            ..Default::default()
        };
        // A prompt shows nothing: warnings go nowhere.
        let quiet = Diagnostics::to(Box::new(std::io::sink()));
        let cluster = Connection::resolve(&args.connection, request)?.open(&quiet)?;
        let admin = cluster.admin("kt-complete")?;
        let md = cluster.metadata(admin.inner(), None, &|| drain_events(admin.inner()))?;
        let mut names: Vec<String> = md.topics().iter().map(|t| t.name().to_string()).collect();
        names.sort();
        kt_core::leave_running(admin);
        kt_core::leave_running(cluster);
        Ok(names)
    })()
    .unwrap_or_default();
    for n in names {
        writeln!(out, "{n}")?;
    }
    Ok(())
}
