//! Word wrapping with source byte ranges, so every byte's screen row is a binary search away.
//!
//! Each source line is a paragraph; paragraphs are separated by one blank row. Rows never include
//! the spaces they were broken at. Widths are terminal cells (unicode-width, per grapheme), the same
//! measure ratatui uses, so wide characters and combining marks land where the wrapper thinks.

use std::borrow::Cow;

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// One screen row: the source bytes `start..end` it shows (empty for a blank row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// What a grapheme looks like on screen: tabs and line ends become a space; control characters
/// (C0, DEL, C1) and bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, LRM, RLM,
/// ALM) become visible placeholders (`ESC` → `␛`, C1 and bidi → U+FFFD), one cell wide, the same
/// as `extract` prints to a terminal. Nothing in the text can drive the terminal or reorder what
/// it shows.
pub fn cell(g: &str) -> (Cow<'_, str>, usize) {
    let Some(c) = g.chars().next() else {
        return (Cow::Borrowed(""), 0);
    };
    if matches!(c, '\t' | '\r' | '\n') {
        return (Cow::Borrowed(" "), 1);
    }
    if g.len() == 1 && !c.is_ascii_control() {
        return (Cow::Borrowed(g), 1);
    }
    // Any dangerous character stands for the whole grapheme (a control never joins one, but a
    // placeholder must not depend on that).
    if let Some(p) = g.chars().find_map(placeholder) {
        return (Cow::Owned(p.to_string()), 1);
    }
    (Cow::Borrowed(g), g.width())
}

/// The placeholder of a character that must not reach the terminal (tabs and line ends are
/// handled by [`cell`]).
fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\r' | '\n' => Some(' '),
        _ => saywho_core::export::safe::placeholder(c),
    }
}

/// The cell width of a grapheme as shown.
pub fn cell_width(g: &str) -> usize {
    cell(g).1
}

/// The cell width of a text as shown.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(cell_width).sum()
}

/// The lines of `text` wrapped to `width` cells (blank rows between paragraphs kept).
pub fn lines(text: &str, width: usize) -> Vec<&str> {
    wrap(text, width)
        .iter()
        .map(|r| &text[r.start..r.end])
        .collect()
}

fn is_space(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
}

/// Wraps `text` to `width` cells (at least 1).
pub fn wrap(text: &str, width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::with_capacity(text.len() / width.max(20) + 16);
    let mut pos = 0;
    let mut prev_text = false;
    for line in text.split('\n') {
        let blank = line.chars().all(char::is_whitespace);
        if blank {
            if prev_text && pos < text.len() {
                rows.push(Row {
                    start: pos,
                    end: pos,
                });
            }
        } else {
            if prev_text {
                rows.push(Row {
                    start: pos,
                    end: pos,
                });
            }
            wrap_line(line, pos, width, &mut rows);
        }
        prev_text = !blank;
        pos += line.len() + 1;
    }
    rows
}

fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Row>) {
    let mut push = |s: usize, e: usize| {
        rows.push(Row {
            start: base + s,
            end: base + e,
        })
    };
    let mut cur: Option<(usize, usize)> = None;
    let mut col = 0;
    let mut space = 0;
    let mut it = Graphemes::of(line).peekable();
    while let Some((i, g)) = it.next() {
        if is_space(g) {
            if cur.is_some() {
                space += cell_width(g);
            }
            continue;
        }
        let mut end = i + g.len();
        let mut word = cell_width(g);
        while let Some(&(j, h)) = it.peek() {
            if is_space(h) {
                break;
            }
            end = j + h.len();
            word += cell_width(h);
            it.next();
        }
        if let Some((s, e)) = cur {
            if col + space + word <= width {
                cur = Some((s, end));
                col += space + word;
                space = 0;
                continue;
            }
            push(s, e);
        }
        space = 0;
        if word <= width {
            cur = Some((i, end));
            col = word;
        } else {
            let mut s = i;
            col = 0;
            for (k, h) in line[i..end].grapheme_indices(true) {
                let w = cell_width(h);
                if col + w > width && col > 0 {
                    push(s, i + k);
                    s = i + k;
                    col = 0;
                }
                col += w;
            }
            cur = Some((s, end));
        }
    }
    if let Some((s, e)) = cur {
        push(s, e);
    }
}

/// The graphemes of a text with their byte offsets, as `grapheme_indices(true)` gives them, an
/// ASCII character at a time where no segmentation is needed: an ASCII character followed by
/// another (or by the end) is a grapheme of its own, unless it is the CR of a CRLF. A 10 MB
/// article wraps several times faster, so its first screen comes sooner.
struct Graphemes<'a> {
    text: &'a str,
    pos: usize,
    /// The graphemes of a stretch that needs segmenting, and where it starts.
    stretch: Option<(usize, GraphemeIndices<'a>)>,
}

