//! The reader's view state over an immutable [`Document`]. [`App::update`] is the only thing that
//! changes it; rendering (in `view`) only reads it. `update` hands each action to the handler of
//! its family: moving through the text (`motion`), the quotations (`quotes`), the search
//! (`search`), the corrections and the speaker picker (`corrections`), copying and exporting
//! (`outputs`), and here the panes, the overlays and the session.

mod corrections;
mod index;
mod layout;
mod motion;
mod outputs;
mod quotes;
mod reported;
mod search;

use std::collections::HashMap;

use ratatui::layout::Rect;

use saywho_core::document::{Document, SpeakerId};
use saywho_core::ingest::ArticleMeta;

use crate::corrections::Edit;

use super::action::Action;
use super::detail;
use super::help;
use super::keymap::Mode;
use super::theme::Theme;
use super::wrap::{self, Row};

pub use corrections::{Choice, Picker, Purpose};
pub use layout::{
    count, digits, outline_line_width, speaker_line_width, speaker_summary, Areas, Wants, BAR,
    FINDING, MAX_TEXT_WIDTH, NO_SPEAKERS, OUTLINE_WIDTH, SPEAKERS_MIN_WIDTH, SPEAKERS_WIDTH,
};
pub use motion::map_rows;
pub use outputs::{citation, is_unsure, needs_look, Effect, LOW_CONFIDENCE};
pub use search::Search;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Speakers,
    Outline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Detail,
}

/// The reader's state.
#[derive(Debug)]
pub struct App {
    /// The document with the reader's corrections applied (what every view shows).
    doc: Document,
    /// The document as the engine made it, once there are corrections (until then `doc` is it:
    /// a large article is not held twice).
    original: Option<Document>,
    /// The corrections, in the order made.
    edits: Vec<Edit>,
    /// For each quotation of `doc`, whether a correction changed it.
    changed: Vec<bool>,
    /// Title, byline and date, where the source gives them (for citations and exports).
    meta: ArticleMeta,
    /// The speaker picker of a correction, while open.
    picker: Option<Picker>,
    /// What the loop has to do outside the model (the clipboard, files, the mouse).
    effects: Vec<Effect>,
    name: String,
    pub theme: Theme,
    /// Speakers in pane order (most quoted first, then those only reported); numbers 1–9 index
    /// this.
    ranked: Vec<SpeakerId>,
    /// Rank of each speaker id (None when the speaker has no quote nor reported statement).
    rank_of: Vec<Option<usize>>,
    /// Quote indices of each speaker id, in text order.
    by_speaker: Vec<Vec<usize>>,
    size: Rect,
    wraps: HashMap<u16, Vec<Row>>,
    wrap_width: u16,
    /// The byte offset shown at the top: survives re-wrapping.
    anchor: usize,
    /// Index of the top row in the current wrap.
    top: usize,
    current: Option<usize>,
    /// The current reported statement (only while no quotation is current).
    current_reported: Option<usize>,
    /// Reported speech is drawn, counted in the speaker pane and stepped through.
    show_reported: bool,
    following: Option<SpeakerId>,
    focus: Focus,
    /// The selected line in the speaker pane (an index into `ranked`).
    cursor: usize,
    /// The outline pane is open.
    outline: bool,
    /// The selected line in the outline (an index into `doc.headings`).
    outline_cursor: usize,
    /// The heading last jumped to (`}`/`{` step on from it while it is on screen).
    heading: Option<usize>,
    /// Number of quotations under each heading (starting between it and the next heading).
    heading_quotes: Vec<usize>,
    /// The text is shown while its quotations are still being found.
    analysing: bool,
    /// The widths the side panes' content asks for (and whether there is a header line).
    wants: Wants,
    /// The header line above the article: title · byline · date, as the file gives them.
    header: Option<String>,
    pub search: Search,
    overlay: Option<Overlay>,
    /// Lines the help overlay is scrolled by.
    help_scroll: usize,
    /// Lines the detail overlay is scrolled by.
    detail_scroll: usize,
    quit: bool,
    /// A short message for the status bar ("no more quotations").
    message: Option<&'static str>,
    /// How the article was read, for the status bar until the first key (e.g. `FILE: not UTF-8,
    /// read as Windows-1252`).
    notice: Option<String>,
}

impl App {
    /// The app over `doc` on an 80×24 screen (until the first resize).
    pub fn new(doc: Document, name: impl Into<String>, theme: Theme) -> App {
        App::sized(doc, name, theme, (80, 24))
    }

    /// The app over `doc` on a screen of `(width, height)`, wrapped once for it.
    pub fn sized(doc: Document, name: impl Into<String>, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::unwrapped(doc, name.into(), theme);
        app.resize(size.0, size.1);
        app
    }

