//! argparse4j's command line, as Kafka's newer tools read it
//! (kafka-metadata-quorum, kafka-features, kafka-cluster): options before a
//! subcommand, the subcommand (or a prefix of one), and its own options;
//! long options by any unambiguous prefix, `--name=value`, short options
//! with the value attached (`-bHOST`), one required group of mutually
//! exclusive options per level, and argparse4j's error texts and order.
//!
//! A tool describes its command line as a [`Spec`] and gets back the
//! [`Parsed`] values, `-h`'s text, or the usage and message of an error.

/// What an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No value (`storeTrue`).
    Flag,
    /// One value; the last given wins (`store`).
    Value,
    /// One value that must be a Java `Integer`.
    Int,
    /// One value that must be a Java `Long`.
    Long,
    /// One value that must be a Java `Short`.
    Short,
    /// Prints the version and ends the parse (`-v`).
    Version,
    /// One value that must be a Java `Integer` among these.
    IntIn(&'static [i32]),
    /// One value each time, all kept (`append`).
    Append,
}

/// One option: its long name (with `--`), its short one, and what it takes.
#[derive(Debug, Clone, Copy)]
pub struct Opt {
    pub long: &'static str,
    pub short: Option<&'static str>,
    pub kind: Kind,
    pub required: bool,
}

pub const fn opt(long: &'static str, kind: Kind) -> Opt {
    Opt {
        long,
        short: None,
        kind,
        required: false,
    }
}

impl Level {
    pub fn usage(&self) -> &'static str {
        let help: &'static str = self.help;
        help.split("\n\n").next().unwrap_or(help).trim_end()
    }
}

impl Opt {
    pub const fn short(mut self, short: &'static str) -> Opt {
        self.short = Some(short);
        self
    }

    pub const fn required(mut self) -> Opt {
        self.required = true;
        self
    }

    /// argparse4j's name for it in messages: `--id/-i`.
    fn name(&self) -> String {
        match self.short {
            Some(s) => format!("{}/{s}", self.long),
            None => self.long.to_string(),
        }
    }
}

/// The connection options of kafka-metadata-quorum and kafka-features.
pub const BOOTSTRAP_OPTIONS: [Opt; 3] = [
    opt("--bootstrap-server", Kind::Value),
    opt("--bootstrap-controller", Kind::Value),
    opt("--command-config", Kind::Value),
];

/// Their required group: a broker or the controllers.
pub const BOOTSTRAP: &[&str] = &["--bootstrap-server", "--bootstrap-controller"];

/// The parser of one level: the top, or one subcommand.
#[derive(Debug, Clone, Copy)]
pub struct Level {
    /// Its `-h` text, whose first paragraph is the usage printed before an
    /// error.
    pub help: &'static str,
    pub options: &'static [Opt],
    /// Long names of a required group of mutually exclusive options.
    pub one_of: &'static [&'static str],
}

/// A tool's command line: options, then a subcommand and its options
/// (none for a tool without subcommands).
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub top: Level,
    pub commands: &'static [(&'static str, Level)],
}

/// The values of a command line that parsed.
#[derive(Debug, Default)]
pub struct Parsed {
    pub command: &'static str,
    values: Vec<(&'static str, String)>,
}

impl Parsed {
    pub fn flag(&self, long: &str) -> bool {
        self.values.iter().any(|(l, _)| *l == long)
    }

