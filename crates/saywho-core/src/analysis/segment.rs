//! Paragraphs and sentences.

use std::ops::Range;

use crate::lexicon;

/// Paragraphs: the non-blank lines of the text, without surrounding whitespace. A hard line
/// break makes a new paragraph here; quotes carried over one are rejoined by the quote finder.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Every '\n' and every '\r' ends a line (the last line may have no end).
    let line_ends = memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()).map(|i| i + 1);
    for end in line_ends.chain([text.len()]) {
        let line = &text[start..end];
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_start < trimmed_end {
            out.push(trimmed_start..trimmed_end);
        }
        start = end;
    }
    out
}

/// Splits one paragraph into sentences. Quoted passages (`quotes`, sorted) are never split; a
/// sentence ends after a quote that ends with terminal punctuation when a capital follows.
#[cfg(test)]
pub fn sentences(text: &str, para: Range<usize>, quotes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(text, para, quotes, &mut out);
    out
}

/// Sentences of one paragraph into `out` (cleared first), so one buffer serves every paragraph.
pub fn sentences_into(
    text: &str,
    para: Range<usize>,
    quotes: &[Range<usize>],
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let mut start = para.start;
    let mut q = quotes.partition_point(|r| r.end <= para.start);
    let mut i = para.start;
    let bytes = text.as_bytes();
    // The end of the current run of terminal marks and whether a sentence may start there: every
    // mark of "....." shares them, so a long run is scanned once, not once per mark.
    let mut run = MarkRun::default();
    while i < para.end {
        if let Some(quote) = quotes.get(q).filter(|r| r.start <= i) {
            // Jump over the quote; it may end its sentence.
            i = quote.end.max(i + 1);
            q += 1;
            let inner_end = text[..quote.end].trim_end_matches(is_closing_mark);
            let terminal = inner_end.ends_with(['.', '?', '!']);
            if terminal
                && starts_new_sentence(text, i, para.end)
                && !attribution_follows(text, i, para.end)
            {
                out.push(start..i);
                start = skip_space(text, i, para.end);
            }
            continue;
        }
        // Only a terminal mark or the next quote can end a sentence: go to whichever comes first.
        let limit = quotes.get(q).map_or(para.end, |r| r.start.min(para.end));
        let Some(offset) = memchr::memchr3(b'.', b'?', b'!', &bytes[i..limit]) else {
            i = limit;
            continue;
        };
        i += offset;
        let b = bytes[i];
        let (j, may_start) = run.at(text, i, para.end);
        if may_start && !(b == b'.' && is_abbreviation(text, start, i)) {
            out.push(start..j);
            start = skip_space(text, j, para.end);
            i = start;
            continue;
        }
        i += 1;
    }
    if start < para.end {
        out.push(start..para.end);
    }
}

/// The longest sentence, in bytes, that is analysed whole: a longer one (a run of commas or NUL
/// bytes with no full stop) is cut into pieces of about this size, so that the tokens of one
/// sentence, held at once, stay bounded.
pub const LONGEST_SENTENCE: usize = 64 * 1024;

/// Cuts every sentence of `spans` longer than [`LONGEST_SENTENCE`] into pieces, after a space
/// where the piece's second half has one, never inside a quote (`quotes`, sorted).
pub fn cut_long_sentences(text: &str, quotes: &[Range<usize>], spans: &mut Vec<Range<usize>>) {
    if spans.iter().all(|s| s.len() <= LONGEST_SENTENCE) {
        return;
    }
    let mut out = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        let mut start = span.start;
        while span.end - start > LONGEST_SENTENCE {
            let end = piece_end(text, quotes, start, start + LONGEST_SENTENCE);
            if end >= span.end {
                break;
            }
            out.push(start..end);
            start = skip_space(text, end, span.end);
        }
        if start < span.end {
            out.push(start..span.end);
        }
    }
    *spans = out;
}

/// Where a piece of a long sentence from `start` ends, near `limit`: outside any quote, on a
/// character boundary, before the last run of spaces of its second half if there is one.
fn piece_end(text: &str, quotes: &[Range<usize>], start: usize, limit: usize) -> usize {
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if let Some(quote) = quote_around(quotes, end) {
        // A quote stays whole: the piece ends before it, or after it when it opens the piece.
        return if quote.start > start {
            quote.start
        } else {
            quote.end
        };
    }
    let half = start + (end - start) / 2;
    let bytes = text.as_bytes();
    let Some(space) = bytes[half..end].iter().rposition(u8::is_ascii_whitespace) else {
        return end;
    };
    let mut cut = half + space;
    while cut > half && bytes[cut - 1].is_ascii_whitespace() {
        cut -= 1;
    }
    match quote_around(quotes, cut) {
        Some(_) => end,
        None if cut > start => cut,
        None => end,
    }
}

