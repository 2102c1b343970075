//! The speaker picker of a correction: what it is for, the name typed, the choices.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use super::{centered, put, truncate};
use crate::tui::app::{App, Choice, Purpose};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.picker() else { return };
    let doc = app.doc();
    let title = match p.purpose {
        Purpose::Assign => " Who said it? · type to filter or name · Enter · Esc ".to_string(),
        Purpose::Merge(from) => format!(" Merge {} into · Enter · Esc ", doc.speakers()[from].name),
    };
    let choices = app.pick_choices();
    let rows = u16::try_from(choices.len())
        .unwrap_or(u16::MAX)
        .clamp(1, 12);
    let rect = centered(area, 64, rows + 3);
    Clear.render(rect, buf);
    let theme = app.theme;
    Block::bordered()
        .title(truncate(&title, usize::from(rect.width.saturating_sub(2))))
        .border_style(theme.chrome())
        .render(rect, buf);
    let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
    if inner.height == 0 {
        return;
    }
    let w = inner.width;
    put(
        buf,
        inner.x,
        inner.y,
        &format!("› {}▏", p.input),
        w,
        theme.heading(),
    );
    let shown = usize::from(inner.height.saturating_sub(1));
    let skip = (p.cursor + 1).saturating_sub(shown);
    for (row, (i, choice)) in choices
        .iter()
        .enumerate()
        .skip(skip)
        .take(shown)
        .enumerate()
    {
        let line = match choice {
            Choice::Speaker(id) => {
                let s = &doc.speakers()[*id];
                format!("  {} ({})", s.name, s.quote_count)
            }
            Choice::New(name) => format!("  new speaker: {name}"),
        };
        let style = if i == p.cursor {
            theme.current()
        } else {
            ratatui::style::Style::default()
        };
        let y = inner.y + 1 + u16::try_from(row).unwrap_or(0);
        put(buf, inner.x, y, &truncate(&line, usize::from(w)), w, style);
    }
    if choices.is_empty() {
        put(
            buf,
            inner.x,
            inner.y + 1,
            "  no speaker matches",
            w,
            theme.dimmed(),
        );
    }
}
