//! The `?` overlay: every binding, generated from the keymap. When the terminal is shorter than
//! the help, it scrolls (j/k or the arrows) and its frame says which lines are shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{centered, sanitize};
use crate::tui::keymap;
use crate::tui::theme::Theme;

/// The help's lines for a screen `area` (sections are set apart by a blank line when there is
/// room for it).
fn lines(theme: Theme, list: bool, area: Rect) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    let mut section = "";
    let rows = keymap::help_rows_for(list);
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
    lines
}

/// Lines of help and lines of room inside the frame, on a screen `area`.
fn extent(list: bool, area: Rect) -> (usize, usize) {
    let n = lines(Theme::MONO, list, area).len();
    let h = (n + 2).min(usize::from(area.height));
    (n, h.saturating_sub(2))
}

/// How far the help can scroll on a screen `area` (0 when it fits).
pub fn max_scroll(list: bool, area: Rect) -> usize {
    let (n, room) = extent(list, area);
    n.saturating_sub(room)
}

/// The help of the article view, or (`list`) of the article list, scrolled by `scroll` lines
/// (clamped to what there is).
pub fn render(theme: Theme, list: bool, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, list, area);
    let n = lines.len();
    let rect = centered(area, 78, n as u16 + 2);
    let room = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(n.saturating_sub(room));
    let mut block = Block::bordered().border_style(theme.chrome());
    if room < n {
        let last = (scroll + room).min(n);
        let more = match (scroll > 0, last < n) {
            (true, true) => " ↑↓",
            (true, false) => " ↑",
            (false, _) => " ↓",
        };
        block = block
            .title(" Keys · j k scroll · Esc closes ")
            .title_bottom(format!(" {}–{last} of {n}{more} ", scroll + 1));
    } else {
        block = block.title(" Keys · any key closes ");
    }
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(block)
        .style(Style::new())
        .render(rect, buf);
}
