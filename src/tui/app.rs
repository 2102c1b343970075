//! The reader's view state over an immutable [`Document`]. [`App::update`] is the only thing that
//! changes it; rendering (in `view`) only reads it.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::layout::Rect;
use regex::RegexBuilder;

use saywho_core::document::{Document, SpeakerId};

use super::action::Action;
use super::help;
use super::keymap::Mode;
use super::theme::Theme;
use super::wrap::{self, Row};

/// The widest the text gets, for comfortable reading.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// The speaker pane shows from this terminal width on.
pub const SPEAKERS_MIN_WIDTH: u16 = 80;
/// Width of the speaker pane (its border included).
pub const SPEAKERS_WIDTH: u16 = 32;
/// The widest the outline pane gets.
pub const OUTLINE_WIDTH: u16 = 30;

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

/// The search: pattern, whether it is being typed, and its matches (byte ranges, in text order).
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: String,
    pub editing: bool,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
    /// The pattern was not a valid regex and is searched literally.
    pub literal: bool,
    /// Where the search started (incremental search looks from here).
    origin: usize,
}

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The outline pane (left), when open and there is room.
    pub outline: Option<Rect>,
    /// The article pane.
    pub article: Rect,
    /// Where the text is drawn inside the article pane.
    pub text: Rect,
    pub map: Option<Rect>,
    pub speakers: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    /// The layout of `area`, with the outline pane when `outline` is set.
    pub fn new(area: Rect, outline: bool) -> Areas {
        let main_h = area.height.saturating_sub(1);
        let status = Rect::new(area.x, area.y + main_h, area.width, area.height.min(1));
        let out_w = if outline && area.width >= 40 {
            OUTLINE_WIDTH.min(area.width * 2 / 5)
        } else {
            0
        };
        let outline = (out_w > 0).then(|| Rect::new(area.x, area.y, out_w, main_h));
        let rest = area.width - out_w;
        let sp_w = if rest >= SPEAKERS_MIN_WIDTH {
            SPEAKERS_WIDTH
        } else {
            0
        };
        let map_w = u16::from(rest >= 12);
        let art_w = rest - sp_w - map_w;
        let x0 = area.x + out_w;
        let article = Rect::new(x0, area.y, art_w, main_h);
        let map = (map_w > 0).then(|| Rect::new(x0 + art_w, area.y, 1, main_h));
        let speakers = (sp_w > 0).then(|| Rect::new(x0 + art_w + map_w, area.y, sp_w, main_h));
        let pad = if art_w >= 40 { 2 } else { 0 };
        let text_w = art_w.saturating_sub(2 * pad).min(MAX_TEXT_WIDTH);
        let x = article.x + (art_w - text_w) / 2;
        let text = Rect::new(x, article.y, text_w, main_h);
        Areas {
            outline,
            article,
            text,
            map,
            speakers,
            status,
        }
    }
}

/// The reader's state.
#[derive(Debug)]
pub struct App {
    doc: Document,
    name: String,
    pub theme: Theme,
    /// Speakers in pane order (most quoted first); numbers 1–9 index this.
    ranked: Vec<SpeakerId>,
    /// Rank of each speaker id (None when the speaker has no quote).
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
    pub search: Search,
    overlay: Option<Overlay>,
    /// Lines the help overlay is scrolled by.
    help_scroll: usize,
    quit: bool,
    /// A short message for the status bar ("no more quotations").
    message: Option<&'static str>,
    /// How the article was read, for the status bar until the first key (e.g. `FILE: not UTF-8,
    /// read as Windows-1252`).
    notice: Option<String>,
}

