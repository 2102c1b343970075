//! The article pane: only the visible rows are drawn.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use saywho_core::document::SpeakerId;

use crate::tui::app::{App, Areas};
use crate::tui::wrap;

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    if let (Some(r), Some(header)) = (areas.header, app.header()) {
        let shown = super::truncate(header, usize::from(r.width));
        super::put(buf, r.x, r.y, &shown, r.width, app.theme.heading());
    }
    let t = areas.text;
    if app.is_blank() {
        if t.height > 0 {
            super::put(buf, t.x, t.y, "(no text)", t.width, app.theme.chrome());
        }
        return;
    }
    let rows = app.rows();
    let top = app.top();
    let end = (top + usize::from(t.height)).min(rows.len());
    if t.width == 0 || top >= end {
        return;
    }
    let doc = app.doc();
    let quotes = doc.quotes();
    let matches = &app.search.matches;
    let headings = doc.headings();
    let first = rows[top].start;
    // Reported speech, while shown (a quoted fragment inside keeps its quotation's style).
    let reported = if app.shows_reported() {
        doc.reported()
    } else {
        &[]
    };
    let mut qi = quotes.partition_point(|q| q.span.end <= first);
    let mut ri = reported.partition_point(|r| r.span.end <= first);
    let mut mi = matches.partition_point(|m| m.end <= first);
    let mut hi = headings.partition_point(|h| h.end <= first);
    let theme = app.theme;
    let right = t.x + t.width;
    for (i, row) in rows[top..end].iter().enumerate() {
        let y = t.y + i as u16;
        let mut x = t.x;
        let mut run = String::new();
        let mut run_style = Style::new();
        for (off, g) in doc.text()[row.start..row.end].grapheme_indices(true) {
            let p = row.start + off;
            while qi < quotes.len() && quotes[qi].span.end <= p {
                qi += 1;
            }
            while ri < reported.len() && reported[ri].span.end <= p {
                ri += 1;
            }
            while mi < matches.len() && matches[mi].end <= p {
                mi += 1;
            }
            while hi < headings.len() && headings[hi].end <= p {
                hi += 1;
            }
            let mut style = Style::new();
            if hi < headings.len() && headings[hi].start <= p {
                style = theme.heading();
            }
            if qi < quotes.len() && quotes[qi].span.start <= p {
                let q = &quotes[qi];
                let own = app.following().is_none_or(|f| q.speaker == Some(f));
                let spoken = speech_style(app, q.speaker, false);
                style = style.patch(if own && app.is_unsure(qi) {
                    spoken.patch(theme.unsure())
                } else {
                    spoken
                });
                if app.current() == Some(qi) {
                    style = style.patch(theme.current());
                }
            } else if ri < reported.len() && reported[ri].span.start <= p {
                style = style.patch(speech_style(app, reported[ri].speaker, true));
                if app.current_reported() == Some(ri) {
                    style = style.patch(theme.current());
                }
            }
            if mi < matches.len() && matches[mi].start <= p {
                style = style.patch(if app.search.current == Some(mi) {
                    theme.current_match()
                } else {
                    theme.matched()
                });
            }
            if style != run_style && !run.is_empty() {
                x = buf
                    .set_stringn(x, y, &run, usize::from(right.saturating_sub(x)), run_style)
                    .0;
                run.clear();
            }
            run_style = style;
            run.push_str(&wrap::cell(g).0);
        }
        if !run.is_empty() {
            buf.set_stringn(x, y, &run, usize::from(right.saturating_sub(x)), run_style);
        }
    }
}

/// A quotation's style (or a reported statement's, when `reported`) by `speaker`: its colour,
/// dimmed while someone else is followed, grey and italic when nobody is credited.
pub fn speech_style(app: &App, speaker: Option<SpeakerId>, reported: bool) -> Style {
    let theme = app.theme;
    let following = app.following();
    let ranked = speaker.and_then(|id| app.rank_of(id).map(|r| (id, r)));
    match (ranked, reported) {
        (Some((id, r)), false) if following.is_none_or(|f| f == id) => theme.quote(r),
        (Some((id, r)), true) if following.is_none_or(|f| f == id) => theme.reported(r),
        (_, false) if following.is_some() => theme.dimmed(),
        (_, true) if following.is_some() => theme.reported_dimmed(),
        (_, false) => theme.unattributed(),
        (_, true) => theme.reported_unattributed(),
    }
}
