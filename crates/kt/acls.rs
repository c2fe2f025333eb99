//! `kt acls` / kafka-acls (AclCommand): add, remove and list ACLs on topics,
//! groups, the cluster, transactional ids, delegation tokens and users,
//! with Kafka's `--producer` / `--consumer` conveniences.
//!
//! ACLs go over Kafka's wire protocol (`kt_core::wire`: CreateAcls,
//! DescribeAcls, DeleteAcls), which names every resource type. Under the
//! Kafka name kt checks options in `checkArgs`' order and prints Kafka
//! 3.9's blocks (`Current ACLs for resource ...`); Kafka prints a
//! resource's entries from a hash set whose order changes from run to run,
//! kt in the broker's order. Under kt's name: a table or JSON, one line per
//! binding added or removed, and a prompt before removing only on a
//! terminal (never with `--yes`/`--force`).

use std::io::{BufRead, Write};

use clap::Args;
use kt_core::connection::{Connection, Request};
use kt_core::protocol::{self, Acl, Refused};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};

use serde::Serialize;

use crate::dispatch::Mode;
use crate::endpoint::Kafka;

#[derive(Args, Debug, Clone, Default)]
pub struct AclsArgs {
    /// Indicates you are trying to add ACLs.
    #[arg(long)]
    pub add: bool,
    /// Indicates you are trying to remove ACLs.
    #[arg(long)]
    pub remove: bool,
    /// List ACLs for the specified resource, use --topic <topic> or --group <group> or --cluster to specify a resource.
    #[arg(long)]
    pub list: bool,
    /// topic to which ACLs should be added or removed. A value of '*' indicates ACL should apply to all topics.
    #[arg(long, value_name = "topic")]
    pub topic: Vec<String>,
    /// Add/Remove cluster ACLs (`--cluster` with no NAME; see [`AclsArgs::take_cluster_flag`]).
    #[arg(skip)]
    pub cluster: bool,
    /// Consumer Group to which the ACLs should be added or removed. A value of '*' indicates the ACLs should apply to all groups.
    #[arg(long, value_name = "group")]
    pub group: Vec<String>,
    /// The transactionalId to which ACLs should be added or removed. A value of '*' indicates the ACLs should apply to all transactionalIds.
    #[arg(long, value_name = "transactional-id")]
    pub transactional_id: Vec<String>,
    /// Delegation token to which ACLs should be added or removed. A value of '*' indicates ACL should apply to all tokens.
    #[arg(long, value_name = "delegation-token")]
    pub delegation_token: Vec<String>,
    /// Specifies a user principal as a resource in relation with the operation.
    #[arg(long, value_name = "user-principal")]
    pub user_principal: Vec<String>,
    /// Enable idempotence for the producer. This should be used in combination with the --producer option.
    #[arg(long)]
    pub idempotent: bool,
    /// The type of the resource pattern or pattern filter: literal, prefixed; for --list and --remove also any or match [default: literal]
    #[arg(long, value_name = "TYPE")]
    pub resource_pattern_type: Option<String>,
    /// Operation that is being allowed or denied (Read, Write, Create, Delete, Alter, Describe, ClusterAction, DescribeConfigs, AlterConfigs, IdempotentWrite, CreateTokens, DescribeTokens, All) [default: All]
    #[arg(long, value_name = "OPERATION")]
    pub operation: Vec<String>,
    /// principal is in principalType:name format. For example, User:'*' is the wild card indicating all users.
    #[arg(long, value_name = "allow-principal")]
    pub allow_principal: Vec<String>,
    /// principal is in principalType:name format. DENY RULES TAKE PRECEDENCE OVER ALLOW RULES.
    #[arg(long, value_name = "deny-principal")]
    pub deny_principal: Vec<String>,
    /// List ACLs for the specified principal (repeatable).
    #[arg(long, value_name = "principal", num_args = 0..=1)]
    pub principal: Option<Vec<String>>,
    /// Host from which principals listed in --allow-principal will have access [default: *]
    #[arg(long, value_name = "allow-host")]
    pub allow_host: Vec<String>,
    /// Host from which principals listed in --deny-principal will be denied access [default: *]
    #[arg(long, value_name = "deny-host")]
    pub deny_host: Vec<String>,
    /// Convenience option to add/remove ACLs for producer role: WRITE, DESCRIBE and CREATE on topic.
    #[arg(long)]
    pub producer: bool,
    /// Convenience option to add/remove ACLs for consumer role: READ, DESCRIBE on topic and READ on group.
    #[arg(long)]
    pub consumer: bool,
    /// Assume Yes to all queries and do not prompt.
    #[arg(long, short = 'y', visible_alias = "yes")]
    pub force: bool,
    /// DEPRECATED (kt: not supported): the authorizer's class
    #[arg(long, value_name = "authorizer")]
    pub authorizer: Option<String>,
    /// DEPRECATED (kt: not supported): the authorizer's properties
    #[arg(long, value_name = "authorizer-properties")]
    pub authorizer_properties: Vec<String>,
    /// DEPRECATED (kt: not supported): ZooKeeper TLS properties for the authorizer
    #[arg(long, value_name = "FILE")]
    pub zk_tls_config_file: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// An entry: principal, host, operation, permission.
type Entry = (String, String, i8, i8);

const DEPRECATION: &str = "Warning: support for ACL configuration directly through the authorizer is deprecated and will be removed in a future release. Please use --bootstrap-server instead to set ACLs through the admin client.";

// Kafka's enum ids.
const ANY: i8 = 1;
const TOPIC: i8 = 2;
const GROUP: i8 = 3;
const CLUSTER: i8 = 4;
const TRANSACTIONAL_ID: i8 = 5;
const DELEGATION_TOKEN: i8 = 6;
const USER: i8 = 7;
const LITERAL: i8 = 3;
const DENY: i8 = 2;
const ALLOW: i8 = 3;

const OPERATIONS: [&str; 15] = [
    "UNKNOWN",
    "ANY",
    "ALL",
    "READ",
    "WRITE",
    "CREATE",
    "DELETE",
    "ALTER",
    "DESCRIBE",
    "CLUSTER_ACTION",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
    "IDEMPOTENT_WRITE",
    "CREATE_TOKENS",
    "DESCRIBE_TOKENS",
];

fn resource_type_name(t: i8) -> &'static str {
    match t {
        ANY => "ANY",
        TOPIC => "TOPIC",
        GROUP => "GROUP",
        CLUSTER => "CLUSTER",
        TRANSACTIONAL_ID => "TRANSACTIONAL_ID",
        DELEGATION_TOKEN => "DELEGATION_TOKEN",
        USER => "USER",
        _ => "UNKNOWN",
    }
}

