//! Java's trust and key stores, read in memory: a JKS, PKCS#12 or PEM file
//! as Kafka's docs have users make them (`keytool`, `openssl pkcs12`), named
//! by `ssl.truststore.location` / `ssl.keystore.location` with their
//! passwords and types, become the PEM text librdkafka takes in its
//! `ssl.ca.pem`, `ssl.certificate.pem` and `ssl.key.pem` settings. Nothing
//! is written to disk; a wrong password is one line naming the file and the
//! setting, never the password.
//!
//! The format is read from the file, as Java does since 9 (a `JKS` or
//! `PKCS12` store type reads either); `PEM` must be PEM.

use std::path::Path;

use openssl::pkcs12::Pkcs12;
use openssl::pkey::PKey;
use openssl::x509::X509;

use crate::error::KtError;

/// One store's settings, with where each came from (for the error lines).
#[derive(Debug, Default, Clone)]
pub struct StoreSettings {
    /// `ssl.*store.location` and where it was set.
    pub location: Option<(String, String)>,
    pub password: Option<String>,
    /// `ssl.*store.type`, as written.
    pub kind: Option<String>,
}

/// What a keystore gives librdkafka: the certificate chain and the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub certificates: String,
    pub key: String,
    /// The key is still encrypted (a PEM keystore): `ssl.key.password`
    /// opens it, in librdkafka.
    pub encrypted: bool,
}

/// What a trust store gives librdkafka.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// A PEM file librdkafka reads itself (`ssl.ca.location`).
    File(String),
    /// The CA certificates, as PEM text (`ssl.ca.pem`).
    Pem(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Jks,
    Pkcs12,
    Pem,
}

const JKS_MAGIC: [u8; 4] = [0xFE, 0xED, 0xFE, 0xED];
const JCEKS_MAGIC: [u8; 4] = [0xCE, 0xCE, 0xCE, 0xCE];

/// `setting` (`ssl.truststore`) from `source`, and the file's bytes and format.
fn open(
    setting: &str,
    store: &StoreSettings,
) -> Result<Option<(Vec<u8>, Format, String)>, KtError> {
    let Some((path, source)) = &store.location else {
        return Ok(None);
    };
    let named = format!("{setting}.location {path} (from {source})");
    let bytes = std::fs::read(Path::new(path)).map_err(|e| {
        KtError::config(format!(
            "cannot read {named}: {}",
            crate::props::io_reason(&e)
        ))
    })?;
    let format = if bytes.starts_with(&JKS_MAGIC) {
        Format::Jks
    } else if bytes.starts_with(&JCEKS_MAGIC) {
        return Err(KtError::config(format!(
            "{named} is a JCEKS store, which kt cannot read; convert it with \
             keytool -importkeystore -deststoretype pkcs12"
        )));
    } else if bytes.first() == Some(&0x30) {
        Format::Pkcs12
    } else if String::from_utf8_lossy(&bytes).contains("-----BEGIN ") {
        Format::Pem
    } else {
        return Err(KtError::config(format!(
            "{named} is neither a JKS, a PKCS#12 nor a PEM store"
        )));
    };
    let declared = store.kind.as_deref().map(|k| k.trim().to_ascii_uppercase());
    match (declared.as_deref(), format) {
        (None | Some("JKS" | "PKCS12"), Format::Jks | Format::Pkcs12) => {}
        (None | Some("PEM"), Format::Pem) => {}
        (Some(kind @ ("JKS" | "PKCS12" | "PEM")), _) => {
            return Err(KtError::config(format!(
                "{named} is not a {kind} store, as {setting}.type says ({})",
                match format {
                    Format::Jks => "it is a JKS store",
                    Format::Pkcs12 => "it is a PKCS#12 store",
                    Format::Pem => "it is PEM",
                }
            )))
        }
        (Some(other), _) => {
            return Err(KtError::config(format!(
                "{setting}.type {other} is not a store type kt reads; use JKS, PKCS12 or PEM"
            )))
        }
    }
    Ok(Some((bytes, format, named)))
}

fn wrong_password(named: &str, setting: &str) -> KtError {
    KtError::config(format!(
        "cannot open {named}: the password is wrong; check {setting}.password"
    ))
}

