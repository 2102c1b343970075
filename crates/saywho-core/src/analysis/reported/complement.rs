//! What a reporting verb's complement is, by the verb's patterns: where the reported content
//! starts after the verb, and where it ends.

use std::ops::Range;

use super::cues::{clause_end, Pattern};
use super::view::View;
use crate::lexicon::Class;

/// The least a bare clause or an addressee's clause must hold, in words: `said it` or
/// `told him so` report nothing one could score.
const MIN_CLAUSE_WORDS: usize = 3;

/// An object names a thing someone said: `denied the claim`, not `denied it`.
const MIN_OBJECT_WORDS: usize = 2;

/// How far an object may run before its `of`, `for` or `as` (`accused Kyiv's European allies
/// of`).
const MAX_OBJECT: usize = 8;

/// The content of the verb at `verb` by the first of `patterns` that fits, as tokens.
pub(super) fn complement(v: &View, verb: usize, patterns: &[Pattern]) -> Option<Range<usize>> {
    let after = after_verb(v, verb);
    patterns.iter().find_map(|&p| {
        let start = start_of(v, after, p)?;
        let end = clause_end(v, start);
        let content = start..end;
        let least = match p {
            Pattern::Clause | Pattern::Told => MIN_CLAUSE_WORDS,
            Pattern::Object => MIN_OBJECT_WORDS,
            _ => 1,
        };
        let fits =
            end > start && !v.only_quoted(content.clone()) && v.words_in(content.clone()) >= least;
        fits.then_some(content)
    })
}

/// The first token after the verb, past adverbs and time words (`said Tuesday that`), and a
/// short place or time phrase followed by `that` (`stated in Paris that`).
fn after_verb(v: &View, verb: usize) -> usize {
    let k = v.skip_adverbs(v.skip_time(v.skip_adverbs(verb + 1)));
    if v.toks.get(k).is_some_and(|t| t.is_preposition()) {
        if let Some(that) = (k + 1..(k + 5).min(v.toks.len())).find(|&j| v.word(j) == "that") {
            if (k..that).all(|j| v.toks[j].is_word()) {
                return that;
            }
        }
    }
    k
}

/// Where the content of pattern `p` starts, the verb's complement beginning at `k`.
fn start_of(v: &View, k: usize, p: Pattern) -> Option<usize> {
    let opens_clause = |k: usize| {
        v.toks.get(k).is_some_and(|t| {
            (t.is_word() && !t.is_preposition() && t.lower() != "to") || t.quote().is_some()
        })
    };
    match p {
        Pattern::Whether => matches!(v.word(k), "whether" | "if").then_some(k),
        Pattern::To => (v.word(k) == "to" || v.word(after_object(v, k)) == "to").then_some(k),
        Pattern::Of | Pattern::For => {
            let word = if p == Pattern::Of { "of" } else { "for" };
            (v.word(k) == word || preposition_after_object(v, k, word)).then_some(k)
        }
        Pattern::As if v.word(k) == "as" => Some(k + 1),
        Pattern::As => preposition_after_object(v, k, "as")
            .then(|| (k..k + MAX_OBJECT).find(|&j| v.word(j) == "as"))
            .flatten()
            .map(|j| j + 1),
        Pattern::Out => (v.word(k) == "out").then(|| skip_that(v, k + 1)),
        Pattern::Told => {
            let past = after_object(v, k);
            let start = skip_that(v, v.skip_time(past));
            (past > k && opens_clause(start)).then_some(start)
        }
        Pattern::Clause => {
            let start = skip_that(v, k);
            // After `that` the clause may open with anything: `argued that as young men, ...`.
            (start > k || opens_clause(start)).then_some(start)
        }
        Pattern::Object => {
            let opens_object = v.toks.get(k).is_some_and(|t| {
                t.is_word() && !t.is_preposition() && !matches!(t.lower(), "to" | "that" | "as")
            });
            opens_object.then_some(k)
        }
    }
}

/// `that` opening a clause is left out of the content.
fn skip_that(v: &View, k: usize) -> usize {
    if v.word(k) == "that" {
        k + 1
    } else {
        k
    }
}

/// The token after the object starting at `k`: a mention, else a word with its determiner
/// (`a crowd`).
pub(super) fn after_object(v: &View, k: usize) -> usize {
    let word = |k: usize| {
        v.toks
            .get(k)
            .is_some_and(|t| t.is_word() && !t.has(Class::PREPOSITION))
    };
    match v.np_starting(k) {
        Some(n) => v.nps[n].toks.end,
        None if v.toks.get(k).is_some_and(|t| t.has(Class::DETERMINER)) && word(k + 1) => k + 2,
        None if word(k) => k + 1,
        None => k,
    }
}

/// Whether `word` follows an object of a few words: `accused Kyiv's allies of`, `blamed
/// Moscow for`, `described it as`.
fn preposition_after_object(v: &View, k: usize, word: &str) -> bool {
    (k..(k + MAX_OBJECT).min(v.toks.len()))
        .take_while(|&j| v.toks[j].is_word())
        .any(|j| j > k && v.word(j) == word)
}
