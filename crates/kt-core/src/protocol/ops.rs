//! The requests kt's tools send on the protocol path, in kt's own types:
//! configs of any resource type, client quotas, ACLs, log dirs, group
//! types. Each is one typed request of the `kafka-protocol` crate, at the
//! newest version both sides have.

use kafka_protocol::messages::describe_quorum_request as dqr;
use kafka_protocol::messages::find_coordinator_response as fcr;
use kafka_protocol::messages::{
    alter_client_quotas_request as acq, alter_partition_reassignments_request as apr,
    list_partition_reassignments_request as lpr, metadata_request,
    AlterPartitionReassignmentsRequest, BrokerId, ListPartitionReassignmentsRequest,
    MetadataRequest, TopicName,
};
use kafka_protocol::messages::{
    create_acls_request, delete_acls_request, describe_client_quotas_request as dcq,
    describe_configs_request, incremental_alter_configs_request as iac, AlterClientQuotasRequest,
    CreateAclsRequest, DeleteAclsRequest, DescribeAclsRequest, DescribeClientQuotasRequest,
    DescribeConfigsRequest, DescribeLogDirsRequest, IncrementalAlterConfigsRequest,
    ListConfigResourcesRequest, ListGroupsRequest,
};
use kafka_protocol::messages::{
    create_delegation_token_request as cdt, describe_delegation_token_request as ddt,
    CreateDelegationTokenRequest, DescribeDelegationTokenRequest, ExpireDelegationTokenRequest,
    RenewDelegationTokenRequest,
};
use kafka_protocol::messages::{
    describe_producers_request as dpr, update_features_request as ufr,
    write_txn_markers_request as wtm, DescribeClusterRequest, DescribeGroupsRequest,
    DescribeProducersRequest, DescribeQuorumRequest, DescribeTransactionsRequest,
    FindCoordinatorRequest, ListTransactionsRequest, ProducerId, TransactionalId,
    UnregisterBrokerRequest, UpdateFeaturesRequest, WriteTxnMarkersRequest,
};
use kafka_protocol::messages::{fetch_request as fr, FetchRequest};
use kafka_protocol::messages::{leave_group_request as lgr, GroupId, LeaveGroupRequest};
use kafka_protocol::messages::{list_offsets_request as lor, ListOffsetsRequest};
use kafka_protocol::messages::{offset_fetch_request as ofr, OffsetFetchRequest};
use kafka_protocol::protocol::{Request, StrBytes};

use super::Broker;
use crate::error::KtError;

/// A broker's refusal of one resource: Kafka's error code and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub code: i16,
    pub message: Option<String>,
}

/// A group's coordinator: its broker id, host and port.
pub type Coordinator = (i32, String, u16);

/// A group as DescribeGroups (the classic group protocol) tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassicGroup {
    pub group: String,
    /// The group's own error.
    pub refused: Option<Refused>,
    /// Its state as the broker names it (`Stable`, `Empty`, `Dead`, ...).
    pub state: String,
    /// `consumer` for consumer groups, empty for a group that only commits.
    pub protocol_type: String,
    /// The protocol chosen (a consumer group's assignor), when Stable.
    pub protocol: String,
    pub members: Vec<ClassicMember>,
}

/// One member of a [`ClassicGroup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassicMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    /// Its assignment read as a consumer's (ConsumerProtocolAssignment),
    /// in the order it lists them: `None` when the bytes are not one.
    pub assignment: Option<Vec<(String, i32)>>,
}

/// A consumer's assignment bytes (a version, then ConsumerProtocolAssignment
/// at that version, read at the newest kt knows when newer, as Kafka's
/// `ConsumerProtocol` does): its partitions, in order; empty bytes are no
/// partitions.
fn consumer_assignment(bytes: &bytes::Bytes) -> Option<Vec<(String, i32)>> {
    use kafka_protocol::messages::ConsumerProtocolAssignment;
    use kafka_protocol::protocol::{Decodable, Message};
    if bytes.is_empty() {
        return Some(Vec::new());
    }
    let mut buf = bytes.clone();
    if buf.len() < 2 {
        return None;
    }
    let version = i16::from_be_bytes([buf[0], buf[1]]);
    bytes::Buf::advance(&mut buf, 2);
    let version = version.clamp(0, ConsumerProtocolAssignment::VERSIONS.max);
    let assignment = ConsumerProtocolAssignment::decode(&mut buf, version).ok()?;
    Some(
        assignment
            .assigned_partitions
            .into_iter()
            .flat_map(|t| {
                let topic = t.topic.0.to_string();
                t.partitions.into_iter().map(move |p| (topic.clone(), p))
            })
            .collect(),
    )
}

fn refused(code: i16, message: Option<&StrBytes>) -> Result<(), Refused> {
    if code == 0 {
        Ok(())
    } else {
        Err(Refused {
            code,
            message: message.map(|m| m.to_string()),
        })
    }
}

fn text(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

fn opt(s: Option<&str>) -> Option<StrBytes> {
    s.map(text)
}

/// Kafka's resource types in config requests.
pub mod resource {
    pub const TOPIC: i8 = 2;
    pub const BROKER: i8 = 4;
    pub const BROKER_LOGGER: i8 = 8;
    pub const CLIENT_METRICS: i8 = 16;
}

/// One config entry as DescribeConfigs reports it.
#[derive(Debug, Clone)]
pub struct ConfigEntry {
    pub name: String,
    pub value: Option<String>,
    pub read_only: bool,
    /// Kafka's `ConfigSource` id (see [`config_source`]).
    pub source: i8,
    pub sensitive: bool,
    /// (name, value, source) of each synonym, in precedence order.
    pub synonyms: Vec<(String, Option<String>, i8)>,
}

/// `ConfigEntry.ConfigSource`'s name for a source id.
pub fn config_source(id: i8) -> &'static str {
    match id {
        1 => "DYNAMIC_TOPIC_CONFIG",
        2 => "DYNAMIC_BROKER_CONFIG",
        3 => "DYNAMIC_DEFAULT_BROKER_CONFIG",
        4 => "STATIC_BROKER_CONFIG",
        5 => "DEFAULT_CONFIG",
        6 => "DYNAMIC_BROKER_LOGGER_CONFIG",
        7 => "DYNAMIC_CLIENT_METRICS_CONFIG",
        8 => "DYNAMIC_GROUP_CONFIG",
        _ => "UNKNOWN",
    }
}

/// One client-quota entity: (entity type, name; `None` is the default).
pub type QuotaEntity = Vec<(String, Option<String>)>;

/// An entity and its quotas (key, value).
pub type Quotas = (QuotaEntity, Vec<(String, f64)>);

/// How a DescribeClientQuotas component matches names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotaMatch {
    Exact(String),
    Default,
    Any,
}

/// One ACL binding (or filter): Kafka's resource type, name and pattern
/// type, and the entry's principal, host, operation and permission, with
/// Kafka's enum ids (a filter's `None` is "any").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Acl {
    pub resource_type: i8,
    pub name: Option<String>,
    pub pattern_type: i8,
    pub principal: Option<String>,
    pub host: Option<String>,
    pub operation: i8,
    pub permission: i8,
}

/// One log directory of one broker, as DescribeLogDirs reports it.
#[derive(Debug, Clone)]
pub struct LogDir {
    pub path: String,
    /// Kafka's error code for the directory (0: none).
    pub error: i16,
    pub replicas: Vec<Replica>,
}

/// One partition's replica in a log directory.
#[derive(Debug, Clone)]
pub struct Replica {
    pub topic: String,
    pub partition: i32,
    pub size: i64,
    pub offset_lag: i64,
    pub is_future: bool,
}