fn pem_of(der: &[u8], named: &str) -> Result<String, KtError> {
    let cert = X509::from_der(der)
        .map_err(|_| KtError::config(format!("{named} holds a certificate kt cannot read")))?;
    let pem = cert
        .to_pem()
        .map_err(|_| KtError::config(format!("{named} holds a certificate kt cannot read")))?;
    Ok(String::from_utf8_lossy(&pem).into_owned())
}

/// The trust store's CA certificates.
pub fn trust(store: &StoreSettings) -> Result<Option<Trust>, KtError> {
    let setting = "ssl.truststore";
    let Some((bytes, format, named)) = open(setting, store)? else {
        return Ok(None);
    };
    let password = store.password.as_deref();
    let pems = match format {
        Format::Pem => {
            let path = store.location.as_ref().map(|(p, _)| p.clone());
            return Ok(path.map(Trust::File));
        }
        Format::Jks => {
            let ks = load_jks(&bytes, password, &named, setting)?;
            let mut pems = Vec::new();
            for alias in ks.aliases() {
                if let Ok(entry) = ks.get_trusted_certificate_entry(&alias) {
                    pems.push(pem_of(&entry.certificate.content, &named)?);
                }
            }
            pems
        }
        Format::Pkcs12 => {
            let parsed = Pkcs12::from_der(&bytes)
                .and_then(|p| p.parse2(password.unwrap_or("")))
                .map_err(|_| wrong_password(&named, setting))?;
            let mut pems = Vec::new();
            for cert in parsed.ca.into_iter().flatten().chain(parsed.cert) {
                let pem = cert.to_pem().map_err(|_| wrong_password(&named, setting))?;
                pems.push(String::from_utf8_lossy(&pem).into_owned());
            }
            pems
        }
    };
    if pems.is_empty() {
        return Err(KtError::config(format!(
            "{named} holds no trusted certificate"
        )));
    }
    Ok(Some(Trust::Pem(pems.concat())))
}

/// The key store's certificate chain and key; `key_password` is Java's
/// `ssl.key.password` (the store's password when it is not given).
pub fn identity(
    store: &StoreSettings,
    key_password: Option<&str>,
) -> Result<Option<Identity>, KtError> {
    let setting = "ssl.keystore";
    let Some((bytes, format, named)) = open(setting, store)? else {
        return Ok(None);
    };
    let password = store.password.as_deref();
    match format {
        Format::Pem => {
            let text = String::from_utf8_lossy(&bytes);
            let (mut certificates, mut key) = (String::new(), String::new());
            for block in pem_blocks(&text) {
                if block.contains("PRIVATE KEY-----") {
                    key.push_str(block);
                } else if block.contains("CERTIFICATE-----") {
                    certificates.push_str(block);
                }
            }
            if key.is_empty() || certificates.is_empty() {
                return Err(KtError::config(format!(
                    "{named} needs a private key and its certificate, in PEM"
                )));
            }
            let encrypted = key.contains("ENCRYPTED");
            Ok(Some(Identity {
                certificates,
                key,
                encrypted,
            }))
        }
        Format::Jks => {
            let ks = load_jks(&bytes, password, &named, setting)?;
            let password = password.unwrap_or_default();
            let alias = ks
                .aliases()
                .into_iter()
                .find(|a| ks.is_private_key_entry(a))
                .ok_or_else(|| KtError::config(format!("{named} holds no private key")))?;
            let entry = ks
                .get_private_key_entry(&alias, key_password.unwrap_or(password).as_bytes())
                .map_err(|_| {
                    KtError::config(format!(
                        "cannot open the key in {named}: the password is wrong; check ssl.key.password"
                    ))
                })?;
            let key = PKey::private_key_from_pkcs8(&entry.private_key)
                .and_then(|k| k.private_key_to_pem_pkcs8())
                .map_err(|_| KtError::config(format!("{named} holds a key kt cannot read")))?;
            let mut certificates = String::new();
            for cert in &entry.certificate_chain {
                certificates.push_str(&pem_of(&cert.content, &named)?);
            }
            Ok(Some(Identity {
                certificates,
                key: String::from_utf8_lossy(&key).into_owned(),
                encrypted: false,
            }))
        }
        Format::Pkcs12 => {
            let parsed = Pkcs12::from_der(&bytes)
                .and_then(|p| p.parse2(password.unwrap_or("")))
                .map_err(|_| wrong_password(&named, setting))?;
            let (Some(key), Some(cert)) = (parsed.pkey, parsed.cert) else {
                return Err(KtError::config(format!("{named} holds no private key")));
            };
            let mut certificates = String::new();
            for c in std::iter::once(cert).chain(parsed.ca.into_iter().flatten()) {
                let pem = c.to_pem().map_err(|_| wrong_password(&named, setting))?;
                certificates.push_str(&String::from_utf8_lossy(&pem));
            }
            let key = key
                .private_key_to_pem_pkcs8()
                .map_err(|_| KtError::config(format!("{named} holds a key kt cannot read")))?;
            Ok(Some(Identity {
                certificates,
                key: String::from_utf8_lossy(&key).into_owned(),
                encrypted: false,
            }))
        }
    }
}

