//! Several articles: the article list, the articles opened from it (analysed when first shown,
//! kept in a small least-recently-used cache) and the reading state remembered for each.
//!
//! Like [`App`], a [`Shelf`] changes only through [`Shelf::update`]; the view renders `&Shelf`.
//!
//! Articles are read and analysed on a worker thread, one at a time (an article being opened
//! goes before the counts of the list), so that keys and signals are served however slow an
//! article is (`worker`). Results are taken in by `update`; [`Shelf::settle`] waits for them (for
//! tests). A lone article already read shows its text before its analysis is done (`preview`).

mod preview;
mod rows;
mod worker;

use std::sync::{Arc, Mutex};

use ratatui::layout::Rect;

use saywho_core::document::Document;

use preview::{needs_quotes, Touched};
use worker::{load_one, Loaded, SharedCorpus, Worker};
pub use worker::{preview_of, Corpus, PREVIEW_BYTES};

use super::action::Action;
use super::app::App;
use super::keymap::Mode;
use super::state::{fnv1a, DocState, StateStore};
use super::theme::Theme;

pub use rows::RowFilter;

/// How many analysed articles are kept.
pub const CACHE_SIZE: usize = 32;

/// What the list shows about an analysed article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub quotes: usize,
    /// The most quoted speakers, most quoted first (at most three).
    pub speakers: Vec<String>,
}

impl Summary {
    fn of(doc: &Document) -> Summary {
        Summary {
            quotes: doc.quotes().len(),
            speakers: doc
                .speakers_by_share()
                .iter()
                .take(3)
                .map(|s| s.name.clone())
                .collect(),
        }
    }
}

struct Open {
    index: usize,
    hash: u64,
    app: App,
    /// The text shown while the worker analyses it (replaced by the analysed article), and
    /// whether the user moved in it (then their position wins over the remembered one).
    preview: Option<Touched>,
}

/// The reader over one or more articles.
pub struct Shelf {
    corpus: SharedCorpus,
    worker: Worker,
    /// The article to show as soon as the worker hands it over.
    opening: Option<usize>,
    pub theme: Theme,
    /// Whether there is a list to go back to.
    list: bool,
    /// The article shown, if any (else the list).
    shown: Option<usize>,
    /// Analysed articles, least recently shown first.
    cache: Vec<Open>,
    titles: Vec<Option<String>>,
    summaries: Vec<Option<Result<Summary, String>>>,
    /// The selected row of the list.
    cursor: usize,
    /// First list row on screen.
    list_top: usize,
    /// The articles of the list's rows, in order (see [`rows`]).
    rows: Vec<usize>,
    filter: RowFilter,
    size: Rect,
    help: bool,
    /// Lines the list's help is scrolled by.
    help_scroll: usize,
    quit: bool,
    /// A notice for the list's status bar (cleared by the next key).
    notice: Option<String>,
    /// A notice for the first article opened (e.g. about the state file).
    first_notice: Option<&'static str>,
    store: Option<StateStore>,
    /// Why the reading state could not be saved (the first failure; said once).
    save_error: Option<String>,
    /// Notices and errors met while reading articles, to repeat on stderr after the reader
    /// (each once, in the order met).
    report: Vec<String>,
    /// Keys about quotations pressed while the article shown was still being analysed.
    queued: Vec<Action>,
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shelf")
            .field("len", &self.len())
            .field("shown", &self.shown)
            .field("cursor", &self.cursor)
            .finish_non_exhaustive()
    }
}

impl Shelf {
    /// A shelf over `corpus`. With `list` it opens on the article list, else on the first article.
    pub fn new(corpus: Box<dyn Corpus + Send>, theme: Theme, list: bool) -> Shelf {
        let n = corpus.len();
        let corpus: SharedCorpus = Arc::new(Mutex::new(corpus));
        let mut shelf = Shelf {
            worker: Worker::spawn(Arc::clone(&corpus)),
            corpus,
            opening: None,
            theme,
            list: list || n != 1,
            shown: None,
            cache: Vec::new(),
            titles: vec![None; n],
            summaries: vec![None; n],
            cursor: 0,
            list_top: 0,
            rows: (0..n).collect(),
            filter: RowFilter::default(),
            size: Rect::new(0, 0, 80, 24),
            help: false,
            help_scroll: 0,
            quit: false,
            notice: None,
            first_notice: None,
            store: None,
            save_error: None,
            report: Vec::new(),
            queued: Vec::new(),
        };
        if !shelf.list {
            shelf.opening = Some(0);
            // The lone article's text is shown at once while it is analysed; one not read yet
            // is analysed before the reader starts, as before any terminal.
            let preview = shelf.lock().preview(0);
            match preview {
                Some(text) => shelf.show_preview(0, text),
                None => {
                    let outcome = load_one(&shelf.corpus, 0);
                    shelf.take_in(0, outcome);
                }
            }
        }
        shelf.fill_titles();
        shelf
    }

