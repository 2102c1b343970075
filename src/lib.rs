//! saywho's engine: turns the text of a news article into a [`Document`] in which every
//! quotation is attributed to a canonical speaker.
//!
//! ```
//! let doc = saywho::analyze("\"We will win,\" the mayor said.".to_string());
//! assert_eq!(doc.quotes.len(), 1);
//! ```
//!
//! The engine never touches a terminal; the reader lives in [`tui`] (feature `tui`).

pub mod analysis;
pub mod article;
pub mod document;
pub mod export;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod markdown;

#[cfg(feature = "tui")]
pub mod tui;

pub use input::{analyze_source, Source};

pub use document::{
    CharOffsets, Document, EntityKind, Mention, Quote, QuoteKind, Speaker, SpeakerId,
};

/// Analyses `text` into an immutable [`Document`].
pub fn analyze(text: String) -> Document {
    analysis::analyze(text)
}
