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
    let src = saywho::input::sample();
    let doc = saywho::analyze(src.text);
    let app = app_with(doc, 100, 30, Theme::COLOR);
    let buf = buffer(&app);
    let screen = screen(&buf);
    assert!(
        screen.contains("Talks between Russia and the U.S."),
        "{screen}"
    );
    assert!(row_text(&buf, 29).contains("fixture.txt"));
}
