//! Pure rendering of `&App`: reads the state, never writes it.

mod article;
mod detail;
mod help;
mod list;
mod map;
mod outline;
mod picker;
mod speakers;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::app::{App, Areas, Overlay};
use super::shelf::Shelf;
use super::wrap;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = Areas::new(area, self.outline_open(), self.wants());
        if let Some(r) = areas.outline {
            outline::render(self, r, buf);
        }
        article::render(self, &areas, buf);
        if let Some(r) = areas.map {
            map::render(self, r, buf);
        }
        if let Some(r) = areas.speakers {
            speakers::render(self, r, buf);
        }
        status::render(self, areas.status, buf);
        match self.overlay() {
            Some(Overlay::Help) => help::render(self.theme, false, self.help_scroll(), area, buf),
            Some(Overlay::Detail) => detail::render(self, area, buf),
            None => {}
        }
        picker::render(self, area, buf);
    }
}

impl Widget for &Shelf {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.app() {
            Some(app) => app.render(area, buf),
            None => list::render(self, area, buf),
        }
    }
}

/// `s` as drawn on screen, grapheme by grapheme as [`wrap::cell`] shows it (so its width is what
/// the wrapping measured). The characters replaced by placeholders are those of the engine's
/// [`saywho_core::export::safe::sanitize`] (the two share its `placeholder`), and so are the
/// placeholders; unlike it, tabs and line ends become one space each (`\r\n` is one grapheme,
/// so one space): in a cell of the screen they would move the cursor, while `extract`'s output
/// keeps them as the line structure of the text.
pub fn screen_text(s: &str) -> String {
    s.graphemes(true).map(|g| wrap::cell(g).0).collect()
}

/// Writes `s` (as [`screen_text`]) at `(x, y)`, at most `max` cells; returns the column after it.
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    if max == 0 || y >= buf.area.bottom() || x >= buf.area.right() {
        return x;
    }
    buf.set_stringn(x, y, screen_text(s), usize::from(max), style)
        .0
}

/// `s` cut to `width` cells, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    let total: usize = s.graphemes(true).map(wrap::cell_width).sum();
    if total <= width {
        return screen_text(s);
    }
    for g in s.graphemes(true) {
        let (shown, gw) = wrap::cell(g);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(&shown);
        w += gw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use saywho_core::export::safe::sanitize;

    #[test]
    fn screen_text_replaces_what_the_engine_sanitizes_and_the_same_way() {
        let hostile = "a\u{1b}]0;title\u{7}b\u{9b}31m\u{202e}txt\u{7f}\u{200f} é 日本 “x”";
        assert_eq!(screen_text(hostile), sanitize(hostile));
    }

    #[test]
    fn screen_text_turns_tabs_and_line_ends_into_one_space_each() {
        let text = "She said:\t\u{201c}No.\u{201d}\r\nThen\nleft";
        assert_eq!(sanitize(text), text);
        assert_eq!(screen_text(text), "She said: \u{201c}No.\u{201d} Then left");
    }
}
