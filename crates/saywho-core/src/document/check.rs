//! The document invariants, checked in one place: by [`Document::new`] for parts given from
//! outside, in debug builds for the documents the analysis builds, and by the property tests and
//! fuzz targets on those in every build.

use std::ops::Range;

use super::{Document, DocumentParts, Mention, Quote, Reported, ReportedKind, Speaker, SpeakerId};

/// A broken document invariant: which one, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvariantError {
    /// A span reaches past the text, ends before it starts, or cuts a character.
    #[error(
        "{what} {index}: {span:?} is not a range of whole characters of the text ({len} bytes)"
    )]
    OffText {
        what: &'static str,
        index: usize,
        span: Range<usize>,
        len: usize,
    },
    /// A span starts before the one before it (or, where they must not overlap, before it ends).
    #[error("{what} {index}: {span:?} is out of text order after {previous:?}")]
    OutOfOrder {
        what: &'static str,
        index: usize,
        span: Range<usize>,
        previous: Range<usize>,
    },
    /// A quotation without text.
    #[error("quote {index}: {span:?} is empty")]
    EmptyQuote { index: usize, span: Range<usize> },
    /// Two quotations overlap without one lying inside the other.
    #[error("quote {index}: {span:?} overlaps {outer:?} without lying inside it")]
    QuotesOverlap {
        index: usize,
        span: Range<usize>,
        outer: Range<usize>,
    },
    /// A quote or mention names a speaker the document does not have.
    #[error("{what} {index}: speaker {speaker} does not exist ({speakers} speakers)")]
    NoSuchSpeaker {
        what: &'static str,
        index: usize,
        speaker: SpeakerId,
        speakers: usize,
    },
    /// A speaker whose id is not its index in the list.
    #[error("speaker {index} has id {id}")]
    SpeakerId { index: usize, id: SpeakerId },
    /// A speaker first seen past the end of the text.
    #[error("speaker {id}: first seen at byte {first_seen}, past the text ({len} bytes)")]
    FirstSeenPastEnd {
        id: SpeakerId,
        first_seen: usize,
        len: usize,
    },
    /// Reported content inside a quotation, or cutting one.
    #[error("reported statement {index}: {span:?} lies in or cuts the quotation {quote:?}")]
    ReportedInQuote {
        index: usize,
        span: Range<usize>,
        quote: Range<usize>,
    },
    /// A reported statement whose kind says the opposite of what it holds: `mixed` without a
    /// quotation inside, `indirect` with one, or no content at all.
    #[error("reported statement {index}: {span:?} is empty or not of kind {kind}")]
    ReportedKind {
        index: usize,
        span: Range<usize>,
        kind: &'static str,
    },
    /// A speaker's reported count differs from the statements attributed to it.
    #[error(
        "speaker {id}: reported count {counted}, but {attributed} statements are attributed to it"
    )]
    ReportedCount {
        id: SpeakerId,
        counted: usize,
        attributed: usize,
    },
    /// A speaker's quote count differs from the number of quotes attributed to it.
    #[error("speaker {id}: quote count {counted}, but {attributed} quotes are attributed to it")]
    QuoteCount {
        id: SpeakerId,
        counted: usize,
        attributed: usize,
    },
}

/// How the spans of one list may lie relative to each other.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    /// Each starts where or after the one before it ends.
    Disjoint,
    /// Each starts where or after the one before it starts.
    ByStart,
}

impl Document {
    /// Checks the invariants the reader and the exporters rely on:
    ///
    /// - every span (paragraph, sentence, heading, quote with its mention and cue, mention) is a
    ///   range of whole characters of the text;
    /// - paragraphs, sentences and headings are in text order and do not overlap; mentions are in
    ///   text order;
    /// - quotes are not empty, are in text order and overlap only by nesting;
    /// - reported statements are not empty, in text order and apart, never inside or cutting a
    ///   quotation, `mixed` exactly when they hold one, with their mention and cue in the text;
    /// - every speaker a quote or mention names exists, every speaker's id is its index, its first
    ///   sighting lies in the text, and its quote and reported counts are the numbers of quotes
    ///   and statements attributed to it.
    ///
    /// Linear in the number of spans and speakers.
    pub fn check(&self) -> Result<(), InvariantError> {
        let parts = &self.parts;
        let text = parts.text.as_str();
        check_list(text, "paragraph", &parts.paragraphs, Order::Disjoint)?;
        check_list(text, "sentence", &parts.sentences, Order::Disjoint)?;
        check_list(text, "heading", &parts.headings, Order::Disjoint)?;
        check_quotes(text, &parts.quotes, parts.speakers.len())?;
        check_mentions(text, &parts.mentions, parts.speakers.len())?;
        check_reported(text, &parts.reported, &parts.quotes, parts.speakers.len())?;
        check_speakers(parts)
    }
}

