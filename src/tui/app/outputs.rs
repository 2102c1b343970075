//! What leaves the reader: the current quotation copied as cited, the Markdown digest exported,
//! the mouse given to the terminal; and the jump through quotations that need a look. The model
//! only says what to do ([`Effect`]); the loop does it (see [`crate::tui::effects`]).

use saywho_core::document::{Document, Quote};
use saywho_core::export::{markdown, DocResult};
use saywho_core::ingest::ArticleMeta;
use serde_json::Value;

use super::App;
use crate::tui::action::Action;

/// Something for the loop to do outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52, else a file).
    Copy(String),
    /// Release the mouse to the terminal, or capture it again.
    ToggleMouse,
    /// Write this Markdown digest to a file named after `stem`.
    Export { stem: String, markdown: String },
}

/// Below this confidence an attribution is marked unsure and `w`/`W` stop at it. The confidence
/// is the share of attributions on such evidence that are right, so below it at least one in four
/// names the wrong person (a description with nothing else saying who it is, a name two sentences
/// away): worth a check. On the three dev sets about 3% of attributed quotes fall below it (right
/// 77% of the time); those above 0.8 are right 96% of the time.
pub const LOW_CONFIDENCE: f32 = 0.75;

/// Whether the engine names a speaker for `q` but is not sure of it (see [`LOW_CONFIDENCE`]).
pub fn is_unsure(q: &Quote) -> bool {
    q.speaker.is_some() && q.confidence.is_some_and(|c| c.value < LOW_CONFIDENCE)
}

/// Whether a quotation needs a look: nobody is named as its speaker, or the engine is unsure.
pub fn needs_look(q: &Quote) -> bool {
    q.speaker.is_none() || is_unsure(q)
}

impl App {
    /// Whether quotation `i` is shown as unsure: the engine's attribution, not corrected, below
    /// [`LOW_CONFIDENCE`].
    pub fn is_unsure(&self, i: usize) -> bool {
        !self.is_corrected(i) && self.doc.quotes().get(i).is_some_and(is_unsure)
    }

    /// Whether `w`/`W` stop at quotation `i`: no speaker or an unsure one, unless a person
    /// corrected it.
    pub fn needs_look(&self, i: usize) -> bool {
        !self.is_corrected(i) && self.doc.quotes().get(i).is_some_and(needs_look)
    }

    /// How many of the quotations of speaker `id` are unsure.
    pub fn unsure_of(&self, id: saywho_core::document::SpeakerId) -> usize {
        self.quotes_of(id)
            .iter()
            .filter(|&&i| self.is_unsure(i))
            .count()
    }

    /// What the loop has to do, oldest first; taken once.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The article's title, byline and date as the source gives them.
    pub fn meta(&self) -> &ArticleMeta {
        &self.meta
    }

    pub(super) fn on_outputs(&mut self, action: Action) {
        match action {
            Action::Copy => match self.current {
                Some(c) => {
                    let title = self.meta.title.as_deref().unwrap_or(&self.name);
                    let text = citation(&self.doc, c, title, self.meta.date.as_deref());
                    self.effects.push(Effect::Copy(text));
                }
                None => self.message = Some("no current quotation: press ] first"),
            },
            Action::ToggleMouse => self.effects.push(Effect::ToggleMouse),
            Action::Export => {
                let markdown = self.digest();
                let stem = match self.following {
                    Some(id) => format!("{} {}", self.stem(), self.doc.speakers()[id].name),
                    None => self.stem(),
                };
                self.effects.push(Effect::Export { stem, markdown });
            }
            Action::NextUnsure => self.step_unsure(true),
            Action::PrevUnsure => self.step_unsure(false),
            _ => {}
        }
    }

    /// The title, else the name of the article (without the list position).
    fn stem(&self) -> String {
        let name = self.name.split(" · ").next().unwrap_or(&self.name);
        self.meta.title.clone().unwrap_or_else(|| name.to_string())
    }

