//! Arbitrary text → analysis → `extract`'s JSON result; checks that the JSON round-trips and that
//! character offsets address the same text as byte offsets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywho_core::export::DocResult;

fuzz_target!(|text: &str| {
    let doc = saywho_core::analyze(text.to_string());
    let result = DocResult::new(serde_json::Value::from("fuzz"), &doc);
    let json = serde_json::to_string(&result).expect("serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("parses back");
    assert_eq!(
        back["quotes"].as_array().map(Vec::len),
        Some(result.quotes.len())
    );
    for q in &result.quotes {
        assert_eq!(&text[q.byte_start..q.byte_end], q.text);
        assert_eq!(text[..q.byte_start].chars().count(), q.start);
        assert_eq!(text[..q.byte_end].chars().count(), q.end);
        if let Some(id) = q.speaker_id {
            assert!(
                result.speakers.iter().any(|s| s.id == id),
                "speaker {id} not listed"
            );
        }
    }
});
