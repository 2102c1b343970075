//! Reading a sentence's clauses: the cue rules, each a function over one sentence's tokens and
//! mentions that finds a speech cue by a quote and the mention that speaks, and the clause
//! readings they share (the subject of a verb, the verb after a subject, an appositive name).

use std::ops::Range;

use super::sentence::Sentence;
use crate::analysis::tokens::Tok;
use crate::lexicon;

/// What a cue rule finds: the mention that speaks (its index in the sentence) and the cue.
pub(super) type Cue = (usize, Option<Range<usize>>);

/// `"...," Smith added.` / `"...," said the spokesman.` / `"...," he stated.`
pub(super) fn cue_after(text: &str, s: &Sentence, qt: usize) -> Option<Cue> {
    let mut j = qt + 1;
    while s
        .toks
        .get(j)
        .is_some_and(|t| t.is_punct(text, ",") || is_dash(text, t))
    {
        j += 1;
    }
    let v = skip_adverbs(s, j);
    if s.toks.get(v).is_some_and(Tok::is_speech_verb) {
        if let Some(n) = subject_after_verb(text, s, Tok::after_verb(&s.toks, v)) {
            return Some((named_in_apposition(text, s, n), Some(s.toks[v].span())));
        }
    }
    let n = s.np_at_start(j)?;
    let v = verb_after_subject(text, s, s.nps[n].toks.end)?;
    Some((n, Some(s.toks[v].span())))
}

/// `Smith responded, "..."` / `Smith termed it "..."`: the nearest speech verb before a quote that
/// does not follow a colon, and its subject.
pub(super) fn cue_before(text: &str, s: &Sentence, qt: usize) -> Option<Cue> {
    if follows_colon(text, s, qt) {
        return None;
    }
    speech_verb_cue(text, s, verb_before(s, qt)?)
}

/// `adding only: "..."` / `Smith, a doctor, is more blunt: "..."`: a quote after a colon, spoken by
/// the subject of the nearest speech verb before it or else by the colon's own subject.
pub(super) fn colon(text: &str, s: &Sentence, qt: usize) -> Option<Cue> {
    if !follows_colon(text, s, qt) {
        return None;
    }
    match verb_before(s, qt) {
        Some(v) => speech_verb_cue(text, s, v),
        None => colon_subject(text, s, qt - 1),
    }
}

/// `according to Smith, "..."`: governs every quote of its sentence.
pub(super) fn according_to(_text: &str, s: &Sentence, _qt: usize) -> Option<Cue> {
    let k = s.index().according?;
    let n = s.np_at_start(k + 2)?;
    Some((n, Some(s.toks[k].span().start..s.toks[k + 1].span().end)))
}

/// `... are "substantially involved" in it, Smith said on Tuesday.`: a reporting clause later in
/// the sentence, before any other quote.
pub(super) fn cue_later(text: &str, s: &Sentence, qt: usize) -> Option<Cue> {
    for v in qt + 1..s.toks.len() {
        if s.toks[v].quote().is_some() {
            return None;
        }
        if !s.toks[v].is_speech_verb() {
            continue;
        }
        if let Some(n) = subject_of(text, s, v).filter(|&n| s.nps[n].toks.start > qt) {
            return Some((n, Some(s.toks[v].span())));
        }
        if let Some(n) = s.np_at_start(Tok::after_verb(&s.toks, v)) {
            return Some((n, Some(s.toks[v].span())));
        }
    }
    None
}

/// Whether the quote at token `qt` follows a colon.
fn follows_colon(text: &str, s: &Sentence, qt: usize) -> bool {
    qt > 0 && s.toks[qt - 1].is_punct(text, ":")
}

/// The nearest speech verb before token `qt`.
fn verb_before(s: &Sentence, qt: usize) -> Option<usize> {
    let slot = s.index().slots.get(qt)?;
    slot.verb_before.map(|v| v as usize)
}

/// The speech verb at token `v` as a cue, with its subject (or the sentence's).
fn speech_verb_cue(text: &str, s: &Sentence, v: usize) -> Option<Cue> {
    let n = subject_of(text, s, v).or_else(|| sentence_subject(s, v))?;
    Some((n, Some(s.toks[v].span())))
}

