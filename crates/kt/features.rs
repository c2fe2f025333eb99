//! `kt features` / kafka-features (FeatureCommand): the cluster's feature
//! flags, from the ApiVersions answer of a broker (or the active
//! controller under `--bootstrap-controller`), and their upgrade, downgrade
//! and disabling with UpdateFeatures, `--dry-run` only validating.
//! `metadata.version` levels read and print as Kafka's MetadataVersion
//! names (`3.9-IV0`), Kafka 3.9's table.
//!
//! Under the Kafka name the command line is argparse4j's (subcommands
//! describe, upgrade, downgrade, disable); under kt's name the same words
//! follow `kt features`, and `-o table|json` show the description.

use std::io::Write;

use clap::{Args, ValueEnum};
use kt_core::protocol::{FeatureChange, Features};
use kt_core::{ConnectionArgs, Diagnostics, KtError, OutputArgs, OutputFormat};
use serde::Serialize;

use crate::argparse::{opt, Kind, Level, Parsed, Spec, BOOTSTRAP, BOOTSTRAP_OPTIONS};
use crate::dispatch::Mode;

/// What `kt features` does.
#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Action {
    /// The feature flags: supported range, finalized level, epoch
    #[default]
    Describe,
    /// Raise features (--feature NAME=LEVEL, --metadata VERSION)
    Upgrade,
    /// Lower features (--feature NAME=LEVEL, --metadata VERSION)
    Downgrade,
    /// Set features to level 0 (--feature NAME)
    Disable,
}

