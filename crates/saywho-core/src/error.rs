//! The engine's one error type: every failure names what it was reading, in one line.

use std::io;

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A read failed (`NAME: no such file`, `NAME: permission denied`, ...).
    #[error("{name}: {reason}")]
    Io { name: String, reason: String },
    /// The input is binary data (`NAME: looks like binary data (PNG image), not an article`).
    #[error("{name}: looks like binary data ({why}), not an article")]
    Binary { name: String, why: &'static str },
    /// A directory where a file was expected.
    #[error("{name}: is a directory")]
    Directory { name: String },
}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on `name`, worded as a short reason (`no such file`), without the OS error
    /// number.
    pub fn io(name: &str, e: &io::Error) -> Error {
        Error::Io {
            name: name.to_string(),
            reason: io_reason(e),
        }
    }

    /// Binary data where an article was expected.
    pub(crate) fn binary(name: &str, why: &'static str) -> Error {
        Error::Binary {
            name: name.to_string(),
            why,
        }
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => format!("cannot read: {e}"),
    }
}
