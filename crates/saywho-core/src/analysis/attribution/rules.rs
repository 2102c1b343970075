//! The sieve: the attribution rules as data, in the order they run ([`RULES`]), and the loop that
//! runs them for one quote. The first rule that finds a speaker decides; each quote records it.

use std::ops::Range;

use super::clauses::{
    according_to, colon, cue_after, cue_before, cue_later, named_in_apposition, sentence_subject,
    speech_subject, Cue,
};
use super::entities::Entity;
use super::sentence::{Link, Sentence};
use crate::analysis::quotes::QuoteSpan;
use crate::confidence::Resolution;
use crate::document::EntityKind;
use crate::lexicon;

/// The rule that decided a quote's speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    CueAfter,
    CueBefore,
    Colon,
    AccordingTo,
    CueLater,
    Continuation,
    PreviousSentence,
    PreviousSubject,
}

impl Rule {
    /// Every rule, in the order the sieve first tries it.
    pub const ALL: [Rule; 8] = [
        Rule::CueAfter,
        Rule::CueBefore,
        Rule::Colon,
        Rule::AccordingTo,
        Rule::CueLater,
        Rule::Continuation,
        Rule::PreviousSentence,
        Rule::PreviousSubject,
    ];

    /// The rule's name, as the exports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::CueAfter => "cue-after",
            Rule::CueBefore => "cue-before",
            Rule::Colon => "colon",
            Rule::AccordingTo => "according-to",
            Rule::CueLater => "cue-later",
            Rule::Continuation => "continuation",
            Rule::PreviousSentence => "previous-sentence",
            Rule::PreviousSubject => "previous-subject",
        }
    }

    /// What the rule reads, in one line.
    pub fn description(self) -> &'static str {
        match self {
            Rule::CueAfter => {
                r#"a speech verb right after the quote, its speaker on either side: `"...," Smith added`, `"...," said the spokesman`, `"...," said former Sen. Jo Roe`"#
            }
            Rule::CueBefore => {
                r#"the nearest speech verb before the quote, and its subject: `Smith responded, "..."`, `Smith termed it "rather useful"`"#
            }
            Rule::Colon => {
                r#"a quote after a colon, spoken by the subject of the speech verb before it, else of the sentence: `The official refused, adding only: "..."`"#
            }
            Rule::AccordingTo => {
                r#"`according to` and a mention, for every quote of its sentence: `according to Smith's assistant, "..."`"#
            }
            Rule::CueLater => {
                r#"a reporting clause later in the sentence, before any other quote: `...are "substantially involved" in it, Smith said on Tuesday.`"#
            }
            Rule::Continuation => {
                "a quote with no cue keeps the speaker of the last quote of its paragraph (or of the one before, for \
                 a quote opening a paragraph): of its own or the previous sentence first, of one further back only \
                 where previous-sentence and previous-subject find no one; the parts of a quote over several \
                 paragraphs share one speaker"
            }
            Rule::PreviousSentence => {
                r#"a quote with no cue opening its sentence, after a sentence in which someone speaks: `Smith said the ward was full.` then `"We had no beds left."`"#
            }
            Rule::PreviousSubject => {
                r#"a quote with no cue opening its sentence, after a sentence about a person, with no quote: `Brooks found a flat in October.` then `"It feels warm."`"#
            }
        }
    }

    /// A text whose last quote this rule attributes, and the speaker it finds.
    pub fn example(self) -> (&'static str, &'static str) {
        match self {
            Rule::CueAfter => (
                r#""The ferry will run all winter," said harbour master Ilse Brandt."#,
                "Ilse Brandt",
            ),
            Rule::CueBefore => (
                r#"Councillor Omar Haddad told reporters, "The vote is on Thursday.""#,
                "Omar Haddad",
            ),
            Rule::Colon => (
                r#"Nurse Kate Morrow put it simply: "We need more hands on the ward.""#,
                "Kate Morrow",
            ),
            Rule::AccordingTo => (
                r#"According to Judge Rita Vance, the ruling "changes nothing for tenants.""#,
                "Rita Vance",
            ),
            Rule::CueLater => (
                r#"Tenants were "left in the dark" for months, housing officer Lena Brooks said on Monday."#,
                "Lena Brooks",
            ),
            Rule::Continuation => (
                r#""We lost the final," said coach Marta Reyes. "Next season we start again.""#,
                "Marta Reyes",
            ),
            Rule::PreviousSentence => (
                r#"Dr. Hugo Lind said the ward had been full since Friday. "We turned people away.""#,
                "Hugo Lind",
            ),
            Rule::PreviousSubject => (
                r#"Nadia Frost, 41, moved into the flat in October. "It finally feels like home.""#,
                "Nadia Frost",
            ),
        }
    }

    /// The rules as a Markdown table (for the README).
    pub fn markdown_table() -> String {
        let mut out = String::from("| rule | what decides it | example |\n|---|---|---|\n");
        for rule in Rule::ALL {
            let (text, speaker) = rule.example();
            out.push_str(&format!(
                "| `{}` | {} | `{text}` → {speaker} |\n",
                rule.as_str(),
                rule.description()
            ));
        }
        out
    }
}

