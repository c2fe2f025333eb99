//! Users' SCRAM credentials: DescribeUserScramCredentials and
//! AlterUserScramCredentials (kafka-configs `--entity-type users`).

use std::ffi::CString;
use std::os::raw::c_char;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::error::RDKafkaErrorCode;

use super::admin::{admin_request, text, Guard};
use crate::error::KtError;

/// A broker's refusal: its code and text.
pub type Refusal = (RDKafkaErrorCode, String);

/// The SCRAM mechanisms Kafka knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    Sha256,
    Sha512,
}

impl Mechanism {
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Sha256 => "SCRAM-SHA-256",
            Mechanism::Sha512 => "SCRAM-SHA-512",
        }
    }

    pub fn from_name(name: &str) -> Option<Mechanism> {
        match name {
            "SCRAM-SHA-256" => Some(Mechanism::Sha256),
            "SCRAM-SHA-512" => Some(Mechanism::Sha512),
            _ => None,
        }
    }

    fn to_rd(self) -> rd::rd_kafka_ScramMechanism_t {
        match self {
            Mechanism::Sha256 => rd::rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_256,
            Mechanism::Sha512 => rd::rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_512,
        }
    }
}

/// One user's credentials: (mechanism name, iterations), or the refusal.
pub type UserCredentials = (String, Result<Vec<(String, i32)>, Refusal>);

/// # Safety
/// `error` is null or a live `rd_kafka_error_t`.
unsafe fn refusal(error: *const rd::rd_kafka_error_t) -> Option<Refusal> {
    if error.is_null() {
        return None;
    }
    let code = rd::rd_kafka_error_code(error);
    if code == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        return None;
    }
    Some((
        RDKafkaErrorCode::from(code),
        text(rd::rd_kafka_error_string(error)),
    ))
}

/// DescribeUserScramCredentials for `users` (empty: every user that has one).
pub fn describe<C: ClientContext>(
    client: &Client<C>,
    users: &[String],
    timeout: Duration,
) -> Result<Vec<UserCredentials>, KtError> {
    let rk = client.native_ptr();
    let names: Vec<CString> = users
        .iter()
        .map(|u| CString::new(u.as_str()).unwrap_or_default())
        .collect();
    let mut pointers: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
    // SAFETY: the names outlive the call (librdkafka copies them); the
    // result is read before its event is destroyed.
    unsafe {
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBEUSERSCRAMCREDENTIALS,
            timeout,
            "describing SCRAM credentials timed out",
            |options, queue| {
                rd::rd_kafka_DescribeUserScramCredentials(
                    rk,
                    pointers.as_mut_ptr(),
                    pointers.len(),
                    options,
                    queue,
                )
            },
        )?;
        let result = rd::rd_kafka_event_DescribeUserScramCredentials_result(event.0);
        let mut count = 0usize;
        let descriptions =
            rd::rd_kafka_DescribeUserScramCredentials_result_descriptions(result, &mut count);
        let mut out = Vec::with_capacity(count);
        for i in 0..count {
            let d = *descriptions.add(i);
            let user = text(rd::rd_kafka_UserScramCredentialsDescription_user(d));
            if let Some(r) = refusal(rd::rd_kafka_UserScramCredentialsDescription_error(d)) {
                out.push((user, Err(r)));
                continue;
            }
            let n = rd::rd_kafka_UserScramCredentialsDescription_scramcredentialinfo_count(d);
            let infos = (0..n)
                .map(|j| {
                    let info =
                        rd::rd_kafka_UserScramCredentialsDescription_scramcredentialinfo(d, j);
                    let name = match rd::rd_kafka_ScramCredentialInfo_mechanism(info) {
                        rd::rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_256 => {
                            "SCRAM-SHA-256"
                        }
                        rd::rd_kafka_ScramMechanism_t::RD_KAFKA_SCRAM_MECHANISM_SHA_512 => {
                            "SCRAM-SHA-512"
                        }
                        _ => "UNKNOWN",
                    };
                    (
                        name.to_string(),
                        rd::rd_kafka_ScramCredentialInfo_iterations(info),
                    )
                })
                .collect();
            out.push((user, Ok(infos)));
        }
        Ok(out)
    }
}

/// One change to a user's credentials.
pub enum Alteration {
    Upsert {
        mechanism: Mechanism,
        iterations: i32,
        password: Vec<u8>,
    },
    Delete(Mechanism),
}

/// AlterUserScramCredentials for one user; the broker's refusal if any.
pub fn alter<C: ClientContext>(
    client: &Client<C>,
    user: &str,
    changes: &[Alteration],
    timeout: Duration,
) -> Result<Option<Refusal>, KtError> {
    let rk = client.native_ptr();
    let name = CString::new(user).unwrap_or_default();
    // SAFETY: each alteration is made here and destroyed by its guard after
    // the request, which copies them; the password bytes outlive the
    // constructor call (which copies them, and makes the salt); the result
    // is read before its event is destroyed.
    unsafe {
        let guards: Vec<Guard<rd::rd_kafka_UserScramCredentialAlteration_t>> = changes
            .iter()
            .map(|c| {
                let p = match c {
                    Alteration::Upsert {
                        mechanism,
                        iterations,
                        password,
                    } => rd::rd_kafka_UserScramCredentialUpsertion_new(
                        name.as_ptr(),
                        mechanism.to_rd(),
                        *iterations,
                        password.as_ptr(),
                        password.len(),
                        std::ptr::null(),
                        0,
                    ),
                    Alteration::Delete(mechanism) => rd::rd_kafka_UserScramCredentialDeletion_new(
                        name.as_ptr(),
                        mechanism.to_rd(),
                    ),
                };
                Guard(p, rd::rd_kafka_UserScramCredentialAlteration_destroy)
            })
            .collect();
        let mut pointers: Vec<*mut rd::rd_kafka_UserScramCredentialAlteration_t> =
            guards.iter().map(|g| g.0).collect();
        let event = admin_request(
            rk,
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERUSERSCRAMCREDENTIALS,
            timeout,
            "altering SCRAM credentials timed out",
            |options, queue| {
                rd::rd_kafka_AlterUserScramCredentials(
                    rk,
                    pointers.as_mut_ptr(),
                    pointers.len(),
                    options,
                    queue,
                )
            },
        )?;
        let result = rd::rd_kafka_event_AlterUserScramCredentials_result(event.0);
        let mut count = 0usize;
        let responses = rd::rd_kafka_AlterUserScramCredentials_result_responses(result, &mut count);
        for i in 0..count {
            let r = *responses.add(i);
            if let Some(refused) =
                refusal(rd::rd_kafka_AlterUserScramCredentials_result_response_error(r))
            {
                return Ok(Some(refused));
            }
        }
        Ok(None)
    }
}
