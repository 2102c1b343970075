//! Quotation marks paired into quoted passages.
//!
//! Marks are paired by family (double, single, guillemet), never sequentially, so an apostrophe
//! cannot close a double quote. Pairing runs paragraph by paragraph: a quote left open at the end
//! of a paragraph ends there (the multi-paragraph convention), unless the next line is the same
//! sentence carried over a hard line break. Damage from a stray mark stays in its paragraph.

use std::ops::Range;

use crate::lexicon;

/// A quoted passage found in the text, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Marks included; ends at the paragraph end when the quote is left open.
    pub span: Range<usize>,
    /// The passage has no closing mark (a paragraph of a multi-paragraph quote).
    pub open_end: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

/// What a mark can do, given its shape alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `“`, ``` `` ```, `‘`, `«`, `„`.
    Opening,
    /// `”`, `’`, `»`.
    Closing,
    /// `"`, `''`, `'`: the context decides.
    Straight,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    shape: Shape,
    /// `„` closes with `“`, which otherwise opens.
    low: bool,
}

/// Deepest nesting we track; deeper marks are ignored so pathological input stays linear.
const MAX_DEPTH: usize = 16;

/// An open mark and the quotes closed directly inside it. The inner quotes are dropped when the
/// mark closes (they are nested in its quote) and kept when it turns out to be an apostrophe.
struct Open {
    mark: Mark,
    inner: Vec<QuoteSpan>,
}

/// Finds the quoted passages of `text`, given its paragraphs (byte ranges, in order).
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        // A quote carried over from the previous line keeps its opening mark on the stack.
        for mark in marks(text, para.clone()) {
            apply(text, mark, &mut open, &mut quotes);
        }
        let Some(first) = open.first().map(|o| o.mark) else {
            continue;
        };
        let next = paragraphs.get(i + 1);
        if next.is_some_and(|n| continues_over_line_break(text, n, first.family)) {
            continue;
        }
        close_paragraph(text, para.end, std::mem::take(&mut open), &mut quotes);
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// The end of a paragraph with marks still open: a double quote or guillemet left open is a
/// paragraph of a multi-paragraph quote; a single mark that never closed was an apostrophe
/// (`Ruiz 's claims`), so the quotes inside it stand on their own.
fn close_paragraph(text: &str, end: usize, open: Vec<Open>, quotes: &mut Vec<QuoteSpan>) {
    for entry in open {
        if entry.mark.family == Family::Single {
            quotes.extend(entry.inner);
            continue;
        }
        if has_words(&text[entry.mark.at + entry.mark.len..end]) {
            quotes.push(QuoteSpan {
                span: entry.mark.at..end,
                open_end: true,
            });
        }
        break;
    }
}

/// Whether a quote open at the end of `para` goes on in `next`: `next` does not open a quote
/// itself, and the first mark of the family there can only close one (`...veterans," said X`).
fn continues_over_line_break(text: &str, next: &Range<usize>, family: Family) -> bool {
    let mut marks = marks(text, next.clone()).peekable();
    if marks.peek().is_some_and(|m| m.at == next.start) {
        return false;
    }
    marks
        .find(|m| m.family == family)
        .is_some_and(|m| can_close(text, &m) && !can_open(text, &m))
}