/// The sieve, in the order it runs: the precise cues in the quote's own sentence first, then the
/// context a quote without a cue continues. After the sieve, the parts of a quote running over
/// several paragraphs that found no speaker share the first found one's, as [`Rule::Continuation`]
/// ([`share_across_paragraph_parts`]).
pub const RULES: &[Step] = &[
    Step::cue(
        Rule::CueAfter,
        cue_after,
        Scare::Read,
        IfUnresolved::NoSpeaker,
    ),
    Step::cue(
        Rule::CueBefore,
        cue_before,
        Scare::Skip,
        IfUnresolved::AskContext,
    ),
    Step::cue(Rule::Colon, colon, Scare::Skip, IfUnresolved::AskContext),
    Step::cue(
        Rule::AccordingTo,
        according_to,
        Scare::Skip,
        IfUnresolved::AskContext,
    ),
    Step::cue(
        Rule::CueLater,
        cue_later,
        Scare::Read,
        IfUnresolved::AskContext,
    ),
    Step::context(Rule::Continuation, continues_recent_quote),
    Step::context(Rule::PreviousSentence, previous_speaker),
    Step::context(Rule::PreviousSubject, previous_subject),
    Step::context(Rule::Continuation, continues_earlier_quote),
];

/// One rule of the sieve: what it records, and what it reads.
pub struct Step {
    pub rule: Rule,
    reads: Reads,
}

enum Reads {
    /// A cue in the quote's own sentence: the speaking mention and the cue.
    Cue {
        find: fn(&str, &Sentence, usize) -> Option<Cue>,
        scare: Scare,
        if_unresolved: IfUnresolved,
    },
    /// The quotes and sentences before; never for a partial quote, which needs a cue of its own.
    Context(fn(&QuoteAt) -> Option<Evidence>),
}

/// Whether a cue rule reads a scare quote (a word or two with no punctuation: "sextortion",
/// "road map"): only a reporting clause after it says who used the words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scare {
    Read,
    Skip,
}

/// What a cue whose speaker cannot be resolved ("it now says" with nothing for "it") leaves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum IfUnresolved {
    /// No speaker: a cue right by the quote makes weaker rules mere guesses.
    NoSpeaker,
    /// The other cue rules are passed over; the context rules may still find the speaker.
    AskContext,
}

impl Step {
    const fn cue(
        rule: Rule,
        find: fn(&str, &Sentence, usize) -> Option<Cue>,
        scare: Scare,
        if_unresolved: IfUnresolved,
    ) -> Step {
        let reads = Reads::Cue {
            find,
            scare,
            if_unresolved,
        };
        Step { rule, reads }
    }

    const fn context(rule: Rule, find: fn(&QuoteAt) -> Option<Evidence>) -> Step {
        let reads = Reads::Context(find);
        Step { rule, reads }
    }
}

/// What an attribution rests on: the mention, the entity it resolved to, and the cue.
#[derive(Debug, Clone)]
pub(super) struct Evidence {
    pub mention: Range<usize>,
    pub link: Option<Link>,
    pub cue: Option<Range<usize>>,
    /// How the mention names its entity.
    pub resolution: Resolution,
}

/// What the sieve found for a quote.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub evidence: Evidence,
    pub rule: Rule,
}

/// What the rules read for one quote.
pub(super) struct QuoteAt<'a, 't> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    /// The sentences; the rules read the quote's own and the one before.
    pub sentences: &'a [Sentence<'t>],
    /// The quote's sentence, and its token there.
    pub si: usize,
    pub qt: usize,
    /// The quoted text, marks included.
    pub quote: &'a str,
    /// The last quote a quote without a cue may continue, and its sentence.
    pub last_quote: Option<(usize, usize)>,
    /// The attributions of the quotes before this one.
    pub done: &'a [Option<Found>],
}

