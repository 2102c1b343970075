//! Property tests of the reader (issue 4, "Systematic checks"): for arbitrary documents (arbitrary
//! text through the engine, and hand-built quotation and speaker layouts) at any size from 1×1 to
//! 300×100, drawing never panics and stays inside the buffer, and any sequence of keys from the
//! keymap (plus clicks, wheel and resizes) never panics.
//!
//! 64 cases by default; `PROPTEST_CASES=2000 cargo test --test tui_props` searches harder.

use std::ops::Range;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use saywho::tui::shelf::Shelf;
use saywho::tui::{keymap, Action, Theme};
use saywho_core::document::{Document, DocumentParts, EntityKind, Quote, QuoteKind, Speaker};

/// Pieces of text: words, quotation marks, line ends, wide and combining characters, controls.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\"", "'", "\u{00AB}", "\u{00BB}",
        ])
        .prop_map(String::from),
        2 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u{a0}"])
            .prop_map(String::from),
        4 => "[a-zA-Z]{1,12}".prop_map(|w| format!("{w} ")),
        1 => "[a-z]{30,120}".prop_map(String::from),
        2 => prop::sample::select(vec![
            "said", "told", "according to", "he", "she", "Mr.", "the minister", ":", ",", ".",
        ])
        .prop_map(|w| format!("{w} ")),
        1 => prop::sample::select(vec![
            "日本語", "😀", "👩\u{200d}👩\u{200d}👧", "e\u{301}", "\u{200B}", "\u{202E}",
            "\u{1b}]52;c;x\u{7}", "\u{1b}[2J", "\u{85}", "\u{2028}", "\u{feff}",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(piece(), 0..150).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

/// A document with quotations, speakers and headings laid out from `cuts` (byte positions,
/// moved to character boundaries): pairs of cuts are quotations (some nested in the one before),
/// each given to one of `n_speakers` speakers or to nobody.
fn hand_built(text: String, cuts: Vec<usize>, who: Vec<u8>, n_speakers: usize) -> Document {
    let len = text.len();
    let floor = |mut at: usize| {
        at = at.min(len);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut cuts: Vec<usize> = cuts.into_iter().map(|c| floor(c % (len + 1))).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut quotes: Vec<Quote> = Vec::new();
    for (k, pair) in cuts.chunks_exact(2).enumerate() {
        let w = who.get(k).copied().unwrap_or(0);
        let speaker = (n_speakers > 0 && w % 4 != 0).then(|| usize::from(w) % n_speakers);
        let (start, end) = (pair[0], pair[1]);
        quotes.push(Quote {
            span: start..end,
            kind: if w & 1 == 0 {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            },
            speaker,
            mention: (w & 2 != 0).then_some(start..end),
            cue: (w & 4 != 0).then_some(start..start),
            rule: speaker.map(|_| saywho_core::Rule::CueAfter),
            alias_chain: if w & 8 != 0 {
                vec!["he".into(), "X".into()]
            } else {
                Vec::new()
            },
            confidence: None,
        });
        // Now and then a quotation nested in this one.
        if w & 16 != 0 && end > start {
            let mid = floor(start + (end - start) / 2);
            if mid > start {
                quotes.push(Quote {
                    span: start..mid,
                    kind: QuoteKind::Partial,
                    speaker: None,
                    mention: None,
                    cue: None,
                    rule: None,
                    alias_chain: Vec::new(),
                    confidence: None,
                });
            }
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    let speakers = (0..n_speakers)
        .map(|id| Speaker {
            id,
            name: format!("Speaker {id} \u{1b}[2J with a rather long name"),
            kind: if id % 2 == 0 {
                EntityKind::Person
            } else {
                EntityKind::Organisation
            },
            aliases: (0..id % 4).map(|a| format!("alias {a}")).collect(),
            quote_count: quotes.iter().filter(|q| q.speaker == Some(id)).count(),
            reported_count: 0,
            first_seen: 0,
        })
        .collect();
    // Headings: the odd cuts, as empty or short spans, each after the one before.
    let mut headings: Vec<Range<usize>> = Vec::new();
    for &c in cuts.iter().skip(1).step_by(3) {
        if headings.last().is_none_or(|h| h.end <= c) {
            headings.push(c..floor(c + 7));
        }
    }
    Document::new(DocumentParts {
        text,
        quotes,
        speakers,
        headings,
        ..DocumentParts::default()
    })
    .unwrap()
}

fn document() -> impl Strategy<Value = Document> {
    prop_oneof![
        text().prop_map(saywho_core::analyze),
        (
            text(),
            prop::collection::vec(any::<usize>(), 0..40),
            prop::collection::vec(any::<u8>(), 0..20),
            0usize..12,
        )
            .prop_map(|(t, cuts, who, n)| hand_built(t, cuts, who, n)),
    ]
}

/// Every key of every table, and a few that only the search prompt takes.
fn all_keys() -> Vec<KeyEvent> {
    let typed = ['a', '(', '*', '\\', '“', '日']
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    keymap::bound_keys().chain(typed).collect()
}

#[derive(Debug, Clone)]
enum Event {
    Key(usize),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        8 => any::<usize>().prop_map(Event::Key),
        1 => (0u16..310, 0u16..110).prop_map(|(c, r)| Event::Click(c, r)),
        1 => (0u16..310, 0u16..110, any::<bool>()).prop_map(|(c, r, d)| Event::Wheel(c, r, d)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn draw(t: &mut Terminal<TestBackend>, shelf: &Shelf) {
    let size = shelf.size();
    t.backend_mut().resize(size.width, size.height);
    t.draw(|f| f.render_widget(shelf, f.area())).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_document_at_any_size_draws_and_takes_any_keys(
        docs in prop::collection::vec(document(), 1..3),
        w in 1u16..=300,
        h in 1u16..=100,
        mono in any::<bool>(),
        list in any::<bool>(),
        events in prop::collection::vec(event(), 0..16),
    ) {
        let theme = if mono { Theme::MONO } else { Theme::COLOR };
        let corpus: Vec<(String, Document)> = docs
            .into_iter()
            .enumerate()
            .map(|(i, d)| (format!("doc {i} \u{202e}"), d))
            .collect();
        let mut shelf = Shelf::new(Box::new(corpus), theme, list);
        shelf.update(Action::Resize(w, h));
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        draw(&mut t, &shelf);
        let keys = all_keys();
        for ev in events {
            let action = match ev {
                Event::Key(k) => keymap::action_for_key(shelf.mode(), &keys[k % keys.len()]),
                Event::Click(c, r) => Some(Action::Click { col: c, row: r }),
                Event::Wheel(c, r, down) => Some(Action::Scroll { col: c, row: r, down }),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
            };
            if let Some(action) = action {
                shelf.update(action);
            }
            shelf.update(Action::Tick);
            shelf.settle();
            draw(&mut t, &shelf);
            if let Some(app) = shelf.app() {
                let rows = app.rows();
                prop_assert!(app.top() <= rows.len());
                let text = app.doc().text();
                for r in rows {
                    prop_assert!(r.start <= r.end && r.end <= text.len());
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
            }
        }
    }
}