/// With no speech verb, whoever a colon (token `colon`) introduces: the sentence's subject, or
/// in the digest form "Pollsters agree - Jane Roe:" the name right before the colon.
fn colon_subject(text: &str, s: &Sentence, colon: usize) -> Option<Cue> {
    let credited = s.np_at_end(colon).filter(|&n| {
        let start = s.nps[n].toks.start;
        (start.saturating_sub(4)..start).any(|k| is_dash(text, &s.toks[k]))
    });
    let n = credited.or_else(|| sentence_subject(s, colon))?;
    // "ANALYST VIEW:", "WATCH:": a label in capitals heads what follows; it does not speak.
    let label = &text[s.toks[0].span().start..s.toks[colon].span().start];
    if !label.chars().any(char::is_lowercase) {
        return None;
    }
    Some((n, Some(s.toks[colon].span())))
}

fn is_dash(text: &str, t: &Tok) -> bool {
    ["-", "—", "–"].iter().any(|d| t.is_punct(text, d))
}

/// The mention after an inverted speech verb (`"...," said Jo Roe`), also past words that qualify
/// a name without being part of it: `said former Sen. Jo Roe`, `said 9/11 widow Jo Roe`, `said
/// former Ohio Gov. and party Chairman Jo Roe`.
fn subject_after_verb(text: &str, s: &Sentence, k: usize) -> Option<usize> {
    if let Some(n) = s.np_at_start(k) {
        return Some(n);
    }
    // Content words only: "said Tuesday that Iowa ..." or "asked which Iowa county" name no one.
    let qualifier = |t: &Tok| {
        (t.is_word()
            && !t.is_speech_verb()
            && !t.is_preposition()
            && !t.has(lexicon::class::NON_NAME | lexicon::class::PRONOUN))
            || t.is_punct(text, "/")
            || t.lower() == "and"
    };
    // "said master of ceremonies Jo Roe": "of" inside the role, never right after the verb
    // ("said of Roe").
    let role_of = |j: usize| j > k && s.toks[j].lower() == "of";
    (k + 1..(k + 9).min(s.toks.len()))
        .take_while(|&j| qualifier(&s.toks[j - 1]) || role_of(j - 1))
        .find_map(|j| s.np_at_start(j).filter(|&n| s.nps[n].is_name()))
}

/// `says Campbell's partner, Jason Louth`: a description followed by the name it describes.
pub(super) fn named_in_apposition(text: &str, s: &Sentence, n: usize) -> usize {
    let np = &s.nps[n];
    if np.is_name() {
        return n;
    }
    // "the director of operations for EHS, Jeff Fraser, says": a short phrase may complete the
    // description before the comma.
    let comma = (np.toks.end..(np.toks.end + 8).min(s.toks.len()))
        .take_while(|&k| s.toks[k].is_word() || s.toks[k].is_punct(text, ","))
        .find(|&k| s.toks[k].is_punct(text, ","));
    let verb_between =
        comma.is_some_and(|c| s.toks[np.toks.end..c].iter().any(Tok::is_speech_verb));
    match comma.and_then(|c| s.np_at_start(c + 1)) {
        Some(next) if !verb_between && s.nps[next].is_name() => next,
        _ => n,
    }
}

/// The speech verb right after a subject ending at token `end`, past adverbs and an appositive.
fn verb_after_subject(text: &str, s: &Sentence, end: usize) -> Option<usize> {
    let mut v = skip_parenthesis(text, s, end);
    // "Mr. Morgan of the Sierra Club said": a short prepositional phrase after the name.
    if s.toks
        .get(v)
        .is_some_and(|t| lexicon::affiliation_prepositions().contains(t.lower()))
    {
        if let Some(n) = s.np_at_start(v + 1).or_else(|| s.np_at_start(v + 2)) {
            v = s.nps[n].toks.end;
        }
    }
    if comma_at(text, &s.toks, v) {
        // "Smith, a senior advisor to the president, said", "Harry Bond, 30, of Raleigh, N.C.,
        // who was polled, said": the aside ends at the comma the speech verb follows.
        let limit = (v + 30).min(s.toks.len());
        let close = (v + 1..limit)
            .take_while(|&k| s.toks[k].quote().is_none())
            .find(|&k| s.toks[k].is_punct(text, ",") && speech_verb_after(s, k + 1))?;
        v = close + 1;
    }
    let v = skip_adverbs(s, v);
    s.toks.get(v).is_some_and(Tok::is_speech_verb).then_some(v)
}