impl Broker {
    /// DescribeConfigs for one resource.
    pub fn describe_configs(
        &mut self,
        resource_type: i8,
        name: &str,
        synonyms: bool,
    ) -> Result<Result<Vec<ConfigEntry>, Refused>, KtError> {
        let answers = self.describe_configs_of(resource_type, &[name.to_string()], synonyms)?;
        Ok(answers
            .into_iter()
            .next()
            .map_or(Ok(Vec::new()), |(_, answer)| answer))
    }

    /// DescribeConfigs for several resources of one type in one request:
    /// each one's entries or refusal, by name.
    #[allow(clippy::type_complexity)]
    pub fn describe_configs_of(
        &mut self,
        resource_type: i8,
        names: &[String],
        synonyms: bool,
    ) -> Result<Vec<(String, Result<Vec<ConfigEntry>, Refused>)>, KtError> {
        let request = DescribeConfigsRequest::default()
            .with_resources(
                names
                    .iter()
                    .map(|name| {
                        describe_configs_request::DescribeConfigsResource::default()
                            .with_resource_type(resource_type)
                            .with_resource_name(text(name))
                            .with_configuration_keys(None)
                    })
                    .collect(),
            )
            .with_include_synonyms(synonyms);
        let answer = self.send(&request)?;
        Ok(answer
            .results
            .into_iter()
            .map(|result| {
                let entries = result
                    .configs
                    .into_iter()
                    .map(|c| ConfigEntry {
                        name: c.name.to_string(),
                        value: c.value.map(|v| v.to_string()),
                        read_only: c.read_only,
                        source: c.config_source,
                        sensitive: c.is_sensitive,
                        synonyms: c
                            .synonyms
                            .into_iter()
                            .map(|s| (s.name.to_string(), s.value.map(|v| v.to_string()), s.source))
                            .collect(),
                    })
                    .collect();
                let answer =
                    refused(result.error_code, result.error_message.as_ref()).map(|()| entries);
                (result.resource_name.to_string(), answer)
            })
            .collect())
    }

    /// Every client-metrics resource's name (ListClientMetricsResources,
    /// which Kafka 4.1 renamed ListConfigResources).
    pub fn list_client_metrics_resources(
        &mut self,
    ) -> Result<Result<Vec<String>, Refused>, KtError> {
        // v0 (Kafka 3.x's ListClientMetricsResources) lists only those.
        let mut request = ListConfigResourcesRequest::default();
        if self.version_of::<ListConfigResourcesRequest>()? >= 1 {
            request = request.with_resource_types(vec![resource::CLIENT_METRICS]);
        }
        let answer = self.send(&request)?;
        let names = answer
            .config_resources
            .into_iter()
            .filter(|r| r.resource_type == resource::CLIENT_METRICS || r.resource_type == 0)
            .map(|r| r.resource_name.to_string())
            .collect();
        Ok(refused(answer.error_code, None).map(|()| names))
    }

    /// ListGroups without filters: every group this broker coordinates, of
    /// every type (`classic`, `consumer`, `share`, `streams`), as (group,
    /// type); `None` from a broker older than ListGroups v5 (Kafka 3.8),
    /// which has no group types. librdkafka lists consumer groups only.
    pub fn group_types(&mut self) -> Result<Option<Vec<(String, String)>>, KtError> {
        let Some(answer) = self.send_at(&ListGroupsRequest::default(), 5)? else {
            return Ok(None);
        };
        if answer.error_code != 0 {
            return Err(KtError::broker(format!(
                "broker {} refused ListGroups (error {})",
                self.peer(),
                answer.error_code
            )));
        }
        Ok(Some(
            answer
                .groups
                .into_iter()
                .map(|g| (g.group_id.0.to_string(), g.group_type.to_string()))
                .collect(),
        ))
    }

    /// IncrementalAlterConfigs for one resource: (name, op, value) with
    /// Kafka's ops (0 set, 1 delete, 2 append, 3 subtract).
    pub fn incremental_alter_configs(
        &mut self,
        resource_type: i8,
        name: &str,
        ops: &[(String, i8, Option<String>)],
    ) -> Result<Result<(), Refused>, KtError> {
        let configs = ops
            .iter()
            .map(|(key, op, value)| {
                iac::AlterableConfig::default()
                    .with_name(text(key))
                    .with_config_operation(*op)
                    .with_value(opt(value.as_deref()))
            })
            .collect();
        let request = IncrementalAlterConfigsRequest::default()
            .with_resources(vec![iac::AlterConfigsResource::default()
                .with_resource_type(resource_type)
                .with_resource_name(text(name))
                .with_configs(configs)])
            .with_validate_only(false);
        let answer = self.send(&request)?;
        let mut out = Ok(());
        for r in answer.responses {
            out = refused(r.error_code, r.error_message.as_ref());
        }
        Ok(out)
    }

    /// DescribeClientQuotas: each matching entity and its quotas.
    pub fn describe_client_quotas(
        &mut self,
        components: &[(String, QuotaMatch)],
        strict: bool,
    ) -> Result<Result<Vec<Quotas>, Refused>, KtError> {
        let components = components
            .iter()
            .map(|(entity_type, matching)| {
                let (kind, name) = match matching {
                    QuotaMatch::Exact(name) => (0, Some(text(name))),
                    QuotaMatch::Default => (1, None),
                    QuotaMatch::Any => (2, None),
                };
                dcq::ComponentData::default()
                    .with_entity_type(text(entity_type))
                    .with_match_type(kind)
                    .with_match(name)
            })
            .collect();
        let answer = self.send(
            &DescribeClientQuotasRequest::default()
                .with_components(components)
                .with_strict(strict),
        )?;
        let entries = answer
            .entries
            .unwrap_or_default()
            .into_iter()
            .map(|e| {
                (
                    e.entity
                        .into_iter()
                        .map(|d| {
                            (
                                d.entity_type.to_string(),
                                d.entity_name.map(|n| n.to_string()),
                            )
                        })
                        .collect(),
                    e.values
                        .into_iter()
                        .map(|v| (v.key.to_string(), v.value))
                        .collect(),
                )
            })
            .collect();
        Ok(refused(answer.error_code, answer.error_message.as_ref()).map(|()| entries))
    }

    /// AlterClientQuotas for one entity: (key, `Some(value)` to set, `None`
    /// to remove).
    pub fn alter_client_quotas(
        &mut self,
        entity: &QuotaEntity,
        ops: &[(String, Option<f64>)],
    ) -> Result<Result<(), Refused>, KtError> {
        let entry = acq::EntryData::default()
            .with_entity(
                entity
                    .iter()
                    .map(|(t, n)| {
                        acq::EntityData::default()
                            .with_entity_type(text(t))
                            .with_entity_name(opt(n.as_deref()))
                    })
                    .collect(),
            )
            .with_ops(
                ops.iter()
                    .map(|(key, value)| {
                        acq::OpData::default()
                            .with_key(text(key))
                            .with_value(value.unwrap_or(0.0))
                            .with_remove(value.is_none())
                    })
                    .collect(),
            );
        let answer = self.send(
            &AlterClientQuotasRequest::default()
                .with_entries(vec![entry])
                .with_validate_only(false),
        )?;
        let mut out = Ok(());
        for e in answer.entries {
            out = refused(e.error_code, e.error_message.as_ref());
        }
        Ok(out)
    }

