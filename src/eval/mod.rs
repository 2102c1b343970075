//! Scoring predicted quotes against gold: a port of `score.py` (the shared scoring tool) with the
//! same definitions, so `saywho eval` and `score.py` print the same numbers for the same
//! predictions; and reported speech against gold attributions, a port of `attr_score.py`
//! ([`ReportedScorer`]).
//!
//! All offsets here are character offsets (Unicode scalar values), as in the gold files.

mod gold;
mod names;
mod pred;
mod reliability;
mod report;
mod reported;
mod scorer;
mod spans;

pub use gold::{add_key_line, id_key, CanonicalKey, GoldDoc, GoldQuote, KeyLine, Kind};
pub use pred::{PredDoc, PredMention, PredQuote};
pub use reliability::Reliability;
pub use report::{ErrorLine, Report};
pub use reported::{GoldAttribution, ReportedCounts, ReportedScorer, Subset};
pub use scorer::Scorer;
