//! Mentions of people and organisations in a sentence: names (titles stripped), descriptions
//! ("the official", "Ruiz's assistant") and pronouns.

use std::ops::Range;

use compact_str::CompactString;

use super::tokens::{strip_possessive, Tok};
use crate::lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Plural,
    /// "it": an organisation.
    Neuter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name; `name` is its byte range without titles ("Ana Ruiz").
    Name {
        name: Range<usize>,
        organisation: bool,
    },
    /// A description ending in a role noun: "the official", "Ruiz's assistant".
    Description {
        head: CompactString,
        definite: bool,
        possessor: Option<CompactString>,
    },
    Pronoun(Gender),
    /// A relative pronoun subject ("Smith, who said ..."): stands for the mention before it.
    Relative,
}

/// A mention in a sentence's token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// Token indices in the sentence.
    pub toks: Range<usize>,
    /// Byte range of the whole mention, titles and determiner included.
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// Preceded by a preposition: an object, not a subject ("with Prime Minister Smith").
    pub after_preposition: bool,
    /// Gender the mention itself shows (Mr., Mrs.), if any.
    pub gender: Option<Gender>,
}

impl Np {
    pub fn is_name(&self) -> bool {
        matches!(self.kind, MentionKind::Name { .. })
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "that", "this",
];
const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "di", "du", "le", "la", "bin", "al", "del", "st.",
];

/// Every word a text writes in lower case, kept as 64-bit hashes: the set is built from every
/// word of the text, and comparing hashes instead of strings halves its cost. (Two words sharing
/// a hash is a one-in-a-billion-billion chance, and would only make one opener a common word.)
#[derive(Debug, Default)]
pub struct LowerWords(rustc_hash::FxHashSet<u64>);

impl LowerWords {
    fn key(word: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(word)
    }

    pub fn insert(&mut self, word: &str) {
        self.0.insert(Self::key(word));
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(&Self::key(word))
    }
}

/// Finds the mentions among `toks`. `lower_words` holds every word the text writes in lower case,
/// so a capitalised sentence opener like "Negotiators" is not taken for a name.
pub fn find_mentions(text: &str, toks: &[Tok], lower_words: &LowerWords) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no mention: punctuation, quotes, and lower-case words that are no
        // pronoun, determiner or possessive and have no role right after them to title a name.
        let t = &toks[i];
        let may_start = t.is_word()
            && (t.is_capitalised()
                || t.is_possessive()
                || t.has(lexicon::class::PRONOUN)
                || DESCRIPTION_OPENERS.contains(&t.lower())
                || toks[i..toks.len().min(i + 3)].iter().any(is_role));
        if !may_start {
            i += 1;
            continue;
        }
        if let Some(np) = pronoun(toks, i)
            .or_else(|| name(text, toks, i, lower_words))
            .or_else(|| description(text, toks, i))
        {
            i = np.toks.end;
            out.push(np);
        } else {
            i += 1;
        }
    }
    add_speech_verb_descriptions(text, toks, &mut out);
    for np in &mut out {
        np.after_preposition = np.toks.start > 0 && toks[np.toks.start - 1].is_preposition();
    }
    out
}

fn is_determiner(tok: &Tok) -> Option<bool> {
    match tok.lower() {
        "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that" => Some(true),
        "a" | "an" | "another" | "one" => Some(false),
        _ if tok.is_possessive() => Some(true),
        _ => None,
    }
}

/// Which tokens a mention covers or directly follows, and which mention ends where: built once
/// per sentence so that finding speech-verb subjects stays linear in the sentence.
struct Coverage {
    /// At each token boundary: whether a mention covers it, and the index in the original
    /// mention list of the mention ending (exclusive) there. One vector: a sentence's worth of
    /// these is made for every sentence with a speech verb.
    cells: Vec<Cell>,
}

#[derive(Clone, Copy, Default)]
struct Cell {
    taken: bool,
    ends: Option<u32>,
}

impl Coverage {
    fn new(len: usize, nps: &[Np]) -> Self {
        let mut cover = Coverage {
            cells: vec![Cell::default(); len + 1],
        };
        for (n, np) in nps.iter().enumerate() {
            cover.mark(np);
            cover.cells[np.toks.end].ends = Some(n as u32);
        }
        cover
    }