    /// DescribeAcls: the bindings matching `filter`.
    pub fn describe_acls(&mut self, filter: &Acl) -> Result<Result<Vec<Acl>, Refused>, KtError> {
        let answer = self.send(
            &DescribeAclsRequest::default()
                .with_resource_type_filter(filter.resource_type)
                .with_resource_name_filter(opt(filter.name.as_deref()))
                .with_pattern_type_filter(filter.pattern_type)
                .with_principal_filter(opt(filter.principal.as_deref()))
                .with_host_filter(opt(filter.host.as_deref()))
                .with_operation(filter.operation)
                .with_permission_type(filter.permission),
        )?;
        let mut acls = Vec::new();
        for r in answer.resources {
            for a in r.acls {
                acls.push(Acl {
                    resource_type: r.resource_type,
                    name: Some(r.resource_name.to_string()),
                    pattern_type: r.pattern_type,
                    principal: Some(a.principal.to_string()),
                    host: Some(a.host.to_string()),
                    operation: a.operation,
                    permission: a.permission_type,
                });
            }
        }
        Ok(refused(answer.error_code, answer.error_message.as_ref()).map(|()| acls))
    }

    /// CreateAcls: each binding's refusal, if any, in order.
    pub fn create_acls(&mut self, acls: &[Acl]) -> Result<Vec<Result<(), Refused>>, KtError> {
        let creations = acls
            .iter()
            .map(|a| {
                create_acls_request::AclCreation::default()
                    .with_resource_type(a.resource_type)
                    .with_resource_name(text(a.name.as_deref().unwrap_or_default()))
                    .with_resource_pattern_type(a.pattern_type)
                    .with_principal(text(a.principal.as_deref().unwrap_or_default()))
                    .with_host(text(a.host.as_deref().unwrap_or_default()))
                    .with_operation(a.operation)
                    .with_permission_type(a.permission)
            })
            .collect();
        let answer = self.send(&CreateAclsRequest::default().with_creations(creations))?;
        Ok(answer
            .results
            .iter()
            .map(|r| refused(r.error_code, r.error_message.as_ref()))
            .collect())
    }

    /// DeleteAcls: for each filter, the bindings it deleted, or its refusal.
    pub fn delete_acls(
        &mut self,
        filters: &[Acl],
    ) -> Result<Vec<Result<Vec<Acl>, Refused>>, KtError> {
        let filters = filters
            .iter()
            .map(|f| {
                delete_acls_request::DeleteAclsFilter::default()
                    .with_resource_type_filter(f.resource_type)
                    .with_resource_name_filter(opt(f.name.as_deref()))
                    .with_pattern_type_filter(f.pattern_type)
                    .with_principal_filter(opt(f.principal.as_deref()))
                    .with_host_filter(opt(f.host.as_deref()))
                    .with_operation(f.operation)
                    .with_permission_type(f.permission)
            })
            .collect();
        let answer = self.send(&DeleteAclsRequest::default().with_filters(filters))?;
        Ok(answer
            .filter_results
            .into_iter()
            .map(|r| {
                let deleted = r
                    .matching_acls
                    .into_iter()
                    .map(|m| Acl {
                        resource_type: m.resource_type,
                        name: Some(m.resource_name.to_string()),
                        pattern_type: m.pattern_type,
                        principal: Some(m.principal.to_string()),
                        host: Some(m.host.to_string()),
                        operation: m.operation,
                        permission: m.permission_type,
                    })
                    .collect();
                refused(r.error_code, r.error_message.as_ref()).map(|()| deleted)
            })
            .collect())
    }

    /// DescribeLogDirs for every topic.
    pub fn describe_log_dirs(&mut self) -> Result<Vec<LogDir>, KtError> {
        // No topic list: every topic.
        let answer = self.send(&DescribeLogDirsRequest::default().with_topics(None))?;
        Ok(answer
            .results
            .into_iter()
            .map(|d| LogDir {
                path: d.log_dir.to_string(),
                error: d.error_code,
                replicas: d
                    .topics
                    .into_iter()
                    .flat_map(|t| {
                        let topic = t.name.0.to_string();
                        t.partitions.into_iter().map(move |p| Replica {
                            topic: topic.clone(),
                            partition: p.partition_index,
                            size: p.partition_size,
                            offset_lag: p.offset_lag,
                            is_future: p.is_future_key,
                        })
                    })
                    .collect(),
            })
            .collect())
    }

    /// AlterReplicaLogDirs at this broker: each (topic, partition) of its
    /// to the log directory named with it; each partition's answer.
    #[allow(clippy::type_complexity)]
    pub fn alter_replica_log_dirs(
        &mut self,
        moves: &[(String, String, i32)],
    ) -> Result<Vec<((String, i32), Result<(), Refused>)>, KtError> {
        use kafka_protocol::messages::{
            alter_replica_log_dirs_request as arl, AlterReplicaLogDirsRequest,
        };
        let mut dirs: Vec<arl::AlterReplicaLogDir> = Vec::new();
        for (dir, topic, partition) in moves {
            let at = match dirs.iter().position(|d| d.path.as_str() == dir) {
                Some(i) => i,
                None => {
                    dirs.push(arl::AlterReplicaLogDir::default().with_path(text(dir)));
                    dirs.len() - 1
                }
            };
            let topics = &mut dirs[at].topics;
            match topics.iter_mut().find(|t| t.name.0.as_str() == topic) {
                Some(t) => t.partitions.push(*partition),
                None => topics.push(
                    arl::AlterReplicaLogDirTopic::default()
                        .with_name(TopicName(text(topic)))
                        .with_partitions(vec![*partition]),
                ),
            }
        }
        let answer = self.send(&AlterReplicaLogDirsRequest::default().with_dirs(dirs))?;
        Ok(answer
            .results
            .into_iter()
            .flat_map(|t| {
                let topic = t.topic_name.0.to_string();
                t.partitions.into_iter().map(move |p| {
                    (
                        (topic.clone(), p.partition_index),
                        refused(p.error_code, None),
                    )
                })
            })
            .collect())
    }

    /// ListPartitionReassignments: the reassignments in progress, of
    /// `only` these partitions or of all.
    pub fn list_partition_reassignments(
        &mut self,
        only: Option<&[(String, i32)]>,
        timeout_ms: i32,
    ) -> Result<Result<Vec<Reassignment>, Refused>, KtError> {
        let topics = only.map(|parts| {
            let mut by_topic: Vec<(String, Vec<i32>)> = Vec::new();
            for (topic, partition) in parts {
                match by_topic.iter_mut().find(|(t, _)| t == topic) {
                    Some((_, ps)) => ps.push(*partition),
                    None => by_topic.push((topic.clone(), vec![*partition])),
                }
            }
            by_topic
                .into_iter()
                .map(|(topic, partitions)| {
                    lpr::ListPartitionReassignmentsTopics::default()
                        .with_name(TopicName(text(&topic)))
                        .with_partition_indexes(partitions)
                })
                .collect()
        });
        let answer = self.send(
            &ListPartitionReassignmentsRequest::default()
                .with_timeout_ms(timeout_ms)
                .with_topics(topics),
        )?;
        let ids = |v: Vec<BrokerId>| v.into_iter().map(|b| b.0).collect::<Vec<i32>>();
        Ok(
            refused(answer.error_code, answer.error_message.as_ref()).map(|()| {
                answer
                    .topics
                    .into_iter()
                    .flat_map(|t| {
                        let topic = t.name.0.to_string();
                        t.partitions.into_iter().map(move |p| Reassignment {
                            topic: topic.clone(),
                            partition: p.partition_index,
                            replicas: ids(p.replicas),
                            adding: ids(p.adding_replicas),
                            removing: ids(p.removing_replicas),
                        })
                    })
                    .collect()
            }),
        )
    }

