//! `kt delegation-tokens` / kafka-delegation-tokens (DelegationTokenCommand):
//! create, renew, expire and describe delegation tokens (KIP-48), on the
//! protocol path (CreateDelegationToken, RenewDelegationToken,
//! ExpireDelegationToken, DescribeDelegationToken). Brokers answer these
//! only on an authenticated connection (SASL, or TLS with a client
//! certificate) that was not itself made with a token.
//!
//! Under the Kafka name the flags, checks, lines and errors are Kafka
//! 3.9.2's (jopt-simple options whose argument is optional, Java's date
//! format, the JDK's base64 errors). Under kt's name `--describe` is the
//! default and shows every token the user may see, without HMACs; a
//! period left out is the broker's default; `-o table|json`.

use std::io::Write;

use clap::{ArgAction, Args};
use kt_core::protocol::{DelegationToken, Principal, Refused};
use kt_core::{ConnectionArgs, Diagnostics, ErrorKind, KtError, OutputArgs, OutputFormat};

use crate::dispatch::Mode;

#[derive(Args, Debug, Clone, Default)]
pub struct DelegationTokensArgs {
    /// Create a new delegation token. Use --renewer-principal option to pass renewer principals.
    #[arg(long)]
    pub create: bool,
    /// Renew delegation token. Use --renew-time-period option to set renew time period.
    #[arg(long)]
    pub renew: bool,
    /// Expire delegation token. Use --expiry-time-period option to expire the token.
    #[arg(long)]
    pub expire: bool,
    /// Describe delegation tokens (kt's default). Use --owner-principal to pass owner/renewer principals.
    #[arg(long)]
    pub describe: bool,
    /// owner is a Kafka principal. They should be in principalType:name format.
    #[arg(long, value_name = "principalType:name", num_args = 0..=1, action = ArgAction::Append)]
    pub owner_principal: Option<Vec<String>>,
    /// renewer is a Kafka principal. They should be in principalType:name format.
    #[arg(long, value_name = "principalType:name", num_args = 0..=1, action = ArgAction::Append)]
    pub renewer_principal: Option<Vec<String>>,
    /// Max life period for the token in milliseconds (-1: the broker's delegation.token.max.lifetime.ms).
    #[arg(long, value_name = "ms", num_args = 0..=1, allow_negative_numbers = true, action = ArgAction::Append)]
    pub max_life_time_period: Option<Vec<String>>,
    /// Renew time period in milliseconds (-1: the broker's delegation.token.expiry.time.ms).
    #[arg(long, value_name = "ms", num_args = 0..=1, allow_negative_numbers = true, action = ArgAction::Append)]
    pub renew_time_period: Option<Vec<String>>,
    /// Expiry time period in milliseconds (-1: invalidate the token at once).
    #[arg(long, value_name = "ms", num_args = 0..=1, allow_negative_numbers = true, action = ArgAction::Append)]
    pub expiry_time_period: Option<Vec<String>>,
    /// HMAC of the delegation token
    #[arg(long, value_name = "HMAC", num_args = 0..=1, action = ArgAction::Append)]
    pub hmac: Option<Vec<String>>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    /// Words jopt-simple ignores
    #[arg(hide = true, num_args = 0..)]
    pub stray: Vec<String>,
}

/// The four actions.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Create,
    Renew,
    Expire,
    Describe,
}

/// Java's text for an unboxed null `Long` option value (JDK 17's helpful
/// NullPointerException).
const NULL_LONG: &str = "Cannot invoke \"java.lang.Long.longValue()\" because the return value of \"joptsimple.OptionSet.valueOf(joptsimple.OptionSpec)\" is null";

/// `SimpleDateFormat("yyyy-MM-dd'T'HH:mm")`, the tool's dates.
const DATE: &str = "yyyy-MM-dd'T'HH:mm";

/// An exception the tool's `main` catches: its message, then its trace.
fn thrown(class: &'static str, message: impl Into<String>) -> KtError {
    let message = message.into();
    KtError::usage(message.clone()).thrown(class, message)
}

impl DelegationTokensArgs {
    fn has(&self, option: &str) -> bool {
        match option {
            "create" => self.create,
            "renew" => self.renew,
            "expire" => self.expire,
            "describe" => self.describe,
            "owner-principal" => self.owner_principal.is_some(),
            "renewer-principal" => self.renewer_principal.is_some(),
            "max-life-time-period" => self.max_life_time_period.is_some(),
            "renew-time-period" => self.renew_time_period.is_some(),
            "expiry-time-period" => self.expiry_time_period.is_some(),
            "hmac" => self.hmac.is_some(),
            "bootstrap-server" => self.connection.bootstrap_server.is_some(),
            "command-config" => self.connection.command_config.is_some(),
            _ => false,
        }
    }

