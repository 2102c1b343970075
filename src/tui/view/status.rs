//! The status bar: file, position, quote counter, speaker, search, key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::tui::app::App;
use crate::tui::keymap;

fn num(n: Option<usize>) -> String {
    n.map_or_else(|| "–".to_string(), |n| n.to_string())
}

/// The left part of the status bar.
pub fn left(app: &App) -> String {
    let doc = app.doc();
    let (k, n) = app.match_position();
    if app.search.editing {
        let counter = if app.search.matches.is_empty() {
            "no match".to_string()
        } else {
            format!("{}/{n}", num(k))
        };
        let literal = if app.search.literal { " (literal)" } else { "" };
        return format!(" /{}▏  {counter}{literal}", app.search.input);
    }
    let mut s = format!(" {}  {}%", app.name(), app.percent());
    let (pos, total) = app.quote_position();
    match app.following() {
        Some(id) => s.push_str(&format!(
            "  {} {}/{total}",
            doc.speakers()[id].name,
            num(pos)
        )),
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
    if let Some(msg) = app.message() {
        s.push_str(&format!("  — {msg}"));
    } else if let Some(notice) = app.notice() {
        s.push_str(&format!("  — {notice}"));
    } else if app.is_blank() {
        s.push_str("  — no text");
    }
    s
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let style = app.theme.status();
    buf.set_style(area, style);
    let left = left(app);
    let x = put(buf, area.x, area.y, &left, area.width, style);
    let hints = format!("{} ", keymap::hints());
    let hw = hints.chars().count() as u16;
    if x + 2 + hw <= area.right() {
        put(buf, area.right() - hw, area.y, &hints, hw, style);
    }
}