    /// AlterPartitionReassignments: each partition to its new replicas, or
    /// (`None`) its reassignment cancelled; the answer per partition.
    pub fn alter_partition_reassignments(
        &mut self,
        changes: &[(String, i32, Option<Vec<i32>>)],
        timeout_ms: i32,
    ) -> Result<Vec<PartitionAnswer>, KtError> {
        let mut topics: Vec<apr::ReassignableTopic> = Vec::new();
        for (topic, partition, replicas) in changes {
            let p = apr::ReassignablePartition::default()
                .with_partition_index(*partition)
                .with_replicas(
                    replicas
                        .as_ref()
                        .map(|r| r.iter().copied().map(BrokerId).collect()),
                );
            match topics.iter_mut().find(|t| t.name.0.as_str() == topic) {
                Some(t) => t.partitions.push(p),
                None => topics.push(
                    apr::ReassignableTopic::default()
                        .with_name(TopicName(text(topic)))
                        .with_partitions(vec![p]),
                ),
            }
        }
        let answer = self.send(
            &AlterPartitionReassignmentsRequest::default()
                .with_timeout_ms(timeout_ms)
                .with_topics(topics),
        )?;
        if answer.error_code != 0 {
            let whole = Refused {
                code: answer.error_code,
                message: answer.error_message.map(|m| m.to_string()),
            };
            return Ok(changes
                .iter()
                .map(|(t, p, _)| (t.clone(), *p, Err(whole.clone())))
                .collect());
        }
        Ok(answer
            .responses
            .into_iter()
            .flat_map(|t| {
                let topic = t.name.0.to_string();
                t.partitions.into_iter().map(move |p| {
                    (
                        topic.clone(),
                        p.partition_index,
                        refused(p.error_code, p.error_message.as_ref()),
                    )
                })
            })
            .collect())
    }

    /// Metadata for `topics`: each topic's partitions and their replicas in
    /// assignment order, or the broker's error for the topic.
    pub fn topic_replicas(&mut self, topics: &[String]) -> Result<Vec<TopicReplicas>, KtError> {
        let (_, layouts) = self.topic_layouts(Some(topics))?;
        Ok(layouts
            .into_iter()
            .map(|t| {
                let partitions = t
                    .partitions
                    .map(|ps| ps.into_iter().map(|p| (p.partition, p.replicas)).collect());
                (t.name, partitions)
            })
            .collect())
    }

    /// DescribeCluster: the cluster's id, its (active) controller and its
    /// nodes (id, host, port). `controllers` asks as a client of the
    /// controllers does (`--bootstrap-controller`): the nodes are then the
    /// controllers.
    pub fn describe_cluster(&mut self, controllers: bool) -> Result<ClusterDescription, KtError> {
        let answer = self.send(
            &DescribeClusterRequest::default().with_endpoint_type(if controllers { 2 } else { 1 }),
        )?;
        refused(answer.error_code, answer.error_message.as_ref())
            .map_err(|r| KtError::broker(format!("DescribeCluster failed: error {}", r.code)))?;
        let nodes = answer
            .brokers
            .into_iter()
            .map(|b| {
                (
                    b.broker_id.0,
                    b.host.to_string(),
                    u16::try_from(b.port).unwrap_or(0),
                )
            })
            .collect();
        Ok(ClusterDescription {
            cluster_id: answer.cluster_id.to_string(),
            controller_id: answer.controller_id.0,
            nodes,
        })
    }

    /// UpdateFeatures: each (feature, level) changed as `change` allows, or
    /// only checked with `validate_only`; each feature's answer (a refusal
    /// of the whole request is every feature's).
    pub fn update_features(
        &mut self,
        updates: &[(String, i16)],
        change: FeatureChange,
        validate_only: bool,
        timeout_ms: i32,
    ) -> Result<Vec<Answer>, KtError> {
        // v0 says "allow downgrade"; v1 on says which kind.
        let version = self.version_of::<UpdateFeaturesRequest>()?;
        let typed = version >= 1;
        let keys = updates
            .iter()
            .map(|(name, level)| {
                let key = ufr::FeatureUpdateKey::default()
                    .with_feature(text(name))
                    .with_max_version_level(*level);
                if typed {
                    key.with_upgrade_type(change as i8)
                } else {
                    key.with_allow_downgrade(change != FeatureChange::Upgrade)
                }
            })
            .collect();
        let answer = self.exchange(
            &UpdateFeaturesRequest::default()
                .with_timeout_ms(timeout_ms)
                .with_validate_only(validate_only)
                .with_feature_updates(keys),
            version,
        )?;
        if let Err(r) = refused(answer.error_code, answer.error_message.as_ref()) {
            return Ok(updates
                .iter()
                .map(|(name, _)| (name.clone(), Err(r.clone())))
                .collect());
        }
        // From v2 (Kafka 4.0) the top-level error is the only answer.
        if version >= 2 {
            return Ok(updates
                .iter()
                .map(|(name, _)| (name.clone(), Ok(())))
                .collect());
        }
        Ok(updates
            .iter()
            .map(|(name, _)| {
                let result = answer
                    .results
                    .iter()
                    .find(|r| r.feature.as_str() == name)
                    .map_or_else(
                        || {
                            Err(Refused {
                                code: -1,
                                message: Some(format!(
                                    "The controller response did not contain a result for feature {name}"
                                )),
                            })
                        },
                        |r| refused(r.error_code, r.error_message.as_ref()),
                    );
                (name.clone(), result)
            })
            .collect())
    }

    /// UnregisterBroker of broker `id`; UNSUPPORTED_VERSION (35) when the
    /// cluster has no such request (ZooKeeper mode).
    pub fn unregister_broker(&mut self, id: i32) -> Result<Result<(), Refused>, KtError> {
        if !self.serves(UnregisterBrokerRequest::KEY) {
            return Ok(Err(Refused {
                code: 35,
                message: None,
            }));
        }
        let answer = self.send(&UnregisterBrokerRequest::default().with_broker_id(BrokerId(id)))?;
        Ok(refused(answer.error_code, answer.error_message.as_ref()))
    }

    /// Metadata of `topics` (every topic for `None`): the brokers, and each
    /// topic's partitions or refusal.
    pub fn topic_layouts(
        &mut self,
        topics: Option<&[String]>,
    ) -> Result<(Vec<BrokerAddress>, Vec<TopicLayout>), KtError> {
        let request = MetadataRequest::default()
            .with_topics(topics.map(|topics| {
                topics
                    .iter()
                    .map(|t| {
                        metadata_request::MetadataRequestTopic::default()
                            .with_name(Some(TopicName(text(t))))
                    })
                    .collect()
            }))
            .with_allow_auto_topic_creation(false);
        let answer = self.send(&request)?;
        let brokers = answer
            .brokers
            .iter()
            .map(|b| BrokerAddress {
                id: b.node_id.0,
                host: b.host.to_string(),
                port: u16::try_from(b.port).unwrap_or(0),
                rack: b.rack.as_ref().map(|r| r.to_string()),
            })
            .collect();
        let layouts = answer
            .topics
            .into_iter()
            .map(|t| {
                let partitions = refused(t.error_code, None).map(|()| {
                    let mut ps: Vec<PartitionLayout> = t
                        .partitions
                        .into_iter()
                        .map(|p| PartitionLayout {
                            partition: p.partition_index,
                            leader: p.leader_id.0,
                            replicas: p.replica_nodes.into_iter().map(|b| b.0).collect(),
                        })
                        .collect();
                    ps.sort_by_key(|p| p.partition);
                    ps
                });
                TopicLayout {
                    name: t.name.map(|n| n.0.to_string()).unwrap_or_default(),
                    id: t.topic_id,
                    internal: t.is_internal,
                    partitions,
                }
            })
            .collect();
        Ok((brokers, layouts))
    }

