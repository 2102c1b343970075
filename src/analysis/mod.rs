//! The analysis stages, each a pure function over the text and what came before.

use crate::document::Document;

/// Analyses `text` into a document.
pub fn analyze(text: String) -> Document {
    Document {
        text,
        ..Document::default()
    }
}