fn pattern_name(p: i8) -> &'static str {
    ["UNKNOWN", "ANY", "MATCH", "LITERAL", "PREFIXED"]
        .get(p as usize)
        .copied()
        .unwrap_or("UNKNOWN")
}

fn operation_name(o: i8) -> &'static str {
    OPERATIONS.get(o as usize).copied().unwrap_or("UNKNOWN")
}

fn permission_name(p: i8) -> &'static str {
    ["UNKNOWN", "ANY", "DENY", "ALLOW"]
        .get(p as usize)
        .copied()
        .unwrap_or("UNKNOWN")
}

/// `SecurityUtils.operationName`: `DESCRIBE_CONFIGS` is `DescribeConfigs`.
fn pascal(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase()
            })
        })
        .collect()
}

/// `SecurityUtils.operation`: a Pascal-case name, or it in upper case;
/// anything else is UNKNOWN (0).
fn operation(name: &str) -> i8 {
    OPERATIONS
        .iter()
        .position(|o| {
            let p = pascal(o);
            name == p || name == p.to_uppercase()
        })
        .map_or(0, |i| i as i8)
}

/// `AclEntry.supportedOperations` (and ALL).
fn supported(resource_type: i8) -> &'static [i8] {
    match resource_type {
        TOPIC => &[3, 4, 5, 8, 6, 7, 10, 11, 2],
        GROUP => &[3, 8, 6, 2],
        CLUSTER => &[5, 9, 10, 11, 12, 7, 8, 2],
        TRANSACTIONAL_ID => &[8, 4, 2],
        DELEGATION_TOKEN => &[8, 2],
        USER => &[13, 14, 2],
        _ => &[2],
    }
}