    /// ListOffsets at this broker (the leader of `partitions`): each
    /// partition's offset at `timestamp` (-1 its end, -2 its start, else the
    /// first offset at or after that time, -1 for none), or the refusal.
    #[allow(clippy::type_complexity)]
    pub fn list_offsets(
        &mut self,
        partitions: &[(String, i32)],
        timestamp: i64,
    ) -> Result<Vec<((String, i32), Result<i64, Refused>)>, KtError> {
        let mut topics: Vec<lor::ListOffsetsTopic> = Vec::new();
        for (topic, partition) in partitions {
            let p = lor::ListOffsetsPartition::default()
                .with_partition_index(*partition)
                .with_current_leader_epoch(-1)
                .with_timestamp(timestamp);
            match topics.last_mut() {
                Some(t) if t.name.0.as_str() == topic => t.partitions.push(p),
                _ => topics.push(
                    lor::ListOffsetsTopic::default()
                        .with_name(TopicName(text(topic)))
                        .with_partitions(vec![p]),
                ),
            }
        }
        let request = ListOffsetsRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_topics(topics);
        let answer = self.send(&request)?;
        Ok(answer
            .topics
            .into_iter()
            .flat_map(|t| {
                let name = t.name.0.to_string();
                t.partitions.into_iter().map(move |p| {
                    (
                        (name.clone(), p.partition_index),
                        refused(p.error_code, None).map(|()| p.offset),
                    )
                })
            })
            .collect())
    }

    /// Fetch as Kafka's debugging consumer (replica id -2), the way
    /// ReplicaVerificationTool asks every replica of a partition, followers
    /// too, for its records up to its high watermark: `partition_max_bytes`
    /// of each partition from its offset, waiting up to `max_wait_ms` for
    /// `min_bytes`, `max_bytes` in all. Topics go by id where the version
    /// names them so.
    pub fn fetch_as_debugger(
        &mut self,
        partitions: &[FetchAt],
        max_wait_ms: i32,
        min_bytes: i32,
        partition_max_bytes: i32,
        max_bytes: i32,
    ) -> Result<Result<Vec<Fetched>, Refused>, KtError> {
        const DEBUGGING_CONSUMER_ID: i32 = -2;
        let version = self.version_of::<FetchRequest>()?;
        let by_id = version >= 13;
        let mut topics: Vec<fr::FetchTopic> = Vec::new();
        for p in partitions {
            let partition = fr::FetchPartition::default()
                .with_partition(p.partition)
                .with_current_leader_epoch(-1)
                .with_fetch_offset(p.offset)
                .with_log_start_offset(0)
                .with_partition_max_bytes(partition_max_bytes);
            match topics.last_mut() {
                Some(t) if t.topic.0.as_str() == p.topic => t.partitions.push(partition),
                _ => topics.push(
                    fr::FetchTopic::default()
                        .with_topic(TopicName(text(if by_id { "" } else { &p.topic })))
                        .with_topic_id(if by_id { p.topic_id } else { uuid::Uuid::nil() })
                        .with_partitions(vec![partition]),
                ),
            }
        }
        // Version 15 moved the replica id into ReplicaState.
        let request = if version >= 15 {
            FetchRequest::default().with_replica_state(
                fr::ReplicaState::default().with_replica_id(BrokerId(DEBUGGING_CONSUMER_ID)),
            )
        } else {
            FetchRequest::default().with_replica_id(BrokerId(DEBUGGING_CONSUMER_ID))
        };
        let request = request
            .with_max_wait_ms(max_wait_ms)
            .with_min_bytes(min_bytes)
            .with_max_bytes(max_bytes)
            .with_isolation_level(0)
            .with_session_id(0)
            .with_session_epoch(-1)
            .with_topics(topics);
        let answer = self.exchange(&request, version)?;
        if let Err(r) = refused(answer.error_code, None) {
            return Ok(Err(r));
        }
        let mut fetched = Vec::new();
        for t in answer.responses {
            let topic = if by_id {
                partitions
                    .iter()
                    .find(|p| p.topic_id == t.topic_id)
                    .map(|p| p.topic.clone())
                    .unwrap_or_default()
            } else {
                t.topic.0.to_string()
            };
            for p in t.partitions {
                fetched.push(Fetched {
                    topic: topic.clone(),
                    partition: p.partition_index,
                    error: p.error_code,
                    high_watermark: p.high_watermark,
                    records: p.records.unwrap_or_default(),
                });
            }
        }
        Ok(Ok(fetched))
    }

    /// FindCoordinator of a transactional id (`key_type` 1) or a group (0):
    /// the coordinator's (id, host, port), or the refusal.
    pub fn find_coordinator(
        &mut self,
        key: &str,
        key_type: i8,
    ) -> Result<Result<Coordinator, Refused>, KtError> {
        let mut found = self.find_coordinators(&[key.to_string()], key_type)?;
        Ok(found.pop().map_or_else(
            || {
                Err(Refused {
                    code: 15,
                    message: Some(format!("no coordinator named for '{key}'")),
                })
            },
            |(_, answer)| answer,
        ))
    }

    /// FindCoordinator of many keys: in one request where the broker takes
    /// several (v4, Kafka 3.0), else one request a key. Each key with its
    /// coordinator or refusal, in the broker's order.
    #[allow(clippy::type_complexity)]
    pub fn find_coordinators(
        &mut self,
        keys: &[String],
        key_type: i8,
    ) -> Result<Vec<(String, Result<Coordinator, Refused>)>, KtError> {
        let request = FindCoordinatorRequest::default().with_key_type(key_type);
        let coordinators = if self.version_of::<FindCoordinatorRequest>()? >= 4 {
            let keys = keys.iter().map(|k| text(k)).collect();
            self.send(&request.with_coordinator_keys(keys))?
                .coordinators
        } else {
            // One key a request, answered at the top level.
            let mut coordinators = Vec::new();
            for key in keys {
                let a = self.send(&request.clone().with_key(text(key)))?;
                coordinators.push(
                    fcr::Coordinator::default()
                        .with_key(text(key))
                        .with_node_id(a.node_id)
                        .with_host(a.host)
                        .with_port(a.port)
                        .with_error_code(a.error_code)
                        .with_error_message(a.error_message),
                );
            }
            coordinators
        };
        Ok(coordinators
            .into_iter()
            .map(|c| {
                let port = u16::try_from(c.port).unwrap_or(0);
                let found = refused(c.error_code, c.error_message.as_ref())
                    .map(|()| (c.node_id.0, c.host.to_string(), port));
                (c.key.to_string(), found)
            })
            .collect())
    }

    /// DescribeGroups of `groups` at their coordinator (this broker), in
    /// one request: each group as the classic group protocol describes it.
    pub fn describe_groups(&mut self, groups: &[String]) -> Result<Vec<ClassicGroup>, KtError> {
        let request = DescribeGroupsRequest::default()
            .with_groups(groups.iter().map(|g| GroupId(text(g))).collect());
        let answer = self.send(&request)?;
        Ok(answer
            .groups
            .into_iter()
            .map(|g| ClassicGroup {
                group: g.group_id.0.to_string(),
                refused: refused(g.error_code, g.error_message.as_ref()).err(),
                state: g.group_state.to_string(),
                protocol_type: g.protocol_type.to_string(),
                protocol: g.protocol_data.to_string(),
                members: g
                    .members
                    .into_iter()
                    .map(|m| ClassicMember {
                        member_id: m.member_id.to_string(),
                        group_instance_id: m.group_instance_id.map(|i| i.to_string()),
                        client_id: m.client_id.to_string(),
                        client_host: m.client_host.to_string(),
                        assignment: consumer_assignment(&m.member_assignment),
                    })
                    .collect(),
            })
            .collect())
    }

