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

/// `according to X, CLAUSE`, `CLAUSE, according to X` and `A, according to X, B`.
fn according_to(v: &View) -> Vec<Candidate> {
    let mut found = Vec::new();
    let end = v.trim_end(0, v.toks.len());
    for a in (0..v.toks.len()).filter(|&a| v.according_at(a)) {
        let Some(source) = according_source(v, a + 2, end) else {
            continue;
        };
        let comma = (source.toks.end..end).find(|&c| v.is_punct(c, ","));
        let after_comma = a > 0 && v.is_punct(a - 1, ",");
        let content = match comma {
            None if after_comma => Some(0..v.trim_end(0, a - 1)),
            Some(c) if a == 0 => Some(c + 1..cues::clause_end(v, c + 1)),
            Some(_) if after_comma => Some(0..end),
            _ => None,
        };
        if let Some(content) = content.filter(|c| reportable(v, c)) {
            found.push(Candidate {
                content,
                cue: a..a + 2,
                source,
                rule: ReportedRule::AccordingTo,
            });
        }
    }
    found
}

/// The source after `according to` at `k`: a mention, else the words up to the next comma or
/// the sentence's end (`a new poll released Wednesday`).
fn according_source(v: &View, k: usize, end: usize) -> Option<Source> {
    if let Some(n) = v.np_starting(k) {
        return Some(Source::of_np(v, n, v.nps[n].toks.clone()));
    }
    let to = (k..end).find(|&j| !v.toks[j].is_word()).unwrap_or(end);
    (to > k).then(|| Source {
        mention: v.bytes(k..to),
        entity: None,
        toks: k..to,
        document: false,
    })
}

/// Content worth a statement: some words of the reporter's own, not a quotation alone.
fn reportable(v: &View, content: &Range<usize>) -> bool {
    content.end > content.start
        && v.words_in(content.clone()) >= MIN_FRONT_WORDS
        && !v.only_quoted(content.clone())
}

/// `CLAUSE, X said`, `CLAUSE, X, an aide, told reporters`, `CLAUSE, said X`, `"...," X said`
/// when the quotation follows the reporter's words: the cue closes the sentence (past adjuncts
/// such as `on Tuesday`). `A, X said, B`: the statement is the whole sentence; `as X said, B`:
/// the clause after it.
fn clause_then_cue(v: &View, k: usize, patterns: &[Pattern]) -> Option<Candidate> {
    let closes_clause = |at: usize| v.is_punct(at, ",") || v.quote_ends_with_comma(at);
    let subject = subject_before(v, k);
    if let Some(s) = subject
        .clone()
        .filter(|s| v.word(s.toks.start.wrapping_sub(1)) == "as")
    {
        return as_cue(v, k, k + 1, s);
    }
    let before = subject.filter(|s| s.toks.start > 0 && closes_clause(s.toks.start - 1));
    let (source, front_end, mut after, inverted) = match before {
        Some(s) => {
            let front_end = s.toks.start - usize::from(v.is_punct(s.toks.start - 1, ","));
            (s, front_end, k + 1, false)
        }
        // An inverted cue is a finite verb: in `..., saying it was` the mention is its object.
        None if k > 0 && closes_clause(k - 1) && !v.word(k).ends_with("ing") => {
            let s = subject_after(v, k)?;
            let end = s.toks.end;
            (s, k - usize::from(v.is_punct(k - 1, ",")), end, true)
        }
        None => return None,
    };
    if patterns.contains(&Pattern::Told) && !inverted {
        after = after_object(v, after);
    }
    let front = 0..v.trim_end(0, front_end);
    let (content, rule) = match closes(v, after, inverted) {
        Close::Ends if !is_intro(v, front.clone()) => (front, ReportedRule::ClauseThenCue),
        Close::GoesOn(comma) if !v.only_quoted(comma + 1..v.toks.len()) => (
            0..cues::clause_end(v, comma + 1),
            ReportedRule::Parenthetical,
        ),
        _ => return None,
    };
    reportable(v, &content).then(|| Candidate {
        content,
        cue: k..k + 1,
        source,
        rule,
    })
}

/// `as X noted, B`: the clause after the cue's comma.
fn as_cue(v: &View, k: usize, after: usize, source: Source) -> Option<Candidate> {
    let Close::GoesOn(comma) = closes(v, after, false) else {
        return None;
    };
    let content = comma + 1..cues::clause_end(v, comma + 1);
    reportable(v, &content).then(|| Candidate {
        content,
        cue: k..k + 1,
        source,
        rule: ReportedRule::Parenthetical,
    })
}

