//! The attribution detail's layout: its lines (each value wrapped under the value column), where
//! the box goes (in the half of the screen away from the quote it explains) and how far it
//! scrolls. The state (clamping the scroll) and the view (drawing it) both read it here.

use ratatui::layout::Rect;

use saywho_core::confidence::{Basis, Resolution};

use super::app::{App, LOW_CONFIDENCE};
use super::view::screen_text;
use super::wrap;

/// Width of the label column.
pub const LABEL: usize = 9;
/// The widest the box gets.
const MAX_WIDTH: u16 = 72;

/// One row of the box: the field's label on its first row, then a part of its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    pub label: Option<&'static str>,
    pub value: String,
}

/// The words of a span, in quotation marks (a dash for none).
fn words(app: &App, r: Option<&std::ops::Range<usize>>) -> String {
    r.map_or("–".to_string(), |r| format!("“{}”", app.doc().slice(r)))
}

/// The fields of the current reported statement's detail, unwrapped.
fn reported_fields(app: &App, c: usize) -> Vec<(&'static str, String)> {
    let doc = app.doc();
    let r = &doc.reported()[c];
    let speaker = doc
        .speaker_of_reported(r)
        .map_or("unattributed".to_string(), |s| s.name.clone());
    let of = doc.reported().len();
    vec![
        ("Speaker", speaker),
        (
            "Reported",
            format!("{} of {of}, {}", c + 1, r.kind.as_str()),
        ),
        ("Text", doc.slice(&r.span).to_string()),
        ("Mention", words(app, r.mention.as_ref())),
        ("Cue", words(app, Some(&r.cue))),
        ("Rule", r.rule.as_str().to_string()),
        ("Sure", format!("{:.2}", r.confidence)),
    ]
}

/// The fields of the current quote's (or reported statement's) detail, unwrapped.
fn fields(app: &App) -> Vec<(&'static str, String)> {
    let Some(c) = app.current() else {
        return app
            .current_reported()
            .map_or(Vec::new(), |r| reported_fields(app, r));
    };
    let doc = app.doc();
    let q = &doc.quotes()[c];
    let words = |r: &Option<std::ops::Range<usize>>| words(app, r.as_ref());
    let chain = if q.alias_chain.is_empty() {
        "–".to_string()
    } else {
        q.alias_chain.join(" → ")
    };
    let mut speaker = doc
        .speaker_of(q)
        .map_or("unattributed".to_string(), |s| s.name.clone());
    if app.is_corrected(c) {
        speaker.push_str("  ✎ corrected");
    }
    let (sure, evidence) = confidence_fields(app, c);
    vec![
        ("Speaker", speaker),
        (
            "Quote",
            format!("{} of {}, {}", c + 1, doc.quotes().len(), q.kind.as_str()),
        ),
        ("Text", doc.slice(&q.span).to_string()),
        ("Mention", words(&q.mention)),
        ("Cue", words(&q.cue)),
        ("Chain", chain),
        (
            "Rule",
            q.rule.map_or("–", saywho_core::Rule::as_str).to_string(),
        ),
        ("Sure", sure),
        ("Evidence", evidence),
    ]
}

/// How sure the engine is of quotation `c`'s speaker, and what that rests on.
fn confidence_fields(app: &App, c: usize) -> (String, String) {
    let q = &app.doc().quotes()[c];
    if app.is_corrected(c) {
        return ("set by hand".to_string(), "your correction".to_string());
    }
    let Some(conf) = q.confidence else {
        return ("–".to_string(), "–".to_string());
    };
    let pct = |v: f32| (v * 100.0).round();
    let mut sure = format!("{}%", pct(conf.value));
    if app.is_unsure(c) {
        sure.push_str(&format!(" · unsure (below {}%)", pct(LOW_CONFIDENCE)));
    }
    (sure, evidence(&conf.basis))
}

/// An attribution's basis in words: `cue-after · a pronoun · same sentence · another fits too`.
pub fn evidence(b: &Basis) -> String {
    let how = match b.resolution {
        Resolution::Name => "the name",
        Resolution::Pronoun => "a pronoun",
        Resolution::Description => "a description",
        Resolution::Relative => "a relative pronoun",
    };
    let away = match b.sentences_away {
        0 => "same sentence".to_string(),
        1 => "one sentence away".to_string(),
        n => format!("{n} sentences away"),
    };
    let mut parts = vec![b.rule.to_string(), how.to_string(), away];
    if b.contested {
        parts.push("another person fits too".to_string());
    }
    if b.unconfirmed {
        parts.push("only its capitals say it is a name".to_string());
    }
    parts.join(" · ")
}

/// The rows of the detail in a box `inner` cells wide (inside its border).
pub fn rows(app: &App, inner: u16) -> Vec<DetailRow> {
    let value_w = usize::from(inner).saturating_sub(LABEL).max(1);
    let mut out = Vec::new();
    for (label, value) in fields(app) {
        let value = screen_text(&value);
        for (k, part) in wrap::lines(&value, value_w).into_iter().enumerate() {
            out.push(DetailRow {
                label: (k == 0).then_some(label),
                value: part.to_string(),
            });
        }
    }
    out
}

/// Where the box goes on a screen of the app's size: in the part of the text pane above or below
/// the current quote, whichever is larger, as tall as its rows (scrolling when they do not fit).
/// Only when neither part has room for a useful box does it cover the quote.
pub fn rect(app: &App) -> Rect {
    const USEFUL: u16 = 5;
    let area = app.size();
    let text = app.areas().text;
    let w = MAX_WIDTH.min(area.width);
    let x = area.x + (area.width - w) / 2;
    let want = rows(app, w.saturating_sub(2)).len() as u16 + 2;
    let (first, last) = quote_rows(app, text);
    let above = first.saturating_sub(text.y);
    let below = text.bottom().saturating_sub(last + 1);
    if below >= above && below >= USEFUL {
        Rect::new(x, last + 1, w, want.min(below))
    } else if above >= USEFUL {
        let h = want.min(above);
        Rect::new(x, first - h, w, h)
    } else {
        Rect::new(x, text.y, w, want.min(text.height.max(area.height.min(3))))
    }
}

/// The screen rows the current quote spans (clamped to the text pane).
fn quote_rows(app: &App, text: Rect) -> (u16, u16) {
    let Some(span) = app.current_span() else {
        return (text.y, text.y);
    };
    let row = |at: usize| {
        let r = wrap::row_of(app.rows(), at).saturating_sub(app.top());
        text.y
            + u16::try_from(r)
                .unwrap_or(u16::MAX)
                .min(text.height.saturating_sub(1))
    };
    let first = row(span.start);
    let last = row(span.end.saturating_sub(1).max(span.start));
    (first, last)
}

/// How far the detail can scroll (0 when it fits).
pub fn max_scroll(app: &App) -> usize {
    let r = rect(app);
    let n = rows(app, r.width.saturating_sub(2)).len();
    n.saturating_sub(usize::from(r.height.saturating_sub(2)))
}