    /// ListTransactions of this broker: every transaction it coordinates,
    /// or those of `producer_ids`, or (`duration_ms` >= 0) those running
    /// longer.
    pub fn list_transactions(
        &mut self,
        producer_ids: &[i64],
        duration_ms: i64,
    ) -> Result<Result<Vec<TransactionListing>, Refused>, KtError> {
        let mut request = ListTransactionsRequest::default()
            .with_producer_id_filters(producer_ids.iter().map(|p| ProducerId(*p)).collect());
        if self.version_of::<ListTransactionsRequest>()? >= 1 {
            request = request.with_duration_filter(duration_ms);
        }
        let answer = self.send(&request)?;
        Ok(refused(answer.error_code, None).map(|()| {
            answer
                .transaction_states
                .into_iter()
                .map(|t| TransactionListing {
                    transactional_id: t.transactional_id.0.to_string(),
                    producer_id: t.producer_id.0,
                    state: t.transaction_state.to_string(),
                })
                .collect()
        }))
    }

    /// DescribeTransactions of `ids` at their coordinator (this broker).
    pub fn describe_transactions(
        &mut self,
        ids: &[String],
    ) -> Result<Vec<Described<String, TransactionState>>, KtError> {
        let request = DescribeTransactionsRequest::default()
            .with_transactional_ids(ids.iter().map(|i| TransactionalId(text(i))).collect());
        let answer = self.send(&request)?;
        Ok(answer
            .transaction_states
            .into_iter()
            .map(|t| {
                let state = refused(t.error_code, None).map(|()| TransactionState {
                    state: t.transaction_state.to_string(),
                    timeout_ms: t.transaction_timeout_ms,
                    start_time_ms: t.transaction_start_time_ms,
                    producer_id: t.producer_id.0,
                    producer_epoch: t.producer_epoch,
                    partitions: t
                        .topics
                        .iter()
                        .flat_map(|topic| {
                            topic
                                .partitions
                                .iter()
                                .map(|p| (topic.topic.0.to_string(), *p))
                        })
                        .collect(),
                });
                (t.transactional_id.0.to_string(), state)
            })
            .collect())
    }

    /// DescribeProducers of `partitions` on this broker: each partition's
    /// active producers, or the refusal.
    pub fn describe_producers(
        &mut self,
        partitions: &[(String, i32)],
    ) -> Result<Vec<PartitionProducers>, KtError> {
        let mut topics: Vec<dpr::TopicRequest> = Vec::new();
        for (topic, partition) in partitions {
            match topics.iter_mut().find(|t| t.name.0.as_str() == topic) {
                Some(t) => t.partition_indexes.push(*partition),
                None => topics.push(
                    dpr::TopicRequest::default()
                        .with_name(TopicName(text(topic)))
                        .with_partition_indexes(vec![*partition]),
                ),
            }
        }
        let answer = self.send(&DescribeProducersRequest::default().with_topics(topics))?;
        let mut found = Vec::new();
        for topic in answer.topics {
            for p in topic.partitions {
                let producers = refused(p.error_code, p.error_message.as_ref()).map(|()| {
                    p.active_producers
                        .into_iter()
                        .map(|s| ProducerState {
                            producer_id: s.producer_id.0,
                            producer_epoch: s.producer_epoch,
                            last_sequence: s.last_sequence,
                            last_timestamp: s.last_timestamp,
                            coordinator_epoch: s.coordinator_epoch,
                            current_txn_start_offset: s.current_txn_start_offset,
                        })
                        .collect()
                });
                found.push(((topic.name.0.to_string(), p.partition_index), producers));
            }
        }
        Ok(found)
    }

    /// WriteTxnMarkers: an abort marker for producer `producer_id` (epoch
    /// `epoch`, coordinator epoch `coordinator_epoch`) on one partition
    /// this broker leads.
    pub fn abort_transaction(
        &mut self,
        topic: &str,
        partition: i32,
        producer_id: i64,
        epoch: i16,
        coordinator_epoch: i32,
    ) -> Result<Result<(), Refused>, KtError> {
        let marker = wtm::WritableTxnMarker::default()
            .with_producer_id(ProducerId(producer_id))
            .with_producer_epoch(epoch)
            .with_transaction_result(false)
            .with_coordinator_epoch(coordinator_epoch)
            .with_topics(vec![wtm::WritableTxnMarkerTopic::default()
                .with_name(TopicName(text(topic)))
                .with_partition_indexes(vec![partition])]);
        let answer = self.send(&WriteTxnMarkersRequest::default().with_markers(vec![marker]))?;
        let code = answer
            .markers
            .iter()
            .flat_map(|m| &m.topics)
            .flat_map(|t| &t.partitions)
            .map(|p| p.error_code)
            .find(|c| *c != 0)
            .unwrap_or(0);
        Ok(refused(code, None))
    }

    /// LeaveGroup (v3 on) at the group's coordinator: removes `members`
    /// (member id, group instance id) from `group`, as Kafka's admin client
    /// does; the group's refusal, else the first member's.
    pub fn remove_group_members(
        &mut self,
        group: &str,
        members: &[(String, Option<String>)],
    ) -> Result<Result<(), Refused>, KtError> {
        let identities = members
            .iter()
            .map(|(id, instance)| {
                lgr::MemberIdentity::default()
                    .with_member_id(text(id))
                    .with_group_instance_id(opt(instance.as_deref()))
                    .with_reason(Some(StrBytes::from_static_str(
                        "member was removed by an admin",
                    )))
            })
            .collect();
        let answer = self.send(
            &LeaveGroupRequest::default()
                .with_group_id(GroupId(text(group)))
                .with_members(identities),
        )?;
        let code = match answer.error_code {
            0 => answer
                .members
                .iter()
                .map(|m| m.error_code)
                .find(|c| *c != 0)
                .unwrap_or(0),
            code => code,
        };
        Ok(refused(code, None))
    }