fn has_words(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Applies one mark to the stack of open marks, emitting a quote when the outermost one closes.
fn apply(text: &str, mark: Mark, open: &mut Vec<Open>, quotes: &mut Vec<QuoteSpan>) {
    let opens = can_open(text, &mark);
    let closes = can_close(text, &mark);
    let pending = open.iter().rposition(|o| o.mark.family == mark.family);
    let close_now = match mark.shape {
        // A curly mark closes what is open of its family; a low „ is closed by “ as well.
        Shape::Closing => pending.is_some(),
        Shape::Opening if mark.low => false,
        Shape::Opening => {
            pending.is_some_and(|p| open[p].mark.low) || (pending.is_some() && closes && !opens)
        }
        Shape::Straight => match mark.family {
            // A straight double closes whatever double is open.
            Family::Double => pending.is_some(),
            _ => pending.is_some() && closes,
        },
    };
    if close_now {
        let p = pending.unwrap_or(0);
        let start = open[p].mark.at;
        open.truncate(p);
        let span = start..mark.at + mark.len;
        if worth_keeping(text, &span) {
            let quote = QuoteSpan {
                span,
                open_end: false,
            };
            match open.last_mut() {
                Some(outer) => outer.inner.push(quote),
                None => quotes.push(quote),
            }
        }
        return;
    }
    let open_now = match mark.shape {
        Shape::Opening => true,
        Shape::Closing => opens && !closes,
        Shape::Straight => opens && !(mark.family == Family::Single && is_elision(text, &mark)),
    };
    if open_now && open.len() >= MAX_DEPTH {
        // Full of marks that never closed: the oldest open single mark was an apostrophe.
        if let Some(k) = open.iter().position(|o| o.mark.family == Family::Single) {
            let dissolved = open.remove(k);
            match k.checked_sub(1) {
                Some(below) => open[below].inner.extend(dissolved.inner),
                None => quotes.extend(dissolved.inner),
            }
        }
    }
    if open_now && open.len() < MAX_DEPTH {
        open.push(Open {
            mark,
            inner: Vec::new(),
        });
    }
}

/// Drops passages with no words, and single-quoted fragments like `'n'` in rock 'n' roll.
fn worth_keeping(text: &str, span: &Range<usize>) -> bool {
    let inner = &text[span.clone()];
    // Two letters are enough to decide.
    let letters = inner
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(2)
        .count();
    letters >= 2 || (letters >= 1 && !inner.starts_with(['\'', '‘']))
}

fn prev_char(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

fn next_char(text: &str, mark: &Mark) -> Option<char> {
    text[mark.at + mark.len..].chars().next()
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '`'
    )
}

/// Left-flanking: something follows, and whitespace, an opening bracket or dash, or another mark
/// comes before.
fn can_open(text: &str, mark: &Mark) -> bool {
    let next_ok = next_char(text, mark).is_some_and(|c| !c.is_whitespace());
    let prev_ok = prev_char(text, mark.at)
        .is_none_or(|c| c.is_whitespace() || is_mark(c) || "([{—–-/…:;".contains(c));
    next_ok && prev_ok
}

/// Right-flanking: something other than whitespace comes before, and whitespace, punctuation or
/// the end follows.
fn can_close(text: &str, mark: &Mark) -> bool {
    let prev_ok = prev_char(text, mark.at).is_some_and(|c| !c.is_whitespace());
    let next_ok = next_char(text, mark).is_none_or(|c| !c.is_alphanumeric());
    prev_ok && next_ok
}

/// An apostrophe that stands for dropped letters: '90s, 'em, 'til.
fn is_elision(text: &str, mark: &Mark) -> bool {
    let rest = &text[mark.at + mark.len..];
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    lexicon::elisions().contains(&word.to_lowercase())
}

/// The quotation marks of one paragraph, with their family and shape.
fn marks(text: &str, para: Range<usize>) -> impl Iterator<Item = Mark> + '_ {
    let bytes = &text.as_bytes()[..para.end];
    let mut candidates = mark_bytes(bytes, para.start);
    // Where the next mark may start: past the last character looked at.
    let mut from = para.start;
    std::iter::from_fn(move || {
        for at in candidates.by_ref() {
            if at < from {
                continue;
            }
            let c = text[at..].chars().next()?;
            let doubled = |b: u8| bytes.get(at + 1) == Some(&b);
            let (family, shape, len, low) = match c {
                '"' => (Family::Double, Shape::Straight, 1, false),
                '\'' if doubled(b'\'') => (Family::Double, Shape::Straight, 2, false),
                '`' if doubled(b'`') => (Family::Double, Shape::Opening, 2, false),
                '“' => (Family::Double, Shape::Opening, c.len_utf8(), false),
                '„' => (Family::Double, Shape::Opening, c.len_utf8(), true),
                '”' => (Family::Double, Shape::Closing, c.len_utf8(), false),
                '«' => (Family::Guillemet, Shape::Opening, c.len_utf8(), false),
                '»' => (Family::Guillemet, Shape::Closing, c.len_utf8(), false),
                '‘' => (Family::Single, Shape::Opening, c.len_utf8(), false),
                '\'' | '’' => {
                    // Between letters it is an apostrophe (don't, Ruiz’s, O'Brien).
                    let before = text[..at].chars().next_back();
                    let after = text[at + c.len_utf8()..].chars().next();
                    if before.is_some_and(char::is_alphanumeric)
                        && after.is_some_and(char::is_alphanumeric)
                    {
                        continue;
                    }
                    let shape = if c == '’' {
                        Shape::Closing
                    } else {
                        Shape::Straight
                    };
                    (Family::Single, shape, c.len_utf8(), false)
                }
                _ => continue,
            };
            // Past the mark: both halves of `''` and ``` `` ```.
            from = at + len;
            return Some(Mark {
                at,
                len,
                family,
                shape,
                low,
            });
        }
        None
    })
}