    /// The action, and DelegationTokenCommandOptions.checkArgs in its
    /// order; under kt's name no action means `--describe`.
    fn check(&self, mode: Mode) -> Result<Action, KtError> {
        let actions = [
            (self.create, Action::Create),
            (self.renew, Action::Renew),
            (self.expire, Action::Expire),
            (self.describe, Action::Describe),
        ];
        let chosen: Vec<Action> = actions.iter().filter(|(on, _)| *on).map(|a| a.1).collect();
        let action = match chosen[..] {
            [one] => one,
            [] if mode == Mode::Native => Action::Describe,
            _ => {
                return Err(KtError::usage(
                    "Command must include exactly one action: --create, --renew, --expire or --describe",
                ))
            }
        };
        // kt's name takes the connection from a profile, and the broker's
        // defaults for what is left out.
        let required: &[&str] = match action {
            _ if mode == Mode::Native => &[],
            Action::Create => &["max-life-time-period"],
            Action::Renew => &["hmac", "renew-time-period"],
            Action::Expire => &["hmac", "expiry-time-period"],
            Action::Describe => &[],
        };
        let connection: &[&str] = match mode {
            Mode::Native => &[],
            Mode::Compat => &["bootstrap-server", "command-config"],
        };
        for option in connection.iter().chain(required) {
            if !self.has(option) {
                return Err(KtError::usage(format!(
                    "Missing required argument \"[{option}]\""
                )));
            }
        }
        let has = |o: &str| self.has(o);
        use crate::compat::check_invalid_args as invalid;
        invalid(
            "create",
            &["hmac", "renew-time-period", "expiry-time-period"],
            has,
        )?;
        invalid(
            "renew",
            &[
                "renewer-principal",
                "max-life-time-period",
                "expiry-time-period",
                "owner-principal",
            ],
            has,
        )?;
        invalid(
            "expire",
            &[
                "renew",
                "max-life-time-period",
                "renew-time-period",
                "owner-principal",
            ],
            has,
        )?;
        invalid(
            "describe",
            &[
                "renew-time-period",
                "max-life-time-period",
                "hmac",
                "renew-time-period",
                "expiry-time-period",
            ],
            has,
        )?;
        Ok(action)
    }
}

/// jopt's `valueOf` of an option whose argument is optional: its one
/// value, or `None` (Java's null) when it came without one.
fn value_of<'a>(values: &'a Option<Vec<String>>, option: &str) -> Result<Option<&'a str>, KtError> {
    match values.as_deref().unwrap_or_default() {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        _ => Err(thrown(
            "joptsimple.MultipleArgumentsForOptionException",
            format!("Found multiple arguments for option {option}, but you asked for only one"),
        )),
    }
}

/// A `Long` option's value: jopt takes the word after the option only when
/// it converts (else the word is a stray argument, and the value null).
fn long_of(values: &Option<Vec<String>>, option: &str) -> Result<Option<i64>, KtError> {
    let longs: Vec<String> = values
        .iter()
        .flatten()
        .filter(|v| v.parse::<i64>().is_ok())
        .cloned()
        .collect();
    let longs = values.as_ref().map(|_| longs);
    Ok(value_of(&longs, option)?.and_then(|v| v.parse().ok()))
}

/// The period a Kafka name requires (null is Java's unboxing failure);
/// under kt's name a period left out is -1, the broker's default.
fn period(values: &Option<Vec<String>>, option: &str, mode: Mode) -> Result<i64, KtError> {
    match long_of(values, option)? {
        Some(ms) => Ok(ms),
        None if mode == Mode::Native => match values.as_deref() {
            Some([word, ..]) => Err(KtError::usage(format!(
                "--{option} {word}: give a whole number of milliseconds (-1 for the broker's default)"
            ))),
            _ => Ok(-1),
        },
        None => Err(thrown("java.lang.NullPointerException", NULL_LONG)),
    }
}

fn principals(values: &Option<Vec<String>>) -> Result<Vec<Principal>, KtError> {
    values
        .iter()
        .flatten()
        .map(|v| crate::compat::kafka_principal(v))
        .collect()
}

/// `[User:a, User:b]`: Java's `List.toString()`.
fn java_list(principals: &[Principal]) -> String {
    let shown: Vec<String> = principals.iter().map(Principal::to_string).collect();
    format!("[{}]", shown.join(", "))
}

