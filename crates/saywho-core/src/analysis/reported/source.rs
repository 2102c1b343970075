//! Who a reporting verb's statement comes from: its subject before it (past adverbs, a time
//! phrase or an appositive), or the mention after it in an inverted cue (`..., said the aide`).

use std::ops::Range;

use super::view::View;
use crate::analysis::mentions::MentionKind;
use crate::lexicon::{self, Class};

/// The source of a statement: the words naming it and, where the attribution pass resolved
/// them, its entity.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Source {
    pub mention: Range<usize>,
    pub entity: Option<usize>,
    /// The first and the last token (exclusive) of the source phrase, appositive included.
    pub toks: Range<usize>,
    /// Whether the mention is an issued text ("the post") speaking for whoever issued it.
    pub document: bool,
}

impl Source {
    pub(super) fn of_np(v: &View, n: usize, toks: Range<usize>) -> Self {
        // "the statement said": an issued text speaks for its issuer, not as a new entity.
        let document = matches!(
            &v.nps[n].kind,
            MentionKind::Description { head, definite: true, .. }
                if lexicon::document_sources().contains(head.as_str())
        );
        Source {
            mention: v.nps[n].span.clone(),
            entity: v.entities[n].filter(|_| !document),
            toks,
            document,
        }
    }
}

/// The subject of the reporting verb at `verb`: the mention ending right before it (past
/// adverbs, auxiliaries and a time phrase such as `on Tuesday`), the mention before an
/// appositive (`Roe, a senior aide, said`), else a short noun phrase the mention finder does not
/// know (`the Facebook post`, `European officials`).
pub(super) fn subject_before(v: &View, verb: usize) -> Option<Source> {
    let end = skip_back_adjuncts(v, verb);
    if end == 0 {
        return None;
    }
    if let Some(n) = v.np_ending(end) {
        // "Speaking to reporters, Roe said": a participle opening the sentence is no name.
        let participle = v.nps[n].toks == (0..1) && v.word(0).ends_with("ing");
        return (!participle).then(|| Source::of_np(v, n, v.nps[n].toks.start..end));
    }
    if v.is_punct(end - 1, ",") {
        return before_appositive(v, end - 1);
    }
    plain_noun_phrase(v, end)
}

/// How far back, in tokens, an appositive may open (`William Reilly, who led the agency under
/// President Bush and has served as president of the fund, said`).
const MAX_APPOSITIVE: usize = 40;

/// `Roe, a senior aide to the mayor, said`, `Jo Roe, 29, of Lund, says`: the mention before
/// the appositive that ends at the comma `close` (past earlier commas, a name).
fn before_appositive(v: &View, close: usize) -> Option<Source> {
    let from = close.saturating_sub(MAX_APPOSITIVE);
    let mut commas = (from..close).rev().filter(|&k| v.is_punct(k, ","));
    let nearest = commas.next()?;
    let open = match v.np_ending(nearest) {
        Some(_) => nearest,
        None => commas.find(|&k| v.np_ending(k).is_some_and(|n| v.nps[n].is_name()))?,
    };
    let n = v.np_ending(open)?;
    let inside = open + 1..close;
    // "Roe, who said she would run, has argued": a relative clause may hold a cue of its own.
    let relative = lexicon::relative_pronouns().contains(v.word(open + 1));
    let plain = v.toks[inside.clone()].iter().all(|t| {
        (t.is_word() || (open != nearest_comma(v, close) && t.is_punct(v.text, ",")))
            && (relative || !t.has(Class::SPEECH_VERB))
    });
    (plain && !inside.is_empty()).then(|| Source::of_np(v, n, v.nps[n].toks.start..close + 1))
}

/// The comma nearest before `close`.
fn nearest_comma(v: &View, close: usize) -> usize {
    (0..close)
        .rev()
        .find(|&k| v.is_punct(k, ","))
        .unwrap_or(close)
}

/// The token where the subject of the verb at `verb` ends, past the words allowed between
/// them: adverbs and auxiliaries (`also`, `has been`), and time phrases (`on Tuesday`, `last
/// week`).
fn skip_back_adjuncts(v: &View, verb: usize) -> usize {
    let mut k = verb;
    loop {
        let between = k > 0 && (v.is_adverb_or_auxiliary(k - 1) || v.is_time(k - 1));
        let on_day = k > 1 && v.word(k - 1) == "on" && v.is_time(k);
        if between || on_day {
            k -= 1;
        } else {
            return k;
        }
    }
}

/// A noun phrase of one to four words right before `end`, opening the clause, with a
/// determiner or a number: `the Facebook post`, `Negotiators`, `26 percent`.
fn plain_noun_phrase(v: &View, end: usize) -> Option<Source> {
    let mut start = end;
    while start > 0 && end - start < 4 {
        let t = &v.toks[start - 1];
        // "the post said", "most said": a head that may also be a verb or a function word.
        if t.has(Class::DETERMINER) {
            start -= 1;
            break;
        }
        let head = start == end
            && (lexicon::document_sources().contains(t.lower())
                || lexicon::quantity_subjects().contains(t.lower()));
        let stops = !head
            && (!t.is_word()
                || t.has(Class::PREPOSITION | Class::SPEECH_VERB | Class::PRONOUN)
                || lexicon::clause_verbs().contains(t.lower())
                || lexicon::description_breaks().contains(t.lower())
                || lexicon::function_words().contains(t.lower())
                || lexicon::subordinators().contains(t.lower()));
        if stops {
            break;
        }
        start -= 1;
    }
    // "with the investigation said": a prepositional object is no subject.
    if start > 0 && v.toks[start - 1].is_preposition() {
        return None;
    }
    let opens = start == 0 || {
        let before = &v.toks[start - 1];
        !before.is_word()
            || (!before.is_preposition()
                && (lexicon::function_words().contains(before.lower())
                    || lexicon::subordinators().contains(before.lower())))
    };
    let determined = v.toks.get(start).is_some_and(|t| t.has(Class::DETERMINER));
    let counted = v.toks[start]
        .lower()
        .starts_with(|c: char| c.is_ascii_digit());
    if start == end || !(opens || determined || counted) || (determined && end - start < 2) {
        return None;
    }
    let last = v.word(end - 1);
    Some(Source {
        mention: v.bytes(start..end),
        entity: None,
        toks: start..end,
        document: determined && lexicon::document_sources().contains(last),
    })
}

/// The mention right after the verb at `verb` in an inverted cue: `..., said the aide`.
pub(super) fn subject_after(v: &View, verb: usize) -> Option<Source> {
    let n = v.np_starting(verb + 1)?;
    Some(Source::of_np(v, n, v.nps[n].toks.clone()))
}
