//! The outline pane: the article's headings, each with the number of quotations under it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{put, truncate};
use crate::tui::app::{digits, App, Focus};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    // One blank column of air on the right, before the article.
    let inner = Rect::new(area.x, area.y, area.width.saturating_sub(1), area.height);
    if inner.width < 6 || inner.height == 0 {
        return;
    }
    let w = inner.width;
    let focused = app.focus() == Focus::Outline;
    let doc = app.doc();
    let title = if focused {
        " Outline · j/k Enter"
    } else {
        " Outline"
    };
    let title_style = if focused {
        theme.heading().add_modifier(Modifier::UNDERLINED)
    } else {
        theme.heading()
    };
    put(buf, inner.x, inner.y, title, w, title_style);
    let list_h = usize::from(inner.height - 1);
    let skip = app.outline_skip();
    let section = app.section();
    let counts = app.heading_quotes();
    let count_w = digits(counts.iter().copied().max().unwrap_or(0)).max(3);
    for (i, h) in doc.headings().iter().enumerate().skip(skip).take(list_h) {
        let y = inner.y + 1 + (i - skip) as u16;
        let line_style = if focused && app.outline_cursor() == i {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, w, 1), line_style);
        let marker = if section == Some(i) { '▶' } else { ' ' };
        let count = format!(" {:>count_w$}", counts.get(i).copied().unwrap_or(0));
        let text_w = usize::from(w).saturating_sub(2 + count.len());
        let text = truncate(doc.slice(h).trim(), text_w);
        let name_style = if section == Some(i) {
            line_style.add_modifier(Modifier::BOLD)
        } else {
            line_style
        };
        let x = put(buf, inner.x, y, &format!("{marker} "), w, line_style);
        put(buf, x, y, &text, inner.right() - x, name_style);
        let cx = inner.right().saturating_sub(count.len() as u16);
        put(
            buf,
            cx,
            y,
            &count,
            inner.right() - cx,
            line_style.patch(theme.chrome()),
        );
    }
}
