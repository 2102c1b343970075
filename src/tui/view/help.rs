//! The `?` overlay: every binding, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{centered, sanitize};
use crate::tui::app::App;
use crate::tui::keymap;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let mut lines: Vec<Line> = Vec::new();
    let mut section = "";
    for (sec, label, help) in keymap::help_rows() {
        if sec != section {
            if !section.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(sec.to_string(), app.theme.heading()));
            section = sec;
        }
        lines.push(Line::raw(format!("  {:<14}{}", label, sanitize(help))));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        "mouse: wheel scrolls, click a speaker to follow, a quote to select",
    ));
    let rect = centered(area, 78, lines.len() as u16 + 2);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" Keys · any key closes ")
                .border_style(app.theme.chrome()),
        )
        .style(Style::new())
        .render(rect, buf);
}
