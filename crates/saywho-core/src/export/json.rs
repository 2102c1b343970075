//! The JSON result of one document (the schema documented in the README under `saywho extract`).

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::document::{CharOffsets, Document, Quote, Reported, Speaker};
use crate::ingest::article::SourceFormat;
use crate::ingest::jsonl::Id;
use crate::ingest::Source;

/// The exported result of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocResult {
    /// The document's id: the `id` of a JSONL input line as given, or the file name (`-` for
    /// stdin).
    pub id: Id,
    /// The article's title, where a web page or Markdown file gives it; else `null`.
    pub title: Option<String>,
    /// The article's byline, where a web page or Markdown file gives it; else `null`.
    pub byline: Option<String>,
    /// The article's date as the source gives it, or `null`.
    pub date: Option<String>,
    /// What the input was: `text`, `markdown` or `html`.
    pub source_format: &'static str,
    /// The encoding the text was decoded from (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`;
    /// see [`crate::ingest`]). JSONL input is always `UTF-8`.
    pub encoding: &'static str,
    /// Headings of the analysed text, in text order.
    pub headings: Vec<HeadingOut>,
    /// Quoted passages in text order.
    pub quotes: Vec<QuoteOut>,
    /// Reported statements (speech outside quotation marks) in text order.
    pub reported: Vec<ReportedOut>,
    /// Speakers with at least one quote, most quoted first (ties: first seen first), then those
    /// with only reported speech, most reported first.
    pub speakers: Vec<SpeakerOut>,
}

/// What a quotation and a reported statement both give: where the span is, its text and who
/// said it. Flattened into each, so their JSON fields stay those the README documents; the fields
/// read as the quote's own (`q.speaker`) through `Deref`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanOut {
    /// Character offset (Unicode scalar values) of the first character: a quotation's opening
    /// mark, a reported statement's content.
    pub start: usize,
    /// Character offset just after the span (end exclusive): after a quotation's closing mark.
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// The text of the span (a quotation's marks included; a reported statement's content,
    /// without cue and source).
    pub text: String,
    /// The canonical speaker's name, or `null`.
    pub speaker: Option<String>,
    /// The speaker's id (an index into the document's speakers), or `null`.
    pub speaker_id: Option<usize>,
    /// The words the attribution rests on (the source named), or `null`.
    pub mention: Option<MentionOut>,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    #[serde(flatten)]
    pub span: SpanOut,
    /// The text of the speech cue ("said", "according to", ":"), or `null`.
    pub cue: Option<String>,
    /// `direct` or `partial`.
    pub kind: &'static str,
    /// The rule that decided the speaker, or `null`.
    pub rule: Option<&'static str>,
    /// How far the attribution can be trusted, in [0, 1] ([`crate::confidence`]), or `null`
    /// without a speaker.
    pub confidence: Option<f32>,
}

/// One reported statement: the same fields as a quote, `text` being the reported content
/// (without cue and source) and `confidence` how sure its rule is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedOut {
    #[serde(flatten)]
    pub span: SpanOut,
    /// The reporting cue ("said", "according to").
    pub cue: String,
    /// `indirect` or `mixed` (holds a quoted fragment).
    pub kind: &'static str,
    /// The rule that found the statement.
    pub rule: &'static str,
    pub confidence: f32,
}

/// The span fields of each read as its own.
macro_rules! deref_to_span {
    ($($out:ty),*) => {$(
        impl std::ops::Deref for $out {
            type Target = SpanOut;
            fn deref(&self) -> &SpanOut {
                &self.span
            }
        }
        impl std::ops::DerefMut for $out {
            fn deref_mut(&mut self) -> &mut SpanOut {
                &mut self.span
            }
        }
    )*};
}
deref_to_span!(QuoteOut, ReportedOut);

