//! The attribution detail of the current quote: speaker, the words it rests on, the alias chain and
//! the rule that decided. Laid out by [`crate::tui::detail`]: away from the quote, values wrapped
//! under the value column, scrolled when long.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::app::App;
use crate::tui::detail::{self, LABEL};
use crate::tui::keymap;

pub fn render(app: &App, _area: Rect, buf: &mut Buffer) {
    let (current, speaker) = app.current_speaker();
    if !current {
        return;
    }
    let theme = app.theme;
    let speaker_style = speaker
        .and_then(|id| app.rank_of(id))
        .map_or(theme.unattributed(), |r| theme.quote(r));
    let rect = detail::rect(app);
    let rows = detail::rows(app, rect.width.saturating_sub(2));
    let mut speaker = true;
    let lines: Vec<Line> = rows
        .iter()
        .map(|r| {
            if r.label.is_some_and(|l| l != "Speaker") {
                speaker = false;
            }
            let label = Span::styled(
                format!("{:<LABEL$}", r.label.unwrap_or("")),
                theme.heading(),
            );
            let value = if speaker {
                Span::styled(r.value.clone(), speaker_style)
            } else {
                Span::raw(r.value.clone())
            };
            Line::from(vec![label, value])
        })
        .collect();
    let room = usize::from(rect.height.saturating_sub(2));
    let scroll = app.detail_scroll().min(lines.len().saturating_sub(room));
    let mut block = Block::bordered()
        .title(format!(
            " Attribution · {} ",
            keymap::overlay_title(room < lines.len())
        ))
        .border_style(theme.chrome());
    if room < lines.len() {
        let last = (scroll + room).min(lines.len());
        block = block.title_bottom(format!(" {}–{last} of {} ", scroll + 1, lines.len()));
    }
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(block)
        .render(rect, buf);
}
