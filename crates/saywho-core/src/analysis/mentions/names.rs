//! Names: runs of capitalised words with the titles and roles written before them, and the
//! organisations among them.

use std::ops::Range;

use super::descriptions::description;
use super::{is_role, is_title, possessive_len, Gender, LowerWords, MentionKind, Np};
use crate::analysis::tokens::{strip_possessive, Tok};
use crate::lexicon::{self, Class};

/// A word that can be part of a name: capitalised, and not a function word or a sentence opener.
fn name_word(toks: &[Tok], i: usize, lower_words: &LowerWords) -> bool {
    let t = &toks[i];
    if !t.is_capitalised() || t.has(Class::NON_NAME) {
        return false;
    }
    // "Twenty-four", "Forty-Five": number words.
    // (A byte scan: a word is short, and a searcher costs more to set up than to run.)
    if let Some(hyphen) = t.lower().bytes().position(|b| b == b'-') {
        if lexicon::word_class(&t.lower()[..hyphen]).contains(Class::NON_NAME) {
            return false;
        }
    }
    // A capitalised opener that the text also writes in lower case is a common word, and so is
    // an opening role noun that is no title ("Officials said") and an opening participle
    // ("Smiling, she said").
    let bare = strip_possessive(t.lower());
    // Surnames end in -ing too ("Manning did", "Fleming on Tuesday"): only a comma or a manner
    // adverb after it shows a participle.
    let participle = t.lower().ends_with("ing")
        && toks
            .get(i + 1)
            .is_some_and(|n| !n.is_word() || n.lower().ends_with("ly"));
    !(i == 0 && (lower_words.contains(bare) || is_role(t) || participle) && !is_title(t))
}

/// "Jeb Roe of Florida", "Ann Roe of the Sierra Club": where the person is from belongs to the
/// mention (so "... of Florida said" is a cue right after the name), not to the name. Returns
/// the end of the mention, past the place when there is one.
fn place_after_name(toks: &[Tok], end: usize) -> usize {
    if toks.get(end).is_none_or(|t| t.lower() != "of") {
        return end;
    }
    let mut k = end + 1;
    if toks.get(k).is_some_and(|t| t.lower() == "the") {
        k += 1;
    }
    let place = k;
    while toks.get(k).is_some_and(Tok::is_capitalised) {
        // "Part of Ian Roe's ...": a person, not a place.
        if toks[k].is_possessive() || toks[k].has(Class::FIRST_NAME) {
            return end;
        }
        k += 1;
    }
    if k > place {
        k
    } else {
        end
    }
}

/// A run of capitalised words, with titles and a role written before it:
/// "Polish President Anna Nowak", "presidential advisor Hale",
/// "U.S. Secretary of State Ray Dunn", "the Kremlin".
pub(super) fn name(text: &str, toks: &[Tok], i: usize, lower_words: &LowerWords) -> Option<Np> {
    if !(name_word(toks, i, lower_words) || lower_role_before_name(toks, i)) {
        return None;
    }
    let end = run_end(toks, i, lower_words);
    if end == i {
        return None;
    }
    let run = &toks[i..end];
    if run[run.len() - 1].is_possessive() {
        return possessive_run(text, toks, i, end);
    }
    if demonym_before_noun(toks, i, end) {
        return None;
    }
    titled_name(toks, i, end)
}

/// "presidential advisor Hale", "general manager Bruce Hamilton": lower-case words from `k`
/// ending in a role (one adjective or two before it), right before a capitalised name.
fn lower_role_before_name(toks: &[Tok], k: usize) -> bool {
    (k..(k + 3).min(toks.len())).any(|r| {
        is_role(&toks[r])
            && toks
                .get(r + 1)
                .is_some_and(|t| t.is_capitalised() && !t.has(Class::NON_NAME))
            && toks[k..=r].iter().all(|t| {
                t.is_word()
                    && !t.is_capitalised()
                    && !t.is_preposition()
                    && !t.is_speech_verb()
                    && !t.has(Class::NON_NAME)
            })
    })
}