/// A heading, in character offsets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadingOut {
    /// Character offset of the heading's first character.
    pub start: usize,
    /// Character offset just after it (end exclusive).
    pub end: usize,
    /// The heading's byte span, kept to look its level up in the source.
    #[serde(skip)]
    pub bytes: Range<usize>,
    pub text: String,
    /// 1 to 6 for a web page or Markdown file; 2 for a heading found in plain text.
    pub level: u8,
}

/// A mention, in character offsets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A speaker with at least one quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerOut {
    pub id: usize,
    pub name: String,
    pub aliases: Vec<String>,
    /// Number of quotes attributed to this speaker in `quotes`.
    pub quotes: usize,
    /// Number of reported statements attributed to this speaker in `reported`.
    pub reported: usize,
}

/// Converts a set of byte offsets to character offsets in one sweep over the text.
///
/// Offsets are collected, sorted and converted in ascending order, so the cost is linear in the
/// text plus `k log k` for `k` offsets, however far a mention lies from its quote.
struct OffsetMap {
    map: HashMap<usize, usize>,
}

impl OffsetMap {
    /// The character offsets of every span the result gives: quotes, their mentions, headings.
    fn of_document(doc: &Document) -> Self {
        let mut offsets = Vec::with_capacity(doc.quotes().len() * 4 + doc.headings().len() * 2);
        for q in doc.quotes() {
            offsets.extend([q.span.start, q.span.end]);
            if let Some(m) = &q.mention {
                offsets.extend([m.start, m.end]);
            }
        }
        for r in doc.reported() {
            offsets.extend([r.span.start, r.span.end]);
            if let Some(m) = &r.mention {
                offsets.extend([m.start, m.end]);
            }
        }
        for h in doc.headings() {
            offsets.extend([h.start, h.end]);
        }
        OffsetMap::new(doc.text(), offsets)
    }

    fn new(text: &str, mut offsets: Vec<usize>) -> Self {
        offsets.sort_unstable();
        offsets.dedup();
        let mut sweep = CharOffsets::new(text);
        let map = offsets.into_iter().map(|b| (b, sweep.char_at(b))).collect();
        OffsetMap { map }
    }

    fn get(&self, byte: usize) -> usize {
        self.map[&byte]
    }
}

impl HeadingOut {
    /// A heading found in the text (level 2 until [`DocResult::with_source`] says otherwise).
    fn new(doc: &Document, chars: &OffsetMap, span: &Range<usize>) -> Self {
        HeadingOut {
            start: chars.get(span.start),
            end: chars.get(span.end),
            bytes: span.clone(),
            text: doc.slice(span).to_string(),
            level: 2,
        }
    }
}

impl QuoteOut {
    /// A quote; its mention and cue are given only with its speaker.
    fn new(doc: &Document, chars: &OffsetMap, q: &Quote) -> Self {
        let speaker = doc.speaker_of(q);
        let mention = speaker.and(q.mention.as_ref());
        let cue = q.cue.as_ref().map(|c| doc.slice(c).to_string());
        QuoteOut {
            span: SpanOut::new(doc, chars, &q.span, speaker, mention),
            cue: speaker.and(cue),
            kind: q.kind.as_str(),
            rule: q.rule.map(crate::Rule::as_str),
            confidence: speaker.and(q.confidence).map(|c| c.value),
        }
    }
}

impl SpanOut {
    fn new(
        doc: &Document,
        chars: &OffsetMap,
        span: &Range<usize>,
        speaker: Option<&Speaker>,
        mention: Option<&Range<usize>>,
    ) -> Self {
        SpanOut {
            start: chars.get(span.start),
            end: chars.get(span.end),
            byte_start: span.start,
            byte_end: span.end,
            text: doc.slice(span).to_string(),
            speaker: speaker.map(|s| s.name.clone()),
            speaker_id: speaker.map(|s| s.id),
            mention: mention.map(|m| MentionOut::new(doc, chars, m)),
        }
    }
}

