//! `kt topics` / kafka-topics: create, list, describe, alter and delete topics.

mod alter;
pub mod args;
pub(crate) mod create;
mod delete;
mod describe;
pub mod filter;
mod list;
pub mod report;

use std::io::Write;

use kt_core::connection::{Connection, EndpointRule, Request};
use kt_core::context::drain_events;
use kt_core::{Cluster, Diagnostics, Endpoint, KtContext, KtError, OutputFormat};
use rdkafka::admin::{AdminClient, AdminOptions};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::metadata::Metadata;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;
use args::Action;
pub use args::TopicsArgs;

/// Everything an action needs: the cluster, a client, and how to print.
pub(crate) struct Session<'a> {
    pub args: &'a TopicsArgs,
    pub cluster: &'a Cluster,
    pub admin: &'a AdminClient<KtContext>,
    pub metadata: Metadata,
    pub mode: Mode,
    pub format: OutputFormat,
    /// Where warnings go.
    pub err: &'a Diagnostics,
}

impl Session<'_> {
    /// All topic names the cluster reports.
    pub fn topic_names(&self) -> Vec<String> {
        self.metadata
            .topics()
            .iter()
            .filter(|t| t.error().is_none() || !t.partitions().is_empty())
            .map(|t| t.name().to_string())
            .collect()
    }

    /// The topics `--topic` selects, failing as Kafka does when a named topic
    /// matches nothing and `--if-exists` is not given.
    pub fn matching_topics(&self, require: bool) -> Result<Vec<String>, KtError> {
        let topics = filter::select(
            &self.topic_names(),
            self.args.topic.as_deref(),
            self.args.exclude_internal,
        )?;
        if let Some(topic) = self.args.topic.as_deref() {
            if require && !topic.is_empty() && topics.is_empty() {
                // Kafka 3.7-4.1 format the Optional itself into this message.
                let shown = match self.mode {
                    Mode::Compat => format!("Optional[{topic}]"),
                    Mode::Native => topic.to_string(),
                };
                return Err(KtError::not_found(format!(
                    "Topic '{shown}' does not exist as expected"
                )));
            }
        }
        Ok(topics)
    }

    pub fn admin_options(&self) -> AdminOptions {
        AdminOptions::new()
            .request_timeout(Some(self.cluster.timeout))
            .operation_timeout(Some(self.cluster.timeout))
    }

    pub fn via_zookeeper(&self) -> bool {
        matches!(self.cluster.endpoint, Endpoint::ZooKeeper(_))
    }

    pub fn live_brokers(&self) -> Vec<i32> {
        self.metadata.brokers().iter().map(|b| b.id()).collect()
    }
}

