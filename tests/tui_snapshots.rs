//! The screen at a few sizes and states (symbols only; styles are checked in tui_style.rs).

mod common;

use common::*;
use saywho::tui::Theme;

#[test]
fn start_100x30() {
    let app = app(100, 30);
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn narrow_60x20_hides_the_speaker_pane() {
    let mut app = app_with(doc_n(2), 60, 20, Theme::COLOR);
    press(&mut app, "]]]");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn following_120x30_with_search() {
    let mut app = app_with(doc_n(2), 120, 30, Theme::COLOR);
    press(&mut app, "2]/talks\n");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn help_overlay_100x40() {
    let mut app = app(100, 40);
    press(&mut app, "?");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn detail_overlay_90x24() {
    let mut app = app(90, 24);
    press(&mut app, "]]]\n");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn tiny_20x5() {
    let mut app = app(20, 5);
    press(&mut app, "]");
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn sample_article_smoke_100x30() {
    // The engine on this article: whatever it attributes, the reader must show the text.
    let src = saywho_core::ingest::sample();
    let doc = saywho_core::analyze(src.text);
    let app = app_with(doc, 100, 30, Theme::COLOR);
    let buf = buffer(&app);
    let screen = screen(&buf);
    assert!(
        screen.contains("Talks between Russia and the U.S."),
        "{screen}"
    );
    assert!(row_text(&buf, 29).contains("fixture.txt"));
}

#[test]
fn help_overlay_scrolls_on_a_short_terminal_80x15() {
    let mut app = app(80, 15);
    press(&mut app, "?");
    insta::assert_snapshot!("help_80x15_top", draw(&app).backend());
    press(&mut app, "jjjjj");
    assert_eq!(app.help_scroll(), 5);
    insta::assert_snapshot!("help_80x15_scrolled", draw(&app).backend());
    // Down to the end, and no further.
    press(&mut app, &"j".repeat(100));
    let end = app.help_scroll();
    let screen = common::screen(&common::buffer(&app));
    assert!(screen.contains("a speaker: follow"), "{screen}");
    assert!(screen.contains(&format!("of {} ↑", end + 13)), "{screen}");
    press(&mut app, "k");
    assert_eq!(app.help_scroll(), end - 1);
    // Any other key still closes it; opened again, it starts at the top.
    press(&mut app, "x?");
    assert_eq!(app.help_scroll(), 0);
    assert!(common::screen(&common::buffer(&app)).contains("1–13 of"));
}

#[test]
fn the_help_fits_without_scrolling_on_a_tall_terminal() {
    let mut app = app(100, 70);
    press(&mut app, "?jj");
    assert_eq!(app.help_scroll(), 0);
    let screen = common::screen(&common::buffer(&app));
    assert!(screen.contains("Keys · Esc q ? close ─"), "{screen}");
}