/// The end (exclusive) of the run of name words from `i`: a possessive ends it unless a name
/// follows ("Gov. Adler's spokeswoman" stops at "Adler's").
fn run_end(toks: &[Tok], i: usize, lower_words: &LowerWords) -> usize {
    let mut end = i;
    while end < toks.len() && extends_run(toks, i, end, lower_words) {
        let possessive = toks[end].is_possessive();
        end += 1;
        let name_follows = toks
            .get(end)
            .is_some_and(|n| n.is_capitalised() && !n.has(Class::NON_NAME));
        if possessive && !name_follows {
            break;
        }
    }
    end
}

/// Whether token `end` belongs to the run that starts at `i`: capitalised words, initials,
/// particles, "of" inside titles, and the lower-case role words titling a name.
fn extends_run(toks: &[Tok], i: usize, end: usize, lower_words: &LowerWords) -> bool {
    let t = &toks[end];
    // A month or modal after a known first name is a surname: "Theresa May", "Ann March".
    let surname_word = end > i
        && t.is_capitalised()
        && toks[end - 1].has(Class::FIRST_NAME)
        && toks
            .get(end + 1)
            .is_none_or(|n| !n.lower().chars().all(|c| c.is_ascii_digit()));
    let in_name = surname_word
        || name_word(toks, end, lower_words)
        || (end > i && t.is_capitalised() && is_title(t));
    let leading_adjective = end == i && !t.is_capitalised() && !is_role(t);
    // "of" after a title or an organisation ("Secretary of State", "University of Calgary"),
    // not after a person's name ("Mary Brown of Boston").
    let of_after_title = t.lower() == "of"
        && toks[end - 1].has(Class::TITLE | Class::ROLE | Class::ORGANISATION_HEAD);
    // Particles may come in a chain before the surname: "van der Vliet", "de la Cruz".
    let is_particle = |t: &Tok| lexicon::name_particles().contains(t.lower());
    let joiner = end > i
        && (is_particle(t) || of_after_title)
        && toks[end + 1..]
            .iter()
            .take(3)
            .find(|n| !is_particle(n))
            .is_some_and(|n| n.is_capitalised());
    in_name || lower_role_before_name(toks, end) || leading_adjective || joiner
}

/// A run `i..end` ending in a possessive: "Ruiz's assistant" and "Gov. Adler's spokeswoman" are
/// descriptions owned by a name; a bare possessor ("Ruiz's claims") still names someone, but is
/// not a subject.
fn possessive_run(text: &str, toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let run = &toks[i..end];
    if let Some(mut np) = description(text, toks, end - 1) {
        np.toks.start = i;
        np.span.start = run[0].span().start;
        return Some(np);
    }
    Some(Np {
        toks: i..end,
        span: run[0].span().start..run[run.len() - 1].span().end,
        kind: MentionKind::Name {
            name: name_part(run)?,
            organisation: false,
        },
        after_preposition: false,
        gender: honorific_gender(run),
    })
}

/// A demonym closing the run `i..end` before a common noun ("Ukrainian diplomats", "Notable
/// Brazilian exporters") is an adjective; before a verb ("Palvetzian said") it is a name, and so
/// it is after a first name ("Tom English has").
fn demonym_before_noun(toks: &[Tok], i: usize, end: usize) -> bool {
    let run = &toks[i..end];
    (run.len() == 1 || !run[0].has(Class::FIRST_NAME))
        && toks.get(end).is_some_and(|t| {
            let verb = t.is_speech_verb() || t.lower().ends_with("ed") || t.is_adverb();
            t.is_word() && !t.is_capitalised() && !verb && !t.has(Class::NON_NAME)
        })
        && is_demonym(run[run.len() - 1].lower())
}