    /// The last value given, as `store` keeps it.
    pub fn value(&self, long: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(l, _)| *l == long)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given, in order (`append`).
    pub fn values(&self, long: &str) -> Vec<&str> {
        self.values
            .iter()
            .filter(|(l, _)| *l == long)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The connection options Kafka's argparse4j tools share:
    /// `--bootstrap-server`, and the properties file under `config`'s name
    /// (`--command-config`, or kafka-cluster's `--config`); and
    /// `--bootstrap-controller`.
    pub fn connection(&self, config: &str) -> (kt_core::ConnectionArgs, Option<String>) {
        let connection = kt_core::ConnectionArgs {
            bootstrap_server: self.value("--bootstrap-server").map(str::to_string),
            command_config: self.value(config).map(Into::into),
            ..Default::default()
        };
        let controllers = self.value("--bootstrap-controller").map(str::to_string);
        (connection, controllers)
    }

    /// A number option's value (checked when parsed).
    pub fn number<T: std::str::FromStr>(&self, long: &str) -> Option<T> {
        self.value(long).and_then(|v| v.parse().ok())
    }
}

/// What argparse4j makes of a command line.
#[derive(Debug)]
pub enum Outcome {
    Run(Parsed),
    /// `-h`: this text on stdout.
    Help(&'static str),
    /// `-v`: the version.
    Version,
    /// This usage, then `prog: error: message` (wrapped as argparse4j does).
    Error {
        usage: &'static str,
        message: String,
    },
}

/// Parses `words` as `spec` says.
pub fn parse(spec: &Spec, words: &[String]) -> Outcome {
    let mut parsed = Parsed::default();
    let top = match level(&spec.top, words, &mut parsed, Some(spec.commands)) {
        Step::Done(rest) => rest,
        Step::Stop(outcome) => return outcome,
    };
    let error = |usage: &'static str, message: String| Outcome::Error { usage, message };
    if spec.commands.is_empty() {
        if !top.is_empty() {
            let message = format!("unrecognized arguments: '{}'", top.join(" "));
            return error(spec.top.usage(), message);
        }
        return match missing(&spec.top, &parsed) {
            Some(message) => error(spec.top.usage(), message),
            None => Outcome::Run(parsed),
        };
    }
    let Some((word, rest)) = top.split_first() else {
        return error(spec.top.usage(), "too few arguments".into());
    };
    let matching: Vec<&(&str, Level)> = spec
        .commands
        .iter()
        .filter(|(name, _)| name.starts_with(word.as_str()))
        .collect();
    let (name, sub) = match matching.as_slice() {
        [one] => **one,
        _ => match spec.commands.iter().find(|(name, _)| name == word) {
            Some(exact) => *exact,
            None => {
                let names: Vec<String> = spec
                    .commands
                    .iter()
                    .map(|(n, _)| format!("'{n}'"))
                    .collect();
                let message = if matching.len() > 1 {
                    let names: Vec<String> =
                        matching.iter().map(|(n, _)| format!("'{n}'")).collect();
                    format!("ambiguous command: {word} could match {}", names.join(", "))
                } else {
                    format!(
                        "invalid choice: '{word}' (choose from {})",
                        names.join(", ")
                    )
                };
                return error(spec.top.usage(), message);
            }
        },
    };
    parsed.command = name;
    match level(&sub, rest, &mut parsed, None) {
        Step::Done(_) => {}
        Step::Stop(outcome) => return outcome,
    }
    if let Some(message) = missing(&sub, &parsed) {
        return error(sub.usage(), message);
    }
    if let Some(message) = missing(&spec.top, &parsed) {
        return error(spec.top.usage(), message);
    }
    Outcome::Run(parsed)
}

enum Step<'a> {
    /// The words left for the subcommand (from its name on).
    Done(&'a [String]),
    Stop(Outcome),
}

/// Reads one level's options from `words` into `parsed`; at the top level
/// (`commands` given) it stops at the first positional word.
fn level<'a>(
    at: &Level,
    words: &'a [String],
    parsed: &mut Parsed,
    commands: Option<&[(&str, Level)]>,
) -> Step<'a> {
    let error = |message: String| {
        Step::Stop(Outcome::Error {
            usage: at.usage(),
            message,
        })
    };
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        let is_option = word.starts_with('-') && word.len() > 1;
        if !is_option {
            if commands.is_some() {
                return Step::Done(&words[i..]);
            }
            return error(format!(
                "unrecognized arguments: '{}'",
                words[i..].join(" ")
            ));
        }
        let (opt, attached) = match find(at, word) {
            Found::Help => return Step::Stop(Outcome::Help(at.help)),
            Found::Opt(o, v) => (o, v),
            Found::Ambiguous(names) => {
                let flag = word.split('=').next().unwrap_or(word);
                return error(format!(
                    "ambiguous option: {flag} could match {}",
                    names.join(", ")
                ));
            }
            Found::Unknown => return error(format!("unrecognized arguments: '{word}'")),
        };
        // A member of the exclusive group, after another one.
        if at.one_of.contains(&opt.long) {
            if let Some(other) = at
                .one_of
                .iter()
                .filter(|l| **l != opt.long)
                .find_map(|l| at.options.iter().find(|o| o.long == *l && parsed.flag(l)))
            {
                return error(format!(
                    "argument {}: not allowed with argument {}",
                    opt.name(),
                    other.name()
                ));
            }
        }
        let value = match (opt.kind, attached) {
            (Kind::Version, _) => return Step::Stop(Outcome::Version),
            (Kind::Flag, _) => String::new(),
            (_, Some(v)) => v,
            (_, None) => {
                i += 1;
                match words.get(i) {
                    // A negative number is a value; another option is not.
                    Some(v) if !v.starts_with('-') || v.parse::<f64>().is_ok() => v.clone(),
                    _ => return error(format!("argument {}: expected one argument", opt.name())),
                }
            }
        };
        if let Some(why) = unconvertible(opt.kind, &value) {
            return error(format!("argument {}: {why}", opt.name()));
        }
        parsed.values.push((opt.long, value));
        i += 1;
    }
    Step::Done(&[])
}

