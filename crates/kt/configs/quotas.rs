//! Client quotas (users, clients, IPs) and users' SCRAM credentials.

use std::io::Write;

use kt_core::ffi::scram::{self, Alteration, Mechanism};
use kt_core::protocol::{QuotaEntity, QuotaMatch};
use kt_core::{KtError, OutputFormat};
use serde::Serialize;

use super::args::{illegal, CLIENTS, IPS, USERS};
use super::{refusal, Brokers, Plan};
use crate::java_order::{hash_map_order, hash_map_order_sized, string_hash};

const QUOTAS: [&str; 4] = [
    "consumer_byte_rate",
    "controller_mutation_rate",
    "producer_byte_rate",
    "request_percentage",
];
const IP_QUOTAS: [&str; 1] = ["connection_creation_rate"];
const DEFAULT_ITERATIONS: i32 = 4096;
const MIN_ITERATIONS: i32 = 4096;

fn is_quota(k: &str) -> bool {
    QUOTAS.contains(&k)
}

fn is_scram(k: &str) -> bool {
    Mechanism::from_name(k).is_some()
}

/// `ClientQuotaEntity`'s entity type for a config entity type.
fn quota_type(t: &str) -> &'static str {
    match t {
        USERS => "user",
        CLIENTS => "client-id",
        _ => "ip",
    }
}

/// `ClientQuotaEntity.hashCode()`: `Objects.hash(entries)`, 31 plus the
/// map's hash (a sum of key ^ value hashes).
fn entity_hash(entity: &QuotaEntity) -> i32 {
    entity.iter().fold(31i32, |sum, (k, v)| {
        sum.wrapping_add(string_hash(k) ^ v.as_deref().map_or(0, string_hash))
    })
}

/// The components of Kafka's `ClientQuotaFilter.containsOnly`: each type
/// with its name (exact, or "" for the default), or any name.
fn components(plan: &Plan) -> Result<Vec<(String, QuotaMatch)>, KtError> {
    if plan.names.len() > plan.types.len() {
        return Err(illegal("More entity names specified than entity types"));
    }
    Ok(plan
        .types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let matching = match plan.names.get(i) {
                Some(n) if n.is_empty() => QuotaMatch::Default,
                Some(n) => QuotaMatch::Exact(n.clone()),
                None => QuotaMatch::Any,
            };
            (quota_type(t).to_string(), matching)
        })
        .collect())
}

#[derive(Debug, Serialize)]
struct Quota {
    /// Entity type to name (null: the default).
    #[serde(serialize_with = "as_object")]
    entity: Vec<(String, Option<String>)>,
    #[serde(serialize_with = "as_object")]
    quotas: Vec<(String, f64)>,
}

