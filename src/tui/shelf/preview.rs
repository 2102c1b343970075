//! A lone article's text shown before its analysis is done: the first frame does not wait for
//! the worker. The analysed article replaces it, keeping where the user went meanwhile and
//! serving the quotation keys pressed meanwhile.

use std::sync::PoisonError;

use saywho_core::document::{Document, DocumentParts};

use super::worker::{load_one, Corpus};
use super::{Open, Shelf};
use crate::tui::action::Action;
use crate::tui::app::App;

/// Whether a preview was moved in by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Touched {
    No,
    Yes,
}

impl Shelf {
    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, Box<dyn Corpus + Send>> {
        self.corpus.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Shows the beginning of article `i` at once, without its quotations, and has the worker
    /// analyse it (the first frame waits neither for the analysis nor for wrapping all the text).
    pub(super) fn show_preview(&mut self, i: usize, text: String) {
        let title = self.lock().title(i);
        let doc = Document::new(DocumentParts {
            text,
            ..Default::default()
        });
        let Ok(doc) = doc else {
            let outcome = load_one(&self.corpus, i);
            return self.take_in(i, outcome);
        };
        let size = (self.size.width, self.size.height);
        let app = App::analysing(doc, title, self.theme, size);
        // No hash: a preview is not remembered (the analysed article is, and restores).
        self.cache.push(Open {
            index: i,
            hash: 0,
            app,
            preview: Some(Touched::No),
        });
        self.shown = Some(i);
        self.worker.start(i);
    }

    /// After the analysed article `i` replaced its preview `p`: what the user did meanwhile is
    /// done again on it, in order (a search typed, an overlay opened, a quotation key). Had the
    /// user moved, the actions start from where the preview started (the top), so the screen
    /// is the one they saw; else from the remembered position.
    pub(super) fn keep_position(&mut self, i: usize, p: &Open) {
        let Some(o) = self.cache.iter_mut().find(|o| o.index == i) else {
            return;
        };
        // Notices given to the preview (a damaged state file, paths that could not be opened).
        if let Some(said) = p.app.notice() {
            let joined = match o.app.notice() {
                Some(own) => format!("{said}; {own}"),
                None => said.to_string(),
            };
            o.app.notify(joined);
        }
        if p.preview == Some(Touched::Yes) {
            let (_, quote, _) = o.app.memory();
            let speaker = o.app.following();
            let reported_hidden = !o.app.shows_reported();
            o.app.update(Action::Restore {
                anchor: 0,
                quote,
                speaker,
                reported_hidden,
            });
        }
        let before = o.app.corrections().len();
        for action in std::mem::take(&mut self.queued) {
            o.app.update(action);
        }
        if o.app.corrections().len() != before {
            self.save_state();
        }
    }
}

/// Whether `action` is about the quotations (and waits for them while an article is analysed).
pub(super) fn needs_quotes(action: Action) -> bool {
    matches!(
        action,
        Action::NextQuote
            | Action::PrevQuote
            | Action::ToggleReported
            | Action::NextUnsure
            | Action::PrevUnsure
            | Action::Follow(_)
            | Action::Detail
            | Action::Copy
            | Action::Export
            | Action::AssignSpeaker
            | Action::ClearSpeaker
            | Action::NotQuote
            | Action::MergeSpeaker
            | Action::Undo
    )
}