/// The token's HMAC, read as Java's basic base64 decoder reads it.
fn hmac_bytes(hmac: Option<&str>, mode: Mode) -> Result<Vec<u8>, KtError> {
    match hmac {
        None if mode == Mode::Native => Err(KtError::usage(
            "--hmac needs the token's HMAC (base64, as --create printed it)",
        )),
        None => Err(thrown(
            "java.lang.NullPointerException",
            "Cannot invoke \"String.getBytes(java.nio.charset.Charset)\" because \"src\" is null",
        )),
        Some(text) => crate::compat::java_base64(text).map_err(|e| match mode {
            Mode::Native => KtError::usage(format!(
                "--hmac is not base64 ({e}): give the HMAC as --create printed it"
            )),
            Mode::Compat => thrown("java.lang.IllegalArgumentException", e),
        }),
    }
}

/// A broker's refusal: under the Kafka name Java's ExecutionException,
/// under kt's the refusal with what to do about it.
fn refused(r: &Refused, mode: Mode) -> KtError {
    let exception = crate::compat::kafka_exception(r);
    if mode == Mode::Compat {
        return KtError::new(ErrorKind::Broker, exception.clone())
            .thrown("java.util.concurrent.ExecutionException", exception);
    }
    let (_, message) = crate::compat::kafka_error(r);
    let hint = match r.code {
        61 => ": set delegation.token.secret.key on the brokers (and controllers) to enable tokens",
        64 => ": connect with SASL or a client certificate (a properties file with security.protocol=SASL_SSL or SASL_PLAINTEXT, or mTLS), not with a token",
        62 => ": check the HMAC; `kt delegation-tokens --owner-principal User:NAME` lists tokens",
        63 | 65 => ": the token's owner or one of its renewers can do this, or a principal with the ACLs for it",
        66 => ": create a new token with --create",
        67 => ": principals are written User:NAME",
        _ => "",
    };
    let kind = match r.code {
        62 => ErrorKind::NotFound,
        64 => ErrorKind::Config,
        _ => ErrorKind::Broker,
    };
    let message = if hint.is_empty() {
        message.as_str()
    } else {
        message.trim_end_matches('.')
    };
    KtError::new(kind, format!("{message}{hint}"))
}

