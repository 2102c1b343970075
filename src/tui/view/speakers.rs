//! The speaker pane: speakers by number of quotes (and reported statements, while shown), and the
//! selected speaker's card.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{put, truncate};
use crate::tui::app::{
    digits, speaker_line_width, speaker_summary, App, Focus, BAR, FINDING, LOW_CONFIDENCE,
    NO_SPEAKERS,
};
use crate::tui::wrap;
use saywho_core::document::SpeakerId;

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
        let said = if app.is_analysing() {
            FINDING
        } else {
            NO_SPEAKERS
        };
        put(buf, inner.x, inner.y + 1, said, w, theme.chrome());
        return;
    }
    let list_h = usize::from(inner.height - 1);
    // Keep the cursor in view when the list is longer than the pane.
    let skip = (app.cursor() + 1).saturating_sub(list_h);
    let pane = Pane::of(app, usize::from(w));
    for (i, &id) in ranked.iter().enumerate().skip(skip).take(list_h) {
        let row = Rect::new(inner.x, inner.y + 1 + (i - skip) as u16, w, 1);
        speaker_line(app, &pane, i, id, row, buf);
    }
    // The card of the selected speaker, under the list.
    let shown = (ranked.len() - skip).min(list_h);
    let top = inner.y + 1 + shown as u16 + 1;
    if let Some(&id) = ranked.get(app.cursor()) {
        let below = Rect::new(inner.x, top, w, inner.bottom().saturating_sub(top));
        card(app, id, pane.total, below, buf);
    }
}

/// What every line of the list shares: the total of quotes, the width of the counts, and
/// whether there is room for the bars (they give way before any name is cut).
struct Pane {
    total: usize,
    count_w: usize,
    bars: bool,
}

impl Pane {
    /// The list of `app` on lines `w` cells wide (the pane's column of air left out).
    fn of(app: &App, w: usize) -> Pane {
        let speakers = || app.ranked().iter().map(|&id| &app.doc().speakers()[id]);
        let voices = || app.ranked().iter().map(|&id| app.voice_of(id));
        let count_w = digits(voices().max().unwrap_or(0));
        let name_w = speakers().map(|s| wrap::width(&s.name)).max().unwrap_or(0);
        Pane {
            total: voices().sum(),
            count_w,
            bars: w + 1 >= speaker_line_width(name_w, count_w, true),
        }
    }
}

/// Line `row` of the list: the speaker ranked `i` (its number, colour, name, count, share of the
/// quotes), marked when followed, reversed when selected in the focused pane. The count always
/// shows.
fn speaker_line(app: &App, pane: &Pane, i: usize, id: SpeakerId, row: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let s = &app.doc().speakers()[id];
    let (y, w) = (row.y, usize::from(row.width));
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
    let mut x = put(
        buf,
        row.x,
        y,
        &format!("{marker}{num} "),
        row.width,
        line_style,
    );
    let swatch = theme.quote(i).patch(line_style);
    x = put(buf, x, y, "■ ", row.right() - x, swatch);
    let name_style = if followed {
        line_style.add_modifier(Modifier::BOLD)
    } else {
        line_style
    };
    // The pane's own column of air is outside `row`.
    let fixed = speaker_line_width(0, pane.count_w, pane.bars) - 1;
    let name = truncate(&s.name, w.saturating_sub(fixed));
    put(buf, x, y, &name, row.right() - x, name_style);
    let voice = app.voice_of(id);
    let mut right = format!(" {:>cw$}", voice, cw = pane.count_w);
    if pane.bars {
        let share = voice as f64 / pane.total.max(1) as f64;
        right.push_str(&format!(" {:<BAR$}", bar(share)));
    }
    let rx = row.right().saturating_sub(right.chars().count() as u16);
    put(
        buf,
        rx.max(x),
        y,
        &right,
        row.right() - rx.max(x),
        line_style.patch(theme.quote(i)),
    );
}

/// The selected speaker's card in `area`: name, kind, share of the `total` quotes, aliases; long
/// lines wrap.
fn card(app: &App, id: SpeakerId, total: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let s = &app.doc().speakers()[id];
    let (w, mut y) = (area.width, area.y);
    // A line wrapped at the pane's width; after a bullet, its next lines hang under the text.
    let mut bulleted = |bullet: &str, text: &str, indent: usize, style: Style| {
        let hang = indent + wrap::width(bullet);
        let room = usize::from(w).saturating_sub(hang);
        for (k, part) in wrap::lines(text, room).into_iter().enumerate() {
            if y < area.bottom() {
                if k == 0 {
                    put(buf, area.x + indent as u16, y, bullet, w, style);
                }
                put(buf, area.x + hang as u16, y, part, room as u16, style);
                y += 1;
            }
        }
    };
    let mut line = |text: &str, indent: usize, style: Style| bulleted("", text, indent, style);
    line(
        &s.name,
        1,
        theme.quote(app.cursor()).add_modifier(Modifier::BOLD),
    );
    line(
        &speaker_summary(s, total, app.counts_reported()),
        1,
        Style::new(),
    );
    let unsure = app.unsure_of(id);
    if unsure > 0 {
        let below = (LOW_CONFIDENCE * 100.0).round();
        let text = format!("? {unsure} unsure (below {below}% sure; w finds them)");
        line(&text, 1, theme.chrome().patch(theme.unsure()));
    }
    if !s.aliases.is_empty() {
        line("also:", 1, theme.chrome());
        for alias in &s.aliases {
            bulleted("· ", alias, 2, Style::new());
        }
    }
}
