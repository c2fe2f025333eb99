//! Java's `sasl.jaas.config`, read as Kafka reads it, and turned into the
//! librdkafka settings of each login module: PLAIN and SCRAM credentials,
//! Kerberos (`Krb5LoginModule`: a keytab or the ticket cache) and
//! OAUTHBEARER (OIDC client credentials, or Kafka's unsecured JWT for test
//! clusters).
//!
//! The line is `<LoginModuleClass> <flag> (<key>=<value>)*;`, split by a
//! `java.io.StreamTokenizer` (Kafka's `JaasConfig`): values are quoted
//! strings or bare words (`username=bob password=bob-secret;` is fine), and
//! `//`, `/* */` and a lone `/` start comments. No value is ever echoed.

use crate::error::KtError;

/// One login module of the line (Kafka's clients use the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginModule {
    /// The class's simple name: `PlainLoginModule`, `Krb5LoginModule`, ...
    pub name: String,
    pub options: Vec<(String, String)>,
}

impl LoginModule {
    pub fn option(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, key: &str) -> bool {
        self.option(key)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    }

    /// The librdkafka settings this module means, with the mechanism it
    /// implies (for a file that does not say `sasl.mechanism`).
    pub fn settings(&self) -> Result<Vec<(&'static str, String)>, String> {
        let need = |key: &str| {
            self.option(key)
                .map(str::to_string)
                .ok_or_else(|| format!("{} needs {key}=\"...\"", self.name))
        };
        let mut out = Vec::new();
        match self.name.as_str() {
            "PlainLoginModule" | "ScramLoginModule" => {
                out.push(("sasl.username", need("username")?));
                out.push(("sasl.password", need("password")?));
            }
            "Krb5LoginModule" => {
                if let Some(service) = self.option("serviceName") {
                    out.push(("sasl.kerberos.service.name", service.to_string()));
                }
                if let Some(principal) = self.option("principal") {
                    out.push(("sasl.kerberos.principal", principal.to_string()));
                }
                if self.flag("useKeyTab") {
                    out.push(("sasl.kerberos.keytab", need("keyTab")?));
                } else if self.flag("useTicketCache") {
                    // The ticket `kinit` left: librdkafka must not run its
                    // own kinit (which needs a keytab) to renew it.
                    out.push(("sasl.kerberos.min.time.before.relogin", "0".to_string()));
                } else {
                    return Err(
                        "Krb5LoginModule needs useKeyTab=true with keyTab=\"...\", or useTicketCache=true"
                            .to_string(),
                    );
                }
            }
            "OAuthBearerLoginModule" => {
                if let Some(sub) = self.option("unsecuredLoginStringClaim_sub") {
                    // Kafka's unsecured JWT, for test clusters.
                    out.push(("enable.sasl.oauthbearer.unsecure.jwt", "true".to_string()));
                    out.push(("sasl.oauthbearer.config", format!("principal={sub}")));
                } else {
                    out.push(("sasl.oauthbearer.method", "oidc".to_string()));
                    out.push(("sasl.oauthbearer.client.id", need("clientId")?));
                    out.push(("sasl.oauthbearer.client.secret", need("clientSecret")?));
                    if let Some(scope) = self.option("scope") {
                        out.push(("sasl.oauthbearer.scope", scope.to_string()));
                    }
                }
            }
            other => {
                return Err(format!(
                    "kt reads PlainLoginModule, ScramLoginModule, Krb5LoginModule and \
                     OAuthBearerLoginModule, not {other}"
                ))
            }
        }
        Ok(out)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Number,
    Char(char),
}

/// `java.io.StreamTokenizer` as Kafka's `JaasConfig` sets it up.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let word_start = |c: char| {
        c.is_ascii_alphabetic() || "-_$".contains(c) || ('\u{a0}'..='\u{ff}').contains(&c)
    };
    let digit = |c: char| c.is_ascii_digit() || c == '.';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c <= ' ' {
            i += 1;
        } else if c == '/' {
            match chars.get(i + 1) {
                Some('*') => {
                    i += 2;
                    while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                        i += 1;
                    }
                    i += 2;
                }
                // `//`, and a lone `/` (a comment character): to the line's end.
                _ => {
                    while i < chars.len() && chars[i] != '\n' && chars[i] != '\r' {
                        i += 1;
                    }
                }
            }
        } else if c == '"' || c == '\'' {
            let mut value = String::new();
            i += 1;
            while i < chars.len() && chars[i] != c && chars[i] != '\n' && chars[i] != '\r' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    i += 1;
                    value.push(match chars[i] {
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'v' => '\u{b}',
                        other => other,
                    });
                } else {
                    value.push(chars[i]);
                }
                i += 1;
            }
            i += 1;
            out.push(Token::Quoted(value));
        } else if word_start(c) {
            let start = i;
            while i < chars.len() && (word_start(chars[i]) || digit(chars[i])) {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else if digit(c) {
            while i < chars.len() && digit(chars[i]) {
                i += 1;
            }
            out.push(Token::Number);
        } else {
            out.push(Token::Char(c));
            i += 1;
        }
    }
    out
}

