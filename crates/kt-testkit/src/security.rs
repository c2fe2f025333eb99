//! What the test kit's secured listeners and their clients need, made as
//! Kafka's security docs make it: a CA and a broker certificate with the
//! openssl CLI, and the clients' trust and key stores with `keytool` (JKS,
//! PKCS#12) and openssl (PEM).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Result;

/// The password of every store the kit makes.
pub const STORE_PASSWORD: &str = "kt-store-pw";
/// The password of the key inside the JKS and PEM keystores (a PKCS#12
/// keystore's key has the store's password, as keytool makes it).
pub const KEY_PASSWORD: &str = "kt-key-pw";

/// Test certificates made with the openssl CLI: a CA, a broker certificate
/// for IP 127.0.0.1 signed by it, and a second CA that signed nothing.
pub struct Certs {
    pub dir: tempfile::TempDir,
    pub ca: PathBuf,
    pub other_ca: PathBuf,
    pub cert: PathBuf,
    pub key: PathBuf,
    /// The key and then the certificate in one PEM file: a Kafka keystore.
    pub keystore: PathBuf,
    /// The same for a certificate (IP 127.0.0.1, by the same CA) that
    /// expired on 2 January 2024.
    pub expired_keystore: PathBuf,
}

fn run(program: &str, dir: &Path, args: &[&str], install: &str) -> Result<()> {
    crate::succeed(
        Command::new(program).args(args).current_dir(dir),
        &format!("{program} ({install})"),
    )
}

fn openssl(dir: &Path, args: &[&str]) -> Result<()> {
    run("openssl", dir, args, "apt-get install -y openssl")
}

fn keytool(dir: &Path, args: &[&str]) -> Result<()> {
    run(
        "keytool",
        dir,
        args,
        "apt-get install -y default-jre-headless",
    )
}

pub(crate) fn make_certs() -> Result<Certs> {
    let dir = tempfile::tempdir()?;
    let d = dir.path();
    for (name, cn) in [("ca", "kt test CA"), ("other-ca", "kt other CA")] {
        openssl(
            d,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.pem"),
                "-subj",
                &format!("/CN={cn}"),
            ],
        )?;
    }
    // The broker's key and request, and those of a certificate that
    // expired long ago (signed below by `openssl ca`, which takes dates).
    for name in ["broker", "expired"] {
        openssl(
            d,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &format!("{name}.key"),
                "-out",
                &format!("{name}.csr"),
                "-subj",
                "/CN=127.0.0.1",
            ],
        )?;
    }
    std::fs::write(d.join("ext.cnf"), "subjectAltName=IP:127.0.0.1\n")?;
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "broker.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "broker.pem",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    )?;
    std::fs::write(
        d.join("ca.cnf"),
        "[ca]\ndefault_ca = kt\n[kt]\ndatabase = index.txt\nnew_certs_dir = .\n\
         certificate = ca.pem\nprivate_key = ca.key\nserial = serial\ndefault_md = sha256\n\
         policy = any\n[any]\ncommonName = supplied\n",
    )?;
    std::fs::write(d.join("index.txt"), "")?;
    std::fs::write(d.join("serial"), "1000\n")?;
    openssl(
        d,
        &[
            "ca",
            "-batch",
            "-notext",
            "-config",
            "ca.cnf",
            "-in",
            "expired.csr",
            "-out",
            "expired.pem",
            "-startdate",
            "20240101000000Z",
            "-enddate",
            "20240102000000Z",
            "-extfile",
            "ext.cnf",
        ],
    )?;
    let at = |f: &str| d.join(f);
    for name in ["broker", "expired"] {
        let keystore = [
            std::fs::read_to_string(at(&format!("{name}.key")))?,
            std::fs::read_to_string(at(&format!("{name}.pem")))?,
        ]
        .concat();
        std::fs::write(at(&format!("{name}-keystore.pem")), keystore)?;
    }
    Ok(Certs {
        keystore: at("broker-keystore.pem"),
        expired_keystore: at("expired-keystore.pem"),
        ca: at("ca.pem"),
        other_ca: at("other-ca.pem"),
        cert: at("broker.pem"),
        key: at("broker.key"),
        dir,
    })
}

/// A client's trust and key stores for the kit's CA, each made the way
/// Kafka's security docs (or a user following them) make it. Passwords:
/// [`STORE_PASSWORD`], and [`KEY_PASSWORD`] for the key in the JKS and PEM
/// keystores.
pub struct ClientStores {
    _dir: tempfile::TempDir,
    /// `keytool -keystore client.truststore.jks -alias CARoot -import -file
    /// ca-cert`, the docs' line: named .jks, PKCS#12 inside since JDK 9.
    pub truststore_docs: PathBuf,
    /// A real JKS trust store (`-storetype JKS`, as JDK 8 made them).
    pub truststore_jks: PathBuf,
    pub truststore_p12: PathBuf,
    /// `ca-cert`: the CA in PEM, under the docs' name (no extension).
    pub truststore_pem: PathBuf,
    /// The client's key and its CA-signed certificate (CN=kt-client), made
    /// with `keytool -genkey`, `-certreq`, `openssl x509 -req` and two
    /// `-import`s, as JKS and as PKCS#12.
    pub keystore_jks: PathBuf,
    pub keystore_p12: PathBuf,
    /// The same key (encrypted with [`KEY_PASSWORD`]) and certificate chain
    /// in one PEM file.
    pub keystore_pem: PathBuf,
}