    /// OffsetFetch of every partition each of `groups` committed an offset
    /// for, at their coordinator (this broker): all of them in one request
    /// where the broker takes several groups at once (v8, Kafka 3.3), else
    /// one request a group. Each group's committed offsets (partitions
    /// without one, or with an error, left out), or its refusal.
    #[allow(clippy::type_complexity)]
    pub fn committed_offsets(
        &mut self,
        groups: &[String],
    ) -> Result<Vec<(String, Result<Vec<((String, i32), i64)>, Refused>)>, KtError> {
        fn offsets<'a>(
            topics: impl Iterator<Item = (&'a TopicName, Vec<(i32, i64, i16)>)>,
        ) -> Vec<((String, i32), i64)> {
            topics
                .flat_map(|(name, partitions)| {
                    partitions
                        .into_iter()
                        .filter(|(_, offset, code)| *code == 0 && *offset >= 0)
                        .map(move |(p, offset, _)| ((name.0.to_string(), p), offset))
                })
                .collect()
        }
        if self.version_of::<OffsetFetchRequest>()? >= 8 {
            let request = OffsetFetchRequest::default().with_groups(
                groups
                    .iter()
                    .map(|g| {
                        ofr::OffsetFetchRequestGroup::default()
                            .with_group_id(GroupId(text(g)))
                            .with_topics(None)
                    })
                    .collect(),
            );
            let answer = self.send(&request)?;
            return Ok(answer
                .groups
                .into_iter()
                .map(|g| {
                    let topics = g.topics.iter().map(|t| {
                        let partitions = t.partitions.iter();
                        let partitions = partitions
                            .map(|p| (p.partition_index, p.committed_offset, p.error_code));
                        (&t.name, partitions.collect())
                    });
                    let committed = refused(g.error_code, None).map(|()| offsets(topics));
                    (g.group_id.0.to_string(), committed)
                })
                .collect());
        }
        let mut answers = Vec::new();
        for group in groups {
            // Null topics (v2 and later): every partition with an offset.
            let request = OffsetFetchRequest::default()
                .with_group_id(GroupId(text(group)))
                .with_topics(None);
            let answer = self.send(&request)?;
            let topics = answer.topics.iter().map(|t| {
                let partitions = t.partitions.iter();
                let partitions =
                    partitions.map(|p| (p.partition_index, p.committed_offset, p.error_code));
                (&t.name, partitions.collect())
            });
            answers.push((
                group.clone(),
                refused(answer.error_code, None).map(|()| offsets(topics)),
            ));
        }
        Ok(answers)
    }

    /// CreateDelegationToken: a token for `owner` (the requester when
    /// `None`) that `renewers` may renew, living at most `max_lifetime_ms`
    /// (-1: the broker's `delegation.token.max.lifetime.ms`).
    pub fn create_delegation_token(
        &mut self,
        owner: Option<&Principal>,
        renewers: &[Principal],
        max_lifetime_ms: i64,
    ) -> Result<Result<DelegationToken, Refused>, KtError> {
        let renewer_list = renewers
            .iter()
            .map(|p| {
                cdt::CreatableRenewers::default()
                    .with_principal_type(text(&p.kind))
                    .with_principal_name(text(&p.name))
            })
            .collect();
        let answer = self.send(
            &CreateDelegationTokenRequest::default()
                .with_owner_principal_type(owner.map(|p| text(&p.kind)))
                .with_owner_principal_name(owner.map(|p| text(&p.name)))
                .with_renewers(renewer_list)
                .with_max_lifetime_ms(max_lifetime_ms),
        )?;
        Ok(refused(answer.error_code, None).map(|()| DelegationToken {
            token_id: answer.token_id.to_string(),
            hmac: answer.hmac.to_vec(),
            owner: Principal::new(&answer.principal_type, &answer.principal_name),
            requester: Principal::new(
                &answer.token_requester_principal_type,
                &answer.token_requester_principal_name,
            ),
            // Java's admin client reports the renewers it asked for.
            renewers: renewers.to_vec(),
            issued_ms: answer.issue_timestamp_ms,
            expiry_ms: answer.expiry_timestamp_ms,
            max_ms: answer.max_timestamp_ms,
        }))
    }

    /// RenewDelegationToken of the token whose HMAC is `hmac`, by
    /// `period_ms` (-1: the broker's `delegation.token.expiry.time.ms`);
    /// its new expiry time.
    pub fn renew_delegation_token(
        &mut self,
        hmac: &[u8],
        period_ms: i64,
    ) -> Result<Result<i64, Refused>, KtError> {
        let answer = self.send(
            &RenewDelegationTokenRequest::default()
                .with_hmac(hmac.to_vec().into())
                .with_renew_period_ms(period_ms),
        )?;
        Ok(refused(answer.error_code, None).map(|()| answer.expiry_timestamp_ms))
    }

    /// ExpireDelegationToken of the token whose HMAC is `hmac`, in
    /// `period_ms` (-1: at once); its new expiry time.
    pub fn expire_delegation_token(
        &mut self,
        hmac: &[u8],
        period_ms: i64,
    ) -> Result<Result<i64, Refused>, KtError> {
        let answer = self.send(
            &ExpireDelegationTokenRequest::default()
                .with_hmac(hmac.to_vec().into())
                .with_expiry_time_period_ms(period_ms),
        )?;
        Ok(refused(answer.error_code, None).map(|()| answer.expiry_timestamp_ms))
    }

    /// DescribeDelegationToken: the tokens `owners` own or may renew that
    /// the requester may see (an empty list matches none; `None`, every
    /// token the requester may see).
    pub fn describe_delegation_tokens(
        &mut self,
        owners: Option<&[Principal]>,
    ) -> Result<Result<Vec<DelegationToken>, Refused>, KtError> {
        let owners = owners.map(|owners| {
            owners
                .iter()
                .map(|p| {
                    ddt::DescribeDelegationTokenOwner::default()
                        .with_principal_type(text(&p.kind))
                        .with_principal_name(text(&p.name))
                })
                .collect()
        });
        let answer = self.send(&DescribeDelegationTokenRequest::default().with_owners(owners))?;
        Ok(refused(answer.error_code, None).map(|()| {
            answer
                .tokens
                .into_iter()
                .map(|t| DelegationToken {
                    token_id: t.token_id.to_string(),
                    hmac: t.hmac.to_vec(),
                    owner: Principal::new(&t.principal_type, &t.principal_name),
                    requester: Principal::new(
                        &t.token_requester_principal_type,
                        &t.token_requester_principal_name,
                    ),
                    renewers: t
                        .renewers
                        .iter()
                        .map(|r| Principal::new(&r.principal_type, &r.principal_name))
                        .collect(),
                    issued_ms: t.issue_timestamp,
                    expiry_ms: t.expiry_timestamp,
                    max_ms: t.max_timestamp,
                })
                .collect()
        }))
    }

    /// DescribeQuorum of the cluster metadata log: its leader, voters and
    /// observers, and the voters' endpoints.
    /// AddRaftVoter: controller `id`, whose metadata log directory is
    /// `directory`, joins the quorum as a voter with its `listeners`
    /// (name, host, port).
    pub fn add_raft_voter(
        &mut self,
        id: i32,
        directory: [u8; 16],
        listeners: &[(String, String, u16)],
        timeout_ms: i32,
    ) -> Result<Result<(), Refused>, KtError> {
        use kafka_protocol::messages::{add_raft_voter_request as arv, AddRaftVoterRequest};
        let request = AddRaftVoterRequest::default()
            .with_cluster_id(None)
            .with_timeout_ms(timeout_ms)
            .with_voter_id(id)
            .with_voter_directory_id(uuid::Uuid::from_bytes(directory))
            .with_listeners(
                listeners
                    .iter()
                    .map(|(name, host, port)| {
                        arv::Listener::default()
                            .with_name(text(name))
                            .with_host(text(host))
                            .with_port(*port)
                    })
                    .collect(),
            );
        let answer = self.send(&request)?;
        Ok(refused(answer.error_code, answer.error_message.as_ref()))
    }

    /// RemoveRaftVoter: voter `id` with metadata log directory `directory`
    /// leaves the quorum.
    pub fn remove_raft_voter(
        &mut self,
        id: i32,
        directory: [u8; 16],
    ) -> Result<Result<(), Refused>, KtError> {
        use kafka_protocol::messages::RemoveRaftVoterRequest;
        let request = RemoveRaftVoterRequest::default()
            .with_cluster_id(None)
            .with_voter_id(id)
            .with_voter_directory_id(uuid::Uuid::from_bytes(directory));
        let answer = self.send(&request)?;
        Ok(refused(answer.error_code, answer.error_message.as_ref()))
    }