/// Whether `span` is a range of whole characters of `text`.
pub(crate) fn is_whole_chars(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check_span(
    text: &str,
    what: &'static str,
    index: usize,
    span: &Range<usize>,
) -> Result<(), InvariantError> {
    if is_whole_chars(text, span) {
        Ok(())
    } else {
        Err(InvariantError::OffText {
            what,
            index,
            span: span.clone(),
            len: text.len(),
        })
    }
}

/// Checks that each span of a list lies in the text and follows the one before it in `order`.
fn check_spans<'a>(
    text: &str,
    what: &'static str,
    spans: impl Iterator<Item = &'a Range<usize>>,
    order: Order,
) -> Result<(), InvariantError> {
    let mut previous: Option<&Range<usize>> = None;
    for (index, span) in spans.enumerate() {
        check_span(text, what, index, span)?;
        if let Some(prev) = previous {
            let after = match order {
                Order::Disjoint => prev.end <= span.start,
                Order::ByStart => prev.start <= span.start,
            };
            if !after {
                return Err(InvariantError::OutOfOrder {
                    what,
                    index,
                    span: span.clone(),
                    previous: prev.clone(),
                });
            }
        }
        previous = Some(span);
    }
    Ok(())
}

fn check_list(
    text: &str,
    what: &'static str,
    spans: &[Range<usize>],
    order: Order,
) -> Result<(), InvariantError> {
    check_spans(text, what, spans.iter(), order)
}

fn check_speaker_id(
    what: &'static str,
    index: usize,
    speaker: Option<SpeakerId>,
    speakers: usize,
) -> Result<(), InvariantError> {
    match speaker {
        Some(speaker) if speaker >= speakers => Err(InvariantError::NoSuchSpeaker {
            what,
            index,
            speaker,
            speakers,
        }),
        _ => Ok(()),
    }
}

/// Quotes: in the text with their mention and cue, not empty, in text order, nested or apart.
fn check_quotes(text: &str, quotes: &[Quote], speakers: usize) -> Result<(), InvariantError> {
    check_spans(
        text,
        "quote",
        quotes.iter().map(|q| &q.span),
        Order::ByStart,
    )?;
    // The quotes still open at the current one's start, outermost first.
    let mut open: Vec<&Range<usize>> = Vec::new();
    for (index, q) in quotes.iter().enumerate() {
        let span = &q.span;
        if span.is_empty() {
            return Err(InvariantError::EmptyQuote {
                index,
                span: span.clone(),
            });
        }
        while open.last().is_some_and(|outer| outer.end <= span.start) {
            open.pop();
        }
        if let Some(outer) = open.last().filter(|outer| span.end > outer.end) {
            return Err(InvariantError::QuotesOverlap {
                index,
                span: span.clone(),
                outer: (*outer).clone(),
            });
        }
        open.push(span);
        for (what, part) in [("quote mention", &q.mention), ("quote cue", &q.cue)] {
            if let Some(part) = part {
                check_span(text, what, index, part)?;
            }
        }
        check_speaker_id("quote", index, q.speaker, speakers)?;
    }
    Ok(())
}

/// Reported statements: apart and in order, in the text with their mention and cue, each quote
/// wholly inside or wholly outside, `mixed` exactly when one is inside. One sweep over the
/// quotes, which are in order too.
fn check_reported(
    text: &str,
    reported: &[Reported],
    quotes: &[Quote],
    speakers: usize,
) -> Result<(), InvariantError> {
    check_spans(
        text,
        "reported",
        reported.iter().map(|r| &r.span),
        Order::Disjoint,
    )?;
    let mut q = 0;
    for (index, r) in reported.iter().enumerate() {
        let span = &r.span;
        check_span(text, "reported cue", index, &r.cue)?;
        if let Some(m) = &r.mention {
            check_span(text, "reported mention", index, m)?;
        }
        check_speaker_id("reported", index, r.speaker, speakers)?;
        while q < quotes.len() && quotes[q].span.end <= span.start {
            q += 1;
        }
        let mut holds_quote = false;
        for quote in quotes[q..]
            .iter()
            .take_while(|quote| quote.span.start < span.end)
        {
            let inside = span.start <= quote.span.start && quote.span.end <= span.end;
            if !inside {
                return Err(InvariantError::ReportedInQuote {
                    index,
                    span: span.clone(),
                    quote: quote.span.clone(),
                });
            }
            holds_quote = true;
        }
        if span.is_empty() || holds_quote != (r.kind == ReportedKind::Mixed) {
            return Err(InvariantError::ReportedKind {
                index,
                span: span.clone(),
                kind: r.kind.as_str(),
            });
        }
    }
    Ok(())
}