impl MentionOut {
    fn new(doc: &Document, chars: &OffsetMap, span: &Range<usize>) -> Self {
        MentionOut {
            start: chars.get(span.start),
            end: chars.get(span.end),
            text: doc.slice(span).to_string(),
        }
    }
}

impl ReportedOut {
    fn new(doc: &Document, chars: &OffsetMap, r: &Reported) -> Self {
        let speaker = doc.speaker_of_reported(r);
        ReportedOut {
            span: SpanOut::new(doc, chars, &r.span, speaker, r.mention.as_ref()),
            cue: doc.slice(&r.cue).to_string(),
            kind: r.kind.as_str(),
            rule: r.rule.as_str(),
            confidence: r.confidence,
        }
    }
}

impl From<&Speaker> for SpeakerOut {
    fn from(s: &Speaker) -> Self {
        SpeakerOut {
            id: s.id,
            name: s.name.clone(),
            aliases: s.aliases.clone(),
            quotes: s.quote_count,
            reported: s.reported_count,
        }
    }
}

impl DocResult {
    /// Builds the exported result of `doc` under `id`. The document's invariants (spans on
    /// character boundaries, speaker ids and quote counts right) were checked when it was built.
    pub fn new(id: impl Into<Id>, doc: &Document) -> Self {
        let chars = OffsetMap::of_document(doc);
        DocResult {
            id: id.into(),
            title: None,
            byline: None,
            date: None,
            source_format: SourceFormat::Text.as_str(),
            encoding: crate::ingest::ENC_UTF8,
            headings: doc
                .headings()
                .iter()
                .map(|h| HeadingOut::new(doc, &chars, h))
                .collect(),
            quotes: doc
                .quotes()
                .iter()
                .map(|q| QuoteOut::new(doc, &chars, q))
                .collect(),
            reported: doc
                .reported()
                .iter()
                .map(|r| ReportedOut::new(doc, &chars, r))
                .collect(),
            speakers: doc
                .speakers_by_voice()
                .into_iter()
                .map(SpeakerOut::from)
                .collect(),
        }
    }

    /// The same result, recording that the text was decoded from `encoding`.
    pub fn with_encoding(mut self, encoding: &'static str) -> Self {
        self.encoding = encoding;
        self
    }

    /// The same result, with what `source` says about the document: its format, encoding,
    /// title, byline and date, and the levels of its headings.
    /// The result with no speaker for a quote whose confidence is below `min`: the quote stays,
    /// with its confidence; its speaker, mention and cue become `null`, and the speakers left
    /// with no quote go.
    pub fn with_min_confidence(mut self, min: f32) -> Self {
        for q in &mut self.quotes {
            if q.confidence.is_some_and(|c| c < min) {
                (q.speaker, q.speaker_id, q.mention, q.cue) = (None, None, None, None);
            }
        }
        let quotes = &self.quotes;
        for s in &mut self.speakers {
            s.quotes = quotes.iter().filter(|q| q.speaker_id == Some(s.id)).count();
        }
        self.speakers.retain(|s| s.quotes > 0);
        self
    }

    pub fn with_source(mut self, source: &Source) -> Self {
        self.source_format = source.format.as_str();
        self.encoding = source.encoding;
        self.title = source.meta.title.clone();
        self.byline = source.meta.byline.clone();
        self.date = source.meta.date.clone();
        for h in &mut self.headings {
            h.level = source.heading_level(&h.bytes);
        }
        self
    }

    /// Quotes attributed to `speaker_id`, in text order.
    pub fn quotes_of(&self, speaker_id: usize) -> impl Iterator<Item = &QuoteOut> {
        self.quotes
            .iter()
            .filter(move |q| q.speaker_id == Some(speaker_id))
    }

    /// Reported statements attributed to `speaker_id`, in text order.
    pub fn reported_of(&self, speaker_id: usize) -> impl Iterator<Item = &ReportedOut> {
        self.reported
            .iter()
            .filter(move |r| r.speaker_id == Some(speaker_id))
    }