    /// The text of an article whose quotations are still being found, on a screen of
    /// `(width, height)` (the speaker pane keeps its usual width meanwhile, so the text does not
    /// move when the speakers come).
    pub fn analysing(
        doc: Document,
        name: impl Into<String>,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let mut app = App::unwrapped(doc, name.into(), theme);
        app.analysing = true;
        app.wants.speakers = app.wants.speakers.max(SPEAKERS_WIDTH);
        app.resize(size.0, size.1);
        app
    }

    /// The app before its first wrap.
    fn unwrapped(doc: Document, name: String, theme: Theme) -> App {
        let mut app = App {
            analysing: false,
            wants: Wants::default(),
            header: None,
            changed: vec![false; doc.quotes().len()],
            original: None,
            doc,
            edits: Vec::new(),
            meta: ArticleMeta::default(),
            picker: None,
            effects: Vec::new(),
            name,
            theme,
            ranked: Vec::new(),
            rank_of: Vec::new(),
            by_speaker: Vec::new(),
            size: Rect::default(),
            wraps: HashMap::new(),
            wrap_width: 0,
            anchor: 0,
            top: 0,
            current: None,
            current_reported: None,
            show_reported: true,
            following: None,
            focus: Focus::Article,
            cursor: 0,
            outline: false,
            outline_cursor: 0,
            heading: None,
            heading_quotes: Vec::new(),
            search: Search::default(),
            overlay: None,
            help_scroll: 0,
            detail_scroll: 0,
            quit: false,
            message: None,
            notice: None,
        };
        app.index();
        app
    }

    // ---- read access for the views and tests ----

