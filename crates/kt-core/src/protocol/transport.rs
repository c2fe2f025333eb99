//! The byte stream under kt's protocol path: TCP, or TLS through the same
//! OpenSSL librdkafka links, configured from the same settings librdkafka
//! is given (trust, client certificate, host-name check), so a setting
//! means one thing on both paths.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use openssl::pkey::PKey;
use openssl::ssl::{SslConnector, SslMethod, SslStream, SslVerifyMode};
use openssl::x509::X509;

use crate::config::Translated;
use crate::error::KtError;

/// A connected stream to one broker.
pub enum Stream {
    Plain(TcpStream),
    Tls(Box<SslStream<TcpStream>>),
}

impl Stream {
    /// Connects to `host:port` within `deadline`, in TLS when
    /// `security.protocol` says so.
    pub fn connect(
        host: &str,
        port: u16,
        config: &Translated,
        deadline: Instant,
    ) -> Result<Stream, KtError> {
        let peer = format!("{host}:{port}");
        let unreachable =
            |why: String| KtError::unreachable(format!("cannot connect to broker {peer}: {why}"));
        let addrs: Vec<_> = (host, port)
            .to_socket_addrs()
            .map_err(|e| unreachable(format!("cannot resolve the host name ({e})")))?
            .collect();
        let mut last = String::from("no address");
        let mut tcp = None;
        for addr in addrs {
            let left = deadline.saturating_duration_since(Instant::now());
            match TcpStream::connect_timeout(&addr, left.max(Duration::from_millis(1))) {
                Ok(s) => {
                    tcp = Some(s);
                    break;
                }
                Err(e) => last = e.to_string().to_lowercase(),
            }
        }
        let tcp = tcp.ok_or_else(|| unreachable(last))?;
        let _ = tcp.set_nodelay(true);
        set_timeouts(&tcp, deadline)?;
        if !uses_tls(config) {
            return Ok(Stream::Plain(tcp));
        }
        let connector = connector(config)?;
        let verify_host = config
            .get("ssl.endpoint.identification.algorithm")
            .is_none_or(|a| !a.trim().eq_ignore_ascii_case("none"));
        let tls = connector
            .configure()
            .map_err(|e| tls_setup(&e.to_string()))?
            .verify_hostname(verify_host)
            .connect(host, tcp)
            .map_err(|e| {
                let why = match &e {
                    openssl::ssl::HandshakeError::Failure(mid) => mid
                        .error()
                        .ssl_error()
                        .map_or_else(|| mid.error().to_string(), |s| s.to_string()),
                    other => other.to_string(),
                };
                handshake_error(&peer, &why)
            })?;
        Ok(Stream::Tls(Box::new(tls)))
    }

    /// Bounds every later read and write by `deadline`.
    pub fn set_deadline(&self, deadline: Instant) -> Result<(), KtError> {
        set_timeouts(self.tcp(), deadline)
    }