/// A JKS store, its integrity checked with the store's password (which a
/// JKS store needs: kt does not skip the check as Java does without one).
fn load_jks(
    bytes: &[u8],
    password: Option<&str>,
    named: &str,
    setting: &str,
) -> Result<jks::KeyStore, KtError> {
    let password = password.ok_or_else(|| {
        KtError::config(format!("{named} is a JKS store: give {setting}.password"))
    })?;
    let mut ks = jks::KeyStore::new();
    ks.load(bytes, password.as_bytes()).map_err(|e| match e {
        jks::KeyStoreError::InvalidDigest => wrong_password(named, setting),
        other => KtError::config(format!("cannot read {named}: {other}")),
    })?;
    Ok(ks)
}

/// Java's inline PEM settings (`ssl.truststore.certificates`,
/// `ssl.keystore.certificate.chain`, `ssl.keystore.key`), read as Kafka's
/// `PemParser` reads them: every `BEGIN … {label}` to `END … {label}`
/// entry, its base64 with whitespace anywhere (a properties value
/// continued with `\` over lines arrives as one line), written again as the
/// PEM librdkafka reads (64 columns, one entry per block). An encrypted
/// key keeps its `ENCRYPTED PRIVATE KEY` label for `ssl.key.password`.
pub fn inline_pem(value: &str, setting: &str, label: &str) -> Result<String, KtError> {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::STANDARD;
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let mut rest = value;
    while let Some(begin) = rest.find("BEGIN") {
        let after = &rest[begin + "BEGIN".len()..];
        let Some(close) = after.find('-') else { break };
        let header = words(&after[..close]);
        let body_start = close + after[close..].find(|c| c != '-').unwrap_or(0);
        let body = &after[body_start..];
        let Some(end) = body.find("-----END").or_else(|| body.find("-END")) else {
            break;
        };
        let base64: String = body[..end].chars().filter(|c| !c.is_whitespace()).collect();
        let tail = &body[end..];
        let skip = tail
            .find("END")
            .map(|i| i + 3)
            .and_then(|i| tail[i..].find('-').map(|j| i + j))
            .map_or(tail.len(), |i| {
                i + tail[i..].find(|c| c != '-').unwrap_or(tail.len() - i)
            });
        rest = &tail[skip..];
        if !header.ends_with(label) {
            continue;
        }
        let der = engine.decode(base64.as_bytes()).map_err(|_| {
            KtError::config(format!(
                "{setting} holds a {label} whose base64 kt cannot read; check the value"
            ))
        })?;
        out.push_str(&format!("-----BEGIN {header}-----\n"));
        let text = engine.encode(der);
        for line in text.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(line));
            out.push('\n');
        }
        out.push_str(&format!("-----END {header}-----\n"));
    }
    if out.is_empty() {
        return Err(KtError::config(format!(
            "{setting} holds no PEM {label} (-----BEGIN {label}----- … -----END {label}-----)"
        )));
    }
    Ok(out)
}

