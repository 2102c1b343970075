//! Key sequences against the app model (through the keymap), no terminal needed.

mod common;

use common::*;
use saywho::tui::app::{Focus, Overlay};
use saywho::tui::{wrap, Action, App, Theme};

fn current_text(app: &App) -> &str {
    let q = &app.doc().quotes()[app.current().expect("a current quote")];
    app.doc().slice(&q.span)
}

#[test]
fn brackets_step_through_quotations_in_order() {
    let mut app = app(100, 30);
    assert_eq!(app.current(), None);
    press(&mut app, "]");
    assert_eq!(app.current(), Some(0));
    assert_eq!(current_text(&app), "\"We made real progress tonight,\"");
    press(&mut app, "]]");
    assert_eq!(app.current(), Some(2));
    press(&mut app, "[");
    assert_eq!(app.current(), Some(1));
    let n = app.doc().quotes().len();
    press(&mut app, &"]".repeat(n + 3));
    assert_eq!(app.current(), Some(n - 1), "stops at the last quotation");
    assert_eq!(app.message(), Some("no more quotations below"));
    assert_eq!(app.quote_position(), (Some(n), n));
}

#[test]
fn jumping_scrolls_the_quote_into_view() {
    let mut app = app_with(doc_n(6), 100, 12, saywho::tui::Theme::COLOR);
    let n = app.doc().quotes().len();
    press(&mut app, &"]".repeat(n - 1));
    let q = app.doc().quotes()[n - 1].span.clone();
    let row = wrap::row_of(app.rows(), q.start);
    assert!(
        row >= app.top() && row < app.top() + app.view_height(),
        "row {row} top {}",
        app.top()
    );
    assert!(app.top() > 0);
    // And back to the first.
    press(&mut app, "g]");
    assert_eq!(app.current(), Some(0));
}

#[test]
fn following_a_speaker_steps_through_their_quotes_only() {
    let mut app = app_with(doc_n(2), 100, 30, saywho::tui::Theme::COLOR);
    // Rank 2 is Tom Hale (3 quotes an article, 6 in two).
    let hale = app.ranked()[1];
    assert_eq!(app.doc().speakers()[hale].name, "Tom Hale");
    press(&mut app, "2");
    assert_eq!(app.following(), Some(hale));
    assert_eq!(app.quote_position(), (Some(1), 6));
    let mut seen = vec![app.current().unwrap()];
    for _ in 0..8 {
        press(&mut app, "]");
        let c = app.current().unwrap();
        assert_eq!(app.doc().quotes()[c].speaker, Some(hale));
        if seen.last() != Some(&c) {
            seen.push(c);
        }
    }
    assert_eq!(seen, app.quotes_of(hale).to_vec());
    assert_eq!(app.quote_position(), (Some(6), 6));
    press(&mut app, "[");
    assert_eq!(app.quote_position(), (Some(5), 6));
    let status = row_text(&buffer(&app), 29);
    assert!(status.contains("Tom Hale 5/6"), "{status}");
    press(&mut app, "\x1b");
    assert_eq!(app.following(), None);
    let before = app.current().unwrap();
    press(&mut app, "]]");
    assert_eq!(app.current(), Some(before + 2), "all speakers again");
    assert_ne!(app.doc().quotes()[before + 2].speaker, Some(hale));
}

#[test]
fn follow_numbers_beyond_the_list_do_nothing() {
    let mut app = app(100, 30);
    press(&mut app, "7");
    assert_eq!(app.following(), None);
    assert_eq!(app.message(), Some("no speaker with that number"));
}

#[test]
fn speaker_pane_focus_chooses_and_follows() {
    let mut app = app(100, 30);
    press(&mut app, "\t");
    assert_eq!(app.focus(), Focus::Speakers);
    let top = app.top();
    press(&mut app, "jjjk");
    assert_eq!(
        app.cursor(),
        1,
        "j/k move the selection, clamped to the list"
    );
    assert_eq!(app.top(), top, "the article does not scroll");
    press(&mut app, "\n");
    assert_eq!(app.following(), Some(app.ranked()[1]));
    assert_eq!(app.focus(), Focus::Article);
}