/// The quote that `at` falls strictly inside, if any.
fn quote_around(quotes: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let q = quotes.partition_point(|r| r.end <= at);
    quotes.get(q).filter(|r| r.start < at)
}

/// A run of terminal marks and closing brackets or quotes ("?!", ".\")"): where it ends and
/// whether a new sentence may start there.
#[derive(Default)]
struct MarkRun {
    end: usize,
    may_start: bool,
}

impl MarkRun {
    /// The run's end after the mark at `i` and whether a sentence may start there, computed once
    /// per run (a mark inside the last run shares its end).
    fn at(&mut self, text: &str, i: usize, para_end: usize) -> (usize, bool) {
        if i >= self.end {
            let bytes = text.as_bytes();
            let mut j = i + 1;
            while j < para_end && matches!(bytes[j], b'.' | b'?' | b'!' | b')' | b'"' | b'\'') {
                j += 1;
            }
            self.end = j;
            self.may_start = starts_new_sentence(text, j, para_end);
        }
        (self.end, self.may_start)
    }
}

/// `"Are you sure?" Smith asked.`: a speaker and a speech verb right after a quote belong to its
/// sentence even after a question or exclamation mark.
fn attribution_follows(text: &str, at: usize, end: usize) -> bool {
    let words: Vec<&str> = text[at..end]
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if lexicon::speech_verbs().contains(&bare) {
            return k > 0 || w.len() != bare.len() || words.len() > 1;
        }
        // Names, titles and a short aside between commas ("Rep. Jo Roe, R-Pa., said").
        let name_like =
            w.starts_with(char::is_uppercase) || lexicon::speaker_openers().contains(&bare);
        let abbreviation = w.ends_with('.') && lexicon::abbreviations().contains(&bare);
        let ends_sentence = w.ends_with(['.', ';', ':']) && !abbreviation && !is_initials(w);
        if !name_like || ends_sentence {
            return false;
        }
    }
    false
}

/// Initials and state abbreviations: "N.C.", "R-Pa.", "J.".
fn is_initials(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 3 && word.trim_end_matches(',').ends_with('.')
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '“')
}

fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while i < end && text.as_bytes()[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Whitespace then a capital, a digit or an opening mark.
fn starts_new_sentence(text: &str, at: usize, end: usize) -> bool {
    let rest = &text[at..end];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    trimmed.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(')
    })
}

/// The longest word read as an abbreviation or a run of initials, in bytes ("U.S.", "a.m.").
const LONGEST_ABBREVIATION: usize = 64;

/// The word before the period at `dot` is an abbreviation (Mr., U.S., Sen.) or an initial.
fn is_abbreviation(text: &str, start: usize, dot: usize) -> bool {
    // Only the last bytes are read: a longer word ("U......" or a run of dots) is no
    // abbreviation, and every period of such a run would otherwise read it all again.
    let mut from = dot.saturating_sub(LONGEST_ABBREVIATION + 4).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    let word = word.trim_start_matches(is_closing_mark);
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') {
        // U.S., D.C., a.m.
        return word.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    }
    lexicon::abbreviations().contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let quotes: Vec<_> = crate::analysis::quotes::find_quotes(text, &paragraphs(text))
            .into_iter()
            .map(|q| q.span)
            .collect();
        paragraphs(text)
            .into_iter()
            .flat_map(|p| sentences(text, p, &quotes))
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn paragraphs_are_non_blank_lines_trimmed() {
        let text = "  One.\r\n\r\nTwo.\nThree.  \n";
        let p: Vec<_> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met U.S. officials. Sen. Jane Doe left at 5 p.m. Then rain."),
            [
                "Mr. Smith met U.S. officials.",
                "Sen. Jane Doe left at 5 p.m. Then rain."
            ]
        );
    }

    #[test]
    fn a_speaker_after_a_question_mark_stays_in_the_sentence() {
        assert_eq!(
            split("\"Who knew?\" Jane Doe asked. \"Not me!\" he said. \"Fine.\" Then rain."),
            [
                "\"Who knew?\" Jane Doe asked.",
                "\"Not me!\" he said.",
                "\"Fine.\"",
                "Then rain."
            ]
        );
    }

    #[test]
    fn an_aside_after_the_speaker_keeps_the_sentence_whole() {
        assert_eq!(
            split("\"Keep moving!\" Rep. Jo Roe, R-Pa., said of it. Next one."),
            [
                "\"Keep moving!\" Rep. Jo Roe, R-Pa., said of it.",
                "Next one."
            ]
        );
    }

    #[test]
    fn quotes_stay_whole_and_can_end_a_sentence() {
        assert_eq!(
            split("\"It failed. We know,\" he said. \"We will try again.\" Then she left."),
            [
                "\"It failed. We know,\" he said.",
                "\"We will try again.\"",
                "Then she left."
            ]
        );
    }
}

#[cfg(test)]
#[path = "segment_long_tests.rs"]
mod long_tests;