#[derive(Debug, Serialize)]
struct Credentials {
    user: String,
    /// Mechanism to iterations.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_object")]
    mechanisms: Vec<(String, i32)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// `describeQuotaConfigs` (and, for users alone, their SCRAM credentials).
pub(super) fn describe(
    plan: &Plan,
    brokers: &mut Brokers<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let filter = components(plan)?;
    let entities = brokers
        .to(None)?
        .describe_client_quotas(&filter, true)?
        .map_err(|r| refusal("describing client quotas", &r))?;
    // DescribeClientQuotasResponse fills HashMaps sized to their entries.
    let n = entities.len();
    let entities = hash_map_order_sized(entities, n, |(e, _)| entity_hash(e));
    let quotas: Vec<Quota> = entities
        .into_iter()
        .map(|(entity, values)| {
            let n = values.len();
            Quota {
                entity,
                quotas: hash_map_order_sized(values, n, |(k, _)| string_hash(k)),
            }
        })
        .collect();
    let scram_users =
        !plan.types.iter().any(|t| t == CLIENTS) && !plan.names.contains(&String::new());
    let mut credentials = Vec::new();
    if scram_users && plan.types.iter().any(|t| t == USERS) {
        let described =
            scram::describe(brokers.admin.inner(), &plan.names, brokers.cluster.timeout)?;
        for (user, answer) in described {
            match answer {
                Ok(mechanisms) => credentials.push(Credentials {
                    user,
                    mechanisms,
                    error: None,
                }),
                // A user named but without credentials prints nothing.
                Err((rdkafka::error::RDKafkaErrorCode::ResourceNotFound, _)) => {}
                Err((code, why)) => credentials.push(Credentials {
                    user,
                    mechanisms: Vec::new(),
                    error: Some(format!(
                        "{}: {why}",
                        crate::compat::java_exception(code, &why)
                            .rsplit_once(": ")
                            .map_or("KafkaException", |(c, _)| c.rsplit('.').next().unwrap_or(c))
                    )),
                }),
            }
        }
    }
    match plan.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &serde_json::json!({ "quotas": quotas, "scram_credentials": credentials }),
            )?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table = crate::table::new(["ENTITY", "QUOTA", "VALUE"]);
            for q in &quotas {
                for (k, v) in &q.quotas {
                    table.add_row([
                        entity_text(&q.entity),
                        k.clone(),
                        crate::compat::java_double(*v),
                    ]);
                }
            }
            for c in &credentials {
                for (m, i) in &c.mechanisms {
                    table.add_row([
                        format!("user-principal '{}'", c.user),
                        m.clone(),
                        format!("iterations={i}"),
                    ]);
                }
                if let Some(e) = &c.error {
                    table.add_row([
                        format!("user-principal '{}'", c.user),
                        "error".into(),
                        e.clone(),
                    ]);
                }
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text => {
            for q in &quotas {
                let values: Vec<String> = q
                    .quotas
                    .iter()
                    .map(|(k, v)| format!("{k}={}", crate::compat::java_double(*v)))
                    .collect();
                writeln!(
                    out,
                    "Quota configs for {} are {}",
                    entity_text(&q.entity),
                    values.join(", ")
                )?;
            }
            for c in &credentials {
                match &c.error {
                    None => {
                        let infos: Vec<String> = c
                            .mechanisms
                            .iter()
                            .map(|(m, i)| format!("{m}=iterations={i}"))
                            .collect();
                        writeln!(
                            out,
                            "SCRAM credential configs for user-principal '{}' are {}",
                            c.user,
                            infos.join(", ")
                        )?;
                    }
                    Some(e) => writeln!(
                        out,
                        "Error retrieving SCRAM credential configs for user-principal '{}': {e}",
                        c.user
                    )?,
                }
            }
        }
    }
    Ok(())
}

