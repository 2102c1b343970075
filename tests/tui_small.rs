//! Issue 13, defect 11: the small ones (plurals, keys that did nothing silently, a restored
//! follow that dims the text without a word).

mod common;

use common::*;
use saywho::tui::app::Focus;
use saywho::tui::{Action, Theme};
use saywho_core::document::EntityKind;

#[test]
fn one_quote_is_one_quote() {
    let doc = build(
        "{0|\"We will rebuild the bridge,\"} the mayor said.",
        &[("Ana Ruiz", EntityKind::Person, &[])],
    );
    let app = app_with(doc, 100, 20, Theme::COLOR);
    let s = screen(&buffer(&app));
    assert!(s.contains("person, 1 quote, 100% of voice"), "{s}");
}

#[test]
fn tab_says_why_there_is_nothing_to_focus() {
    let mut app = app_with(doc(), 60, 20, Theme::COLOR);
    press(&mut app, "\t");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(
        app.message(),
        Some("no room for the speaker pane: it shows from 80 columns")
    );
    let mut wide = app_with(doc(), 100, 20, Theme::COLOR);
    press(&mut wide, "\t");
    assert_eq!(wide.focus(), Focus::Speakers);
    assert_eq!(wide.message(), None);
}

#[test]
fn a_number_with_no_speaker_says_so() {
    let mut app = app(100, 20);
    press(&mut app, "7");
    assert_eq!(app.message(), Some("no speaker with that number"));
    assert_eq!(app.following(), None);
}

#[test]
fn a_restored_follow_says_so() {
    let mut app = app(100, 20);
    app.update(Action::Restore {
        anchor: 0,
        quote: None,
        speaker: Some(1),
        reported_hidden: false,
    });
    assert_eq!(app.following(), Some(1));
    assert_eq!(app.notice(), Some("following Tom Hale again (Esc stops)"));
    let status = row_text(&buffer(&app), 19);
    assert!(
        status.contains("following Tom Hale again (Esc stops)"),
        "{status}"
    );
}

#[test]
fn an_article_without_speakers_says_so_in_the_pane() {
    let doc = build("The council met. {_|\"ambitious\"} was the word.", &[]);
    let app = app_with(doc, 100, 20, Theme::COLOR);
    let s = screen(&buffer(&app));
    assert!(
        s.contains("Speakers") && s.contains("no attributed quotes"),
        "{s}"
    );
}
