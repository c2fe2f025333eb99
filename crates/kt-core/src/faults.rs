//! Fault injection into the embedded mock cluster, the hook kt's reliability
//! tests use: `KT_MOCK_FAULTS="Produce=LeaderNotAvailable*3;Metadata=NotController"`
//! makes the next requests of each API fail with those errors, in order,
//! before the mock answers normally again; `Topic:NAME=LeaderNotAvailable`
//! makes metadata answer that error for the topic NAME (one a broker is
//! still creating) for as long as the mock lives. Real brokers ignore it.

use rdkafka::mocking::MockCluster;
use rdkafka::producer::DefaultProducerContext;
use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};

use crate::error::KtError;

pub const FAULTS_ENV: &str = "KT_MOCK_FAULTS";

const APIS: [(&str, RDKafkaApiKey); 12] = [
    ("Produce", RDKafkaApiKey::Produce),
    ("Fetch", RDKafkaApiKey::Fetch),
    ("ListOffsets", RDKafkaApiKey::ListOffsets),
    ("Metadata", RDKafkaApiKey::Metadata),
    ("OffsetCommit", RDKafkaApiKey::OffsetCommit),
    ("OffsetFetch", RDKafkaApiKey::OffsetFetch),
    ("FindCoordinator", RDKafkaApiKey::FindCoordinator),
    ("JoinGroup", RDKafkaApiKey::JoinGroup),
    ("SyncGroup", RDKafkaApiKey::SyncGroup),
    ("Heartbeat", RDKafkaApiKey::Heartbeat),
    ("InitProducerId", RDKafkaApiKey::InitProducerId),
    ("DescribeConfigs", RDKafkaApiKey::DescribeConfigs),
];

const ERRORS: [(&str, RDKafkaRespErr); 7] = [
    (
        "LeaderNotAvailable",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
    ),
    (
        "NotController",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_CONTROLLER,
    ),
    // No broker sends NetworkException: Java raises it when the connection
    // drops before the response. The mock's __TRANSPORT closes the connection.
    (
        "NetworkException",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR__TRANSPORT,
    ),
    (
        "RequestTimedOut",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
    ),
    (
        "NotLeaderOrFollower",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
    ),
    (
        "NotEnoughReplicas",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
    ),
    (
        "UnknownTopicOrPartition",
        RDKafkaRespErr::RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
    ),
];

/// What `KT_MOCK_FAULTS` asks for.
#[derive(Debug, Default)]
pub struct Faults {
    /// Errors for the next requests of an API, in order.
    pub requests: Vec<(RDKafkaApiKey, Vec<RDKafkaRespErr>)>,
    /// The error metadata answers for a topic.
    pub topics: Vec<(String, RDKafkaRespErr)>,
}

/// Parses `Api=Error[*N][,Error[*N]...][;Api=...]` and `Topic:NAME=Error`.
pub fn parse(spec: &str) -> Result<Faults, KtError> {
    let bad = |why: String| KtError::config(format!("{FAULTS_ENV}: {why}"));
    let mut out = Faults::default();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (api, errors) = part
            .split_once('=')
            .ok_or_else(|| bad(format!("'{}' is not Api=Error[*N]", part.escape_debug())))?;
        if let Some(topic) = api.trim().strip_prefix("Topic:") {
            let err = error_named(errors.trim(), &bad)?;
            out.topics.push((topic.to_string(), err));
            continue;
        }
        let key = APIS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(api.trim()))
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                bad(format!(
                    "unknown API '{}'; use one of {}",
                    api.escape_debug(),
                    APIS.map(|(n, _)| n).join(", ")
                ))
            })?;
        let mut list = Vec::new();
        for e in errors.split(',') {
            let (name, count) = match e.split_once('*') {
                Some((n, c)) => (
                    n.trim(),
                    c.trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|c| (1..=100_000).contains(c))
                        .ok_or_else(|| {
                            bad(format!(
                                "bad count in '{}'; use 1 to 100000",
                                e.escape_debug()
                            ))
                        })?,
                ),
                None => (e.trim(), 1),
            };
            let err = error_named(name, &bad)?;
            list.extend(std::iter::repeat_n(err, count));
        }
        out.requests.push((key, list));
    }
    Ok(out)
}

fn error_named(name: &str, bad: &dyn Fn(String) -> KtError) -> Result<RDKafkaRespErr, KtError> {
    ERRORS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, e)| *e)
        .ok_or_else(|| {
            bad(format!(
                "unknown error '{}'; use one of {}",
                name.escape_debug(),
                ERRORS.map(|(n, _)| n).join(", ")
            ))
        })
}

/// Pushes the faults `KT_MOCK_FAULTS` names into the mock cluster.
pub fn inject_from_env(mock: &MockCluster<'static, DefaultProducerContext>) -> Result<(), KtError> {
    let Ok(spec) = std::env::var(FAULTS_ENV) else {
        return Ok(());
    };
    let faults = parse(&spec)?;
    for (api, errors) in faults.requests {
        mock.request_errors(api, &errors);
    }
    for (topic, err) in faults.topics {
        mock.topic_error(&topic, err)
            .map_err(|e| KtError::config(format!("{FAULTS_ENV}: topic {topic}: {e}")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let f = parse(
            "Produce=LeaderNotAvailable*3,NetworkException; metadata=NotController;Topic:t=LeaderNotAvailable",
        )
        .unwrap();
        let f_requests = &f.requests;
        assert_eq!(f_requests.len(), 2);
        assert_eq!(f_requests[0].1.len(), 4);
        assert_eq!(f_requests[1].0, RDKafkaApiKey::Metadata);
        assert_eq!(
            f.topics,
            [(
                "t".to_string(),
                RDKafkaRespErr::RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            )]
        );
        assert!(parse("Topic:t=Boom").is_err());
        assert!(parse("Produce").is_err());
        assert!(parse("Nope=NotController")
            .unwrap_err()
            .message
            .contains("unknown API 'Nope'"));
        assert!(parse("Fetch=Boom")
            .unwrap_err()
            .message
            .contains("unknown error 'Boom'"));
        assert!(parse("Fetch=NotController*0").is_err());
    }
}