impl<'a> Graphemes<'a> {
    fn of(text: &'a str) -> Graphemes<'a> {
        Graphemes {
            text,
            pos: 0,
            stretch: None,
        }
    }

    /// Whether the byte at `i` is an ASCII grapheme of its own.
    fn alone(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let next = b.get(i + 1).copied();
        b[i].is_ascii() && next.is_none_or(|n| n.is_ascii() && !(b[i] == b'\r' && n == b'\n'))
    }
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, it)) = &mut self.stretch {
            if let Some((i, g)) = it.next() {
                return Some((*base + i, g));
            }
            self.stretch = None;
        }
        let i = self.pos;
        if i >= self.text.len() {
            return None;
        }
        if self.alone(i) {
            self.pos = i + 1;
            return Some((i, &self.text[i..i + 1]));
        }
        // Up to and with the next ASCII grapheme of its own: a boundary always follows it, so
        // the stretch segments as the whole text would.
        let end = (i + 1..self.text.len())
            .find(|&k| self.alone(k))
            .map_or(self.text.len(), |k| k + 1);
        self.pos = end;
        self.stretch = Some((i, self.text[i..end].grapheme_indices(true)));
        self.next()
    }
}

/// Index of the row showing byte `at` (the last row starting at or before it).
pub fn row_of(rows: &[Row], at: usize) -> usize {
    rows.partition_point(|r| r.start <= at).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_graphemes_are_the_graphemes() {
        for text in [
            "plain ascii, words and 12:30.",
            "e\u{301}te\u{301} caf\u{e9} \u{201c}quoted\u{201d}\r\nnext",
            "\u{1F469}\u{200D}\u{1F4BB} a\u{308}b \u{0600}1 \u{1F1EB}\u{1F1F7}x \r",
            "\u{65e5}\u{672c}\u{8a9e}a\u{301}",
            "",
        ] {
            let fast: Vec<_> = super::Graphemes::of(text).collect();
            let slow: Vec<_> = text.grapheme_indices(true).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    use super::*;

    fn shown<'a>(text: &'a str, rows: &[Row]) -> Vec<&'a str> {
        rows.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn wraps_at_word_boundaries_and_separates_paragraphs() {
        let text = "one two three four\nfive six";
        let rows = wrap(text, 9);
        assert_eq!(
            shown(text, &rows),
            ["one two", "three", "four", "", "five six"]
        );
    }

    #[test]
    fn long_words_are_split_by_grapheme() {
        let text = "abcdefghij xy";
        assert_eq!(shown(text, &wrap(text, 4)), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let text = "日本語の文章 ab";
        // 日本語の文章 is 12 cells: with width 7 it splits after 3 characters (6 cells).
        assert_eq!(shown(text, &wrap(text, 7)), ["日本語", "の文章", "ab"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "cafe\u{301} cafe\u{301}";
        assert_eq!(shown(text, &wrap(text, 5)), ["cafe\u{301}", "cafe\u{301}"]);
        assert_eq!(shown(text, &wrap(text, 9)), ["cafe\u{301} cafe\u{301}"]);
    }

    #[test]
    fn control_characters_get_placeholders() {
        assert_eq!(cell("\u{1b}").0, "␛");
        assert_eq!(cell("\u{7}").0, "␇");
        assert_eq!(cell("\u{7f}").0, "␡");
        assert_eq!(cell("\u{9b}").0, "\u{fffd}");
        assert_eq!(cell("\u{85}").0, "\u{fffd}");
        for bidi in [
            "\u{202e}", "\u{202a}", "\u{2066}", "\u{2069}", "\u{200f}", "\u{61c}",
        ] {
            assert_eq!(
                cell(bidi),
                (Cow::Owned("\u{fffd}".to_string()), 1),
                "{bidi:?}"
            );
        }
        assert_eq!(cell("\n").0, " ");
        assert_eq!(cell("a").0, "a");
        assert_eq!(cell("e\u{301}"), (Cow::Borrowed("e\u{301}"), 1));
    }

    #[test]
    fn row_of_finds_the_row_of_a_byte() {
        let text = "one two three four\nfive six";
        let rows = wrap(text, 9);
        assert_eq!(row_of(&rows, 0), 0);
        assert_eq!(row_of(&rows, text.find("three").unwrap()), 1);
        assert_eq!(row_of(&rows, text.find("six").unwrap()), 4);
    }

    #[test]
    fn blank_lines_collapse_to_one_separator() {
        let text = "a\n\n\n\nb\n";
        assert_eq!(shown(text, &wrap(text, 5)), ["a", "", "b"]);
    }

    #[test]
    fn width_one_does_not_loop() {
        let text = "日本 ab";
        let rows = wrap(text, 1);
        assert_eq!(shown(text, &rows), ["日", "本", "a", "b"]);
    }
}