impl Action {
    fn word(self) -> &'static str {
        match self {
            Action::Describe => "describe",
            Action::Upgrade => "upgrade",
            Action::Downgrade => "downgrade",
            Action::Disable => "disable",
        }
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct FeaturesArgs {
    /// describe (the default), upgrade, downgrade or disable
    #[arg(value_enum)]
    pub action: Option<Action>,
    /// A feature and its level, NAME=LEVEL (just NAME to disable); repeatable
    #[arg(long, value_name = "NAME=LEVEL")]
    pub feature: Vec<String>,
    /// The metadata.version to upgrade or downgrade to, e.g. 3.9-IV0 or 3.9
    #[arg(long, value_name = "VERSION")]
    pub metadata: Option<String>,
    /// Allow a downgrade that may lose metadata
    #[arg(long = "unsafe")]
    pub unsafe_downgrade: bool,
    /// Only check that the change would be accepted
    #[arg(long)]
    pub dry_run: bool,
    /// Ask the controllers at these addresses instead of a broker
    #[arg(long, value_name = "HOST:PORT,...", help_heading = "Connection")]
    pub bootstrap_controller: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// kafka-features' command line, as its argparse4j parser reads it.
pub const KAFKA_SPEC: Spec = Spec {
    top: Level {
        help: include_str!("help/kafka-features.txt"),
        options: &BOOTSTRAP_OPTIONS,
        one_of: BOOTSTRAP,
    },
    commands: &[
        (
            "describe",
            Level {
                help: include_str!("help/kafka-features-describe.txt"),
                options: &[],
                one_of: &[],
            },
        ),
        (
            "upgrade",
            Level {
                help: include_str!("help/kafka-features-upgrade.txt"),
                options: &[
                    opt("--metadata", Kind::Value),
                    opt("--feature", Kind::Append),
                    opt("--dry-run", Kind::Flag),
                ],
                one_of: &[],
            },
        ),
        (
            "downgrade",
            Level {
                help: include_str!("help/kafka-features-downgrade.txt"),
                options: &[
                    opt("--metadata", Kind::Value),
                    opt("--feature", Kind::Append),
                    opt("--unsafe", Kind::Flag),
                    opt("--dry-run", Kind::Flag),
                ],
                one_of: &[],
            },
        ),
        (
            "disable",
            Level {
                help: include_str!("help/kafka-features-disable.txt"),
                options: &[
                    opt("--feature", Kind::Append),
                    opt("--unsafe", Kind::Flag),
                    opt("--dry-run", Kind::Flag),
                ],
                one_of: &[],
            },
        ),
    ],
};

impl FeaturesArgs {
    /// The arguments of a parsed Kafka command line.
    pub fn from_kafka(p: &Parsed) -> FeaturesArgs {
        let action = Action::from_str(p.command, false).unwrap_or_default();
        let (connection, bootstrap_controller) = p.connection("--command-config");
        FeaturesArgs {
            action: Some(action),
            feature: p
                .values("--feature")
                .into_iter()
                .map(str::to_string)
                .collect(),
            metadata: p.value("--metadata").map(str::to_string),
            unsafe_downgrade: p.flag("--unsafe"),
            dry_run: p.flag("--dry-run"),
            bootstrap_controller,
            connection,
            ..Default::default()
        }
    }
}

/// Kafka 3.9's MetadataVersion: (feature level, release, version), oldest
/// first; -1 where the version predates KRaft.
const METADATA_VERSIONS: &[(i16, &str, &str)] = &[
    (-1, "0.8.0", "0.8.0"),
    (-1, "0.8.1", "0.8.1"),
    (-1, "0.8.2", "0.8.2"),
    (-1, "0.9.0", "0.9.0"),
    (-1, "0.10.0", "0.10.0-IV0"),
    (-1, "0.10.0", "0.10.0-IV1"),
    (-1, "0.10.1", "0.10.1-IV0"),
    (-1, "0.10.1", "0.10.1-IV1"),
    (-1, "0.10.1", "0.10.1-IV2"),
    (-1, "0.10.2", "0.10.2-IV0"),
    (-1, "0.11.0", "0.11.0-IV0"),
    (-1, "0.11.0", "0.11.0-IV1"),
    (-1, "0.11.0", "0.11.0-IV2"),
    (-1, "1.0", "1.0-IV0"),
    (-1, "1.1", "1.1-IV0"),
    (-1, "2.0", "2.0-IV0"),
    (-1, "2.0", "2.0-IV1"),
    (-1, "2.1", "2.1-IV0"),
    (-1, "2.1", "2.1-IV1"),
    (-1, "2.1", "2.1-IV2"),
    (-1, "2.2", "2.2-IV0"),
    (-1, "2.2", "2.2-IV1"),
    (-1, "2.3", "2.3-IV0"),
    (-1, "2.3", "2.3-IV1"),
    (-1, "2.4", "2.4-IV0"),
    (-1, "2.4", "2.4-IV1"),
    (-1, "2.5", "2.5-IV0"),
    (-1, "2.6", "2.6-IV0"),
    (-1, "2.7", "2.7-IV0"),
    (-1, "2.7", "2.7-IV1"),
    (-1, "2.7", "2.7-IV2"),
    (-1, "2.8", "2.8-IV0"),
    (-1, "2.8", "2.8-IV1"),
    (-1, "3.0", "3.0-IV0"),
    (1, "3.0", "3.0-IV1"),
    (2, "3.1", "3.1-IV0"),
    (3, "3.2", "3.2-IV0"),
    (4, "3.3", "3.3-IV0"),
    (5, "3.3", "3.3-IV1"),
    (6, "3.3", "3.3-IV2"),
    (7, "3.3", "3.3-IV3"),
    (8, "3.4", "3.4-IV0"),
    (9, "3.5", "3.5-IV0"),
    (10, "3.5", "3.5-IV1"),
    (11, "3.5", "3.5-IV2"),
    (12, "3.6", "3.6-IV0"),
    (13, "3.6", "3.6-IV1"),
    (14, "3.6", "3.6-IV2"),
    (15, "3.7", "3.7-IV0"),
    (16, "3.7", "3.7-IV1"),
    (17, "3.7", "3.7-IV2"),
    (18, "3.7", "3.7-IV3"),
    (19, "3.7", "3.7-IV4"),
    (20, "3.8", "3.8-IV0"),
    (21, "3.9", "3.9-IV0"),
    (22, "4.0", "4.0-IV0"),
    (23, "4.0", "4.0-IV1"),
];
/// LATEST_PRODUCTION: 3.9-IV0.
const LATEST_PRODUCTION: usize = 54;
/// MINIMUM_BOOTSTRAP_VERSION: 3.3-IV0.
const MINIMUM_BOOTSTRAP: usize = 37;
const METADATA: &str = "metadata.version";

/// `MetadataVersion.fromVersionString`: a version (`3.9-IV0`), or a
/// release (`3.9`, `3.9.1`, `0.10.0.1`) meaning its newest production one.
fn metadata_version(text: &str) -> Option<i16> {
    let segments: Vec<&str> = text.split('.').collect();
    let keep = if text.starts_with("0.") { 3 } else { 2 };
    let key = if keep >= segments.len() {
        text.to_string()
    } else {
        segments[..keep].join(".")
    };
    let by_release = METADATA_VERSIONS[..=LATEST_PRODUCTION]
        .iter()
        .rev()
        .find(|(_, release, _)| *release == key);
    by_release
        .or_else(|| METADATA_VERSIONS.iter().find(|(_, _, v)| *v == key))
        .map(|(level, _, _)| *level)
}

/// `levelToString`: metadata.version's levels by name.
fn level_text(feature: &str, level: i16) -> String {
    if feature != METADATA {
        return level.to_string();
    }
    METADATA_VERSIONS
        .iter()
        .find(|(l, _, _)| *l == level)
        .map_or_else(|| format!("UNKNOWN {level}"), |(_, _, v)| v.to_string())
}

/// A failure Kafka's tool prints alone, as a terse message.
fn terse(message: impl Into<String>) -> KtError {
    let message = message.into();
    KtError::usage(message.clone()).thrown("", message)
}

/// One feature of the description, for `-o json`.
#[derive(Serialize)]
struct Described {
    feature: String,
    supported_min: String,
    supported_max: String,
    finalized: String,
    epoch: Option<i64>,
}

fn described(f: &Features) -> Vec<Described> {
    let mut supported = f.supported.clone();
    supported.sort();
    supported
        .into_iter()
        .map(|(name, min, max)| {
            let finalized = f
                .finalized
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, l)| *l);
            Described {
                supported_min: level_text(&name, min),
                supported_max: level_text(&name, max),
                finalized: level_text(&name, finalized),
                epoch: f.epoch,
                feature: name,
            }
        })
        .collect()
}

