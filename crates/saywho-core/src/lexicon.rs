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
            SET.get_or_init(|| set(include_str!(concat!("../../../assets/lexicon/", $file))))
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

/// Two-word speech cues ("shot back"): each verb with its particles.
fn speech_phrases() -> &'static FxHashMap<String, Vec<String>> {
    static MAP: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let pairs = parse(include_str!("../../../assets/lexicon/speech_phrases.txt"))
            .filter_map(|line| line.split_once(char::is_whitespace));
        for (verb, particle) in pairs {
            map.entry(verb.to_lowercase())
                .or_default()
                .push(particle.trim().to_lowercase());
        }
        map
    })
}

/// Whether `verb particle` is a two-word speech cue ("shot back", "pointed out").
pub fn is_speech_phrase(verb: &str, particle: &str) -> bool {
    speech_phrases()
        .get(verb)
        .is_some_and(|particles| particles.iter().any(|p| p == particle))
}

lexicon!(
    /// Words allowed between a speaker and its speech verb.
    adverbs,
    "adverbs.txt"
);

/// Word classes a token can belong to, looked up once per token (see [`word_class`]).
pub mod class {
    pub const SPEECH_VERB: u16 = 1;
    pub const ADVERB: u16 = 2;
    pub const TITLE: u16 = 4;
    pub const ROLE: u16 = 8;
    pub const NON_NAME: u16 = 16;
    pub const ORGANISATION_HEAD: u16 = 32;
    pub const PREPOSITION: u16 = 64;
    /// The verb of a two-word speech cue ("shot" in "shot back").
    pub const PHRASAL_VERB: u16 = 128;
    /// A personal pronoun that can carry an attribution ([`pronouns`](super::pronouns)).
    pub const PRONOUN: u16 = 256;
    /// A common first name ([`male_names`](super::male_names), [`female_names`](super::female_names)).
    pub const FIRST_NAME: u16 = 512;
}

/// The classes of a lower-cased word: one hash lookup instead of one per lexicon. Most words of
/// any text are short, and a word of up to eight bytes is looked up as one integer.
pub fn word_class(lower: &str) -> u16 {
    static CLASSES: OnceLock<(ShortWords, FxHashMap<String, u16>)> = OnceLock::new();
    let (short, long) = CLASSES.get_or_init(|| {
        let mut map: FxHashMap<String, u16> = FxHashMap::default();
        let lists = [
            (speech_verbs(), class::SPEECH_VERB),
            (adverbs(), class::ADVERB),
            (titles(), class::TITLE),
            (roles(), class::ROLE),
            (non_names(), class::NON_NAME),
            (organisation_heads(), class::ORGANISATION_HEAD),
            (prepositions(), class::PREPOSITION),
            (male_names(), class::FIRST_NAME),
            (female_names(), class::FIRST_NAME),
        ];
        for (set, bit) in lists {
            for word in set {
                *map.entry(word.clone()).or_default() |= bit;
            }
        }
        for verb in speech_phrases().keys() {
            *map.entry(verb.clone()).or_default() |= class::PHRASAL_VERB;
        }
        for pronoun in pronouns().keys() {
            *map.entry(pronoun.clone()).or_default() |= class::PRONOUN;
        }
        let short = ShortWords::new(map.iter().filter_map(|(w, &bits)| Some((packed(w)?, bits))));
        (short, map)
    });
    match packed(lower) {
        Some(key) => short.get(key),
        None => long.get(lower).copied().unwrap_or(0),
    }
}

/// A word of up to eight bytes as one integer (words hold no NUL byte, so no two collide and
/// none is zero).
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    let byte = |i: usize| u64::from(bytes[i]) << (8 * i);
    let key = match len {
        0 => return None,
        // Bytes 0, len/2 and len-1 cover every byte of a word this short.
        1..=3 => byte(0) | byte(len / 2) | byte(len - 1),
        // Two four-byte loads that overlap in the middle; an overlapping byte is ORed with
        // itself. This is the lookup of every word of every text: no copy, no loop.
        4..=8 => {
            let four = |i: usize| {
                u64::from(u32::from_le_bytes([
                    bytes[i],
                    bytes[i + 1],
                    bytes[i + 2],
                    bytes[i + 3],
                ]))
            };
            four(0) | four(len - 4) << (8 * (len - 4))
        }
        _ => return None,
    };
    Some(key).filter(|&k| k != 0)
}

