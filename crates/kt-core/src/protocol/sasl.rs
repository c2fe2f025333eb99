//! SASL on kt's protocol path, as Kafka frames it: SaslHandshake names the
//! mechanism, then SaslAuthenticate carries each step. PLAIN and
//! SCRAM-SHA-256/512 through rsasl, with the same settings librdkafka
//! takes (`sasl.mechanism(s)`, `sasl.username`, `sasl.password`).

use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::messages::{SaslAuthenticateRequest, SaslHandshakeRequest};
use kafka_protocol::protocol::StrBytes;
use rsasl::prelude::{Mechname, SASLClient, SASLConfig, State};

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

/// Authenticates `broker` when `security.protocol` is SASL_*.
pub fn authenticate(broker: &mut Broker, config: &Translated, _host: &str) -> Result<(), KtError> {
    let sasl = config
        .get("security.protocol")
        .is_some_and(|p| p.to_ascii_lowercase().starts_with("sasl"));
    if !sasl {
        return Ok(());
    }
    let mechanism = mechanism(config);
    let peer = broker.peer().to_string();
    let refused = |why: String| {
        KtError::config(format!(
            "SASL authentication to {peer} failed ({why}); check sasl.mechanism and the \
             username and password (sasl.jaas.config or sasl.username/sasl.password)"
        ))
    };
    let handshake = broker.send(
        &SaslHandshakeRequest::default().with_mechanism(StrBytes::from_string(mechanism.clone())),
    )?;
    if handshake.error_code != 0 {
        let offered: Vec<&str> = handshake.mechanisms.iter().map(|m| m.as_str()).collect();
        return Err(refused(format!(
            "the listener does not take {mechanism}; it takes {}",
            offered.join(", ")
        )));
    }
    let session_config = match mechanism.as_str() {
        "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512" => credentials(config)?,
        other => {
            return Err(KtError::config(format!(
                "kt's own requests (configs, ACLs, log dirs, API versions) do not yet speak \
                 SASL mechanism {other}; use a listener with PLAIN or SCRAM"
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
    Ok(())
}

fn credentials(config: &Translated) -> Result<Arc<SASLConfig>, KtError> {
    let user = config.get("sasl.username").unwrap_or_default().to_string();
    let password = config.get("sasl.password").unwrap_or_default().to_string();
    SASLConfig::with_credentials(None, user, password)
        .map_err(|e| KtError::config(format!("cannot use the SASL credentials: {e}")))
}
