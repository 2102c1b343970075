//! The system clipboard through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`), which most
//! terminal emulators (xterm, kitty, WezTerm, iTerm2, foot, Windows Terminal, tmux with
//! `set-clipboard on`) turn into a clipboard write. The text goes base64-encoded, so nothing in it
//! can reach the terminal as a control sequence. Where the terminal cannot take it (a dumb
//! terminal, the Linux console, a text too long for a terminal's buffer, or
//! `SAYWHO_CLIPBOARD=file`), the text goes to a file instead and the status bar names it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// Terminals commonly cap an OSC 52 payload near 100 kB (xterm's default); longer goes to a file.
pub const MAX_OSC52_BASE64: usize = 100_000;

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// Whether to copy through the terminal, from `SAYWHO_CLIPBOARD` (`osc52` or `file`) and `TERM`.
pub fn terminal_allows(clipboard_var: Option<&str>, term: Option<&str>, len: usize) -> bool {
    match clipboard_var {
        Some("file") => return false,
        Some("osc52") => return true,
        _ => {}
    }
    let base64_len = len.div_ceil(3) * 4;
    let term = term.unwrap_or("");
    base64_len <= MAX_OSC52_BASE64 && !matches!(term, "" | "dumb" | "linux")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_base64_only() {
        let hostile = "“No,” she said.\x1b]0;pwned\x07\x1b[2J";
        let seq = osc52(hostile);
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        let payload = &seq["\x1b]52;c;".len()..seq.len() - 1];
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
        assert_eq!(STANDARD.decode(payload).unwrap(), hostile.as_bytes());
    }

    #[test]
    fn dumb_terminals_long_texts_and_the_setting_choose_a_file() {
        assert!(terminal_allows(None, Some("xterm-256color"), 10));
        assert!(!terminal_allows(None, Some("dumb"), 10));
        assert!(!terminal_allows(None, Some("linux"), 10));
        assert!(!terminal_allows(None, None, 10));
        assert!(!terminal_allows(None, Some("xterm"), 80_000));
        assert!(!terminal_allows(Some("file"), Some("xterm"), 10));
        assert!(terminal_allows(Some("osc52"), Some("dumb"), 10));
    }
}
