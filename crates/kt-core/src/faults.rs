//! Fault injection into the embedded mock cluster, the hook kt's reliability
//! tests use: `KT_MOCK_FAULTS="Produce=LeaderNotAvailable*3;Metadata=NotController"`
//! makes the next requests of each API fail with those errors, in order,
//! before the mock answers normally again. Real brokers ignore it.

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

const ERRORS: [(&str, RDKafkaRespErr); 6] = [
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
];

type Faults = Vec<(RDKafkaApiKey, Vec<RDKafkaRespErr>)>;

/// Parses `Api=Error[*N][,Error[*N]...][;Api=...]`.
pub fn parse(spec: &str) -> Result<Faults, KtError> {
    let bad = |why: String| KtError::config(format!("{FAULTS_ENV}: {why}"));
    let mut out = Vec::new();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (api, errors) = part
            .split_once('=')
            .ok_or_else(|| bad(format!("'{}' is not Api=Error[*N]", part.escape_debug())))?;
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
            let err = ERRORS
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, e)| *e)
                .ok_or_else(|| {
                    bad(format!(
                        "unknown error '{}'; use one of {}",
                        name.escape_debug(),
                        ERRORS.map(|(n, _)| n).join(", ")
                    ))
                })?;
            list.extend(std::iter::repeat_n(err, count));
        }
        out.push((key, list));
    }
    Ok(out)
}

/// Pushes the faults `KT_MOCK_FAULTS` names into the mock cluster.
pub fn inject_from_env(mock: &MockCluster<'static, DefaultProducerContext>) -> Result<(), KtError> {
    let Ok(spec) = std::env::var(FAULTS_ENV) else {
        return Ok(());
    };
    for (api, errors) in parse(&spec)? {
        mock.request_errors(api, &errors);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let f =
            parse("Produce=LeaderNotAvailable*3,NetworkException; metadata=NotController").unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].1.len(), 4);
        assert_eq!(f[1].0, RDKafkaApiKey::Metadata);
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
