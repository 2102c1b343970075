//! Issue 13, defects 7 and 8: the detail box stays off the quote it explains, wraps its values
//! under the value column and scrolls when long; the help pages with Space and PgDn.

mod common;

use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use saywho::tui::app::Overlay;
use saywho::tui::{detail, keymap, wrap, App, Theme};
use saywho_core::document::EntityKind;

const ONE: &[(&str, EntityKind, &[&str])] = &[("Anna Berg", EntityKind::Person, &[])];

/// An article whose second paragraph is a quotation of `words` words.
fn long_quote(words: usize) -> App {
    let quote: Vec<String> = (0..words).map(|i| format!("word{i}")).collect();
    let markup = format!(
        "The harbour talks ran late.\n{{0|\"{}.\"}} said Anna Berg.\nThe end of the talks.",
        quote.join(" ")
    );
    app_with(build(&markup, ONE), 80, 24, Theme::COLOR)
}

fn key(app: &mut App, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keymap::action_for_key(app.mode(), &ev) {
        app.update(action);
    }
}

#[test]
fn the_detail_box_does_not_cover_its_quote() {
    for n in 1..=12 {
        let mut app = app(90, 24);
        press(&mut app, &"]".repeat(n));
        press(&mut app, "i");
        assert_eq!(app.overlay(), Some(Overlay::Detail));
        let r = detail::rect(&app);
        let q = &app.doc().quotes()[app.current().unwrap()];
        let text = app.areas().text;
        for at in [q.span.start, q.span.end - 1] {
            let row = wrap::row_of(app.rows(), at) - app.top();
            let y = text.y + row as u16;
            assert!(
                y < r.y || y >= r.bottom(),
                "quote {n} on row {y} under {r:?}"
            );
        }
    }
}

#[test]
fn long_values_wrap_under_the_value_column() {
    let mut app = long_quote(30);
    press(&mut app, "]i");
    let buf = buffer(&app);
    let r = detail::rect(&app);
    let (_, y) = find(&buf, "Text").unwrap();
    let next = row_text(&buf, y + 1);
    let inside: String = next.chars().skip(usize::from(r.x) + 1).collect();
    assert!(inside.starts_with("         word"), "{}", screen(&buf));
}

#[test]
fn a_long_quote_scrolls_to_its_last_word() {
    let mut app = long_quote(400);
    press(&mut app, "]i");
    let s = screen(&buffer(&app));
    assert!(s.contains("j k scroll"), "{s}");
    assert!(!s.contains("word399"), "{s}");
    let max = detail::max_scroll(&app);
    assert!(max > 0);
    press(&mut app, "j");
    assert_eq!(app.detail_scroll(), 1);
    key(&mut app, KeyCode::PageDown);
    assert!(app.detail_scroll() > 1);
    press(&mut app, &"j".repeat(max));
    assert_eq!(app.detail_scroll(), max);
    let s = screen(&buffer(&app));
    assert!(s.contains("word399."), "{s}");
    assert!(s.contains("cue-after") || s.contains("Rule"), "{s}");
    assert_eq!(
        app.overlay(),
        Some(Overlay::Detail),
        "scrolling keeps it open"
    );
    press(&mut app, "x");
    assert_eq!(app.overlay(), None, "another key closes it");
}

#[test]
fn space_and_page_down_page_the_help_instead_of_closing_it() {
    let mut app = app(80, 15);
    press(&mut app, "? ");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    let page = app.help_scroll();
    assert!(page >= 10, "{page}");
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.help_scroll(), 2 * page);
    press(&mut app, "b");
    assert_eq!(app.help_scroll(), page);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.help_scroll(), 0);
    press(&mut app, "\x1b");
    assert_eq!(app.overlay(), None);
}
