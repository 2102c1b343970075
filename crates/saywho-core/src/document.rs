//! The document model: the text verbatim plus everything the analysis found in it.
//!
//! All offsets are byte offsets into [`Document::text`], end-exclusive. A document is built once,
//! by [`Document::new`] from its [`DocumentParts`], which checks the invariants the reader and the
//! exporters rely on ([`Document::check`]; the analysis, in [`crate::analyze`], builds documents
//! that keep them and checks them in debug builds); it has no way to change afterwards: they only
//! read it.

use std::ops::Range;

mod check;

pub(crate) use check::is_whole_chars;
pub use check::InvariantError;

/// Index of a speaker in [`Document::speakers`].
pub type SpeakerId = usize;

/// An analysed article: its text and everything found in it, checked against the
/// [`Document::check`] invariants when it is built and read-only after.
#[derive(Debug, Clone, Default)]
pub struct Document {
    parts: DocumentParts,
}

/// What a [`Document`] is made of, handed to [`Document::new`] once. All spans are byte ranges
/// into `text`, end-exclusive.
#[derive(Debug, Clone, Default)]
pub struct DocumentParts {
    /// The input text exactly as read.
    pub text: String,
    /// Paragraphs: maximal runs of non-blank text between line breaks.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, in text order; one runs over a line break only where a quotation does.
    pub sentences: Vec<Range<usize>>,
    /// Quoted passages in text order (quotation marks included).
    pub quotes: Vec<Quote>,
    /// Mentions of people and organisations found outside quotations.
    pub mentions: Vec<Mention>,
    /// Reported statements (speech outside quotation marks), in text order, apart.
    pub reported: Vec<Reported>,
    /// Canonical speakers; `Quote::speaker` and `Reported::speaker` index into this list.
    pub speakers: Vec<Speaker>,
    /// Headings: heading lines and run-in headings glued to the start of a paragraph.
    pub headings: Vec<Range<usize>>,
}

/// Whether a quotation is a whole statement or a phrase inside paraphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The whole statement is quoted.
    Direct,
    /// A quoted phrase inside the reporter's own sentence.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted passage, marks included. A quote continued over a line break is one span.
    pub span: Range<usize>,
    pub kind: QuoteKind,
    /// `None` when nothing says who spoke (titles, scare quotes, unsure attribution).
    pub speaker: Option<SpeakerId>,
    /// The words the attribution rests on ("Hale", "the official", "he").
    pub mention: Option<Range<usize>>,
    /// The speech cue ("said", "according to", ":").
    pub cue: Option<Range<usize>>,
    /// The rule that decided the speaker.
    pub rule: Option<crate::Rule>,
    /// How the mention leads to the canonical name: the mention, the mention that named its
    /// speaker (the name a pronoun or description stands for), the canonical name, equal
    /// neighbours once, e.g. `["he", "Hale", "Tom Hale"]`.
    pub alias_chain: Vec<String>,
    /// How far the attribution can be trusted, and what that was read from; `None` without a
    /// speaker.
    pub confidence: Option<crate::confidence::Confidence>,
}

/// Whether a reported statement holds a quoted fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportedKind {
    /// No quotation marks: `Roe said the plan failed`.
    Indirect,
    /// A reported clause holding a quoted fragment: `Roe said the plan was "a disaster"`; the
    /// fragment stays a quote of its own.
    Mixed,
}

impl ReportedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportedKind::Indirect => "indirect",
            ReportedKind::Mixed => "mixed",
        }
    }
}

/// One reported statement: what someone said, in the reporter's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// The content: the reported clause or object, without the cue and the source. It never
    /// lies inside a quotation; a quotation inside it makes it [`ReportedKind::Mixed`].
    pub span: Range<usize>,
    pub kind: ReportedKind,
    /// `None` when the source is not resolved to a speaker (an unresolved "he", "officials").
    pub speaker: Option<SpeakerId>,
    /// The words naming the source ("Roe", "the ministry", "he"), where there are any.
    pub mention: Option<Range<usize>>,
    /// The reporting cue ("said", "according to", "accused").
    pub cue: Range<usize>,
    /// The convention that found the statement.
    pub rule: crate::ReportedRule,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
}

/// What kind of entity a mention or speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organisation,
}

/// A mention of a person or organisation in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    /// The speaker (canonical entity) this mention was resolved to, if any.
    pub speaker: Option<SpeakerId>,
}

/// A canonical speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub id: SpeakerId,
    /// The longest form of the name the text gives (titles stripped).
    pub name: String,
    pub kind: EntityKind,
    /// Other ways the text refers to this speaker: surname, titled forms, role descriptions.
    pub aliases: Vec<String>,
    /// Number of quotes attributed to this speaker.
    pub quote_count: usize,
    /// Number of reported statements attributed to this speaker.
    pub reported_count: usize,
    /// Byte offset of the first mention, for stable ordering.
    pub first_seen: usize,
}