/// Runs one kafka-topics action.
pub fn run(
    args: TopicsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    if mode == Mode::Native {
        if let Some(word) = args.stray.first() {
            // `kt topics list`: the action is a flag.
            let flag = format!("--{word}");
            let known = crate::cli::command()
                .find_subcommand("topics")
                .is_some_and(|c| c.get_arguments().any(|a| a.get_long() == Some(&flag[2..])));
            let hint = if known {
                format!(" (did you mean '{flag}'?)")
            } else {
                String::new()
            };
            return Err(KtError::usage(format!(
                "unexpected argument '{word}'{hint}; options start with --, see 'kt topics --help'"
            ))
            .into());
        }
        args.connection.require_endpoint()?;
    }
    let action = args.check()?;
    let request = Request {
        endpoint: EndpointRule {
            // TopicCommand's own check, under either name: kt's own line
            // came first, above.
            missing: Some(Kafka::MustBeSpecified.error()),
            ..Default::default()
        },
        timeout: args.timeout(),
        ..Default::default()
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    let admin = cluster.admin("kt-topics")?;
    let metadata = cluster.metadata(admin.inner(), None, &|| drain_events(admin.inner()))?;
    let format = match mode {
        Mode::Compat => OutputFormat::Text,
        Mode::Native => args.output.output,
    };
    let session = Session {
        args: &args,
        cluster: &cluster,
        admin: &admin,
        metadata,
        mode,
        format,
        err,
    };
    let result = match action {
        Action::Create => create::run(&session, out),
        Action::List => list::run(&session, out),
        Action::Describe => describe::run(&session, out),
        Action::Alter => alter::run(&session, out),
        Action::Delete => delete::run(&session, out),
    };
    // rd_kafka_destroy waits about 100 ms for librdkafka's broker threads to
    // wind down. An admin client has nothing left to flush once its requests
    // returned, and the process is about to exit, so let the exit reclaim it.
    drop(session);
    kt_core::leave_running(admin);
    kt_core::leave_running(cluster);
    result
}

/// Sends a per-topic admin request until no topic fails with a retriable
/// error or the cluster timeout passes, as Kafka's admin client retries
/// (through `kt_core::retry::within`). Returns the last failures (topic,
/// code), possibly empty.
///
/// An attempt that librdkafka never got an answer to (DestroyBroker: the
/// connection it went out on was retired), or that the controller timed out
/// on, may have taken effect: after one,
/// a topic failing with `done` (the code for "already so": the topic exists,
/// is gone, has those partitions) counts as changed, not failed. A new
/// three-broker cluster's `--create` said the topic it had just created
/// already existed.
pub(crate) fn with_retries<F>(
    session: &Session<'_>,
    request: &str,
    done: RDKafkaErrorCode,
    mut send: F,
) -> anyhow::Result<Vec<(String, RDKafkaErrorCode)>>
where
    F: FnMut(&AdminOptions) -> Result<Vec<rdkafka::admin::TopicResult>, rdkafka::error::KafkaError>,
{
    /// Why an attempt did not end the loop.
    enum Again {
        /// Every topic failed with an error worth asking again about.
        Retriable(Vec<(String, RDKafkaErrorCode)>),
        /// The request as a whole failed.
        Request(rdkafka::error::KafkaError),
    }
    let unanswered = std::cell::Cell::new(false);
    let outcome = kt_core::retry::within(
        session.cluster.timeout,
        |_| {
            let results = send(&session.admin_options()).map_err(|e| {
                if admin_code(&e) == Some(RDKafkaErrorCode::DestroyBroker) {
                    unanswered.set(true);
                }
                Again::Request(e)
            })?;
            let failures: Vec<(String, RDKafkaErrorCode)> = results
                .into_iter()
                .filter_map(Result::err)
                .filter(|(_, code)| !(unanswered.get() && *code == done))
                .collect();
            if !failures.is_empty()
                && failures
                    .iter()
                    .all(|(_, c)| kt_core::retry::is_retriable(*c))
            {
                // The controller may still apply a change it timed out on.
                if failures
                    .iter()
                    .any(|(_, c)| *c == RDKafkaErrorCode::RequestTimedOut)
                {
                    unanswered.set(true);
                }
                return Err(Again::Retriable(failures));
            }
            Ok(failures)
        },
        |again| match again {
            Again::Retriable(_) => true,
            // Only a request librdkafka never got an answer to.
            Again::Request(e) => admin_code(e) == Some(RDKafkaErrorCode::DestroyBroker),
        },
    );
    match outcome {
        Ok(failures) | Err(Again::Retriable(failures)) => Ok(failures),
        Err(Again::Request(e)) => Err(admin_error(session, request, e)),
    }
}

/// The code of an admin request's failure: rdkafka reports none for AdminOp
/// errors, though they carry one.
fn admin_code(e: &rdkafka::error::KafkaError) -> Option<RDKafkaErrorCode> {
    match e {
        rdkafka::error::KafkaError::AdminOp(code) => Some(*code),
        other => other.rdkafka_error_code(),
    }
}

/// One line for an admin request that failed as a whole.
pub(crate) fn admin_error(
    session: &Session<'_>,
    request: &str,
    e: rdkafka::error::KafkaError,
) -> anyhow::Error {
    match admin_code(&e) {
        Some(RDKafkaErrorCode::OperationTimedOut) | Some(RDKafkaErrorCode::RequestTimedOut) => {
            drain_events(session.admin.inner());
            let context = session.admin.inner().context();
            session.cluster.unreachable(context, Some(e), true).into()
        }
        Some(RDKafkaErrorCode::UnsupportedVersion)
        | Some(RDKafkaErrorCode::UnsupportedFeature)
        | Some(RDKafkaErrorCode::InvalidRequest) => KtError::broker(format!(
            "the broker does not support the {request} request, so kt cannot do this on it"
        ))
        .into(),
        _ => KtError::broker(e.to_string()).into(),
    }
}

/// Kafka's text for a per-topic failure code.
pub(crate) fn topic_error_message(
    session: &Session<'_>,
    topic: &str,
    code: RDKafkaErrorCode,
) -> KtError {
    match code {
        RDKafkaErrorCode::TopicAlreadyExists => {
            KtError::broker(format!("Topic '{topic}' already exists."))
        }
        RDKafkaErrorCode::UnknownTopicOrPartition => {
            KtError::not_found("This server does not host this topic-partition.")
        }
        RDKafkaErrorCode::InvalidReplicationFactor => {
            let rf = session.args.replication_factor.unwrap_or(-1);
            KtError::broker(format!(
                "Unable to replicate the partition {rf} time(s): The target replication factor of {rf} cannot be reached because only {} broker(s) are registered.",
                session.metadata.brokers().len()
            ))
        }
        RDKafkaErrorCode::InvalidTopic => {
            KtError::config(format!("Topic name \"{topic}\" is illegal"))
        }
        other => KtError::broker(format!("{other} (topic {topic})")),
    }
}
