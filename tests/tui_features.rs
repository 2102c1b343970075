//! The features people asked for first, as key sequences against the model (hand-built
//! documents; no terminal): copy with citation, release the mouse, export, the jump to quotes to
//! check, and corrections (assign, clear, not a quotation, merge, undo) kept across sessions.

mod common;

use common::*;
use saywho::tui::app::{Choice, Effect};
use saywho::tui::shelf::Shelf;
use saywho::tui::state::StateStore;
use saywho::tui::{keymap, Action, App, Theme};
use saywho_core::ingest::ArticleMeta;

fn speaker_of(app: &App, i: usize) -> Option<&str> {
    let doc = app.doc();
    doc.speaker_of(&doc.quotes()[i]).map(|s| s.name.as_str())
}

fn status(app: &App) -> String {
    let buf = buffer(app);
    row_text(&buf, buf.area.height - 1)
}

#[test]
fn y_copies_the_current_quotation_as_cited() {
    let meta = ArticleMeta {
        title: Some("Harbour talks".into()),
        byline: None,
        date: Some("3 March 2025".into()),
    };
    let mut app = App::new(doc(), "fixture.txt", Theme::COLOR);
    app.set_meta(&meta);
    press(&mut app, "y");
    assert_eq!(app.message(), Some("no current quotation: press ] first"));
    assert!(app.take_effects().is_empty());
    press(&mut app, "]y");
    assert_eq!(
        app.take_effects(),
        [Effect::Copy(
            "“We made real progress tonight,” said Anna Berg (Harbour talks, 3 March 2025)".into()
        )]
    );
    // Without a title, the file name; a closing full stop becomes a comma.
    let mut app = app_with(doc(), 100, 30, Theme::COLOR);
    press(&mut app, "]]y");
    assert_eq!(
        app.take_effects(),
        [Effect::Copy(
            "“But there is more to do,” said Anna Berg (fixture.txt)".into()
        )]
    );
    assert!(app.take_effects().is_empty(), "taken once");
}

#[test]
fn capital_m_asks_for_the_mouse_and_the_help_says_so() {
    let mut app = app(100, 30);
    press(&mut app, "M");
    assert_eq!(app.take_effects(), [Effect::ToggleMouse]);
    let help = keymap::help_rows_for(false);
    assert!(help
        .iter()
        .any(|(_, keys, what)| *keys == "M" && what.contains("release the mouse")));
    assert!(keymap::markdown_table().contains("| `y` | copy the current quotation"));
}

#[test]
fn e_exports_the_digest_of_the_article_or_of_the_followed_speaker() {
    let mut app = app(100, 30);
    press(&mut app, "e");
    let [Effect::Export { stem, markdown }] = &app.take_effects()[..] else {
        panic!("one export");
    };
    assert_eq!(stem, "fixture.txt");
    assert!(markdown.starts_with("# fixture.txt\n"), "{markdown}");
    for section in [
        "## Anna Berg (5 quotes)",
        "## Tom Hale",
        "## Unattributed (2)",
    ] {
        assert!(markdown.contains(section), "{section} in {markdown}");
    }
    press(&mut app, "2e");
    let [Effect::Export { stem, markdown }] = &app.take_effects()[..] else {
        panic!("one export");
    };
    assert_eq!(stem, "fixture.txt Tom Hale");
    assert!(markdown.contains("## Tom Hale (3 quotes)"), "{markdown}");
    assert!(!markdown.contains("Anna Berg") && !markdown.contains("Unattributed"));
}

#[test]
fn w_jumps_through_the_quotations_with_no_speaker() {
    let mut app = app(100, 30);
    press(&mut app, "w");
    assert_eq!(speaker_of(&app, app.current().unwrap()), None);
    let first = app.current().unwrap();
    assert_eq!(
        app.doc().slice(&app.doc().quotes()[first].span),
        "\"ambitious\""
    );
    press(&mut app, "w");
    let second = app.current().unwrap();
    assert_eq!(
        app.doc().slice(&app.doc().quotes()[second].span),
        "\"harbour tax\""
    );
    press(&mut app, "w");
    assert_eq!(app.current(), Some(second));
    assert_eq!(app.message(), Some("no more quotations to check below"));
    press(&mut app, "W");
    assert_eq!(app.current(), Some(first));
    press(&mut app, "W");
    assert_eq!(app.message(), Some("no more quotations to check above"));
    // Once every quotation has a speaker, w says so.
    press(&mut app, "a");
    press(&mut app, "Hale\n");
    press(&mut app, "w");
    press(&mut app, "aHale\n");
    press(&mut app, "w");
    assert_eq!(app.message(), Some("every quotation has a sure speaker"));
}