/// Java's `printToken`: a blank line before the header and before each
/// token, columns padded (never cut) to their widths.
fn print_tokens(out: &mut dyn Write, tokens: &[DelegationToken]) -> std::io::Result<()> {
    let row = |cells: [&str; 8]| {
        format!(
            "\n{:<15} {:<30} {:<15} {:<15} {:<25} {:<15} {:<15} {:<15}\n",
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
        )
    };
    write!(
        out,
        "{}",
        row([
            "TOKENID",
            "HMAC",
            "OWNER",
            "REQUESTER",
            "RENEWERS",
            "ISSUEDATE",
            "EXPIRYDATE",
            "MAXDATE"
        ])
    )?;
    for t in tokens {
        let (hmac, owner, requester) = (
            base64(&t.hmac),
            t.owner.to_string(),
            t.requester.to_string(),
        );
        let renewers = java_list(&t.renewers);
        let dates = [t.issued_ms, t.expiry_ms, t.max_ms].map(date);
        write!(
            out,
            "{}",
            row([
                &t.token_id,
                &hmac,
                &owner,
                &requester,
                &renewers,
                &dates[0],
                &dates[1],
                &dates[2]
            ])
        )?;
    }
    Ok(())
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn date(ms: i64) -> String {
    crate::perf::format::java_date(ms, DATE)
}

/// kt's table or JSON of tokens; the HMAC (the token's password) only for
/// a token just created.
fn show_tokens(
    out: &mut dyn Write,
    tokens: &[DelegationToken],
    format: OutputFormat,
    with_hmac: bool,
) -> anyhow::Result<()> {
    let time = |ms: i64| crate::perf::format::java_date(ms, "yyyy-MM-dd HH:mm:ss");
    if format == OutputFormat::Json {
        let shown: Vec<serde_json::Value> = tokens
            .iter()
            .map(|t| {
                let mut v = serde_json::json!({
                    "token_id": t.token_id,
                    "owner": t.owner.to_string(),
                    "requester": t.requester.to_string(),
                    "renewers": t.renewers.iter().map(Principal::to_string).collect::<Vec<_>>(),
                    "issued_ms": t.issued_ms,
                    "expiry_ms": t.expiry_ms,
                    "max_ms": t.max_ms,
                });
                if with_hmac {
                    v["hmac"] = base64(&t.hmac).into();
                }
                v
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
        return Ok(());
    }
    let mut header = vec!["TOKEN ID"];
    if with_hmac {
        header.push("HMAC");
    }
    header.extend([
        "OWNER",
        "REQUESTER",
        "RENEWERS",
        "ISSUED",
        "EXPIRES",
        "MAX LIFE",
    ]);
    let mut table = crate::table::new(header);
    for t in tokens {
        let mut row = vec![t.token_id.clone()];
        if with_hmac {
            row.push(base64(&t.hmac));
        }
        let renewers: Vec<String> = t.renewers.iter().map(Principal::to_string).collect();
        row.extend([
            t.owner.to_string(),
            t.requester.to_string(),
            renewers.join(","),
            time(t.issued_ms),
            time(t.expiry_ms),
            time(t.max_ms),
        ]);
        table.add_row(row);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

pub fn run(
    args: DelegationTokensArgs,
    mode: Mode,
    out: &mut dyn Write,
    err: &Diagnostics,
) -> anyhow::Result<()> {
    let action = args.check(mode)?;
    let kafka_name = mode == Mode::Compat;
    if kafka_name {
        crate::compat::properties_file_exists(&args.connection)?;
    }
    let mut admin = crate::endpoint::admin(
        &args.connection,
        None,
        mode,
        "kt-delegation-tokens",
        "keep delegation tokens",
        err,
    )?;
    let broker = &mut admin.broker;
    let format = args.output.output;
    match action {
        Action::Create => {
            let renewers = principals(&args.renewer_principal)?;
            let max_life = period(&args.max_life_time_period, "max-life-time-period", mode)?;
            if kafka_name {
                writeln!(
                    out,
                    "Calling create token operation with renewers :{} , max-life-time-period :{max_life}",
                    java_list(&renewers)
                )?;
            }
            let owners = principals(&args.owner_principal)?;
            let token = broker
                .create_delegation_token(owners.first(), &renewers, max_life)?
                .map_err(|r| refused(&r, mode))?;
            if kafka_name {
                writeln!(
                    out,
                    "Created delegation token with tokenId : {}",
                    token.token_id
                )?;
                print_tokens(out, std::slice::from_ref(&token))?;
            } else {
                show_tokens(out, std::slice::from_ref(&token), format, true)?;
            }
        }
        Action::Renew | Action::Expire => {
            let renew = action == Action::Renew;
            let hmac = value_of(&args.hmac, "hmac")?;
            let (values, option, word) = if renew {
                (&args.renew_time_period, "renew-time-period", "renew")
            } else {
                (&args.expiry_time_period, "expiry-time-period", "expire")
            };
            let ms = period(values, option, mode)?;
            if kafka_name {
                writeln!(
                    out,
                    "Calling {word} token operation with hmac :{} , {word}-time-period :{ms}",
                    hmac.unwrap_or("null")
                )?;
            }
            let bytes = hmac_bytes(hmac, mode)?;
            let answer = if renew {
                broker.renew_delegation_token(&bytes, ms)?
            } else {
                broker.expire_delegation_token(&bytes, ms)?
            };
            let expiry = answer.map_err(|r| refused(&r, mode))?;
            match (kafka_name, format) {
                // printf without a newline.
                (true, _) => write!(
                    out,
                    "Completed {word} operation. New expiry date : {}",
                    date(expiry)
                )?,
                (false, OutputFormat::Json) => {
                    writeln!(out, "{}", serde_json::json!({ "expiry_ms": expiry }))?
                }
                (false, _) => writeln!(
                    out,
                    "The token now expires at {}.",
                    crate::perf::format::java_date(expiry, "yyyy-MM-dd HH:mm:ss")
                )?,
            }
        }
        Action::Describe => {
            let owners = principals(&args.owner_principal)?;
            if kafka_name {
                if owners.is_empty() {
                    writeln!(out, "Calling describe token operation for current user.")?;
                } else {
                    writeln!(
                        out,
                        "Calling describe token operation for owners: {}",
                        java_list(&owners)
                    )?;
                }
            }
            // Kafka's tool asks with an empty list, which matches no token;
            // kt's name asks for every token the user may see.
            let asked = if kafka_name || !owners.is_empty() {
                Some(owners.as_slice())
            } else {
                None
            };
            let tokens = broker
                .describe_delegation_tokens(asked)?
                .map_err(|r| refused(&r, mode))?;
            if kafka_name {
                write!(out, "Total number of tokens : {}", tokens.len())?;
                print_tokens(out, &tokens)?;
            } else {
                show_tokens(out, &tokens, format, false)?;
            }
        }
    }
    Ok(())
}
