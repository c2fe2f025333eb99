//! Readiness of the standard streams, asked of the kernel without blocking:
//! the only `poll(2)` calls in kt (through rustix, safely).

use std::time::Duration;

use rustix::event::{poll, PollFd, PollFlags, Timespec};

/// True when stdin has data or is at end of file, waiting up to `timeout`.
pub fn stdin_ready(timeout: Duration) -> bool {
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    // On an error (EINTR after a signal) let the caller look at its flags.
    let timeout = Timespec::try_from(timeout).ok();
    !matches!(poll(&mut fds, timeout.as_ref()), Ok(0))
}

/// True when nobody reads stdout any more (the reader of a pipe or socket
/// closed it), without writing to it. A terminal or a file never reports it.
pub fn stdout_closed() -> bool {
    let stdout = std::io::stdout();
    // POLLERR and POLLHUP are reported whatever the requested events.
    let mut fds = [PollFd::new(&stdout, PollFlags::empty())];
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    matches!(poll(&mut fds, Some(&zero)), Ok(n) if n > 0)
        && fds[0].revents().intersects(PollFlags::ERR | PollFlags::HUP)
}
