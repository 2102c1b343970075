//! saywho's engine: turns the text of a news article into a [`Document`] in which every
//! quotation is attributed to a canonical speaker.
//!
//! ```
//! let doc = saywho_core::analyze("\"We will win,\" the mayor said.".to_string());
//! assert_eq!(doc.quotes.len(), 1);
//! ```
//!
//! The public face is small: [`ingest`] reads bytes, files and corpora into a [`Source`],
//! [`analyze`] and [`analyze_source`] turn text into a [`Document`], [`export`] writes it as
//! JSON, JSONL, CSV or Markdown and makes text safe for a terminal. The analysis stages stay
//! private. This crate never touches a terminal or a command line; the reader is the `saywho`
//! application.

mod analysis;
pub mod document;
pub mod error;
pub mod export;
pub mod ingest;
mod lexicon;

pub use analysis::Rule;
pub use document::{
    CharOffsets, Document, EntityKind, Mention, Quote, QuoteKind, Speaker, SpeakerId,
};
pub use error::{Error, Result};
pub use ingest::{analyze_source, Source};

/// Analyses `text` into an immutable [`Document`].
pub fn analyze(text: String) -> Document {
    analysis::analyze(text)
}
