//! Output that cannot take over a terminal: control characters in the text become visible.
//!
//! `saywho extract` wraps stdout in [`TerminalSafe`] when stdout is a terminal, so an article
//! carrying ANSI/OSC escape sequences (window titles, OSC 52 clipboard writes, cursor moves,
//! screen clears), C1 controls or bidirectional overrides prints them as placeholders instead of
//! obeying them; a carriage return not followed by a line feed (which would move the cursor back
//! over the line already printed) becomes `␍`. Output to a pipe or a file is left verbatim.
//!
//! Messages for stderr that quote a file name or input go through [`one_line`]: every control
//! character, line breaks included, becomes a placeholder, so a message stays one line.

use std::io::{self, Write};

/// The visible stand-in for `c`, if `c` must not reach a terminal: C0 controls other than tab,
/// line feed and carriage return become their Control Pictures (`␛` for ESC), DEL becomes `␡`,
/// C1 controls and bidirectional formatting characters become U+FFFD.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every character that must not reach a terminal replaced by its [`placeholder`].
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| placeholder(c).is_some()) {
        return text.into();
    }
    text.chars()
        .map(|c| placeholder(c).unwrap_or(c))
        .collect::<String>()
        .into()
}

/// `text` as one line that cannot take over a terminal: every character with a [`placeholder`]
/// is replaced, and so are tab, line feed and carriage return (`␉`, `␊`, `␍`).
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    let visible = |c: char| match c {
        '\t' | '\n' | '\r' => char::from_u32(0x2400 + c as u32),
        _ => placeholder(c),
    };
    if !text.chars().any(|c| visible(c).is_some()) {
        return text.into();
    }
    text.chars()
        .map(|c| visible(c).unwrap_or(c))
        .collect::<String>()
        .into()
}

/// The placeholder of a carriage return that no line feed follows.
const LONE_CR: char = '\u{240d}';

/// A writer that [`sanitize`]s UTF-8 text on its way to `inner` and shows a lone carriage return
/// as `␍` (CRLF stays). A character split across two writes is held back until it is complete,
/// and so is a final carriage return until the next byte tells whether a line feed follows;
/// bytes that are not UTF-8 become U+FFFD.
pub struct TerminalSafe<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> TerminalSafe<W> {
    pub fn new(inner: W) -> Self {
        TerminalSafe {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for TerminalSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut out = String::with_capacity(self.pending.len());
        // A carriage return ending the input so far waits for the next write.
        let cr_held = self.pending.last() == Some(&b'\r');
        let ready = self.pending.len() - cr_held as usize;
        let mut rest = &self.pending[..ready];
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(&sanitize(s));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // `good` is valid UTF-8 by construction.
                    out.push_str(&sanitize(std::str::from_utf8(good).unwrap_or_default()));
                    match e.error_len() {
                        Some(n) => {
                            out.push('\u{fffd}');
                            rest = &bad[n..];
                        }
                        None => {
                            rest = bad; // an incomplete character: wait for the rest
                            break;
                        }
                    }
                }
            }
        }
        let keep = rest.len() + cr_held as usize;
        if out.contains('\r') {
            out = show_lone_crs(&out);
        }
        self.inner.write_all(out.as_bytes())?;
        let len = self.pending.len();
        self.pending.drain(..len - keep);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `text` with every carriage return that no line feed follows replaced by `␍`.
fn show_lone_crs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            LONE_CR
        } else {
            c
        });
    }
    out
}

impl<W: Write> Drop for TerminalSafe<W> {
    fn drop(&mut self) {
        let held = match self.pending.as_slice() {
            [] => "",
            b"\r" => "\u{240d}",
            _ => "\u{fffd}",
        };
        let _ = self.inner.write_all(held.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible() {
        let hostile = "a\u{1b}]0;pwned\u{7}b\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202e}txt\u{7f}\r\n\tok";
        let s = sanitize(hostile);
        assert!(!s.chars().any(|c| placeholder(c).is_some()));
        assert_eq!(
            s,
            "a␛]0;pwned␇b␛]52;c;ZXZpbA==␇␛[2J\u{fffd}31m\u{fffd}txt␡\r\n\tok"
        );
        assert!(matches!(
            sanitize("plain “text” é 日本"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn writer_holds_split_characters_and_sanitizes() {
        let mut out = Vec::new();
        {
            let mut w = TerminalSafe::new(&mut out);
            let bytes = "“x\u{1b}[31m”\u{9b}".as_bytes();
            for b in bytes {
                w.write_all(&[*b]).unwrap();
            }
            w.write_all(b"\xFFz").unwrap();
            w.flush().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "“x␛[31m”\u{fffd}\u{fffd}z");
    }

    /// What reaches a terminal when `chunks` are written one after the other.
    fn on_terminal(chunks: &[&str]) -> String {
        let mut out = Vec::new();
        {
            let mut w = TerminalSafe::new(&mut out);
            for c in chunks {
                w.write_all(c.as_bytes()).unwrap();
                w.flush().unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_lone_carriage_return_is_shown_and_crlf_kept() {
        assert_eq!(
            on_terminal(&["Smith said: \"We will raise taxes.\"\rJones\n"]),
            "Smith said: \"We will raise taxes.\"␍Jones\n"
        );
        assert_eq!(
            on_terminal(&["a,b\r\n", "c\r", "\nd\r", "e\r"]),
            "a,b\r\nc\r\nd␍e␍"
        );
        assert_eq!(on_terminal(&["x\r", "\r\n"]), "x␍\r\n");
    }

    #[test]
    fn one_line_shows_every_control() {
        assert_eq!(
            one_line("nope\u{1b}]0;T\u{7}\ttab\nnext\rback.txt"),
            "nope␛]0;T␇␉tab␊next␍back.txt"
        );
        assert!(matches!(
            one_line("plain é.txt"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
