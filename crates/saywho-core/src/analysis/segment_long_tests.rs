use super::*;

#[test]
fn a_sentence_without_a_full_stop_is_cut_after_a_space_outside_quotes() {
    let clause = "and the council met again, ";
    let text = clause.repeat(LONGEST_SENTENCE / clause.len() * 3);
    let mut spans = Vec::new();
    spans.push(0..text.trim_end().len());
    cut_long_sentences(&text, &[], &mut spans);
    assert!(spans.len() >= 3, "{}", spans.len());
    assert!(spans.iter().all(|s| s.len() <= LONGEST_SENTENCE));
    assert!(spans.windows(2).all(|w| w[0].end < w[1].start));
    // Cut between words.
    assert!(spans
        .iter()
        .skip(1)
        .all(|s| text.as_bytes()[s.start - 1] == b' '));
    assert!(spans.iter().all(|s| !text[s.clone()].ends_with(' ')));
    // A quote that reaches across the cut stays whole.
    let bytes = text.as_bytes();
    let at_word = |from: usize| (from..).find(|&i| bytes[i] != b' ').unwrap();
    let quote = at_word(LONGEST_SENTENCE - 10)..at_word(LONGEST_SENTENCE + 500);
    let mut spans = Vec::new();
    spans.push(0..text.trim_end().len());
    cut_long_sentences(&text, std::slice::from_ref(&quote), &mut spans);
    assert!(spans.iter().all(|s| s.end <= quote.start
        || s.start >= quote.end
        || (s.start <= quote.start && s.end >= quote.end)));
}

#[test]
fn a_run_of_marks_after_an_initial_ends_the_sentence_past_the_longest_abbreviation() {
    let short = format!("U{} And", ".".repeat(3));
    assert_eq!(sentences(&short, 0..short.len(), &[]).len(), 1);
    let long = format!("U{} And", ".".repeat(LONGEST_ABBREVIATION * 2));
    assert_eq!(sentences(&long, 0..long.len(), &[]).len(), 2);
}
