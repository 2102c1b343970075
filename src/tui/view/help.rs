//! The `?` overlay: every binding, generated from the keymap. When the terminal is shorter than
//! the help, it scrolls (j/k or the arrows) and its frame says which lines are shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{centered, screen_text};
use crate::tui::help::{self, HelpLine};
use crate::tui::keymap;
use crate::tui::theme::Theme;

/// The help's lines for a screen `area`, styled.
fn lines(theme: Theme, list: bool, area: Rect) -> Vec<Line<'static>> {
    let line = |l: HelpLine| match l {
        HelpLine::Section(title) => Line::styled(title, theme.heading()),
        HelpLine::Binding { keys, does } => {
            Line::raw(format!("  {:<14}{}", keys, screen_text(does)))
        }
        HelpLine::Blank => Line::raw(""),
    };
    help::lines(list, area.height)
        .into_iter()
        .map(line)
        .collect()
}

/// The help of the article view, or (`list`) of the article list, scrolled by `scroll` lines
/// (clamped to what there is).
pub fn render(theme: Theme, list: bool, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, list, area);
    let n = lines.len();
    let rect = centered(area, 78, n as u16 + 2);
    let room = help::room(n, area);
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
            .title(format!(" Keys · {} ", keymap::overlay_title(true)))
            .title_bottom(format!(" {}–{last} of {n}{more} ", scroll + 1));
    } else {
        block = block.title(format!(" Keys · {} ", keymap::overlay_title(false)));
    }
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(block)
        .style(Style::new())
        .render(rect, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every page of the help drawn on a screen of `w`×`h`, as text.
    fn pages(list: bool, w: u16, h: u16) -> String {
        let area = Rect::new(0, 0, w, h);
        let mut text = String::new();
        for scroll in 0..=help::max_scroll(list, area) {
            let mut buf = Buffer::empty(area);
            render(Theme::MONO, list, scroll, area, &mut buf);
            for y in 0..h {
                let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
                text.push_str(&row);
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn every_line_of_the_help_is_whole_at_80_columns() {
        for list in [false, true] {
            let shown = pages(list, 80, 24);
            for (_, keys, does) in keymap::help_rows_for(list) {
                let row = format!("{keys:<14}{}", screen_text(does));
                assert!(shown.contains(&row), "cut at 80 columns: {row:?}");
            }
        }
    }
}
