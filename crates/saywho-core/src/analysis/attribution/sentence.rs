//! One sentence as the rules read it: its tokens and mentions, what each mention resolved to, and
//! the lookups every quote's rules make, computed once for the sentence.

use std::ops::Range;
use std::sync::OnceLock;

use super::clauses::introductory_clause_end;
use super::rules::Evidence;
use crate::analysis::mentions::{Gender, Np};
use crate::analysis::tokens::Tok;
use crate::lexicon;

/// One sentence with its tokens and mentions.
pub(super) struct Sentence<'t> {
    pub span: Range<usize>,
    /// Index of the paragraph the sentence starts in, and where that paragraph ends.
    pub para: usize,
    pub para_end: usize,
    pub toks: Vec<Tok<'t>>,
    pub nps: Vec<Np>,
    /// The entity each mention resolves to (filled in document order).
    pub links: Vec<Option<Link>>,
    /// Lookups the rules make for every quote, computed once so that a sentence with thousands
    /// of quotes stays linear; present only while the sentence is being attributed, and only for
    /// a sentence that a quote's rules read (its own, or the one after it, holds a quote).
    pub index: Option<Box<SentenceIndex>>,
    /// What pass two asks of every sentence, noted by pass one while its tokens are at hand.
    pub marks: Marks,
}

/// The entity a mention resolved to, and the earlier mention it went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    pub entity: usize,
    /// The mention that named the entity for this one: "Roe" for a "he" said of Jo Roe, the name
    /// a description stands for. `None` when the mention names the entity itself.
    pub via: Option<Range<usize>>,
    /// The mention could stand for someone else: another entity in focus fitted the pronoun or
    /// description as well, or nothing gave a pronoun's person a gender.
    pub contested: bool,
}

impl Link {
    /// A mention that names its entity itself.
    pub fn direct(entity: usize) -> Self {
        Link {
            entity,
            via: None,
            contested: false,
        }
    }

    /// A mention that names `entity` through the earlier mention `via`.
    pub fn through(entity: usize, via: Range<usize>) -> Self {
        Link {
            entity,
            via: Some(via),
            contested: false,
        }
    }

    /// The mention that names the entity for `mention`, the mention this link belongs to.
    pub fn named_by(&self, mention: &Range<usize>) -> Range<usize> {
        self.via.clone().unwrap_or_else(|| mention.clone())
    }
}

/// What a sentence holds, noted once so that pass two does not read every token again.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    pub quote: bool,
    pub bracket: bool,
    /// A possessive or object pronoun: "his", "him" (male), "her" (female).
    pub male_focus: bool,
    pub female_focus: bool,
}

impl Marks {
    pub fn of(text: &str, toks: &[Tok]) -> Self {
        let forms = FocusForms::get();
        let mut marks = Marks::default();
        for t in toks {
            // A word is no quote and no bracket: each token is asked only what it can be.
            if !t.is_word() {
                marks.quote |= t.quote().is_some();
                marks.bracket |= t.is_punct(text, "(");
                continue;
            }
            match forms.gender_of(t.lower()) {
                Some(Gender::Male) => marks.male_focus = true,
                Some(Gender::Female) => marks.female_focus = true,
                _ => {}
            }
        }
        marks
    }
}

/// The forms of "he" and "she" that keep a person in focus ([`lexicon::male_pronoun_forms`],
/// [`lexicon::female_pronoun_forms`]). Every token of the text is looked up: a table of the
/// forms' first bytes turns nearly all of them away before any comparison.
struct FocusForms {
    first_bytes: [bool; 256],
    forms: Vec<(&'static str, Gender)>,
}

impl FocusForms {
    fn get() -> &'static Self {
        static FORMS: OnceLock<FocusForms> = OnceLock::new();
        FORMS.get_or_init(|| {
            let male = lexicon::male_pronoun_forms()
                .iter()
                .map(|w| (w, Gender::Male));
            let female = lexicon::female_pronoun_forms()
                .iter()
                .map(|w| (w, Gender::Female));
            let forms: Vec<(&'static str, Gender)> =
                male.chain(female).map(|(w, g)| (w.as_str(), g)).collect();
            let mut first_bytes = [false; 256];
            for (word, _) in &forms {
                first_bytes[usize::from(word.as_bytes()[0])] = true;
            }
            FocusForms { first_bytes, forms }
        })
    }

    fn gender_of(&self, lower: &str) -> Option<Gender> {
        let first = *lower.as_bytes().first()?;
        if !self.first_bytes[usize::from(first)] {
            return None;
        }
        self.forms
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, g)| *g)
    }
}