    /// Remembers reading states in `store`; `notice` (e.g. a damaged file) goes to the status bar.
    pub fn with_state(mut self, store: StateStore, notice: Option<&'static str>) -> Shelf {
        self.store = Some(store);
        self.first_notice = notice;
        if self.shown.is_some() {
            // Opened before the store was there: restore it now.
            if let Some(k) = self.cache.len().checked_sub(1) {
                self.restore(k);
            }
            if let (Some(n), Some(app)) = (self.first_notice.take(), self.app_mut()) {
                app.update(Action::Notify(n));
            }
        } else if let Some(n) = notice {
            self.notice = Some(n.to_string());
            self.first_notice = None;
        }
        self
    }

    /// A notice for the status bar of the list (or of the article, when it opens without one).
    pub fn with_notice(mut self, notice: Option<String>) -> Shelf {
        if let Some(n) = notice {
            match self.app_mut() {
                Some(app) => {
                    let joined = match app.notice() {
                        Some(old) => format!("{old}; {n}"),
                        None => n,
                    };
                    app.notify(joined);
                }
                None => self.notice = Some(n),
            }
        }
        self
    }

    /// What the article shown asks the loop to do (see [`super::app::Effect`]).
    pub fn take_effects(&mut self) -> Vec<super::app::Effect> {
        self.app_mut().map(App::take_effects).unwrap_or_default()
    }

    /// A line for the status bar of the article shown (or of the list).
    pub fn notify(&mut self, line: String) {
        match self.app_mut() {
            Some(app) => app.notify(line),
            None => self.notice = Some(line),
        }
    }

    /// The notices and errors met while reading articles (encodings guessed, articles that could
    /// not be read), each once, for stderr after the reader.
    pub fn report(&self) -> &[String] {
        &self.report
    }

    fn add_to_report(&mut self, line: String) {
        if !self.report.contains(&line) {
            self.report.push(line);
        }
    }

    // ---- read access for the views and tests ----

