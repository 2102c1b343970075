//! Reported speech in the reader, on the bundled sample (the reference article): drawn underlined
//! in the speaker's colour and never bold (quotations are bold under NO_COLOR), counted in the
//! speaker pane, toggled with `r`; snapshots with it shown and hidden; and a tmux test against the
//! real binary (killed by pid when it ends, passed or failed).

mod common;
mod pty_support;

use common::*;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use saywho::tui::{App, Theme};

fn sample_app(theme: Theme) -> App {
    let text = saywho_core::ingest::SAMPLE_TEXT.to_string();
    app_with(saywho_core::analyze(text), 120, 40, theme)
}

/// The modifiers of the first cell of the byte range `span` drawn on screen.
fn modifiers_at(app: &App, buf: &Buffer, span: &std::ops::Range<usize>) -> Modifier {
    let (x, y) = cell_of(app, buf, span);
    buf[(x, y)].modifier
}

/// A speaker of the article with reported speech and no quotation.
fn reported_only(app: &App) -> Option<usize> {
    let speakers = app.doc().speakers_by_voice();
    let only = speakers
        .iter()
        .find(|s| s.quote_count == 0 && s.reported_count > 0);
    only.map(|s| s.id)
}

#[test]
fn reported_speech_is_underlined_and_quotations_are_not() {
    for theme in [Theme::COLOR, Theme::MONO] {
        let app = sample_app(theme);
        let buf = buffer(&app);
        let first_reported = app
            .doc()
            .reported()
            .first()
            .expect("reported speech")
            .span
            .clone();
        let m = modifiers_at(&app, &buf, &first_reported);
        assert!(m.contains(Modifier::UNDERLINED), "{theme:?}: {m:?}");
        assert!(!m.contains(Modifier::BOLD), "{theme:?}: {m:?}");
        let attributed = app
            .doc()
            .quotes()
            .iter()
            .find(|q| q.speaker.is_some())
            .unwrap();
        let m = modifiers_at(&app, &buf, &attributed.span);
        assert!(!m.contains(Modifier::UNDERLINED), "{theme:?}: {m:?}");
        if theme.mono {
            assert!(m.contains(Modifier::BOLD), "{m:?}");
        }
    }
}

#[test]
fn hidden_reported_speech_is_drawn_plain() {
    let mut app = sample_app(Theme::COLOR);
    press(&mut app, "r");
    let buf = buffer(&app);
    let span = app.doc().reported()[0].span.clone();
    let m = modifiers_at(&app, &buf, &span);
    assert!(!m.contains(Modifier::UNDERLINED), "{m:?}");
}

#[test]
fn the_speaker_pane_counts_reported_speech_and_lists_reported_only_speakers() {
    let mut app = sample_app(Theme::COLOR);
    assert!(reported_only(&app).is_some());
    assert_eq!(app.ranked().len(), app.doc().speakers_by_voice().len());
    let card = screen(&buffer(&app));
    assert!(card.contains(" quoted · "), "{card}");
    press(&mut app, "r");
    let card = screen(&buffer(&app));
    assert!(!card.contains(" quoted · "), "{card}");
}

/// The screen cell of the first two words of the byte range `span`.
fn cell_of(app: &App, buf: &Buffer, span: &std::ops::Range<usize>) -> (u16, u16) {
    let words: String = app.doc().text()[span.clone()]
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    find(buf, &words).unwrap_or_else(|| panic!("{words:?} not on screen"))
}