/// The `-----BEGIN …-----` … `-----END …-----` blocks of a PEM text.
fn pem_blocks(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start..];
        let Some(end) = after.find("-----END ") else {
            break;
        };
        let tail = &after[end..];
        let close = tail[9..].find("-----").map_or(tail.len(), |i| 9 + i + 5);
        let stop = end + close;
        let stop = after[stop..]
            .find('\n')
            .map_or(after.len(), |n| stop + n + 1);
        blocks.push(&after[..stop]);
        rest = &after[stop..];
    }
    blocks
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use openssl::asn1::Asn1Time;
    use openssl::hash::MessageDigest;
    use openssl::rsa::Rsa;
    use openssl::x509::{X509Builder, X509NameBuilder};

    /// A self-signed CA's PEM, and a certificate it signed with its key.
    pub(crate) fn identity_pems() -> (String, String, String) {
        let cert = |cn: &str,
                    key: &PKey<openssl::pkey::Private>,
                    issuer: Option<(&X509, &PKey<openssl::pkey::Private>)>| {
            let mut name = X509NameBuilder::new().unwrap();
            name.append_entry_by_text("CN", cn).unwrap();
            let name = name.build();
            let mut b = X509Builder::new().unwrap();
            b.set_version(2).unwrap();
            b.set_subject_name(&name).unwrap();
            b.set_issuer_name(issuer.map_or(&name, |(i, _)| i.subject_name()))
                .unwrap();
            b.set_pubkey(key).unwrap();
            b.set_not_before(&Asn1Time::days_from_now(0).unwrap())
                .unwrap();
            b.set_not_after(&Asn1Time::days_from_now(2).unwrap())
                .unwrap();
            b.sign(issuer.map_or(key, |(_, k)| k), MessageDigest::sha256())
                .unwrap();
            b.build()
        };
        let ca_key = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let ca = cert("kt test CA", &ca_key, None);
        let key = PKey::from_rsa(Rsa::generate(2048).unwrap()).unwrap();
        let leaf = cert("kt client", &key, Some((&ca, &ca_key)));
        let pem = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (
            pem(ca.to_pem().unwrap()),
            pem(leaf.to_pem().unwrap()),
            pem(key.private_key_to_pem_pkcs8().unwrap()),
        )
    }

    /// A PKCS#12 keystore of `cert` and `key` under `password`.
    pub(crate) fn pkcs12(cert: &str, key: &str, password: &str) -> Vec<u8> {
        let cert = X509::from_pem(cert.as_bytes()).unwrap();
        let key = PKey::private_key_from_pem(key.as_bytes()).unwrap();
        Pkcs12::builder()
            .name("client")
            .pkey(&key)
            .cert(&cert)
            .build2(password)
            .unwrap()
            .to_der()
            .unwrap()
    }

    /// Java's inline PEM values as a properties file hands them over: one
    /// line (continued with `\`), or with `\n` escapes; each becomes the
    /// PEM openssl reads, an encrypted key keeping its label.
    #[test]
    fn inline_pem_values_read_as_kafka_reads_them() {
        let (ca, cert, key) = identity_pems();
        let one_line = |pem: &str| pem.lines().collect::<Vec<_>>().join(" ");
        let glued = |pem: &str| {
            // `-----BEGIN CERTIFICATE----- \` then base64 lines ending in `\`.
            let lines: Vec<&str> = pem.lines().collect();
            format!(
                "{} {}{}",
                lines[0],
                lines[1..lines.len() - 1].concat(),
                lines[lines.len() - 1]
            )
        };
        for value in [cert.clone(), one_line(&cert), glued(&cert)] {
            let pem = inline_pem(&value, "ssl.keystore.certificate.chain", "CERTIFICATE").unwrap();
            assert_eq!(pem, cert, "{value}");
        }
        let chain = format!("{cert}{ca}");
        let both = inline_pem(&one_line(&chain), "s", "CERTIFICATE").unwrap();
        assert_eq!(X509::stack_from_pem(both.as_bytes()).unwrap().len(), 2);
        assert_eq!(inline_pem(&glued(&key), "s", "PRIVATE KEY").unwrap(), key);
        let pkey = PKey::private_key_from_pem(key.as_bytes()).unwrap();
        let encrypted = pkey
            .private_key_to_pem_pkcs8_passphrase(openssl::symm::Cipher::aes_128_cbc(), b"kp")
            .unwrap();
        let encrypted = String::from_utf8(encrypted).unwrap();
        let read = inline_pem(&one_line(&encrypted), "s", "PRIVATE KEY").unwrap();
        assert!(read.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        PKey::private_key_from_pem_passphrase(read.as_bytes(), b"kp").unwrap();
        // Nothing PEM, or a certificate where the key goes: one line, no value.
        for (value, label) in [
            ("secret-ish text", "CERTIFICATE"),
            (cert.as_str(), "PRIVATE KEY"),
        ] {
            let e = inline_pem(value, "ssl.keystore.key (from f)", label).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!(
                    "ssl.keystore.key (from f) holds no PEM {label} \
                     (-----BEGIN {label}----- … -----END {label}-----)"
                )
            );
        }
        let e = inline_pem(
            "-----BEGIN CERTIFICATE----- ab*cd -----END CERTIFICATE-----",
            "s",
            "CERTIFICATE",
        )
        .unwrap_err();
        assert!(e.to_string().contains("base64"), "{e}");
    }

    fn settings(path: &Path, password: &str) -> StoreSettings {
        StoreSettings {
            location: Some((path.display().to_string(), "client.properties".into())),
            password: Some(password.to_string()),
            kind: None,
        }
    }

    #[test]
    fn jks_stores_give_their_certificates_and_key() {
        let (ca, cert, key) = identity_pems();
        let dir = tempfile::tempdir().unwrap();
        let der = |pem: &str| X509::from_pem(pem.as_bytes()).unwrap().to_der().unwrap();
        let mut trust = jks::KeyStore::new();
        trust
            .set_trusted_certificate_entry(
                "caroot",
                jks::TrustedCertificateEntry {
                    creation_time: std::time::SystemTime::now(),
                    certificate: jks::Certificate {
                        cert_type: "X.509".into(),
                        content: der(&ca),
                    },
                },
            )
            .unwrap();
        let truststore = dir.path().join("client.truststore.jks");
        trust
            .store(std::fs::File::create(&truststore).unwrap(), b"trust-pw")
            .unwrap();
        assert_eq!(
            super::trust(&settings(&truststore, "trust-pw")).unwrap(),
            Some(Trust::Pem(ca.clone()))
        );
        let wrong = super::trust(&settings(&truststore, "nope-pw")).unwrap_err();
        assert!(wrong.message.contains("ssl.truststore.password"), "{wrong}");
        let pkcs8 = PKey::private_key_from_pem(key.as_bytes())
            .unwrap()
            .private_key_to_pkcs8()
            .unwrap();
        let mut keys = jks::KeyStore::new();
        keys.set_private_key_entry(
            "client",
            jks::PrivateKeyEntry {
                creation_time: std::time::SystemTime::now(),
                private_key: pkcs8,
                certificate_chain: vec![jks::Certificate {
                    cert_type: "X.509".into(),
                    content: der(&cert),
                }],
            },
            b"key-pw",
        )
        .unwrap();
        let keystore = dir.path().join("client.keystore.jks");
        keys.store(std::fs::File::create(&keystore).unwrap(), b"store-pw")
            .unwrap();
        let id = identity(&settings(&keystore, "store-pw"), Some("key-pw"))
            .unwrap()
            .unwrap();
        assert_eq!(
            (id.certificates.as_str(), id.key.as_str()),
            (cert.as_str(), key.as_str())
        );
        let wrong = identity(&settings(&keystore, "store-pw"), Some("bad-key-pw")).unwrap_err();
        assert!(wrong.message.contains("ssl.key.password"), "{wrong}");
    }

    #[test]
    fn pem_keystores_keep_an_encrypted_key_for_librdkafka() {
        let (_, cert, key) = identity_pems();
        let encrypted = PKey::private_key_from_pem(key.as_bytes())
            .unwrap()
            .private_key_to_pem_pkcs8_passphrase(openssl::symm::Cipher::aes_256_cbc(), b"kp")
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("client.pem");
        std::fs::write(
            &path,
            [String::from_utf8(encrypted).unwrap(), cert.clone()].concat(),
        )
        .unwrap();
        let id = identity(&settings(&path, ""), Some("kp")).unwrap().unwrap();
        assert!(id.encrypted);
        assert_eq!(id.certificates, cert);
    }

    #[test]
    fn pem_blocks_are_split_whole() {
        let text = "junk\n-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n\
                    -----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----";
        assert_eq!(
            pem_blocks(text),
            [
                "-----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY-----\n",
                "-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----"
            ]
        );
    }
}
