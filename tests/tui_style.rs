//! Buffer style checks: speaker colours, the current quote, dimming while following, search
//! matches, the monochrome theme, control characters.

mod common;

use common::*;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use saywho::tui::theme::PALETTE;
use saywho::tui::{Action, Theme};

/// The cells of the first occurrence of `needle` on screen.
fn cells<'a>(buf: &'a Buffer, needle: &str) -> Vec<&'a ratatui::buffer::Cell> {
    let (x, y) = find(buf, needle).unwrap_or_else(|| panic!("{needle:?} not on screen"));
    (x..x + needle.chars().count() as u16)
        .map(|x| &buf[(x, y)])
        .collect()
}

#[test]
fn quotes_carry_their_speakers_colour() {
    let app = app(100, 30);
    let buf = buffer(&app);
    // Ranks: Berg 1, Hale 2, Council 3.
    assert!(cells(&buf, "We made real progress")
        .iter()
        .all(|c| c.fg == PALETTE[0]));
    assert!(cells(&buf, "Nothing is agreed")
        .iter()
        .all(|c| c.fg == PALETTE[1]));
    assert!(cells(&buf, "will study every page")
        .iter()
        .all(|c| c.fg == PALETTE[2]));
    // Unattributed: quiet; narration: plain.
    let ambitious = cells(&buf, "ambitious");
    assert!(ambitious
        .iter()
        .all(|c| c.fg == Color::DarkGray && c.modifier.contains(Modifier::ITALIC)));
    assert!(cells(&buf, "said Anna Berg")
        .iter()
        .all(|c| c.fg == Color::Reset));
    // The swatch in the speaker pane matches.
    let (x, y) = find(&buf, "Tom Hale").unwrap();
    assert_eq!(buf[(x - 2, y)].symbol(), "■");
    assert_eq!(buf[(x - 2, y)].fg, PALETTE[1]);
}

#[test]
fn the_current_quote_is_reversed() {
    let mut app = app(100, 30);
    press(&mut app, "]]");
    let buf = buffer(&app);
    assert!(cells(&buf, "But there is more")
        .iter()
        .all(|c| c.modifier.contains(Modifier::REVERSED)));
    assert!(cells(&buf, "We made real")
        .iter()
        .all(|c| !c.modifier.contains(Modifier::REVERSED)));
}

#[test]
fn following_dims_other_speakers() {
    let mut app = app(100, 30);
    press(&mut app, "2");
    let buf = buffer(&app);
    assert!(cells(&buf, "We made real progress")
        .iter()
        .all(|c| c.fg == Color::DarkGray));
    assert!(cells(&buf, "We walked out")
        .iter()
        .all(|c| c.fg == PALETTE[1]));
    press(&mut app, "\x1b");
    let buf = buffer(&app);
    assert!(cells(&buf, "We made real progress")
        .iter()
        .all(|c| c.fg == PALETTE[0]));
}

#[test]
fn search_matches_are_highlighted() {
    let mut app = app(100, 30);
    press(&mut app, "/harbour\nn");
    let buf = buffer(&app);
    let (x, y) = find(&buf, "harbour deal").unwrap();
    let first = &buf[(x, y)];
    assert_eq!(first.bg, Color::Yellow, "a match");
    let (x, y) = find(&buf, "harbour belongs").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::LightYellow, "the current match");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn monochrome_theme_sets_no_colour_but_keeps_meaning() {
    let mut app = app_with(doc(), 100, 30, Theme::MONO);
    press(&mut app, "]]/harbour\n");
    let buf = buffer(&app);
    for c in buf.content() {
        assert_eq!(
            (c.fg, c.bg),
            (Color::Reset, Color::Reset),
            "cell {:?} has a colour",
            c.symbol()
        );
    }
    let bold = |s: &str| {
        cells(&buf, s)
            .iter()
            .all(|c| c.modifier.contains(Modifier::BOLD))
    };
    assert!(bold("Nothing is agreed"), "attributed quotes are bold");
    assert!(!bold("said Anna Berg"), "narration is plain");
    assert!(cells(&buf, "ambitious")
        .iter()
        .all(|c| c.modifier.contains(Modifier::ITALIC)));
    assert!(cells(&buf, "But there is more")
        .iter()
        .all(|c| c.modifier.contains(Modifier::REVERSED)));
    assert!(cells(&buf, "harbour belongs")
        .iter()
        .take(7)
        .all(|c| c.modifier.contains(Modifier::UNDERLINED)));
    // Following dims the others with a modifier, not a colour.
    press(&mut app, "2");
    let buf = buffer(&app);
    assert!(cells(&buf, "We made real")
        .iter()
        .all(|c| c.modifier.contains(Modifier::DIM)));
    assert!(buf
        .content()
        .iter()
        .all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
}

#[test]
fn control_characters_are_shown_as_placeholders() {
    let text =
        "Plain \u{1b}[31mred\u{1b}[0m and a bell \u{7} and DEL \u{7f} and C1 \u{9b}2J.\tTab.\r\n"
            .to_string();
    let doc = saywho_core::Document::new(saywho_core::DocumentParts {
        text,
        ..Default::default()
    })
    .unwrap();
    let mut app = saywho::tui::App::new(doc, "evil\u{1b}]0;title\u{7}.txt", Theme::COLOR);
    app.update(Action::Resize(100, 10));
    let buf = buffer(&app);
    let screen = screen(&buf);
    assert!(
        screen.contains("Plain ␛[31mred␛[0m and a bell ␇ and DEL ␡ and C1 \u{fffd}2J. Tab."),
        "{screen}"
    );
    assert!(
        screen.contains("evil␛]0;title␇.txt"),
        "the file name too: {screen}"
    );
    for c in buf.content() {
        assert!(
            !c.symbol().chars().any(|ch| ch.is_control()),
            "control character in {:?}",
            c.symbol()
        );
    }
}

#[test]
fn wide_characters_keep_the_layout() {
    let doc = common::build(
        "日本語の記事です。{0|「こんにちは」}と彼は言った。\n",
        &[("山田", saywho_core::EntityKind::Person, &[])],
    );
    let mut app = saywho::tui::App::new(doc, "ja.txt", Theme::COLOR);
    app.update(Action::Resize(100, 10));
    let buf = buffer(&app);
    let (x, y) = find(&buf, "「").unwrap();
    assert_eq!(buf[(x, y)].fg, PALETTE[0]);
    assert_eq!(
        buf[(x + 2, y)].symbol(),
        "こ",
        "a wide character takes two cells"
    );
}
