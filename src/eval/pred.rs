//! Predicted quotes, as read with `--pred` or taken from the engine.

use serde::Deserialize;
use serde_json::Value;

/// A predicted document (the `--format jsonl` output of `saywho extract` is one).
#[derive(Debug, Clone, Deserialize)]
pub struct PredDoc {
    #[serde(default)]
    pub id: Value,
    #[serde(default)]
    pub quotes: Vec<PredQuote>,
    /// Reported statements: the same fields, the span being the reported content.
    #[serde(default)]
    pub reported: Vec<PredQuote>,
}

/// A predicted quote.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub mention: Option<PredMention>,
    /// How far the attribution can be trusted, in [0, 1].
    #[serde(default)]
    pub confidence: Option<f64>,
    /// The confidence table's keys for what the attribution rests on (the engine's own only).
    #[serde(skip)]
    pub basis: Vec<String>,
}

/// A predicted mention.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredMention {
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: usize,
    #[serde(default)]
    pub text: Option<String>,
}
