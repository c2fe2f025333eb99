//! A small OAuth 2 authorization server of the test run's own, as an OIDC
//! provider looks to Kafka: `POST /token` grants the client-credentials
//! flow (HTTP Basic or form credentials) a JWT signed RS256, and `GET
//! /jwks` publishes the key the broker validates it with.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::OnceLock;

use anyhow::{Context, Result};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use openssl::hash::MessageDigest;
use openssl::pkey::{PKey, Private};
use openssl::rsa::Rsa;
use openssl::sign::Signer;

/// The running server and the client it knows.
pub struct TokenServer {
    pub port: u16,
    pub client_id: &'static str,
    pub client_secret: &'static str,
}

impl TokenServer {
    pub fn token_url(&self) -> String {
        format!("http://127.0.0.1:{}/token", self.port)
    }

    pub fn jwks_url(&self) -> String {
        format!("http://127.0.0.1:{}/jwks", self.port)
    }
}

const KEY_ID: &str = "kt-test-key";

/// The test run's token server, started once.
pub fn oauth() -> &'static TokenServer {
    static SERVER: OnceLock<TokenServer> = OnceLock::new();
    SERVER.get_or_init(|| start().expect("starting the OAuth token server"))
}

fn start() -> Result<TokenServer> {
    let key = PKey::from_rsa(Rsa::generate(2048)?)?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let server = TokenServer {
        port,
        client_id: "kt-client",
        client_secret: "kt-client-secret",
    };
    let (id, secret) = (server.client_id, server.client_secret);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let key = key.clone();
            std::thread::spawn(move || {
                let _ = serve(stream, &key, id, secret);
            });
        }
    });
    Ok(server)
}

fn serve(stream: TcpStream, key: &PKey<Private>, id: &str, secret: &str) -> Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut length = 0usize;
    let mut authorization = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = Some(value.trim().to_string()),
                _ => {}
            }
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body)?;
    let body = String::from_utf8_lossy(&body).into_owned();
    let (status, json) = if request_line.starts_with("GET /jwks") {
        ("200 OK", jwks(key)?)
    } else if request_line.starts_with("POST /token") {
        let form = |name: &str| {
            body.split('&').find_map(|kv| {
                kv.split_once('=')
                    .filter(|(k, _)| *k == name)
                    .map(|(_, v)| v.replace('+', " "))
            })
        };
        let basic = authorization
            .as_deref()
            .and_then(|a| a.strip_prefix("Basic "))
            .and_then(|b| STANDARD.decode(b.trim()).ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        let credentials =
            basic.or_else(|| Some(format!("{}:{}", form("client_id")?, form("client_secret")?)));
        if form("grant_type").as_deref() != Some("client_credentials")
            || credentials.as_deref() != Some(&format!("{id}:{secret}"))
        {
            (
                "401 Unauthorized",
                serde_json::json!({"error": "invalid_client"}).to_string(),
            )
        } else {
            let scope = form("scope").unwrap_or_default();
            let token = jwt(key, id, &scope)?;
            (
                "200 OK",
                serde_json::json!({"access_token": token, "token_type": "bearer", "expires_in": 3600})
                    .to_string(),
            )
        }
    } else {
        ("404 Not Found", "{}".to_string())
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
        json.len()
    )?;
    stream.flush().context("answering")
}

fn jwks(key: &PKey<Private>) -> Result<String> {
    let rsa = key.rsa()?;
    Ok(serde_json::json!({"keys": [{
        "kty": "RSA",
        "kid": KEY_ID,
        "alg": "RS256",
        "use": "sig",
        "n": URL_SAFE_NO_PAD.encode(rsa.n().to_vec()),
        "e": URL_SAFE_NO_PAD.encode(rsa.e().to_vec()),
    }]})
    .to_string())
}

/// The `aud` claim of every token, which the OIDC listener expects.
pub const AUDIENCE: &str = "kt-test-cluster";
/// The `iss` claim of every token, which the OIDC listener expects (Kafka
/// 4.4 will not start without an expected issuer).
pub const ISSUER: &str = "kt-test";

fn jwt(key: &PKey<Private>, subject: &str, scope: &str) -> Result<String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": KEY_ID});
    let claims = serde_json::json!({
        "sub": subject,
        "iat": now,
        "exp": now + 3600,
        "scope": scope,
        "iss": ISSUER,
        // The cluster the token is for: Kafka 4.4's broker insists on
        // checking it (sasl.oauthbearer.expected.audience).
        "aud": AUDIENCE,
    });
    let signed = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut signer = Signer::new(MessageDigest::sha256(), key)?;
    signer.update(signed.as_bytes())?;
    let signature = signer.sign_to_vec()?;
    Ok(format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature)))
}