/// The mention of the run `i..end`: a name without its titles, an organisation ("the State
/// Department", "Department of Finance" in full), or a description when the run holds only
/// titles ("the President").
fn titled_name(toks: &[Tok], i: usize, end: usize) -> Option<Np> {
    let run = &toks[i..end];
    let last = &run[run.len() - 1];
    // "University of Northern Ontario political scientist Hamish Grant": a lower-case role
    // after the organisation makes the name its member's.
    let member_role = run
        .iter()
        .skip(2)
        .any(|t| !t.is_capitalised() && is_role(t));
    let organisation_of = run[0].has(Class::ORGANISATION_HEAD)
        && run.get(1).is_some_and(|t| t.lower() == "of")
        && !member_role;
    let organisation = organisation_of || last.has(Class::ORGANISATION_HEAD);
    // "the Kremlin" is an organisation; "the economist Ann Berlin" is not.
    let determiner = i > 0 && toks[i - 1].lower() == "the" && run[0].is_capitalised();
    let start_tok = if determiner { i - 1 } else { i };
    let name = match name_part(run) {
        // Its head is part of the organisation's name.
        Some(name) if organisation_of => run[0].span().start..name.end,
        Some(name) => name,
        None if is_role(last) => {
            return Some(Np {
                toks: start_tok..end,
                span: toks[start_tok].span().start..last.span().end,
                kind: MentionKind::Description {
                    head: last.lower().into(),
                    definite: determiner,
                    possessor: None,
                },
                after_preposition: false,
                gender: None,
            })
        }
        None => return None,
    };
    let end = place_after_name(toks, end);
    Some(Np {
        toks: start_tok..end,
        span: toks[start_tok].span().start..toks[end - 1].span().end,
        kind: MentionKind::Name {
            name,
            organisation: organisation || determiner,
        },
        after_preposition: false,
        gender: honorific_gender(run),
    })
}

/// The gender an honorific in a name shows: Mr., Ms., Sir, Queen.
fn honorific_gender(run: &[Tok]) -> Option<Gender> {
    run.iter()
        .filter(|t| t.has(Class::HONORIFIC))
        .find_map(|t| lexicon::honorifics().value(t.lower()))
        .map(Gender::of_kind)
}

/// A nationality adjective: Ukrainian, American, Chinese, British, Israeli.
fn is_demonym(lower: &str) -> bool {
    let suffixes = ["ian", "ean", "ican", "ese", "ish", "ani", "aqi", "eli"];
    lower.len() > 4 && suffixes.iter().any(|s| lower.ends_with(s))
}

/// The name inside a run: what follows the last title or role word (and an "of State" after it).
fn name_part(run: &[Tok]) -> Option<Range<usize>> {
    let mut start = 0;
    let mut k = 0;
    while k < run.len() {
        // A particle inside a name is part of it: "Ben van der Vliet".
        let particle = k > 0 && lexicon::name_particles().contains(run[k].lower());
        let lower = !run[k].is_capitalised() && !particle;
        // A title word closing a name is a surname: "Charlie King", "Peter T. King", and so is
        // one after an honorific: "Mr. King", "Dr. Marshal".
        // An abbreviation ("Gov.") is never a surname.
        let surname = k > 0
            && (k + 1 == run.len()
                && run[k - 1].is_capitalised()
                && !is_title(&run[k - 1])
                && !run[k].lower().ends_with('.')
                || lexicon::surname_honorifics().contains(run[k - 1].lower()));
        if (is_title(&run[k]) && !surname) || lower || run[k].is_possessive() && k + 1 < run.len() {
            start = k + 1;
            if run.get(k + 1).is_some_and(|t| t.lower() == "of") {
                start = k + 3;
                k += 2;
            }
        }
        k += 1;
    }
    let name = run.get(start..)?;
    let first = name.first()?;
    let last = name.last()?;
    if name.iter().all(|t| t.has(Class::NON_NAME)) {
        return None;
    }
    let end = last.span().end - possessive_len(last);
    Some(first.span().start..end)
}
