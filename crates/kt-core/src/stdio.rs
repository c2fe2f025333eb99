//! Readiness of the standard streams, asked of the kernel without blocking:
//! the only `poll(2)` calls in kt.

use std::time::Duration;

/// True when stdin has data or is at end of file, waiting up to `timeout`.
pub fn stdin_ready(timeout: Duration) -> bool {
    // On an error (EINTR after a signal) let the caller look at its flags.
    poll(0, libc::POLLIN, timeout) != 0
}

/// True when nobody reads stdout any more (the reader of a pipe or socket
/// closed it), without writing to it. A terminal or a file never reports it.
pub fn stdout_closed() -> bool {
    // POLLERR and POLLHUP are reported whatever the requested events.
    poll(1, 0, Duration::ZERO) > 0
}

fn poll(fd: libc::c_int, events: libc::c_short, timeout: Duration) -> libc::c_int {
    let mut fds = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, its count, and a bounded timeout.
    let n = unsafe { libc::poll(&mut fds, 1, ms) };
    if n > 0 && events == 0 && fds.revents & (libc::POLLERR | libc::POLLHUP) == 0 {
        return 0;
    }
    n
}
