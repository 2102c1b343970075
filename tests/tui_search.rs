//! Issue 13, defect 6: search forward from the top of the screen, say when it goes round the
//! end, and an empty pattern is a prompt, not "no match".

mod common;

use common::*;
use saywho::tui::Theme;

#[test]
fn search_starts_from_the_top_of_the_screen() {
    let mut app = app_with(doc_n(4), 100, 20, Theme::COLOR);
    press(&mut app, "G");
    let top = app.anchor();
    press(&mut app, "/midnight\n");
    let current = app.search.current.unwrap();
    assert!(
        app.search.matches[current].start >= top,
        "from the screen, not the top"
    );
    assert_eq!(app.percent(), 100, "the screen did not move back");
    assert_eq!(app.message(), None);
}

#[test]
fn the_prompt_and_n_say_when_the_search_goes_round_the_end() {
    let mut app = app_with(doc_n(2), 100, 20, Theme::COLOR);
    press(&mut app, "G/We made");
    let status = row_text(&buffer(&app), 19);
    assert!(status.contains("1/2 (from the top)"), "{status}");
    press(&mut app, "\n");
    assert_eq!(
        app.message(),
        Some("search hit the end, continued from the top")
    );
    press(&mut app, "n");
    assert_eq!(app.message(), None);
    press(&mut app, "n");
    assert_eq!(
        app.message(),
        Some("search hit the end, continued from the top")
    );
    press(&mut app, "N");
    assert_eq!(
        app.message(),
        Some("search hit the top, continued from the end")
    );
}

#[test]
fn an_empty_pattern_is_a_prompt_and_enter_repeats_the_last_search() {
    let mut app = app_with(doc_n(2), 100, 20, Theme::COLOR);
    press(&mut app, "/");
    let status = row_text(&buffer(&app), 19);
    assert!(!status.contains("no match"), "{status}");
    assert!(status.contains("type a pattern"), "{status}");
    press(&mut app, "\n");
    assert_eq!(app.message(), None, "nothing searched, nothing said");
    press(&mut app, "/midnight\n");
    assert_eq!(app.match_position(), (Some(1), 2));
    press(&mut app, "G/\n");
    assert_eq!(app.search.input, "midnight");
    assert_eq!(app.match_position().1, 2);
}
