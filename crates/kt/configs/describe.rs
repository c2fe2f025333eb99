//! `--describe`: a resource's configs (topics, brokers, broker loggers,
//! client metrics) as Kafka lists them, or quotas and SCRAM credentials.

use std::collections::HashMap;
use std::io::Write;

use kt_core::protocol::{config_source, resource, ConfigEntry, Refused};
use kt_core::OutputFormat;
use serde::Serialize;

use super::args::{illegal, BROKERS, BROKER_LOGGERS, CLIENTS, CLIENT_METRICS, IPS, TOPICS, USERS};
use super::{quotas, refusal, validate_topic, Brokers, Plan};
use crate::java_order::{hash_map_order, string_hash};

/// The source of a resource's own (dynamic) configs: all that `--describe`
/// shows without `--all` (a broker logger's are all shown).
pub(super) fn dynamic_source(entity_type: &str, name: &str) -> Option<i8> {
    match entity_type {
        TOPICS => Some(1),
        BROKERS if name.is_empty() => Some(3),
        BROKERS => Some(2),
        CLIENT_METRICS => Some(7),
        _ => None,
    }
}

#[derive(Debug, Serialize)]
struct Entry {
    name: String,
    value: Option<String>,
    source: &'static str,
    sensitive: bool,
    read_only: bool,
    synonyms: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Described {
    entity_type: String,
    entity: String,
    configs: Vec<Entry>,
}

/// `describeConfig`.
pub(super) fn run(
    plan: &Plan,
    brokers: &mut Brokers<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let head = plan.types[0].as_str();
    match head {
        TOPICS | BROKERS | BROKER_LOGGERS | CLIENT_METRICS => resources(plan, brokers, out),
        USERS | CLIENTS | IPS => quotas::describe(plan, brokers, out),
        other => Err(illegal(format!("Invalid entity type: {other}")).into()),
    }
}

/// `describeResourceConfig`: the named entity, or every one of its type.
fn resources(plan: &Plan, brokers: &mut Brokers<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let head = plan.types[0].as_str();
    let entities: Vec<String> = match plan.names.first() {
        Some(name) => vec![name.clone()],
        None => match head {
            TOPICS => {
                let admin = &brokers.admin;
                let md = brokers.cluster.metadata(admin.inner(), None, &|| {
                    kt_core::context::drain_events(admin.inner())
                })?;
                let names: Vec<String> = md.topics().iter().map(|t| t.name().to_string()).collect();
                // listTopics' names are a Java HashSet.
                hash_map_order(names, |n| string_hash(n))
            }
            BROKERS => {
                let mut ids: Vec<String> = brokers
                    .pool
                    .nodes
                    .iter()
                    .map(|n| n.id.to_string())
                    .collect();
                ids.push(String::new());
                ids
            }
            _ => brokers
                .to(None)?
                .list_client_metrics_resources()?
                .map_err(|r| refusal("listing client-metrics resources", &r))?,
        },
    };
    let text = plan.format == OutputFormat::Text;
    let mut fetched = if head == TOPICS && plan.names.is_empty() {
        every_topics_configs(&entities, plan.all, brokers)?
    } else {
        HashMap::new()
    };
    let mut all = Vec::new();
    for entity in entities {
        let mut fetched = fetched.remove(&entity);
        // Kafka prints the heading before it asks; kt once it has the answer.
        let entries = if plan.kafka_name {
            None
        } else {
            Some(resource_config(
                head,
                &entity,
                plan.all,
                brokers,
                fetched.take(),
            )?)
        };
        if text {
            if entity.is_empty() {
                writeln!(out, "Default configs for {head} in the cluster are:")?;
            } else {
                let kind = if plan.all { "All" } else { "Dynamic" };
                writeln!(
                    out,
                    "{kind} configs for {} {entity} are:",
                    head.trim_end_matches('s')
                )?;
            }
        }
        let entries = match entries {
            Some(e) => e,
            None => resource_config(head, &entity, plan.all, brokers, fetched)?,
        };
        if text {
            for e in &entries {
                let synonyms: Vec<String> = e
                    .synonyms
                    .iter()
                    .map(|(n, v, s)| {
                        format!(
                            "{}:{n}={}",
                            config_source(*s),
                            v.as_deref().unwrap_or("null")
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "  {}={} sensitive={} synonyms={{{}}}",
                    e.name,
                    e.value.as_deref().unwrap_or("null"),
                    e.sensitive,
                    synonyms.join(", ")
                )?;
            }
        } else {
            all.push(Described {
                entity_type: head.to_string(),
                entity: entity.clone(),
                configs: entries
                    .into_iter()
                    .map(|e| Entry {
                        synonyms: e
                            .synonyms
                            .iter()
                            .map(|(n, v, s)| {
                                format!(
                                    "{}:{n}={}",
                                    config_source(*s),
                                    v.as_deref().unwrap_or("null")
                                )
                            })
                            .collect(),
                        name: e.name,
                        value: e.value,
                        source: config_source(e.source),
                        sensitive: e.sensitive,
                        read_only: e.read_only,
                    })
                    .collect(),
            });
        }
    }
    match plan.format {
        OutputFormat::Text => {}
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "resources": all }))?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            for d in &all {
                let title = if d.entity.is_empty() {
                    format!("default {}", d.entity_type.trim_end_matches('s'))
                } else {
                    format!("{} {}", d.entity_type.trim_end_matches('s'), d.entity)
                };
                writeln!(out, "{title}")?;
                let mut table =
                    crate::table::new(["NAME", "VALUE", "SOURCE", "SENSITIVE", "READ-ONLY"]);
                for e in &d.configs {
                    table.add_row([
                        e.name.clone(),
                        e.value.clone().unwrap_or_else(|| {
                            if e.sensitive { "(hidden)" } else { "null" }.to_string()
                        }),
                        e.source.to_string(),
                        e.sensitive.to_string(),
                        e.read_only.to_string(),
                    ]);
                }
                writeln!(out, "{table}")?;
            }
        }
    }
    Ok(())
}

