//! Correcting the engine: assign the current quotation's speaker (picked from the article's, or a
//! new name typed), clear it, mark the passage as not a quotation, merge two speakers, undo.
//! Each correction is an [`Edit`] appended to the document's list; the document shown is the
//! engine's with the list applied ([`crate::corrections::apply`]), so undo is dropping the last.

use saywho_core::document::SpeakerId;

use super::App;
use crate::corrections::{self, Edit};
use crate::tui::action::Action;

/// What the picked speaker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The speaker of the current quotation.
    Assign,
    /// The speaker this one is merged into.
    Merge(SpeakerId),
}

/// The speaker picker: the article's speakers matching what is typed, and the typed name as a new
/// speaker when no speaker has exactly that name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: Purpose,
    pub input: String,
    /// The highlighted line of [`App::pick_choices`].
    pub cursor: usize,
}

/// One line of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Speaker(SpeakerId),
    /// A name no speaker of the article has.
    New(String),
}

const NO_CURRENT: &str = "no current quotation: press ] first";

impl App {
    /// The picker, while open.
    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// Whether a correction changed quotation `i`.
    pub fn is_corrected(&self, i: usize) -> bool {
        self.changed.get(i).copied().unwrap_or(false)
    }

    /// The corrections made, in order (to be kept with the reading state).
    pub fn corrections(&self) -> &[Edit] {
        &self.edits
    }

    /// Puts back corrections kept from an earlier session (before any correction is made).
    pub fn set_corrections(&mut self, edits: Vec<Edit>) {
        self.edits = edits;
        self.reapply();
    }

    /// What the picker offers: speakers most quoted first, then the others, those whose name or
    /// an alias contains what is typed (any case); then the typed name as a new speaker, unless
    /// it is a name or alias of one.
    pub fn pick_choices(&self) -> Vec<Choice> {
        self.picker
            .as_ref()
            .map_or_else(Vec::new, |p| self.choices_of(p))
    }

    fn choices_of(&self, p: &Picker) -> Vec<Choice> {
        let typed = p.input.trim();
        let needle = typed.to_lowercase();
        let names = |id: SpeakerId| {
            let s = &self.doc.speakers()[id];
            std::iter::once(&s.name)
                .chain(&s.aliases)
                .map(|n| n.to_lowercase())
        };
        let skip = match p.purpose {
            Purpose::Merge(from) => Some(from),
            Purpose::Assign => None,
        };
        let others = (0..self.doc.speakers().len()).filter(|id| self.rank_of(*id).is_none());
        let mut out: Vec<Choice> = self
            .ranked
            .iter()
            .copied()
            .chain(others)
            .filter(|&id| Some(id) != skip)
            .filter(|&id| names(id).any(|n| n.contains(&needle)))
            .map(Choice::Speaker)
            .collect();
        let known = (0..self.doc.speakers().len()).any(|id| names(id).any(|n| n == needle));
        if !typed.is_empty() && !known && matches!(p.purpose, Purpose::Assign) {
            out.push(Choice::New(typed.to_string()));
        }
        out
    }

    pub(super) fn on_corrections(&mut self, action: Action) {
        match action {
            Action::AssignSpeaker => {
                if self.current.is_some() {
                    self.open_picker(Purpose::Assign);
                } else {
                    self.message = Some(NO_CURRENT);
                }
            }
            Action::ClearSpeaker => self.correct_current(|start, end| Edit::Clear { start, end }),
            Action::NotQuote => self.correct_current(|start, end| Edit::NotQuote { start, end }),
            Action::MergeSpeaker => self.start_merge(),
            Action::Undo => match self.edits.pop() {
                Some(_) => {
                    self.reapply();
                    self.message = Some("correction undone");
                }
                None => self.message = Some("nothing to undo"),
            },
            _ => {}
        }
    }

