//! The status bar: file, position, quote counter, speaker, search, a message, key hints.
//!
//! What gives way when the bar is too narrow, first to last: the key hints, then the middle of
//! the file name. The position, the counters and a message are never cut while the name can
//! give room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use super::{put, screen_text};
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::wrap;

fn num(n: Option<usize>) -> String {
    n.map_or_else(|| "–".to_string(), |n| n.to_string())
}

/// The parts of a status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The file name (shortened in the middle when there is no room).
    pub name: String,
    /// Position and counters, kept whole.
    pub position: String,
    /// A message, kept whole.
    pub message: Option<String>,
}

/// The parts of the reader's status bar.
pub fn parts(app: &App) -> Parts {
    let doc = app.doc();
    let (k, n) = app.match_position();
    if app.search.editing {
        let counter = if app.search.input.is_empty() {
            "type a pattern (Enter alone repeats the last one)".to_string()
        } else if app.search.matches.is_empty() {
            "no match".to_string()
        } else if app.search.wrapped {
            format!("{}/{n} (from the top)", num(k))
        } else {
            format!("{}/{n}", num(k))
        };
        let literal = if app.search.literal { " (literal)" } else { "" };
        return Parts {
            name: String::new(),
            position: format!("/{}▏  {counter}{literal}", app.search.input),
            message: None,
        };
    }
    let mut s = format!("{}%", app.percent());
    let (pos, total) = app.quote_position();
    match app.following() {
        _ if app.is_analysing() => s.push_str("  finding the quotations…"),
        Some(id) => s.push_str(&format!(
            "  {} {}/{total}",
            doc.speakers()[id].name,
            num(pos)
        )),
        None if app.current_reported().is_some() => {
            let r = app.current_reported().unwrap_or(0);
            let of = doc.reported().len();
            s.push_str(&format!("  reported {}/{of}", r + 1));
            match doc.speaker_of_reported(&doc.reported()[r]) {
                Some(sp) => s.push_str(&format!("  {}", sp.name)),
                None => s.push_str("  (unattributed)"),
            }
        }
        None => {
            s.push_str(&format!("  quote {}/{total}", num(pos)));
            if let Some(sp) = app.current().and_then(|c| doc.speaker_of(&doc.quotes()[c])) {
                s.push_str(&format!("  {}", sp.name));
            } else if app.current().is_some() {
                s.push_str("  (unattributed)");
            }
        }
    }
    if app.current().is_some_and(|c| app.is_corrected(c)) {
        s.push_str("  ✎ corrected");
    }
    if !app.search.input.is_empty() {
        s.push_str(&format!("  /{} {}/{n}", app.search.input, num(k)));
    }
    let message = if let Some(msg) = app.message() {
        Some(msg.to_string())
    } else if let Some(notice) = app.notice() {
        Some(notice.to_string())
    } else if app.is_blank() {
        Some("no text".to_string())
    } else {
        None
    };
    Parts {
        name: app.name().to_string(),
        position: s,
        message,
    }
}

/// `s` cut to `width` cells in the middle, `…` standing for what was left out.
pub fn shorten_middle(s: &str, width: usize) -> String {
    let s = screen_text(s);
    if wrap::width(&s) <= width {
        return s;
    }
    if width == 0 {
        return String::new();
    }
    let graphemes: Vec<&str> = s.graphemes(true).collect();
    let keep = width - 1;
    let (mut head, mut tail) = (String::new(), Vec::new());
    let (mut hw, mut tw) = (0, 0);
    let (mut i, mut j) = (0, graphemes.len());
    // Alternate, the head first, until the room is used.
    while i < j {
        let take_head = hw <= tw;
        let g = if take_head {
            graphemes[i]
        } else {
            graphemes[j - 1]
        };
        let gw = wrap::cell_width(g);
        if hw + tw + gw > keep {
            break;
        }
        if take_head {
            head.push_str(g);
            hw += gw;
            i += 1;
        } else {
            tail.push(g);
            tw += gw;
            j -= 1;
        }
    }
    tail.reverse();
    format!("{head}…{}", tail.concat())
}

/// The left part of a status bar in `width` cells: ` NAME  POSITION  — MESSAGE`, the name
/// shortened in the middle to make room (and left out when even `…` does not fit).
pub fn compose(parts: &Parts, width: usize) -> String {
    let mut rest = format!("  {}", parts.position);
    if parts.name.is_empty() {
        rest = parts.position.clone();
    }
    if let Some(m) = &parts.message {
        rest.push_str(&format!("  — {m}"));
    }
    let room = width.saturating_sub(1 + wrap::width(&rest));
    let name = shorten_middle(&parts.name, room);
    if name.is_empty() && !parts.name.is_empty() {
        return format!(" {}", rest.trim_start());
    }
    format!(" {name}{rest}")
}

/// Draws a status bar: `parts` on the left, `hints` on the right when there is room for both.
pub fn draw(parts: &Parts, hints: &str, style: Style, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    buf.set_style(area, style);
    let w = usize::from(area.width);
    let whole = compose(parts, usize::MAX);
    let hints = format!("{hints} ");
    let hw = wrap::width(&hints);
    if wrap::width(&whole) + 2 + hw <= w {
        put(buf, area.x, area.y, &whole, area.width, style);
        let hx = area.right() - hw as u16;
        put(buf, hx, area.y, &hints, hw as u16, style);
    } else {
        put(buf, area.x, area.y, &compose(parts, w), area.width, style);
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    draw(&parts(app), &keymap::hints(), app.theme.status(), area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_shorten_in_the_middle() {
        let name = "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2.html";
        assert_eq!(shorten_middle(name, 11), "098bb….html");
        assert_eq!(shorten_middle("short.txt", 20), "short.txt");
        assert_eq!(shorten_middle("abc", 1), "…");
        assert_eq!(shorten_middle("abc", 0), "");
    }

    #[test]
    fn the_position_and_the_message_stay_whole() {
        let parts = Parts {
            name: "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2.html".into(),
            position: "12%  quote 3/52".into(),
            message: Some("no current quotation: press ] first".into()),
        };
        let line = compose(&parts, 80);
        assert_eq!(wrap::width(&line), 80, "{line}");
        assert!(line.starts_with(" 098bb3e"), "{line}");
        assert!(line.contains("…") && line.contains(".html  12%"), "{line}");
        assert!(line.ends_with("12%  quote 3/52  — no current quotation: press ] first"));
        // Narrower than the rest: the name goes first.
        let line = compose(&parts, 40);
        assert_eq!(
            line,
            " 12%  quote 3/52  — no current quotation: press ] first"
        );
    }
}