/// Runs the sieve for one quote.
pub(super) fn attribute(at: &QuoteAt) -> Option<Found> {
    let s = at.sentence();
    if is_title_like(at.quote) || (s.index().heading_like && at.quote.len() < 120) {
        return None;
    }
    let scare = is_scare_quote(at.quote);
    let partial = starts_lower(at.quote);
    let mut skip_cues = false;
    for step in RULES {
        let evidence = match step.reads {
            Reads::Cue {
                find,
                scare: reads_scare,
                if_unresolved,
            } => {
                if skip_cues || (scare && reads_scare == Scare::Skip) {
                    continue;
                }
                let Some((np, cue)) = find(at.text, s, at.qt) else {
                    continue;
                };
                let np = named_in_apposition(at.text, s, np);
                if s.links[np].is_none() {
                    match if_unresolved {
                        IfUnresolved::NoSpeaker => return None,
                        IfUnresolved::AskContext => skip_cues = true,
                    }
                    continue;
                }
                s.evidence(np, cue)
            }
            // `"The risk," said Roe, an economist, "is that prices rise."`: the rest of a quote
            // its own speech cue interrupts.
            Reads::Context(_) if partial => {
                return split_quote_rest(at).map(|evidence| Found {
                    evidence,
                    rule: Rule::Continuation,
                })
            }
            Reads::Context(find) => match find(at) {
                Some(evidence) => evidence,
                None => continue,
            },
        };
        return Some(Found {
            evidence,
            rule: step.rule,
        });
    }
    None
}

impl<'t> QuoteAt<'_, 't> {
    fn sentence(&self) -> &Sentence<'t> {
        &self.sentences[self.si]
    }

    /// Whether a quote without a cue may continue sentence `other`: one of its paragraph, or of
    /// the paragraph before when the quote opens a paragraph.
    fn reaches(&self, other: usize) -> bool {
        let (s, other) = (self.sentence(), &self.sentences[other]);
        let starts_para = self.si == 0 || self.sentences[self.si - 1].para != s.para;
        s.para == other.para || (starts_para && self.qt == 0 && s.para == other.para + 1)
    }

    /// The sentence before, when the quote opens its sentence and may continue it.
    fn previous_sentence(&self) -> Option<&Sentence<'t>> {
        (self.si > 0 && self.qt == 0 && self.reaches(self.si - 1))
            .then(|| &self.sentences[self.si - 1])
    }

    /// The last attributed quote within reach: its sentence and what it rests on.
    fn previous_quote(&self) -> Option<(usize, &Evidence)> {
        let (qi, qs) = self.last_quote?;
        if !self.reaches(qs) && qs != self.si {
            return None;
        }
        Some((qs, &self.done[qi].as_ref()?.evidence))
    }
}

/// The speaker of the last quote, in this sentence or the one before.
fn continues_recent_quote(at: &QuoteAt) -> Option<Evidence> {
    let (qs, evidence) = at.previous_quote()?;
    (qs + 1 >= at.si).then(|| evidence.clone())
}

/// The second part of a quote split by its reporting clause: the last quote is in the same
/// sentence, and its cue and speaker stand between the two parts, with nothing else but
/// commas and an appositive.
fn split_quote_rest(at: &QuoteAt) -> Option<Evidence> {
    let (qi, qs) = at.last_quote?;
    let evidence = &at.done[qi].as_ref()?.evidence;
    let s = at.sentence();
    let first = s.toks.iter().position(|t| t.quote() == Some(qi))?;
    let (first_end, this_start) = (s.toks[first].span().end, s.toks[at.qt].span().start);
    let cue = evidence.cue.as_ref()?;
    let between = |r: &Range<usize>| r.start >= first_end && r.end <= this_start;
    let comma_before = at.qt > 0 && s.toks[at.qt - 1].is_punct(at.text, ",");
    (qs == at.si && between(cue) && between(&evidence.mention) && comma_before)
        .then(|| evidence.clone())
}

/// The speaker of the last quote, further back in the paragraph (or the one before).
fn continues_earlier_quote(at: &QuoteAt) -> Option<Evidence> {
    at.previous_quote().map(|(_, evidence)| evidence.clone())
}

