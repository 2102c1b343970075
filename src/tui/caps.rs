//! What the terminal can do, as `TERM` says, and output that stays within it.
//!
//! A `dumb` terminal (or none named) gets no alternate screen, no mouse tracking and no colour.
//! Any other gets the 16 ANSI colours as the plain SGR codes every colour terminal knows
//! (`ESC[36m`, `ESC[96m`): crossterm writes them in the 256-colour form (`ESC[38;5;6m`), which a
//! 16-colour terminal (`xterm-16color`, the Linux console) may not read, so [`AnsiColors`]
//! rewrites them on the way out.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// What the terminal can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// The alternate screen (the text under the reader is back after it).
    pub alt_screen: bool,
    /// Mouse tracking.
    pub mouse: bool,
    /// Colours (the 16 ANSI ones).
    pub color: bool,
}

impl Caps {
    /// What a terminal named `term` (the value of `TERM`) can do.
    pub fn of(term: Option<&str>) -> Caps {
        let dumb = term.is_none_or(|t| t.is_empty() || t == "dumb");
        Caps {
            alt_screen: !dumb,
            mouse: !dumb,
            color: !dumb,
        }
    }

    /// What the terminal of this process can do.
    pub fn from_env() -> Caps {
        Caps::of(std::env::var("TERM").ok().as_deref())
    }
}

/// What the terminal was set up with, for the restore paths (panic hook, signal thread,
/// suspend) that have no [`Caps`] at hand. Until [`remember`] says otherwise: everything, as
/// releasing what was never taken is harmless to a capable terminal.
static ALT_SCREEN: AtomicBool = AtomicBool::new(true);
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Records what the terminal was set up with.
pub fn remember(caps: Caps, mouse: bool) {
    ALT_SCREEN.store(caps.alt_screen, Ordering::SeqCst);
    MOUSE.store(mouse && caps.mouse, Ordering::SeqCst);
}

/// Whether the alternate screen is in use.
pub fn alt_screen() -> bool {
    ALT_SCREEN.load(Ordering::SeqCst)
}

/// Whether the mouse is captured.
pub fn mouse() -> bool {
    MOUSE.load(Ordering::SeqCst)
}

/// A writer that holds a frame until `flush` and writes it with the 256-colour forms of the 16
/// ANSI colours (`38;5;N`, `48;5;N` with N < 16) turned into their plain SGR codes.
#[derive(Debug)]
pub struct AnsiColors<W: Write> {
    inner: W,
    frame: Vec<u8>,
}

impl<W: Write> AnsiColors<W> {
    pub fn new(inner: W) -> AnsiColors<W> {
        AnsiColors {
            inner,
            frame: Vec::new(),
        }
    }

    /// The writer written to.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }
}

impl<W: Write> Write for AnsiColors<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let frame = std::mem::take(&mut self.frame);
        self.inner.write_all(&plain_colors(&frame))?;
        self.inner.flush()
    }
}

/// `bytes` with every SGR sequence's 256-colour forms of the 16 ANSI colours made plain.
pub fn plain_colors(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let params = i + 2;
            let end = bytes[params..]
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b';'))
                .map(|k| params + k);
            if let Some(end) = end.filter(|&e| bytes[e] == b'm') {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(&plain_params(&bytes[params..end]));
                out.push(b'm');
                i = end + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// `38;5;6;1` → `36;1`: the parameters of one SGR sequence.
fn plain_params(params: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut k = 0;
    while k < parts.len() {
        let indexed = (parts[k] == "38" || parts[k] == "48") && parts.get(k + 1) == Some(&"5");
        let n = parts.get(k + 2).and_then(|n| n.parse::<u8>().ok());
        match n.filter(|&n| indexed && n < 16) {
            Some(n) => {
                let base = if parts[k] == "38" { 30 } else { 40 };
                let code = if n < 8 { base + n } else { base + 60 + n - 8 };
                out.push(code.to_string());
                k += 3;
            }
            None => {
                out.push(parts[k].to_string());
                k += 1;
            }
        }
    }
    out.join(";").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dumb_terminal_gets_no_screen_mouse_or_colour() {
        for term in [None, Some(""), Some("dumb")] {
            let caps = Caps::of(term);
            assert!(!caps.alt_screen && !caps.mouse && !caps.color, "{term:?}");
        }
        for term in ["xterm", "xterm-16color", "screen-256color", "linux"] {
            assert_eq!(
                Caps::of(Some(term)),
                Caps {
                    alt_screen: true,
                    mouse: true,
                    color: true
                }
            );
        }
    }

    #[test]
    fn the_sixteen_colours_are_written_as_plain_sgr_codes() {
        let t = |s: &str| String::from_utf8(plain_colors(s.as_bytes())).unwrap();
        assert_eq!(t("\x1b[38;5;6mx"), "\x1b[36mx");
        assert_eq!(t("\x1b[48;5;11m"), "\x1b[103m");
        assert_eq!(t("\x1b[38;5;8;48;5;0m"), "\x1b[90;40m");
        assert_eq!(t("\x1b[1m\x1b[39;49m"), "\x1b[1m\x1b[39;49m");
        // Other colours and other sequences pass as they are.
        assert_eq!(
            t("\x1b[38;5;200m\x1b[2;3H\x1b[?1049h"),
            "\x1b[38;5;200m\x1b[2;3H\x1b[?1049h"
        );
        assert_eq!(t("a \x1b[ b"), "a \x1b[ b");
    }

    #[test]
    fn a_frame_is_written_on_flush() {
        let mut w = AnsiColors::new(Vec::new());
        w.write_all(b"\x1b[38;5;").unwrap();
        w.write_all(b"3mhi").unwrap();
        assert!(w.get_ref().is_empty());
        w.flush().unwrap();
        assert_eq!(w.get_ref(), b"\x1b[33mhi");
    }
}
