//! OAUTHBEARER tokens for kt's protocol path, from the settings librdkafka
//! takes: Kafka's unsecured JWT (`enable.sasl.oauthbearer.unsecure.jwt`,
//! `sasl.oauthbearer.config`), or an OIDC provider's token for the client
//! credentials (`sasl.oauthbearer.method=oidc`, `…token.endpoint.url`,
//! `…client.id`, `…client.secret`, `…scope`), fetched with the libcurl
//! librdkafka links.

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
    let failed = |why: String| {
        KtError::config(format!(
            "cannot get an OAUTHBEARER token from {url} ({why}); check \
             sasl.oauthbearer.token.endpoint.url and the client id and secret"
        ))
    };
    let mut answer = Vec::new();
    let mut easy = curl::easy::Easy::new();
    let mut headers = curl::easy::List::new();
    let code = (|| -> Result<u32, curl::Error> {
        easy.url(url)?;
        easy.post(true)?;
        easy.post_fields_copy(body.as_bytes())?;
        headers.append(&format!(
            "Authorization: Basic {}",
            STANDARD.encode(format!("{id}:{secret}"))
        ))?;
        headers.append("Accept: application/json")?;
        headers.append("Content-Type: application/x-www-form-urlencoded")?;
        easy.http_headers(headers)?;
        easy.timeout(timeout)?;
        {
            let mut transfer = easy.transfer();
            transfer.write_function(|data| {
                answer.extend_from_slice(data);
                Ok(data.len())
            })?;
            transfer.perform()?;
        }
        easy.response_code()
    })()
    .map_err(|e| failed(e.description().to_string()))?;
    if code != 200 {
        return Err(failed(format!("HTTP {code}")));
    }
    let json: serde_json::Value = serde_json::from_slice(&answer)
        .map_err(|_| failed("the answer is not JSON".to_string()))?;
    json["access_token"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| failed("the answer has no access_token".to_string()))
}