#[test]
fn search_counts_matches_and_n_steps_through_them() {
    let mut app = app_with(doc_n(2), 100, 30, saywho::tui::Theme::COLOR);
    let expected = app.doc().text().to_lowercase().matches("talks").count();
    assert!(expected >= 10);
    press(&mut app, "/talks");
    assert_eq!(app.match_position(), (Some(1), expected));
    press(&mut app, "\nnn");
    assert_eq!(app.match_position(), (Some(3), expected));
    let status = row_text(&buffer(&app), 29);
    assert!(status.contains(&format!("/talks 3/{expected}")), "{status}");
    press(&mut app, "N");
    assert_eq!(app.match_position(), (Some(2), expected));
    // Smart case: an upper-case letter makes it case-sensitive.
    press(&mut app, "/Talks\n");
    assert_eq!(app.match_position().1, 2);
    // An invalid regex is searched literally.
    press(&mut app, "/said: (\n");
    assert!(app.search.literal);
    assert_eq!(app.match_position().1, 0);
    press(&mut app, "/[Tt]alks\n");
    assert!(!app.search.literal);
    assert_eq!(app.match_position().1, expected);
    press(&mut app, "\x1b");
    assert_eq!(app.match_position(), (None, 0));
}

#[test]
fn search_is_incremental_and_backspace_widens() {
    let mut app = app(100, 30);
    press(&mut app, "/harbour t");
    assert_eq!(app.match_position().1, 1);
    press(&mut app, "\x08\x08");
    assert_eq!(app.search.input, "harbour");
    assert_eq!(app.match_position().1, 3);
    press(&mut app, "\x1b");
    assert_eq!(app.search.input, "");
}

#[test]
fn resize_keeps_the_same_text_at_the_top() {
    let mut app = app_with(doc_n(5), 100, 30, saywho::tui::Theme::COLOR);
    press(&mut app, "jjjjjjjjjjjjjjjjj");
    let top = app.top();
    let anchor = app.anchor();
    assert!(anchor > 0);
    app.update(Action::Resize(50, 30));
    let row = app.rows()[app.top()];
    assert!(
        row.start <= anchor && anchor <= row.end,
        "anchor {anchor} not in top row {row:?}"
    );
    assert_ne!(app.top(), top, "narrower means more rows above");
    app.update(Action::Resize(100, 30));
    assert_eq!(app.top(), top);
    assert_eq!(app.anchor(), anchor);
}

#[test]
fn paging_and_ends() {
    let mut app = app_with(doc_n(5), 100, 30, saywho::tui::Theme::COLOR);
    press(&mut app, " ");
    assert_eq!(app.top(), app.view_height());
    app.update(Action::HalfPageUp);
    assert_eq!(app.top(), app.view_height() - app.view_height() / 2);
    press(&mut app, "G");
    assert_eq!(app.top() + app.view_height(), app.rows().len());
    assert_eq!(app.percent(), 100);
    press(&mut app, "j");
    assert_eq!(
        app.top() + app.view_height(),
        app.rows().len(),
        "no scrolling past the end"
    );
    press(&mut app, "g");
    assert_eq!(app.top(), 0);
    press(&mut app, "k");
    assert_eq!(app.top(), 0);
}