/// The updates a command line asks for: (feature, level), in order, as
/// FeatureCommand builds them (its checks, their order and texts).
fn updates(args: &FeaturesArgs, action: Action) -> Result<Vec<(String, i16)>, KtError> {
    let change = change(args, action);
    let mut updates: Vec<(String, i16)> = Vec::new();
    // `new FeatureUpdate(level, type)`'s checks.
    let checked = |level: i16| -> Result<i16, KtError> {
        if level == 0 && change == FeatureChange::Upgrade {
            return Err(terse(format!("The upgradeType flag should be set to SAFE_DOWNGRADE or UNSAFE_DOWNGRADE when the provided maxVersionLevel:{level} is < 1.")));
        }
        if level < 0 {
            return Err(terse("Cannot specify a negative version level."));
        }
        Ok(level)
    };
    if action != Action::Disable {
        if let Some(m) = &args.metadata {
            let level = metadata_version(m).ok_or_else(|| {
                let supported: Vec<&str> = METADATA_VERSIONS[MINIMUM_BOOTSTRAP..=LATEST_PRODUCTION]
                    .iter()
                    .map(|(_, _, v)| *v)
                    .collect();
                terse(format!(
                    "Unsupported metadata.version {m}. Supported metadata.version are {}",
                    supported.join(", ")
                ))
            })?;
            updates.push((METADATA.to_string(), checked(level)?));
        }
    }
    for feature in &args.feature {
        let (name, level) = if action == Action::Disable {
            (feature.clone(), 0)
        } else {
            let (name, level) = feature.split_once('=').ok_or_else(|| {
                terse(format!(
                    "Can't parse feature=level string {feature}: equals sign not found."
                ))
            })?;
            let level = level.trim();
            let parsed = level.parse::<i16>().ok().ok_or_else(|| {
                terse(format!(
                    "Can't parse feature=level string {feature}: unable to parse {level} as a short."
                ))
            })?;
            (name.trim().to_string(), parsed)
        };
        let level = checked(level)?;
        if updates.iter().any(|(n, _)| *n == name) {
            return Err(terse(format!(
                "Feature {name} was specified more than once."
            )));
        }
        updates.push((name, level));
    }
    if updates.is_empty() {
        return Err(terse(format!(
            "You must specify at least one feature to {}",
            action.word()
        )));
    }
    if updates.iter().any(|(n, _)| n.trim().is_empty()) {
        return Err(terse("Provided feature can not be empty."));
    }
    Ok(updates)
}

