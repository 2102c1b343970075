//! Engine bugs found by the hardening work (property tests, pathological input, fuzzing), each as
//! the smallest input that shows it. Ignored ones are open bugs in `src/analysis/`; run them with
//! `cargo test --test regressions -- --ignored`.

use std::time::{Duration, Instant};

/// Many quotations in one sentence (no full stop between them) make the attribution quadratic:
/// for every quote, `cue_before` (src/analysis/attribution.rs) scans back to the start of the
/// sentence looking up each token in the speech-verb set, and `according_to` scans the whole
/// sentence. Measured in release: 8,000 quotes (90 KB) 0.25 s, 65,536 quotes (655 KB) 58 s; a
/// 1.2 MB single line of `“Yes,” said Smith, and “no”` 3.2 s, 2.4 MB 15 s, 4.7 MB 82 s.
#[test]
#[ignore = "open engine bug: quadratic in the number of quotes per sentence"]
fn many_quotes_in_one_sentence_stay_linear() {
    let text = "\u{201C}yes\u{201D} and ".repeat(20_000); // 220 KB, one sentence
    let t = Instant::now();
    let doc = saywho::analyze(text);
    let took = t.elapsed();
    assert_eq!(doc.quotes.len(), 20_000);
    assert!(took < Duration::from_secs(5), "took {took:?}");
}