/// Whether the words before a cue only set the scene: every part between commas opens with a
/// preposition, a subordinator, a time word or a participle (`With 214 delegates at stake,`,
/// `Friday morning, as the parade rolled by,`).
fn is_intro(v: &View, front: Range<usize>) -> bool {
    let mut part_start = front.start;
    for k in front.start..=front.end {
        if k < front.end && !v.is_punct(k, ",") {
            continue;
        }
        let first = v.skip_adverbs(part_start);
        let scene = first >= k
            || v.toks[first].is_preposition()
            || crate::lexicon::subordinators().contains(v.word(first))
            || v.is_time(first)
            || v.word(first).ends_with("ing");
        if !scene {
            return false;
        }
        part_start = k + 1;
    }
    true
}

/// How a sentence goes on after a cue that follows its clause.
enum Close {
    /// It ends there, or goes on only with a cue of the same source (`, adding ...`) or, after
    /// an inverted cue, an appositive (`, said Jo Roe, a fellow at the institute.`).
    Ends,
    /// The reported clause goes on after the comma at this token: `A, Roe said, B`.
    GoesOn(usize),
    /// Anything else: the verb has a complement of its own.
    Not,
}

/// How the sentence goes on at `k`, past adjuncts (`on Wednesday`, `in a statement`).
fn closes(v: &View, k: usize, inverted: bool) -> Close {
    let end = v.trim_end(0, v.toks.len());
    let mut k = v.skip_time(k);
    if v.toks.get(k).is_some_and(|t| t.is_preposition()) {
        while k < end && v.toks[k].is_word() && v.word(k) != "that" {
            k += 1;
        }
    }
    if k >= end {
        return Close::Ends;
    }
    if !v.is_punct(k, ",") {
        return Close::Not;
    }
    let cue_follows =
        verb_at(v, k + 1) || (matches!(v.word(k + 1), "and" | "but") && verb_at(v, k + 2));
    match () {
        _ if cue_follows || (inverted && v.words_to_end(k + 1)) => Close::Ends,
        _ if !inverted => Close::GoesOn(k),
        _ => Close::Not,
    }
}

/// `X said (that) CLAUSE` and the other complements of the verb's patterns.
fn cue_then_clause(v: &View, k: usize, patterns: &[Pattern]) -> Option<Candidate> {
    let source = subject_before(v, k)?;
    with_complement(v, k, patterns, source, ReportedRule::CueThenClause)
}

/// The statement of the verb at `k` from `source`, if the verb has a complement its patterns
/// take.
fn with_complement(
    v: &View,
    k: usize,
    patterns: &[Pattern],
    source: Source,
    rule: ReportedRule,
) -> Option<Candidate> {
    let content = complement(v, k, patterns)?;
    Some(Candidate {
        content,
        cue: k..k + 1,
        source,
        rule,
    })
}

/// `..., saying it was a stunt`, `by saying ...`: the source of the statement before, else the
/// sentence's subject.
fn participial(v: &View, k: usize, patterns: &[Pattern], found: &[Candidate]) -> Option<Candidate> {
    let j = (0..k)
        .rev()
        .find(|&j| !v.toks[j].is_adverb())
        .map_or(k, |j| j + 1);
    let opens = j > 0 && (v.is_punct(j - 1, ",") || v.word(j - 1) == "by");
    if !(v.word(k).ends_with("ing") && opens) {
        return None;
    }
    let source = earlier_source(v, k, found)?;
    with_complement(v, k, patterns, source, ReportedRule::Participial)
}

/// `X said A and warned B`: the second verb's statement has the first one's source.
fn coordinated(v: &View, k: usize, patterns: &[Pattern], found: &[Candidate]) -> Option<Candidate> {
    let mut j = k;
    while j > 0 && v.toks[j - 1].is_adverb() {
        j -= 1;
    }
    if !(j > 0 && matches!(v.word(j - 1), "and" | "but")) {
        return None;
    }
    let source = earlier_source(v, k, found)?;
    with_complement(v, k, patterns, source, ReportedRule::Coordinated)
}

/// The source of the last statement found before token `k`, else the sentence's subject: its
/// first mention that is neither a prepositional object nor a possessor ("Norway's army").
fn earlier_source(v: &View, k: usize, found: &[Candidate]) -> Option<Source> {
    if let Some(c) = found.iter().rev().find(|c| c.cue.start < k) {
        return Some(c.source.clone());
    }
    let n = (0..v.nps.len()).find(|&n| {
        let np = &v.nps[n];
        np.toks.end < k && !np.after_preposition && !v.toks[np.toks.end - 1].is_possessive()
    })?;
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
