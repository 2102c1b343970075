//! Output formats, and text made safe for a terminal.
//!
//! Every format is built from [`json::DocResult`], the exported view of one analysed document
//! (character and byte offsets, speaker names), so the formats cannot disagree with each other.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod safe;

pub use json::{DocResult, HeadingOut, MentionOut, QuoteOut, SpanOut, SpeakerOut};