    fn mark(&mut self, np: &Np) {
        for cell in &mut self.cells[np.toks.start..=np.toks.end] {
            cell.taken = true;
        }
    }

    fn taken(&self, k: usize) -> bool {
        self.cells.get(k).is_none_or(|c| c.taken)
    }

    fn ending_at(&self, k: usize) -> Option<usize> {
        self.cells[k].ends.map(|n| n as usize)
    }

    fn push(&mut self, found: &mut Vec<Np>, np: Np) {
        self.mark(&np);
        found.push(np);
    }
}

/// Descriptions whose head is not a known role, found as the subject of a speech verb
/// (`the civil claim said`, `a member of the public, whose name is redacted, wrote`) or after an
/// inverted one (`says the affable proprietor`).
fn add_speech_verb_descriptions(text: &str, toks: &[Tok], out: &mut Vec<Np>) {
    if !toks.iter().any(Tok::is_speech_verb) {
        return;
    }
    let mut found = Vec::new();
    let mut cover = Coverage::new(toks.len(), out);
    for v in (0..toks.len()).filter(|&v| toks[v].is_speech_verb()) {
        let mut j = v;
        while j > 0 && toks[j - 1].is_adverb() {
            j -= 1;
        }
        // A participle ("..., saying") takes the subject of its clause, not a mention before it.
        let participle = toks[v].lower().ends_with("ing");
        if j > 0 && !participle {
            subject_side(text, toks, j, out, &mut found, &mut cover);
        }
        let after = Tok::after_verb(toks, v);
        if after < toks.len() && is_determiner(&toks[after]).is_some() && !cover.taken(after) {
            let end = (after + 1..(after + 9).min(toks.len()))
                .find(|&k| {
                    !toks[k].is_word() || toks[k].lower() == "who" || toks[k].is_speech_verb()
                })
                .unwrap_or(toks.len().min(after + 9));
            let np =
                loose_description(text, toks, after, end, 2).or_else(|| lone_pronoun(toks, after));
            if let Some(np) = np {
                cover.push(&mut found, np);
            }
        }
    }
    out.extend(found);
    out.sort_by_key(|np| np.toks.start);
}

/// The subject of a speech verb whose subject ends at token `j` (exclusive), if no mention
/// stands there yet: a relative pronoun, "one"/"another", a compound description
/// ("the committee chairmen") or any description after a determiner.
fn subject_side(
    text: &str,
    toks: &[Tok],
    mut j: usize,
    out: &mut [Np],
    found: &mut Vec<Np>,
    cover: &mut Coverage,
) {
    let before = &toks[j - 1];
    if matches!(before.lower(), "who" | "which" | "that") && !cover.taken(j - 1) {
        let np = Np {
            toks: j - 1..j,
            span: before.span(),
            kind: MentionKind::Relative,
            after_preposition: false,
            gender: None,
        };
        cover.push(found, np);
        return;
    }
    if let Some(np) = lone_pronoun(toks, j - 1).filter(|_| !cover.taken(j - 1)) {
        cover.push(found, np);
        return;
    }
    // "the committee chairmen": a description followed by one more noun.
    let compound = before.is_word()
        && !before.is_capitalised()
        && !before.is_preposition()
        && before.lower().chars().all(char::is_alphabetic);
    let ending = cover.ending_at(j - 1);
    if let Some(n) = ending.filter(|&n| matches!(out[n].kind, MentionKind::Description { .. })) {
        if compound {
            let np = &mut out[n];
            np.toks.end = j;
            np.span.end = before.span().end;
            if let MentionKind::Description { head, .. } = &mut np.kind {
                *head = before.lower().into();
            }
            cover.cells[j - 1].ends = None;
            cover.cells[j] = Cell {
                taken: true,
                ends: Some(n as u32),
            };
        }
        return;
    }
    if toks[j - 1].is_punct(text, ",") {
        // "a member of the public, whose name is hidden, wrote": the mention before the aside.
        if let Some(k) = (j.saturating_sub(16)..j - 1)
            .rev()
            .find(|&k| toks[k].is_punct(text, ","))
        {
            j = k;
        }
    }
    if j == 0 || cover.taken(j - 1) {
        return;
    }
    // The widest description that fits: "a member of the public", not "the public"; never one
    // that a preposition governs ("marching through the streets").
    let widest = (j.saturating_sub(8)..j)
        .filter(|&d| is_determiner(&toks[d]).is_some())
        .filter(|&d| d == 0 || !toks[d - 1].is_preposition())
        .find_map(|d| loose_description(text, toks, d, j, 1));
    if let Some(np) = widest {
        cover.push(found, np);
    }
}