/// Why `value` does not fit a number `kind`, as argparse4j says it after
/// `argument --x: ` (the Java type, and `parseInt`'s, `parseLong`'s or
/// `parseShort`'s message; or the choices).
fn unconvertible(kind: Kind, value: &str) -> Option<String> {
    let not_a = |java: &str| {
        format!("could not convert '{value}' to {java} (For input string: \"{value}\")")
    };
    match kind {
        Kind::Int | Kind::IntIn(_) if value.parse::<i32>().is_err() => Some(not_a("Integer")),
        Kind::IntIn(choices) if !value.parse().is_ok_and(|v: i32| choices.contains(&v)) => {
            let shown: Vec<String> = choices.iter().map(i32::to_string).collect();
            Some(format!("invalid choice: '{value}' (choose from {{{}}})", shown.join(",")))
        }
        Kind::Long if value.parse::<i64>().is_err() => Some(not_a("Long")),
        Kind::Short => match value.parse::<i32>() {
            Err(_) => Some(not_a("Short")),
            Ok(n) if i16::try_from(n).is_err() => Some(format!(
                "could not convert '{value}' to Short (Value out of range. Value:\"{value}\" Radix:10)"
            )),
            Ok(_) => None,
        },
        _ => None,
    }
}

enum Found {
    Help,
    Opt(&'static Opt, Option<String>),
    Ambiguous(Vec<&'static str>),
    Unknown,
}

/// The option `word` names: exactly, by a short name with its value
/// attached, or by a unique prefix of a long name.
fn find(at: &Level, word: &str) -> Found {
    let options: &'static [Opt] = at.options;
    let (flag, value) = match word.split_once('=') {
        Some((f, v)) if word.starts_with("--") => (f, Some(v.to_string())),
        _ => (word, None),
    };
    if flag == "-h" || flag == "--help" {
        return Found::Help;
    }
    if let Some(o) = options
        .iter()
        .find(|o| o.long == flag || o.short == Some(flag))
    {
        return Found::Opt(o, value);
    }
    if !word.starts_with("--") {
        // `-bVALUE`.
        return match options
            .iter()
            .find(|o| o.kind != Kind::Flag && o.short.is_some_and(|s| word.starts_with(s)))
        {
            Some(o) => Found::Opt(o, Some(word[2..].to_string())),
            None => Found::Unknown,
        };
    }
    let mut matching: Vec<&'static Opt> = options
        .iter()
        .filter(|o| o.long.starts_with(flag))
        .collect();
    let help = "--help".starts_with(flag);
    match (matching.len(), help) {
        (0, true) => Found::Help,
        (1, false) => Found::Opt(matching.remove(0), value),
        (0, false) => Found::Unknown,
        _ => {
            let mut names: Vec<&'static str> = matching.iter().map(|o| o.long).collect();
            if help {
                names.push("--help");
            }
            names.sort_unstable();
            Found::Ambiguous(names)
        }
    }
}

/// argparse4j's checks after parsing a level: required options first (the
/// last one missing is named: kafka-metadata-quorum's remove-controller
/// with neither of its two says `--controller-directory-id/-d is
/// required`), then the required group.
fn missing(at: &Level, parsed: &Parsed) -> Option<String> {
    if let Some(o) = at
        .options
        .iter()
        .rev()
        .find(|o| o.required && !parsed.flag(o.long))
    {
        return Some(format!("argument {} is required", o.name()));
    }
    if !at.one_of.is_empty() && !at.one_of.iter().any(|l| parsed.flag(l)) {
        let names: Vec<String> = at
            .one_of
            .iter()
            .filter_map(|l| at.options.iter().find(|o| o.long == *l))
            .map(Opt::name)
            .collect();
        return Some(format!(
            "one of the arguments {} is required",
            names.join(" ")
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTS: &[Opt] = &[
        opt("--bootstrap-server", Kind::Value).short("-b"),
        opt("--bootstrap-controller", Kind::Value).short("-C"),
        opt("--config", Kind::Value).short("-c"),
    ];
    const ID: &[Opt] = &[
        opt("--bootstrap-server", Kind::Value).short("-b"),
        opt("--bootstrap-controller", Kind::Value).short("-C"),
        opt("--config", Kind::Value).short("-c"),
        opt("--id", Kind::Int).short("-i").required(),
    ];
    const GROUP: &[&str] = &["--bootstrap-server", "--bootstrap-controller"];
    const SPEC: Spec = Spec {
        top: Level {
            help: "top help",
            options: &[],
            one_of: &[],
        },
        commands: &[
            (
                "cluster-id",
                Level {
                    help: "id help",
                    options: OPTS,
                    one_of: GROUP,
                },
            ),
            (
                "unregister",
                Level {
                    help: "unregister help",
                    options: ID,
                    one_of: GROUP,
                },
            ),
        ],
    };

    fn message(line: &str) -> String {
        let words: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        match parse(&SPEC, &words) {
            Outcome::Error { message, .. } => message,
            Outcome::Help(h) => h.to_string(),
            Outcome::Version => "version".into(),
            Outcome::Run(p) => format!("run {} {:?}", p.command, p.values),
        }
    }

    /// Each answer as Kafka 3.9.2's ClusterTool gives it.
    #[test]
    fn reads_a_command_line_as_argparse4j() {
        assert_eq!(message(""), "too few arguments");
        assert_eq!(message("-h cluster-id"), "top help");
        assert_eq!(message("cluster-id -h extra"), "id help");
        assert_eq!(
            message("cluster-id"),
            "one of the arguments --bootstrap-server/-b --bootstrap-controller/-C is required"
        );
        assert_eq!(message("unregister -b x"), "argument --id/-i is required");
        assert_eq!(message("unregister"), "argument --id/-i is required");
        assert_eq!(
            message("unregister -b x --id x"),
            "argument --id/-i: could not convert 'x' to Integer (For input string: \"x\")"
        );
        assert_eq!(
            message("unregister -b x -C y --id 1"),
            "argument --bootstrap-controller/-C: not allowed with argument --bootstrap-server/-b"
        );
        assert_eq!(
            message("cluster-id --foo -b x"),
            "unrecognized arguments: '--foo'"
        );
        assert_eq!(
            message("cluster-id -b x e1 --foo"),
            "unrecognized arguments: 'e1 --foo'"
        );
        assert_eq!(
            message("--foo cluster-id"),
            "unrecognized arguments: '--foo'"
        );
        assert_eq!(
            message("cluster-id -b x --foo=3"),
            "unrecognized arguments: '--foo=3'"
        );
        assert_eq!(
            message("cluster-id --b x"),
            "ambiguous option: --b could match --bootstrap-controller, --bootstrap-server"
        );
        assert_eq!(
            message("cluster-id -c"),
            "argument --config/-c: expected one argument"
        );
        assert_eq!(
            message("bogus"),
            "invalid choice: 'bogus' (choose from 'cluster-id', 'unregister')"
        );
        assert_eq!(
            message("clus -b x -b y"),
            "run cluster-id [(\"--bootstrap-server\", \"x\"), (\"--bootstrap-server\", \"y\")]"
        );
        assert_eq!(
            message("unregister -bx --id=-5"),
            "run unregister [(\"--bootstrap-server\", \"x\"), (\"--id\", \"-5\")]"
        );
        assert_eq!(
            message("unregister -b x -i3"),
            "run unregister [(\"--bootstrap-server\", \"x\"), (\"--id\", \"3\")]"
        );
    }
}
