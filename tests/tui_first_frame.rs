//! Issue 13, defect 12: the first screen of a lone article is drawn before its analysis is done
//! (a state check with an analysis held back by the test, no clock): the text shows at once,
//! keys about quotations wait for the analysis, and the position the user moved to is kept.

mod common;

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use common::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use saywho::tui::shelf::{preview_of, Corpus, Shelf, PREVIEW_BYTES};
use saywho::tui::{Action, Theme};
use saywho_core::document::Document;

/// A lone article already read, whose analysis waits for the test's word.
struct Held {
    text: String,
    go: Receiver<()>,
}

impl Corpus for Held {
    fn len(&self) -> usize {
        1
    }
    fn title(&mut self, _i: usize) -> String {
        "held.txt".into()
    }
    fn preview(&mut self, _i: usize) -> Option<String> {
        Some(preview_of(&self.text).to_string())
    }
    fn document(&mut self, _i: usize) -> Result<Document, String> {
        // A failure bound, not a budget: a reader that waits for the analysis before its first
        // frame gets an error here instead of hanging the test.
        self.go
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "held back too long".to_string())?;
        Ok(doc_n(3))
    }
}

fn held() -> (Shelf, Sender<()>) {
    let (go, wait) = mpsc::channel();
    let text = doc_n(3).text().to_string();
    let mut shelf = Shelf::new(Box::new(Held { text, go: wait }), Theme::COLOR, false);
    shelf.update(Action::Resize(100, 20));
    (shelf, go)
}

fn screen_of(shelf: &Shelf) -> String {
    let mut t = Terminal::new(TestBackend::new(100, 20)).unwrap();
    t.draw(|f| f.render_widget(shelf, f.area())).unwrap();
    screen(t.backend().buffer())
}

#[test]
fn the_text_is_drawn_before_the_analysis_is_done() {
    let (mut shelf, go) = held();
    assert!(shelf.busy(), "the analysis runs on the worker");
    let app = shelf.app().expect("the text is shown at once");
    assert!(app.is_analysing());
    assert!(app.doc().quotes().is_empty());
    let s = screen_of(&shelf);
    assert!(s.contains("Talks on the harbour deal ran late"), "{s}");
    assert!(s.contains("finding the quotations…"), "{s}");
    go.send(()).unwrap();
    shelf.settle();
    let app = shelf.app().unwrap();
    assert!(!app.is_analysing());
    assert_eq!(app.doc().quotes().len(), 36);
    let s = screen_of(&shelf);
    assert!(s.contains("quote –/36") && s.contains("Anna Berg"), "{s}");
}

#[test]
fn keys_pressed_meanwhile_are_served_once_the_quotations_are_found() {
    let (mut shelf, go) = held();
    for action in [Action::PageDown, Action::LineDown, Action::NextQuote] {
        shelf.update(action);
    }
    let anchor = shelf.app().unwrap().anchor();
    assert!(anchor > 0);
    go.send(()).unwrap();
    shelf.settle();
    let app = shelf.app().unwrap();
    let current = app.current().expect("] was kept for the analysed article");
    assert!(
        app.doc().quotes()[current].span.start >= anchor,
        "from where the user was"
    );
}

/// A search typed on the preview is not lost when the analysed article replaces it: the
/// prompt and the matches are there, and `n` goes on from them.
#[test]
fn a_search_typed_meanwhile_survives_the_analysis() {
    let (mut shelf, go) = held();
    shelf.update(Action::SearchStart);
    "harbour"
        .chars()
        .for_each(|c| shelf.update(Action::SearchInput(c)));
    shelf.update(Action::SearchConfirm);
    let before = screen_of(&shelf);
    assert!(before.contains("/harbour"), "{before}");
    go.send(()).unwrap();
    shelf.settle();
    assert!(!shelf.app().unwrap().is_analysing());
    let after = screen_of(&shelf);
    assert!(after.contains("/harbour"), "the search is kept: {after}");
}

#[test]
fn a_preview_is_the_beginning_of_a_long_article_cut_after_a_line() {
    let line = "“Long,” she said of the night, and left.\n";
    let text = line.repeat(2 * PREVIEW_BYTES / line.len());
    let head = preview_of(&text);
    assert!(head.len() <= PREVIEW_BYTES && head.len() > PREVIEW_BYTES - line.len());
    assert!(head.ends_with('\n') && text.starts_with(head));
    assert_eq!(preview_of("short"), "short");
    let one_line = "é".repeat(PREVIEW_BYTES);
    assert!(one_line.starts_with(preview_of(&one_line)));
}
