//! Who a mention names: `score.py`'s word lists and its `words` and `head_surname`, so that a
//! predicted speaker is judged by the same surname rule as in the shared tool.

use std::collections::HashSet;

/// Words that never count as a name (lower case; titles, roles, articles, party labels).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "sec",
    "gen",
    "general",
    "lt",
    "col",
    "adm",
    "prof",
    "the",
    "a",
    "an",
    "of",
    "former",
    "candidate",
    "chairman",
    "chair",
    "spokesman",
    "spokeswoman",
    "minister",
    "prime",
    "house",
    "speaker",
    "leader",
    "mayor",
    "judge",
    "rev",
    "sir",
    "lady",
    "lord",
    "st",
    "jr",
    "sr",
    "u.s.",
    "us",
    "new",
    "democratic",
    "republican",
    "gop",
    "democrat",
    "nominee",
    "campaign",
    "manager",
    "aide",
    "adviser",
    "advisor",
    "official",
];

/// Mentions that name no one.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "who", "you", "him", "her", "them", "his", "its",
    "their", "this", "that", "which", "one",
];

fn is_title(w: &str) -> bool {
    TITLES.contains(&w)
}

pub(super) fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w)
}

/// Python's `str.isspace` for one character.
pub(super) fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.strip()`.
pub(super) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn first_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Capitalised words of `s` that are not titles (`score.py`'s `words`):
/// runs of `[A-Za-z][A-Za-z'-]+`.
pub(super) fn words(s: Option<&str>) -> HashSet<String> {
    let mut out = HashSet::new();
    let b = s.unwrap_or("").as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < b.len() && (b[j].is_ascii_alphabetic() || b[j] == b'\'' || b[j] == b'-') {
                j += 1;
            }
            if j - i >= 2 {
                let w = std::str::from_utf8(&b[i..j]).expect("ASCII");
                if b[i].is_ascii_uppercase() && !is_title(&w.to_lowercase()) {
                    out.insert(w.to_string());
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Removes `\([^)]*\)` matches, each replaced by a space.
fn drop_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        match rest[open + 1..].find(')') {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &rest[open + 1 + close + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Tokens of `score.py`'s `head_surname`: `[A-Za-z][A-Za-z'’-]*` or one character that is
/// neither white space nor an ASCII letter.
fn head_tokens(part: &str) -> Vec<&str> {
    let mut toks = Vec::new();
    let mut it = part.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_alphabetic() || matches!(d, '\'' | '\u{2019}' | '-') {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            toks.push(&part[i..end]);
        } else if !py_space(c) {
            toks.push(&part[i..i + c.len_utf8()]);
        }
    }
    toks
}

/// The surname of the head name in a gold mention, or `None` where the mention names no one
/// (`score.py`'s `head_surname`): parentheses go; the first comma-separated part holding a head
/// name wins; a capitalised run followed by a lower-case word modifies it rather than naming
/// the speaker; possessives, titles and pronouns never count.
pub(super) fn head_surname(s: Option<&str>) -> Option<String> {
    let s = drop_parens(s.unwrap_or(""));
    for part in s.split(',') {
        let mut toks = head_tokens(part);
        toks.push(".");
        let mut head: Option<&str> = None;
        let mut cur: Vec<&str> = Vec::new();
        for w in toks {
            let lower = w.to_lowercase();
            let possessive = w.ends_with('\'')
                || w.ends_with('\u{2019}')
                || w.ends_with("'s")
                || w.ends_with("\u{2019}s");
            let name = first_upper(w)
                && !possessive
                && !is_title(lower.trim_end_matches('.'))
                && !is_pronoun(&lower);
            if name {
                cur.push(w);
                continue;
            }
            if let Some(&last) = cur.last() {
                let modifier =
                    first_lower(w) && !matches!(lower.as_str(), "who" | "and" | "said" | "says");
                if !modifier {
                    head = Some(last);
                }
            }
            cur.clear();
        }
        if let Some(h) = head {
            return Some(h.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ws: &[&str]) -> HashSet<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn head_surname_cases() {
        let h = |s: &str| head_surname(Some(s));
        assert_eq!(
            h("Clinton spokesman Brian Fallon").as_deref(),
            Some("Fallon")
        );
        assert_eq!(h("a Ruiz spokeswoman"), None);
        assert_eq!(
            h("Geoff Garin, a pollster for Priorities USA").as_deref(),
            Some("Garin")
        );
        assert_eq!(h("Sanders (I-Vt.)").as_deref(), Some("Sanders"));
        assert_eq!(h("he"), None);
        assert_eq!(h("the senator"), None);
        assert_eq!(h("President Ana Ruiz").as_deref(), Some("Ruiz"));
        assert_eq!(h("Ruiz's assistant"), None);
        assert_eq!(h("Sen. Ted Cruz").as_deref(), Some("Cruz"));
        assert_eq!(h("Smith, who said").as_deref(), Some("Smith"));
        assert_eq!(h("Jean-Luc O'Neil").as_deref(), Some("O'Neil"));
        assert_eq!(head_surname(None), None);
        assert_eq!(h(""), None);
    }

    #[test]
    fn words_cases() {
        assert_eq!(words(Some("President Ana Ruiz")), set(&["Ana", "Ruiz"]));
        assert_eq!(
            words(Some("the U.S. envoy Al Jones-Smith")),
            set(&["Al", "Jones-Smith"])
        );
        assert_eq!(words(Some("he")), set(&[]));
        assert_eq!(words(None), set(&[]));
    }
}
