//! saywho's engine: turns the text of a news article into a [`Document`] in which every
//! quotation is attributed to a canonical speaker.
//!
//! ```
//! let doc = saywho_core::analyze("\"We will win,\" the mayor said.".to_string());
//! assert_eq!(doc.quotes().len(), 1);
//! ```
//!
//! The public face is small: [`ingest`] reads bytes, files and corpora into a [`Source`],
//! [`analyze`], [`analyze_with_headings`] and [`analyze_source`] turn text into a [`Document`]
//! (built once, checked, read-only), [`export`] writes it as
//! JSON, JSONL, CSV or Markdown and makes text safe for a terminal. The analysis stages stay
//! private. This crate never touches a terminal or a command line; the reader is the `saywho`
//! application.

mod analysis;
pub mod confidence;
pub mod document;
pub mod error;
pub mod export;
pub mod ingest;
mod lexicon;

pub use analysis::{ReportedRule, Rule};
pub use document::{
    CharOffsets, Document, DocumentParts, EntityKind, InvariantError, Mention, Quote, QuoteKind,
    Reported, ReportedKind, Speaker, SpeakerId,
};
pub use error::{Error, Result};
pub use ingest::{analyze_source, Source};

use std::ops::Range;

/// Analyses `text` into an immutable [`Document`], with the headings found in the plain text.
pub fn analyze(text: String) -> Document {
    analysis::analyze(text, None)
}

/// Analyses `text` into an immutable [`Document`] whose headings are `headings` (a web page's or
/// Markdown file's own: byte spans in text order) instead of the ones found in the plain text.
/// A span that is not a range of whole characters of the text, or that overlaps the one before
/// it, is left out.
pub fn analyze_with_headings(text: String, mut headings: Vec<Range<usize>>) -> Document {
    let mut kept_end = 0;
    headings.retain(|h| {
        let keep = h.start >= kept_end && document::is_whole_chars(&text, h);
        if keep {
            kept_end = h.end;
        }
        keep
    });
    analysis::analyze(text, Some(headings))
}

#[cfg(test)]
mod tests {
    #[test]
    fn given_headings_that_cut_characters_or_overlap_are_left_out() {
        let text =
            "Café news\n\nThe council met on Monday.\n\nWhat comes next\n\nNobody knows yet.";
        let next = text.find("What comes next").unwrap();
        let inside_e = "Caf".len() + 1;
        let given = vec![
            0..10,
            inside_e..9,
            5..9,
            next..next + "What comes next".len(),
            0..3,
        ];
        let doc = super::analyze_with_headings(text.to_string(), given);
        assert_eq!(doc.headings(), [0..10, next..next + 15]);
        assert_eq!(doc.slice(&doc.headings()[0]), "Café news");
    }
}
