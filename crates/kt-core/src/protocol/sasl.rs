//! SASL on kt's protocol path, as Kafka frames it: SaslHandshake names the
//! mechanism, then SaslAuthenticate carries each step. PLAIN,
//! SCRAM-SHA-256/512 and OAUTHBEARER through rsasl, GSSAPI through the Cyrus
//! SASL librdkafka uses, with the settings librdkafka takes.

use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::messages::{SaslAuthenticateRequest, SaslHandshakeRequest};
use kafka_protocol::protocol::StrBytes;
use rsasl::callback::{Context, Request, SessionCallback, SessionData};
use rsasl::prelude::{Mechname, SASLClient, SASLConfig, SessionError, State};
use rsasl::property::OAuthBearerToken;

use super::Broker;
use crate::config::Translated;
use crate::error::KtError;

/// The mechanism the settings name (librdkafka's `sasl.mechanisms` or
/// Java's `sasl.mechanism`, whichever came last); GSSAPI, as both
/// clients default to, when neither does.
pub fn mechanism(config: &Translated) -> String {
    config
        .entries
        .iter()
        .rev()
        .find(|(k, _)| k == "sasl.mechanisms" || k == "sasl.mechanism")
        .map_or_else(
            || "GSSAPI".to_string(),
            |(_, v)| v.trim().to_ascii_uppercase(),
        )
}

/// Whether `security.protocol` is SASL_PLAINTEXT or SASL_SSL.
pub fn uses_sasl(config: &Translated) -> bool {
    config
        .get("security.protocol")
        .is_some_and(|p| p.to_ascii_lowercase().starts_with("sasl"))
}

/// A listener that takes no SASL at all.
pub fn no_sasl(peer: &str) -> KtError {
    KtError::config(format!(
        "SASL with {peer}: the listener takes no SASL (a PLAINTEXT or SSL listener); set \
         security.protocol to PLAINTEXT or SSL, or use the broker's SASL port"
    ))
}

/// The mechanisms a broker offers (`PLAIN, SCRAM-SHA-512` or a list), in
/// one order: a broker lists them in its set's order, which varies.
pub(crate) fn offered_list<'a>(offered: impl IntoIterator<Item = &'a str>) -> String {
    let mut all: Vec<&str> = offered
        .into_iter()
        .flat_map(|o| o.split(','))
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .collect();
    all.sort_unstable();
    all.join(", ")
}

/// A listener that does not offer the mechanism asked for.
pub fn not_offered(peer: &str, mechanism: &str, offered: &str) -> KtError {
    let offered = offered_list([offered]);
    KtError::config(format!(
        "SASL with {peer}: the listener does not offer {mechanism} (it offers {offered}); \
         check sasl.mechanism"
    ))
}

/// A login the broker turned down, with what to check for the mechanism.
pub fn refused(peer: &str, mechanism: &str, why: &str) -> KtError {
    let check = match mechanism {
        "GSSAPI" => {
            "the principal and keyTab in sasl.jaas.config (sasl.kerberos.principal, \
                     sasl.kerberos.keytab) and sasl.kerberos.service.name, or with \
                     useTicketCache=true the ticket kinit left (klist shows it)"
        }
        "OAUTHBEARER" => {
            "sasl.oauthbearer.token.endpoint.url and the clientId, clientSecret \
                          and scope in sasl.jaas.config"
        }
        _ => {
            "sasl.mechanism and the username and password (sasl.jaas.config or \
              sasl.username/sasl.password)"
        }
    };
    KtError::config(format!(
        "SASL authentication to {peer} failed ({why}); check {check}"
    ))
}

/// Authenticates `broker` when `security.protocol` is SASL_*; returns
/// what happened (`SCRAM-SHA-512, of SCRAM-SHA-512, PLAIN`), or `None`.
pub fn authenticate(
    broker: &mut Broker,
    config: &Translated,
    host: &str,
    timeout: std::time::Duration,
) -> Result<Option<String>, KtError> {
    if !uses_sasl(config) {
        return Ok(None);
    }
    let mechanism = mechanism(config);
    let peer = broker.peer().to_string();
    let refused = |why: String| refused(&peer, &mechanism, &why);
    let handshake = broker.send(
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_string(mechanism.clone())),
    )?;
    let offered = offered_list(handshake.mechanisms.iter().map(|m| m.as_str()));
    match handshake.error_code {
        0 => {}
        // ILLEGAL_SASL_STATE: a listener without SASL.
        34 => return Err(no_sasl(&peer)),
        _ => return Err(not_offered(&peer, &mechanism, &offered)),
    }
    let done = Some(format!("{mechanism} (the listener offers {offered})"));
    let session_config = match mechanism.as_str() {
        "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512" => credentials(config)?,
        "OAUTHBEARER" => bearer(super::oauth::token(config, timeout)?)?,
        "GSSAPI" => return kerberos(broker, config, host, &refused).map(|()| done),
        other => {
            return Err(KtError::config(format!(
                "SASL mechanism {other} is not one kt speaks; use PLAIN, SCRAM-SHA-256, \
                 SCRAM-SHA-512, GSSAPI or OAUTHBEARER"
            )))
        }
    };
    let name = Mechname::parse(mechanism.as_bytes())
        .map_err(|_| KtError::config(format!("'{mechanism}' is not a SASL mechanism name")))?;
    let mut session = SASLClient::new(session_config)
        .start_suggested(&[name])
        .map_err(|e| KtError::config(format!("cannot start SASL {mechanism}: {e}")))?;
    let mut input: Option<Vec<u8>> = None;
    loop {
        let mut out = Vec::new();
        let state = session
            .step(input.as_deref(), &mut out)
            .map_err(|e| refused(e.to_string()))?;
        if let State::Finished(rsasl::prelude::MessageSent::No) = state {
            break;
        }
        let answer =
            broker.send(&SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(out)))?;
        if answer.error_code != 0 {
            let why = answer
                .error_message
                .as_ref()
                .map_or_else(|| format!("error {}", answer.error_code), |m| m.to_string());
            return Err(refused(why));
        }
        if !state.is_running() {
            break;
        }
        input = Some(answer.auth_bytes.to_vec());
    }
    Ok(done)
}