/// `Smith said the ward was full.` before a quote with no cue: who spoke in the sentence before.
fn previous_speaker(at: &QuoteAt) -> Option<Evidence> {
    let prev = at.previous_sentence()?;
    let (n, cue) = speech_subject(at.text, prev)?;
    Some(prev.evidence(n, cue)).filter(|e| e.link.is_some())
}

/// `Brooks moved in on Oct. 1.` before a quote with no cue: the person the sentence is about,
/// when it has no quote of its own.
fn previous_subject(at: &QuoteAt) -> Option<Evidence> {
    let prev = at.previous_sentence()?;
    if prev.has_quote() {
        return None;
    }
    let n = sentence_subject(prev, prev.toks.len())?;
    let e = &at.entities[prev.entity(n)?];
    (e.kind == EntityKind::Person && e.person).then(|| prev.evidence(n, None))
}

/// The paragraphs of a multi-paragraph quote share one speaker: the first part that has one
/// gives it to the parts without, as a continuation.
pub(super) fn share_across_paragraph_parts(quotes: &[QuoteSpan], result: &mut [Option<Found>]) {
    let mut i = 0;
    while i < quotes.len() {
        let mut j = i;
        while j + 1 < quotes.len() && quotes[j].open_end {
            j += 1;
        }
        if j > i {
            if let Some(f) = (i..=j).find_map(|k| result[k].clone()) {
                for slot in &mut result[i..=j] {
                    if slot.is_none() {
                        *slot = Some(Found {
                            rule: Rule::Continuation,
                            ..f.clone()
                        });
                    }
                }
            }
        }
        i = j + 1;
    }
}

/// Whether a quote starts in lower case: a partial quote, a phrase inside paraphrase.
pub(super) fn starts_lower(quote: &str) -> bool {
    quote
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// One or two words in quotes without punctuation: "sextortion", "road map".
pub(super) fn is_scare_quote(quote: &str) -> bool {
    let inner = quote.trim_matches(['"', '\'', '“', '”', '‘', '’', '«', '»', '„', '`', ' ']);
    inner.split_whitespace().nth(2).is_none()
        && !inner.contains(|c: char| c.is_ascii_punctuation() && c != '-' && c != '\'')
}

/// A title or name in quotes ("Meet the Press", "The Art of the Deal"): every word capitalised
/// but small ones, at most six words, no sentence punctuation.
pub(super) fn is_title_like(quote: &str) -> bool {
    let inner = quote.trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split_whitespace();
    let count = words.clone().take(7).count();
    if count == 0 || count > 6 || inner.contains(['.', '!', '?', ',']) {
        return false;
    }
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    if count == 1 {
        return capitalised(inner) && !quote.contains([',', '.']);
    }
    let small = lexicon::title_small_words();
    capitalised(inner) && { words }.all(|w| capitalised(w) || small.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_attributes_its_own_example() {
        for rule in Rule::ALL {
            let (text, speaker) = rule.example();
            let doc = crate::analyze(text.to_string());
            let quote = doc.quotes().last().expect(text);
            let found = doc.speaker_of(quote).map(|s| s.name.as_str());
            assert_eq!((found, quote.rule), (Some(speaker), Some(rule)), "{text}");
        }
    }

    #[test]
    fn the_rules_in_order_are_every_rule_in_the_sieve() {
        let mut first_seen: Vec<Rule> = Vec::new();
        for step in RULES {
            if !first_seen.contains(&step.rule) {
                first_seen.push(step.rule);
            }
        }
        assert_eq!(first_seen, Rule::ALL);
    }

    #[test]
    fn readme_rule_table_is_the_sieve() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let table = Rule::markdown_table();
        assert!(
            readme.contains(&table),
            "README rule table is stale; paste:\n{table}"
        );
    }

    #[test]
    fn scare_quotes_are_short_and_bare() {
        assert!(is_scare_quote("“sextortion”"));
        assert!(is_scare_quote("\"road map\""));
        assert!(!is_scare_quote("\"finalized,\""));
        assert!(!is_scare_quote("\"specific wording.\""));
        assert!(!is_scare_quote("“we will never give up”"));
    }

    #[test]
    fn titles_are_capitalised_short_phrases() {
        assert!(is_title_like("\"Meet the Press\""));
        assert!(is_title_like("\"The Art of the Deal\""));
        assert!(!is_title_like("\"Not further, that's for sure.\""));
        assert!(!is_title_like("\"Take the Money and run\""));
    }
}
