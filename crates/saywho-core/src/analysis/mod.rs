//! The analysis stages, each a pure function over the text and what came before:
//! segment (paragraphs, sentences) → quotes (mark pairing) → tokens → mentions → attribution.

pub mod attribution;
pub mod headings;
pub mod mentions;
pub mod quotes;
pub mod segment;
pub mod tokens;

pub use attribution::Rule;

use crate::document::Document;

/// Analyses `text` into a document.
pub fn analyze(text: String) -> Document {
    let mut doc = attribution::analyze(text);
    doc.headings = headings::find_headings(&doc.text, &doc.paragraphs);
    doc
}