    pub fn describe_quorum(&mut self) -> Result<Result<Quorum, Refused>, KtError> {
        let request = DescribeQuorumRequest::default().with_topics(vec![dqr::TopicData::default()
            .with_topic_name(TopicName(StrBytes::from_static_str("__cluster_metadata")))
            .with_partitions(vec![dqr::PartitionData::default().with_partition_index(0)])]);
        let answer = self.send(&request)?;
        if answer.error_code != 0 {
            return Ok(Err(Refused {
                code: answer.error_code,
                message: answer.error_message.map(|m| m.to_string()),
            }));
        }
        let Some(p) = answer.topics.into_iter().flat_map(|t| t.partitions).next() else {
            return Err(KtError::broker(
                "DescribeQuorum answered without the metadata partition",
            ));
        };
        if p.error_code != 0 {
            return Ok(Err(Refused {
                code: p.error_code,
                message: p.error_message.map(|m| m.to_string()),
            }));
        }
        let replica =
            |r: kafka_protocol::messages::describe_quorum_response::ReplicaState| QuorumReplica {
                id: r.replica_id.0,
                directory_id: java_uuid(r.replica_directory_id.as_bytes()),
                zero_directory: r.replica_directory_id.is_nil(),
                log_end_offset: r.log_end_offset,
                last_fetch_timestamp: r.last_fetch_timestamp,
                last_caught_up_timestamp: r.last_caught_up_timestamp,
            };
        Ok(Ok(Quorum {
            leader_id: p.leader_id.0,
            leader_epoch: p.leader_epoch,
            high_watermark: p.high_watermark,
            voters: p.current_voters.into_iter().map(replica).collect(),
            observers: p.observers.into_iter().map(replica).collect(),
            endpoints: answer
                .nodes
                .into_iter()
                .map(|n| {
                    (
                        n.node_id.0,
                        n.listeners
                            .into_iter()
                            .map(|l| format!("{}://{}:{}", l.name, l.host, l.port))
                            .collect(),
                    )
                })
                .collect(),
        }))
    }
}

/// A partition's answer: (topic, partition, the broker's verdict).
pub type PartitionAnswer = (String, i32, Result<(), Refused>);

/// A topic's partitions with their replicas in assignment order, or the
/// broker's refusal of the topic.
pub type TopicReplicas = (String, Result<Vec<(i32, Vec<i32>)>, Refused>);

/// The features one broker or controller reported in its ApiVersions
/// answer: what it supports, what the cluster finalized, and the epoch of
/// that finalization (`None` when it has none).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Features {
    /// (name, min version, max version).
    pub supported: Vec<(String, i16, i16)>,
    /// (name, max version level).
    pub finalized: Vec<(String, i16)>,
    pub epoch: Option<i64>,
}

/// One item's description, or the broker's refusal of it.
pub type Described<K, T> = (K, Result<T, Refused>);

/// A partition's active producers, or the refusal.
pub type PartitionProducers = Described<(String, i32), Vec<ProducerState>>;

/// One named item's answer: done, or the broker's refusal.
pub type Answer = (String, Result<(), Refused>);

/// How a feature update may change a level (UpdateFeatures' upgrade type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeatureChange {
    Upgrade = 1,
    SafeDowngrade = 2,
    UnsafeDowngrade = 3,
}

/// A topic as Metadata tells it: its partitions, or the broker's refusal.
#[derive(Debug, Clone)]
pub struct TopicLayout {
    pub name: String,
    /// The topic's id (nil before Metadata v10).
    pub id: uuid::Uuid,
    pub internal: bool,
    /// In partition order.
    pub partitions: Result<Vec<PartitionLayout>, Refused>,
}

/// One partition to fetch, and from where.
#[derive(Debug, Clone)]
pub struct FetchAt {
    pub topic: String,
    pub topic_id: uuid::Uuid,
    pub partition: i32,
    pub offset: i64,
}

/// One partition's answer to a fetch: Kafka's error code, the high
/// watermark, and the record batches as stored (the last may be cut short).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub topic: String,
    pub partition: i32,
    pub error: i16,
    pub high_watermark: i64,
    pub records: bytes::Bytes,
}

/// One partition's leader (-1 when it has none) and replicas.
#[derive(Debug, Clone)]
pub struct PartitionLayout {
    pub partition: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
}

/// A broker as Metadata names it.
#[derive(Debug, Clone)]
pub struct BrokerAddress {
    pub id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
}

/// One transaction a broker coordinates (ListTransactions).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TransactionListing {
    pub transactional_id: String,
    pub producer_id: i64,
    pub state: String,
}

/// A transactional id's state at its coordinator (DescribeTransactions).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TransactionState {
    pub state: String,
    pub timeout_ms: i32,
    /// -1 when no transaction is open.
    pub start_time_ms: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    /// (topic, partition), in the coordinator's order.
    pub partitions: Vec<(String, i32)>,
}

/// A producer a partition's replica knows (DescribeProducers).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProducerState {
    pub producer_id: i64,
    pub producer_epoch: i32,
    pub last_sequence: i32,
    pub last_timestamp: i64,
    /// -1 when unknown.
    pub coordinator_epoch: i32,
    /// -1 when it has no open transaction.
    pub current_txn_start_offset: i64,
}

/// A partition reassignment in progress: the replicas (old and new), and
/// which of them are being added and removed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Reassignment {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
    pub adding: Vec<i32>,
    pub removing: Vec<i32>,
}

/// What DescribeCluster says, on the protocol path.
#[derive(Debug, Clone)]
pub struct ClusterDescription {
    pub cluster_id: String,
    /// The active controller (or a broker's pick of a controller).
    pub controller_id: i32,
    /// (id, host, port) of each broker, or each controller.
    pub nodes: Vec<(i32, String, u16)>,
}

/// The KRaft metadata quorum, as DescribeQuorum tells it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Quorum {
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub high_watermark: i64,
    pub voters: Vec<QuorumReplica>,
    pub observers: Vec<QuorumReplica>,
    /// Each voter's endpoints (`CONTROLLER://host:port`), by node id.
    pub endpoints: Vec<(i32, Vec<String>)>,
}

/// One replica of the metadata log; -1 where a time is unknown.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuorumReplica {
    pub id: i32,
    /// Java's `Uuid.toString()`: URL-safe base64 of the 16 bytes.
    pub directory_id: String,
    #[serde(skip)]
    pub zero_directory: bool,
    pub log_end_offset: i64,
    pub last_fetch_timestamp: i64,
    pub last_caught_up_timestamp: i64,
}

/// A Kafka principal: its type (`User`) and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub kind: String,
    pub name: String,
}

impl Principal {
    fn new(kind: &str, name: &str) -> Principal {
        Principal {
            kind: kind.to_string(),
            name: name.to_string(),
        }
    }
}

/// `KafkaPrincipal.toString()`: `User:alice`.
impl std::fmt::Display for Principal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.kind, self.name)
    }
}

/// A delegation token (DescribeDelegationToken, CreateDelegationToken);
/// times in milliseconds since the epoch.
#[derive(Debug, Clone)]
pub struct DelegationToken {
    pub token_id: String,
    /// The token's password: a secret.
    pub hmac: Vec<u8>,
    pub owner: Principal,
    pub requester: Principal,
    pub renewers: Vec<Principal>,
    pub issued_ms: i64,
    pub expiry_ms: i64,
    pub max_ms: i64,
}

/// A UUID as Kafka's `Uuid.toString()` writes it.
pub fn java_uuid(bytes: &[u8; 16]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
