//! Signals, handled on a thread of their own so that the event loop only ever sees flags.
//!
//! SIGTERM, SIGHUP, SIGINT, SIGQUIT and SIGUSR1 end the reader through its normal exit (the loop
//! wakes at least every tick, sees the flag and quits: terminal restored, state saved as after
//! `q`). A second one while the first is pending restores the terminal and ends the process at
//! once (exit code 1), in case the loop is stuck. SIGTSTP asks the loop to suspend (restore the
//! terminal, stop, take it back on SIGCONT); SIGCONT alone asks for a full redraw.
//!
//! In raw mode Ctrl-C and Ctrl-Z are keys, not signals; they still arrive from `kill`. A SIGHUP
//! ignored when the reader starts (`nohup`) stays ignored.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

#[derive(Debug, Default)]
struct Flags {
    terminate: AtomicBool,
    suspend: AtomicBool,
    resumed: AtomicBool,
}

/// The installed handlers. Dropping it stops the handler thread (the signals are then ignored
/// for the little that is left of the process).
#[derive(Debug)]
pub struct Signals {
    flags: Arc<Flags>,
    #[cfg(unix)]
    handle: Option<signal_hook::iterator::Handle>,
}

impl Signals {
    /// Installs the handlers. When they cannot be installed the signals are left alone (the
    /// reader then ends as it would have without them).
    pub fn install() -> Signals {
        let flags = Arc::new(Flags::default());
        #[cfg(unix)]
        {
            let handle = unix::spawn(Arc::clone(&flags));
            Signals { flags, handle }
        }
        #[cfg(not(unix))]
        Signals { flags }
    }

    /// Flags that no signal sets (for tests and callers that handle signals themselves).
    pub fn none() -> Signals {
        Signals {
            flags: Arc::new(Flags::default()),
            #[cfg(unix)]
            handle: None,
        }
    }

    /// Whether a termination signal arrived.
    pub fn received(&self) -> bool {
        self.flags.terminate.load(Ordering::SeqCst)
    }

    /// Whether SIGTSTP arrived since the last call.
    pub fn take_suspend(&self) -> bool {
        self.flags.suspend.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGCONT arrived since the last call (the screen may have been drawn over).
    pub fn take_resumed(&self) -> bool {
        self.flags.resumed.swap(false, Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(handle) = self.handle.take() {
            handle.close();
        }
    }
}

#[cfg(unix)]
mod unix {
    use super::*;
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1};
    use signal_hook::iterator::{Handle, Signals as Iter};

    /// Whether `sig` is ignored now (inherited from the parent, as `nohup` does for SIGHUP).
    fn ignored(sig: i32) -> bool {
        // SAFETY: sigaction with a null new action only reads the current one into `old`.
        unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut old) == 0
                && old.sa_sigaction == libc::SIG_IGN
        }
    }

    pub(super) fn spawn(flags: Arc<Flags>) -> Option<Handle> {
        let mut sigs = vec![SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGTSTP, SIGCONT];
        if !ignored(SIGHUP) {
            sigs.push(SIGHUP);
        }
        let mut iter = Iter::new(&sigs).ok()?;
        let handle = iter.handle();
        let spawned = std::thread::Builder::new()
            .name("saywho-signals".into())
            .spawn(move || {
                for sig in iter.forever() {
                    match sig {
                        SIGTSTP => flags.suspend.store(true, Ordering::SeqCst),
                        SIGCONT => flags.resumed.store(true, Ordering::SeqCst),
                        _ if flags.terminate.swap(true, Ordering::SeqCst) => {
                            // The loop did not get to the first one: give the terminal back now.
                            crate::tui::restore_terminal();
                            std::process::exit(1);
                        }
                        _ => {}
                    }
                }
            });
        match spawned {
            Ok(_) => Some(handle),
            Err(_) => {
                handle.close();
                None
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// Waits (bounded) for the handler thread to see a raised signal.
    fn eventually(f: impl Fn() -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if f() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    }

    #[test]
    fn signals_set_their_flags() {
        let signals = Signals::install();
        assert!(!signals.received());
        signal_hook::low_level::raise(signal_hook::consts::SIGUSR1).unwrap();
        assert!(eventually(|| signals.received()));
        signal_hook::low_level::raise(signal_hook::consts::SIGCONT).unwrap();
        assert!(eventually(|| signals.take_resumed()));
        assert!(!signals.take_resumed(), "taken once");
    }
}