    /// The id as plain text: a string without its JSON quotes, anything else as JSON.
    pub fn id_text(&self) -> String {
        self.id.text()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::{DocumentParts, EntityKind, QuoteKind};
    use serde_json::Value;

    /// `“We will win,” Smith said. And “soon.”` with the first quote given to Smith.
    pub(crate) fn sample_doc() -> Document {
        let text = "Mr. Smith spoke. “We will win,” Smith said. And “soon.”".to_string();
        let q1 = text.find('“').unwrap();
        let q1_end = text.find('”').unwrap() + '”'.len_utf8();
        let smith = text.rfind("Smith said").unwrap();
        let said = smith + "Smith ".len();
        let q2 = text.rfind('“').unwrap();
        let quotes = vec![
            Quote {
                span: q1..q1_end,
                kind: QuoteKind::Direct,
                speaker: Some(1),
                mention: Some(smith..smith + 5),
                cue: Some(said..said + 4),
                rule: Some(crate::Rule::CueAfter),
                alias_chain: vec![],
                confidence: Some(crate::confidence::Confidence {
                    value: 0.75,
                    basis: crate::confidence::Basis {
                        rule: "cue-after",
                        resolution: crate::confidence::Resolution::Name,
                        sentences_away: 0,
                        contested: false,
                        unconfirmed: false,
                    },
                }),
            },
            Quote {
                span: q2..text.len(),
                kind: QuoteKind::Partial,
                speaker: None,
                mention: None,
                cue: None,
                rule: None,
                alias_chain: vec![],
                confidence: None,
            },
        ];
        let speakers = vec![
            Speaker {
                id: 0,
                name: "Nobody".into(),
                kind: EntityKind::Person,
                aliases: vec![],
                quote_count: 0,
                reported_count: 0,
                first_seen: 0,
            },
            Speaker {
                id: 1,
                name: "John Smith".into(),
                kind: EntityKind::Person,
                aliases: vec!["Smith".into(), "Mr. Smith".into()],
                quote_count: 1,
                reported_count: 0,
                first_seen: 0,
            },
        ];
        Document::new(DocumentParts {
            text,
            quotes,
            speakers,
            ..DocumentParts::default()
        })
        .unwrap()
    }

    #[test]
    fn offsets_are_chars_and_bytes() {
        let doc = sample_doc();
        let r = DocResult::new(Value::from("a"), &doc);
        assert_eq!(r.quotes.len(), 2);
        let q = &r.quotes[0];
        assert_eq!((q.start, q.end), (17, 31));
        assert_eq!((q.byte_start, q.byte_end), (17, 35));
        assert_eq!(q.text, "“We will win,”");
        let m = q.mention.as_ref().unwrap();
        assert_eq!((m.start, m.end, m.text.as_str()), (32, 37, "Smith"));
        assert_eq!(q.cue.as_deref(), Some("said"));
        assert_eq!(q.speaker.as_deref(), Some("John Smith"));
        assert_eq!(q.speaker_id, Some(1));
        let q2 = &r.quotes[1];
        assert_eq!(q2.end, doc.text().chars().count());
        assert_eq!(q2.byte_end, doc.text().len());
        assert_eq!(q2.speaker, None);
        assert_eq!(q2.kind, "partial");
        assert_eq!(r.speakers.len(), 1);
        assert_eq!(r.speakers[0].id, 1);
        assert_eq!(r.speakers[0].quotes, 1);
    }

    #[test]
    fn serialises_every_field() {
        let r = DocResult::new(Value::from(7), &sample_doc());
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["encoding"], "UTF-8");
        let v = serde_json::to_value(r.with_encoding("windows-1252")).unwrap();
        assert_eq!(v["encoding"], "windows-1252");
        let q = &v["quotes"][0];
        for key in [
            "start",
            "end",
            "byte_start",
            "byte_end",
            "text",
            "speaker",
            "speaker_id",
            "mention",
            "cue",
            "kind",
            "rule",
            "confidence",
        ] {
            assert!(q.get(key).is_some(), "missing {key}");
        }
        assert!(v["quotes"][1]["speaker"].is_null());
        assert!(v["quotes"][1]["mention"].is_null());
        assert!(v["quotes"][1]["cue"].is_null());
        assert_eq!(v["quotes"][0]["confidence"], 0.75);
        assert!(v["quotes"][1]["confidence"].is_null());
        assert_eq!(v["speakers"][0]["aliases"][1], "Mr. Smith");
    }

