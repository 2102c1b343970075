//! Descriptions: "the official", "Ruiz's assistant", and the looser ones a speech verb shows
//! ("the civil lawsuit said", "said another").

use compact_str::CompactString;

use super::{is_role, possessive_len, Gender, MentionKind, Np};
use crate::analysis::tokens::Tok;
use crate::lexicon::{self, Class};

/// Whether `tok` opens a description, and whether a definite one: "the", "his" or a possessive
/// (`Some(true)`), "a" or "another" (`Some(false)`).
pub(super) fn is_determiner(tok: &Tok) -> Option<bool> {
    if tok.has(Class::INDEFINITE) {
        Some(false)
    } else if tok.has(Class::DETERMINER) || tok.is_possessive() {
        Some(true)
    } else {
        None
    }
}

/// "one said", "said another": an indefinite pronoun standing for an unnamed speaker.
pub(super) fn lone_pronoun(toks: &[Tok], k: usize) -> Option<Np> {
    let t = toks.get(k)?;
    if !lexicon::lone_pronouns().contains(t.lower()) {
        return None;
    }
    Some(Np {
        toks: k..k + 1,
        span: t.span(),
        kind: MentionKind::Description {
            head: t.lower().into(),
            definite: false,
            possessor: None,
        },
        after_preposition: false,
        gender: None,
    })
}

/// Tokens `d..end` as a description if they look like one: a determiner, words (commas between
/// adjectives allowed), at most `max_prepositions` prepositions, a lower-case head.
pub(super) fn loose_description(
    text: &str,
    toks: &[Tok],
    d: usize,
    end: usize,
    max_prepositions: usize,
) -> Option<Np> {
    if end <= d + 1 {
        return None;
    }
    let body = &toks[d + 1..end];
    let head = body.last()?;
    let prepositions = body.iter().filter(|t| t.is_preposition()).count();
    // Another determiner may only open a prepositional phrase: "a member of the public"; a verb
    // or a conjunction makes a clause of it.
    let words_only = body.iter().enumerate().all(|(k, t)| {
        let after_preposition = k > 0 && body[k - 1].is_preposition();
        (t.is_word() || t.is_punct(text, ","))
            && (is_determiner(t).is_none() || after_preposition)
            && !t.is_speech_verb()
            && !lexicon::description_breaks().contains(t.lower())
    });
    // "the official", "the 46-year-old": lower case, letters with digits or hyphens.
    let lower_head = head.is_word()
        && !head.is_capitalised()
        && head.lower().chars().any(char::is_alphabetic)
        && head
            .lower()
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-');
    if !(words_only && lower_head && prepositions <= max_prepositions) || head.is_preposition() {
        return None;
    }
    let head_word = head.lower().into();
    Some(Np {
        toks: d..end,
        span: toks[d].span().start..head.span().end,
        kind: MentionKind::Description {
            head: head_word,
            definite: is_determiner(&toks[d]) == Some(true),
            possessor: None,
        },
        after_preposition: false,
        gender: None,
    })
}

/// Whether a role word is an adjective of the word after it: "official visit", "campaign
/// manager". A verb form, a function word, a preposition or punctuation after it leaves it a noun
/// ("the official refused", "the official said", "the official in charge").
fn modifies_next(next: &Tok) -> bool {
    if !next.is_word() || next.is_capitalised() {
        return false;
    }
    let verb_form = ["ed", "s", "ing"].iter().any(|e| next.lower().ends_with(e));
    let function = next.has(Class::NON_NAME)
        || next.is_preposition()
        || next.is_adverb()
        || next.is_speech_verb();
    is_role(next) || !(verb_form || function)
}

/// A description: a determiner or a possessor, up to three modifiers, and a role noun:
/// "the official", "The Ukrainian leader", "a senior advisor", "Ruiz's assistant", "her office".
pub(super) fn description(text: &str, toks: &[Tok], i: usize) -> Option<Np> {
    let first = &toks[i];
    if !(first.has(Class::DETERMINER) || first.is_possessive()) {
        return None;
    }
    let definite = !first.has(Class::INDEFINITE);
    let possessor = possessor(text, first);
    for k in i + 1..(i + 6).min(toks.len()) {
        let t = &toks[k];
        if t.is_punct(text, ",")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.is_word() && !n.is_capitalised())
        {
            continue;
        }
        if !t.is_word() {
            return None;
        }
        if is_role(t) && !toks.get(k + 1).is_some_and(|n| modifies_next(n)) {
            // Capitalised names right after ("the economist Ann Berlin") belong to `name`,
            // and so do organisations named in full ("the Department of Finance").
            if named_after_role(toks, k) {
                return None;
            }
            let plural = t.lower().ends_with('s') && !t.lower().ends_with("ss");
            return Some(Np {
                toks: i..k + 1,
                span: first.span().start..t.span().end,
                kind: MentionKind::Description {
                    head: t.lower().into(),
                    definite,
                    possessor,
                },
                after_preposition: false,
                gender: plural.then_some(Gender::Plural),
            });
        }
        if t.is_speech_verb() || t.has(Class::DETERMINER) || t.is_preposition() {
            return None;
        }
    }
    None
}

/// Who a description's opener says owns it: "Ruiz" for "Ruiz's", "her" for "her".
fn possessor(text: &str, first: &Tok) -> Option<CompactString> {
    if first.is_possessive() {
        let s = &text[first.span()];
        Some(CompactString::new(&s[..s.len() - possessive_len(first)]))
    } else if lexicon::possessive_determiners().contains(first.lower()) {
        Some(first.lower().into())
    } else {
        None
    }
}

/// Whether the role at `k` is followed by the name it titles ("the economist Ann Berlin") or is
/// the head of an organisation named in full ("the Department of Finance"): both are names.
fn named_after_role(toks: &[Tok], k: usize) -> bool {
    let named = |n: Option<&Tok>| n.is_some_and(|n| n.is_capitalised() && !n.has(Class::NON_NAME));
    let t = &toks[k];
    let organisation_of = t.is_capitalised()
        && t.has(Class::ORGANISATION_HEAD)
        && toks.get(k + 1).is_some_and(|n| n.lower() == "of")
        && named(toks.get(k + 2));
    named(toks.get(k + 1)) || organisation_of
}