    /// The picker's keys. Whether the action was taken here (the others go on as usual: quit,
    /// resize, ticks).
    pub(super) fn on_picker(&mut self, action: Action) -> bool {
        let Some(p) = self.picker.as_mut() else {
            return false;
        };
        match action {
            Action::PickInput(c) => {
                p.input.push(c);
                p.cursor = 0;
            }
            Action::PickBackspace => {
                p.input.pop();
                p.cursor = 0;
            }
            Action::LineDown => p.cursor += 1,
            Action::LineUp => p.cursor = p.cursor.saturating_sub(1),
            Action::PickCancel => self.picker = None,
            Action::PickConfirm => self.confirm_pick(),
            _ => return false,
        }
        let n = self.pick_choices().len();
        if let Some(p) = self.picker.as_mut() {
            p.cursor = p.cursor.min(n.saturating_sub(1));
        }
        true
    }

    fn open_picker(&mut self, purpose: Purpose) {
        self.overlay = None;
        self.picker = Some(Picker {
            purpose,
            input: String::new(),
            cursor: 0,
        });
    }

    fn start_merge(&mut self) {
        let from = match self.focus {
            super::Focus::Speakers => self.ranked.get(self.cursor).copied(),
            _ => self.current.and_then(|c| self.doc.quotes()[c].speaker),
        };
        match from {
            Some(id) if self.doc.speakers().len() > 1 => self.open_picker(Purpose::Merge(id)),
            Some(_) => self.message = Some("no other speaker to merge into"),
            None => {
                self.message =
                    Some("no speaker to merge: select one in the speaker pane (Tab) or a quote")
            }
        }
    }

    fn confirm_pick(&mut self) {
        let Some(p) = self.picker.take() else { return };
        let choices = self.choices_of(&p);
        let Some(choice) = choices.get(p.cursor) else {
            self.message = Some("no speaker picked: type a name");
            self.picker = Some(p);
            return;
        };
        let name = match choice {
            Choice::Speaker(id) => self.doc.speakers()[*id].name.clone(),
            Choice::New(name) => name.clone(),
        };
        match p.purpose {
            Purpose::Assign => self.correct_current(|start, end| Edit::Assign {
                start,
                end,
                speaker: name,
            }),
            Purpose::Merge(from) => {
                let from = self.doc.speakers()[from].name.clone();
                self.push_edit(Edit::Merge { from, into: name });
            }
        }
    }

    /// Records a correction of the current quotation (made from its byte span).
    fn correct_current(&mut self, edit: impl FnOnce(usize, usize) -> Edit) {
        match self.current {
            Some(c) => {
                let span = self.doc.quotes()[c].span.clone();
                self.push_edit(edit(span.start, span.end));
            }
            None => self.message = Some(NO_CURRENT),
        }
    }

    fn push_edit(&mut self, edit: Edit) {
        self.edits.push(edit);
        self.reapply();
        self.message = Some("corrected (u undoes)");
    }

    /// Shows the engine's document with the corrections applied, keeping the current quotation
    /// (by its span) and the followed speaker (by name) where they still are.
    fn reapply(&mut self) {
        let current = self.current.map(|c| self.doc.quotes()[c].span.clone());
        let following = self
            .following
            .map(|id| self.doc.speakers()[id].name.clone());
        let original = self.original.get_or_insert_with(|| self.doc.clone());
        let fixed = corrections::apply(original, &self.edits);
        self.doc = fixed.doc;
        self.changed = fixed.changed;
        self.index();
        self.current = current.and_then(|span| {
            let i = self
                .doc
                .quotes()
                .partition_point(|q| q.span.start < span.start);
            (i < self.doc.quotes().len()).then_some(i)
        });
        self.following = following
            .and_then(|n| self.speaker_named(&n))
            .filter(|&id| !self.quotes_of(id).is_empty());
        if let Some(rank) = self.following.and_then(|s| self.rank_of(s)) {
            self.cursor = rank;
        }
        self.cursor = self.cursor.min(self.ranked.len().saturating_sub(1));
    }
}