#[test]
fn a_assigns_a_picked_or_new_speaker_and_u_undoes() {
    let mut app = app(100, 30);
    press(&mut app, "a");
    assert_eq!(app.message(), Some("no current quotation: press ] first"));
    press(&mut app, "]a");
    assert_eq!(app.mode(), keymap::Mode::Pick);
    assert_eq!(
        app.pick_choices().len(),
        3,
        "every speaker, most quoted first"
    );
    // Typing filters (any case); the picker eats letters that are keys elsewhere (q, j).
    press(&mut app, "hale");
    assert_eq!(app.pick_choices(), [Choice::Speaker(1)]);
    assert!(screen(&buffer(&app)).contains("Who said it?"));
    press(&mut app, "\n");
    assert_eq!(app.mode(), keymap::Mode::Normal);
    assert_eq!(speaker_of(&app, 0), Some("Tom Hale"));
    assert!(app.is_corrected(0) && !app.is_corrected(1));
    assert!(status(&app).contains("✎ corrected"), "{}", status(&app));
    assert_eq!(app.doc().speakers()[1].quote_count, 4);
    press(&mut app, "u");
    assert_eq!(speaker_of(&app, 0), Some("Anna Berg"));
    assert_eq!(app.message(), Some("correction undone"));
    press(&mut app, "u");
    assert_eq!(app.message(), Some("nothing to undo"));
    // A new name.
    press(&mut app, "aJo Quinn");
    let screen_now = screen(&buffer(&app));
    assert!(screen_now.contains("new speaker: Jo Quinn"), "{screen_now}");
    press(&mut app, "\n");
    assert_eq!(speaker_of(&app, 0), Some("Jo Quinn"));
    assert!(app
        .ranked()
        .iter()
        .any(|&id| app.doc().speakers()[id].name == "Jo Quinn"));
    // Esc closes the picker without a change; an empty filter that matches nothing says so.
    press(&mut app, "azzz");
    assert!(app
        .pick_choices()
        .iter()
        .all(|c| matches!(c, Choice::New(_))));
    press(&mut app, "\x1b");
    assert_eq!(app.mode(), keymap::Mode::Normal);
    assert_eq!(app.corrections().len(), 1);
}

#[test]
fn x_clears_the_speaker_and_capital_x_drops_the_passage() {
    let mut app = app(100, 30);
    let n = app.doc().quotes().len();
    press(&mut app, "]]x");
    assert_eq!(speaker_of(&app, 1), None);
    assert!(status(&app).contains("(unattributed)  ✎ corrected"));
    press(&mut app, "]X");
    assert_eq!(app.doc().quotes().len(), n - 1);
    // The current quotation moves on to the next one still there.
    let c = app.current().unwrap();
    assert_eq!(
        app.doc().slice(&app.doc().quotes()[c].span),
        "\"ambitious\""
    );
    press(&mut app, "uu");
    assert_eq!(app.doc().quotes().len(), n);
    assert_eq!(speaker_of(&app, 1), Some("Anna Berg"));
    assert!(!app.is_corrected(1));
}

#[test]
fn m_merges_the_selected_speaker_into_another() {
    let mut app = app(100, 30);
    press(&mut app, "m");
    assert!(app.message().unwrap().starts_with("no speaker to merge"));
    // The speaker pane: Tom Hale is second.
    press(&mut app, "\tjm");
    assert_eq!(app.mode(), keymap::Mode::Pick);
    assert!(
        !app.pick_choices().contains(&Choice::Speaker(1)),
        "not into itself"
    );
    press(&mut app, "berg\n");
    assert_eq!(app.doc().speakers()[0].quote_count, 8);
    assert_eq!(app.ranked().len(), 2);
    assert!(app.doc().speakers()[0]
        .aliases
        .iter()
        .any(|a| a == "Tom Hale"));
    press(&mut app, "u");
    assert_eq!(app.ranked().len(), 3);
}