impl ClientStores {
    /// Makes every store for the CA of `certs` (about ten keytool runs).
    pub fn make(certs: &Certs) -> Result<ClientStores> {
        let dir = tempfile::tempdir()?;
        let d = dir.path();
        let ca = certs.ca.display().to_string();
        let ca_key = certs.ca.with_extension("key").display().to_string();
        std::fs::copy(&certs.ca, d.join("ca-cert"))?;
        let pw = STORE_PASSWORD;
        for (file, kind) in [
            ("client.truststore.jks", None),
            ("client.truststore.real.jks", Some("JKS")),
            ("client.truststore.p12", Some("PKCS12")),
        ] {
            let mut args = vec![
                "-keystore",
                file,
                "-alias",
                "CARoot",
                "-import",
                "-file",
                "ca-cert",
            ];
            args.extend(["-storepass", pw, "-noprompt"]);
            if let Some(kind) = kind {
                args.extend(["-storetype", kind]);
            }
            keytool(d, &args)?;
        }
        for (file, kind, key_pw) in [
            ("client.keystore.jks", "JKS", KEY_PASSWORD),
            ("client.keystore.p12", "PKCS12", pw),
        ] {
            let common = ["-keystore", file, "-storetype", kind, "-storepass", pw];
            let mut genkey = common.to_vec();
            genkey.extend([
                "-alias",
                "localhost",
                "-validity",
                "2",
                "-genkey",
                "-keyalg",
                "RSA",
                "-dname",
                "CN=kt-client",
                "-keypass",
                key_pw,
            ]);
            keytool(d, &genkey)?;
            let csr = format!("{file}.csr");
            let signed = format!("{file}.signed");
            let mut certreq = common.to_vec();
            certreq.extend([
                "-alias",
                "localhost",
                "-certreq",
                "-file",
                &csr,
                "-keypass",
                key_pw,
            ]);
            keytool(d, &certreq)?;
            openssl(
                d,
                &[
                    "x509",
                    "-req",
                    "-CA",
                    &ca,
                    "-CAkey",
                    &ca_key,
                    "-in",
                    &csr,
                    "-out",
                    &signed,
                    "-days",
                    "2",
                    "-CAcreateserial",
                ],
            )?;
            let mut import_ca = common.to_vec();
            import_ca.extend([
                "-alias",
                "CARoot",
                "-import",
                "-file",
                "ca-cert",
                "-noprompt",
            ]);
            keytool(d, &import_ca)?;
            let mut import_signed = common.to_vec();
            import_signed.extend([
                "-alias",
                "localhost",
                "-import",
                "-file",
                &signed,
                "-keypass",
                key_pw,
                "-noprompt",
            ]);
            keytool(d, &import_signed)?;
        }
        // PEM: the PKCS#12 keystore's key, encrypted with a PBE scheme
        // Java 17 reads (it cannot read OpenSSL 3's default, PBES2), and
        // its certificates.
        let pass_in = format!("pass:{pw}");
        let pass_out = format!("pass:{KEY_PASSWORD}");
        openssl(
            d,
            &[
                "pkcs12",
                "-in",
                "client.keystore.p12",
                "-nocerts",
                "-nodes",
                "-passin",
                &pass_in,
                "-out",
                "client-key-plain.pem",
            ],
        )?;
        openssl(
            d,
            &[
                "pkcs8",
                "-topk8",
                "-in",
                "client-key-plain.pem",
                "-v1",
                "PBE-SHA1-3DES",
                "-passout",
                &pass_out,
                "-out",
                "client-key.pem",
            ],
        )?;
        std::fs::remove_file(d.join("client-key-plain.pem"))?;
        // The chain, leaf first, as Java's PEM keystore wants it: the
        // certificate the CA signed for the PKCS#12 keystore, then the CA.
        let pem = [
            std::fs::read_to_string(d.join("client-key.pem"))?,
            std::fs::read_to_string(d.join("client.keystore.p12.signed"))?,
            std::fs::read_to_string(d.join("ca-cert"))?,
        ]
        .concat();
        std::fs::write(d.join("client.keystore.pem"), pem)?;
        let at = |f: &str| d.join(f);
        // Keys are for their owner only, as kt (like ssh) expects.
        use std::os::unix::fs::PermissionsExt;
        for key in [
            "client.keystore.jks",
            "client.keystore.p12",
            "client.keystore.pem",
        ] {
            std::fs::set_permissions(at(key), std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(ClientStores {
            truststore_docs: at("client.truststore.jks"),
            truststore_jks: at("client.truststore.real.jks"),
            truststore_p12: at("client.truststore.p12"),
            truststore_pem: at("ca-cert"),
            keystore_jks: at("client.keystore.jks"),
            keystore_p12: at("client.keystore.p12"),
            keystore_pem: at("client.keystore.pem"),
            _dir: dir,
        })
    }
}