#[test]
fn clicking_a_reported_statement_selects_it_as_clicking_a_quotation_does() {
    use saywho::tui::Action;
    let mut app = sample_app(Theme::COLOR);
    let buf = buffer(&app);
    let quote = app.doc().quotes()[0].span.clone();
    let (x, y) = cell_of(&app, &buf, &quote);
    app.update(Action::Click { col: x + 2, row: y });
    assert_eq!(app.current(), Some(0));
    let span = app.doc().reported()[0].span.clone();
    let (x, y) = cell_of(&app, &buf, &span);
    app.update(Action::Click { col: x + 2, row: y });
    assert_eq!(app.current_reported(), Some(0));
    assert_eq!(app.current(), None, "the quotation is no longer current");
    assert_eq!(app.current_span(), Some(span.clone()));
    // Hidden, a reported statement is plain text: a click there selects nothing new.
    press(&mut app, "r");
    app.update(Action::Click { col: x + 2, row: y });
    assert_eq!(app.current_span(), None);
}

#[test]
fn a_speaker_with_only_reported_speech_is_followed_again_on_reopen() {
    use saywho::tui::Action;
    let mut app = sample_app(Theme::COLOR);
    let only = reported_only(&app);
    assert!(only.is_some());
    let restore = |reported_hidden| Action::Restore {
        anchor: 0,
        quote: None,
        speaker: only,
        reported_hidden,
    };
    app.update(restore(false));
    assert_eq!(app.following(), only);
    // Hidden, they have nothing to follow.
    app.update(Action::Back);
    app.update(restore(true));
    assert_eq!(app.following(), None);
}

#[test]
fn detail_of_a_reported_statement() {
    let mut app = sample_app(Theme::COLOR);
    // Step until a reported statement is current.
    for _ in 0..60 {
        press(&mut app, "]");
        if app.current_reported().is_some() {
            break;
        }
    }
    assert!(app.current_reported().is_some());
    press(&mut app, "i");
    let shown = screen(&buffer(&app));
    assert!(shown.contains("Reported"), "{shown}");
    assert!(shown.contains("Cue"), "{shown}");
}

#[test]
fn snapshot_reported_shown_120x40() {
    let app = sample_app(Theme::COLOR);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn snapshot_reported_hidden_120x40() {
    let mut app = sample_app(Theme::COLOR);
    press(&mut app, "r");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn the_reader_shows_counts_and_toggles_reported_speech() {
    use pty_support::*;
    let dir = temp_dir("reported");
    let Some((t, _reader)) = start_reader("reported", &dir, "", "") else {
        return;
    };
    let screen = t.wait_for(" reported,");
    assert!(screen.contains(" quoted · "), "{screen}");
    t.keys(&["r"]);
    let screen = t.wait_for("reported speech hidden");
    assert!(!screen.contains(" quoted · "), "{screen}");
    t.keys(&["r"]);
    let screen = t.wait_for("reported speech shown");
    assert!(screen.contains(" quoted · "), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hidden_reported_speech_stays_hidden_across_quit_and_reopen() {
    use pty_support::*;
    let dir = temp_dir("reported-kept");
    let Some((t, _reader)) = start_reader("kept1", &dir, "", "") else {
        return;
    };
    t.wait_for(" reported,");
    t.keys(&["r"]);
    t.wait_for("reported speech hidden");
    t.quit();
    drop(t);
    let saved = saved_state(&dir);
    assert!(saved.contains("\"reported_hidden\": true"), "{saved}");
    // Reopened: still hidden, so `]` stops at the first quotation, not a reported statement.
    let Some((t, _reader)) = start_reader("kept2", &dir, "", "") else {
        return;
    };
    t.wait_for("quote –/19");
    t.keys(&["]"]);
    let screen = t.wait_for("quote 1/19");
    assert!(!screen.contains(" quoted · "), "{screen}");
    t.quit();
    drop(t);
    let saved = saved_state(&dir);
    // --no-state neither restores it nor saves anything.
    let Some((t, _reader)) = start_reader("kept3", &dir, "", "--no-state") else {
        return;
    };
    let screen = t.wait_for(" reported,");
    assert!(screen.contains(" quoted · "), "{screen}");
    t.quit();
    assert_eq!(saved_state(&dir), saved);
    let _ = std::fs::remove_dir_all(&dir);
}