fn change(args: &FeaturesArgs, action: Action) -> FeatureChange {
    match action {
        Action::Upgrade => FeatureChange::Upgrade,
        _ if args.unsafe_downgrade => FeatureChange::UnsafeDowngrade,
        _ => FeatureChange::SafeDowngrade,
    }
}

pub fn run(
    args: FeaturesArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let action = args.action.unwrap_or_default();
    let kafka_name = mode == Mode::Compat;
    if let Some(file) = &args.connection.command_config {
        if kafka_name && !file.exists() {
            // Utils.loadProps' NoSuchFileException: its message is the path.
            return Err(terse(file.display().to_string()).into());
        }
    }
    let updates = match action {
        Action::Describe => Vec::new(),
        _ => updates(&args, action)?,
    };
    let crate::endpoint::Admin {
        mut broker,
        timeout_ms,
        ..
    } = crate::endpoint::admin(
        &args.connection,
        args.bootstrap_controller.as_deref(),
        mode,
        "kt-features",
        "manage feature flags",
        err,
    )?;
    if action == Action::Describe {
        return describe(broker.features(), &args.output, out);
    }
    let answers =
        broker.update_features(&updates, change(&args, action), args.dry_run, timeout_ms)?;
    let mut answers: Vec<_> = answers.into_iter().collect();
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    if args.output.output == OutputFormat::Json {
        let shown: Vec<serde_json::Value> = answers
            .iter()
            .map(|(name, r)| {
                let level = updates.iter().find(|(n, _)| n == name).map_or(0, |u| u.1);
                serde_json::json!({
                    "feature": name,
                    "level": level,
                    "dry_run": args.dry_run,
                    "error": r.as_ref().err().map(|r| crate::compat::kafka_error(r).1),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &shown)?;
        writeln!(out)?;
    }
    let op = action.word();
    let mut failures = 0;
    for (name, result) in &answers {
        if args.output.output == OutputFormat::Json {
            failures += usize::from(result.is_err());
            continue;
        }
        let level = updates.iter().find(|(n, _)| n == name).map_or(0, |u| u.1);
        match result {
            Err(r) => {
                let helper = if args.dry_run {
                    "Can not "
                } else {
                    "Could not "
                };
                let what = if action == Action::Disable {
                    format!("disable {name}")
                } else {
                    format!("{op} {name} to {level}")
                };
                let (_, message) = crate::compat::kafka_error(r);
                writeln!(out, "{helper}{what}. {message}")?;
                failures += 1;
            }
            Ok(()) => {
                let verb = if args.dry_run { " can be " } else { " was " };
                let what = if action == Action::Disable {
                    "disabled.".to_string()
                } else {
                    format!("{op}d to {level}.")
                };
                writeln!(out, "{name}{verb}{what}")?;
            }
        }
    }
    if failures > 0 {
        let m = format!("{failures} out of {} operation(s) failed.", updates.len());
        return Err(KtError::broker(m.clone()).thrown("", m).into());
    }
    Ok(())
}

fn describe(f: &Features, output: &OutputArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let rows = described(f);
    match output.output {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        OutputFormat::Table => {
            let mut table = crate::table::new([
                "FEATURE",
                "SUPPORTED MIN",
                "SUPPORTED MAX",
                "FINALIZED",
                "EPOCH",
            ]);
            for r in rows {
                let epoch = r.epoch.map_or("-".to_string(), |e| e.to_string());
                table.add_row([
                    r.feature,
                    r.supported_min,
                    r.supported_max,
                    r.finalized,
                    epoch,
                ]);
            }
            writeln!(out, "{table}")?;
        }
        OutputFormat::Text => {
            for r in rows {
                let epoch = r.epoch.map_or("-".to_string(), |e| e.to_string());
                writeln!(
                    out,
                    "Feature: {}\tSupportedMinVersion: {}\tSupportedMaxVersion: {}\tFinalizedVersionLevel: {}\tEpoch: {epoch}",
                    r.feature, r.supported_min, r.supported_max, r.finalized
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_versions_read_as_kafka_reads_them() {
        assert_eq!(METADATA_VERSIONS[LATEST_PRODUCTION].2, "3.9-IV0");
        assert_eq!(METADATA_VERSIONS[MINIMUM_BOOTSTRAP].2, "3.3-IV0");
        assert_eq!(metadata_version("3.9"), Some(21));
        assert_eq!(metadata_version("3.9.2"), Some(21));
        assert_eq!(metadata_version("3.3"), Some(7));
        assert_eq!(metadata_version("3.3-IV1"), Some(5));
        assert_eq!(metadata_version("4.0"), None);
        assert_eq!(metadata_version("4.0-IV1"), Some(23));
        assert_eq!(metadata_version("0.10.0"), Some(-1));
        assert_eq!(metadata_version("9.9"), None);
        assert_eq!(level_text(METADATA, 1), "3.0-IV1");
        assert_eq!(level_text(METADATA, 99), "UNKNOWN 99");
        assert_eq!(level_text("kraft.version", 1), "1");
    }

    fn failure(action: Action, feature: &[&str], metadata: Option<&str>) -> String {
        let args = FeaturesArgs {
            feature: feature.iter().map(|s| s.to_string()).collect(),
            metadata: metadata.map(str::to_string),
            ..Default::default()
        };
        match updates(&args, action) {
            Ok(u) => format!("{u:?}"),
            Err(e) => e.to_string(),
        }
    }

    /// Each as Kafka 3.9.2's FeatureCommand says it.
    #[test]
    fn updates_are_checked_as_kafka_checks_them() {
        assert_eq!(
            failure(Action::Upgrade, &[], None),
            "You must specify at least one feature to upgrade"
        );
        assert_eq!(
            failure(Action::Upgrade, &[], Some("0.10.0")),
            "Cannot specify a negative version level."
        );
        assert_eq!(
            failure(Action::Upgrade, &["foo"], None),
            "Can't parse feature=level string foo: equals sign not found."
        );
        assert_eq!(
            failure(Action::Upgrade, &["foo=x"], None),
            "Can't parse feature=level string foo=x: unable to parse x as a short."
        );
        assert_eq!(
            failure(Action::Upgrade, &["a=1", "a=1"], None),
            "Feature a was specified more than once."
        );
        assert_eq!(
            failure(Action::Upgrade, &["metadata.version=21"], Some("3.9")),
            "Feature metadata.version was specified more than once."
        );
        assert_eq!(failure(Action::Upgrade, &["a=0"], None), "The upgradeType flag should be set to SAFE_DOWNGRADE or UNSAFE_DOWNGRADE when the provided maxVersionLevel:0 is < 1.");
        assert_eq!(failure(Action::Downgrade, &["a=0"], None), "[(\"a\", 0)]");
        assert_eq!(
            failure(Action::Upgrade, &["=3"], None),
            "Provided feature can not be empty."
        );
        assert_eq!(
            failure(Action::Disable, &["a"], Some("3.9")),
            "[(\"a\", 0)]"
        );
        assert!(failure(Action::Upgrade, &[], Some("9.9")).starts_with(
            "Unsupported metadata.version 9.9. Supported metadata.version are 3.3-IV0, 3.3-IV1,"
        ));
    }
}
