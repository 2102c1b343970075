//! The rows of the article list: every article in corpus order, or those whose title or top
//! speakers contain the filter typed after `/` (any case), and sorted by number of quotations
//! (most first) after `s`. The cursor and the top line count rows, not articles.
//!
//! Counts and speakers are known once an article is analysed; while a filter or the sort is on,
//! idle ticks analyse the articles not yet analysed, and the rows follow as they come in (the
//! cursor stays on its article). The list's own keys (cursor, wheel, click, help) are here too.

use super::Shelf;
use crate::tui::action::Action;

/// What the list shows and in what order.
#[derive(Debug, Clone, Default)]
pub struct RowFilter {
    /// The filter typed, if any.
    pub text: String,
    /// The filter is being typed (the keys are the search prompt's).
    pub editing: bool,
    /// Most quotations first.
    pub by_quotes: bool,
}

impl RowFilter {
    /// Whether the rows depend on analysing articles.
    fn needs_counts(&self) -> bool {
        self.by_quotes || !self.text.is_empty()
    }
}

impl Shelf {
    /// How many rows the list has.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The article on row `r`.
    pub fn article_at(&self, r: usize) -> Option<usize> {
        self.rows.get(r).copied()
    }

    /// The filter and sort of the list.
    pub fn row_filter(&self) -> &RowFilter {
        &self.filter
    }

    /// The row of article `i`, if it is in the list.
    pub(super) fn row_of(&self, i: usize) -> Option<usize> {
        self.rows.iter().position(|&a| a == i)
    }

    /// The list's own keys for its rows: `/` and the prompt, `s`. Whether the action was taken.
    pub(super) fn on_rows(&mut self, action: Action) -> bool {
        if self.filter.editing {
            match action {
                Action::SearchInput(c) => self.filter.text.push(c),
                Action::SearchBackspace => {
                    self.filter.text.pop();
                }
                Action::SearchConfirm => self.filter.editing = false,
                Action::SearchCancel => {
                    self.filter = RowFilter {
                        by_quotes: self.filter.by_quotes,
                        ..RowFilter::default()
                    }
                }
                _ => return false,
            }
            self.refresh_rows();
            return true;
        }
        match action {
            Action::SearchStart => {
                self.filter.editing = true;
                self.refresh_rows();
            }
            Action::SortByQuotes => {
                self.filter.by_quotes = !self.filter.by_quotes;
                self.refresh_rows();
            }
            Action::Back if !self.filter.text.is_empty() => {
                self.filter.text.clear();
                self.refresh_rows();
            }
            _ => return false,
        }
        true
    }

    /// The next article to analyse for the rows: the first not analysed yet, while they
    /// depend on it.
    pub(super) fn wanted_for_rows(&self) -> Option<usize> {
        self.filter
            .needs_counts()
            .then(|| self.summaries.iter().position(Option::is_none))
            .flatten()
    }

    /// Recomputes the rows (after the filter, the sort or an article's counts changed), the
    /// cursor kept on its article where it is still listed.
    pub(super) fn refresh_rows(&mut self) {
        let at = self.article_at(self.cursor);
        let needle = self.filter.text.trim().to_lowercase();
        if !needle.is_empty() {
            self.fill_all_titles();
        }
        let matches = |i: usize| {
            needle.is_empty()
                || self.title(i).to_lowercase().contains(&needle)
                || matches!(self.summary(i), Some(Ok(s))
                    if s.speakers.iter().any(|n| n.to_lowercase().contains(&needle)))
        };
        let mut rows: Vec<usize> = (0..self.len()).filter(|&i| matches(i)).collect();
        if self.filter.by_quotes {
            // Unknown counts last; ties in corpus order (the sort is stable).
            rows.sort_by_key(|&i| match self.summary(i) {
                Some(Ok(s)) => (0, std::cmp::Reverse(s.quotes)),
                _ => (1, std::cmp::Reverse(0)),
            });
        }
        self.rows = rows;
        self.cursor = at.and_then(|i| self.row_of(i)).unwrap_or(0);
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
        self.list_top = self.list_top.min(self.cursor);
        self.keep_cursor_in_view();
    }

    /// Looks up every title (for the filter); waits for the next update if the worker holds
    /// the corpus.
    fn fill_all_titles(&mut self) {
        let Ok(mut corpus) = self.corpus.try_lock() else {
            return;
        };
        for (i, t) in self.titles.iter_mut().enumerate() {
            if t.is_none() {
                *t = Some(corpus.title(i));
            }
        }
    }

    /// Whether the rows change with what the worker brings in.
    pub(super) fn rows_follow_counts(&self) -> bool {
        self.filter.needs_counts()
    }

    /// The keys of the list itself: moving the cursor (keys, wheel, click), opening, its help.
    pub(super) fn on_list(&mut self, action: Action) {
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.notice = None;
        }
        let page = self.list_height();
        if !self.help && self.on_rows(action) {
            return;
        }
        if self.help {
            // j/k and the page keys scroll the help; other keys close it (Ctrl-c still quits).
            let max = crate::tui::help::max_scroll(true, self.size);
            let page = crate::tui::help::page(true, self.size);
            match action {
                Action::LineDown => self.help_scroll = (self.help_scroll + 1).min(max),
                Action::LineUp => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::PageDown => self.help_scroll = (self.help_scroll + page).min(max),
                Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(page),
                Action::Quit => self.quit = true,
                Action::Tick => {}
                Action::Resize(..) => self.help_scroll = self.help_scroll.min(max),
                _ => self.help = false,
            }
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
            }
            Action::CloseOverlay | Action::Back => {
                self.help = false;
                self.opening = None;
            }
            Action::LineDown | Action::NextArticle => self.move_cursor(1),
            Action::LineUp | Action::PrevArticle => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(page as isize),
            Action::PageUp => self.move_cursor(-(page as isize)),
            Action::HalfPageDown => self.move_cursor((page / 2).max(1) as isize),
            Action::HalfPageUp => self.move_cursor(-((page / 2).max(1) as isize)),
            Action::Top => self.move_cursor(isize::MIN),
            Action::Bottom => self.move_cursor(isize::MAX),
            Action::Activate => {
                if let Some(i) = self.article_at(self.cursor) {
                    self.open(i);
                }
            }
            Action::Scroll { down, .. } => self.move_cursor(if down { 3 } else { -3 }),
            Action::Click { row, .. } => {
                // Line 0 is the header; articles follow, one a line.
                if let Some(line) = usize::from(row).checked_sub(1) {
                    let r = self.list_top + line;
                    if let Some(i) = self.article_at(r).filter(|_| line < self.list_height()) {
                        self.cursor = r;
                        self.open(i);
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn move_cursor(&mut self, by: isize) {
        if self.rows.is_empty() {
            return;
        }
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(self.rows.len() - 1);
        self.keep_cursor_in_view();
    }

    pub(super) fn keep_cursor_in_view(&mut self) {
        let h = self.list_height();
        if self.cursor < self.list_top {
            self.list_top = self.cursor;
        } else if self.cursor >= self.list_top + h {
            self.list_top = self.cursor + 1 - h;
        }
    }
}
