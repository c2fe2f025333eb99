//! Kerberos (SASL GSSAPI) for kt's protocol path through Cyrus SASL, the
//! library librdkafka authenticates GSSAPI with (built in from source): the
//! same credentials cache, `krb5.conf` and service principal rules.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_uint};
use std::ptr;
use std::sync::OnceLock;

use sasl2_sys::prelude as sasl;

/// One GSSAPI exchange with one broker.
pub struct Gssapi {
    conn: *mut sasl::sasl_conn_t,
}

/// What a step gave: the token to send, and whether the exchange is done.
pub struct Step {
    pub token: Vec<u8>,
    pub done: bool,
}

fn init() -> Result<(), String> {
    static RESULT: OnceLock<i32> = OnceLock::new();
    // SAFETY: run once, with no callbacks (null).
    let code = *RESULT.get_or_init(|| unsafe { sasl::sasl_client_init(ptr::null()) });
    match code {
        0 => Ok(()),
        code => Err(format!("Cyrus SASL did not start (error {code})")),
    }
}

impl Gssapi {
    /// Starts an exchange for `service/host` and returns the first token.
    pub fn start(service: &str, host: &str) -> Result<(Gssapi, Step), String> {
        init()?;
        let service = CString::new(service).map_err(|_| "a NUL byte in the service name")?;
        let host = CString::new(host).map_err(|_| "a NUL byte in the host name")?;
        let mut conn = ptr::null_mut();
        // SAFETY: the strings outlive the call (Cyrus copies them); no
        // callbacks, so nothing of ours is called back; `conn` is written
        // by the call and disposed in Drop.
        let code = unsafe {
            sasl::sasl_client_new(
                service.as_ptr(),
                host.as_ptr(),
                ptr::null(),
                ptr::null(),
                ptr::null(),
                0,
                &mut conn,
            )
        };
        if code != sasl::SASL_OK {
            return Err(error_string(code));
        }
        let this = Gssapi { conn };
        let mechanism = CString::new("GSSAPI").map_err(|_| "mechanism")?;
        let mut out: *const c_char = ptr::null();
        let mut len: c_uint = 0;
        let mut chosen: *const c_char = ptr::null();
        // SAFETY: a live connection; the out pointers are written by Cyrus
        // and point into its own buffer, copied out before the next call.
        let code = unsafe {
            sasl::sasl_client_start(
                this.conn,
                mechanism.as_ptr(),
                ptr::null_mut(),
                &mut out,
                &mut len,
                &mut chosen,
            )
        };
        let step = this.answer(code, out, len)?;
        Ok((this, step))
    }

    /// The next token for the broker's `input`.
    pub fn step(&mut self, input: &[u8]) -> Result<Step, String> {
        let mut out: *const c_char = ptr::null();
        let mut len: c_uint = 0;
        // SAFETY: a live connection; `input` outlives the call; the out
        // pointers point into Cyrus' buffer, copied out at once.
        let code = unsafe {
            sasl::sasl_client_step(
                self.conn,
                input.as_ptr().cast(),
                c_uint::try_from(input.len()).unwrap_or(c_uint::MAX),
                ptr::null_mut(),
                &mut out,
                &mut len,
            )
        };
        self.answer(code, out, len)
    }

    fn answer(&self, code: i32, out: *const c_char, len: c_uint) -> Result<Step, String> {
        if code != sasl::SASL_OK && code != sasl::SASL_CONTINUE {
            // SAFETY: a live connection; Cyrus returns its own string.
            let detail = unsafe { sasl::sasl_errdetail(self.conn) };
            return Err(text(detail));
        }
        let token = if out.is_null() || len == 0 {
            Vec::new()
        } else {
            // SAFETY: Cyrus wrote `len` bytes at `out`, valid until its next call.
            unsafe { std::slice::from_raw_parts(out.cast::<u8>(), len as usize) }.to_vec()
        };
        Ok(Step {
            token,
            done: code == sasl::SASL_OK,
        })
    }
}

impl Drop for Gssapi {
    fn drop(&mut self) {
        // SAFETY: the connection was made in `start` and is disposed once.
        unsafe { sasl::sasl_dispose(&mut self.conn) };
    }
}

fn error_string(code: i32) -> String {
    // SAFETY: Cyrus returns a static string for any code.
    text(unsafe { sasl::sasl_errstring(code, ptr::null(), ptr::null_mut()) })
}

fn text(s: *const c_char) -> String {
    if s.is_null() {
        return String::new();
    }
    // SAFETY: a NUL-terminated string Cyrus owns, read at once.
    unsafe { CStr::from_ptr(s) }.to_string_lossy().into_owned()
}
