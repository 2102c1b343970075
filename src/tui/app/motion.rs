//! Moving through the article: lines, pages, headings, the panes' cursors, the mouse, and back
//! to a remembered reading position.

use std::ops::Range;

use saywho_core::document::SpeakerId;

use super::{App, Focus};
use crate::tui::action::Action;
use crate::tui::wrap;

impl App {
    /// Scrolling, paging, the panes' cursors, headings, and the mouse.
    pub(super) fn on_motion(&mut self, action: Action) {
        let page = self.page();
        let half = (page / 2).max(1);
        match action {
            Action::LineDown | Action::LineUp => {
                let by = if action == Action::LineDown { 1 } else { -1 };
                match self.focus {
                    Focus::Speakers => self.move_cursor(by),
                    Focus::Outline => self.move_outline_cursor(by),
                    Focus::Article => self.scroll(by),
                }
            }
            Action::PageDown => self.scroll(page as isize),
            Action::PageUp => self.scroll(-(page as isize)),
            Action::HalfPageDown => self.scroll(half as isize),
            Action::HalfPageUp => self.scroll(-(half as isize)),
            Action::Top => self.set_top(0),
            Action::Bottom => self.set_top(usize::MAX),
            Action::NextHeading => self.step_heading(true),
            Action::PrevHeading => self.step_heading(false),
            Action::Scroll { col, row, down } => self.wheel(col, row, down),
            Action::Click { col, row } => self.click(col, row),
            _ => {}
        }
    }

    /// Puts back a remembered reading state (see [`Action::Restore`]).
    pub(super) fn restore(
        &mut self,
        anchor: usize,
        quote: Option<usize>,
        speaker: Option<SpeakerId>,
    ) {
        let mut anchor = anchor.min(self.doc.text().len());
        while !self.doc.text().is_char_boundary(anchor) {
            anchor -= 1;
        }
        self.anchor = anchor;
        self.top = wrap::row_of(self.rows(), anchor).min(self.max_top());
        self.current = quote.filter(|&q| q < self.doc.quotes().len());
        self.current_reported = None;
        let was = self.following;
        self.following = speaker.filter(|&s| self.voice_of(s) > 0);
        if let Some(rank) = self.following.and_then(|s| self.rank_of(s)) {
            self.cursor = rank;
        }
        // The other quotations are dimmed: say why, and how to stop.
        let newly = self.following.filter(|&id| Some(id) != was);
        if let Some(s) = newly.and_then(|id| self.doc.speakers().get(id)) {
            let said = format!("following {} again (Esc stops)", s.name);
            self.notice = Some(match self.notice.take() {
                Some(old) => format!("{old}; {said}"),
                None => said,
            });
        }
    }

    fn page(&self) -> usize {
        self.view_height().max(1)
    }

    pub(super) fn max_top(&self) -> usize {
        self.rows().len().saturating_sub(self.view_height().max(1))
    }

    pub(super) fn set_top(&mut self, top: usize) {
        self.top = top.min(self.max_top());
        self.anchor = self.rows().get(self.top).map_or(0, |r| r.start);
    }

    fn scroll(&mut self, by: isize) {
        self.set_top(self.top.saturating_add_signed(by));
    }

    /// Scrolls so that `span` is on screen (a third of the way down when it has to move).
    pub(super) fn reveal(&mut self, span: Range<usize>) {
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

    pub(super) fn on_screen(&self, at: usize) -> bool {
        let row = wrap::row_of(self.rows(), at);
        row >= self.top && row < self.top + self.view_height()
    }

    pub(super) fn move_cursor(&mut self, by: isize) {
        if !self.ranked.is_empty() {
            self.cursor = self
                .cursor
                .saturating_add_signed(by)
                .min(self.ranked.len() - 1);
        }
    }

    pub(super) fn move_outline_cursor(&mut self, by: isize) {
        let n = self.doc.headings().len();
        if n > 0 {
            self.outline_cursor = self.outline_cursor.saturating_add_signed(by).min(n - 1);
        }
    }

    /// Puts heading `h` at the top of the screen.
    pub(super) fn jump_to_heading(&mut self, h: usize) {
        let Some(start) = self.doc.headings().get(h).map(|r| r.start) else {
            return;
        };
        self.heading = Some(h);
        self.outline_cursor = h;
        self.set_top(wrap::row_of(self.rows(), start));
    }

    fn step_heading(&mut self, forward: bool) {
        let hs = self.doc.headings();
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
                if h < self.doc.headings().len() {
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
                &self.doc.text()[line.start..line.end],
                usize::from(col - areas.text.x),
            );
            let at = line.start + at;
            let quotes = self.doc.quotes();
            let k = quotes.partition_point(|q| q.span.start <= at);
            if let Some(q) = k.checked_sub(1).filter(|&q| quotes[q].span.contains(&at)) {
                self.current = Some(q);
                self.current_reported = None;
            } else if let Some(r) = self.reported_at(at) {
                // A quoted fragment of a mixed statement is a quotation (above); the rest of it
                // selects the statement, as `]` would.
                self.current = None;
                self.current_reported = Some(r);
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
