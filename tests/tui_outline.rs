//! The outline pane and heading jumps, as key sequences against the app model.

mod common;

use common::*;
use saywho::tui::app::Focus;
use saywho::tui::{wrap, Action, Theme};

fn heading_at_top(app: &saywho::tui::App) -> Option<usize> {
    let top = app.rows()[app.top()].start;
    app.doc().headings().iter().position(|h| h.start == top)
}

#[test]
fn braces_jump_from_heading_to_heading() {
    let mut app = app_with(doc_with_headings(4), 100, 20, Theme::COLOR);
    assert_eq!(heading_at_top(&app), Some(0));
    press(&mut app, "}");
    assert_eq!(heading_at_top(&app), Some(1));
    press(&mut app, "}}");
    assert_eq!(app.outline_cursor(), 3);
    let h3 = app.doc().headings()[3].start;
    let row = wrap::row_of(app.rows(), h3);
    assert!(row >= app.top() && row < app.top() + app.view_height());
    press(&mut app, "}");
    assert_eq!(app.message(), Some("no more headings below"));
    press(&mut app, "{");
    assert_eq!(heading_at_top(&app), Some(2));
    press(&mut app, "{{");
    assert_eq!(heading_at_top(&app), Some(0));
    press(&mut app, "{");
    assert_eq!(app.message(), Some("no more headings above"));
}

/// Issue 13, defect 5: near the end the last heading cannot come to the top; `}` still reaches
/// it, and the outline marks it.
#[test]
fn braces_reach_the_last_heading_when_the_end_is_on_screen() {
    let mut app = app_with(doc_with_headings(3), 100, 40, Theme::COLOR);
    press(&mut app, "}");
    assert_eq!(app.section(), Some(1));
    press(&mut app, "}");
    assert_eq!(app.message(), None);
    assert_eq!(app.section(), Some(2));
    assert_eq!(app.outline_cursor(), 2);
    press(&mut app, "o");
    let screen = screen(&buffer(&app));
    assert!(screen.contains("▶ Round 3 of the talks"), "{screen}");
    press(&mut app, "\x1b}");
    assert_eq!(app.message(), Some("no more headings below"));
    // From the end of the article, too.
    let mut app = app_with(doc_with_headings(3), 100, 40, Theme::COLOR);
    press(&mut app, "G{}");
    assert_eq!(app.section(), Some(2));
}

#[test]
fn braces_start_from_the_screen_after_scrolling() {
    let mut app = app_with(doc_with_headings(4), 100, 20, Theme::COLOR);
    // Scroll into the second section by lines, then `{` goes back to its heading.
    press(&mut app, "}jjj");
    assert_eq!(app.section(), Some(1));
    press(&mut app, "{");
    assert_eq!(heading_at_top(&app), Some(1));
    press(&mut app, "jjj}");
    assert_eq!(heading_at_top(&app), Some(2));
}

#[test]
fn outline_lists_headings_with_quote_counts_and_enter_jumps() {
    let mut app = app_with(doc_with_headings(3), 120, 24, Theme::COLOR);
    assert_eq!(app.heading_quotes(), &[12, 12, 12]);
    press(&mut app, "o");
    assert!(app.outline_open());
    assert_eq!(app.focus(), Focus::Outline);
    assert_eq!(app.outline_cursor(), 0);
    press(&mut app, "jj");
    assert_eq!(app.outline_cursor(), 2);
    press(&mut app, "j");
    assert_eq!(app.outline_cursor(), 2, "stops at the last heading");
    press(&mut app, "k\n");
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(heading_at_top(&app), Some(1));
    assert!(app.outline_open(), "the pane stays open");
    // j now scrolls the article again.
    let top = app.top();
    press(&mut app, "j");
    assert_eq!(app.top(), top + 1);
    press(&mut app, "o");
    assert!(!app.outline_open());
}

#[test]
fn outline_click_jumps_and_escape_returns_to_the_article() {
    let mut app = app_with(doc_with_headings(3), 120, 24, Theme::COLOR);
    press(&mut app, "o");
    let out = app.areas().outline.expect("outline pane");
    // Line 0 is the title, line 3 the third heading.
    app.update(Action::Click {
        col: out.x + 2,
        row: out.y + 3,
    });
    assert_eq!(heading_at_top(&app), Some(2));
    press(&mut app, "\x1b");
    assert_eq!(app.focus(), Focus::Article);
    // Tab cycles article → speakers → outline.
    press(&mut app, "\t");
    assert_eq!(app.focus(), Focus::Speakers);
    press(&mut app, "\t");
    assert_eq!(app.focus(), Focus::Outline);
    press(&mut app, "\t");
    assert_eq!(app.focus(), Focus::Article);
}

#[test]
fn no_headings_says_so() {
    let mut app = app(100, 20);
    press(&mut app, "o");
    assert!(!app.outline_open());
    assert_eq!(app.message(), Some("no headings in this article"));
    press(&mut app, "}");
    assert_eq!(app.message(), Some("no headings in this article"));
}

#[test]
fn outline_keeps_the_text_at_the_top_and_survives_tiny_terminals() {
    let mut app = app_with(doc_with_headings(3), 120, 24, Theme::COLOR);
    press(&mut app, "}jj");
    let anchor = app.anchor();
    press(&mut app, "o");
    assert_eq!(app.rows()[app.top()].start, anchor);
    for (w, h) in [(20, 5), (39, 6), (41, 3), (1, 1), (0, 0), (60, 10)] {
        app.update(Action::Resize(w, h));
        let _ = buffer(&app);
        press(&mut app, "jk}{\n");
    }
}

#[test]
fn outline_120x24_snapshot() {
    let mut app = app_with(doc_with_headings(3), 120, 24, Theme::COLOR);
    press(&mut app, "}o");
    insta::assert_snapshot!(draw(&app).backend());
}
