//! The `?` overlay: every binding, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{centered, sanitize};
use crate::tui::keymap;
use crate::tui::theme::Theme;

/// The help of the article view, or (`list`) of the article list.
pub fn render(theme: Theme, list: bool, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    let mut section = "";
    let rows = keymap::help_rows_for(list);
    // Sections are set apart by a blank line when there is room for it.
    let room = usize::from(area.height.saturating_sub(2));
    let sections = rows
        .iter()
        .map(|r| r.0)
        .collect::<std::collections::BTreeSet<_>>();
    let airy = rows.len() + 3 * sections.len() <= room;
    for (sec, label, help) in rows {
        if sec != section {
            if !section.is_empty() && airy {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(sec.to_string(), theme.heading()));
            section = sec;
        }
        lines.push(Line::raw(format!("  {:<14}{}", label, sanitize(help))));
    }
    if airy {
        lines.push(Line::raw(""));
        lines.push(Line::raw(
            "mouse: wheel scrolls, click a speaker to follow, a quote to select",
        ));
    }
    let rect = centered(area, 78, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" Keys · any key closes ")
                .border_style(theme.chrome()),
        )
        .style(Style::new())
        .render(rect, buf);
}