#[test]
fn detail_and_help_overlays_open_and_close() {
    let mut app = app(100, 30);
    press(&mut app, "i");
    assert_eq!(app.overlay(), None, "no current quote yet");
    press(&mut app, "]]]i");
    assert_eq!(app.overlay(), Some(Overlay::Detail));
    let screen = screen(&buffer(&app));
    assert!(screen.contains("he → Hale → Tom Hale"), "{screen}");
    assert!(screen.contains("cue-after"));
    press(&mut app, "x");
    assert_eq!(app.overlay(), None, "any key closes");
    press(&mut app, "?");
    assert_eq!(app.overlay(), Some(Overlay::Help));
    press(&mut app, "q");
    assert_eq!(app.overlay(), None);
    assert!(!app.should_quit(), "q closes the overlay first");
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn mouse_clicks_select_quotes_and_follow_speakers() {
    let mut app = app_with(doc_n(3), 100, 30, saywho::tui::Theme::COLOR);
    let buf = buffer(&app);
    let (x, y) = find(&buf, "Nothing is agreed").unwrap();
    app.update(Action::Click { col: x + 3, row: y });
    assert_eq!(app.current(), Some(2));
    let (x, y) = find(&buf, "City Council").unwrap();
    app.update(Action::Click { col: x, row: y });
    assert_eq!(app.following(), Some(2));
    app.update(Action::Scroll {
        col: 5,
        row: 5,
        down: true,
    });
    assert_eq!(app.top(), 3);
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(20, 5), (1, 1), (0, 0), (3, 2), (12, 3), (80, 2)] {
        let mut app = app_with(doc_n(2), w, h, saywho::tui::Theme::COLOR);
        for keys in [
            "",
            "]",
            "jjj G",
            "2]]",
            "/talks\nn",
            "?",
            "\x1b]i",
            "\x1b\tj\n",
        ] {
            press(&mut app, keys);
            let _ = buffer(&app);
        }
        app.update(Action::Click { col: 0, row: 0 });
        app.update(Action::Scroll {
            col: 0,
            row: 0,
            down: true,
        });
        let _ = buffer(&app);
    }
    let app = app(20, 5);
    let status = row_text(&buffer(&app), 4);
    // The name gives way to the position (issue 13, defect 2).
    assert_eq!(status, " f…t  6%  quote –/12", "{status}");
}

#[test]
fn readme_key_table_is_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = saywho::tui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README key table is stale; paste:\n{table}"
    );
}

#[test]
fn an_empty_or_blank_article_opens_and_says_no_text() {
    for text in ["", " \n\t\r\n  "] {
        let doc = saywho_core::analyze(text.to_string());
        for (w, h) in [(100, 30), (20, 5), (1, 1)] {
            let mut app = app_with(doc.clone(), w, h, Theme::COLOR);
            let buf = buffer(&app);
            if h > 1 {
                assert!(
                    screen(&buf).contains("(no text)"),
                    "{w}x{h}: {}",
                    screen(&buf)
                );
            }
            if w >= 40 {
                assert!(
                    row_text(&buf, h - 1).contains("no text"),
                    "{}",
                    screen(&buf)
                );
            }
            press(&mut app, "]jGg/x\n");
            let _ = buffer(&app);
        }
    }
}

#[test]
fn a_notice_shows_in_the_status_bar_until_the_first_key() {
    let mut app = app(100, 30);
    app.notify("old.txt: not UTF-8, read as Windows-1252");
    app.update(Action::Resize(100, 30));
    let buf = buffer(&app);
    assert!(
        row_text(&buf, 29).contains("— old.txt: not UTF-8, read as Windows-1252"),
        "{}",
        row_text(&buf, 29)
    );
    press(&mut app, "j");
    assert_eq!(app.notice(), None);
    assert!(!row_text(&buffer(&app), 29).contains("Windows-1252"));
}

#[test]
fn inside_the_overlays_the_wheel_and_j_k_do_what_the_overlay_needs() {
    let wheel = |down| Action::Scroll {
        col: 5,
        row: 5,
        down,
    };
    let mut app = app_with(doc_n(3), 80, 15, Theme::COLOR);
    press(&mut app, "?");
    app.update(wheel(true));
    assert_eq!(app.help_scroll(), 3, "the wheel scrolls the help by 3");
    app.update(wheel(false));
    app.update(wheel(false));
    assert_eq!(app.help_scroll(), 0);
    for _ in 0..100 {
        app.update(wheel(true));
    }
    let end = app.help_scroll();
    assert!(end > 3, "a short terminal leaves help to scroll to");
    // A taller terminal has less to scroll: the scroll shrinks with it.
    app.update(Action::Resize(80, 20));
    assert!(app.help_scroll() < end);
    assert_eq!(app.top(), 0, "the article stays put under the help");

    press(&mut app, "x]i");
    assert_eq!(app.overlay(), Some(Overlay::Detail));
    app.update(wheel(true));
    assert_eq!(
        app.overlay(),
        Some(Overlay::Detail),
        "the wheel keeps the detail"
    );
    assert_eq!(app.top(), 3, "and scrolls the article under it");
    press(&mut app, "j");
    assert_eq!(app.overlay(), None, "j closes the detail");
    assert_eq!(app.top(), 3, "without scrolling");
}
