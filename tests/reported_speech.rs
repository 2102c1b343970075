//! Reported speech in the reference article: its 23 annotated statements
//! (`fixtures/seed-ukraine-talks.reported.jsonl`, the format of PolNeAR's attributions), the
//! quotations left as they were, and the export's `reported` fields.

use std::ops::Range;

use saywho_core::export::json::DocResult;
use saywho_core::{CharOffsets, Document};
use serde_json::Value;

fn gold() -> Value {
    let line = include_str!("fixtures/seed-ukraine-talks.reported.jsonl");
    serde_json::from_str(line.trim()).unwrap()
}

fn analysed() -> Document {
    saywho_core::analyze(include_str!("../assets/samples/seed-ukraine-talks.txt").to_string())
}

/// A statement in character offsets, with its speaker's name and its source mention.
struct Found {
    span: Range<usize>,
    speaker: Option<String>,
    mention: Option<Range<usize>>,
}

fn found(doc: &Document) -> Vec<Found> {
    let mut chars = CharOffsets::new(doc.text());
    let mut to_chars = |r: &Range<usize>| chars.char_at(r.start)..chars.char_at(r.end);
    doc.reported()
        .iter()
        .map(|r| Found {
            span: to_chars(&r.span),
            mention: r.mention.as_ref().map(&mut to_chars),
            speaker: doc.speaker_of_reported(r).map(|s| s.name.clone()),
        })
        .collect()
}

fn spans(v: &Value) -> Vec<Range<usize>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize)
        .collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// A gold statement is found when a statement overlaps its content by half the longer of the
/// two (attr_score.py's match), and rightly attributed when the speaker's name holds the last
/// word of the gold speaker, or, where the gold names no one, when none is given or the mention
/// is the gold source.
fn right(gold: &Value, got: &Found) -> bool {
    let content = spans(&gold["content_spans"]);
    let gold_len: usize = content.iter().map(|c| c.len()).sum();
    let shared: usize = content.iter().map(|c| overlap(c, &got.span)).sum();
    if shared * 2 < gold_len.max(got.span.len()) {
        return false;
    }
    match gold["speaker"].as_str() {
        Some(name) => {
            let head = name.rsplit(' ').next().unwrap().to_lowercase();
            got.speaker
                .as_ref()
                .is_some_and(|s| s.to_lowercase().contains(&head))
        }
        None => {
            let source = spans(&gold["source_spans"]);
            got.speaker.is_none()
                || got
                    .mention
                    .as_ref()
                    .is_some_and(|m| source.iter().any(|s| overlap(s, m) > 0))
        }
    }
}

#[test]
fn at_least_20_of_the_23_statements_are_found_with_their_speaker() {
    let gold = gold();
    let doc = analysed();
    assert_eq!(gold["text"].as_str().unwrap(), doc.text());
    let got = found(&doc);
    let statements = gold["attributions"].as_array().unwrap();
    assert_eq!(statements.len(), 23);
    let missed: Vec<&str> = statements
        .iter()
        .filter(|g| !got.iter().any(|f| right(g, f)))
        .map(|g| g["content"].as_str().unwrap_or(""))
        .collect();
    assert!(missed.len() <= 3, "missed {}: {missed:#?}", missed.len());
}

#[test]
fn no_statement_lies_inside_a_quotation_and_the_quotations_stay() {
    let doc = analysed();
    assert_eq!(doc.quotes().len(), 19);
    for r in doc.reported() {
        for q in doc.quotes() {
            let inside = q.span.start <= r.span.start && r.span.end <= q.span.end;
            assert!(
                !inside,
                "{:?} inside {:?}",
                doc.slice(&r.span),
                doc.slice(&q.span)
            );
        }
    }
}

#[test]
fn the_reported_only_speakers_are_listed() {
    let doc = analysed();
    let result = DocResult::new(Value::from("seed"), &doc);
    let names: Vec<&str> = result.speakers.iter().map(|s| s.name.as_str()).collect();
    for want in ["Marco Rubio", "Kremlin", "Ukraine's general staff"] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    let rubio = result
        .speakers
        .iter()
        .find(|s| s.name == "Marco Rubio")
        .unwrap();
    assert_eq!(rubio.quotes, 0);
    assert!(rubio.reported >= 1);
    // The fields of a quote (its confidence among them).
    let json = serde_json::to_value(&result).unwrap();
    let fields = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let mut want = fields(&json["quotes"][0]);
    assert!(want.iter().any(|f| f == "confidence"));
    want.sort();
    let mut got = fields(&json["reported"][0]);
    got.sort();
    assert_eq!(got, want);
    let kinds: Vec<&str> = result.reported.iter().map(|r| r.kind).collect();
    assert!(kinds.contains(&"mixed") && kinds.contains(&"indirect"));
}
