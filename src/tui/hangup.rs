//! The last guard against a hung-up terminal. The event loop checks the tty with its own
//! `poll(2)` before it lets crossterm read, but the terminal can go in the microseconds between
//! that check and crossterm's read, and crossterm's reader then loops for ever on a tty that reads
//! as empty. This watchdog waits on the same tty for the hang-up alone; if the loop has not said
//! it is leaving a moment after the hang-up, the loop is stuck and the process is ended.

use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long the loop has, after the terminal hung up, to notice it by itself.
pub const GRACE: Duration = Duration::from_secs(2);

pub struct Watchdog {
    leaving: Arc<AtomicBool>,
}

impl Watchdog {
    /// Watches `fd` (the terminal the keys come from) on a thread of its own; calls `on_stuck`
    /// if the terminal hangs up and [`Watchdog::leaving`] is not called within `grace`.
    pub fn start(fd: RawFd, grace: Duration, on_stuck: impl FnOnce() + Send + 'static) -> Watchdog {
        let leaving = Arc::new(AtomicBool::new(false));
        let seen = Arc::clone(&leaving);
        let spawned = std::thread::Builder::new()
            .name("saywho-hangup".into())
            .spawn(move || {
                if wait_for_hangup(fd) {
                    std::thread::sleep(grace);
                    if !seen.load(Ordering::SeqCst) {
                        on_stuck();
                    }
                }
            });
        // Without the thread the loop's own checks still hold; nothing more to do.
        drop(spawned);
        Watchdog { leaving }
    }

    /// The loop is on its way out: a hang-up from now on is expected.
    pub fn leaving(&self) {
        self.leaving.store(true, Ordering::SeqCst);
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.leaving();
    }
}

/// Blocks until `fd` hangs up or fails (true), or cannot be watched (false). Asking for no
/// events makes `poll` wake for the hang-up and errors only, never for input.
fn wait_for_hangup(fd: RawFd) -> bool {
    loop {
        let mut p = libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        };
        // SAFETY: one pollfd, valid for the call.
        let n = unsafe { libc::poll(&mut p, 1, -1) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return false;
        }
        if p.revents & libc::POLLNVAL != 0 {
            return false;
        }
        if p.revents & (libc::POLLHUP | libc::POLLERR) != 0 {
            return true;
        }
    }
}

/// Ends the process at once: the terminal is gone, so there is nothing to restore, and the
/// stuck thread may hold locks an orderly exit would wait for.
pub fn end_stuck_process() {
    // SAFETY: `_exit` only ends the process.
    unsafe { libc::_exit(1) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use std::sync::mpsc;

    /// A pseudo-terminal pair: (master, slave).
    fn pty() -> (std::fs::File, std::fs::File) {
        use std::os::fd::FromRawFd;
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two descriptors; the other arguments may be null.
        let r = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(r, 0, "openpty");
        // SAFETY: both descriptors are fresh and owned here.
        unsafe {
            (
                std::fs::File::from_raw_fd(master),
                std::fs::File::from_raw_fd(slave),
            )
        }
    }

    #[test]
    fn a_hang_up_the_loop_does_not_notice_ends_the_process() {
        let (master, slave) = pty();
        let (tx, rx) = mpsc::channel();
        let _dog = Watchdog::start(slave.as_raw_fd(), Duration::ZERO, move || {
            let _ = tx.send(());
        });
        drop(master);
        assert!(
            rx.recv_timeout(Duration::from_secs(20)).is_ok(),
            "the stuck loop was ended"
        );
    }

    #[test]
    fn a_loop_that_is_leaving_is_left_alone() {
        let (master, slave) = pty();
        let (tx, rx) = mpsc::channel();
        let dog = Watchdog::start(slave.as_raw_fd(), Duration::from_millis(200), move || {
            let _ = tx.send(());
        });
        dog.leaving();
        drop(master);
        assert!(rx.recv_timeout(Duration::from_secs(2)).is_err());
    }

    #[test]
    fn input_does_not_wake_the_watchdog() {
        use std::io::Write;
        let (mut master, slave) = pty();
        let (tx, rx) = mpsc::channel();
        let _dog = Watchdog::start(slave.as_raw_fd(), Duration::ZERO, move || {
            let _ = tx.send(());
        });
        master.write_all(b"jjj").unwrap();
        assert!(rx.recv_timeout(Duration::from_millis(500)).is_err());
        drop(master);
        assert!(rx.recv_timeout(Duration::from_secs(20)).is_ok());
    }
}
