//! Issue 13, defects 1, 3 and 10: panes size to their content, counts of any size fit, and the
//! text never runs into the quote map.

mod common;

use common::*;
use saywho::tui::{Action, App, Theme};
use saywho_core::document::{Document, EntityKind};

const LONG: &[(&str, EntityKind, &[&str])] = &[
    (
        "Maximiliana Oyelaran-Whitcombe",
        EntityKind::Person,
        &["Oyelaran-Whitcombe"],
    ),
    ("Tobias Lindqvist", EntityKind::Person, &[]),
];

/// Speaker 0 with `big` quotes, speaker 1 with 12, under two long headings.
fn crowded(big: usize) -> Document {
    let mut markup =
        String::from("Harbour tariffs and the long argument about who pays for them\n");
    for _ in 0..big / 10 {
        markup.push_str(&"{0|\"Yes.\"} she said. ".repeat(10));
        markup.push('\n');
    }
    markup.push_str("What the port workers said about the night shift\n");
    markup.push_str(&"{1|\"No.\"} he said. ".repeat(12));
    let mut parts = build_parts(&markup, LONG);
    let mut pos = 0;
    for line in parts.text.split('\n') {
        if line.starts_with("Harbour") || line.starts_with("What") {
            parts.headings.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    Document::new(parts).unwrap()
}

fn crowded_app(big: usize, w: u16, h: u16) -> App {
    app_with(crowded(big), w, h, Theme::COLOR)
}

#[test]
fn names_are_whole_when_there_is_room_and_the_bar_gives_way_first() {
    let row = |w, y| row_text(&buffer(&crowded_app(20, w, 24)), y);
    assert!(row(200, 1).contains("1 ■ Maximiliana Oyelaran-Whitcombe 20 ███▏"));
    // At 120 columns the name needs the bar's room: the bar goes, the name and count stay.
    let first = row(120, 1);
    assert!(
        first.contains("1 ■ Maximiliana Oyelaran-Whitcombe  20"),
        "{first}"
    );
    assert!(!first.contains('█'), "{first}");
    assert!(row(120, 2).contains("2 ■ Tobias Lindqvist"));
    assert!(row(120, 2).contains("Tobias Lindqvist                12"));
    // At 80 only the name is cut, the count stays; the card's lines wrap.
    let first = row(80, 1);
    assert!(first.contains("Maximiliana Oyelaran-W… 20"), "{first}");
    let s = screen(&buffer(&crowded_app(20, 80, 24)));
    assert!(s.contains("person, 20 quotes, 62% of"), "{s}");
    assert!(s.contains("■  voice"), "{s}");
}

#[test]
fn counts_of_any_size_fit_with_their_bars() {
    let app = crowded_app(4500, 200, 24);
    let buf = buffer(&app);
    let first = row_text(&buf, 1);
    let second = row_text(&buf, 2);
    assert!(first.contains("4500 █████"), "{first}");
    assert!(
        second.contains("Tobias Lindqvist") && second.contains("   12"),
        "{second}"
    );
    insta::assert_snapshot!(draw(&app).backend());
}

#[test]
fn the_outline_shows_whole_headings_when_there_is_room() {
    let mut app = crowded_app(20, 200, 24);
    app.update(Action::ToggleOutline);
    let s = screen(&buffer(&app));
    assert!(
        s.contains("Harbour tariffs and the long argument about who pays for them  20"),
        "{s}"
    );
    assert!(
        s.contains("What the port workers said about the night shift      "),
        "{s}"
    );
}

#[test]
fn the_text_never_touches_the_quote_map() {
    for (w, outline) in [(60, true), (50, false), (30, false), (20, false)] {
        let mut app = app_with(doc(), w, 20, Theme::COLOR);
        if outline {
            app.update(Action::ToggleOutline);
        }
        let buf = buffer(&app);
        let map_x = app.areas().map.unwrap().x;
        for y in 0..19 {
            let before = buf[(map_x - 1, y)].symbol();
            assert_eq!(before, " ", "{w} cols, row {y}:\n{}", screen(&buf));
        }
    }
}

#[test]
fn a_long_alias_in_the_card_hangs_under_its_text_not_its_bullet() {
    let alias = "the chair of the harbour board's finance and planning committee";
    let doc = build(
        "{0|\"Yes.\"} she said.",
        &[("Ann Lee", EntityKind::Person, &[alias])],
    );
    let buf = buffer(&app_with(doc, 80, 24, Theme::COLOR));
    let (x, y) = find(&buf, "· the chair").expect("the alias in the card");
    let next = row_text(&buf, y + 1);
    let cells: Vec<char> = next.chars().collect();
    let x = usize::from(x);
    assert!(
        cells[x] == ' ' && cells[x + 1] == ' ' && cells[x + 2] != ' ',
        "the second line starts under the text:\n{}\n{next}",
        row_text(&buf, y)
    );
}
