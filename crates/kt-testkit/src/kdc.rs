//! A Kerberos realm of the test run's own: Debian's MIT KDC (`krb5-kdc`)
//! on a free loopback port, its database, the broker's service principal
//! and a client principal with their keytabs, all made by `kdb5_util` and
//! `kadmin.local` in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use anyhow::Result;

use crate::{free_port, Server};

pub const REALM: &str = "KT.TEST";
/// The host the Kerberos listener is advertised as: Java's clients name
/// the service after the host they connect to, and for `127.0.0.1` they
/// look up `localhost`.
pub const KERBEROS_HOST: &str = "localhost";

/// The running KDC and what clients and the broker need of it.
pub struct Kdc {
    _server: Server,
    _dir: tempfile::TempDir,
    /// `KRB5_CONFIG` for kt and kinit, `-Djava.security.krb5.conf` for Java.
    pub krb5_conf: PathBuf,
    /// `kafka/localhost@KT.TEST`'s keys, for the broker.
    pub broker_keytab: PathBuf,
    pub broker_principal: String,
    /// `kt-client@KT.TEST`'s keys, for the clients.
    pub client_keytab: PathBuf,
    pub client_principal: String,
    /// A ticket cache of the test run's own (`KRB5CCNAME`).
    pub ccache: PathBuf,
}

impl Kdc {
    /// The environment kt and kinit run with against this realm.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            (
                "KRB5_CONFIG".to_string(),
                self.krb5_conf.display().to_string(),
            ),
            (
                "KRB5CCNAME".to_string(),
                format!("FILE:{}", self.ccache.display()),
            ),
        ]
    }

    /// The JVM system property that points Java at this realm.
    pub fn java_property(&self) -> String {
        format!("-Djava.security.krb5.conf={}", self.krb5_conf.display())
    }
}

/// The test run's KDC, started once.
pub fn kdc() -> &'static Kdc {
    static KDC: OnceLock<Kdc> = OnceLock::new();
    KDC.get_or_init(|| {
        start().expect(
            "starting a Kerberos KDC (apt-get install -y krb5-kdc krb5-admin-server krb5-user)",
        )
    })
}

fn run(program: &str, args: &[&str], env: &[(&str, &Path)]) -> Result<()> {
    let mut command = Command::new(program);
    command.args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    crate::succeed(&mut command, program)
}

fn start() -> Result<Kdc> {
    let dir = tempfile::tempdir()?;
    let d = dir.path();
    let port = free_port()?;
    let krb5_conf = d.join("krb5.conf");
    std::fs::write(
        &krb5_conf,
        format!(
            "[libdefaults]\n  default_realm = {REALM}\n  dns_lookup_realm = false\n  \
             dns_lookup_kdc = false\n  rdns = false\n  dns_canonicalize_hostname = false\n  \
             udp_preference_limit = 1\n  ticket_lifetime = 24h\n\
             [realms]\n  {REALM} = {{\n    kdc = 127.0.0.1:{port}\n  }}\n"
        ),
    )?;
    let kdc_conf = d.join("kdc.conf");
    std::fs::write(
        &kdc_conf,
        format!(
            "[kdcdefaults]\n  kdc_ports = {port}\n  kdc_tcp_ports = {port}\n\
             [realms]\n  {REALM} = {{\n    database_name = {db}\n    key_stash_file = {stash}\n    \
             acl_file = {acl}\n    max_life = 1d\n    \
             supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal\n  }}\n\
             [logging]\n  kdc = FILE:{log}\n",
            db = d.join("principal").display(),
            stash = d.join("stash").display(),
            acl = d.join("kadm5.acl").display(),
            log = d.join("kdc.log").display(),
        ),
    )?;
    let env = [
        ("KRB5_CONFIG", krb5_conf.as_path()),
        ("KRB5_KDC_PROFILE", kdc_conf.as_path()),
    ];
    run(
        "kdb5_util",
        &["create", "-r", REALM, "-s", "-P", "kt-test-master-pw"],
        &env,
    )?;
    let broker_principal = format!("kafka/{KERBEROS_HOST}@{REALM}");
    let client_principal = format!("kt-client@{REALM}");
    let broker_keytab = d.join("kafka.keytab");
    let client_keytab = d.join("client.keytab");
    for (principal, keytab) in [
        (&broker_principal, &broker_keytab),
        (&client_principal, &client_keytab),
    ] {
        let add = format!("addprinc -randkey {principal}");
        run("kadmin.local", &["-r", REALM, "-q", &add], &env)?;
        let export = format!("ktadd -k {} {principal}", keytab.display());
        run("kadmin.local", &["-r", REALM, "-q", &export], &env)?;
    }
    let server = Server::spawn_with_env(
        Path::new("krb5kdc"),
        &["-n".to_string(), "-r".to_string(), REALM.to_string()],
        port,
        "krb5kdc.log",
        &[
            ("KRB5_CONFIG", krb5_conf.display().to_string()),
            ("KRB5_KDC_PROFILE", kdc_conf.display().to_string()),
        ],
    )?;
    Ok(Kdc {
        _server: server,
        krb5_conf,
        broker_keytab,
        broker_principal,
        client_keytab,
        client_principal,
        ccache: d.join("ccache"),
        _dir: dir,
    })
}