    pub fn doc(&self) -> &Document {
        &self.doc
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn size(&self) -> Rect {
        self.size
    }
    /// Whether the quotations are still being found (the text is shown meanwhile).
    pub fn is_analysing(&self) -> bool {
        self.analysing
    }
    /// The header line above the article (title · byline · date), if the file gives any.
    pub fn header(&self) -> Option<&str> {
        self.header.as_deref()
    }
    /// Shows the title, byline and date of `meta` (those it has) above the article, and cites
    /// and exports with them.
    pub fn set_meta(&mut self, meta: &ArticleMeta) {
        self.meta = meta.clone();
        let parts: Vec<&str> = [&meta.title, &meta.byline, &meta.date]
            .into_iter()
            .filter_map(|p| p.as_deref().map(str::trim).filter(|p| !p.is_empty()))
            .collect();
        self.header = (!parts.is_empty()).then(|| parts.join(" · "));
        self.wants.header = self.header.is_some();
        // The text pane loses a row.
        let (w, h) = (self.size.width, self.size.height);
        self.resize(w, h);
    }
    /// The widths the side panes' content asks for.
    pub fn wants(&self) -> Wants {
        self.wants
    }
    pub fn areas(&self) -> Areas {
        Areas::new(self.size, self.outline, self.wants)
    }
    /// Whether the outline pane is open.
    pub fn outline_open(&self) -> bool {
        self.outline
    }
    /// The selected line of the outline.
    pub fn outline_cursor(&self) -> usize {
        self.outline_cursor
    }
    /// Number of quotations under each heading, in heading order.
    pub fn heading_quotes(&self) -> &[usize] {
        &self.heading_quotes
    }
    /// The heading whose section is being read: the last one at or above the top of the screen,
    /// or a later one jumped to that is on screen (near the end the screen cannot scroll it to
    /// the top).
    pub fn section(&self) -> Option<usize> {
        let hs = self.doc.headings();
        let at_top = hs
            .partition_point(|h| h.start <= self.anchor)
            .checked_sub(1);
        let jumped = self
            .heading
            .filter(|&h| hs.get(h).is_some_and(|r| self.on_screen(r.start)));
        at_top.max(jumped)
    }
    /// How many outline lines are scrolled off above, so that the cursor stays in view.
    pub fn outline_skip(&self) -> usize {
        let h = self
            .areas()
            .outline
            .map_or(0, |r| usize::from(r.height.saturating_sub(1)));
        (self.outline_cursor + 1).saturating_sub(h.max(1))
    }
    /// The wrapped rows at the current width.
    pub fn rows(&self) -> &[Row] {
        self.wraps.get(&self.wrap_width).map_or(&[], Vec::as_slice)
    }
    pub fn top(&self) -> usize {
        self.top
    }
    pub fn anchor(&self) -> usize {
        self.anchor
    }
    /// Rows of text on screen.
    pub fn view_height(&self) -> usize {
        self.areas().text.height as usize
    }
    pub fn current(&self) -> Option<usize> {
        self.current
    }
    pub fn following(&self) -> Option<SpeakerId> {
        self.following
    }
    pub fn focus(&self) -> Focus {
        self.focus
    }
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }
    /// Lines the help overlay is scrolled by (clamped to what there is).
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    /// Lines the detail overlay is scrolled by.
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    pub fn message(&self) -> Option<&'static str> {
        self.message
    }
    /// The notice about how the article was read, until the first key.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }
    /// Whether the article has no text to speak of (empty or whitespace only).
    pub fn is_blank(&self) -> bool {
        self.doc.text().trim().is_empty()
    }
    /// Shows `notice` in the status bar until the next key (a message of a key wins over it).
    pub fn notify(&mut self, notice: impl Into<String>) {
        self.notice = Some(notice.into());
    }
    /// Speakers in pane order.
    pub fn ranked(&self) -> &[SpeakerId] {
        &self.ranked
    }
    pub fn rank_of(&self, id: SpeakerId) -> Option<usize> {
        self.rank_of.get(id).copied().flatten()
    }
    pub fn quotes_of(&self, id: SpeakerId) -> &[usize] {
        self.by_speaker.get(id).map_or(&[], Vec::as_slice)
    }
    /// What is worth remembering: the anchor, the current quotation, the followed speaker's name.
    pub fn memory(&self) -> (usize, Option<usize>, Option<String>) {
        let speaker = self
            .following
            .and_then(|id| self.doc.speakers().get(id))
            .map(|s| s.name.clone());
        (self.anchor, self.current, speaker)
    }
    /// The id of the speaker with this canonical name.
    pub fn speaker_named(&self, name: &str) -> Option<SpeakerId> {
        self.doc.speakers().iter().position(|s| s.name == name)
    }
    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        if self.picker.is_some() {
            Mode::Pick
        } else if self.overlay.is_some() {
            Mode::Overlay
        } else if self.search.editing {
            Mode::Search
        } else {
            Mode::Normal
        }
    }
    /// Position through the article in percent (of the last row on screen).
    pub fn percent(&self) -> usize {
        let n = self.rows().len();
        if n == 0 {
            return 100;
        }
        ((self.top + self.view_height()).min(n) * 100) / n
    }
    /// `(position, total)` of the current quote among the quotes being stepped through (of a
    /// followed speaker: among their quotes and, while shown, reported statements).
    pub fn quote_position(&self) -> (Option<usize>, usize) {
        match self.following {
            Some(_) if self.counts_reported() => self.speech_position(),
            Some(s) => {
                let list = self.quotes_of(s);
                let pos = self
                    .current
                    .and_then(|c| list.binary_search(&c).ok())
                    .map(|p| p + 1);
                (pos, list.len())
            }
            None => (self.current.map(|c| c + 1), self.doc.quotes().len()),
        }
    }
    /// The search counter, e.g. `(3, 14)`.
    pub fn match_position(&self) -> (Option<usize>, usize) {
        (
            self.search.current.map(|c| c + 1),
            self.search.matches.len(),
        )
    }

    // ---- the one place state changes ----

    pub fn update(&mut self, action: Action) {
        if action == Action::Tick {
            return;
        }
        self.forget_messages(action);
        if self.picker.is_some() && self.on_picker(action) {
            return;
        }
        if self.overlay_key(action) {
            return;
        }
        match action {
            Action::LineDown
            | Action::LineUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom
            | Action::NextHeading
            | Action::PrevHeading
            | Action::Scroll { .. }
            | Action::Click { .. } => self.on_motion(action),
            Action::NextQuote
            | Action::PrevQuote
            | Action::ToggleReported
            | Action::Follow(_)
            | Action::Detail => self.on_quotes(action),
            Action::ToggleFocus | Action::ToggleOutline | Action::Activate => self.on_panes(action),
            Action::Help | Action::CloseOverlay | Action::Back => self.on_overlays(action),
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::SearchCancel
            | Action::NextMatch
            | Action::PrevMatch => self.on_search(action),
            Action::AssignSpeaker
            | Action::ClearSpeaker
            | Action::NotQuote
            | Action::MergeSpeaker
            | Action::Undo
            | Action::PickInput(_)
            | Action::PickBackspace
            | Action::PickConfirm
            | Action::PickCancel => self.on_corrections(action),
            Action::Copy
            | Action::ToggleMouse
            | Action::Export
            | Action::NextUnsure
            | Action::PrevUnsure => self.on_outputs(action),
            Action::Tick
            | Action::SortByQuotes
            | Action::Notify(_)
            | Action::ToList
            | Action::NextArticle
            | Action::PrevArticle
            | Action::Restore { .. }
            | Action::Quit
            | Action::Resize(..) => self.on_session(action),
        }
    }

    /// A key clears the message of the last one, and the notice about how the article was read
    /// (a resize, a restore or a notice of its own does not).
    fn forget_messages(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if !matches!(
            action,
            Action::Resize(..) | Action::Restore { .. } | Action::Notify(_)
        ) {
            self.notice = None;
        }
    }

    /// Inside an overlay, j/k, Space/b and the pages keys scroll it (the wheel too, in the help;
    /// over the detail it scrolls the article). Other keys reach the overlay through its own key
    /// table. Whether the action was taken here.
    fn overlay_key(&mut self, action: Action) -> bool {
        let Some(overlay) = self.overlay else {
            return false;
        };
        let page = match overlay {
            Overlay::Help => help::page(false, self.size),
            Overlay::Detail => usize::from(detail::rect(self).height.saturating_sub(2)).max(1),
        } as isize;
        let by = match action {
            Action::Scroll { .. } if overlay == Overlay::Detail => return false,
            Action::Scroll { down, .. } => 3 * if down { 1 } else { -1 },
            Action::LineDown => 1,
            Action::LineUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            _ => return false,
        };
        match overlay {
            Overlay::Help => {
                let max = help::max_scroll(false, self.size);
                self.help_scroll = self.help_scroll.saturating_add_signed(by).min(max);
            }
            // A detail that fits closes, as before it could scroll.
            Overlay::Detail => match detail::max_scroll(self) {
                0 => self.overlay = None,
                max => self.detail_scroll = self.detail_scroll.saturating_add_signed(by).min(max),
            },
        }
        true
    }

    /// Quitting, resizing, notices, a restored reading position, the list keys.
    fn on_session(&mut self, action: Action) {
        match action {
            Action::Notify(msg) => self.message = Some(msg),
            Action::ToList | Action::NextArticle | Action::PrevArticle => {
                self.message = Some("only one article is open")
            }
            Action::Restore {
                anchor,
                quote,
                speaker,
                reported_hidden,
            } => {
                self.show_reported = !reported_hidden;
                self.restore(anchor, quote, speaker);
            }
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                self.resize(w, h);
                let max = help::max_scroll(false, self.size);
                self.help_scroll = self.help_scroll.min(max);
                self.detail_scroll = self.detail_scroll.min(detail::max_scroll(self));
            }
            _ => {}
        }
    }

    /// Opening and closing the overlays; Esc steps back one level.
    fn on_overlays(&mut self, action: Action) {
        match action {
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Action::CloseOverlay => self.overlay = None,
            Action::Back => {
                if self.overlay.is_some() {
                    self.overlay = None;
                } else if !self.search.input.is_empty() {
                    self.search = Search::default();
                } else if self.following.is_some() {
                    self.following = None;
                } else {
                    self.focus = Focus::Article;
                }
            }
            _ => {}
        }
    }

    /// The panes: focus, the outline, Enter on the focused one.
    fn on_panes(&mut self, action: Action) {
        match action {
            Action::ToggleFocus => {
                let speakers = !self.ranked.is_empty() && self.areas().speakers.is_some();
                let outline = self.areas().outline.is_some();
                let before = self.focus;
                self.focus = match self.focus {
                    Focus::Article if speakers => Focus::Speakers,
                    Focus::Article | Focus::Speakers if outline => Focus::Outline,
                    _ => Focus::Article,
                };
                if before == Focus::Article && self.focus == Focus::Article {
                    self.message = Some(if self.ranked.is_empty() {
                        "no speakers to focus"
                    } else {
                        "no room for the speaker pane: it shows from 80 columns"
                    });
                }
            }
            Action::ToggleOutline => self.toggle_outline(),
            Action::Activate => match self.focus {
                Focus::Speakers => {
                    if let Some(&id) = self.ranked.get(self.cursor) {
                        self.follow(id);
                        self.focus = Focus::Article;
                    }
                }
                Focus::Outline => {
                    self.jump_to_heading(self.outline_cursor);
                    self.focus = Focus::Article;
                }
                Focus::Article => self.open_detail(),
            },
            _ => {}
        }
    }

    fn toggle_outline(&mut self) {
        if self.outline {
            self.outline = false;
            self.focus = Focus::Article;
        } else if self.doc.headings().is_empty() {
            self.message = Some("no headings in this article");
        } else {
            self.outline = true;
            self.focus = Focus::Outline;
            self.outline_cursor = self.section().unwrap_or(0);
        }
        // The text pane's width changes with the outline.
        let (w, h) = (self.size.width, self.size.height);
        self.resize(w, h);
    }

    pub(super) fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        let width = self.areas().text.width.max(1);
        if width != self.wrap_width {
            if !self.wraps.contains_key(&width) {
                if self.wraps.len() >= 4 {
                    self.wraps.clear();
                }
                self.wraps
                    .insert(width, wrap::wrap(self.doc.text(), width as usize));
            }
            self.wrap_width = width;
        }
        // Same text at the top: the anchor stays, the row is found again.
        self.top = wrap::row_of(self.rows(), self.anchor).min(self.max_top());
    }
}