/// Whether a speech verb comes at token `end`, past adverbs.
pub(super) fn speech_verb_after(s: &Sentence, end: usize) -> bool {
    s.toks
        .get(skip_adverbs(s, end))
        .is_some_and(Tok::is_speech_verb)
}

/// The first token from `k` on that is no adverb (a speech verb that is also one counts as the
/// verb).
fn skip_adverbs(s: &Sentence, mut k: usize) -> usize {
    while s
        .toks
        .get(k)
        .is_some_and(|t| t.is_adverb() && !t.is_speech_verb())
    {
        k += 1;
    }
    k
}

/// The subject of the verb at token `v`: a mention right before it (past adverbs or an
/// appositive between commas).
fn subject_of(text: &str, s: &Sentence, v: usize) -> Option<usize> {
    let mut j = v;
    while j > 0 && s.toks[j - 1].is_adverb() {
        j -= 1;
    }
    // "Gov. Jane Roe (R-Ohio), said": step back over the comma and the parenthesis.
    if j > 1 && s.toks[j - 1].is_punct(text, ",") && s.toks[j - 2].is_punct(text, ")") {
        j -= 1;
    }
    if j > 0 && s.toks[j - 1].is_punct(text, ")") {
        if let Some(open) = (j.saturating_sub(12)..j - 1)
            .rev()
            .find(|&k| s.toks[k].is_punct(text, "("))
        {
            j = open;
        }
    }
    let participle = s.toks[v].lower().ends_with("ing");
    let ends_at = |k: usize| s.np_at_end(k).filter(|&n| !s.nps[n].after_preposition);
    if let Some(n) = ends_at(j) {
        return Some(n);
    }
    if j > 0 && !participle && s.toks[j - 1].is_punct(text, ",") {
        for k in (j.saturating_sub(20)..j - 1).rev() {
            if s.toks[k].quote().is_some() {
                break;
            }
            if s.toks[k].is_punct(text, ",") {
                return ends_at(k);
            }
        }
    }
    None
}

/// The subject of the sentence: its first mention outside a prepositional phrase, before `v`,
/// after an introductory clause ("When asked about it, Smith said ...").
pub(super) fn sentence_subject(s: &Sentence, v: usize) -> Option<usize> {
    let before_v = |n: &usize| s.nps[*n].toks.end <= v;
    s.index()
        .main_subject
        .filter(before_v)
        .or(s.index().first_subject.filter(before_v))
}

/// Where the main clause starts when the sentence opens with a subordinate or prepositional
/// clause closed by a comma: the token after that comma.
pub(super) fn introductory_clause_end(text: &str, toks: &[Tok]) -> Option<usize> {
    let first = toks.first()?;
    if !lexicon::introductory_openers().contains(first.lower()) && !first.is_preposition() {
        return None;
    }
    let comma = toks
        .iter()
        .position(|t| t.is_punct(text, ",") || t.quote().is_some())?;
    toks[comma].is_punct(text, ",").then_some(comma + 1)
}

/// The token after a parenthesis that starts at `at` ("Smith (D-Ohio) said"), else `at`.
fn skip_parenthesis(text: &str, s: &Sentence, at: usize) -> usize {
    if !s.toks.get(at).is_some_and(|t| t.is_punct(text, "(")) {
        return at;
    }
    (at + 1..(at + 12).min(s.toks.len()))
        .find(|&k| s.toks[k].is_punct(text, ")"))
        .map_or(at, |close| close + 1)
}

/// A sentence with a speech verb and its subject, and no quote: `Smith said the plan failed.`
pub(super) fn speech_subject(text: &str, s: &Sentence) -> Option<Cue> {
    if s.has_quote() {
        return None;
    }
    let v = s.toks.iter().rposition(Tok::is_speech_verb)?;
    speech_verb_cue(text, s, v)
}

/// Whether token `k` is a comma.
pub(super) fn comma_at(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is_punct(text, ","))
}