/// "one said", "said another": an indefinite pronoun standing for an unnamed speaker.
fn lone_pronoun(toks: &[Tok], k: usize) -> Option<Np> {
    let t = toks.get(k)?;
    if !matches!(t.lower(), "one" | "another" | "others" | "some") {
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
fn loose_description(
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
    // Another determiner may only open a prepositional phrase: "a member of the public".
    let words_only = body.iter().enumerate().all(|(k, t)| {
        let after_preposition = k > 0 && body[k - 1].is_preposition();
        (t.is_word() || t.is_punct(text, ","))
            && (is_determiner(t).is_none() || after_preposition)
            && !matches!(
                t.lower(),
                "that" | "which" | "who" | "whom" | "and" | "or" | "but"
            )
    });
    // "the official", "the 46-year-old": lower case, letters with digits or hyphens.
    let lower_head = head.is_word()
        && !head.is_capitalised()
        && head.lower().chars().any(char::is_alphabetic)
        && head
            .lower()
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-');
    let no_verbs = !body.iter().any(|t| {
        t.is_speech_verb()
            || matches!(
                t.lower(),
                "is" | "was" | "are" | "were" | "has" | "had" | "have"
            )
    });
    if !(words_only && lower_head && no_verbs && prepositions <= max_prepositions)
        || head.is_preposition()
    {
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

fn pronoun(toks: &[Tok], i: usize) -> Option<Np> {
    if !toks[i].has(lexicon::class::PRONOUN) {
        return None;
    }
    let gender = match lexicon::pronouns().get(toks[i].lower())?.as_str() {
        "male" => Gender::Male,
        "female" => Gender::Female,
        "neuter" => Gender::Neuter,
        _ => Gender::Plural,
    };
    Some(Np {
        toks: i..i + 1,
        span: toks[i].span(),
        kind: MentionKind::Pronoun(gender),
        after_preposition: false,
        gender: Some(gender),
    })
}

fn is_title(tok: &Tok) -> bool {
    tok.has(lexicon::class::TITLE)
}

fn is_role(tok: &Tok) -> bool {
    tok.has(lexicon::class::ROLE)
}

/// A word that can be part of a name: capitalised, and not a function word or a sentence opener.
fn name_word(toks: &[Tok], i: usize, lower_words: &LowerWords) -> bool {
    let t = &toks[i];
    if !t.is_capitalised() || t.has(lexicon::class::NON_NAME) {
        return false;
    }
    // "Twenty-four", "Forty-Five": number words.
    if let Some((first_part, _)) = t.lower().split_once('-') {
        if lexicon::word_class(first_part) & lexicon::class::NON_NAME != 0 {
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
        if toks[k].is_possessive() || toks[k].has(lexicon::class::FIRST_NAME) {
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
fn name(text: &str, toks: &[Tok], i: usize, lower_words: &LowerWords) -> Option<Np> {
    // "presidential advisor Hale", "general manager Bruce Hamilton": lower-case words ending in
    // a role, right before a capitalised name.
    let lower_role_before_name = |k: usize| {
        (k..(k + 3).min(toks.len())).any(|r| {
            is_role(&toks[r])
                && toks
                    .get(r + 1)
                    .is_some_and(|t| t.is_capitalised() && !t.has(lexicon::class::NON_NAME))
                && toks[k..=r].iter().all(|t| {
                    t.is_word()
                        && !t.is_capitalised()
                        && !t.is_preposition()
                        && !t.is_speech_verb()
                        && !t.has(lexicon::class::NON_NAME)
                })
        })
    };
    // "presidential advisor Hale", "senior aide Smith": one adjective before the role.
    let starts_here = name_word(toks, i, lower_words) || lower_role_before_name(i);
    if !starts_here {
        return None;
    }
    // Extend over capitalised words, initials, particles and "of" inside titles.
    let mut end = i;
    while end < toks.len() {
        let t = &toks[end];
        // A month or modal after a known first name is a surname: "Theresa May", "Ann March".
        let surname_word = end > i
            && t.is_capitalised()
            && toks[end - 1].has(lexicon::class::FIRST_NAME)
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
            && toks[end - 1].has(
                lexicon::class::TITLE | lexicon::class::ROLE | lexicon::class::ORGANISATION_HEAD,
            );
        let joiner = end > i
            && (NAME_PARTICLES.contains(&t.lower()) || of_after_title)
            && toks.get(end + 1).is_some_and(|n| n.is_capitalised());
        if !(in_name || lower_role_before_name(end) || leading_adjective || joiner) {
            break;
        }
        end += 1;
        let name_follows = toks
            .get(end)
            .is_some_and(|n| n.is_capitalised() && !n.has(lexicon::class::NON_NAME));
        if t.is_possessive() && !name_follows {
            break;
        }
    }
    if end == i {
        return None;
    }
    let run = &toks[i..end];
    let last = run.last()?;
    if last.is_possessive() {
        // "Ruiz's assistant", "Gov. Adler's spokeswoman": a description owned by a name.
        if let Some(mut np) = description(text, toks, end - 1) {
            np.toks.start = i;
            np.span.start = run[0].span().start;
            return Some(np);
        }
        // A bare possessor ("Ruiz's claims") still names someone, but is not a subject.
        let name = name_part(run)?;
        return Some(Np {
            toks: i..end,
            span: run[0].span().start..last.span().end,
            kind: MentionKind::Name {
                name,
                organisation: false,
            },
            after_preposition: false,
            gender: honorific_gender(run),
        });
    }
    // A demonym before a common noun ("Ukrainian diplomats", "Notable Brazilian exporters") is
    // an adjective; before a verb ("Palvetzian said") it is a name, and so it is after a first
    // name ("Tom English has").
    if (run.len() == 1 || !run[0].has(lexicon::class::FIRST_NAME))
        && toks.get(end).is_some_and(|t| {
            let verb = t.is_speech_verb() || t.lower().ends_with("ed") || t.is_adverb();
            t.is_word() && !t.is_capitalised() && !verb && !t.has(lexicon::class::NON_NAME)
        })
        && is_demonym(last.lower())
    {
        return None;
    }
    // "the State Department", and "Department of Finance" or "University of Calgary" in full.
    let organisation_of = run[0].has(lexicon::class::ORGANISATION_HEAD)
        && run.get(1).is_some_and(|t| t.lower() == "of");
    let organisation = organisation_of || last.has(lexicon::class::ORGANISATION_HEAD);
    // "the Kremlin" is an organisation; "the economist Ann Berlin" is not.
    let determiner = i > 0 && toks[i - 1].lower() == "the" && run[0].is_capitalised();
    let start_tok = if determiner { i - 1 } else { i };
    let name = match name_part(run) {
        // Its head is part of the organisation's name.
        Some(name) if organisation_of => run[0].span().start..name.end,
        Some(name) => name,
        // Only titles: "the President" is a description.
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
    let gender = honorific_gender(run);
    let end = place_after_name(toks, end);
    Some(Np {
        toks: start_tok..end,
        span: toks[start_tok].span().start..toks[end - 1].span().end,
        kind: MentionKind::Name {
            name,
            organisation: organisation || determiner,
        },
        after_preposition: false,
        gender,
    })
}

/// The gender an honorific in a name shows: Mr., Ms., Sir, Queen.
fn honorific_gender(run: &[Tok]) -> Option<Gender> {
    run.iter().find_map(|t| match t.lower() {
        "mr." | "mr" | "sir" | "lord" | "king" | "prince" | "father" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => {
            Some(Gender::Female)
        }
        _ => None,
    })
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
        let lower = !run[k].is_capitalised();
        // A title word closing a name is a surname: "Charlie King", "Peter T. King", and so is
        // one after an honorific: "Mr. King", "Dr. Marshal".
        // An abbreviation ("Gov.") is never a surname.
        let surname = k > 0
            && (k + 1 == run.len()
                && run[k - 1].is_capitalised()
                && !is_title(&run[k - 1])
                && !run[k].lower().ends_with('.')
                || matches!(
                    run[k - 1].lower(),
                    "mr." | "mrs." | "ms." | "dr." | "mr" | "mrs" | "ms" | "dr"
                ));
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
    if name.iter().all(|t| t.has(lexicon::class::NON_NAME)) {
        return None;
    }
    let end = last.span().end - possessive_len(last);
    Some(first.span().start..end)
}

fn possessive_len(tok: &Tok) -> usize {
    if tok.lower().ends_with("'s") {
        2
    } else if tok.lower().ends_with("’s") {
        "’s".len()
    } else {
        0
    }
}

/// Whether a role word is an adjective of the word after it: "official visit", "campaign
/// manager". A verb form, a function word, a preposition or punctuation after it leaves it a noun
/// ("the official refused", "the official said", "the official in charge").
fn modifies_next(next: &Tok) -> bool {
    if !next.is_word() || next.is_capitalised() {
        return false;
    }
    let verb_form = ["ed", "s", "ing"].iter().any(|e| next.lower().ends_with(e));
    let function = next.has(lexicon::class::NON_NAME)
        || next.is_preposition()
        || next.is_adverb()
        || next.is_speech_verb();
    is_role(next) || !(verb_form || function)
}

/// A description: a determiner or a possessor, up to three modifiers, and a role noun:
/// "the official", "The Ukrainian leader", "a senior advisor", "Ruiz's assistant", "her office".
/// The words a description can open with (besides a possessive): definite ones, then "a", "an".
const DESCRIPTION_OPENERS: &[&str] = &[
    "the", "his", "her", "their", "its", "our", "this", "that", "a", "an",
];

fn description(text: &str, toks: &[Tok], i: usize) -> Option<Np> {
    let first = &toks[i];
    let definite = match first.lower() {
        "a" | "an" => false,
        _ if first.is_possessive() || DESCRIPTION_OPENERS.contains(&first.lower()) => true,
        _ => return None,
    };
    let possessor = if first.is_possessive() {
        let s = &text[first.span()];
        Some(CompactString::new(&s[..s.len() - possessive_len(first)]))
    } else if matches!(first.lower(), "his" | "her" | "their" | "its") {
        Some(first.lower().into())
    } else {
        None
    };
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
            let named = |n: Option<&Tok>| {
                n.is_some_and(|n| n.is_capitalised() && !n.has(lexicon::class::NON_NAME))
            };
            let organisation_of = t.is_capitalised()
                && t.has(lexicon::class::ORGANISATION_HEAD)
                && toks.get(k + 1).is_some_and(|n| n.lower() == "of")
                && named(toks.get(k + 2));
            if named(toks.get(k + 1)) || organisation_of {
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
        if t.is_speech_verb() || DETERMINERS.contains(&t.lower()) || t.is_preposition() {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::{lower_case_copy, tokenize};

    fn mentions(text: &str) -> Vec<(String, String)> {
        let lower = lower_case_copy(text);
        let toks = tokenize(text, &lower, 0..text.len(), &[]);
        find_mentions(text, &toks, &LowerWords::default())
            .into_iter()
            .map(|np| {
                let kind = match &np.kind {
                    MentionKind::Name {
                        name,
                        organisation: true,
                    } => format!("org:{}", &text[name.clone()]),
                    MentionKind::Name { name, .. } => format!("name:{}", &text[name.clone()]),
                    MentionKind::Description { head, .. } => format!("role:{head}"),
                    MentionKind::Pronoun(g) => format!("pronoun:{g:?}"),
                    MentionKind::Relative => "relative".to_string(),
                };
                (text[np.span].to_string(), kind)
            })
            .collect()
    }

    #[test]
    fn titles_are_stripped_from_names() {
        let m = mentions("Polish President Anna Nowak met U.S. Secretary of State Ray Dunn.");
        assert_eq!(m[0].1, "name:Anna Nowak");
        assert_eq!(m[1].1, "name:Ray Dunn");
    }

    #[test]
    fn of_joins_a_title_or_an_organisation_but_not_a_name_and_its_place() {
        let m = mentions("Representative Mary Brown of Ohio met Secretary of State Ray Dunn.");
        assert_eq!(
            m[0],
            (
                "Representative Mary Brown of Ohio".into(),
                "name:Mary Brown".into()
            )
        );
        assert_eq!(m[1].1, "name:Ray Dunn");
        let m = mentions("Sen. Jo Hale of the Sierra Club spoke.");
        assert_eq!(
            m[0],
            (
                "Sen. Jo Hale of the Sierra Club".into(),
                "name:Jo Hale".into()
            )
        );
    }

    #[test]
    fn a_demonym_closing_a_run_before_a_noun_is_an_adjective() {
        let m = mentions("Notable Brazilian exporters include coffee growers.");
        assert!(m.iter().all(|(_, k)| !k.starts_with("name:")), "{m:?}");
        let m = mentions("Tom English has left.");
        assert_eq!(m[0].1, "name:Tom English");
    }

    #[test]
    fn an_organisation_named_in_full_keeps_its_head() {
        let m = mentions("The Department of Finance declined to comment.");
        assert_eq!(m[0].1, "org:Department of Finance");
    }

    #[test]
    fn a_description_owned_by_a_titled_name() {
        let m = mentions("Gov. Adler's spokeswoman spoke.");
        assert_eq!(
            m[0],
            ("Gov. Adler's spokeswoman".into(), "role:spokeswoman".into())
        );
    }

    #[test]
    fn an_opening_participle_is_no_name() {
        for text in [
            "Smiling, she said it was over.",
            "Smiling broadly, Ms. Roe thanked them.",
        ] {
            let m = mentions(text);
            assert!(m.iter().all(|(s, _)| !s.starts_with("Smiling")), "{m:?}");
        }
        assert_eq!(mentions("Manning said no.")[0].1, "name:Manning");
        assert_eq!(mentions("Fleming did not wait.")[0].1, "name:Fleming");
    }

    #[test]
    fn a_title_word_at_the_end_is_a_surname() {
        let m = mentions("Representative Peter T. King and Charlie King spoke.");
        assert_eq!(m[0].1, "name:Peter T. King");
        assert_eq!(m[1].1, "name:Charlie King");
        assert!(mentions("Vermont Gov. and others").is_empty());
        let m = mentions("Then Mr. King spoke.");
        assert_eq!(m[0], ("Mr. King".into(), "name:King".into()));
    }

    #[test]
    fn lower_case_roles_before_a_name_are_titles() {
        let m = mentions(
            "He said, presidential advisor Ushak added, and Clinton spokesman Brian Fallon agreed.",
        );
        assert!(
            m.contains(&("presidential advisor Ushak".into(), "name:Ushak".into())),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Clinton spokesman Brian Fallon".into(),
                "name:Brian Fallon".into()
            )),
            "{m:?}"
        );
    }

    #[test]
    fn descriptions_and_pronouns() {
        let m = mentions(
            "The Ukrainian leader spoke, then the official and Smith's assistant; she left.",
        );
        let kinds: Vec<_> = m.iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "role:leader",
                "role:official",
                "role:assistant",
                "pronoun:Female"
            ]
        );
    }

    #[test]
    fn any_description_can_be_the_subject_of_a_speech_verb() {
        let m = mentions("The civil lawsuit said so, and a member of the public, whose name is hidden, wrote back.");
        assert!(
            m.contains(&("The civil lawsuit".into(), "role:lawsuit".into())),
            "{m:?}"
        );
        assert!(
            m.contains(&("a member of the public".into(), "role:public".into())),
            "{m:?}"
        );
        let m = mentions("says the lanky, bespectacled professor of the school.");
        assert!(
            m.iter()
                .any(|(t, _)| t == "the lanky, bespectacled professor"),
            "{m:?}"
        );
    }

    #[test]
    fn surnames_that_end_like_adjectives_are_names() {
        let m = mentions(
            "Lombardi said no. Chapman admits so. Risch met us. Ukrainian diplomats agreed. Palvetzian said so.",
        );
        let names: Vec<_> = m.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Lombardi", "Chapman", "Risch", "Palvetzian"]);
    }

    #[test]
    fn a_role_word_before_a_noun_is_an_adjective() {
        let m = mentions(
            "On his first official visit, the official refused, and the campaign manager spoke.",
        );
        let kinds: Vec<_> = m.iter().map(|(t, k)| format!("{t}={k}")).collect();
        assert_eq!(
            kinds,
            [
                "the official=role:official",
                "the campaign manager=role:manager"
            ]
        );
    }

    #[test]
    fn months_after_first_names_are_surnames() {
        let m = mentions("Prime Minister Theresa May spoke on May 5.");
        assert_eq!(m[0].1, "name:Theresa May");
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn organisations_with_the() {
        let m = mentions("Late on Monday, the Kremlin declared victory.");
        assert_eq!(m.last().unwrap().0, "the Kremlin");
    }
}