fn check_mentions(text: &str, mentions: &[Mention], speakers: usize) -> Result<(), InvariantError> {
    check_spans(
        text,
        "mention",
        mentions.iter().map(|m| &m.span),
        Order::ByStart,
    )?;
    for (index, m) in mentions.iter().enumerate() {
        check_speaker_id("mention", index, m.speaker, speakers)?;
    }
    Ok(())
}

/// Speakers: ids are indexes, first sightings in the text, quote counts match the quotes.
fn check_speakers(parts: &DocumentParts) -> Result<(), InvariantError> {
    let mut attributed = vec![0usize; parts.speakers.len()];
    for id in parts.quotes.iter().filter_map(|q| q.speaker) {
        attributed[id] += 1;
    }
    let mut reported = vec![0usize; parts.speakers.len()];
    for id in parts.reported.iter().filter_map(|r| r.speaker) {
        reported[id] += 1;
    }
    for (index, s) in parts.speakers.iter().enumerate() {
        let Speaker {
            id,
            first_seen,
            quote_count,
            reported_count,
            ..
        } = *s;
        if id != index {
            return Err(InvariantError::SpeakerId { index, id });
        }
        if first_seen > parts.text.len() {
            return Err(InvariantError::FirstSeenPastEnd {
                id,
                first_seen,
                len: parts.text.len(),
            });
        }
        if quote_count != attributed[index] {
            return Err(InvariantError::QuoteCount {
                id,
                counted: quote_count,
                attributed: attributed[index],
            });
        }
        if reported_count != reported[index] {
            return Err(InvariantError::ReportedCount {
                id,
                counted: reported_count,
                attributed: reported[index],
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{EntityKind, QuoteKind};

    const TEXT: &str = "“The sign said ‘closed for repairs’ all week,” the mayor said. \
                        Café owners were “not asked.”";

    fn span_of(needle: &str) -> Range<usize> {
        let start = TEXT.find(needle).unwrap();
        start..start + needle.len()
    }

    fn quote(text: &str, speaker: Option<SpeakerId>) -> Quote {
        Quote {
            span: span_of(text),
            kind: QuoteKind::Direct,
            speaker,
            mention: speaker.map(|_| span_of("the mayor")),
            cue: speaker.map(|_| span_of("said.").start..span_of("said.").start + 4),
            rule: speaker.map(|_| crate::Rule::CueAfter),
            alias_chain: Vec::new(),
            confidence: None,
        }
    }

    /// A consistent document: a quote by the mayor with a quote nested in it, and one nobody is
    /// given.
    fn parts() -> DocumentParts {
        let whole_text = 0..TEXT.len();
        let first_sentence = 0..span_of("said.").end;
        DocumentParts {
            text: TEXT.to_string(),
            paragraphs: vec![whole_text],
            sentences: vec![first_sentence, span_of("Café").start..TEXT.len()],
            quotes: vec![
                quote("“The sign said ‘closed for repairs’ all week,”", Some(0)),
                quote("‘closed for repairs’", None),
                quote("“not asked.”", None),
            ],
            mentions: vec![
                Mention {
                    span: span_of("the mayor"),
                    speaker: Some(0),
                },
                Mention {
                    span: span_of("Café owners"),
                    speaker: None,
                },
            ],
            speakers: vec![Speaker {
                id: 0,
                name: "the mayor".into(),
                kind: EntityKind::Person,
                aliases: Vec::new(),
                quote_count: 1,
                reported_count: 0,
                first_seen: span_of("the mayor").start,
            }],
            reported: vec![Reported {
                span: span_of("Café owners were “not asked.”"),
                kind: ReportedKind::Mixed,
                speaker: None,
                mention: None,
                cue: span_of("said."),
                rule: crate::ReportedRule::ClauseThenCue,
                confidence: 0.5,
            }],
            headings: Vec::new(),
        }
    }

    fn broken(edit: impl FnOnce(&mut DocumentParts)) -> InvariantError {
        let mut parts = parts();
        edit(&mut parts);
        Document::new(parts).unwrap_err()
    }

    #[test]
    fn consistent_documents_pass() {
        assert!(Document::new(parts()).is_ok());
        assert!(Document::new(DocumentParts::default()).is_ok());
        assert!(crate::analyze(TEXT.to_string()).check().is_ok());
    }

    #[test]
    fn spans_are_whole_characters_of_the_text() {
        let inside_e = span_of("é").start + 1;
        let err = broken(|p| p.sentences[1].start = inside_e);
        assert!(
            matches!(
                err,
                InvariantError::OffText {
                    what: "sentence",
                    index: 1,
                    ..
                }
            ),
            "{err}"
        );
        let err = broken(|p| p.paragraphs[0].end = TEXT.len() + 1);
        assert!(matches!(
            err,
            InvariantError::OffText {
                what: "paragraph",
                ..
            }
        ));
        let backwards = Range { start: 9, end: 4 };
        let err = broken(|p| p.headings.push(backwards));
        assert!(matches!(
            err,
            InvariantError::OffText {
                what: "heading",
                ..
            }
        ));
        let err = broken(|p| p.quotes[0].cue = Some(inside_e..TEXT.len()));
        assert!(matches!(
            err,
            InvariantError::OffText {
                what: "quote cue",
                index: 0,
                ..
            }
        ));
    }

    #[test]
    fn lists_are_in_text_order() {
        let err = broken(|p| p.sentences[1].start = 10);
        assert!(matches!(
            err,
            InvariantError::OutOfOrder {
                what: "sentence",
                index: 1,
                ..
            }
        ));
        let err = broken(|p| p.mentions.reverse());
        assert!(matches!(
            err,
            InvariantError::OutOfOrder {
                what: "mention",
                ..
            }
        ));
        let err = broken(|p| p.quotes.swap(1, 2));
        assert!(matches!(
            err,
            InvariantError::OutOfOrder { what: "quote", .. }
        ));
    }

    #[test]
    fn quotes_are_not_empty_and_nest_or_stay_apart() {
        let err = broken(|p| p.quotes[2].span.end = p.quotes[2].span.start);
        assert_eq!(
            err,
            InvariantError::EmptyQuote {
                index: 2,
                span: span_of("“not asked.”").start..span_of("“not asked.”").start
            }
        );
        // Apart from the nested quote before it, but reaching out of the one around both.
        let straddling = span_of("all week").start..span_of("the mayor").end;
        let err = broken(|p| {
            p.quotes.insert(
                2,
                Quote {
                    span: straddling,
                    ..quote("“not asked.”", None)
                },
            )
        });
        assert!(
            matches!(err, InvariantError::QuotesOverlap { index: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn speakers_exist_and_count_their_quotes() {
        let err = broken(|p| p.mentions[1].speaker = Some(1));
        assert!(matches!(
            err,
            InvariantError::NoSuchSpeaker {
                what: "mention",
                speaker: 1,
                ..
            }
        ));
        let err = broken(|p| p.speakers[0].id = 3);
        assert_eq!(err, InvariantError::SpeakerId { index: 0, id: 3 });
        let err = broken(|p| p.speakers[0].first_seen = TEXT.len() + 1);
        assert!(matches!(err, InvariantError::FirstSeenPastEnd { .. }));
        let err = broken(|p| p.quotes[2].speaker = Some(0));
        assert_eq!(
            err.to_string(),
            "speaker 0: quote count 1, but 2 quotes are attributed to it"
        );
    }

    #[test]
    fn reported_speech_stays_out_of_quotations_and_says_its_kind() {
        let err = broken(|p| p.reported[0].kind = ReportedKind::Indirect);
        assert!(
            matches!(err, InvariantError::ReportedKind { index: 0, .. }),
            "{err}"
        );
        let err = broken(|p| p.reported[0].span = span_of("closed for"));
        assert!(
            matches!(err, InvariantError::ReportedInQuote { .. }),
            "{err}"
        );
        let err = broken(|p| p.reported[0].span = span_of("were “not"));
        assert!(
            matches!(err, InvariantError::ReportedInQuote { .. }),
            "{err}"
        );
        let err = broken(|p| {
            let second = p.reported[0].clone();
            p.reported.push(second);
        });
        assert!(
            matches!(
                err,
                InvariantError::OutOfOrder {
                    what: "reported",
                    ..
                }
            ),
            "{err}"
        );
        let err = broken(|p| p.reported[0].speaker = Some(0));
        assert_eq!(
            err.to_string(),
            "speaker 0: reported count 0, but 1 statements are attributed to it"
        );
    }
}
