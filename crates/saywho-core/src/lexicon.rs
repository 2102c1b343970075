//! Word lists from `assets/lexicon/`, embedded in the binary and parsed once.
//!
//! Every list is one file, declared once in the [`lexicon!`] table below, which names its
//! accessor and its shape: [`Words`] (every word of every line) or [`Pairs`] (the first word of a
//! line with the rest). Each file holds one entry a line; `#` starts a comment. Entries are
//! matched lower-cased. The lists that every token is looked up in are also word classes
//! ([`Class`], [`word_class`]), found with one lookup per token.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The entries of a lexicon file: one a line, `#` comments, blank lines skipped.
fn entries(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// A lexicon file's shape, parsed from its text.
pub trait List: Sized {
    fn parse(source: &str) -> Self;
    /// The entries written more than once: the same list twice is a mistake in the file.
    #[cfg(test)]
    fn duplicates(source: &str) -> Vec<String>;
}

/// Every word of every line, lower-cased (a line may list several forms: "say said says").
/// Looked up like [`word_class`]: a word of up to eight bytes, as most are, as one integer.
#[derive(Debug)]
pub struct Words {
    all: FxHashSet<String>,
    short: ShortWords<bool>,
}

impl Words {
    pub fn contains(&self, word: &str) -> bool {
        match packed(word) {
            Some(key) => self.short.get(key),
            None => self.all.contains(word),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &String> {
        self.all.iter()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.all.len()
    }
}

impl List for Words {
    fn parse(source: &str) -> Self {
        let all: FxHashSet<String> = words(source).collect();
        let short = ShortWords::new(all.iter().filter_map(|w| Some((packed(w)?, true))));
        Words { all, short }
    }

    #[cfg(test)]
    fn duplicates(source: &str) -> Vec<String> {
        repeated(words(source))
    }
}

fn words(source: &str) -> impl Iterator<Item = String> + '_ {
    entries(source)
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
}

#[cfg(test)]
fn repeated(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = FxHashSet::default();
    items.filter(|item| !seen.insert(item.clone())).collect()
}

/// Lines of a key and a value, lower-cased: a pronoun and the antecedent it takes ("he male"),
/// a verb and a particle ("shot back"). A key may have several values, one line each.
#[derive(Debug, Default)]
pub struct Pairs(FxHashMap<String, Vec<String>>);

impl Pairs {
    /// The first value of `key`.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.0.get(key)?.first().map(String::as_str)
    }

    pub fn contains(&self, key: &str, value: &str) -> bool {
        self.0
            .get(key)
            .is_some_and(|values| values.iter().any(|v| v == value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl List for Pairs {
    fn parse(source: &str) -> Self {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (key, value) in pairs(source) {
            map.entry(key).or_default().push(value);
        }
        Pairs(map)
    }

    #[cfg(test)]
    fn duplicates(source: &str) -> Vec<String> {
        repeated(pairs(source).map(|(key, value)| format!("{key} {value}")))
    }
}

fn pairs(source: &str) -> impl Iterator<Item = (String, String)> + '_ {
    entries(source)
        .filter_map(|line| line.split_once(char::is_whitespace))
        .map(|(key, value)| (key.to_lowercase(), value.trim().to_lowercase()))
}

/// Declares the lists: `/// what it is` then `name: Words = "file.txt";` (or `Pairs`). Each
/// becomes `pub fn name() -> &'static Words`, parsed on first use; the tests check that every
/// file of `assets/lexicon/` is declared here and that no file repeats an entry.
macro_rules! lexicon {
    ($($(#[$doc:meta])* $name:ident: $shape:ty = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static $shape {
                static LIST: OnceLock<$shape> = OnceLock::new();
                LIST.get_or_init(|| {
                    <$shape as List>::parse(include_str!(concat!("../../../assets/lexicon/", $file)))
                })
            }
        )*

        /// Every declared file with its text and its repeated entries.
        #[cfg(test)]
        fn declared_files() -> Vec<(&'static str, &'static str, Vec<String>)> {
            vec![$((
                $file,
                include_str!(concat!("../../../assets/lexicon/", $file)),
                <$shape as List>::duplicates(include_str!(concat!("../../../assets/lexicon/", $file))),
            )),*]
        }
    };
}

lexicon! {
    /// Titles and offices written before a name.
    titles: Words = "titles.txt";
    /// Role nouns that make a description refer to a person or organisation.
    roles: Words = "roles.txt";
    /// Last words of organisation names.
    organisation_heads: Words = "organisation_heads.txt";
    /// Words whose period does not end a sentence.
    abbreviations: Words = "abbreviations.txt";
    /// Words an opening apostrophe shortens.
    elisions: Words = "elisions.txt";
    /// Capitalised words that never make a name.
    non_names: Words = "non_names.txt";
    /// Prepositions: a mention after one is an object.
    prepositions: Words = "prepositions.txt";
    /// Two-word speech cues: each verb with its particles ("shot back", "pointed out").
    speech_phrases: Pairs = "speech_phrases.txt";
    /// Words allowed between a speaker and its speech verb.
    adverbs: Words = "adverbs.txt";
    /// Pronouns that can carry an attribution, with their antecedent kind ("he" -> "male").
    pronouns: Pairs = "pronouns.txt";
    /// Common male first names (gender of a name for "he").
    male_names: Words = "male_names.txt";
    /// Common female first names (gender of a name for "she").
    female_names: Words = "female_names.txt";
    /// First names with the sex nearly all their bearers have ("amara female"), from the US SSA
    /// baby names (see the file's header): the gender of a name for "he" and "she".
    first_name_genders: Pairs = "first_name_genders.txt";
    /// Share of right speakers by what an attribution rests on, and how many it was read from
    /// ("cue-after/name 0.99 812"): the confidence table ([`crate::confidence`]).
    confidence_rates: Pairs = "confidence_rates.txt";
    /// Speech verbs with all their inflections ("said", "says", "saying").
    speech_verbs: Words = "speech_verbs.txt";
    /// Words that open a description: "the official", "a senior advisor", "her office".
    determiners: Words = "determiners.txt";
    /// Words that make a description indefinite: "an aide", "said another".
    indefinites: Words = "indefinites.txt";
    /// Lower-case words inside a name: "Jan van Dijk", "Ana de Souza".
    name_particles: Words = "name_particles.txt";
    /// Words that open a noun phrase: a speech verb's form after one is a noun ("the following
    /// comment", "his claims").
    noun_markers: Words = "noun_markers.txt";
    /// Function words: never the end of a heading, never the start of a run-in heading.
    function_words: Words = "function_words.txt";
    /// Words that open a subordinate clause: a phrase holding one is a sentence, not a heading.
    subordinators: Words = "subordinators.txt";
    /// Auxiliaries and frequent irregular past forms: the verb after a name that opens a clause.
    clause_verbs: Words = "clause_verbs.txt";
    /// Words that open a clause after a run-in heading (besides [`noun_markers`]).
    clause_openers: Words = "clause_openers.txt";
    /// Words that stand alone for an unnamed speaker: "one said", "said another".
    lone_pronouns: Words = "lone_pronouns.txt";
    /// Words a loose description never holds: "that", "and", "was".
    description_breaks: Words = "description_breaks.txt";
    /// Determiners that name the owner of a description: "his office".
    possessive_determiners: Words = "possessive_determiners.txt";
    /// Honorifics with the gender they show ("mr." -> "male").
    honorifics: Pairs = "honorifics.txt";
    /// Honorifics after which a title word is a surname: "Mr. King".
    surname_honorifics: Words = "surname_honorifics.txt";
    /// Relative pronouns that stand for the mention before them: "Smith, who said".
    relative_pronouns: Words = "relative_pronouns.txt";
    /// Lower-case words that can open the speaker right after a quote: "she asked".
    speaker_openers: Words = "speaker_openers.txt";
    /// "his", "him", "himself": forms of "he" that name no subject.
    male_pronoun_forms: Words = "male_pronoun_forms.txt";
    /// "her", "hers", "herself": forms of "she" that name no subject.
    female_pronoun_forms: Words = "female_pronoun_forms.txt";
    /// "their": the possessive of "they".
    plural_pronoun_forms: Words = "plural_pronoun_forms.txt";
    /// "its": the possessive of "it".
    neuter_pronoun_forms: Words = "neuter_pronoun_forms.txt";
    /// Group heads that speak for their owner ("his office said").
    holder_offices: Words = "holder_offices.txt";
    /// Words that open an introductory clause ("When asked about it, ...").
    introductory_openers: Words = "introductory_openers.txt";
    /// Prepositions of a short phrase between a name and its verb ("Roe of the club said").
    affiliation_prepositions: Words = "affiliation_prepositions.txt";
    /// Function words a title leaves in lower case ("Meet the Press").
    title_small_words: Words = "title_small_words.txt";
    /// Reporting verbs with their complement patterns ("accused of", "said clause").
    reporting_verbs: Pairs = "reporting_verbs.txt";
    /// Nouns for an issued text ("the post said"): it speaks for whoever issued it.
    document_sources: Words = "document_sources.txt";
    /// Words that stand alone as a source of reported speech ("most said", "26 percent say").
    quantity_subjects: Words = "quantity_subjects.txt";
    /// Time words around a reporting verb ("said Tuesday that", "told reporters last week").
    time_adjuncts: Words = "time_adjuncts.txt";
    /// Auxiliaries between a source and its reporting verb, with their verb ("was be").
    auxiliaries: Pairs = "auxiliaries.txt";
}

bitflags::bitflags! {
    /// Word classes a token can belong to, looked up once per token (see [`word_class`]).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Class: u16 {
        const SPEECH_VERB = 1;
        const ADVERB = 1 << 1;
        const TITLE = 1 << 2;
        const ROLE = 1 << 3;
        const NON_NAME = 1 << 4;
        const ORGANISATION_HEAD = 1 << 5;
        const PREPOSITION = 1 << 6;
        /// The verb of a two-word speech cue ("shot" in "shot back").
        const PHRASAL_VERB = 1 << 7;
        /// A personal pronoun that can carry an attribution ([`pronouns`]).
        const PRONOUN = 1 << 8;
        /// A common first name ([`male_names`], [`female_names`]).
        const FIRST_NAME = 1 << 9;
        /// A word that opens a description ([`determiners`]).
        const DETERMINER = 1 << 10;
        /// A word that makes a description indefinite ([`indefinites`]).
        const INDEFINITE = 1 << 11;
        /// A word after which a speech verb's form is a noun ([`noun_markers`]).
        const NOUN_MARKER = 1 << 12;
        /// An honorific that shows a gender ([`honorifics`]).
        const HONORIFIC = 1 << 13;
    }
}

/// The classes by the path code written before [`Class`] uses (`lexicon::class::TITLE`); new
/// code names [`Class`].
pub use Class as class;

/// The classes of a lower-cased word: one hash lookup instead of one per lexicon. Most words of
/// any text are short, and a word of up to eight bytes is looked up as one integer.
pub fn word_class(lower: &str) -> Class {
    static CLASSES: OnceLock<(ShortWords<Class>, FxHashMap<String, Class>)> = OnceLock::new();
    let (short, long) = CLASSES.get_or_init(|| {
        let map = classes_of_words();
        let short = ShortWords::new(map.iter().filter_map(|(w, &c)| Some((packed(w)?, c))));
        (short, map)
    });
    match packed(lower) {
        Some(key) => short.get(key),
        None => long.get(lower).copied().unwrap_or_default(),
    }
}

/// Every word of the lists that are classes, with its classes.
fn classes_of_words() -> FxHashMap<String, Class> {
    let words = [
        (speech_verbs(), Class::SPEECH_VERB),
        (adverbs(), Class::ADVERB),
        (titles(), Class::TITLE),
        (roles(), Class::ROLE),
        (non_names(), Class::NON_NAME),
        (organisation_heads(), Class::ORGANISATION_HEAD),
        (prepositions(), Class::PREPOSITION),
        (male_names(), Class::FIRST_NAME),
        (female_names(), Class::FIRST_NAME),
        (determiners(), Class::DETERMINER),
        (indefinites(), Class::INDEFINITE),
        (noun_markers(), Class::NOUN_MARKER),
    ];
    let keys = [
        (speech_phrases(), Class::PHRASAL_VERB),
        (pronouns(), Class::PRONOUN),
        (honorifics(), Class::HONORIFIC),
    ];
    let mut map: FxHashMap<String, Class> = FxHashMap::default();
    let all = words
        .into_iter()
        .flat_map(|(set, bits)| set.iter().map(move |w| (w.as_str(), bits)))
        .chain(
            keys.into_iter()
                .flat_map(|(pairs, bits)| pairs.keys().map(move |w| (w, bits))),
        );
    for (word, bits) in all {
        *map.entry(word.to_string()).or_default() |= bits;
    }
    map
}

/// A word of up to eight bytes as one integer: its bytes in order, padded with zeros. No two
/// words collide, as none ends in a NUL byte (one that does is not packed).
pub(crate) fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    let four = |b: &[u8]| {
        b.first_chunk::<4>()
            .map_or(0, |b| u64::from(u32::from_le_bytes(*b)))
    };
    let key = match *bytes {
        [] => return None,
        [a] => u64::from(a),
        [a, b] => u64::from(a) | u64::from(b) << 8,
        [a, b, c] => u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16,
        // Two four-byte loads that overlap in the middle; an overlapping byte is ORed with
        // itself. This is the lookup of every word of every text: no copy, no loop.
        _ if len <= 8 => four(bytes) | four(&bytes[len - 4..]) << (8 * (len - 4)),
        _ => return None,
    };
    Some(key).filter(|_| bytes[len - 1] != 0)
}

/// An open-addressing table from packed short words to their classes (or to whether they are
/// in a list): the lookup every token of every text makes, so it is kept to a multiply, a shift
/// and a probe or two, each key next to its value.
#[derive(Debug)]
struct ShortWords<V> {
    slots: Vec<(u64, V)>,
    shift: u32,
}

impl<V: Copy + Default + std::ops::BitOrAssign> ShortWords<V> {
    fn new(entries: impl Iterator<Item = (u64, V)>) -> Self {
        let entries: Vec<(u64, V)> = entries.collect();
        // At most half full, so probes stay short.
        let bits = (entries.len() * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut table = ShortWords {
            slots: vec![(0, V::default()); 1 << bits],
            shift: 64 - bits,
        };
        for (key, value) in entries {
            let slot = table.slot(key);
            table.slots[slot].0 = key;
            table.slots[slot].1 |= value;
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

    fn get(&self, key: u64) -> V {
        let (found, value) = self.slots[self.slot(key)];
        if found == key {
            value
        } else {
            V::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_with_inflections() {
        assert!(speech_verbs().len() > 400, "{}", speech_verbs().len());
        for form in ["said", "tells", "quipped", "tweeted", "termed"] {
            assert!(speech_verbs().contains(form), "{form}");
        }
        assert!(!speech_verbs().contains("believe"));
        assert_eq!(pronouns().value("she"), Some("female"));
        assert!(speech_phrases().contains("shot", "back"));
        assert!(!speech_phrases().contains("shot", "down"));
        assert!(titles().contains("sen."));
    }

    #[test]
    fn every_lexicon_file_is_declared_once() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("assets/lexicon")
            .map(|entry| {
                entry
                    .expect("a lexicon file")
                    .file_name()
                    .to_string_lossy()
                    .into()
            })
            .collect();
        on_disk.sort();
        let mut declared: Vec<String> = declared_files()
            .into_iter()
            .map(|(file, _, _)| file.to_string())
            .collect();
        declared.sort();
        assert_eq!(
            on_disk, declared,
            "files in assets/lexicon/ and in the lexicon! table"
        );
    }

    #[test]
    fn every_lexicon_says_what_it_is_in_a_comment_header() {
        for (file, source, _) in declared_files() {
            assert!(source.starts_with("# "), "{file}");
        }
    }

    #[test]
    fn no_lexicon_repeats_an_entry() {
        for (file, _, repeated) in declared_files() {
            assert!(repeated.is_empty(), "{file} repeats {repeated:?}");
        }
        assert_eq!(Words::duplicates("a b\nc a # a"), ["a"]);
        assert_eq!(Pairs::duplicates("go on\ngo up\ngo on"), ["go on"]);
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
        assert_eq!(packed("a\0"), None, "would be taken for \"a\"");
        assert_eq!(packed("statement"), None);
        assert_ne!(packed("ab"), packed("ba"));
    }

    #[test]
    fn lists_hold_their_short_and_long_words_only() {
        assert!(titles().contains("sen.") && titles().contains("spokeswoman"));
        assert!(!titles().contains("senato") && !titles().contains("spokeswomen"));
        assert!(!titles().contains("sen.\0") && !titles().contains(""));
    }

    #[test]
    fn word_classes_of_short_and_long_words() {
        assert!(word_class("said").contains(Class::SPEECH_VERB));
        assert!(word_class("he").contains(Class::PRONOUN));
        assert!(word_class("shot").contains(Class::PHRASAL_VERB));
        assert!(word_class("spokesman").contains(Class::ROLE));
        assert!(word_class("an").contains(Class::DETERMINER | Class::INDEFINITE));
        assert!(word_class("xq").is_empty());
        assert!(word_class("zzzzzzzzzzzz").is_empty());
    }
}