#[test]
fn corrections_are_kept_with_the_reading_state() {
    let dir = std::env::temp_dir().join(format!("saywho-features-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let open = || {
        let (store, _) = StateStore::open(&dir);
        let corpus = vec![("Harbour".to_string(), doc())];
        let mut s = Shelf::new(Box::new(corpus), Theme::COLOR, false).with_state(store, None);
        s.update(Action::Resize(100, 30));
        s
    };
    let mut s = open();
    for a in [Action::NextQuote, Action::AssignSpeaker] {
        s.update(a);
    }
    for c in "Hale".chars() {
        s.update(Action::PickInput(c));
    }
    s.update(Action::PickConfirm);
    for a in [Action::NextQuote, Action::NotQuote] {
        s.update(a);
    }
    // Saved as made: a reader that dies now loses nothing.
    let (saved, _) = StateStore::open(&dir);
    assert_eq!(
        saved
            .get(saywho::tui::state::fnv1a(doc().text().as_bytes()))
            .unwrap()
            .corrections
            .len(),
        2
    );
    let s = open();
    let app = s.app().unwrap();
    assert_eq!(app.corrections().len(), 2);
    assert_eq!(speaker_of(app, 0), Some("Tom Hale"));
    assert_eq!(app.doc().quotes().len(), doc().quotes().len() - 1);
    assert!(app.is_corrected(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Three articles: one about the harbour (12 quotations), one with Tom Hale only (3), one with
/// no quotation.
fn shelf_of_three() -> Shelf {
    let hale = build(
        "Hale spoke. {0|\"We walked out,\"} he said. {0|\"Then back.\"} {0|\"Again.\"}\n",
        &[("Tom Hale", saywho_core::EntityKind::Person, &["Hale"])],
    );
    let corpus = vec![
        ("Quiet day".to_string(), build("Nothing was said.\n", &[])),
        ("Harbour talks".to_string(), doc()),
        ("Walkout".to_string(), hale),
    ];
    let mut s = Shelf::new(Box::new(corpus), Theme::COLOR, true);
    s.update(Action::Resize(100, 12));
    s
}

fn list_rows(s: &Shelf) -> Vec<usize> {
    (0..s.row_count()).filter_map(|r| s.article_at(r)).collect()
}

#[test]
fn slash_filters_the_list_by_title_or_speaker() {
    let mut s = shelf_of_three();
    press_shelf(&mut s, "/talks");
    assert_eq!(s.mode(), keymap::Mode::Search);
    assert_eq!(list_rows(&s), [1], "by title, any case");
    press_shelf(&mut s, "\n");
    assert_eq!(s.mode(), keymap::Mode::List);
    let screen_now = {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 12)).unwrap();
        t.draw(|f| f.render_widget(&s, f.area())).unwrap();
        screen(t.backend().buffer())
    };
    assert!(
        screen_now.contains("3 articles  1/1  /talks"),
        "{screen_now}"
    );
    // Enter opens the article of the row, Backspace comes back to the filtered list.
    press_shelf(&mut s, "\n");
    assert_eq!(s.shown(), Some(1));
    press_shelf(&mut s, "\x08");
    assert_eq!(list_rows(&s), [1]);
    // By speaker: Tom Hale speaks in two articles (their counts come in as they are analysed).
    press_shelf(&mut s, "\x1b/hale");
    for _ in 0..6 {
        s.update(Action::Tick);
        s.settle();
    }
    assert_eq!(list_rows(&s), [1, 2]);
    press_shelf(&mut s, "\x1b");
    assert_eq!(list_rows(&s), [0, 1, 2], "Esc drops the filter");
    press_shelf(&mut s, "/zzz\n");
    assert!(list_rows(&s).is_empty());
    press_shelf(&mut s, "\nj");
    assert_eq!(s.shown(), None, "nothing to open");
}

#[test]
fn s_sorts_the_list_by_number_of_quotations() {
    let mut s = shelf_of_three();
    press_shelf(&mut s, "jj");
    assert_eq!(s.article_at(s.cursor()), Some(2));
    press_shelf(&mut s, "s");
    for _ in 0..6 {
        s.update(Action::Tick);
        s.settle();
    }
    assert_eq!(list_rows(&s), [1, 2, 0]);
    assert_eq!(
        s.article_at(s.cursor()),
        Some(2),
        "the cursor stays on its article"
    );
    // J steps through the list as sorted.
    press_shelf(&mut s, "k\nJ");
    assert_eq!(s.shown(), Some(2));
    press_shelf(&mut s, "\x08s");
    assert_eq!(list_rows(&s), [0, 1, 2]);
}
