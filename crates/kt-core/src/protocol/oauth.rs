//! OAUTHBEARER tokens for kt's protocol path, from the settings librdkafka
//! takes: Kafka's unsecured JWT (`enable.sasl.oauthbearer.unsecure.jwt`,
//! `sasl.oauthbearer.config`), or an OIDC provider's token for the client
//! credentials (`sasl.oauthbearer.method=oidc`, `…token.endpoint.url`,
//! `…client.id`, `…client.secret`, `…scope`), fetched over HTTPS with the
//! system's OpenSSL.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;

use crate::config::Translated;
use crate::error::KtError;

/// The token the settings give.
pub fn token(config: &Translated, timeout: std::time::Duration) -> Result<String, KtError> {
    let oidc = config
        .get("sasl.oauthbearer.method")
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("oidc"));
    if oidc {
        return fetch(config, timeout);
    }
    let unsecured = config
        .get("enable.sasl.oauthbearer.unsecure.jwt")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if unsecured {
        return Ok(unsecured_jwt(
            config.get("sasl.oauthbearer.config").unwrap_or(""),
        ));
    }
    Err(KtError::config(
        "OAUTHBEARER needs a token: set sasl.oauthbearer.token.endpoint.url and the client \
         credentials (OIDC), or Kafka's unsecured JWT for a test cluster",
    ))
}

/// Kafka's unsecured JWT (what its `OAuthBearerUnsecuredLoginCallbackHandler`
/// and librdkafka make): `alg` none, the principal as `sub`, an hour long.
fn unsecured_jwt(settings: &str) -> String {
    let value = |key: &str| {
        settings
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
    };
    let principal = value("principal").unwrap_or("");
    let life: u64 = value("lifeSeconds")
        .and_then(|v| v.parse().ok())
        .unwrap_or(3600);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut claims = serde_json::json!({"sub": principal, "iat": now, "exp": now + life});
    if let Some(scope) = value("scope") {
        claims["scope"] = serde_json::json!(scope.split(',').collect::<Vec<_>>());
    }
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

/// The token endpoint at `url` gave no token, for `why` ("HTTP 401").
pub fn token_refused(url: &str, why: &str) -> KtError {
    KtError::config(format!(
        "cannot get an OAUTHBEARER token from {url} ({why}); check \
         sasl.oauthbearer.token.endpoint.url and the clientId and clientSecret in \
         sasl.jaas.config"
    ))
}

/// librdkafka's word for a token endpoint that gave no token: `Failed to
/// retrieve OIDC token from "URL": BODY (401)`, or the line after it,
/// `Failed to acquire SASL OAUTHBEARER token: BODY`, as [`token_refused`]
/// says it.
pub fn librdkafka_token_refusal(why: &str) -> Option<KtError> {
    if let Some(body) = why
        .split("Failed to acquire SASL OAUTHBEARER token: ")
        .nth(1)
    {
        return Some(token_refused("the token endpoint", body.trim()));
    }
    let rest = why.split("Failed to retrieve OIDC token from \"").nth(1)?;
    let (url, rest) = rest.split_once('"')?;
    let code = rest
        .rsplit_once('(')
        .and_then(|(_, c)| c.split(')').next())
        .filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit()));
    let reason = match code {
        Some(code) => format!("HTTP {code}"),
        None => rest.trim_start_matches(':').trim().to_string(),
    };
    Some(token_refused(url, &reason))
}

/// The client-credentials grant at the token endpoint.
fn fetch(config: &Translated, timeout: std::time::Duration) -> Result<String, KtError> {
    let url = config
        .get("sasl.oauthbearer.token.endpoint.url")
        .ok_or_else(|| KtError::config("OIDC needs sasl.oauthbearer.token.endpoint.url"))?;
    let id = config.get("sasl.oauthbearer.client.id").unwrap_or("");
    let secret = config.get("sasl.oauthbearer.client.secret").unwrap_or("");
    let mut body = "grant_type=client_credentials".to_string();
    if let Some(scope) = config.get("sasl.oauthbearer.scope") {
        body.push_str("&scope=");
        body.push_str(&scope.replace(' ', "+"));
    }
    let failed = |why: String| token_refused(url, &why);
    let tls = native_tls::TlsConnector::new().map_err(|e| failed(e.to_string()))?;
    let agent = ureq::AgentBuilder::new()
        .tls_connector(std::sync::Arc::new(tls))
        .timeout(timeout)
        .build();
    let answer = agent
        .post(url)
        .set(
            "Authorization",
            &format!("Basic {}", STANDARD.encode(format!("{id}:{secret}"))),
        )
        .set("Accept", "application/json")
        .set("Content-Type", "application/x-www-form-urlencoded")
        .send_string(&body)
        .map_err(|e| match e {
            ureq::Error::Status(code, _) => failed(format!("HTTP {code}")),
            ureq::Error::Transport(t) => failed(t.kind().to_string()),
        })?
        .into_string()
        .map_err(|e| failed(e.to_string()))?;
    let json: serde_json::Value =
        serde_json::from_str(&answer).map_err(|_| failed("the answer is not JSON".to_string()))?;
    json["access_token"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| failed("the answer has no access_token".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn librdkafka_refusal_says_the_endpoint_and_the_status() {
        let why = r#"Failed to retrieve OIDC token from "http://127.0.0.1:36079/token": {"error":"invalid_client"} (401)"#;
        let e = librdkafka_token_refusal(why).unwrap();
        assert!(
            e.message
                .starts_with("cannot get an OAUTHBEARER token from http://127.0.0.1:36079/token (HTTP 401); check"),
            "{}",
            e.message
        );
        assert!(librdkafka_token_refusal("Connection refused").is_none());
    }
}
