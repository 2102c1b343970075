//! The quote map: one column standing for the whole article, a tick per quotation in its speaker's
//! colour, the part on screen marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::app::{map_rows, App};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let rows = app.rows();
    let n = rows.len();
    let h = usize::from(area.height);
    let quotes = app.doc().quotes();
    let theme = app.theme;
    let top = app.top();
    let bottom = top + app.view_height();
    let text_end = app.doc().text().len() + 1;
    for y in 0..h {
        let span = map_rows(n, h, y);
        let visible = !span.is_empty() && span.start < bottom && span.end > top;
        let mut style = if visible {
            theme.map_visible()
        } else {
            theme.chrome()
        };
        let mut symbol = if visible { "┃" } else { "│" };
        if !span.is_empty() {
            let b0 = rows[span.start].start;
            let b1 = rows.get(span.end).map_or(text_end, |r| r.start);
            // The most telling quote in this stretch: the current one, else the followed
            // speaker's, else the first.
            let k = quotes.partition_point(|q| q.span.start < b0);
            let mut best: Option<(u8, usize)> = None;
            for (j, q) in quotes
                .iter()
                .enumerate()
                .skip(k)
                .take_while(|(_, q)| q.span.start < b1)
                .take(256)
            {
                let score = if app.current() == Some(j) {
                    3
                } else if app.following().is_some() && q.speaker == app.following() {
                    2
                } else {
                    1
                };
                if best.is_none_or(|(s, _)| score > s) {
                    best = Some((score, j));
                }
            }
            if let Some((_, j)) = best {
                let q = &quotes[j];
                let rank = q.speaker.and_then(|id| app.rank_of(id));
                let dim = app.following().is_some_and(|f| q.speaker != Some(f));
                let tick = match (rank, dim) {
                    (_, true) => theme.dimmed(),
                    (Some(r), false) => theme.quote(r),
                    (None, false) => theme.unattributed(),
                };
                symbol = if app.current() == Some(j) {
                    "◆"
                } else if rank.is_some() && app.is_unsure(j) {
                    // Named, but the engine is unsure (see LOW_CONFIDENCE).
                    "?"
                } else if rank.is_some() {
                    "■"
                } else {
                    "□"
                };
                style = Style::new().patch(tick);
                if visible {
                    style = style.patch(theme.map_visible());
                }
            }
        }
        buf[(area.x, area.y + y as u16)]
            .set_symbol(symbol)
            .set_style(style);
    }
}
