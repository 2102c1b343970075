//! Arbitrary bytes → decoding as `saywho` reads a file → analysis; checks the document's
//! invariants (spans on char boundaries inside the text, sorted, speakers exist).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = saywho_core::ingest::decode_bytes("fuzz", data.to_vec()) else {
        return;
    };
    let doc = saywho_core::analyze(decoded.text);
    let text = doc.text.as_str();
    let mut prev_start = 0;
    for q in &doc.quotes {
        assert!(q.span.start < q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.span.start >= prev_start, "quotes out of order");
        prev_start = q.span.start;
        if let Some(id) = q.speaker {
            assert!(id < doc.speakers.len(), "speaker id out of range");
        }
        for r in q.mention.iter().chain(q.cue.iter()) {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    for r in doc
        .paragraphs
        .iter()
        .chain(&doc.sentences)
        .chain(&doc.headings)
    {
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
