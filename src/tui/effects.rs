//! Doing what the model asked for outside itself ([`Effect`]): the clipboard, exported files.
//! Each returns the line the status bar says about it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::app::Effect;
use super::clipboard;

/// Where files go when the place asked for cannot take them: the state directory, else the
/// temporary directory.
fn fallback_dir() -> PathBuf {
    super::state::default_dir().unwrap_or_else(std::env::temp_dir)
}

/// Puts `text` on the clipboard through the terminal, or in `clipboard.txt` of the state
/// directory; says which.
pub fn copy(text: &str, out: &mut impl Write) -> String {
    let var = std::env::var("SAYWHO_CLIPBOARD").ok();
    let term = std::env::var("TERM").ok();
    if clipboard::terminal_allows(var.as_deref(), term.as_deref(), text.len()) {
        let sent = out
            .write_all(clipboard::osc52(text).as_bytes())
            .and_then(|()| out.flush());
        if sent.is_ok() {
            return "copied to the clipboard (OSC 52): paste it anywhere".to_string();
        }
    }
    let dir = fallback_dir();
    match write_new(&dir, "clipboard.txt", text, true) {
        Ok(path) => format!("copied to {}", path.display()),
        Err(e) => format!("could not copy: {e}"),
    }
}

/// Writes an exported digest to the current directory (else the state directory) under a name
/// made from `stem`, never over an existing file; says where.
pub fn export(stem: &str, markdown: &str) -> String {
    let name = format!("{}.md", slug(stem));
    let written = write_new(Path::new("."), &name, markdown, false)
        .and_then(std::path::absolute)
        .or_else(|_| write_new(&fallback_dir(), &name, markdown, false));
    match written {
        Ok(path) => format!("digest written to {}", path.display()),
        Err(e) => format!("could not write the digest: {e}"),
    }
}

/// Does one effect; the status-bar line about it, if any.
pub fn run(effect: &Effect, out: &mut impl Write) -> Option<String> {
    match effect {
        Effect::Copy(text) => Some(copy(text, out)),
        Effect::Export { stem, markdown } => Some(export(stem, markdown)),
        Effect::ToggleMouse => None,
    }
}

/// Writes `DIR/NAME` (with `replace`), else the first of `NAME`, `STEM-2.EXT`, ... that does
/// not exist yet.
fn write_new(dir: &Path, name: &str, text: &str, replace: bool) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..1000 {
        let file = if n == 1 {
            name.to_string()
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(file);
        let mut options = std::fs::OpenOptions::new();
        options.write(true);
        if replace {
            options.create(true).truncate(true);
        } else {
            options.create_new(true);
        }
        match options.open(&path) {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many files of that name"))
}

/// A file name from a title: letters and digits kept (lower case), runs of anything else one
/// `-`, at most 60 characters; `saywho` when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "saywho".to_string()
    } else {
        format!("saywho-{out}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Talks: day 2 / Kyiv"), "saywho-talks-day-2-kyiv");
        assert_eq!(slug("../../etc/passwd"), "saywho-etc-passwd");
        assert_eq!(slug("\x1b[2J"), "saywho-2j");
        assert_eq!(slug("…"), "saywho");
        assert!(slug(&"a".repeat(500)).len() < 80);
    }

    #[test]
    fn exports_never_overwrite() {
        let dir = std::env::temp_dir().join(format!("saywho-effects-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let a = write_new(&dir, "d.md", "one", false).unwrap();
        let b = write_new(&dir, "d.md", "two", false).unwrap();
        assert_eq!(b, dir.join("d-2.md"));
        assert_eq!(std::fs::read_to_string(a).unwrap(), "one");
        let c = write_new(&dir, "clip.txt", "x", true).unwrap();
        write_new(&dir, "clip.txt", "y", true).unwrap();
        assert_eq!(std::fs::read_to_string(c).unwrap(), "y");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
