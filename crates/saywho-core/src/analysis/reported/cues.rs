//! Reporting cues: which words report speech, with the complements each takes
//! ([`lexicon::reporting_verbs`]), what only looks like one (`said to be`, `that said`), and where
//! a reported clause ends.

use super::view::View;
use crate::lexicon::{self, Class};

/// The complement a reporting verb takes, as the lexicon names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pattern {
    /// `said (that) CLAUSE`, a bare clause too.
    Clause,
    /// An addressee, then a clause: `told reporters (that) ...`.
    Told,
    /// `vowed to ...`, `urged them to ...`.
    To,
    /// `accused Y of ...`, `warned of ...`.
    Of,
    /// `called for ...`, `blamed Y for ...`.
    For,
    /// `described it as ...`.
    As,
    /// `denied the claim`.
    Object,
    /// `asked whether ...`.
    Whether,
    /// `pointed out (that) ...`.
    Out,
}

impl Pattern {
    /// Tried most specific first: a preposition or conjunction the complement must open with
    /// before a bare clause or object.
    const ORDER: [Pattern; 9] = [
        Pattern::Whether,
        Pattern::Out,
        Pattern::To,
        Pattern::Of,
        Pattern::For,
        Pattern::As,
        Pattern::Clause,
        Pattern::Told,
        Pattern::Object,
    ];

    fn name(self) -> &'static str {
        match self {
            Pattern::Clause => "clause",
            Pattern::Told => "told",
            Pattern::To => "to",
            Pattern::Of => "of",
            Pattern::For => "for",
            Pattern::As => "as",
            Pattern::Object => "object",
            Pattern::Whether => "whether",
            Pattern::Out => "out",
        }
    }
}

/// The patterns of the word at `k` if it is a reporting verb used as one, most specific first.
pub(super) fn patterns(v: &View, k: usize) -> Vec<Pattern> {
    let Some(tok) = v.toks.get(k) else {
        return Vec::new();
    };
    let verbs = lexicon::reporting_verbs();
    if tok.lower().is_empty() || verbs.value(tok.lower()).is_none() || !is_used_as_verb(v, k) {
        return Vec::new();
    }
    Pattern::ORDER
        .into_iter()
        .filter(|p| verbs.contains(tok.lower(), p.name()))
        .collect()
}

/// Whether the form at `k` is a verb reporting speech, not a noun (`his claims`, `the report`),
/// an adjective (`the said document`) or an idiom (`said to be`, `so-called`, `that said`,
/// `needless to say`).
fn is_used_as_verb(v: &View, k: usize) -> bool {
    let before = k.checked_sub(1).map(|p| &v.toks[p]);
    // "Roe 's claims": a possessive written apart is one too.
    let apart_possessive = k >= 2 && v.word(k - 1) == "s" && !v.toks[k - 2].is_word();
    let noun = apart_possessive
        || before.is_some_and(|b| {
            b.has(Class::NOUN_MARKER | Class::DETERMINER) || b.is_possessive() || b.lower() == "to"
        });
    let so_called = before.is_some_and(|b| b.lower() == "so" || b.is_punct(v.text, "-"));
    let said_to_be = matches!(v.word(k), "said" | "says" | "say") && v.word(k + 1) == "to";
    let that_said = before.is_some_and(|b| b.lower() == "that") && v.is_punct(k + 1, ",");
    // "the United States": a capitalised form inside a sentence is part of a name, unless the
    // sentence is a headline in title case ("Roe Says Talks Failed").
    let in_name = k > 0 && v.toks[k].is_capitalised() && !is_title_case(v);
    !(noun || so_called || said_to_be || that_said || in_name || is_passive(v, k))
}

/// A headline in title case: most of its words of four letters or more are capitalised.
fn is_title_case(v: &View) -> bool {
    let long = v.toks.iter().filter(|t| t.lower().len() >= 4);
    let (capitalised, all) = long.fold((0, 0), |(c, a), t| {
        (c + usize::from(t.is_capitalised()), a + 1)
    });
    all > 0 && capitalised * 4 >= all * 3
}

/// "was told", "were asked", "has been criticized": a past participle after a form of "be"
/// (past adverbs) reports nothing its subject said.
fn is_passive(v: &View, k: usize) -> bool {
    if v.word(k).ends_with("ing") {
        return false;
    }
    let mut j = k;
    while j > 0
        && v.toks[j - 1].is_adverb()
        && lexicon::auxiliaries().value(v.word(j - 1)).is_none()
    {
        j -= 1;
    }
    j > 0 && lexicon::auxiliaries().value(v.word(j - 1)) == Some("be")
}

/// Whether a reporting verb starts at `k`, past adverbs ("and also warned").
pub(super) fn verb_at(v: &View, k: usize) -> bool {
    let k = v.skip_adverbs(k);
    !patterns(v, k).is_empty()
}

/// Words after a comma that turn from the report to the reporter's own remark when a new
/// subject follows: `..., but it is not clear how` (not `..., but hasn't decided`).
const ASIDES: [&str; 1] = ["but"];

/// Words that turn to the reporter's remark wherever they stand (a quotation may hold the comma
/// before them): `"finalized," although he did not say what that meant`.
const CONCESSIONS: [&str; 3] = ["although", "though", "whereas"];

/// Where the reported clause that starts at `from` ends (exclusive, trailing punctuation
/// trimmed): at a semicolon or colon, a dash, the sentence's end, a coordinated or participial
/// cue (`and warned`, `, saying`), `, according to`, or an aside (`, although ...`).
pub(super) fn clause_end(v: &View, from: usize) -> usize {
    let mut k = from;
    while k < v.toks.len() {
        if v.quote_ends_sentence(k) {
            return k + 1;
        }
        let comma = v.is_punct(k, ",");
        let stop = [";", ":", "—", "–", "(", "--"]
            .iter()
            .any(|p| v.is_punct(k, p))
            || (comma && (verb_at(v, k + 1) || v.according_at(k + 1) || aside_at(v, k + 1)))
            || (matches!(v.word(k), "and" | "but") && verb_at(v, k + 1) && k > from)
            || CONCESSIONS.contains(&v.word(k))
            || (comma && matches!(v.word(k + 1), "and" | "but") && verb_at(v, k + 2))
            || (comma && new_statement_at(v, k + 1));
        if stop {
            break;
        }
        k += 1;
    }
    v.trim_end(from, k)
}

/// `but` and a new subject: a pronoun, a determiner or a name.
fn aside_at(v: &View, k: usize) -> bool {
    ASIDES.contains(&v.word(k))
        && v.toks.get(k + 1).is_some_and(|t| {
            t.has(Class::PRONOUN | Class::DETERMINER) || t.is_capitalised() || t.lower() == "it"
        })
}

/// How far after a comma a new source's reporting verb may stand (`, 27 percent of those asked
/// said ...`).
const NEW_SOURCE_REACH: usize = 8;

/// A new statement after a comma: a source of its own and its reporting verb.
fn new_statement_at(v: &View, k: usize) -> bool {
    (k + 1..(k + NEW_SOURCE_REACH).min(v.toks.len()))
        .take_while(|&j| v.toks[j].is_word())
        .any(|j| {
            !patterns(v, j).is_empty()
                && super::source::subject_before(v, j).is_some_and(|s| s.toks.start == k)
        })
}
