//! The speaker pane: speakers by number of quotes, and the selected speaker's card.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{put, truncate};
use crate::tui::app::{App, Focus};
use saywho_core::document::{EntityKind, SpeakerId};

const BAR: usize = 5;

/// A share-of-voice bar `BAR` cells wide, in eighths.
pub fn bar(share: f64) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let eighths = (share.clamp(0.0, 1.0) * (BAR * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    s
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    // The quote map to the left is the separator; one blank column of air.
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        area.height,
    );
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let w = inner.width;
    let focused = app.focus() == Focus::Speakers;
    let doc = app.doc();
    let ranked = app.ranked();
    let title = if focused {
        " Speakers · j/k Enter"
    } else {
        " Speakers"
    };
    let title_style = if focused {
        theme.heading().add_modifier(Modifier::UNDERLINED)
    } else {
        theme.heading()
    };
    put(buf, inner.x, inner.y, title, w, title_style);
    if ranked.is_empty() {
        put(
            buf,
            inner.x,
            inner.y + 1,
            " no attributed quotes",
            w,
            theme.chrome(),
        );
        return;
    }
    let total: usize = ranked
        .iter()
        .map(|&id| doc.speakers()[id].quote_count)
        .sum();
    let list_h = usize::from(inner.height - 1);
    // Keep the cursor in view when the list is longer than the pane.
    let skip = (app.cursor() + 1).saturating_sub(list_h);
    for (i, &id) in ranked.iter().enumerate().skip(skip).take(list_h) {
        let row = Rect::new(inner.x, inner.y + 1 + (i - skip) as u16, w, 1);
        speaker_line(app, i, id, total, row, buf);
    }
    // The card of the selected speaker, under the list.
    let shown = (ranked.len() - skip).min(list_h);
    let top = inner.y + 1 + shown as u16 + 1;
    if let Some(&id) = ranked.get(app.cursor()) {
        let below = Rect::new(inner.x, top, w, inner.bottom().saturating_sub(top));
        card(app, id, total, below, buf);
    }
}

/// Line `row` of the list: the speaker ranked `i` (its number, colour, name, count, share of the
/// `total` quotes), marked when followed, reversed when selected in the focused pane.
fn speaker_line(app: &App, i: usize, id: SpeakerId, total: usize, row: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let s = &app.doc().speakers()[id];
    let (y, w) = (row.y, row.width);
    let followed = app.following() == Some(id);
    let selected = app.cursor() == i;
    let line_style = if selected && app.focus() == Focus::Speakers {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new()
    };
    buf.set_style(row, line_style);
    let num = if i < 9 {
        char::from(b'1' + i as u8)
    } else {
        ' '
    };
    let marker = if followed { '▶' } else { ' ' };
    let mut x = put(buf, row.x, y, &format!("{marker}{num} "), w, line_style);
    let swatch = theme.quote(i).patch(line_style);
    x = put(buf, x, y, "■ ", row.right() - x, swatch);
    let name_style = if followed {
        line_style.add_modifier(Modifier::BOLD)
    } else {
        line_style
    };
    let name_w = usize::from(w).saturating_sub(5 + 4 + BAR + 1);
    let name = truncate(&s.name, name_w);
    put(buf, x, y, &name, row.right() - x, name_style);
    let right = format!(
        "{:>3} {:<BAR$}",
        s.quote_count,
        bar(s.quote_count as f64 / total.max(1) as f64)
    );
    let rx = row.right().saturating_sub(right.chars().count() as u16);
    if rx > x + name.chars().count() as u16 {
        put(
            buf,
            rx,
            y,
            &right,
            row.right() - rx,
            line_style.patch(theme.quote(i)),
        );
    }
}

/// The selected speaker's card in `area`: name, kind, share of the `total` quotes, aliases.
fn card(app: &App, id: SpeakerId, total: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let s = &app.doc().speakers()[id];
    let (w, mut y) = (area.width, area.y);
    let wu = usize::from(w);
    let mut line = |text: &str, style: Style| {
        if y < area.bottom() {
            put(buf, area.x, y, &truncate(text, wu), w, style);
            y += 1;
        }
    };
    line(
        &format!(" {}", s.name),
        theme.quote(app.cursor()).add_modifier(Modifier::BOLD),
    );
    let kind = match s.kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
    };
    let pct = s.quote_count * 100 / total.max(1);
    line(
        &format!(" {kind}, {} quotes, {pct}% of voice", s.quote_count),
        Style::new(),
    );
    if !s.aliases.is_empty() {
        line(" also:", theme.chrome());
        for alias in &s.aliases {
            line(&format!("  · {alias}"), Style::new());
        }
    }
}