fn credentials(config: &Translated) -> Result<Arc<SASLConfig>, KtError> {
    let user = config.get("sasl.username").unwrap_or_default().to_string();
    let password = config.get("sasl.password").unwrap_or_default().to_string();
    SASLConfig::with_credentials(None, user, password)
        .map_err(|e| KtError::config(format!("cannot use the SASL credentials: {e}")))
}

/// A config whose only answer is the OAUTHBEARER token.
fn bearer(token: String) -> Result<Arc<SASLConfig>, KtError> {
    struct Token(String);
    impl SessionCallback for Token {
        fn callback(
            &self,
            _session: &SessionData,
            _context: &Context,
            request: &mut Request<'_>,
        ) -> Result<(), SessionError> {
            request.satisfy::<OAuthBearerToken>(self.0.as_str())?;
            Ok(())
        }
    }
    SASLConfig::builder()
        .with_default_mechanisms()
        .with_callback(Token(token))
        .map_err(|e| KtError::config(format!("cannot use the OAUTHBEARER token: {e}")))
}

/// GSSAPI: a ticket from the keytab (librdkafka's kinit command, as it
/// runs it), then Cyrus SASL's tokens in SaslAuthenticate frames.
fn kerberos(
    broker: &mut Broker,
    config: &Translated,
    host: &str,
    refused: &dyn Fn(String) -> KtError,
) -> Result<(), KtError> {
    kinit(config)?;
    let service = config.get("sasl.kerberos.service.name").unwrap_or("kafka");
    let (mut gss, mut step) = crate::ffi::gssapi::Gssapi::start(service, host).map_err(refused)?;
    loop {
        let answer = broker
            .send(&SaslAuthenticateRequest::default().with_auth_bytes(Bytes::from(step.token)))?;
        if answer.error_code != 0 {
            let why = answer
                .error_message
                .as_ref()
                .map_or_else(|| format!("error {}", answer.error_code), |m| m.to_string());
            return Err(refused(why));
        }
        if step.done {
            return Ok(());
        }
        step = gss.step(&answer.auth_bytes).map_err(refused)?;
    }
}

/// librdkafka's default `sasl.kerberos.kinit.cmd`.
pub const KINIT: &str = "kinit -R -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal} || \
                     kinit -t \"%{sasl.kerberos.keytab}\" -k %{sasl.kerberos.principal}";

/// Runs the kinit command as librdkafka does before GSSAPI (none when
/// `sasl.kerberos.min.time.before.relogin` is 0, as for a ticket cache).
fn kinit(config: &Translated) -> Result<(), KtError> {
    if config
        .get("sasl.kerberos.min.time.before.relogin")
        .map(str::trim)
        == Some("0")
    {
        return Ok(());
    }
    let command = config.get("sasl.kerberos.kinit.cmd").unwrap_or(KINIT);
    let command = [
        "sasl.kerberos.keytab",
        "sasl.kerberos.principal",
        "sasl.kerberos.service.name",
    ]
    .iter()
    .fold(command.to_string(), |c, key| {
        let default = match *key {
            "sasl.kerberos.principal" => "kafkaclient",
            "sasl.kerberos.service.name" => "kafka",
            _ => "",
        };
        c.replace(&format!("%{{{key}}}"), config.get(key).unwrap_or(default))
    });
    let out = std::process::Command::new("/bin/sh")
        .args(["-c", &command])
        .output()
        .map_err(|e| KtError::config(format!("cannot run the kinit command: {e}")))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(KtError::config(format!(
            "kinit failed ({}); check the keyTab and principal in sasl.jaas.config \
             (sasl.kerberos.keytab, sasl.kerberos.principal)",
            why.lines().last().unwrap_or("no output").trim()
        )));
    }
    Ok(())
}
