//! The search: typing a pattern (a regex, or literal when it is not one), its matches, n/N.

use std::ops::Range;

use regex::RegexBuilder;

use super::App;
use crate::tui::action::Action;
use crate::tui::wrap;

/// The search: pattern, whether it is being typed, and its matches (byte ranges, in text order).
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: String,
    pub editing: bool,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
    /// The pattern was not a valid regex and is searched literally.
    pub literal: bool,
    /// The match shown is before where the search started: it went round the end of the text.
    pub wrapped: bool,
    /// The pattern of the search before this one (an empty pattern repeats it).
    previous: String,
    /// Where the search started (incremental search looks from here).
    origin: usize,
}

const WRAPPED_TO_TOP: &str = "search hit the end, continued from the top";
const WRAPPED_TO_BOTTOM: &str = "search hit the top, continued from the end";

impl App {
    /// The search prompt and stepping through the matches.
    pub(super) fn on_search(&mut self, action: Action) {
        match action {
            Action::SearchStart => {
                // Forward from the top of the screen, as less and vim do.
                let previous = std::mem::take(&mut self.search.input);
                self.search = Search {
                    editing: true,
                    origin: self.anchor,
                    previous: if previous.is_empty() {
                        std::mem::take(&mut self.search.previous)
                    } else {
                        previous
                    },
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
                if self.search.input.is_empty() && !self.search.previous.is_empty() {
                    // An empty pattern repeats the last search (less, vim).
                    self.search.input = std::mem::take(&mut self.search.previous);
                    self.run_search();
                }
                if self.search.input.is_empty() {
                    self.search = Search::default();
                } else if self.search.matches.is_empty() {
                    self.message = Some("pattern not found");
                } else if self.search.wrapped {
                    self.message = Some(WRAPPED_TO_TOP);
                }
            }
            Action::SearchCancel => self.search = Search::default(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            _ => {}
        }
    }

    fn run_search(&mut self) {
        let pat = &self.search.input;
        self.search.matches.clear();
        self.search.current = None;
        self.search.literal = false;
        self.search.wrapped = false;
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
            .find_iter(self.doc.text())
            .filter(|m| !m.is_empty())
            .map(|m| m.range())
            .collect();
        let origin = self.search.origin;
        let k = self.search.matches.partition_point(|m| m.start < origin);
        if !self.search.matches.is_empty() {
            self.search.wrapped = k == self.search.matches.len();
            let k = if self.search.wrapped { 0 } else { k };
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
        if self.search.current.is_some() {
            if forward && k == 0 {
                self.message = Some(WRAPPED_TO_TOP);
            } else if !forward && k == n - 1 {
                self.message = Some(WRAPPED_TO_BOTTOM);
            }
        }
        self.search.current = Some(k);
        self.reveal(self.search.matches[k].clone());
    }
}