    #[test]
    fn below_the_minimum_confidence_the_speaker_is_null_and_the_quote_stays() {
        let kept = DocResult::new(Value::from(7), &sample_doc()).with_min_confidence(0.75);
        assert_eq!(kept.quotes[0].speaker.as_deref(), Some("John Smith"));
        assert_eq!(kept.speakers.len(), 1);
        let dropped = DocResult::new(Value::from(7), &sample_doc()).with_min_confidence(0.8);
        assert_eq!(dropped.quotes.len(), 2);
        let q = &dropped.quotes[0];
        assert_eq!((&q.speaker, q.speaker_id, &q.mention), (&None, None, &None));
        assert_eq!(q.confidence, Some(0.75));
        assert!(dropped.speakers.is_empty());
    }

    #[test]
    fn headings_in_chars_with_levels_from_the_source() {
        let text = "Café talk\n\n“Yes,” Smith said.\n\nÉpilogue\n\nThe end came.";
        let epi = text.find("Épilogue").unwrap();
        let doc = crate::analyze_with_headings(
            text.to_string(),
            vec![0..10, epi..epi + "Épilogue".len()],
        );
        let r = DocResult::new(Value::from("d"), &doc);
        assert_eq!(r.source_format, "text");
        let got: Vec<_> = r
            .headings
            .iter()
            .map(|h| (h.start, h.end, h.text.as_str(), h.level))
            .collect();
        assert_eq!(got, [(0, 9, "Café talk", 2), (31, 39, "Épilogue", 2)]);

        let mut src = Source::new("d.md", text);
        src.format = SourceFormat::Markdown;
        src.meta.title = Some("T".into());
        src.headings = vec![crate::ingest::article::Heading {
            span: epi..epi + "Épilogue".len(),
            level: 4,
        }];
        let v = serde_json::to_value(r.with_source(&src)).unwrap();
        assert_eq!(v["source_format"], "markdown");
        assert_eq!(v["title"], "T");
        assert!(v["byline"].is_null());
        assert_eq!(v["headings"][0]["level"], 2);
        assert_eq!(v["headings"][1]["level"], 4);
        assert_eq!(
            v["headings"][1].as_object().unwrap().len(),
            4,
            "start, end, text, level"
        );
    }

    #[test]
    fn quotes_and_reported_statements_open_with_the_same_span_fields() {
        let text = "Mayor Ann Lee said the bridge would reopen in May. \
            \"We are nearly done,\" Lee said.";
        let r = DocResult::new(Value::Null, &crate::analyze(text.to_string()));
        let (q, rep) = (&r.quotes[0], &r.reported[0]);
        for (whole, span) in [
            (serde_json::to_string(q), serde_json::to_string(&q.span)),
            (serde_json::to_string(rep), serde_json::to_string(&rep.span)),
        ] {
            let (whole, span) = (whole.unwrap(), span.unwrap());
            // The span's fields, in order, then the kind's own after a comma.
            let open = span.strip_suffix('}').unwrap();
            assert!(whole.starts_with(&format!("{open},\"cue\":")), "{whole}");
        }
    }

    #[test]
    fn empty_document() {
        let doc = crate::analyze(String::new());
        let r = DocResult::new(Value::Null, &doc);
        assert!(r.quotes.is_empty() && r.speakers.is_empty());
    }
}
