//! The analysis stages, each a pure function over the text and what came before:
//! segment (paragraphs, sentences) → quotes (mark pairing) → tokens → mentions → attribution
//! → headings; the document is built from what they found, once.

pub mod attribution;
pub mod headings;
pub mod mentions;
pub mod quotes;
pub mod reported;
pub mod segment;
pub mod tokens;

pub use attribution::Rule;
pub use reported::ReportedRule;

use std::ops::Range;

use crate::document::Document;

/// Analyses `text` into a document whose headings are `headings` (a web page's or Markdown
/// file's own, checked spans) or, when `None`, the ones found in the plain text.
pub fn analyze(text: String, headings: Option<Vec<Range<usize>>>) -> Document {
    let mut parts = attribution::analyze(text);
    parts.headings =
        headings.unwrap_or_else(|| headings::find_headings(&parts.text, &parts.paragraphs));
    Document::from_analysis(parts)
}