/// Every topic of the cluster's configs, with synonyms: a hundred topics
/// to a request, the requests spread over the brokers and asked in
/// parallel up front (Kafka's tool asks one topic at a time), each answer
/// used in its turn.
fn every_topics_configs(
    topics: &[String],
    all: bool,
    brokers: &mut Brokers<'_>,
) -> anyhow::Result<HashMap<String, Result<Vec<ConfigEntry>, Refused>>> {
    // Without --all only a topic's own settings are printed: the rest of
    // each answer (every default, with its synonyms) is dropped as it comes.
    let own = dynamic_source(TOPICS, "topic").filter(|_| !all);
    let fetched = brokers.pool.describe_configs_spread(
        resource::TOPIC,
        topics,
        100,
        true,
        |name, mut answer| {
            if let (Some(source), Ok(entries)) = (own, answer.as_mut()) {
                entries.retain(|e| e.source == source);
                entries.shrink_to_fit();
            }
            (name, answer)
        },
    )?;
    Ok(fetched.into_iter().collect())
}

/// `getResourceConfig` with synonyms: the entity's configs from the broker
/// that holds them (or as `fetched` with others), only its own unless
/// `all`, sorted by name.
fn resource_config(
    head: &str,
    name: &str,
    all: bool,
    brokers: &mut Brokers<'_>,
    fetched: Option<Result<Vec<ConfigEntry>, Refused>>,
) -> anyhow::Result<Vec<ConfigEntry>> {
    let invalid_id = || {
        illegal(format!(
            "The entity name for {head} must be a valid integer broker id, found: {name}"
        ))
    };
    let (rtype, target) = match head {
        TOPICS => {
            if !name.is_empty() {
                validate_topic(name)?;
            }
            (resource::TOPIC, None)
        }
        BROKERS if name.is_empty() => (resource::BROKER, None),
        BROKERS => (
            resource::BROKER,
            Some(name.parse::<i32>().map_err(|_| invalid_id())?),
        ),
        BROKER_LOGGERS => (
            resource::BROKER_LOGGER,
            Some(name.parse::<i32>().map_err(|_| invalid_id())?),
        ),
        _ => (resource::CLIENT_METRICS, None),
    };
    let what = if name.is_empty() {
        format!("the default {}", head.trim_end_matches('s'))
    } else {
        format!("{} {name}", head.trim_end_matches('s'))
    };
    let filter = if all {
        None
    } else {
        dynamic_source(head, name)
    };
    let answer = match fetched {
        Some(answer) => answer,
        None => brokers.to(target)?.describe_configs(rtype, name, true)?,
    };
    let mut entries = answer.map_err(|r| refusal(&what, &r))?;
    entries.retain(|e| filter.is_none_or(|s| e.source == s));
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}
