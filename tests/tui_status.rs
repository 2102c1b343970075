//! Issue 13, defect 2: the status bar keeps the position and the counters, shortens the file
//! name in the middle and shows a message whole.

mod common;

use common::*;
use saywho::tui::{Action, App, Theme};

const LONG_NAME: &str =
    "098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2.html · 3/52";

fn long_named(w: u16) -> App {
    let mut app = App::new(doc(), LONG_NAME, Theme::COLOR);
    app.update(Action::Resize(w, 24));
    app
}

#[test]
fn a_long_name_gives_way_to_the_position_and_the_counters() {
    let mut app = long_named(80);
    press(&mut app, "]]]");
    let status = row_text(&buffer(&app), 23);
    assert!(status.contains("%  quote 3/12  Tom Hale"), "{status}");
    assert!(status.starts_with(" 098bb"), "{status}");
    assert!(status.contains('…'), "{status}");
    assert!(
        status.contains("3/52"),
        "the list position ends the name: {status}"
    );
}

#[test]
fn a_message_is_shown_whole() {
    let mut app = long_named(80);
    press(&mut app, "i");
    let status = row_text(&buffer(&app), 23);
    assert!(
        status.contains("quote –/12  — no current quotation: press ] first"),
        "{status}"
    );
}

#[test]
fn the_hints_go_before_anything_else() {
    let app = long_named(200);
    let status = row_text(&buffer(&app), 23);
    assert!(status.contains(LONG_NAME), "{status}");
    assert!(status.contains("? help"), "{status}");
    let status = row_text(&buffer(&long_named(100)), 23);
    assert!(
        status.contains(LONG_NAME) && !status.contains("? help"),
        "{status}"
    );
}
