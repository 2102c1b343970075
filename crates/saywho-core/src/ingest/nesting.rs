//! Caps how deeply a web page's elements nest before the page is parsed.
//!
//! The HTML parser and the article extractor look through the open elements for every tag, so a
//! page of 20,000 nested `<div>` takes them time that grows with the square of its size. Real
//! pages nest a few dozen elements deep (the saved pages of the development set at most 30);
//! past [`MAX_DEPTH`] open elements, further start tags (and their end tags) are dropped, so
//! the content stays and the cost stays linear. A page that never nests that deep is passed on
//! untouched.
//!
//! The scan is a light tokenizer: comments, doctype and processing instructions, raw text
//! (`<script>`, `<style>`, `<textarea>`, `<title>`, ...), quoted attribute values, void elements
//! (`<br>`, `<img>`), and elements whose end tag may be left out (`<p>`, `<li>`, `<td>`, ...:
//! they cannot nest in one another without a container, which is counted) are not counted.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// How many open elements a page may nest before further start tags are dropped.
pub const MAX_DEPTH: usize = 128;

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "frame",
];

/// Elements whose end tag may be omitted: the parser closes them when a sibling starts.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb",
    "rt", "rtc", "rp", "caption", "colgroup",
];

/// Formatting elements: the end tag of one with a block open inside it (`<b><div>x</b>`)
/// leaves the block open, as the parser's adoption agency does, rather than closing it.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with start tags nested deeper than [`MAX_DEPTH`] (and their end tags) removed.
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    cap_nesting_at(html, MAX_DEPTH)
}

fn cap_nesting_at(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    // Names (byte ranges of `html`) of the counted open elements, innermost last.
    let mut open: Vec<Range<usize>> = Vec::new();
    // Start tags dropped, by lower-case name: the end tags that close them go too.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut out = String::new();
    // Where the text not yet copied to `out` starts (used once something is dropped).
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + lt;
        let Some(tag) = read_tag(bytes, at) else {
            i = at + 1;
            continue;
        };
        i = tag.end;
        if tag.name.is_empty() {
            continue;
        }
        let name = &html[tag.name.clone()];
        let drop = if tag.closing {
            close(html, &mut open, &mut dropped, name)
        } else if is_one_of(name, VOID) || tag.self_closing_foreign(&open, html) {
            false
        } else if open.len() >= max_depth {
            // Past the cap every element goes, rows and cells too (a table of 30,000 rows at
            // the bottom of the capped nesting would be as slow to read).
            *dropped.entry(name.to_ascii_lowercase()).or_default() += 1;
            true
        } else {
            if !is_one_of(name, OPTIONAL_END) {
                open.push(tag.name.clone());
            }
            false
        };
        if drop {
            out.push_str(&html[copied..at]);
            copied = tag.end;
        }
        if !tag.closing && is_one_of(name, RAW_TEXT) {
            i = raw_text_end(bytes, i, name);
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// An end tag: whether it is dropped (it closes a dropped start tag); else it closes the
/// innermost open element of its name, and those inside it, if there is one; a formatting
/// element's leaves the blocks inside it open.
fn close(
    html: &str,
    open: &mut Vec<Range<usize>>,
    dropped: &mut HashMap<String, usize>,
    name: &str,
) -> bool {
    if !dropped.is_empty() {
        if let Some(count) = dropped.get_mut(&name.to_ascii_lowercase()) {
            if *count > 0 {
                *count -= 1;
                return true;
            }
        }
    }
    // The stack holds at most `MAX_DEPTH` names, so the search is bounded.
    if let Some(k) = open
        .iter()
        .rposition(|r| html[r.clone()].eq_ignore_ascii_case(name))
    {
        let inside = open.split_off(k + 1);
        open.pop();
        if is_one_of(name, FORMATTING) {
            let blocks = inside.into_iter();
            open.extend(blocks.filter(|r| !is_one_of(&html[r.clone()], FORMATTING)));
        }
    }
    false
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// A tag read at a `<`.
struct Tag {
    /// The element's name.
    name: Range<usize>,
    closing: bool,
    /// Written `<x/>`.
    slash: bool,
    /// Just past the `>` (or the end of the text).
    end: usize,
}

impl Tag {
    /// `<path/>` inside `<svg>` or `<math>` has no content; in HTML the slash means nothing.
    fn self_closing_foreign(&self, open: &[Range<usize>], html: &str) -> bool {
        self.slash
            && open.iter().any(|r| {
                let n = &html[r.clone()];
                n.eq_ignore_ascii_case("svg") || n.eq_ignore_ascii_case("math")
            })
    }
}

/// The tag starting at `bytes[at] == b'<'`, or `None` for a `<` that starts none. Comments,
/// doctypes and processing instructions come back as tags without a name.
fn read_tag(bytes: &[u8], at: usize) -> Option<Tag> {
    let rest = &bytes[at + 1..];
    let skip_to = |needle: &[u8], from: usize| {
        memchr::memmem::find(&bytes[from..], needle)
            .map_or(bytes.len(), |k| from + k + needle.len())
    };
    if rest.starts_with(b"!--") {
        let end = skip_to(b"-->", at + 4);
        return Some(Tag {
            name: at..at,
            closing: false,
            slash: false,
            end,
        });
    }
    if rest.first().is_some_and(|b| matches!(b, b'!' | b'?')) {
        let end = skip_to(b">", at + 1);
        return Some(Tag {
            name: at..at,
            closing: false,
            slash: false,
            end,
        });
    }
    let closing = rest.first() == Some(&b'/');
    let start = at + 1 + usize::from(closing);
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = start
        + bytes[start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(bytes.len() - start);
    let (end, slash) = attributes_end(bytes, name_end);
    Some(Tag {
        name: start..name_end,
        closing,
        slash,
        end,
    })
}

/// Just past the `>` that ends a tag's attributes from `from`, skipping quoted values; and
/// whether the tag ends with `/>`.
fn attributes_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            q @ (b'"' | b'\'') if after_equals => {
                i = memchr::memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |k| i + 1 + k);
                after_equals = false;
            }
            b'=' => after_equals = true,
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    (bytes.len(), false)
}

/// Just past the end tag that closes the raw text element `name` whose content starts at `from`
/// (the end tag itself is left for the scan), or the end of the text.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(k) = memchr::memmem::find(&bytes[i..], b"</") {
        let at = i + k;
        let after = at + 2;
        if bytes.len() >= after + name.len()
            && bytes[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        i = after;
    }
    bytes.len()
}

#[cfg(test)]
#[path = "nesting_tests.rs"]
mod tests;
