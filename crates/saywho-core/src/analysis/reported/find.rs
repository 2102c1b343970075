//! The rules of [`super::ReportedRule`] over one sentence: every reporting cue tried against
//! them in order, then overlapping finds reduced to the outermost (a statement nested in another
//! is the outer one's content: `warned of what he said were ...`).

use std::ops::Range;

use super::complement::{after_object, complement};
use super::cues::{self, verb_at, Pattern};
use super::source::{subject_after, subject_before, Source};
use super::view::View;
use super::ReportedRule;

/// A statement found in a sentence, in token indices.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub content: Range<usize>,
    pub cue: Range<usize>,
    pub source: Source,
    pub rule: ReportedRule,
}

/// A clause reported before its cue holds at least this many words (`On Tuesday, Roe said` has
/// none to report).
const MIN_FRONT_WORDS: usize = 3;

/// The statements of a sentence, in text order, apart.
pub(super) fn statements(v: &View) -> Vec<Candidate> {
    let mut found = according_to(v);
    for k in 0..v.toks.len() {
        let patterns = cues::patterns(v, k);
        if patterns.is_empty() {
            continue;
        }
        let candidate = clause_then_cue(v, k, &patterns)
            .or_else(|| cue_then_clause(v, k, &patterns))
            .or_else(|| participial(v, k, &patterns, &found))
            .or_else(|| coordinated(v, k, &patterns, &found));
        found.extend(candidate);
    }
    outermost(found)
}

/// `according to X, CLAUSE` and `CLAUSE, according to X`.
fn according_to(v: &View) -> Vec<Candidate> {
    let mut found = Vec::new();
    for a in (0..v.toks.len()).filter(|&a| v.according_at(a)) {
        let Some(n) = v.np_starting(a + 2) else {
            continue;
        };
        let np_end = v.nps[n].toks.end;
        let source = Source::of_np(v, n, v.nps[n].toks.clone());
        let after_comma = a > 0 && v.is_punct(a - 1, ",");
        let content = if after_comma && v.trim_end(np_end, v.toks.len()) == np_end {
            Some(0..v.trim_end(0, a - 1))
        } else if a == 0 || after_comma {
            (np_end..(np_end + 8).min(v.toks.len()))
                .find(|&c| v.is_punct(c, ","))
                .map(|c| c + 1..cues::clause_end(v, c + 1))
        } else {
            None
        };
        if let Some(content) = content.filter(|c| reportable(v, c)) {
            let rule = ReportedRule::AccordingTo;
            let cue = a..a + 2;
            found.push(Candidate {
                content,
                cue,
                source,
                rule,
            });
        }
    }
    found
}

/// Content worth a statement: some words of the reporter's own, not a quotation alone.
fn reportable(v: &View, content: &Range<usize>) -> bool {
    content.end > content.start
        && v.words_in(content.clone()) >= MIN_FRONT_WORDS
        && !v.only_quoted(content.clone())
}

/// `CLAUSE, X said`, `CLAUSE, X, an aide, told reporters`, `CLAUSE, said X`: the cue closes
/// the sentence (past adjuncts such as `on Tuesday`).
fn clause_then_cue(v: &View, k: usize, patterns: &[Pattern]) -> Option<Candidate> {
    let before = subject_before(v, k).filter(|s| s.toks.start > 0 && v.is_punct(s.toks.start - 1, ","));
    let (source, comma, mut after) = match before {
        Some(s) => {
            let comma = s.toks.start - 1;
            (s, comma, k + 1)
        }
        // An inverted cue is a finite verb: in `..., saying it was` the mention is its object.
        None if k > 0 && v.is_punct(k - 1, ",") && !v.word(k).ends_with("ing") => {
            let s = subject_after(v, k)?;
            let end = s.toks.end;
            (s, k - 1, end)
        }
        None => return None,
    };
    if patterns.contains(&Pattern::Told) && after == k + 1 {
        after = after_object(v, after);
    }
    let content = 0..v.trim_end(0, comma);
    (closes(v, after) && reportable(v, &content)).then(|| Candidate {
        content,
        cue: k..k + 1,
        source,
        rule: ReportedRule::ClauseThenCue,
    })
}

/// Whether the sentence ends at `k`, past adjuncts (`on Wednesday`, `in a statement`), or goes
/// on only with a cue of the same source (`, adding ...`, `, and warned ...`).
fn closes(v: &View, mut k: usize) -> bool {
    let adjunct = |k: usize| {
        v.toks
            .get(k)
            .is_some_and(|t| t.is_preposition() || t.is_capitalised())
    };
    if adjunct(k) {
        while k < v.toks.len() && v.toks[k].is_word() && v.word(k) != "that" {
            k += 1;
        }
    }
    let end = v.trim_end(0, v.toks.len());
    k >= end
        || (v.is_punct(k, ",")
            && (verb_at(v, k + 1) || (matches!(v.word(k + 1), "and" | "but") && verb_at(v, k + 2))))
}

/// `X said (that) CLAUSE` and the other complements of the verb's patterns.
fn cue_then_clause(v: &View, k: usize, patterns: &[Pattern]) -> Option<Candidate> {
    let source = subject_before(v, k)?;
    let content = complement(v, k, patterns)?;
    Some(Candidate {
        content,
        cue: k..k + 1,
        source,
        rule: ReportedRule::CueThenClause,
    })
}

/// `..., saying it was a stunt`: the source of the statement before, else the sentence's
/// subject.
fn participial(
    v: &View,
    k: usize,
    patterns: &[Pattern],
    found: &[Candidate],
) -> Option<Candidate> {
    if !(v.word(k).ends_with("ing") && k > 0 && v.is_punct(k - 1, ",")) {
        return None;
    }
    let source = earlier_source(v, k, found)?;
    let content = complement(v, k, patterns)?;
    Some(Candidate {
        content,
        cue: k..k + 1,
        source,
        rule: ReportedRule::Participial,
    })
}

/// `X said A and warned B`: the second verb's statement has the first one's source.
fn coordinated(
    v: &View,
    k: usize,
    patterns: &[Pattern],
    found: &[Candidate],
) -> Option<Candidate> {
    let mut j = k;
    while j > 0 && v.toks[j - 1].is_adverb() {
        j -= 1;
    }
    if !(j > 0 && matches!(v.word(j - 1), "and" | "but")) {
        return None;
    }
    let source = earlier_source(v, k, found)?;
    let content = complement(v, k, patterns)?;
    Some(Candidate {
        content,
        cue: k..k + 1,
        source,
        rule: ReportedRule::Coordinated,
    })
}

/// The source of the last statement found before token `k`, else the subject opening the
/// sentence.
fn earlier_source(v: &View, k: usize, found: &[Candidate]) -> Option<Source> {
    if let Some(c) = found.iter().rev().find(|c| c.cue.start < k) {
        return Some(c.source.clone());
    }
    // A possessor ("Ukraine's army") is no subject.
    let n = v
        .np_starting(0)
        .filter(|&n| v.nps[n].toks.end < k && !v.toks[v.nps[n].toks.end - 1].is_possessive())?;
    v.entities[n].map(|_| Source::of_np(v, n, v.nps[n].toks.clone()))
}

/// The finds with no longer one overlapping them, in text order.
fn outermost(mut found: Vec<Candidate>) -> Vec<Candidate> {
    found.sort_by_key(|c| std::cmp::Reverse(c.content.len()));
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for c in found {
        let overlaps = kept
            .iter()
            .any(|k| k.content.start < c.content.end && c.content.start < k.content.end);
        if !overlaps {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.content.start);
    kept
}