impl Document {
    /// Builds a document from its parts, refusing parts that break an invariant (see
    /// [`Document::check`]).
    pub fn new(parts: DocumentParts) -> Result<Document, InvariantError> {
        let doc = Document { parts };
        doc.check()?;
        Ok(doc)
    }

    /// A document from the parts the analysis built, which keep the invariants by construction:
    /// checked in debug builds (tests, fuzzing with debug assertions), not in release ones,
    /// where the check would cost about half a percent of the analysis. The property tests and
    /// fuzz targets call [`Document::check`] on release builds too.
    pub(crate) fn from_analysis(parts: DocumentParts) -> Document {
        let doc = Document { parts };
        #[cfg(debug_assertions)]
        if let Err(broken) = doc.check() {
            panic!("the analysis built a bad document: {broken}");
        }
        doc
    }

    /// The input text exactly as read.
    pub fn text(&self) -> &str {
        &self.parts.text
    }

    /// Paragraphs, in text order.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.parts.paragraphs
    }

    /// Sentences, in text order.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.parts.sentences
    }

    /// Quoted passages in text order (quotation marks included).
    pub fn quotes(&self) -> &[Quote] {
        &self.parts.quotes
    }

    /// Reported statements, in text order.
    pub fn reported(&self) -> &[Reported] {
        &self.parts.reported
    }

    /// Mentions of people and organisations found outside quotations, in text order.
    pub fn mentions(&self) -> &[Mention] {
        &self.parts.mentions
    }

    /// Canonical speakers; a speaker's id is its index here.
    pub fn speakers(&self) -> &[Speaker] {
        &self.parts.speakers
    }

    /// Headings, in text order.
    pub fn headings(&self) -> &[Range<usize>] {
        &self.parts.headings
    }

    /// The text of a byte range.
    pub fn slice(&self, span: &Range<usize>) -> &str {
        &self.parts.text[span.clone()]
    }

    /// The speaker of a quote, if attributed.
    pub fn speaker_of(&self, quote: &Quote) -> Option<&Speaker> {
        quote.speaker.and_then(|id| self.parts.speakers.get(id))
    }

    /// Speakers with at least one quote, most quoted first, ties by first appearance.
    pub fn speakers_by_share(&self) -> Vec<&Speaker> {
        let mut list: Vec<&Speaker> = self
            .speakers()
            .iter()
            .filter(|s| s.quote_count > 0)
            .collect();
        list.sort_by_key(|s| (std::cmp::Reverse(s.quote_count), s.first_seen));
        list
    }

    /// The speaker of a reported statement, if attributed.
    pub fn speaker_of_reported(&self, reported: &Reported) -> Option<&Speaker> {
        reported.speaker.and_then(|id| self.parts.speakers.get(id))
    }

    /// Speakers with at least one quote or reported statement: the quoted ones as in
    /// [`Document::speakers_by_share`], then those with only reported speech, most reported
    /// first, ties by first appearance.
    pub fn speakers_by_voice(&self) -> Vec<&Speaker> {
        let mut list = self.speakers_by_share();
        let mut reported_only: Vec<&Speaker> = self
            .speakers()
            .iter()
            .filter(|s| s.quote_count == 0 && s.reported_count > 0)
            .collect();
        reported_only.sort_by_key(|s| (std::cmp::Reverse(s.reported_count), s.first_seen));
        list.extend(reported_only);
        list
    }

    /// Reported statements attributed to `speaker`, in text order.
    pub fn reported_of(&self, speaker: SpeakerId) -> impl Iterator<Item = &Reported> {
        self.reported()
            .iter()
            .filter(move |r| r.speaker == Some(speaker))
    }

    /// Quotes attributed to `speaker`, in text order.
    pub fn quotes_of(&self, speaker: SpeakerId) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes()
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.speaker == Some(speaker))
    }
}

/// Converts ascending byte offsets to character offsets in one forward sweep
/// (so exporting N quotes stays linear in the text, not N times it).
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Character offset of byte offset `at` (which must be a char boundary).
    pub fn char_at(&mut self, at: usize) -> usize {
        // Offsets may step back a little (a mention before its quote): pay only for the step.
        if at < self.byte {
            self.chars -= self.text[at..self.byte].chars().count();
        } else {
            self.chars += self.text[self.byte..at].chars().count();
        }
        self.byte = at;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "a “b” c";
        let mut c = CharOffsets::new(text);
        assert_eq!(c.char_at(2), 2);
        assert_eq!(c.char_at(text.len()), 7);
        assert_eq!(c.char_at(0), 0);
    }
}
