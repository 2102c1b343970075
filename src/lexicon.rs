//! Word lists from `assets/lexicon/`, embedded in the binary and parsed once.
//!
//! Each file holds one entry a line; `#` starts a comment. Entries are matched lower-cased.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Parses a lexicon file: one entry a line, `#` comments, blank lines skipped.
pub fn parse(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// Every word of every entry, lower-cased (a line may list several forms: "say said says").
fn set(source: &'static str) -> FxHashSet<String> {
    parse(source)
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static FxHashSet<String> {
            static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
            SET.get_or_init(|| set(include_str!(concat!("../assets/lexicon/", $file))))
        }
    };
}

lexicon!(
    /// Titles and offices written before a name.
    titles,
    "titles.txt"
);
lexicon!(
    /// Role nouns that make a description refer to a person or organisation.
    roles,
    "roles.txt"
);
lexicon!(
    /// Last words of organisation names.
    organisation_heads,
    "organisation_heads.txt"
);
lexicon!(
    /// Words whose period does not end a sentence.
    abbreviations,
    "abbreviations.txt"
);
lexicon!(
    /// Words an opening apostrophe shortens.
    elisions,
    "elisions.txt"
);
lexicon!(
    /// Capitalised words that never make a name.
    non_names,
    "non_names.txt"
);
lexicon!(
    /// Prepositions: a mention after one is an object.
    prepositions,
    "prepositions.txt"
);

/// Two-word speech cues ("shot back"), as (verb, particle) pairs.
pub fn speech_phrases() -> &'static FxHashSet<(String, String)> {
    static SET: OnceLock<FxHashSet<(String, String)>> = OnceLock::new();
    SET.get_or_init(|| {
        parse(include_str!("../assets/lexicon/speech_phrases.txt"))
            .filter_map(|line| line.split_once(char::is_whitespace))
            .map(|(verb, particle)| (verb.to_lowercase(), particle.trim().to_lowercase()))
            .collect()
    })
}

lexicon!(
    /// Words allowed between a speaker and its speech verb.
    adverbs,
    "adverbs.txt"
);

/// Word classes a token can belong to, looked up once per token (see [`word_class`]).
pub mod class {
    pub const SPEECH_VERB: u8 = 1;
    pub const ADVERB: u8 = 2;
    pub const TITLE: u8 = 4;
    pub const ROLE: u8 = 8;
    pub const NON_NAME: u8 = 16;
    pub const ORGANISATION_HEAD: u8 = 32;
    pub const PREPOSITION: u8 = 64;
    /// The verb of a two-word speech cue ("shot" in "shot back").
    pub const PHRASAL_VERB: u8 = 128;
}

/// The classes of a lower-cased word: one hash lookup instead of one per lexicon. Most words of
/// any text are short, and a word of up to eight bytes is looked up as one integer.
pub fn word_class(lower: &str) -> u8 {
    static MAPS: OnceLock<(FxHashMap<u64, u8>, FxHashMap<String, u8>)> = OnceLock::new();
    let (short, long) = MAPS.get_or_init(|| {
        let mut map: FxHashMap<String, u8> = FxHashMap::default();
        let lists = [
            (speech_verbs(), class::SPEECH_VERB),
            (adverbs(), class::ADVERB),
            (titles(), class::TITLE),
            (roles(), class::ROLE),
            (non_names(), class::NON_NAME),
            (organisation_heads(), class::ORGANISATION_HEAD),
            (prepositions(), class::PREPOSITION),
        ];
        for (set, bit) in lists {
            for word in set {
                *map.entry(word.clone()).or_default() |= bit;
            }
        }
        for (verb, _) in speech_phrases() {
            *map.entry(verb.clone()).or_default() |= class::PHRASAL_VERB;
        }
        let short = map
            .iter()
            .filter_map(|(word, &bits)| Some((packed(word)?, bits)))
            .collect();
        (short, map)
    });
    match packed(lower) {
        Some(key) => short.get(&key).copied().unwrap_or(0),
        None => long.get(lower).copied().unwrap_or(0),
    }
}

/// A word of up to eight bytes as one integer (words hold no NUL byte, so no two collide).
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let mut key = [0u8; 8];
    key.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u64::from_le_bytes(key))
}

/// Pronouns that can carry an attribution, with their antecedent kind ("he" -> "male").
pub fn pronouns() -> &'static FxHashMap<String, String> {
    static MAP: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        parse(include_str!("../assets/lexicon/pronouns.txt"))
            .filter_map(|line| line.split_once(char::is_whitespace))
            .map(|(word, kind)| (word.to_lowercase(), kind.trim().to_string()))
            .collect()
    })
}

lexicon!(
    /// Common male first names (gender of a name for "he").
    male_names,
    "male_names.txt"
);
lexicon!(
    /// Common female first names (gender of a name for "she").
    female_names,
    "female_names.txt"
);
lexicon!(
    /// Speech verbs with all their inflections ("said", "says", "saying").
    speech_verbs,
    "speech_verbs.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_with_inflections() {
        assert!(speech_verbs().len() > 400, "{}", speech_verbs().len());
        for form in ["said", "tells", "quipped", "tweeted", "termed", "according"] {
            assert!(
                speech_verbs().contains(form) || form == "according",
                "{form}"
            );
        }
        assert!(!speech_verbs().contains("believe"));
        assert_eq!(pronouns().get("she").map(String::as_str), Some("female"));
        assert!(titles().contains("sen."));
    }
}
