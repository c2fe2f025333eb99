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
        let tcp = tcp(host, port, deadline)?;
        if !uses_tls(config) {
            return Ok(Stream::Plain(tcp));
        }
        tls(tcp, host, port, config).map(|(tls, _)| Stream::Tls(Box::new(tls)))
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

/// A TCP connection to the first address of `host` that takes one.
pub fn tcp(host: &str, port: u16, deadline: Instant) -> Result<TcpStream, KtError> {
    let peer = format!("{host}:{port}");
    let unreachable =
        |why: String| KtError::unreachable(format!("cannot connect to broker {peer}: {why}"));
    let addrs = resolve(host, port)?;
    let mut last = String::from("no address");
    for addr in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        match TcpStream::connect_timeout(&addr, left.max(Duration::from_millis(1))) {
            Ok(tcp) => {
                let _ = tcp.set_nodelay(true);
                set_timeouts(&tcp, deadline)?;
                return Ok(tcp);
            }
            Err(e) => {
                let text = e.to_string().to_lowercase();
                last = text.split(" (os error").next().unwrap_or(&text).to_string();
            }
        }
    }
    Err(unreachable(last))
}

/// The addresses `host` resolves to here.
pub fn resolve(host: &str, port: u16) -> Result<Vec<std::net::SocketAddr>, KtError> {
    (host, port)
        .to_socket_addrs()
        .map(Iterator::collect)
        .map_err(|e| {
            KtError::unreachable(format!(
                "cannot connect to broker {host}:{port}: {host} does not resolve here ({e})"
            ))
        })
}

/// The TLS handshake over `tcp`, verified as `config` says, and what it
/// showed; a failure says why in the broker's terms (which certificate,
/// which name, which date) and names the setting to change.
pub fn tls(
    tcp: TcpStream,
    host: &str,
    port: u16,
    config: &Translated,
) -> Result<(SslStream<TcpStream>, TlsFacts), KtError> {
    let peer = format!("{host}:{port}");
    let connector = connector(config)?;
    let verify_host = config
        .get("ssl.endpoint.identification.algorithm")
        .is_none_or(|a| !a.trim().eq_ignore_ascii_case("none"));
    let tls = connector
        .configure()
        .map_err(|e| tls_setup(&e.to_string()))?
        .verify_hostname(verify_host)
        .connect(host, tcp)
        .map_err(|e| match &e {
            openssl::ssl::HandshakeError::Failure(mid) => {
                let why = mid
                    .error()
                    .ssl_error()
                    .map_or_else(|| mid.error().to_string(), |s| s.to_string());
                verify_error(&peer, host, port, mid.ssl())
                    .unwrap_or_else(|| handshake_error(&peer, &why))
            }
            other => handshake_error(&peer, &other.to_string()),
        })?;
    let facts = TlsFacts::of(tls.ssl());
    Ok((tls, facts))
}

/// Whether `host:port` answers a TLS handshake (certificates unchecked):
/// what a listener is, when a client without TLS was turned away.
pub fn speaks_tls(host: &str, port: u16, deadline: Instant) -> bool {
    unchecked_certificate(host, port, deadline).is_some()
}

/// The broker's certificate, from a handshake that checks nothing (a
/// failed check keeps no certificate to describe).
fn unchecked_certificate(host: &str, port: u16, deadline: Instant) -> Option<X509> {
    let tcp = tcp(host, port, deadline).ok()?;
    let mut b = SslConnector::builder(SslMethod::tls_client()).ok()?;
    b.set_verify(SslVerifyMode::NONE);
    let config = b.build().configure().ok()?;
    match config.verify_hostname(false).connect(host, tcp) {
        Ok(tls) => tls.ssl().peer_certificate(),
        Err(openssl::ssl::HandshakeError::Failure(mid)) => mid.ssl().peer_certificate(),
        Err(_) => None,
    }
}

/// What a TLS handshake showed of the broker.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TlsFacts {
    /// `TLSv1.3`.
    pub version: String,
    /// The broker's certificate: its subject, issuer and names.
    pub subject: String,
    pub issuer: String,
    pub names: Vec<String>,
    /// Its last day, as OpenSSL prints it, and the days left.
    pub not_after: String,
    pub days_left: i32,
    /// The client certificate kt presented, if any.
    pub client_certificate: Option<String>,
}

impl TlsFacts {
    fn of(ssl: &openssl::ssl::SslRef) -> TlsFacts {
        let cert = ssl.peer_certificate();
        let (subject, issuer, names, not_after, days_left) = match &cert {
            Some(c) => (
                name_of(c.subject_name()),
                name_of(c.issuer_name()),
                alt_names(c),
                time_of(c.not_after()),
                days_left(c.not_after()),
            ),
            None => Default::default(),
        };
        TlsFacts {
            version: ssl.version_str().to_string(),
            subject,
            issuer,
            names,
            not_after,
            days_left,
            client_certificate: ssl.certificate().map(|c| name_of(c.subject_name())),
        }
    }
}