/// An open-addressing table from packed short words to their classes: the lookup every token
/// of every text makes, so it is kept to a multiply, a shift and a probe or two, each key next
/// to its classes.
struct ShortWords {
    slots: Vec<(u64, u16)>,
    shift: u32,
}

impl ShortWords {
    fn new(entries: impl Iterator<Item = (u64, u16)>) -> Self {
        let entries: Vec<(u64, u16)> = entries.collect();
        // At most half full, so probes stay short.
        let bits = (entries.len() * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = ShortWords {
            slots: vec![(0, 0); 1 << bits],
            shift: 64 - bits,
        };
        for (key, class) in entries {
            let slot = table.slot(key);
            table.slots[slot].0 = key;
            table.slots[slot].1 |= class;
        }
        table
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        while self.slots[slot].0 != key && self.slots[slot].0 != 0 {
            slot = (slot + 1) & mask;
        }
        slot
    }

    fn get(&self, key: u64) -> u16 {
        let (found, class) = self.slots[self.slot(key)];
        if found == key {
            class
        } else {
            0
        }
    }
}

/// Pronouns that can carry an attribution, with their antecedent kind ("he" -> "male").
pub fn pronouns() -> &'static FxHashMap<String, String> {
    static MAP: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        parse(include_str!("../../../assets/lexicon/pronouns.txt"))
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

// --- Word lists of the attribution rules (analysis/attribution/), moved out of its code. ---
lexicon!(
    /// "his", "him", "himself": forms of "he" that name no subject.
    male_pronoun_forms,
    "male_pronoun_forms.txt"
);
lexicon!(
    /// "her", "hers", "herself": forms of "she" that name no subject.
    female_pronoun_forms,
    "female_pronoun_forms.txt"
);
lexicon!(
    /// "their": the possessive of "they".
    plural_pronoun_forms,
    "plural_pronoun_forms.txt"
);
lexicon!(
    /// "its": the possessive of "it".
    neuter_pronoun_forms,
    "neuter_pronoun_forms.txt"
);
lexicon!(
    /// Group heads that speak for their owner ("his office said").
    holder_offices,
    "holder_offices.txt"
);
lexicon!(
    /// Words that open an introductory clause ("When asked about it, ...").
    clause_openers,
    "clause_openers.txt"
);
lexicon!(
    /// Prepositions of a short phrase between a name and its verb ("Roe of the club said").
    affiliation_prepositions,
    "affiliation_prepositions.txt"
);
lexicon!(
    /// Function words a title leaves in lower case ("Meet the Press").
    title_small_words,
    "title_small_words.txt"
);
// --- End of the attribution rules' word lists. ---

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

    #[test]
    fn a_short_word_packs_into_its_bytes_in_order() {
        for word in [
            "a", "he", "she", "said", "added", "stated", "replied", "résumé",
        ] {
            let mut padded = [0u8; 8];
            padded[..word.len()].copy_from_slice(word.as_bytes());
            assert_eq!(packed(word), Some(u64::from_le_bytes(padded)), "{word}");
        }
        assert_eq!(packed(""), None);
        assert_eq!(packed("statement"), None);
        assert_ne!(packed("ab"), packed("ba"));
    }

    #[test]
    fn word_classes_of_short_and_long_words() {
        assert!(word_class("said") & class::SPEECH_VERB != 0);
        assert!(word_class("he") & class::PRONOUN != 0);
        assert!(word_class("spokesman") & class::ROLE != 0);
        assert_eq!(word_class("xq"), 0);
        assert_eq!(word_class("zzzzzzzzzzzz"), 0);
    }
}
