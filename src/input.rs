//! Reading articles: files, stdin and the bundled sample, decoded to text.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// The bundled sample article, embedded so the reader works from any folder.
pub const SAMPLE_NAME: &str = "seed-ukraine-talks.txt";
pub const SAMPLE_TEXT: &str = include_str!("../assets/samples/seed-ukraine-talks.txt");

/// An article as read: where it came from and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// A display name: the path as given, `-` for stdin, or the sample's name.
    pub name: String,
    pub text: String,
}

/// Reads `path`, or stdin when it is `-`.
pub fn read_path(path: &Path) -> Result<Source> {
    if path.as_os_str() == "-" {
        return read_stdin();
    }
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("{name}: is a directory");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    Ok(Source {
        text: decode(&name, bytes)?,
        name,
    })
}

/// Reads all of stdin.
pub fn read_stdin() -> Result<Source> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("stdin: cannot read")?;
    let name = "-".to_string();
    Ok(Source {
        text: decode(&name, bytes)?,
        name,
    })
}

/// The bundled sample article.
pub fn sample() -> Source {
    Source {
        name: SAMPLE_NAME.to_string(),
        text: SAMPLE_TEXT.to_string(),
    }
}

/// Decodes bytes to text: UTF-8 (a byte-order mark is dropped); binary data is refused.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    if bytes.contains(&0) {
        bail!("{name}: looks like binary data (NUL bytes), not an article");
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
    }
}