    fn tcp(&self) -> &TcpStream {
        match self {
            Stream::Plain(s) => s,
            Stream::Tls(s) => s.get_ref(),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

fn set_timeouts(tcp: &TcpStream, deadline: Instant) -> Result<(), KtError> {
    let left = deadline
        .saturating_duration_since(Instant::now())
        .max(Duration::from_millis(1));
    tcp.set_read_timeout(Some(left))
        .and_then(|()| tcp.set_write_timeout(Some(left)))
        .map_err(|e| KtError::unreachable(format!("cannot set a socket timeout: {e}")))
}

/// Whether `security.protocol` (librdkafka's spelling, any case) is TLS.
pub fn uses_tls(config: &Translated) -> bool {
    config
        .get("security.protocol")
        .is_some_and(|p| p.to_ascii_lowercase().ends_with("ssl"))
}

fn tls_setup(why: &str) -> KtError {
    KtError::config(format!("cannot set up TLS: {why}"))
}

/// The handshake's failure as librdkafka's path words it (see
/// `connection::security_failure`): the setting to check.
fn handshake_error(peer: &str, why: &str) -> KtError {
    let reason = why
        .split("SSL routines:")
        .nth(1)
        .map(|r| r.trim_start_matches(':').split(':').next().unwrap_or(r))
        .unwrap_or(why)
        .trim()
        .to_string();
    if why.contains("bad certificate") || why.contains("certificate required") {
        return KtError::config(format!(
            "TLS with {peer}: the broker refused this client's certificate (it requires one \
             its CA signed); check ssl.keystore.location (or ssl.certificate.location and \
             ssl.key.location)"
        ));
    }
    KtError::config(format!(
        "TLS handshake with {peer} failed ({reason}); check ssl.ca.location (or \
         ssl.truststore.location) and that the broker's certificate names the host you connect to"
    ))
}

/// An OpenSSL client context from librdkafka's TLS settings.
fn connector(config: &Translated) -> Result<SslConnector, KtError> {
    let mut b =
        SslConnector::builder(SslMethod::tls_client()).map_err(|e| tls_setup(&e.to_string()))?;
    let bad = |key: &str, e: openssl::error::ErrorStack| {
        KtError::config(format!("cannot use {key}: {e}"))
    };
    match (config.get("ssl.ca.pem"), config.get("ssl.ca.location")) {
        (Some(pem), _) => {
            for cert in X509::stack_from_pem(pem.as_bytes()).map_err(|e| bad("ssl.ca.pem", e))? {
                b.cert_store_mut()
                    .add_cert(cert)
                    .map_err(|e| bad("ssl.ca.pem", e))?;
            }
        }
        (None, Some("probe")) | (None, None) => {
            b.set_default_verify_paths()
                .map_err(|e| bad("the system's CA certificates", e))?;
        }
        (None, Some(path)) if std::path::Path::new(path).is_dir() => {
            b.load_verify_locations(None, Some(std::path::Path::new(path)))
                .map_err(|e| bad("ssl.ca.location", e))?;
        }
        (None, Some(path)) => {
            b.set_ca_file(path).map_err(|e| bad("ssl.ca.location", e))?;
        }
    }
    let password = config.get("ssl.key.password").unwrap_or("").as_bytes();
    match (config.get("ssl.certificate.pem"), config.get("ssl.key.pem")) {
        (Some(chain), Some(key)) => {
            let mut certs = X509::stack_from_pem(chain.as_bytes())
                .map_err(|e| bad("ssl.certificate.pem", e))?
                .into_iter();
            if let Some(leaf) = certs.next() {
                b.set_certificate(&leaf)
                    .map_err(|e| bad("ssl.certificate.pem", e))?;
            }
            for extra in certs {
                b.add_extra_chain_cert(extra)
                    .map_err(|e| bad("ssl.certificate.pem", e))?;
            }
            let key = PKey::private_key_from_pem_passphrase(key.as_bytes(), password)
                .map_err(|_| KtError::config("cannot open ssl.key.pem: check ssl.key.password"))?;
            b.set_private_key(&key).map_err(|e| bad("ssl.key.pem", e))?;
        }
        _ => {
            if let Some(path) = config.get("ssl.certificate.location") {
                b.set_certificate_chain_file(path)
                    .map_err(|e| bad("ssl.certificate.location", e))?;
            }
            if let Some(path) = config.get("ssl.key.location") {
                let pem = std::fs::read(path).map_err(|e| {
                    KtError::config(format!("cannot read ssl.key.location {path}: {e}"))
                })?;
                let key = PKey::private_key_from_pem_passphrase(&pem, password).map_err(|_| {
                    KtError::config(format!(
                        "cannot open ssl.key.location {path}: check ssl.key.password"
                    ))
                })?;
                b.set_private_key(&key)
                    .map_err(|e| bad("ssl.key.location", e))?;
            } else if let Some(path) = config.get("ssl.keystore.location") {
                // librdkafka's own PKCS#12 keystore setting (-X).
                let der = std::fs::read(path).map_err(|e| {
                    KtError::config(format!("cannot read ssl.keystore.location {path}: {e}"))
                })?;
                let parsed = openssl::pkcs12::Pkcs12::from_der(&der)
                    .and_then(|p| p.parse2(config.get("ssl.keystore.password").unwrap_or("")))
                    .map_err(|_| {
                        KtError::config(format!(
                            "cannot open ssl.keystore.location {path}: check ssl.keystore.password"
                        ))
                    })?;
                if let (Some(cert), Some(key)) = (parsed.cert, parsed.pkey) {
                    b.set_certificate(&cert)
                        .map_err(|e| bad("ssl.keystore.location", e))?;
                    b.set_private_key(&key)
                        .map_err(|e| bad("ssl.keystore.location", e))?;
                }
                for extra in parsed.ca.into_iter().flatten() {
                    b.add_extra_chain_cert(extra)
                        .map_err(|e| bad("ssl.keystore.location", e))?;
                }
            }
        }
    }
    if let Some(ciphers) = config.get("ssl.cipher.suites") {
        b.set_cipher_list(ciphers)
            .map_err(|e| bad("ssl.cipher.suites", e))?;
    }
    let verify = config
        .get("enable.ssl.certificate.verification")
        .is_none_or(|v| !v.trim().eq_ignore_ascii_case("false"));
    b.set_verify(if verify {
        SslVerifyMode::PEER
    } else {
        SslVerifyMode::NONE
    });
    Ok(b.build())
}