    /// The Markdown digest of the article, or of the followed speaker's quotations only.
    fn digest(&self) -> String {
        let mut result = DocResult::new(Value::String(self.stem()), &self.doc);
        result.title.clone_from(&self.meta.title);
        result.byline.clone_from(&self.meta.byline);
        result.date.clone_from(&self.meta.date);
        if let Some(id) = self.following {
            result.quotes.retain(|q| q.speaker_id == Some(id));
            result.speakers.retain(|s| s.id == id);
        }
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = markdown::write_doc(&mut out, &result);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Jumps to the next (or previous) quotation that needs a look, from the current one or
    /// from the top of the screen.
    fn step_unsure(&mut self, forward: bool) {
        let quotes = self.doc.quotes();
        let from = self
            .current
            .filter(|&c| self.on_screen(quotes[c].span.start));
        // Below: after the current quotation, else from the top of the screen on.
        let below = |i: usize| match from {
            Some(c) => i > c,
            None => quotes[i].span.start >= self.anchor,
        };
        let above = |i: usize| match from {
            Some(c) => i < c,
            None => quotes[i].span.start < self.anchor,
        };
        let mut all = 0..quotes.len();
        let found = if forward {
            all.find(|&i| below(i) && self.needs_look(i))
        } else {
            all.rfind(|&i| above(i) && self.needs_look(i))
        };
        match found {
            Some(i) => {
                let span = quotes[i].span.clone();
                self.current = Some(i);
                self.reveal(span);
            }
            None if !(0..quotes.len()).any(|i| self.needs_look(i)) => {
                self.message = Some("every quotation has a sure speaker")
            }
            None if forward => self.message = Some("no more quotations to check below"),
            None => self.message = Some("no more quotations to check above"),
        }
    }
}

/// Quotation `i` as a news story would cite it: `“…,” said NAME, DESCRIPTION (Title, Date)`.
/// The quotation's own marks are replaced by curly ones and a closing full stop becomes a comma
/// before `said`; a quotation nobody is named for is cited without `said`.
pub fn citation(doc: &Document, i: usize, title: &str, date: Option<&str>) -> String {
    let q = &doc.quotes()[i];
    let inner = strip_marks(doc.slice(&q.span));
    let source = match date {
        Some(d) if !d.trim().is_empty() => format!("({}, {})", title.trim(), d.trim()),
        _ => format!("({})", title.trim()),
    };
    let Some(speaker) = doc.speaker_of(q) else {
        return format!("“{inner}” {source}");
    };
    let inner = match inner.strip_suffix('.') {
        Some(cut) if !cut.ends_with('.') => format!("{cut},"),
        _ if inner.ends_with([',', '?', '!', '—', '…']) => inner.to_string(),
        _ => format!("{inner},"),
    };
    // A titled form that ends with the name ("Harbour Minister Anna Berg") reads
    // as the name; a description in apposition ("a member of the city council") follows it.
    let titled = speaker
        .aliases
        .iter()
        .filter(|a| a.ends_with(&speaker.name) && a.len() > speaker.name.len())
        .max_by_key(|a| a.len())
        .unwrap_or(&speaker.name);
    let description = speaker
        .aliases
        .iter()
        .find(|a| a.starts_with("a ") || a.starts_with("an "));
    match description {
        Some(d) => format!("“{inner}” said {titled}, {d} {source}"),
        None => format!("“{inner}” said {titled} {source}"),
    }
}

/// A quotation's text without its outer quotation marks, inner space trimmed.
fn strip_marks(s: &str) -> &str {
    const MARKS: &[char] = &[
        '"', '“', '”', '„', '‘', '’', '\'', '«', '»', '‹', '›', '「', '」',
    ];
    s.trim().trim_matches(MARKS).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_follow_the_news_convention() {
        let doc = saywho_core::analyze(
            "Ann Wu, a member of the city council, spoke on Monday. \"We will rebuild the \
             bridge.\" Wu said. \"Will it last?\" asked Tom Hale. The word \"folly.\" was heard."
                .to_string(),
        );
        assert_eq!(doc.quotes().len(), 3, "{:?}", doc.quotes());
        assert_eq!(
            citation(&doc, 0, "Bridge vote", Some("2 May 2024")),
            "“We will rebuild the bridge,” said Ann Wu, a member of the city council \
             (Bridge vote, 2 May 2024)"
        );
        assert_eq!(
            citation(&doc, 1, "Bridge vote", None),
            "“Will it last?” said Tom Hale (Bridge vote)"
        );
        // Nobody named: no "said".
        assert_eq!(
            citation(&doc, 2, "Bridge vote", None),
            "“folly.” (Bridge vote)"
        );
    }
}
