//! Engine bugs found by the hardening work (property tests, pathological input, fuzzing), each as
//! the smallest input that showed it, kept as tests now that they are fixed.

use std::time::{Duration, Instant};

/// Many quotations in one sentence (no full stop between them) made the attribution quadratic:
/// every quote scanned its whole sentence for a speech verb, "according to" and the mention at a
/// token. Each sentence now indexes these once.
#[test]
fn many_quotes_in_one_sentence_stay_linear() {
    let text = "\u{201C}yes\u{201D} and ".repeat(20_000); // 220 KB, one sentence
    let t = Instant::now();
    let doc = saywho_core::analyze(text);
    let took = t.elapsed();
    assert_eq!(doc.quotes().len(), 20_000);
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

/// A stray apostrophe after a space (`Putin 's claims`, a typo common in wire copy) opened a
/// single quotation that never closed, and every quotation after it in the paragraph was lost.
/// An unclosed single mark is now an apostrophe and the quotes inside it stand.
#[test]
fn stray_apostrophe_does_not_swallow_later_quotes() {
    let doc = saywho_core::analyze(
        "Putin 's claims grew. He blamed Moscow for \"blocking the process\" by accusing Europe."
            .to_string(),
    );
    let texts: Vec<&str> = doc.quotes().iter().map(|q| doc.slice(&q.span)).collect();
    assert_eq!(texts, vec!["\"blocking the process\""]);
}