/// The index of a sentence that is not being attributed: nothing found.
static NO_INDEX: SentenceIndex = SentenceIndex {
    slots: Vec::new(),
    according: None,
    main_subject: None,
    first_subject: None,
    heading_like: false,
};

#[derive(Debug, Default)]
pub(super) struct SentenceIndex {
    /// What the rules look up at each token boundary.
    pub slots: Vec<Slot>,
    /// Token of "according" in "according to".
    pub according: Option<usize>,
    /// First mention outside a prepositional phrase, in the main clause and anywhere.
    pub main_subject: Option<usize>,
    pub first_subject: Option<usize>,
    /// The sentence is short, ends its paragraph and ends without sentence punctuation.
    pub heading_like: bool,
}

/// The lookups at one token boundary.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Slot {
    /// The mention starting, and the one ending (exclusive), here.
    np_start: Option<u32>,
    np_end: Option<u32>,
    /// The nearest speech verb before the token.
    pub verb_before: Option<u32>,
}

impl SentenceIndex {
    /// The index of sentence `s`, built in `spare` (the index of a retired sentence, or a new
    /// one): every sentence needs one in turn, and only two are alive at a time.
    pub fn new(spare: Option<Box<Self>>, text: &str, s: &Sentence) -> Box<Self> {
        let (toks, nps) = (&s.toks, &s.nps);
        let mut index = spare.unwrap_or_default();
        let mut slots = std::mem::take(&mut index.slots);
        slots.clear();
        slots.resize(toks.len() + 1, Slot::default());
        for (n, np) in nps.iter().enumerate() {
            // A possessor ("ABC's program") is never the subject or the speaker.
            if np.is_name() && toks[np.toks.end - 1].is_possessive() {
                continue;
            }
            slots[np.toks.start].np_start.get_or_insert(n as u32);
            slots[np.toks.end].np_end.get_or_insert(n as u32);
        }
        let mut last = None;
        for (k, slot) in slots.iter_mut().enumerate() {
            slot.verb_before = last;
            if toks.get(k).is_some_and(Tok::is_speech_verb) {
                last = Some(k as u32);
            }
        }
        let according = toks
            .windows(2)
            .position(|w| w[0].lower() == "according" && w[1].lower() == "to");
        let first_from = |from: usize| {
            nps.iter()
                .position(|np| np.toks.start >= from && !np.after_preposition)
        };
        let main_clause = introductory_clause_end(text, toks).unwrap_or(0);
        *index = SentenceIndex {
            slots,
            according,
            main_subject: first_from(main_clause),
            first_subject: first_from(0),
            heading_like: is_heading_like(text, &s.span, s.para_end),
        };
        index
    }
}

/// A short sentence that ends its paragraph without sentence punctuation: a heading.
fn is_heading_like(text: &str, span: &Range<usize>, para_end: usize) -> bool {
    let sentence = &text[span.clone()];
    let end = sentence.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    let open_ended = !end.ends_with(['.', '?', '!', ':', ';', ',', '…']);
    open_ended
        && text[span.end..para_end].trim().is_empty()
        && sentence.split_whitespace().take(13).count() <= 12
}

impl Sentence<'_> {
    /// The entity mention `n` resolved to.
    pub fn entity(&self, n: usize) -> Option<usize> {
        self.links[n].as_ref().map(|link| link.entity)
    }

    /// What an attribution resting on mention `n` of this sentence, with `cue`, rests on.
    pub fn evidence(&self, n: usize, cue: Option<Range<usize>>) -> Evidence {
        Evidence {
            mention: self.nps[n].span.clone(),
            link: self.links[n].clone(),
            cue,
            resolution: self.nps[n].resolution(),
        }
    }

    pub fn index(&self) -> &SentenceIndex {
        self.index.as_deref().unwrap_or(&NO_INDEX)
    }

    /// The mention that starts at token `k`.
    pub fn np_at_start(&self, k: usize) -> Option<usize> {
        let slot = self.index().slots.get(k)?;
        slot.np_start.map(|n| n as usize)
    }

    /// The mention that ends (exclusive) at token `k`.
    pub fn np_at_end(&self, k: usize) -> Option<usize> {
        let slot = self.index().slots.get(k)?;
        slot.np_end.map(|n| n as usize)
    }

    /// Whether the sentence holds a quote.
    pub fn has_quote(&self) -> bool {
        self.toks.iter().any(|t| t.quote().is_some())
    }
}