impl App {
    pub fn new(doc: Document, name: impl Into<String>, theme: Theme) -> App {
        let ranked: Vec<SpeakerId> = doc.speakers_by_share().iter().map(|s| s.id).collect();
        let mut rank_of = vec![None; doc.speakers.len()];
        for (rank, &id) in ranked.iter().enumerate() {
            if let Some(slot) = rank_of.get_mut(id) {
                *slot = Some(rank);
            }
        }
        let mut by_speaker = vec![Vec::new(); doc.speakers.len()];
        for (i, q) in doc.quotes.iter().enumerate() {
            if let Some(list) = q.speaker.and_then(|s| by_speaker.get_mut(s)) {
                list.push(i);
            }
        }
        let heading_quotes = doc
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let end = doc.headings.get(i + 1).map_or(usize::MAX, |n| n.start);
                let a = doc.quotes.partition_point(|q| q.span.start < h.start);
                let b = doc.quotes.partition_point(|q| q.span.start < end);
                b.saturating_sub(a)
            })
            .collect();
        let mut app = App {
            doc,
            name: name.into(),
            theme,
            ranked,
            rank_of,
            by_speaker,
            size: Rect::default(),
            wraps: HashMap::new(),
            wrap_width: 0,
            anchor: 0,
            top: 0,
            current: None,
            following: None,
            focus: Focus::Article,
            cursor: 0,
            outline: false,
            outline_cursor: 0,
            heading: None,
            heading_quotes,
            search: Search::default(),
            overlay: None,
            help_scroll: 0,
            quit: false,
            message: None,
            notice: None,
        };
        app.resize(80, 24);
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
    pub fn areas(&self) -> Areas {
        Areas::new(self.size, self.outline)
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
    /// The heading whose section is at the top of the screen (the last one at or above it).
    pub fn section(&self) -> Option<usize> {
        self.doc
            .headings
            .partition_point(|h| h.start <= self.anchor)
            .checked_sub(1)
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
        self.doc.text.trim().is_empty()
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
            .and_then(|id| self.doc.speakers.get(id))
            .map(|s| s.name.clone());
        (self.anchor, self.current, speaker)
    }
    /// The id of the speaker with this canonical name.
    pub fn speaker_named(&self, name: &str) -> Option<SpeakerId> {
        self.doc.speakers.iter().position(|s| s.name == name)
    }
    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
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
    /// `(position, total)` of the current quote among the quotes being stepped through.
    pub fn quote_position(&self) -> (Option<usize>, usize) {
        match self.following {
            Some(s) => {
                let list = self.quotes_of(s);
                let pos = self
                    .current
                    .and_then(|c| list.binary_search(&c).ok())
                    .map(|p| p + 1);
                (pos, list.len())
            }
            None => (self.current.map(|c| c + 1), self.doc.quotes.len()),
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
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
        }
        if !matches!(
            action,
            Action::Resize(..) | Action::Restore { .. } | Action::Notify(_)
        ) {
            self.notice = None;
        }
        // Inside an overlay, j/k scroll the help and close the detail (any key closes it).
        if let (Some(Overlay::Help), Action::Scroll { down, .. }) = (self.overlay, action) {
            let max = help::max_scroll(false, self.size);
            self.help_scroll = if down {
                (self.help_scroll + 3).min(max)
            } else {
                self.help_scroll.saturating_sub(3)
            };
            return;
        }
        if let (Some(overlay), Action::LineDown | Action::LineUp) = (self.overlay, action) {
            match overlay {
                Overlay::Help => {
                    let max = help::max_scroll(false, self.size);
                    self.help_scroll = if action == Action::LineDown {
                        (self.help_scroll + 1).min(max)
                    } else {
                        self.help_scroll.saturating_sub(1)
                    };
                }
                Overlay::Detail => self.overlay = None,
            }
            return;
        }
        match action {
            Action::Tick => {}
            Action::Notify(msg) => self.message = Some(msg),
            Action::ToList | Action::NextArticle | Action::PrevArticle => {
                self.message = Some("only one article is open")
            }
            Action::Restore {
                anchor,
                quote,
                speaker,
            } => {
                let mut anchor = anchor.min(self.doc.text.len());
                while !self.doc.text.is_char_boundary(anchor) {
                    anchor -= 1;
                }
                self.anchor = anchor;
                self.top = wrap::row_of(self.rows(), anchor).min(self.max_top());
                self.current = quote.filter(|&q| q < self.doc.quotes.len());
                self.following = speaker.filter(|&s| !self.quotes_of(s).is_empty());
                if let Some(rank) = self.following.and_then(|s| self.rank_of(s)) {
                    self.cursor = rank;
                }
            }
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                self.resize(w, h);
                self.help_scroll = self.help_scroll.min(help::max_scroll(false, self.size));
            }
            Action::LineDown if self.focus == Focus::Speakers => self.move_cursor(1),
            Action::LineUp if self.focus == Focus::Speakers => self.move_cursor(-1),
            Action::LineDown if self.focus == Focus::Outline => self.move_outline_cursor(1),
            Action::LineUp if self.focus == Focus::Outline => self.move_outline_cursor(-1),
            Action::LineDown => self.scroll(1),
            Action::LineUp => self.scroll(-1),
            Action::PageDown => self.scroll(self.page() as isize),
            Action::PageUp => self.scroll(-(self.page() as isize)),
            Action::HalfPageDown => self.scroll((self.page() / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((self.page() / 2).max(1) as isize)),
            Action::Top => self.set_top(0),
            Action::Bottom => self.set_top(usize::MAX),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::Follow(n) => {
                if let Some(&id) = self.ranked.get(usize::from(n).wrapping_sub(1)) {
                    self.cursor = usize::from(n) - 1;
                    self.follow(id);
                } else {
                    self.message = Some("no speaker with that number");
                }
            }
            Action::ToggleFocus => {
                let speakers = !self.ranked.is_empty() && self.areas().speakers.is_some();
                let outline = self.areas().outline.is_some();
                self.focus = match self.focus {
                    Focus::Article if speakers => Focus::Speakers,
                    Focus::Article | Focus::Speakers if outline => Focus::Outline,
                    _ => Focus::Article,
                }
            }
            Action::ToggleOutline => {
                if self.outline {
                    self.outline = false;
                    self.focus = Focus::Article;
                } else if self.doc.headings.is_empty() {
                    self.message = Some("no headings in this article");
                } else {
                    self.outline = true;
                    self.focus = Focus::Outline;
                    self.outline_cursor = self.section().unwrap_or(0);
                }
                let (w, h) = (self.size.width, self.size.height);
                self.resize(w, h);
            }
            Action::NextHeading => self.step_heading(true),
            Action::PrevHeading => self.step_heading(false),
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
            Action::Detail => self.open_detail(),
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
            Action::SearchStart => {
                self.search = Search {
                    editing: true,
                    origin: self.anchor,
                    ..Search::default()
                };
            }
            Action::SearchInput(c) => {
                self.search.input.push(c);
                self.run_search();
            }
            Action::SearchBackspace => {
                self.search.input.pop();
                self.run_search();
            }
            Action::SearchConfirm => {
                self.search.editing = false;
                if self.search.input.is_empty() {
                    self.search = Search::default();
                } else if self.search.matches.is_empty() {
                    self.message = Some("pattern not found");
                }
            }
            Action::SearchCancel => {
                self.search = Search::default();
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Scroll { col, row, down } => self.wheel(col, row, down),
            Action::Click { col, row } => self.click(col, row),
        }
    }

    fn page(&self) -> usize {
        self.view_height().max(1)
    }

    fn max_top(&self) -> usize {
        self.rows().len().saturating_sub(self.view_height().max(1))
    }

    fn set_top(&mut self, top: usize) {
        self.top = top.min(self.max_top());
        self.anchor = self.rows().get(self.top).map_or(0, |r| r.start);
    }

    fn scroll(&mut self, by: isize) {
        self.set_top(self.top.saturating_add_signed(by));
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        let width = self.areas().text.width.max(1);
        if width != self.wrap_width {
            if !self.wraps.contains_key(&width) {
                if self.wraps.len() >= 4 {
                    self.wraps.clear();
                }
                self.wraps
                    .insert(width, wrap::wrap(&self.doc.text, width as usize));
            }
            self.wrap_width = width;
        }
        // Same text at the top: the anchor stays, the row is found again.
        self.top = wrap::row_of(self.rows(), self.anchor).min(self.max_top());
    }

    /// Scrolls so that `span` is on screen (a third of the way down when it has to move).
    fn reveal(&mut self, span: Range<usize>) {
        let rows = self.rows();
        let first = wrap::row_of(rows, span.start);
        let last = wrap::row_of(rows, span.end.saturating_sub(1).max(span.start));
        let h = self.view_height();
        if first < self.top || last >= self.top + h {
            let height_needed = last - first + 1;
            let offset = if height_needed >= h {
                0
            } else {
                (h / 3).min(h - height_needed)
            };
            self.set_top(first.saturating_sub(offset));
        }
    }

    fn on_screen(&self, at: usize) -> bool {
        let row = wrap::row_of(self.rows(), at);
        row >= self.top && row < self.top + self.view_height()
    }

    fn step_quote(&mut self, forward: bool) {
        let quotes = &self.doc.quotes;
        let list: &[usize] = match self.following {
            Some(s) => self.by_speaker.get(s).map_or(&[], Vec::as_slice),
            None => &[],
        };
        let all = self.following.is_none();
        let len = if all { quotes.len() } else { list.len() };
        let at = |k: usize| if all { k } else { list[k] };
        // Position k in the list of eligible quotes: relative to the current quote when it is on
        // screen, else relative to the screen.
        let current_visible = self
            .current
            .filter(|&c| self.on_screen(quotes[c].span.start));
        let target = match current_visible {
            Some(c) => {
                // k: the first eligible quote at or after c.
                let k = partition(len, |k| at(k) < c);
                if forward {
                    let k = if k < len && at(k) == c { k + 1 } else { k };
                    (k < len).then_some(k)
                } else {
                    k.checked_sub(1)
                }
            }
            None => {
                let k = partition(len, |k| quotes[at(k)].span.start < self.anchor);
                if forward {
                    (k < len).then_some(k)
                } else {
                    k.checked_sub(1)
                }
            }
        };
        match target {
            Some(k) => {
                let q = at(k);
                let span = quotes[q].span.clone();
                self.current = Some(q);
                self.reveal(span);
            }
            None if len == 0 => self.message = Some("no quotations"),
            None if forward => self.message = Some("no more quotations below"),
            None => self.message = Some("no more quotations above"),
        }
    }

    fn follow(&mut self, id: SpeakerId) {
        self.following = Some(id);
        let keep = self
            .current
            .is_some_and(|c| self.doc.quotes[c].speaker == Some(id));
        if !keep {
            self.current = None;
            self.step_quote(true);
            if self.current.is_none() {
                self.step_quote(false);
            }
        }
    }

    fn open_detail(&mut self) {
        if self.current.is_some() {
            self.overlay = Some(Overlay::Detail);
        } else {
            self.message = Some("no current quotation: press ] first");
        }
    }

    fn move_cursor(&mut self, by: isize) {
        if !self.ranked.is_empty() {
            self.cursor = self
                .cursor
                .saturating_add_signed(by)
                .min(self.ranked.len() - 1);
        }
    }

    fn move_outline_cursor(&mut self, by: isize) {
        let n = self.doc.headings.len();
        if n > 0 {
            self.outline_cursor = self.outline_cursor.saturating_add_signed(by).min(n - 1);
        }
    }

    /// Puts heading `h` at the top of the screen.
    fn jump_to_heading(&mut self, h: usize) {
        let Some(start) = self.doc.headings.get(h).map(|r| r.start) else {
            return;
        };
        self.heading = Some(h);
        self.outline_cursor = h;
        self.set_top(wrap::row_of(self.rows(), start));
    }

    fn step_heading(&mut self, forward: bool) {
        let hs = &self.doc.headings;
        let n = hs.len();
        if n == 0 {
            self.message = Some("no headings in this article");
            return;
        }
        let last = self
            .heading
            .filter(|&h| h < n && self.on_screen(hs[h].start));
        let target = match last {
            Some(h) if forward => (h + 1 < n).then_some(h + 1),
            Some(h) => h.checked_sub(1),
            None if forward => {
                let k = hs.partition_point(|h| h.start <= self.anchor);
                (k < n).then_some(k)
            }
            None => hs.partition_point(|h| h.start < self.anchor).checked_sub(1),
        };
        match target {
            Some(h) => self.jump_to_heading(h),
            None if forward => self.message = Some("no more headings below"),
            None => self.message = Some("no more headings above"),
        }
    }

    fn run_search(&mut self) {
        let pat = &self.search.input;
        self.search.matches.clear();
        self.search.current = None;
        self.search.literal = false;
        if pat.is_empty() {
            self.set_top(wrap::row_of(self.rows(), self.search.origin));
            return;
        }
        let insensitive = !pat.chars().any(char::is_uppercase);
        let re = match RegexBuilder::new(pat).case_insensitive(insensitive).build() {
            Ok(re) => re,
            Err(_) => {
                self.search.literal = true;
                match RegexBuilder::new(&regex::escape(pat))
                    .case_insensitive(insensitive)
                    .build()
                {
                    Ok(re) => re,
                    Err(_) => return,
                }
            }
        };
        self.search.matches = re
            .find_iter(&self.doc.text)
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
            .collect();
        let origin = self.search.origin;
        let k = self.search.matches.partition_point(|m| m.start < origin);
        if !self.search.matches.is_empty() {
            let k = if k < self.search.matches.len() { k } else { 0 };
            self.search.current = Some(k);
            self.reveal(self.search.matches[k].clone());
        }
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.input.is_empty() {
                "no search: press /"
            } else {
                "pattern not found"
            });
            return;
        }
        let k = match self.search.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => 0,
        };
        self.search.current = Some(k);
        self.reveal(self.search.matches[k].clone());
    }

    fn wheel(&mut self, col: u16, row: u16, down: bool) {
        let areas = self.areas();
        if areas.outline.is_some_and(|r| r.contains((col, row).into())) {
            self.move_outline_cursor(if down { 1 } else { -1 });
        } else if areas
            .speakers
            .is_some_and(|r| r.contains((col, row).into()))
        {
            self.move_cursor(if down { 1 } else { -1 });
        } else {
            self.scroll(if down { 3 } else { -3 });
        }
    }

    fn click(&mut self, col: u16, row: u16) {
        let areas = self.areas();
        let pos = (col, row).into();
        if let Some(out) = areas.outline.filter(|r| r.contains(pos)) {
            // Line 0 is the title; headings follow, one a line.
            let line = usize::from(row - out.y);
            if let Some(h) = line.checked_sub(1).map(|i| i + self.outline_skip()) {
                if h < self.doc.headings.len() {
                    self.jump_to_heading(h);
                }
            }
        } else if let Some(sp) = areas.speakers.filter(|r| r.contains(pos)) {
            // Line 0 is the title; speakers follow, one a line.
            let line = usize::from(row - sp.y);
            if let Some(&id) = line.checked_sub(1).and_then(|i| self.ranked.get(i)) {
                self.cursor = line - 1;
                self.follow(id);
            }
        } else if let Some(map) = areas.map.filter(|r| r.contains(pos)) {
            let rows = map_rows(
                self.rows().len(),
                usize::from(map.height),
                usize::from(row - map.y),
            );
            self.set_top(rows.start.saturating_sub(self.view_height() / 2));
        } else if areas.text.contains(pos) {
            let r = self.top + usize::from(row - areas.text.y);
            let Some(&line) = self.rows().get(r) else {
                return;
            };
            let at = byte_at_column(
                &self.doc.text[line.start..line.end],
                usize::from(col - areas.text.x),
            );
            let at = line.start + at;
            let quotes = &self.doc.quotes;
            let k = quotes.partition_point(|q| q.span.start <= at);
            if let Some(q) = k.checked_sub(1).filter(|&q| quotes[q].span.contains(&at)) {
                self.current = Some(q);
            }
        }
    }
}

/// The rows of the article that cell `y` of a quote map `h` cells high stands for.
pub fn map_rows(n: usize, h: usize, y: usize) -> Range<usize> {
    if n <= h {
        y.min(n)..(y + 1).min(n)
    } else {
        let h = h.max(1);
        (y * n / h)..((y + 1) * n / h).min(n)
    }
}

/// The first index in `0..len` for which `before` is false (`before` must be monotone).
fn partition(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The byte offset (within `row`) of the grapheme drawn at screen column `col`.
fn byte_at_column(row: &str, col: usize) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let mut x = 0;
    for (i, g) in row.grapheme_indices(true) {
        x += wrap::cell_width(g);
        if x > col {
            return i;
        }
    }
    row.len()
}
