//! The quote map: one column standing for the whole article, a tick per quotation (and reported
//! statement, while shown) in its speaker's colour, the part on screen marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::article::speech_style;
use crate::tui::app::{map_rows, App};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let rows = app.rows();
    let n = rows.len();
    let h = usize::from(area.height);
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
            if let Some((sym, tick)) = tick(app, b0, b1) {
                symbol = sym;
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

/// The tick for the stretch of text `b0..b1`: its most telling speech (the current one, else the
/// followed speaker's, else the first quotation, else the first reported statement) as a symbol
/// and style; reported speech gets a smaller tick.
fn tick(app: &App, b0: usize, b1: usize) -> Option<(&'static str, Style)> {
    let doc = app.doc();
    let following = app.following();
    let score = |current: bool, speaker: Option<usize>, base: u8| {
        if current {
            4
        } else if following.is_some() && speaker == following {
            3
        } else {
            base
        }
    };
    let in_stretch = |start: usize| (b0..b1).contains(&start);
    let quotes = doc.quotes();
    let k = quotes.partition_point(|q| q.span.start < b0);
    let quoted = (k..quotes.len())
        .take_while(|&j| in_stretch(quotes[j].span.start))
        .take(256)
        .map(|j| {
            let q = &quotes[j];
            (
                score(app.current() == Some(j), q.speaker, 2),
                j,
                q.speaker,
                false,
            )
        });
    let reported = if app.shows_reported() {
        doc.reported()
    } else {
        &[]
    };
    let k = reported.partition_point(|r| r.span.start < b0);
    let said = (k..reported.len())
        .take_while(|&j| in_stretch(reported[j].span.start))
        .take(256)
        .map(|j| {
            let r = &reported[j];
            let current = app.current_reported() == Some(j);
            (score(current, r.speaker, 1), j, r.speaker, true)
        });
    let mut best: Option<(u8, usize, Option<usize>, bool)> = None;
    for c in quoted.chain(said) {
        if best.is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    let (score, j, speaker, is_reported) = best?;
    let attributed = speaker.and_then(|id| app.rank_of(id)).is_some();
    let symbol = match (score, attributed, is_reported) {
        (4, _, _) => "◆",
        // Named, but the engine is unsure (see LOW_CONFIDENCE).
        (_, true, false) if app.is_unsure(j) => "?",
        (_, true, false) => "■",
        (_, false, false) => "□",
        (_, true, true) => "▪",
        (_, false, true) => "▫",
    };
    Some((symbol, speech_style(app, speaker, is_reported)))
}
