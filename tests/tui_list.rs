//! The article list and remembering, as key sequences against the shelf model (hand-built
//! documents; no terminal), and a 10,000-article JSONL corpus that must open at once.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use saywho::tui::library::Library;
use saywho::tui::shelf::{Corpus, Shelf, CACHE_SIZE};
use saywho::tui::state::StateStore;
use saywho::tui::{Action, Theme};
use saywho_core::document::Document;

fn screen_of(shelf: &Shelf) -> String {
    let size = shelf.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| f.render_widget(shelf, f.area())).unwrap();
    screen(t.backend().buffer())
}

fn corpus(n: usize) -> Vec<(String, Document)> {
    (0..n)
        .map(|i| (format!("Article {}", i + 1), doc_n(i % 3 + 1)))
        .collect()
}

fn shelf_of(n: usize, w: u16, h: u16) -> Shelf {
    let mut s = Shelf::new(Box::new(corpus(n)), Theme::COLOR, true);
    s.update(Action::Resize(w, h));
    s
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("saywho-list-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn enter_opens_backspace_returns_and_the_list_shows_counts_once_known() {
    let mut s = shelf_of(5, 100, 12);
    assert_eq!(s.shown(), None);
    let screen = screen_of(&s);
    assert!(screen.contains("Article 1"), "{screen}");
    assert!(screen.contains("…"), "counts not computed yet: {screen}");
    assert!(screen.contains("5 articles  1/5"), "{screen}");
    assert_eq!(s.cached(), 0, "nothing analysed before it is shown");
    press_shelf(&mut s, "jj\n");
    assert_eq!(s.shown(), Some(2));
    let app = s.app().unwrap();
    assert_eq!(app.name(), "Article 3 · 3/5");
    assert_eq!(app.size().width, 100, "opened at the terminal's size");
    press_shelf(&mut s, "]]");
    assert_eq!(s.app().unwrap().current(), Some(1));
    press_shelf(&mut s, "\x08");
    assert_eq!(s.shown(), None);
    assert_eq!(s.cursor(), 2);
    let screen = screen_of(&s);
    // doc_n(3): 36 quotations, Anna Berg most quoted.
    assert!(
        screen.contains("36  Anna Berg, Tom Hale, City Council"),
        "{screen}"
    );
    // Back in, the article is as it was left.
    press_shelf(&mut s, "\n");
    assert_eq!(s.app().unwrap().current(), Some(1));
}

#[test]
fn capital_j_and_k_step_through_articles_without_the_list() {
    let mut s = shelf_of(3, 100, 20);
    press_shelf(&mut s, "\n");
    assert_eq!(s.shown(), Some(0));
    press_shelf(&mut s, "J");
    assert_eq!(s.shown(), Some(1));
    press_shelf(&mut s, "JJ");
    assert_eq!(s.shown(), Some(2));
    assert_eq!(s.app().unwrap().message(), Some("this is the last article"));
    press_shelf(&mut s, "KK");
    assert_eq!(s.shown(), Some(0));
    press_shelf(&mut s, "K");
    assert_eq!(
        s.app().unwrap().message(),
        Some("this is the first article")
    );
    // j/k inside an article still scroll it.
    press_shelf(&mut s, "j");
    assert_eq!(s.shown(), Some(0));
    assert_eq!(s.app().unwrap().top(), 1);
    press_shelf(&mut s, "\x08");
    assert_eq!(s.cursor(), 0);
}

#[test]
fn idle_ticks_fill_in_the_counts_of_the_articles_on_screen() {
    let mut s = shelf_of(100, 100, 12);
    s.update(Action::Tick);
    s.settle();
    let on_screen = s.list_height();
    assert!((0..on_screen).all(|i| s.summary(i).is_some()));
    assert!(s.summary(on_screen + 5).is_none(), "only what is on screen");
    assert!(!screen_of(&s).contains('…'));
}

#[test]
fn the_cache_stays_bounded() {
    let mut s = shelf_of(CACHE_SIZE + 10, 100, 12);
    press_shelf(&mut s, "\n");
    for _ in 0..CACHE_SIZE + 9 {
        press_shelf(&mut s, "J");
    }
    assert_eq!(s.shown(), Some(CACHE_SIZE + 9));
    assert_eq!(s.cached(), CACHE_SIZE);
    // An evicted article opens again.
    press_shelf(&mut s, "\x08g\n");
    assert_eq!(s.shown(), Some(0));
}

#[test]
fn list_paging_help_and_tiny_screens() {
    let mut s = shelf_of(50, 80, 12);
    press_shelf(&mut s, "G");
    assert_eq!(s.cursor(), 49);
    assert!(screen_of(&s).contains("Article 50"));
    press_shelf(&mut s, "g ");
    assert_eq!(s.cursor(), 10);
    press_shelf(&mut s, "?");
    assert!(s.help_open());
    assert!(screen_of(&s).contains("open the article"));
    press_shelf(&mut s, "x");
    assert!(!s.help_open());
    for (w, h) in [(20, 5), (1, 1), (0, 0), (200, 3)] {
        s.update(Action::Resize(w, h));
        let _ = screen_of(&s);
        press_shelf(&mut s, "j\n]\x08k");
        let _ = screen_of(&s);
    }
}

#[test]
fn a_single_article_opens_directly_and_has_no_list() {
    let mut s = Shelf::new(Box::new(corpus(1)), Theme::COLOR, false);
    assert_eq!(s.shown(), Some(0));
    assert_eq!(s.app().unwrap().name(), "Article 1");
    press_shelf(&mut s, "\x08");
    assert_eq!(s.shown(), Some(0));
    assert_eq!(s.app().unwrap().message(), Some("only one article is open"));
}

#[test]
fn list_snapshot_100x10() {
    let mut s = shelf_of(12, 100, 10);
    s.update(Action::Tick);
    s.settle();
    press_shelf(&mut s, "jj");
    insta::assert_snapshot!(screen_of(&s));
}

#[test]
fn reading_state_is_remembered_across_shelves() {
    let dir = temp_dir("state");
    let open = |dir: &PathBuf| {
        let (store, notice) = StateStore::open(dir);
        assert_eq!(notice, None);
        let mut s = Shelf::new(Box::new(corpus(3)), Theme::COLOR, true).with_state(store, None);
        s.update(Action::Resize(100, 12));
        s
    };
    let mut s = open(&dir);
    press_shelf(&mut s, "j\n2]]jj");
    let app = s.app().unwrap();
    let (anchor, quote, speaker) = app.memory();
    let position = app.quote_position();
    assert_eq!(position, (Some(3), 6));
    assert_eq!(speaker.as_deref(), Some("Tom Hale"));
    assert!(anchor > 0);
    s.update(Action::Quit);
    s.persist().unwrap();
    // Again, at another size.
    let mut s = open(&dir);
    s.update(Action::Resize(60, 30));
    press_shelf(&mut s, "j\n");
    let app = s.app().unwrap();
    assert_eq!(app.memory(), (anchor, quote, speaker.clone()));
    assert_eq!(app.quote_position(), position);
    assert!(app.rows()[app.top()].start <= anchor);
    let status = screen_of(&s);
    assert!(status.contains("Tom Hale 3/6"), "{status}");
    // Article 1 (same text as article 4 would be) was never opened: nothing remembered.
    press_shelf(&mut s, "K");
    assert_eq!(s.app().unwrap().memory(), (0, None, None));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_state_file_is_a_notice_not_a_crash() {
    let dir = temp_dir("damaged");
    std::fs::write(dir.join("state.json"), "{\"saywho_state\": 1, \"docs\": [").unwrap();
    let (store, notice) = StateStore::open(&dir);
    let mut s = Shelf::new(Box::new(corpus(1)), Theme::COLOR, false).with_state(store, notice);
    s.update(Action::Resize(100, 12));
    let screen = screen_of(&s);
    assert!(
        screen.contains("reading state file damaged or foreign: ignored"),
        "{screen}"
    );
    press_shelf(&mut s, "]q");
    s.persist().unwrap();
    assert_eq!(StateStore::open(&dir).1, None, "replaced by a good one");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_jsonl_corpus_of_10000_articles_opens_at_once() {
    let dir = temp_dir("big");
    let path = dir.join("corpus.jsonl");
    let mut text = String::new();
    let body =
        "Talks ran late. \\\"We made progress,\\\" said Anna Berg, the minister. ".repeat(20);
    for i in 0..10_000 {
        text.push_str(&format!(
            "{{\"id\": \"a{i}\", \"title\": \"Story number {i}\", \"text\": \"{body}\"}}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let start = Instant::now();
    let lib = Library::from_paths(std::slice::from_ref(&path));
    assert_eq!(lib.len(), 10_000);
    let mut s = Shelf::new(Box::new(lib), Theme::COLOR, true);
    s.update(Action::Resize(120, 40));
    let screen = screen_of(&s);
    let took = start.elapsed();
    assert!(screen.contains("Story number 0"), "{screen}");
    assert!(screen.contains("10000 articles"), "{screen}");
    assert!(took < Duration::from_secs(2), "opening took {took:?}");
    // The last article, read on demand.
    let start = Instant::now();
    press_shelf(&mut s, "G\n");
    assert_eq!(s.app().unwrap().doc().quotes().len(), 20);
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(screen_of(&s).contains("Story number 9999 · 10000/10000"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_list_help_scrolls_on_a_short_terminal() {
    let docs: Vec<(String, saywho_core::document::Document)> =
        vec![("a".into(), doc()), ("b".into(), doc())];
    let mut shelf = Shelf::new(Box::new(docs), Theme::COLOR, true);
    shelf.update(Action::Resize(80, 8));
    press_shelf(&mut shelf, "?jj");
    assert!(shelf.help_open());
    assert_eq!(shelf.help_scroll(), 2);
    assert_eq!(shelf.cursor(), 0, "j scrolls the help, not the list");
    let screen = screen_of(&shelf);
    assert!(screen.contains("3–8 of"), "{screen}");
    press_shelf(&mut shelf, "k\x1b");
    assert!(!shelf.help_open());
    press_shelf(&mut shelf, "j");
    assert_eq!(shelf.cursor(), 1);
}

/// Issue 13, defect 4: the list shows the titles of saved pages and Markdown files once they are
/// read, and the reader a header line with the title, byline and date.
#[test]
fn pages_and_markdown_show_their_titles_in_the_list_and_a_header_above_the_text() {
    let d = temp_dir("titles");
    let page =
        "<html><head><title>Mayor speaks</title><meta name=\"author\" content=\"Lena Ortiz\">\
                <meta property=\"article:published_time\" content=\"2024-03-02\"></head><body>\
                <article><p>\"We will rebuild the bridge,\" Mayor Ana Ruiz said on Monday.</p>\
                </article></body></html>";
    std::fs::write(d.join("a1b2c3.html"), page).unwrap();
    std::fs::write(d.join("b.md"), "# Port notes\n\n\"Open,\" she said.").unwrap();
    let lib = Library::from_paths(std::slice::from_ref(&d));
    let mut s = Shelf::new(Box::new(lib), Theme::COLOR, true);
    s.update(Action::Resize(100, 12));
    s.settle();
    let screen = screen_of(&s);
    assert!(screen.contains("Mayor speaks"), "{screen}");
    assert!(screen.contains("Port notes"), "{screen}");
    assert!(!screen.contains("a1b2c3.html"), "{screen}");
    press_shelf(&mut s, "\n");
    let app = s.app().unwrap();
    assert_eq!(app.header(), Some("Mayor speaks · Lena Ortiz · 2024-03-02"));
    let screen = screen_of(&s);
    let first = screen.lines().next().unwrap();
    assert!(
        first.contains("Mayor speaks · Lena Ortiz · 2024-03-02"),
        "{screen}"
    );
    assert!(
        screen.lines().nth(1).unwrap().contains("We will rebuild"),
        "{screen}"
    );
    let _ = std::fs::remove_dir_all(&d);
}

/// Issue 13, defect 8: the list's help pages with Space too.
#[test]
fn space_pages_the_list_help() {
    let mut s = shelf_of(3, 80, 12);
    press_shelf(&mut s, "? ");
    assert!(s.help_open());
    assert!(s.help_scroll() > 1, "{}", s.help_scroll());
    press_shelf(&mut s, "b");
    assert_eq!(s.help_scroll(), 0);
}
