//! Word lists from `assets/lexicon/`, embedded in the binary and parsed once.
//!
//! Each file holds one entry a line; `#` starts a comment. Entries are matched lower-cased.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Parses a lexicon file: one entry a line, `#` comments, blank lines skipped.
pub fn parse(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

fn set(source: &'static str) -> HashSet<String> {
    parse(source).map(str::to_lowercase).collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static HashSet<String> {
            static SET: OnceLock<HashSet<String>> = OnceLock::new();
            SET.get_or_init(|| set(include_str!(concat!("../assets/lexicon/", $file))))
        }
    };
}

lexicon!(
    /// Speech verbs with all their inflections ("said", "says", "saying").
    speech_verbs,
    "speech_verbs.txt"
);
