//! The commands, each turning resolved arguments into work on the engine, and what they share:
//! messages on stderr and the check that stdout is open.

use std::io::{self, Write};

use saywho_core::export::safe::one_line;

mod eval;
mod extract;
mod parallel;
mod read;

pub use eval::eval;
pub use extract::extract;
pub use read::read;

/// Prints `saywho: MESSAGE` on stderr as one line: file names and quoted input in the message
/// show their control characters (escape sequences, line breaks) as placeholders. A stderr that
/// cannot be written is ignored, so that the work goes on and the exit code still tells.
pub(crate) fn warn(message: impl std::fmt::Display) {
    let message = message.to_string();
    let _ = writeln!(io::stderr().lock(), "saywho: {}", one_line(&message));
}

/// Why stdout cannot be written at all, if it is closed (`>&-`). Rust's stdout drops writes to a
/// closed descriptor without a word, so the output would vanish under exit code 0.
pub(crate) fn stdout_closed() -> Option<io::Error> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        io::stdout().as_fd().try_clone_to_owned().err()
    }
    #[cfg(not(unix))]
    {
        None
    }
}