/// A resource pattern (or filter) as Java prints it.
fn pattern_text(a: &Acl) -> String {
    format!(
        "ResourcePattern(resourceType={}, name={}, patternType={})",
        resource_type_name(a.resource_type),
        a.name.as_deref().unwrap_or("<any>"),
        pattern_name(a.pattern_type)
    )
}

/// An entry as Java prints it.
fn entry_text(a: &Acl) -> String {
    format!(
        "(principal={}, host={}, operation={}, permissionType={})",
        a.principal.as_deref().unwrap_or("<any>"),
        a.host.as_deref().unwrap_or("<any>"),
        operation_name(a.operation),
        permission_name(a.permission)
    )
}

/// Kafka's block for a resource and its entries: `{head} `{pattern}`: `,
/// then each entry after a tab, then a blank line.
fn block(head: &str, pattern: &Acl, entries: &[&Acl]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|e| format!("\t{}", entry_text(e)))
        .collect();
    format!(
        "{head} `{}`: \n {} \n",
        pattern_text(pattern),
        lines.join("\n")
    )
}

fn same_pattern(a: &Acl, b: &Acl) -> bool {
    a.resource_type == b.resource_type && a.name == b.name && a.pattern_type == b.pattern_type
}

/// An error Kafka's tool prints itself, on stdout.
fn shown() -> KtError {
    KtError::broker("")
}

/// Kafka's `printUsageAndExit` texts are usage errors.
fn usage(m: impl Into<String>) -> KtError {
    KtError::usage(m)
}

fn invalid(option: &str, other: &str) -> KtError {
    usage(format!(
        "Option \"[{option}]\" can't be used with option \"[{other}]\""
    ))
}

impl AclsArgs {
    /// Kafka's `--cluster` (the cluster resource) is kt's `--cluster NAME`
    /// (a profile) given no NAME: it is read as Kafka's flag.
    pub fn take_cluster_flag(&mut self) {
        if self.connection.cluster.as_deref() == Some("") {
            self.connection.cluster = None;
            self.cluster = true;
        }
    }

    fn check(&mut self, kafka_name: bool, err: &Diagnostics) -> Result<(), KtError> {
        let bootstrap = self.connection.endpoint()?.is_some();
        if bootstrap && self.authorizer.is_some() {
            return Err(usage(
                "Only one of --bootstrap-server or --authorizer must be specified",
            ));
        }
        if !bootstrap {
            if kafka_name && self.authorizer_properties.is_empty() {
                return Err(usage(
                    "Missing required argument \"[authorizer-properties]\"",
                ));
            }
            if kafka_name {
                err.line(DEPRECATION);
            }
        }
        if self.connection.command_config.is_some() && !bootstrap {
            return Err(usage(
                "The --command-config option can only be used with --bootstrap-server option",
            ));
        }
        if !self.authorizer_properties.is_empty() && bootstrap {
            return Err(usage(
                "The --authorizer-properties option can only be used with --authorizer option",
            ));
        }
        if !kafka_name && !self.add && !self.remove && !self.list {
            self.list = true;
        }
        if [self.add, self.remove, self.list]
            .iter()
            .filter(|a| **a)
            .count()
            != 1
        {
            return Err(usage(
                "Command must include exactly one action: --list, --add, --remove. ",
            ));
        }
        if self.list {
            for (given, name) in [
                (self.producer, "producer"),
                (self.consumer, "consumer"),
                (!self.allow_host.is_empty(), "allow-host"),
                (!self.allow_principal.is_empty(), "allow-principal"),
                (!self.deny_host.is_empty(), "deny-host"),
                (!self.deny_principal.is_empty(), "deny-principal"),
            ] {
                if given {
                    return Err(invalid("list", name));
                }
            }
        }
        for (role, on) in [("producer", self.producer), ("consumer", self.consumer)] {
            if !on {
                continue;
            }
            for (given, name) in [
                (!self.operation.is_empty(), "operation"),
                (!self.deny_principal.is_empty(), "deny-principal"),
                (!self.deny_host.is_empty(), "deny-host"),
            ] {
                if given {
                    return Err(invalid(role, name));
                }
            }
        }
        if self.principal.is_some() && !self.list {
            return Err(usage(
                "The --principal option is only available if --list is set",
            ));
        }
        if self.producer && self.topic.is_empty() {
            return Err(usage("With --producer you must specify a --topic"));
        }
        if self.idempotent && !self.producer {
            return Err(usage(
                "The --idempotent option is only available if --producer is set",
            ));
        }
        if self.consumer
            && (self.topic.is_empty()
                || self.group.is_empty()
                || (!self.producer && (self.cluster || !self.transactional_id.is_empty())))
        {
            return Err(usage("With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified."));
        }
        if !bootstrap {
            return Err(KtError::config(
                "kt manages ACLs through the brokers, not the authorizer: give --bootstrap-server",
            ));
        }
        Ok(())
    }