    pub fn len(&self) -> usize {
        self.titles.len()
    }
    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }
    pub fn has_list(&self) -> bool {
        self.list
    }
    /// The article shown, or None on the list.
    pub fn shown(&self) -> Option<usize> {
        self.shown
    }
    /// The app of the article shown.
    pub fn app(&self) -> Option<&App> {
        let i = self.shown?;
        self.cache.iter().find(|o| o.index == i).map(|o| &o.app)
    }
    fn app_mut(&mut self) -> Option<&mut App> {
        let i = self.shown?;
        self.cache
            .iter_mut()
            .find(|o| o.index == i)
            .map(|o| &mut o.app)
    }
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    pub fn list_top(&self) -> usize {
        self.list_top
    }
    pub fn size(&self) -> Rect {
        self.size
    }
    pub fn help_open(&self) -> bool {
        self.help
    }
    /// Lines the list's help is scrolled by.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
    /// The title of article `i` if it has been looked at ("" until then).
    pub fn title(&self, i: usize) -> &str {
        self.titles.get(i).and_then(|t| t.as_deref()).unwrap_or("")
    }
    /// The summary of article `i`, once it has been analysed.
    pub fn summary(&self, i: usize) -> Option<&Result<Summary, String>> {
        self.summaries.get(i).and_then(Option::as_ref)
    }
    /// How many analysed articles are held.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }
    pub fn should_quit(&self) -> bool {
        self.quit || self.app().is_some_and(App::should_quit)
    }
    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        match self.app() {
            Some(app) => app.mode(),
            None if self.help => Mode::Overlay,
            None if self.filter.editing => Mode::Search,
            None => Mode::List,
        }
    }
    /// Lines of the list on screen (the title line and the status bar left out).
    pub fn list_height(&self) -> usize {
        usize::from(self.size.height.saturating_sub(2)).max(1)
    }

    /// Whether the worker has an article in hand or one is waiting to be shown.
    pub fn busy(&self) -> bool {
        self.worker.busy.is_some() || self.opening.is_some()
    }

    /// Waits until the article being opened is shown and the counts of the list rows on screen
    /// are in (what idle ticks would bring, without depending on how fast they come).
    pub fn settle(&mut self) {
        loop {
            self.dispatch(true);
            match self.worker.receive(true) {
                Some((i, outcome)) => self.take_in(i, outcome),
                None => break,
            }
        }
        self.fill_titles();
    }

    // ---- the one place state changes ----

    pub fn update(&mut self, action: Action) {
        while let Some((i, outcome)) = self.worker.receive(false) {
            self.take_in(i, outcome);
        }
        self.apply(action);
        self.dispatch(action == Action::Tick);
        self.fill_titles();
    }

    /// Gives the worker its next article: the one being opened, else (on idle ticks, with the
    /// list on screen) the first row on screen without counts.
    fn dispatch(&mut self, idle: bool) {
        if self.worker.busy.is_some() {
            return;
        }
        let next = self.opening.or_else(|| {
            let end = (self.list_top + self.list_height()).min(self.rows.len());
            (idle && self.shown.is_none())
                .then(|| {
                    (self.list_top..end)
                        .map(|r| self.rows[r])
                        .find(|&i| self.summaries[i].is_none())
                        .or_else(|| self.wanted_for_rows())
                })
                .flatten()
        });
        if let Some(i) = next {
            self.worker.start(i);
        }
    }

    fn apply(&mut self, action: Action) {
        if let Action::Resize(w, h) = action {
            self.size = Rect::new(0, 0, w, h);
            self.keep_cursor_in_view();
            self.fill_titles();
        }
        if self.shown.is_some() {
            match action {
                Action::ToList if self.list => self.back_to_list(),
                Action::NextArticle | Action::PrevArticle if self.list => {
                    // The next row of the list (filtered and sorted as it is).
                    let r = self.shown.and_then(|i| self.row_of(i)).unwrap_or(0);
                    let next = if action == Action::NextArticle {
                        (r + 1 < self.rows.len()).then_some(r + 1)
                    } else {
                        r.checked_sub(1)
                    };
                    match next {
                        Some(r) => {
                            self.cursor = r;
                            self.open(self.rows[r]);
                        }
                        None => {
                            let msg = if action == Action::NextArticle {
                                "this is the last article"
                            } else {
                                "this is the first article"
                            };
                            if let Some(app) = self.app_mut() {
                                app.update(Action::Notify(msg));
                            }
                        }
                    }
                }
                Action::Tick => {}
                _ => {
                    let moved = !matches!(action, Action::Resize(..) | Action::Notify(_));
                    let shown = self.shown;
                    if let Some(o) = self.cache.iter_mut().find(|o| Some(o.index) == shown) {
                        if o.preview.is_some() {
                            // Replayed on the analysed article, which replaces the preview.
                            self.queued.push(action);
                            if needs_quotes(action) {
                                // Served once the quotations are found.
                                return;
                            }
                            if moved {
                                o.preview = Some(Touched::Yes);
                            }
                        }
                        let before = o.app.corrections().len();
                        o.app.update(action);
                        // A correction is an annotator's work: saved at once, not in a while.
                        if o.app.corrections().len() != before {
                            self.save_state();
                        }
                    }
                }
            }
            return;
        }
        self.on_list(action);
    }

    /// Saves the reading state of every open article (call on quit and now and then).
    pub fn persist(&mut self) -> std::io::Result<()> {
        for k in 0..self.cache.len() {
            self.remember(k);
        }
        match self.store.as_mut() {
            Some(store) => store.save(),
            None => Ok(()),
        }
    }

    /// [`Shelf::persist`], saying in the status bar (once) when the state cannot be saved; the
    /// error is kept for [`Shelf::save_error`].
    pub fn save_state(&mut self) {
        let Err(e) = self.persist() else {
            return;
        };
        if self.save_error.is_some() {
            return;
        }
        let msg = format!("could not save reading state: {e}");
        match self.app_mut() {
            Some(app) => app.notify(msg.clone()),
            None => self.notice = Some(msg.clone()),
        }
        self.save_error = Some(msg);
    }

    /// Why the reading state could not be saved, if it could not (`could not save reading
    /// state: ...`).
    pub fn save_error(&self) -> Option<&str> {
        self.save_error.as_deref()
    }

    fn remember(&mut self, k: usize) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let o = &self.cache[k];
        if o.preview.is_some() {
            // Not the article yet: nothing to remember it by.
            return;
        }
        let (anchor, quote, speaker) = o.app.memory();
        store.set(
            o.hash,
            DocState {
                anchor,
                quote,
                speaker,
                reported_hidden: !o.app.shows_reported(),
                ..DocState::default()
            },
        );
        store.set_corrections(o.hash, o.app.corrections());
    }

    fn back_to_list(&mut self) {
        if let Some(i) = self.shown.take() {
            if let Some(k) = self.cache.iter().position(|o| o.index == i) {
                self.remember(k);
            }
            self.cursor = self.row_of(i).unwrap_or(self.cursor);
            self.keep_cursor_in_view();
        }
    }

    /// Looks up the titles of the articles on screen (and of the shown one).
    /// While the worker holds the corpus they wait for the next update.
    fn fill_titles(&mut self) {
        let end = (self.list_top + self.list_height()).min(self.rows.len());
        let Ok(mut corpus) = self.corpus.try_lock() else {
            return;
        };
        let on_screen = self.rows[self.list_top.min(end)..end].iter().copied();
        for i in on_screen.chain(self.shown) {
            if self.titles[i].is_none() {
                self.titles[i] = Some(corpus.title(i));
            }
        }
    }

    /// Takes in what the worker made of article `i`, and shows it if it is being opened.
    fn take_in(&mut self, i: usize, outcome: Result<Loaded, String>) {
        // A preview makes way for the analysed article (or for the error).
        let preview = self
            .cache
            .iter()
            .position(|o| o.index == i && o.preview.is_some())
            .map(|k| self.cache.remove(k));
        match outcome {
            // Already cached (asked for twice): the first one stays.
            Ok(_) if self.cache.iter().any(|o| o.index == i) => {}
            Ok(loaded) => {
                self.cache_loaded(i, loaded);
                if let Some(p) = preview {
                    self.keep_position(i, &p);
                }
            }
            Err(e) => {
                // Nothing to replay what was done on a preview on.
                self.queued.clear();
                self.add_to_report(e.clone());
                self.summaries[i] = Some(Err(e));
            }
        }
        if self.rows_follow_counts() {
            self.refresh_rows();
        }
        if self.opening == Some(i) {
            self.opening = None;
            self.show(i);
        }
    }

    /// Puts the analysed article `i` in the cache.
    fn cache_loaded(&mut self, i: usize, loaded: Loaded) {
        let Loaded {
            doc,
            title,
            notice,
            meta,
        } = loaded;
        self.summaries[i] = Some(Ok(Summary::of(&doc)));
        // Read, a web page or Markdown file names itself: its title replaces the file name.
        self.titles[i] = Some(title.clone());
        let name = if self.list {
            format!("{title} · {}/{}", i + 1, self.len())
        } else {
            title.clone()
        };
        let hash = fnv1a(doc.text().as_bytes());
        let mut app = App::sized(doc, name, self.theme, (self.size.width, self.size.height));
        app.set_meta(&meta);
        if let Some(n) = notice {
            // The status bar names the article already.
            let short = n.strip_prefix(&format!("{title}: ")).unwrap_or(&n);
            app.notify(short);
            self.add_to_report(n);
        }
        if self.cache.len() >= CACHE_SIZE {
            // Evict the least recently shown article that is not on screen.
            if let Some(k) = self.cache.iter().position(|o| Some(o.index) != self.shown) {
                self.remember(k);
                self.cache.remove(k);
            }
        }
        self.cache.push(Open {
            index: i,
            hash,
            app,
            preview: None,
        });
        let k = self.cache.len() - 1;
        self.restore(k);
    }

    /// Puts back the remembered state of the article in slot `k`.
    fn restore(&mut self, k: usize) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        let o = &mut self.cache[k];
        if let Some(st) = store.get(o.hash) {
            // Corrections first: the remembered quotation is one of the corrected document's.
            if !st.corrections.is_empty() {
                o.app.set_corrections(st.corrections.clone());
            }
            let speaker = st.speaker.as_deref().and_then(|n| o.app.speaker_named(n));
            o.app.update(Action::Restore {
                anchor: st.anchor,
                quote: st.quote,
                speaker,
                reported_hidden: st.reported_hidden,
            });
        }
    }

    /// Shows article `i`, once the worker has analysed it if it is not cached.
    fn open(&mut self, i: usize) {
        if self.cache.iter().any(|o| o.index == i) {
            self.show(i);
            return;
        }
        self.opening = Some(i);
        match self.app_mut() {
            Some(app) => app.update(Action::Notify("analysing the article…")),
            None => self.notice = Some("analysing the article…".to_string()),
        }
    }

    /// Shows article `i` from the cache, or says why it cannot be opened.
    fn show(&mut self, i: usize) {
        if let Some(prev) = self.shown {
            if let Some(k) = self.cache.iter().position(|o| o.index == prev) {
                self.remember(k);
            }
        }
        match self.cache.iter().position(|o| o.index == i) {
            Some(k) => {
                // Most recently shown last.
                let mut o = self.cache.remove(k);
                let (w, h) = (self.size.width, self.size.height);
                if (o.app.size().width, o.app.size().height) != (w, h) {
                    o.app.update(Action::Resize(w, h));
                }
                if let Some(n) = self.first_notice.take() {
                    o.app.update(Action::Notify(n));
                }
                self.cache.push(o);
                self.shown = Some(i);
                self.notice = None;
            }
            None => {
                let err = match self.summary(i) {
                    Some(Err(e)) => e.clone(),
                    _ => "cannot open".to_string(),
                };
                self.notice = Some(err);
                self.shown = None;
            }
        }
    }
}
