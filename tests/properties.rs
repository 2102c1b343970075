//! Property tests of the engine and the JSON export (issue 4, "Systematic checks"): for arbitrary
//! text, `analyze` never panics, keeps the text verbatim and builds a document that passes
//! `Document::check` (spans on character boundaries inside the text, in order, quotes overlapping
//! only by nesting, speaker ids and quote counts right), and the character offsets of `extract`'s
//! JSON agree with its byte offsets.

use proptest::prelude::*;
use saywho_core::export::DocResult;

/// Pieces of news text, biased to what the quote pairing and attribution look at.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\"", "'", "\u{00AB}", "\u{00BB}",
            "\u{201E}", "`", "\u{201A}", "\u{2039}", "\u{203A}",
        ])
        .prop_map(String::from),
        2 => prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u{a0}"])
            .prop_map(String::from),
        3 => "[a-z]{1,8}".prop_map(|w| format!("{w} ")),
        2 => "[A-Z][a-z]{1,8}".prop_map(|w| format!("{w} ")),
        2 => prop::sample::select(vec![
            "said", "says", "told", "according to", "he", "she", "they", "Mr.", "Ms.", "Dr.",
            "the minister", "the official", ":", ",", ".", "?", "!", "-", "\u{2014}", "(", ")",
        ])
        .prop_map(|w| format!("{w} ")),
        1 => prop::sample::select(vec![
            "é", "日本", "😀", "e\u{301}", "\u{200B}", "\u{202E}", "\u{1b}[2J", "\u{0}", "\u{85}",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

/// Biased news text most of the time, anything at all otherwise.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![4 => news_text(), 1 => any::<String>()]
}

/// Checks that the text is kept verbatim and the document invariants hold
/// ([`saywho_core::Document::check`]).
fn check_document(input: &str) -> Result<(), TestCaseError> {
    let doc = saywho_core::analyze(input.to_string());
    prop_assert_eq!(doc.text(), input, "the text is kept verbatim");
    doc.check()
        .map_err(|broken| TestCaseError::fail(broken.to_string()))
}

/// Checks `extract`'s JSON result of `input`: character offsets agree with byte offsets, texts
/// are the slices, speakers are listed.
fn check_export(input: &str) -> Result<(), TestCaseError> {
    let doc = saywho_core::analyze(input.to_string());
    let r = DocResult::new(serde_json::Value::from("p"), &doc);
    let chars = |b: usize| input[..b].chars().count();
    prop_assert_eq!(r.quotes.len(), doc.quotes().len());
    for q in &r.quotes {
        prop_assert_eq!(&input[q.byte_start..q.byte_end], q.text.as_str());
        prop_assert_eq!(q.start, chars(q.byte_start));
        prop_assert_eq!(q.end, chars(q.byte_end));
        if let Some(m) = &q.mention {
            let by_chars: String = input.chars().skip(m.start).take(m.end - m.start).collect();
            prop_assert_eq!(by_chars, m.text.as_str());
        }
        match q.speaker_id {
            Some(id) => {
                let s = r.speakers.iter().find(|s| s.id == id);
                prop_assert!(s.is_some(), "speaker {} not listed", id);
                prop_assert_eq!(Some(&s.unwrap().name), q.speaker.as_ref());
            }
            None => prop_assert!(q.speaker.is_none() && q.mention.is_none() && q.cue.is_none()),
        }
    }
    let total: usize = r.speakers.iter().map(|s| s.quotes).sum();
    prop_assert_eq!(
        total,
        r.quotes.iter().filter(|q| q.speaker_id.is_some()).count()
    );
    let json = serde_json::to_string(&r).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(back["quotes"].as_array().unwrap().len(), r.quotes.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn document_invariants(input in text()) {
        check_document(&input)?;
    }

    #[test]
    fn export_offsets_agree(input in text()) {
        check_export(&input)?;
    }

    /// Whole paragraphs of quote-heavy prose, several paragraphs long.
    #[test]
    fn paragraphs_of_quotes(paras in prop::collection::vec(news_text(), 1..8)) {
        let input = paras.join("\n\n");
        check_document(&input)?;
        check_export(&input)?;
    }
}