    /// `--resource-pattern-type` (LITERAL by default), read when first used.
    fn pattern_type(&self) -> Result<i8, KtError> {
        let Some(v) = &self.resource_pattern_type else {
            return Ok(LITERAL);
        };
        match ["ANY", "MATCH", "LITERAL", "PREFIXED"]
            .iter()
            .position(|p| p.eq_ignore_ascii_case(v))
        {
            Some(i) => Ok(i as i8 + 1),
            None => {
                let m = format!("Cannot parse argument '{v}' of option resource-pattern-type");
                Err(KtError::usage(m.clone())
                    .thrown("joptsimple.OptionArgumentConversionException", m))
            }
        }
    }

    /// `getResourceFilter`: one filter per resource named.
    fn filters(&self, die_if_none: bool) -> Result<Vec<Acl>, KtError> {
        let pattern = self.pattern_type()?;
        let filter = |t: i8, name: &str| Acl {
            resource_type: t,
            name: Some(name.to_string()),
            pattern_type: pattern,
            principal: None,
            host: None,
            operation: ANY,
            permission: ANY,
        };
        let mut out: Vec<Acl> = Vec::new();
        let mut add = |a: Acl| {
            if !out.contains(&a) {
                out.push(a);
            }
        };
        for t in &self.topic {
            add(filter(TOPIC, t.trim()));
        }
        if pattern == LITERAL && (self.cluster || self.idempotent) {
            add(filter(CLUSTER, "kafka-cluster"));
        }
        for g in &self.group {
            add(filter(GROUP, g.trim()));
        }
        for t in &self.transactional_id {
            add(filter(TRANSACTIONAL_ID, t));
        }
        for t in &self.delegation_token {
            add(filter(DELEGATION_TOKEN, t.trim()));
        }
        for u in &self.user_principal {
            add(filter(USER, u.trim()));
        }
        if out.is_empty() && die_if_none {
            return Err(usage("You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --delegation-token <Delegation Token ID>"));
        }
        Ok(out)
    }