/// `CN=kt test CA, O=…`, as Java prints a distinguished name.
fn name_of(name: &openssl::x509::X509NameRef) -> String {
    name.entries()
        .map(|e| {
            let key = e.object().nid().short_name().unwrap_or("?");
            let value = e.data().to_string().unwrap_or_default();
            format!("{key}={value}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The certificate's subjectAltNames: `DNS:kafka-1`, `IP:127.0.0.1`.
fn alt_names(cert: &X509) -> Vec<String> {
    let mut names = Vec::new();
    for n in cert.subject_alt_names().into_iter().flatten() {
        if let Some(dns) = n.dnsname() {
            names.push(format!("DNS:{dns}"));
        } else if let Some(ip) = n.ipaddress() {
            let ip = match ip.len() {
                4 => <[u8; 4]>::try_from(ip).map(|a| std::net::IpAddr::from(a).to_string()),
                16 => <[u8; 16]>::try_from(ip).map(|a| std::net::IpAddr::from(a).to_string()),
                _ => Ok(String::from("?")),
            };
            names.push(format!("IP:{}", ip.unwrap_or_default()));
        }
    }
    names
}

fn time_of(t: &openssl::asn1::Asn1TimeRef) -> String {
    t.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn days_left(t: &openssl::asn1::Asn1TimeRef) -> i32 {
    openssl::asn1::Asn1Time::days_from_now(0)
        .and_then(|now| now.diff(t))
        .map_or(0, |d| d.days)
}

/// A handshake that failed on the broker's certificate, in its terms.
fn verify_error(peer: &str, host: &str, port: u16, ssl: &openssl::ssl::SslRef) -> Option<KtError> {
    let result = ssl.verify_result();
    if result.as_raw() == 0 {
        return None;
    }
    let cert = ssl
        .peer_certificate()
        .or_else(|| unchecked_certificate(host, port, Instant::now() + Duration::from_secs(2)));
    let subject = cert
        .as_ref()
        .map_or_else(String::new, |c| name_of(c.subject_name()));
    let issuer = cert
        .as_ref()
        .map_or_else(String::new, |c| name_of(c.issuer_name()));
    let message = match result.as_raw() {
        // X509_V_ERR_CERT_HAS_EXPIRED
        10 => format!(
            "the broker's certificate ({subject}) expired on {}; the broker needs a new one",
            cert.as_ref().map_or_else(String::new, |c| time_of(c.not_after()))
        ),
        // X509_V_ERR_CERT_NOT_YET_VALID
        9 => format!(
            "the broker's certificate ({subject}) is not valid before {}; check this machine's clock",
            cert.as_ref().map_or_else(String::new, |c| time_of(c.not_before()))
        ),
        // X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
        62 | 64 => format!(
            "the broker's certificate does not name {host} (it names {}); connect by a name \
             it has, or set ssl.endpoint.identification.algorithm= (empty) to skip the check",
            cert.as_ref().map_or_else(String::new, |c| {
                let names = alt_names(c);
                if names.is_empty() {
                    subject.clone()
                } else {
                    names.join(", ")
                }
            })
        ),
        // Self-signed, or an issuer kt does not trust.
        2 | 18 | 19 | 20 | 21 => format!(
            "the broker's certificate ({subject}, issued by {issuer}) is not signed by a CA kt \
             trusts; put that CA's certificate in ssl.truststore.location (or ssl.ca.location)"
        ),
        _ => format!(
            "the broker's certificate ({subject}) failed verification ({}); check \
             ssl.truststore.location (or ssl.ca.location)",
            result.error_string()
        ),
    };
    Some(KtError::config(format!("TLS with {peer}: {message}")))
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

/// The broker's TLS alert for a client certificate it wants and did not
/// get (or does not trust), if `why` is one: with TLS 1.3 it comes after
/// the handshake, on the first read.
pub fn certificate_refused(peer: &str, why: &str) -> Option<KtError> {
    let why = why.to_ascii_lowercase();
    [
        "bad certificate",
        "certificate required",
        "unknown ca",
        "certificate expired",
    ]
    .iter()
    .any(|alert| why.contains(alert))
    .then(|| {
        KtError::config(format!(
            "TLS with {peer}: the broker refused this client's certificate (it requires one \
             its CA signed); check ssl.keystore.location (or ssl.certificate.location and \
             ssl.key.location)"
        ))
    })
}

/// A TLS failure both paths see as text (OpenSSL's error, or librdkafka's
/// log line): a broker that turned the client's certificate away, or a
/// listener that does not speak TLS.
pub fn refusal(peer: &str, why: &str) -> Option<KtError> {
    if let Some(e) = certificate_refused(peer, why) {
        return Some(e);
    }
    let why = why.to_ascii_lowercase();
    if [
        "wrong version number",
        "unexpected eof",
        "packet length too long",
        "connecting to a plaintext broker listener",
    ]
    .iter()
    .any(|sign| why.contains(sign))
    {
        return Some(KtError::config(format!(
            "TLS with {peer}: the listener does not speak TLS (a PLAINTEXT or SASL_PLAINTEXT \
             listener); check security.protocol and the port"
        )));
    }
    None
}

/// The handshake's failure when the certificates were not the cause.
fn handshake_error(peer: &str, why: &str) -> KtError {
    if let Some(e) = refusal(peer, why) {
        return e;
    }
    let reason = why
        .split("SSL routines:")
        .nth(1)
        .map(|r| r.trim_start_matches(':').split(':').next().unwrap_or(r))
        .unwrap_or(why)
        .trim()
        .to_string();
    KtError::config(format!(
        "TLS handshake with {peer} failed ({reason}); check security.protocol and \
         ssl.truststore.location (or ssl.ca.location)"
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