/// Pairs as a JSON object, in their order.
fn as_object<S: serde::Serializer, V: Serialize>(
    pairs: &[(String, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// Kafka's words for a quota entity: user, then client id, then IP.
fn entity_text(entity: &QuotaEntity) -> String {
    let mut parts = Vec::new();
    for (key, word) in [
        ("user", "user-principal"),
        ("client-id", "client-id"),
        ("ip", "ip"),
    ] {
        if let Some((_, name)) = entity.iter().find(|(k, _)| k == key) {
            parts.push(match name {
                Some(n) => format!("{word} '{n}'"),
                None => format!("the default {word}"),
            });
        }
    }
    parts.join(", ")
}

/// `alterConfig` for users, clients and IPs: Kafka's checks, then quotas or
/// SCRAM credentials.
pub(super) fn alter(
    plan: &Plan,
    adds: &[(String, String)],
    deletes: &[String],
    brokers: &mut Brokers<'_>,
    what: &str,
) -> anyhow::Result<()> {
    let head = plan.types[0].as_str();
    // Kafka's `Set(...)` follows its `Properties`' order.
    let adds_in_order = hash_map_order(adds.to_vec(), |(k, _)| string_hash(k));
    let add_keys: Vec<&str> = adds_in_order.iter().map(|(k, _)| k.as_str()).collect();
    let quota_adds = add_keys.iter().any(|k| is_quota(k));
    let quota_deletes = deletes.iter().any(|k| is_quota(k));
    if head == IPS {
        let unknown: Vec<&str> = add_keys
            .iter()
            .copied()
            .chain(deletes.iter().map(String::as_str))
            .filter(|k| !IP_QUOTAS.contains(k))
            .collect();
        if !unknown.is_empty() {
            return Err(illegal(format!(
                "Only connection quota configs can be added for 'ips' using --bootstrap-server. Unexpected config names: {}",
                unknown.join(",")
            ))
            .into());
        }
        return alter_quotas(plan, adds, deletes, brokers, what);
    }
    let unknown_adds: Vec<&str> = add_keys
        .iter()
        .copied()
        .filter(|k| !is_quota(k) && !is_scram(k))
        .collect();
    let scram_adds: Vec<&str> = add_keys.iter().copied().filter(|k| is_scram(k)).collect();
    let unknown_deletes: Vec<&str> = deletes
        .iter()
        .map(String::as_str)
        .filter(|k| !is_quota(k) && !is_scram(k))
        .collect();
    let scram_deletes: Vec<&str> = deletes
        .iter()
        .map(String::as_str)
        .filter(|k| is_scram(k))
        .collect();
    let set = |v: &[&str]| format!("Set({})", v.join(", "));
    let buffer = |v: &[&str]| format!("ArrayBuffer({})", v.join(", "));
    if head == CLIENTS || plan.types.len() == 2 {
        if !unknown_adds.is_empty() || !scram_adds.is_empty() {
            let all: Vec<&str> = unknown_adds.iter().chain(&scram_adds).copied().collect();
            return Err(illegal(format!(
                "Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: {}",
                set(&all)
            ))
            .into());
        }
        if !unknown_deletes.is_empty() || !scram_deletes.is_empty() {
            let all: Vec<&str> = unknown_deletes
                .iter()
                .chain(&scram_deletes)
                .copied()
                .collect();
            return Err(illegal(format!(
                "Only quota configs can be deleted for 'clients' using --bootstrap-server. Unexpected config names: {}",
                buffer(&all)
            ))
            .into());
        }
    } else {
        if !unknown_adds.is_empty() {
            return Err(illegal(format!(
                "Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: {}",
                set(&unknown_adds)
            ))
            .into());
        }
        if !unknown_deletes.is_empty() {
            return Err(illegal(format!(
                "Only quota and SCRAM credential configs can be deleted for 'users' using --bootstrap-server. Unexpected config names: {}",
                buffer(&unknown_deletes)
            ))
            .into());
        }
        if !scram_adds.is_empty() || !scram_deletes.is_empty() {
            if plan.names.iter().any(String::is_empty) {
                return Err(illegal("The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.").into());
            }
            if quota_adds || quota_deletes {
                return Err(illegal("Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.").into());
            }
        }
    }
    if quota_adds || quota_deletes {
        return alter_quotas(plan, adds, deletes, brokers, what);
    }
    // SCRAM credentials of one user.
    let user = &plan.names[0];
    let mut changes: Vec<Alteration> = scram_deletes
        .iter()
        .filter_map(|m| Mechanism::from_name(m))
        .map(Alteration::Delete)
        .collect();
    for (key, value) in adds.iter().filter(|(k, _)| is_scram(k)) {
        let Some(mechanism) = Mechanism::from_name(key) else {
            continue;
        };
        let (iterations, password) = credential(mechanism, value)?;
        changes.push(Alteration::Upsert {
            mechanism,
            iterations,
            password: password.into_bytes(),
        });
    }
    let refused = scram::alter(
        brokers.admin.inner(),
        user,
        &changes,
        brokers.cluster.timeout,
    )?;
    if let Some((code, why)) = refused {
        let shown = scram_exception(code, &why);
        return Err(KtError::broker(format!("{what}: {why}"))
            .thrown("java.util.concurrent.ExecutionException", shown)
            .into());
    }
    Ok(())
}

/// A refused credential change as Java's exception prints it.
fn scram_exception(code: rdkafka::error::RDKafkaErrorCode, why: &str) -> String {
    use rdkafka::error::RDKafkaErrorCode as E;
    let class = match code {
        E::ResourceNotFound => "ResourceNotFoundException",
        E::DuplicateResource => "DuplicateResourceException",
        E::UnacceptableCredential => "UnacceptableCredentialException",
        E::ClusterAuthorizationFailed => "ClusterAuthorizationException",
        _ => return crate::compat::java_exception(code, why),
    };
    format!("org.apache.kafka.common.errors.{class}: {why}")
}

/// `[iterations=N,]password=P`, as Kafka's `iterationsAndPasswordBytes`
/// reads it; the password is never shown in a message.
fn credential(mechanism: Mechanism, value: &str) -> Result<(i32, String), KtError> {
    let invalid = || {
        illegal(format!(
            "Invalid credential property {}=[hidden]",
            mechanism.name().replace('-', "_")
        ))
    };
    let (iterations, password) = match value.strip_prefix("iterations=") {
        Some(rest) => {
            let (n, rest) = rest.split_once(',').ok_or_else(invalid)?;
            let password = rest.strip_prefix("password=").ok_or_else(invalid)?;
            let valid = !n.is_empty()
                && n.strip_prefix('-')
                    .unwrap_or(n)
                    .bytes()
                    .all(|b| b.is_ascii_digit());
            if !valid {
                return Err(invalid());
            }
            let n: i32 = if n == "-1" {
                DEFAULT_ITERATIONS
            } else {
                n.parse().map_err(|_| invalid())?
            };
            (n, password)
        }
        None => (
            DEFAULT_ITERATIONS,
            value.strip_prefix("password=").ok_or_else(invalid)?,
        ),
    };
    if iterations < MIN_ITERATIONS {
        return Err(illegal(format!(
            "Iterations {iterations} is less than the minimum {MIN_ITERATIONS} required for {}",
            mechanism.name()
        )));
    }
    Ok((iterations, password.to_string()))
}

/// `alterQuotaConfigs`.
fn alter_quotas(
    plan: &Plan,
    adds: &[(String, String)],
    deletes: &[String],
    brokers: &mut Brokers<'_>,
    what: &str,
) -> anyhow::Result<()> {
    if plan.types.len() != plan.names.len() {
        return Err(
            illegal("Exactly one entity name must be specified for every entity type").into(),
        );
    }
    let filter = components(plan)?;
    let conn = brokers.to(None)?;
    let current = conn
        .describe_client_quotas(&filter, true)?
        .map_err(|r| refusal(what, &r))?;
    let old: Vec<String> = current
        .into_iter()
        .next()
        .map(|(_, values)| values.into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default();
    let invalid: Vec<&str> = deletes
        .iter()
        .map(String::as_str)
        .filter(|d| !old.iter().any(|o| o == d))
        .collect();
    if !invalid.is_empty() {
        return Err(illegal(format!("Invalid config(s): {}", invalid.join(","))).into());
    }
    let entity: QuotaEntity = plan
        .types
        .iter()
        .zip(&plan.names)
        .map(|(t, n)| {
            (
                quota_type(t).to_string(),
                (!n.is_empty()).then(|| n.clone()),
            )
        })
        .collect();
    let mut ops = Vec::new();
    for (key, value) in adds {
        let v: f64 = value.trim().parse().map_err(|_| {
            illegal(format!(
                "Cannot parse quota configuration value for {key}: {value}"
            ))
        })?;
        ops.push((key.clone(), Some(v)));
    }
    ops.extend(deletes.iter().map(|d| (d.clone(), None)));
    conn.alter_client_quotas(&entity, &ops)?
        .map_err(|r| refusal(what, &r))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_print_as_java_does() {
        assert_eq!(crate::compat::java_double(1024.0), "1024.0");
        assert_eq!(crate::compat::java_double(0.5), "0.5");
        assert_eq!(crate::compat::java_double(1e7), "1.0E7");
        assert_eq!(crate::compat::java_double(12345678.0), "1.2345678E7");
        assert_eq!(crate::compat::java_double(0.0001), "1.0E-4");
    }

    #[test]
    fn credentials_read_as_kafka_does_and_never_echo() {
        assert_eq!(
            credential(Mechanism::Sha256, "iterations=8192,password=a,b").unwrap(),
            (8192, "a,b".to_string())
        );
        assert_eq!(credential(Mechanism::Sha512, "password=x").unwrap().0, 4096);
        let e = credential(Mechanism::Sha256, "itx=1,password=secret").unwrap_err();
        assert_eq!(
            e.message,
            "Invalid credential property SCRAM_SHA_256=[hidden]"
        );
        let e = credential(Mechanism::Sha256, "iterations=100,password=x").unwrap_err();
        assert_eq!(
            e.message,
            "Iterations 100 is less than the minimum 4096 required for SCRAM-SHA-256"
        );
    }
}