    /// `getAcl`: every principal x operation x host, allowed then denied.
    fn entries(&self, operations: &[i8]) -> Result<Vec<Entry>, KtError> {
        let principals = |list: &[String]| -> Result<Vec<String>, KtError> {
            let mut out: Vec<String> = Vec::new();
            for p in list {
                let p = crate::compat::kafka_principal(p)?.to_string();
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            Ok(out)
        };
        let hosts = |list: &[String], principals: &[String]| -> Vec<String> {
            if !list.is_empty() {
                let mut out: Vec<String> = Vec::new();
                for h in list {
                    if !out.contains(&h.trim().to_string()) {
                        out.push(h.trim().to_string());
                    }
                }
                out
            } else if !principals.is_empty() {
                vec!["*".to_string()]
            } else {
                Vec::new()
            }
        };
        let allowed = principals(&self.allow_principal)?;
        let denied = principals(&self.deny_principal)?;
        let mut out = Vec::new();
        for (who, where_, permission) in [
            (&allowed, hosts(&self.allow_host, &allowed), ALLOW),
            (&denied, hosts(&self.deny_host, &denied), DENY),
        ] {
            for p in who {
                for o in operations {
                    for h in &where_ {
                        out.push((p.clone(), h.clone(), *o, permission));
                    }
                }
            }
        }
        Ok(out)
    }

    /// `getResourceFilterToAcls`: each resource filter and its entries.
    fn filter_to_acls(&self) -> Result<Vec<(Acl, Vec<Acl>)>, KtError> {
        let mut out: Vec<(Acl, Vec<Entry>)> = Vec::new();
        if !self.producer && !self.consumer {
            let ops: Vec<i8> = if self.operation.is_empty() {
                vec![2]
            } else {
                let mut ops = Vec::new();
                for o in &self.operation {
                    let o = operation(o.trim());
                    if !ops.contains(&o) {
                        ops.push(o);
                    }
                }
                ops
            };
            let entries = self.entries(&ops)?;
            for f in self.filters(true)? {
                out.push((f, entries.clone()));
            }
        }
        if self.producer {
            let filters = self.filters(true)?;
            for f in filters.iter().filter(|f| f.resource_type == TOPIC) {
                out.push((f.clone(), self.entries(&[4, 8, 5])?));
            }
            for f in filters
                .iter()
                .filter(|f| f.resource_type == TRANSACTIONAL_ID)
            {
                out.push((f.clone(), self.entries(&[4, 8])?));
            }
            if self.idempotent {
                let cluster = filters.iter().find(|f| f.resource_type == CLUSTER).cloned();
                if let Some(c) = cluster {
                    out.push((c, self.entries(&[12])?));
                }
            }
        }
        if self.consumer {
            let filters = self.filters(true)?;
            for f in filters.iter().filter(|f| f.resource_type == TOPIC) {
                let mut e = self.entries(&[3, 8])?;
                match out.iter_mut().find(|(k, _)| k == f) {
                    Some((_, existing)) => {
                        e.retain(|x| !existing.contains(x));
                        existing.extend(e);
                    }
                    None => out.push((f.clone(), e)),
                }
            }
            for f in filters.iter().filter(|f| f.resource_type == GROUP) {
                out.push((f.clone(), self.entries(&[3])?));
            }
        }
        for (f, entries) in &out {
            let valid = supported(f.resource_type);
            if entries.iter().any(|(_, _, o, _)| !valid.contains(o)) {
                let names: Vec<String> = valid.iter().map(|o| pascal(operation_name(*o))).collect();
                return Err(usage(format!(
                    "ResourceType {} only supports operations {}",
                    resource_type_name(f.resource_type),
                    names.join(", ")
                )));
            }
        }
        Ok(out
            .into_iter()
            .map(|(f, entries)| {
                let acls = entries
                    .into_iter()
                    .map(|(principal, host, operation, permission)| Acl {
                        principal: Some(principal),
                        host: Some(host),
                        operation,
                        permission,
                        ..f.clone()
                    })
                    .collect();
                (f, acls)
            })
            .collect())
    }
}

/// A binding, for tables and JSON.
#[derive(Debug, Serialize)]
struct Binding {
    resource_type: &'static str,
    name: String,
    pattern_type: &'static str,
    principal: String,
    host: String,
    operation: &'static str,
    permission: &'static str,
}

impl From<&Acl> for Binding {
    fn from(a: &Acl) -> Self {
        Binding {
            resource_type: resource_type_name(a.resource_type),
            name: a.name.clone().unwrap_or_default(),
            pattern_type: pattern_name(a.pattern_type),
            principal: a.principal.clone().unwrap_or_default(),
            host: a.host.clone().unwrap_or_default(),
            operation: operation_name(a.operation),
            permission: permission_name(a.permission),
        }
    }
}

fn render(bindings: &[&Acl], format: OutputFormat, out: &mut dyn Write) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => {
            let list: Vec<Binding> = bindings.iter().map(|a| Binding::from(*a)).collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "acls": list }))?;
            writeln!(out)?;
        }
        _ => {
            let mut table = crate::table::new([
                "RESOURCE",
                "NAME",
                "PATTERN",
                "PRINCIPAL",
                "HOST",
                "OPERATION",
                "PERMISSION",
            ]);
            // kt's table in a stable order (the broker's is not one).
            let mut sorted: Vec<Binding> = bindings.iter().map(|a| Binding::from(*a)).collect();
            sorted.sort_by(|a, b| {
                let key = |x: &Binding| {
                    (
                        x.resource_type,
                        x.name.clone(),
                        x.pattern_type,
                        x.principal.clone(),
                        x.host.clone(),
                        x.operation,
                        x.permission,
                    )
                };
                key(a).cmp(&key(b))
            });
            for b in sorted {
                table.add_row([
                    b.resource_type.to_string(),
                    b.name,
                    b.pattern_type.to_string(),
                    b.principal,
                    b.host,
                    b.operation.to_string(),
                    b.permission.to_string(),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    Ok(())
}

/// Java's text for a refusal: the ExecutionException's message.
fn refusal_text(r: &Refused) -> String {
    let class = match r.code {
        54 => "SecurityDisabledException",
        31 => "ClusterAuthorizationException",
        42 => "InvalidRequestException",
        _ => return crate::compat::kafka_exception(r),
    };
    let default = match r.code {
        54 => "Security features are disabled.",
        31 => "Cluster authorization failed.",
        _ => "The request was invalid.",
    };
    format!(
        "org.apache.kafka.common.errors.{class}: {}",
        r.message.as_deref().unwrap_or(default)
    )
}

pub fn run(
    mut args: AclsArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    args.check(kafka_name, err)?;
    let result = act(&args, mode, out, err);
    match result {
        // AclCommand catches every failure of an action: its message and
        // the stack trace, on stdout.
        Err(e) if kafka_name && !is_usage(&e) => {
            let k = e.chain().find_map(|c| c.downcast_ref::<KtError>());
            let (class, message) = match k.and_then(|k| k.thrown.clone()) {
                Some((class, message)) => (class.to_string(), message),
                None => (
                    "org.apache.kafka.common.KafkaException".to_string(),
                    k.map_or_else(|| format!("{e:#}"), |k| k.message.clone()),
                ),
            };
            let _ = writeln!(out, "Error while executing ACL command: {message}");
            let _ = writeln!(out, "{class}: {message}");
            Err(shown().into())
        }
        other => other,
    }
}

/// A `printUsageAndExit` (not caught by Kafka's tool).
fn is_usage(e: &anyhow::Error) -> bool {
    e.chain()
        .find_map(|c| c.downcast_ref::<KtError>())
        .is_some_and(|k| k.kind == ErrorKind::Usage && k.thrown.is_none())
}

fn act(args: &AclsArgs, mode: Mode, out: &mut dyn Write, err: &Diagnostics) -> anyhow::Result<()> {
    let kafka_name = mode == Mode::Compat;
    let format = if kafka_name {
        OutputFormat::Text
    } else {
        args.output.output
    };
    let request = Request {
        endpoint: crate::endpoint::rule(mode, Kafka::Argument, false),
        ..Default::default()
    };
    // What the command line means is worked out before connecting, as
    // Kafka's tool does for --add.
    let plan = if args.list {
        Vec::new()
    } else {
        if args.add {
            let p = args.pattern_type()?;
            if p == ANY || p == 2 {
                return Err(usage(format!(
                    "A '--resource-pattern-type' value of '{}' is not valid when adding acls.",
                    pattern_name(p)
                ))
                .into());
            }
        }
        let plan = args.filter_to_acls()?;
        if args.add && plan.iter().any(|(_, acls)| acls.is_empty()) {
            return Err(usage(
                "You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.",
            )
            .into());
        }
        plan
    };
    let cluster = Connection::resolve(&args.connection, request)?.open(err)?;
    let info = cluster.info_once("kt-acls")?;
    let node = info
        .nodes
        .first()
        .ok_or_else(|| KtError::unreachable("the cluster named no broker"))?;
    let mut conn = protocol::Broker::connect(
        &node.host,
        node.port,
        &cluster.config,
        "kt-acls",
        cluster.timeout,
    )?;
    kt_core::leave_running(cluster);
    let failed = |r: &Refused| {
        let m = refusal_text(r);
        KtError::broker(m.split_once(": ").map_or(m.clone(), |(_, w)| w.to_string()))
            .thrown("java.util.concurrent.ExecutionException", m)
    };
    if args.list {
        let filters = args.filters(false)?;
        let any = Acl {
            resource_type: ANY,
            name: None,
            pattern_type: ANY,
            principal: None,
            host: None,
            operation: ANY,
            permission: ANY,
        };
        let mut acls = Vec::new();
        for f in if filters.is_empty() {
            vec![any]
        } else {
            filters
        } {
            acls.extend(conn.describe_acls(&f)?.map_err(|r| failed(&r))?);
        }
        let principals: Vec<String> = args.principal.clone().unwrap_or_default();
        let mut views: Vec<(Option<&str>, Vec<&Acl>)> = Vec::new();
        if principals.is_empty() {
            views.push((None, acls.iter().collect()));
        } else {
            for p in &principals {
                let p = p.trim();
                views.push((
                    Some(p),
                    acls.iter()
                        .filter(|a| a.principal.as_deref() == Some(p))
                        .collect(),
                ));
            }
        }
        for (principal, acls) in views {
            if format != OutputFormat::Text {
                render(&acls, format, out)?;
                continue;
            }
            if let Some(p) = principal {
                writeln!(out, "ACLs for principal `{p}`")?;
            }
            let mut patterns: Vec<&Acl> = Vec::new();
            for a in &acls {
                if !patterns.iter().any(|p| same_pattern(p, a)) {
                    patterns.push(a);
                }
            }
            for p in patterns {
                let entries: Vec<&Acl> = acls
                    .iter()
                    .copied()
                    .filter(|a| same_pattern(p, a))
                    .collect();
                writeln!(out, "{}", block("Current ACLs for resource", p, &entries))?;
            }
        }
        return Ok(());
    }
    if args.add {
        let mut added = Vec::new();
        for (filter, acls) in &plan {
            if kafka_name || format == OutputFormat::Text {
                let refs: Vec<&Acl> = acls.iter().collect();
                writeln!(out, "{}", block("Adding ACLs for resource", filter, &refs))?;
            }
            for r in conn.create_acls(acls)? {
                r.map_err(|r| failed(&r))?;
            }
            added.extend(acls.iter());
        }
        if !kafka_name && format != OutputFormat::Text {
            render(&added, format, out)?;
        }
        return Ok(());
    }
    // --remove
    let mut removed: Vec<Acl> = Vec::new();
    for (filter, acls) in &plan {
        let question = if acls.is_empty() {
            format!(
                "Are you sure you want to delete all ACLs for resource filter `{}`? (y/n)",
                pattern_text(filter)
            )
        } else {
            let lines: Vec<String> = acls
                .iter()
                .map(|a| format!("\t{}", entry_text(a)))
                .collect();
            format!(
                "Are you sure you want to remove ACLs: \n {} \n from resource filter `{}`? (y/n)",
                lines.join("\n"),
                pattern_text(filter)
            )
        };
        if !kafka_name {
            let question = question.trim_end_matches(" (y/n)");
            if !args.force && !crate::prompt::confirmed(question, err)? {
                continue;
            }
        } else if !args.force {
            // Kafka's tool asks on stdout and reads stdin, terminal or not.
            writeln!(out, "{question}")?;
            out.flush()?;
            let mut answer = String::new();
            std::io::stdin().lock().read_line(&mut answer)?;
            if !answer
                .trim_end_matches(['\n', '\r'])
                .eq_ignore_ascii_case("y")
            {
                continue;
            }
        }
        let filters: Vec<Acl> = if acls.is_empty() {
            vec![filter.clone()]
        } else {
            acls.clone()
        };
        for r in conn.delete_acls(&filters)? {
            removed.extend(r.map_err(|r| failed(&r))?);
        }
    }
    if !kafka_name {
        match format {
            OutputFormat::Text => {
                for a in &removed {
                    writeln!(out, "Removed {} from `{}`", entry_text(a), pattern_text(a))?;
                }
                if removed.is_empty() {
                    err.line("kt: no ACL matched; nothing removed");
                }
            }
            _ => render(&removed.iter().collect::<Vec<_>>(), format, out)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_read_as_kafka_reads_them() {
        assert_eq!(operation("Read"), 3);
        assert_eq!(operation("READ"), 3);
        assert_eq!(operation("DescribeConfigs"), 10);
        assert_eq!(operation("DESCRIBECONFIGS"), 10);
        assert_eq!(operation("describe_configs"), 0);
        assert_eq!(operation("read"), 0);
        assert_eq!(pascal("IDEMPOTENT_WRITE"), "IdempotentWrite");
    }

    #[test]
    fn blocks_print_as_kafka_prints_them() {
        let a = Acl {
            resource_type: TOPIC,
            name: Some("t".into()),
            pattern_type: LITERAL,
            principal: Some("User:alice".into()),
            host: Some("*".into()),
            operation: 3,
            permission: ALLOW,
        };
        assert_eq!(
            block("Current ACLs for resource", &a, &[&a, &a]),
            "Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=t, patternType=LITERAL)`: \n \t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)\n\t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW) \n"
        );
    }
}