/// The first login module of a `sasl.jaas.config` value, or Kafka's reason
/// for refusing it (never the value itself).
pub fn parse(text: &str) -> Result<LoginModule, KtError> {
    let bad = |why: &str| KtError::config(format!("sasl.jaas.config: {why}"));
    let tokens = tokens(text);
    let mut it = tokens.into_iter();
    let module = match it.next() {
        Some(Token::Word(w) | Token::Quoted(w)) => w,
        _ => return Err(bad("Login module not specified in JAAS config")),
    };
    match it.next() {
        Some(Token::Word(flag))
            if ["required", "requisite", "sufficient", "optional"]
                .contains(&flag.to_ascii_lowercase().as_str()) => {}
        Some(_) => return Err(bad("Invalid login module control flag in JAAS config")),
        None => {
            return Err(bad(
                "Login module control flag not specified in JAAS config",
            ))
        }
    }
    let mut options = Vec::new();
    loop {
        let key = match it.next() {
            Some(Token::Char(';')) => break,
            Some(Token::Word(k) | Token::Quoted(k)) => k,
            _ => return Err(bad("JAAS config entry not terminated by semi-colon")),
        };
        let value = match (it.next(), it.next()) {
            (Some(Token::Char('=')), Some(Token::Word(v) | Token::Quoted(v))) => v,
            _ => {
                return Err(bad(&format!(
                    "Value not specified for key '{key}' in JAAS config"
                )))
            }
        };
        options.push((key, value));
    }
    let name = module.rsplit('.').next().unwrap_or(&module).to_string();
    Ok(LoginModule { name, options })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_and_bare_values_as_kafka_reads_them() {
        let m = parse(
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=bob password=\"b\\\"o b\";",
        )
        .unwrap();
        assert_eq!(m.name, "PlainLoginModule");
        assert_eq!(m.option("username"), Some("bob"));
        assert_eq!(m.option("password"), Some("b\"o b"));
        let m = parse("ScramLoginModule required username='u' /* note */ password=bob-secret;")
            .unwrap();
        assert_eq!(m.option("password"), Some("bob-secret"));
    }

    #[test]
    fn refusals_are_kafkas_and_never_echo_the_value() {
        for (text, why) in [
            ("", "Login module not specified"),
            ("X", "control flag not specified"),
            ("X maybe a=b;", "Invalid login module control flag"),
            ("X required a=b", "not terminated by semi-colon"),
            (
                "X required password=123;",
                "Value not specified for key 'password'",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.message.contains(why), "{text}: {e}");
            assert!(!e.message.contains("123"), "{e}");
        }
    }

    #[test]
    fn each_module_gives_librdkafkas_settings() {
        let krb = parse(
            "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true \
             keyTab=\"/etc/kafka/client.keytab\" principal=\"kt@EXAMPLE.COM\";",
        )
        .unwrap();
        assert_eq!(
            krb.settings().unwrap(),
            [
                ("sasl.kerberos.principal", "kt@EXAMPLE.COM".to_string()),
                (
                    "sasl.kerberos.keytab",
                    "/etc/kafka/client.keytab".to_string()
                ),
            ]
        );
        let cache = parse("Krb5LoginModule required useTicketCache=true;").unwrap();
        assert_eq!(
            cache.settings().unwrap(),
            [("sasl.kerberos.min.time.before.relogin", "0".to_string())]
        );
        let oidc = parse(
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required \
             clientId=\"kt\" clientSecret=\"s\" scope=\"kafka\";",
        )
        .unwrap();
        assert_eq!(
            oidc.settings().unwrap(),
            [
                ("sasl.oauthbearer.method", "oidc".to_string()),
                ("sasl.oauthbearer.client.id", "kt".to_string()),
                ("sasl.oauthbearer.client.secret", "s".to_string()),
                ("sasl.oauthbearer.scope", "kafka".to_string()),
            ]
        );
        let unsecured =
            parse("OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\"alice\";")
                .unwrap();
        assert_eq!(
            unsecured.settings().unwrap()[1],
            ("sasl.oauthbearer.config", "principal=alice".to_string())
        );
        let other = parse("com.example.Custom required;").unwrap();
        assert!(other.settings().unwrap_err().contains("not Custom"));
    }
}
