//! Stepping through the quotations (all, or one speaker's) and following a speaker.

use saywho_core::document::SpeakerId;

use super::{App, Overlay};
use crate::tui::action::Action;

impl App {
    /// The next and previous quotation, following a speaker by number, the detail overlay.
    pub(super) fn on_quotes(&mut self, action: Action) {
        match action {
            Action::NextQuote => self.step(true),
            Action::PrevQuote => self.step(false),
            Action::ToggleReported => self.toggle_reported(),
            Action::Follow(n) => {
                if let Some(&id) = self.ranked.get(usize::from(n).wrapping_sub(1)) {
                    self.cursor = usize::from(n) - 1;
                    self.follow(id);
                } else {
                    self.message = Some("no speaker with that number");
                }
            }
            Action::Detail => self.open_detail(),
            _ => {}
        }
    }

    /// `]`/`[`: through the quotations and, while shown, the reported statements.
    fn step(&mut self, forward: bool) {
        if self.show_reported && !self.doc.reported().is_empty() {
            self.step_speech(forward);
        } else {
            self.step_quote(forward);
        }
    }

    fn step_quote(&mut self, forward: bool) {
        let quotes = self.doc.quotes();
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
                self.current_reported = None;
                self.reveal(span);
            }
            None if len == 0 => self.message = Some("no quotations"),
            None if forward => self.message = Some("no more quotations below"),
            None => self.message = Some("no more quotations above"),
        }
    }

    pub(super) fn follow(&mut self, id: SpeakerId) {
        self.following = Some(id);
        let keep = self.current_speaker() == (true, Some(id));
        if !keep {
            self.current = None;
            self.current_reported = None;
            self.step(true);
            if self.current_span().is_none() {
                self.step(false);
            }
        }
    }

    pub(super) fn open_detail(&mut self) {
        if self.current_span().is_some() {
            self.overlay = Some(Overlay::Detail);
            self.detail_scroll = 0;
        } else {
            self.message = Some("no current quotation: press ] first");
        }
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
