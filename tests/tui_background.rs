//! The shelf while articles are analysed off the event loop: keys are served during a slow
//! analysis, the list's numbers do not depend on how fast the machine is, and a reading state
//! that cannot be saved is said once.

mod common;

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use saywho::tui::shelf::{Corpus, Shelf};
use saywho::tui::state::StateStore;
use saywho::tui::{Action, Theme};
use saywho_core::document::Document;

fn screen_of(shelf: &Shelf) -> String {
    let size = shelf.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| f.render_widget(shelf, f.area())).unwrap();
    screen(t.backend().buffer())
}

/// The fixture articles, each taking `delay` to analyse (a busy machine).
struct Slow {
    delay: Duration,
}

impl Corpus for Slow {
    fn len(&self) -> usize {
        12
    }
    fn title(&mut self, i: usize) -> String {
        format!("Article {}", i + 1)
    }
    fn document(&mut self, i: usize) -> Result<Document, String> {
        std::thread::sleep(self.delay);
        Ok(doc_n(i % 3 + 1))
    }
}

#[test]
fn the_list_snapshot_does_not_depend_on_the_machine_speed() {
    // Each article takes longer than an idle tick used to be allowed to spend.
    let mut s = Shelf::new(
        Box::new(Slow {
            delay: Duration::from_millis(60),
        }),
        Theme::COLOR,
        true,
    );
    s.update(Action::Resize(100, 10));
    s.update(Action::Tick);
    s.settle();
    s.update(Action::LineDown);
    s.update(Action::LineDown);
    s.settle();
    let screen = screen_of(&s);
    assert!(
        !screen.contains('…'),
        "every row on screen counted: {screen}"
    );
    // The same screen as the snapshot of tui_list's `list_snapshot_100x10`.
    let snap = include_str!("snapshots/tui_list__list_snapshot_100x10.snap");
    let body = snap.splitn(3, "---\n").nth(2).unwrap();
    let trim = |t: &str| t.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    assert_eq!(trim(&screen), trim(body));
}

/// An article whose analysis ends only when the test says so (or after a failure bound).
struct Stuck {
    release: Receiver<()>,
    timed_out: Arc<Mutex<bool>>,
}

impl Corpus for Stuck {
    fn len(&self) -> usize {
        3
    }
    fn title(&mut self, i: usize) -> String {
        format!("Article {}", i + 1)
    }
    fn document(&mut self, _i: usize) -> Result<Document, String> {
        if let Err(RecvTimeoutError::Timeout) = self.release.recv_timeout(Duration::from_secs(20)) {
            *self.timed_out.lock().unwrap() = true;
        }
        Ok(doc())
    }
}

#[test]
fn keys_are_served_while_an_article_is_analysed() {
    let (release, rx) = mpsc::channel();
    let timed_out = Arc::new(Mutex::new(false));
    let corpus = Stuck {
        release: rx,
        timed_out: Arc::clone(&timed_out),
    };
    let mut s = Shelf::new(Box::new(corpus), Theme::COLOR, true);
    s.update(Action::Resize(100, 12));
    // The idle tick starts analysing the first row; it cannot finish before the release.
    s.update(Action::Tick);
    s.update(Action::LineDown);
    assert_eq!(s.cursor(), 1, "a key moved the cursor during the analysis");
    s.update(Action::Activate);
    assert_eq!(s.shown(), None, "not yet analysed");
    assert!(s.busy());
    s.update(Action::Quit);
    assert!(s.should_quit(), "q is served during the analysis");
    assert!(
        !*timed_out.lock().unwrap(),
        "the keys waited for the analysis to give up"
    );
    // Released, the article asked for opens.
    let _ = release.send(());
    let _ = release.send(());
    s.settle();
    assert_eq!(s.shown(), Some(1));
}

#[test]
fn an_unwritable_state_directory_is_said_once() {
    let dir = std::env::temp_dir().join(format!("saywho-bg-{}-unwritable", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A file stands where the state directory should be.
    let blocker = dir.join("saywho");
    std::fs::write(&blocker, "not a directory").unwrap();
    let (store, _) = StateStore::open(&blocker);
    let mut s = Shelf::new(
        Box::new(vec![("a".to_string(), doc())]),
        Theme::COLOR,
        false,
    )
    .with_state(store, None);
    s.update(Action::Resize(100, 12));
    s.update(Action::NextQuote);
    assert_eq!(s.save_error(), None);
    s.save_state();
    let error = s.save_error().expect("the failure is kept").to_string();
    assert!(
        error.starts_with("could not save reading state: "),
        "{error}"
    );
    assert!(screen_of(&s).contains("could not save reading state"));
    // Said once: the next key clears it and later failures stay quiet.
    s.update(Action::NextQuote);
    s.save_state();
    assert!(!screen_of(&s).contains("could not save reading state"));
    assert_eq!(s.save_error(), Some(error.as_str()));
    let _ = std::fs::remove_dir_all(&dir);
}
