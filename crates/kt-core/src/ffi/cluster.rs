//! The cluster as a whole: its brokers, controller and id (DescribeCluster),
//! and leader elections (ElectLeaders).

use std::ffi::CString;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::error::RDKafkaErrorCode;

use super::admin::{admin_request, admin_request_raw, text, Guard, TopicFailure};
use crate::error::KtError;

/// One broker as DescribeCluster names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
}

/// What DescribeCluster says: the brokers (by id), the controller and the id.
#[derive(Debug, Clone)]
pub struct ClusterInfo {
    pub cluster_id: Option<String>,
    pub controller: Option<i32>,
    pub nodes: Vec<Node>,
}

/// # Safety
/// `node` is a live `rd_kafka_Node_t`.
unsafe fn node(node: *const rd::rd_kafka_Node_t) -> Node {
    let rack = rd::rd_kafka_Node_rack(node);
    Node {
        id: rd::rd_kafka_Node_id(node),
        host: text(rd::rd_kafka_Node_host(node)),
        port: rd::rd_kafka_Node_port(node),
        rack: (!rack.is_null()).then(|| text(rack)),
    }
}

/// DescribeCluster: the brokers sorted by id, the controller and cluster
/// id; a failure as librdkafka's code and text (a local code when no
/// broker answered, the broker's when one did).
pub fn describe_cluster<C: ClientContext>(
    client: &Client<C>,
    timeout: Duration,
) -> Result<ClusterInfo, TopicFailure> {
    let rk = client.native_ptr();
    // SAFETY: admin_request_raw owns the options and queue through the
    // request; the result and its nodes are read before the event is
    // destroyed.
    unsafe {
        let event = admin_request_raw(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER,
            timeout,
            |options, queue| rd::rd_kafka_DescribeCluster(rk, options, queue),
        )?;
        let result = rd::rd_kafka_event_DescribeCluster_result(event.0);
        let mut count = 0usize;
        let nodes = rd::rd_kafka_DescribeCluster_result_nodes(result, &mut count);
        let mut out: Vec<Node> = (0..count).map(|i| node(*nodes.add(i))).collect();
        out.sort_by_key(|n| n.id);
        let controller = rd::rd_kafka_DescribeCluster_result_controller(result);
        let id = rd::rd_kafka_DescribeCluster_result_cluster_id(result);
        Ok(ClusterInfo {
            cluster_id: (!id.is_null()).then(|| text(id)),
            controller: (!controller.is_null()).then(|| rd::rd_kafka_Node_id(controller)),
            nodes: out,
        })
    }
}

/// Which replica an election makes leader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Election {
    Preferred,
    Unclean,
}

/// One partition's election result: `Ok` or the broker's code and text.
pub type Elected = ((String, i32), Result<(), (RDKafkaErrorCode, String)>);

/// ElectLeaders for `partitions` (`None`: every partition).
pub fn elect_leaders<C: ClientContext>(
    client: &Client<C>,
    election: Election,
    partitions: Option<&[(String, i32)]>,
    timeout: Duration,
) -> Result<Vec<Elected>, KtError> {
    let rk = client.native_ptr();
    let kind = match election {
        Election::Preferred => rd::rd_kafka_ElectionType_t::RD_KAFKA_ELECTION_TYPE_PREFERRED,
        Election::Unclean => rd::rd_kafka_ElectionType_t::RD_KAFKA_ELECTION_TYPE_UNCLEAN,
    };
    let names: Vec<(CString, i32)> = partitions
        .unwrap_or_default()
        .iter()
        .map(|(t, p)| (CString::new(t.as_str()).unwrap_or_default(), *p))
        .collect();
    // SAFETY: the partition list is copied by ElectLeaders_new and destroyed
    // here after; the request object lives until the request is sent
    // (librdkafka copies it); the result is read before its event is destroyed.
    unsafe {
        let list = match partitions {
            None => Guard(
                std::ptr::null_mut(),
                rd::rd_kafka_topic_partition_list_destroy,
            ),
            Some(_) => {
                let list = Guard(
                    rd::rd_kafka_topic_partition_list_new(names.len() as i32),
                    rd::rd_kafka_topic_partition_list_destroy,
                );
                for (topic, partition) in &names {
                    rd::rd_kafka_topic_partition_list_add(list.0, topic.as_ptr(), *partition);
                }
                list
            }
        };
        let request = Guard(
            rd::rd_kafka_ElectLeaders_new(kind, list.0),
            rd::rd_kafka_ElectLeaders_destroy,
        );
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ELECTLEADERS,
            timeout,
            "the leader election timed out",
            |options, queue| rd::rd_kafka_ElectLeaders(rk, request.0, options, queue),
        )?;
        let result = rd::rd_kafka_event_ElectLeaders_result(event.0);
        let mut count = 0usize;
        let results = rd::rd_kafka_ElectLeaders_result_partitions(result, &mut count);
        let mut out = Vec::with_capacity(count);
        for i in 0..count {
            let r = *results.add(i);
            let tp = rd::rd_kafka_topic_partition_result_partition(r);
            let error = rd::rd_kafka_topic_partition_result_error(r);
            let code = if error.is_null() {
                rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR
            } else {
                rd::rd_kafka_error_code(error)
            };
            let answer = if code == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                Ok(())
            } else {
                Err((
                    RDKafkaErrorCode::from(code),
                    text(rd::rd_kafka_error_string(error)),
                ))
            };
            out.push(((text((*tp).topic), (*tp).partition), answer));
        }
        Ok(out)
    }
}
