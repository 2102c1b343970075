//! Termination signals (SIGTERM, SIGHUP, SIGINT) end the reader through its normal exit: the
//! handler only sets a flag, the event loop (which wakes at least every tick) sees it and quits,
//! so the terminal is restored and the reading state saved as after `q`. A second signal of the
//! same kind while the first is pending ends the process at once (exit code 1), in case the loop
//! is stuck in long work.
//!
//! In raw mode Ctrl-C is a key, not SIGINT; SIGINT still arrives from `kill -INT`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The installed handlers. Dropping it removes their actions (signal-hook keeps its own handler
/// installed, so the signals are then ignored for the little that is left of the process).
#[derive(Debug)]
pub struct Signals {
    flag: Arc<AtomicBool>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    /// Installs the handlers. Signals that cannot be hooked are left alone (the reader then
    /// ends as it would have without them).
    pub fn install() -> Signals {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            use signal_hook::flag;
            let mut ids = Vec::new();
            for sig in [SIGTERM, SIGHUP, SIGINT] {
                // The order matters: the shutdown check runs before the flag is set, so only a
                // second signal finds it set.
                if let Ok(id) = flag::register_conditional_shutdown(sig, 1, Arc::clone(&flag)) {
                    ids.push(id);
                }
                if let Ok(id) = flag::register(sig, Arc::clone(&flag)) {
                    ids.push(id);
                }
            }
            Signals { flag, ids }
        }
        #[cfg(not(unix))]
        Signals { flag }
    }

    /// A flag that no signal sets (for tests and callers that handle signals themselves).
    pub fn none() -> Signals {
        Signals {
            flag: Arc::new(AtomicBool::new(false)),
            #[cfg(unix)]
            ids: Vec::new(),
        }
    }

    /// Whether a termination signal arrived.
    pub fn received(&self) -> bool {
        self.flag.load(Ordering::Relaxed)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_signal_sets_the_flag() {
        let signals = Signals::install();
        assert!(!signals.received());
        signal_hook::low_level::raise(signal_hook::consts::SIGHUP).unwrap();
        assert!(signals.received());
    }
}