/// The offsets in `bytes[start..]` of the bytes that can start a quotation mark: `"`, `'`,
/// `` ` `` and the lead bytes of the curly marks (E2) and guillemets (C2), in order.
fn mark_bytes(bytes: &[u8], start: usize) -> impl Iterator<Item = usize> + '_ {
    let common = memchr::memchr3_iter(b'"', b'\'', 0xE2, &bytes[start..]);
    // Backticks and guillemets are rare: the next one is found once and kept until its turn.
    let rare = memchr::memchr2_iter(b'`', 0xC2, &bytes[start..]);
    let (mut common, mut rare) = (common.peekable(), rare.peekable());
    std::iter::from_fn(move || {
        let next = match (common.peek(), rare.peek()) {
            (Some(c), Some(r)) if r < c => rare.next(),
            (Some(_), _) => common.next(),
            (None, _) => rare.next(),
        };
        next.map(|i| start + i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Range<usize>> {
        crate::analysis::segment::paragraphs(text)
    }

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text, &lines(text))
            .into_iter()
            .map(|q| &text[q.span])
            .collect()
    }

    #[test]
    fn straight_and_curly_double_marks() {
        assert_eq!(quoted(r#""We will win," she said."#), [r#""We will win,""#]);
        assert_eq!(quoted("“We will win,” she said."), ["“We will win,”"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "“Don't touch Ruiz's '90s records, rock 'n' roll or the Joneses' car,” he said.";
        assert_eq!(quoted(text), [&text[..text.find(" he").unwrap()]]);
        assert!(quoted("It's the Joneses' house, isn't it? Rock 'n' roll.").is_empty());
    }

    #[test]
    fn british_single_marks_with_nested_double() {
        let text = "‘They called it “a disgrace”, and left,’ the minister said.";
        assert_eq!(quoted(text), ["‘They called it “a disgrace”, and left,’"]);
    }

    #[test]
    fn archive_doubled_apostrophes_and_backticks() {
        assert_eq!(quoted("''It is over,'' he said."), ["''It is over,''"]);
        assert_eq!(quoted("``It is over,'' he said."), ["``It is over,''"]);
        assert_eq!(
            quoted("''On the 'wrong track.' No,'' she said."),
            ["''On the 'wrong track.' No,''"]
        );
    }

    #[test]
    fn guillemets_and_low_double() {
        assert_eq!(quoted("« Non », a-t-il dit."), ["« Non »"]);
        assert_eq!(quoted("„Nein“, sagte er."), ["„Nein“"]);
    }

    #[test]
    fn a_mark_right_after_a_guillemet_is_read() {
        assert_eq!(
            quoted("''Their motto is «liberté»'' he said. Then ''more'' came."),
            ["''Their motto is «liberté»''", "''more''"]
        );
        assert_eq!(
            quoted("«\"Non\", a-t-il dit» puis «oui»."),
            ["«\"Non\", a-t-il dit»", "«oui»"]
        );
    }

    #[test]
    fn quote_over_a_hard_line_break_is_one_span() {
        let text = "\"We could agree.\nOther things failed,\" he stated.\nNext line.";
        assert_eq!(quoted(text), ["\"We could agree.\nOther things failed,\""]);
    }

    #[test]
    fn quote_over_a_blank_line_when_the_next_paragraph_closes_it() {
        let text = "\"Who may be included is\n\nbased on advice,\" said Jones. Next \"one\" here.";
        assert_eq!(
            quoted(text)[0],
            "\"Who may be included is\n\nbased on advice,\""
        );
        let text = "\"Left open\n\nThen he said \"no\" twice.";
        assert_eq!(quoted(text), ["\"Left open", "\"no\""]);
    }

    #[test]
    fn multi_paragraph_quote_ends_each_paragraph_open() {
        let text = "\"First part of it.\n\n\"Second part,\" he said.";
        let found = find_quotes(text, &lines(text));
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "\"First part of it.");
        assert!(found[0].open_end);
        assert_eq!(&text[found[1].span.clone()], "\"Second part,\"");
    }

    #[test]
    fn an_unbalanced_mark_stays_in_its_paragraph() {
        let text = "He said \"no and left.\n\nThen \"yes,\" she said.";
        let q = quoted(text);
        assert_eq!(q, ["\"no and left.", "\"yes,\""]);
    }

    #[test]
    fn a_stray_apostrophe_does_not_swallow_the_quotes_after_it() {
        let text =
            "Smith 's claims grew. He blamed them for \"blocking the process\" by accusing Europe.";
        assert_eq!(quoted(text), ["\"blocking the process\""]);
    }

    #[test]
    fn many_stray_apostrophes_in_one_paragraph_do_not_block_later_quotes() {
        let text = "Smith 's view. \"Yes,\" he said. ".repeat(40);
        assert_eq!(quoted(&text).len(), 40);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(quoted("word” then “real quote” here"), ["“real quote”"]);
    }

    /// No wall-clock budget (a loaded machine would fail it): a pairing that is quadratic in the
    /// marks would not finish this test run at all.
    #[test]
    fn pathological_marks_stay_linear() {
        let text = "“".repeat(100_000) + &"\"".repeat(100_000);
        let found = quoted(&text);
        assert!(found.len() <= 100_000, "{}", found.len());
    }
}
