//! The article list: title, number of quotations and top speakers of each article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{help, put, status, truncate};
use crate::tui::keymap;
use crate::tui::shelf::Shelf;

pub fn render(shelf: &Shelf, area: Rect, buf: &mut Buffer) {
    let theme = shelf.theme;
    if area.height == 0 || area.width == 0 {
        return;
    }
    let w = area.width;
    let n = shelf.len();
    let num_w = n.max(1).to_string().len();
    let count_w = 6;
    let rest = usize::from(w).saturating_sub(num_w + 2 + count_w + 2);
    let title_w = if rest >= 40 { rest * 11 / 20 } else { rest };
    let speakers_w = rest.saturating_sub(title_w + 2);
    let header = format!(
        " {:>num_w$} {:<title_w$}  {:>count_w$}  {}",
        "#", "Article", "quotes", "top speakers"
    );
    put(buf, area.x, area.y, &header, w, theme.heading());
    let list_h = usize::from(area.height.saturating_sub(2));
    let top = shelf.list_top();
    let rows = (top..shelf.row_count()).filter_map(|r| Some((r, shelf.article_at(r)?)));
    for (line, (r, i)) in rows.take(list_h).enumerate() {
        let y = area.y + 1 + line as u16;
        let style = if r == shelf.cursor() {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(area.x, y, w, 1), style);
        let (count, speakers) = match shelf.summary(i) {
            None => ("…".to_string(), String::new()),
            Some(Ok(s)) => (s.quotes.to_string(), s.speakers.join(", ")),
            Some(Err(e)) => ("!".to_string(), e.clone()),
        };
        let title = truncate(shelf.title(i), title_w);
        let text = format!(
            " {:>num_w$} {title:<title_w$}  {count:>count_w$}  {}",
            i + 1,
            truncate(&speakers, speakers_w)
        );
        put(buf, area.x, y, &text, w, style);
    }
    // The status bar.
    if area.height >= 2 {
        let shown = shelf.row_count();
        let mut position = format!("{}/{shown}", (shelf.cursor() + 1).min(shown));
        let rows = shelf.row_filter();
        if rows.editing || !rows.text.is_empty() {
            let caret = if rows.editing { "▏" } else { "" };
            position.push_str(&format!("  /{}{caret}", rows.text));
        }
        if rows.by_quotes {
            position.push_str("  by quotes");
        }
        let parts = status::Parts {
            name: format!("{n} articles"),
            position,
            message: shelf.notice().map(str::to_string),
        };
        let bar = Rect::new(area.x, area.bottom() - 1, w, 1);
        status::draw(&parts, &keymap::list_hints(), theme.status(), bar, buf);
    }
    if shelf.help_open() {
        help::render(theme, true, shelf.help_scroll(), area, buf);
    }
}
