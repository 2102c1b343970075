//! Tokens of a sentence: words, punctuation, and each quoted passage as one token.
//!
//! Treating a quotation as a single token lets the attribution rules read patterns such as
//! `QUOTE , NAME VERB` directly, and keeps names inside quotes out of reach as speakers.

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::{self, Class};

/// A word without its possessive ending: "Ruiz's" -> "Ruiz".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Lower-cases a word without a heap allocation for the common, short, ASCII case, the way
/// [`lower_case_copy`] does.
pub fn lowercase(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut lower = CompactString::new(word);
        lower.make_ascii_lowercase();
        return lower;
    }
    word.chars().map(lower_case_char).collect()
}

/// The text in lower case, byte for byte in step with it, so the lower-case form of any word is
/// the same byte range of the copy: tokens borrow it rather than each lower-casing its word.
/// Keeping the lengths equal means a capital whose lower case takes a different number of
/// bytes (a handful, such as 'İ') stays as it is.
pub fn lower_case_copy(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    bytes.make_ascii_lowercase();
    // Only the chunks with a non-ASCII byte can hold a non-ASCII capital.
    const CHUNK: usize = 32;
    for chunk in (0..bytes.len()).step_by(CHUNK) {
        let end = (chunk + CHUNK).min(bytes.len());
        if bytes[chunk..end].is_ascii() {
            continue;
        }
        for i in chunk..end {
            // A lead byte starts a character; continuation bytes are read with it.
            if bytes[i] < 0xC0 {
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                continue;
            };
            let lower = lower_case_char(c);
            if lower != c {
                lower.encode_utf8(&mut bytes[i..i + c.len_utf8()]);
            }
        }
    }
    // Characters were only replaced by characters of the same length.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_lowercase())
}

/// A character in lower case when that takes as many bytes as the character itself.
fn lower_case_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'t> {
    /// The token in lower case, borrowed from [`lower_case_copy`]: its length gives the end of
    /// the token, so a token fills 32 bytes.
    text: &'t str,
    /// Where the token starts in the text.
    start: usize,
    /// The quotation the token stands for (its index in the document's quote list), or
    /// [`NOT_QUOTE`]. Kept to 32 bits, with the two bytes below, so a token fills 32 bytes: the
    /// token lists are what the engine reads most.
    quote: u32,
    /// Lexicon classes of the word, looked up once here.
    pub class: Class,
    /// What the token is and how it is written: [`WORD`], [`CAPITALISED`], [`POSSESSIVE`].
    shape: u8,
}

const NOT_QUOTE: u32 = u32::MAX;
/// A word (not punctuation, not a quotation).
const WORD: u8 = 1;
/// The word starts with a capital letter.
const CAPITALISED: u8 = 2;
/// The word ends in a possessive "'s" or "’s".
const POSSESSIVE: u8 = 4;

impl<'t> Tok<'t> {
    fn word(text: &'t str, lower_text: &'t str, span: Range<usize>) -> Self {
        let word = &text[span.clone()];
        let lower = &lower_text[span.clone()];
        let mut shape = WORD;
        let first = word.as_bytes()[0];
        if first.is_ascii_uppercase() || !first.is_ascii() && word.starts_with(char::is_uppercase) {
            shape |= CAPITALISED;
        }
        let mut class = lexicon::word_class(lower);
        let bare = strip_possessive(lower);
        if bare.len() != lower.len() {
            shape |= POSSESSIVE;
            class |= lexicon::word_class(bare) & Class::ROLE;
        }
        Tok {
            text: lower,
            start: span.start,
            quote: NOT_QUOTE,
            class,
            shape,
        }
    }

    /// A punctuation mark, or a quotation (`quote`).
    fn other(lower_text: &'t str, span: Range<usize>, quote: Option<usize>) -> Self {
        // Four billion quotations would take a text of eight gigabytes.
        let quote = quote.map_or(NOT_QUOTE, |q| u32::try_from(q).unwrap_or(NOT_QUOTE - 1));
        Tok {
            text: &lower_text[span.clone()],
            start: span.start,
            quote,
            class: Class::empty(),
            shape: 0,
        }
    }

    /// The byte range of the token in the text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    /// The word in lower case (empty for other tokens).
    pub fn lower(&self) -> &'t str {
        if self.is_word() {
            self.text
        } else {
            ""
        }
    }

    /// Whether the word is of any of `class`.
    pub fn has(&self, class: Class) -> bool {
        self.class.intersects(class)
    }

    pub fn is_speech_verb(&self) -> bool {
        self.has(Class::SPEECH_VERB)
    }

    /// The token after the speech verb at `v`, past its particle ("points out the owner").
    pub fn after_verb(toks: &[Tok], v: usize) -> usize {
        let particle = toks.get(v + 1).is_some_and(|next| {
            toks[v].has(Class::PHRASAL_VERB)
                && lexicon::speech_phrases().contains(toks[v].lower(), next.lower())
        });
        v + 1 + usize::from(particle)
    }

    pub fn is_preposition(&self) -> bool {
        self.has(Class::PREPOSITION)
    }

    pub fn is_adverb(&self) -> bool {
        self.has(Class::ADVERB)
    }

    pub fn is_word(&self) -> bool {
        self.shape & WORD != 0
    }

    pub fn is_capitalised(&self) -> bool {
        self.shape & CAPITALISED != 0
    }

    pub fn is_punct(&self, text: &str, p: &str) -> bool {
        self.shape & WORD == 0 && self.quote == NOT_QUOTE && &text[self.span()] == p
    }

    pub fn quote(&self) -> Option<usize> {
        (self.quote != NOT_QUOTE).then_some(self.quote as usize)
    }

    /// A possessive word: Ruiz's, Ruiz’s, the Joneses'.
    pub fn is_possessive(&self) -> bool {
        self.shape & POSSESSIVE != 0
    }
}

/// Tokenises `range` of `text`; `quotes` (sorted byte ranges, with their indices) become tokens.
/// `lower_text` is the text's [`lower_case_copy`].
pub fn tokenize<'t>(
    text: &'t str,
    lower_text: &'t str,
    range: Range<usize>,
    quotes: &[(usize, Range<usize>)],
) -> Vec<Tok<'t>> {
    // About one token per five bytes of news text.
    let mut toks = Vec::with_capacity(range.len() / 5 + 4);
    let mut i = range.start;
    let mut q = quotes.partition_point(|(_, r)| r.end <= range.start);
    while i < range.end {
        if let Some((idx, r)) = quotes.get(q).filter(|(_, r)| r.start <= i) {
            toks.push(Tok::other(lower_text, r.clone(), Some(*idx)));
            i = r.end.max(i + 1).min(range.end.max(r.end));
            q += 1;
            continue;
        }
        let b = text.as_bytes()[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(text, i, range.end);
            toks.push(Tok::word(text, lower_text, i..end));
            i = end;
            continue;
        }
        let end = i + c.len_utf8();
        toks.push(Tok::other(lower_text, i..end, None));
        i = end;
    }
    mark_speech_verbs_in_context(&mut toks);
    toks
}

/// Speech verbs depend on their neighbours: "shot back" is one, "the following comment" and
/// "his claims" are nouns, not verbs.
fn mark_speech_verbs_in_context(toks: &mut [Tok]) {
    for k in 0..toks.len() {
        // "the United States Senate": a capitalised word inside a name is no verb.
        let in_name = |t: &Tok| t.is_capitalised() && toks[k - 1].is_capitalised();
        let noun = k > 0
            && toks[k].is_speech_verb()
            && (toks[k - 1].has(Class::NOUN_MARKER)
                || toks[k - 1].is_possessive()
                || in_name(&toks[k]));
        if noun {
            toks[k].class.remove(Class::SPEECH_VERB);
        }
        if toks[k].has(Class::PHRASAL_VERB) {
            if let Some(next) = toks.get(k + 1) {
                if lexicon::speech_phrases().contains(toks[k].lower(), next.lower()) {
                    toks[k].class |= Class::SPEECH_VERB;
                }
            }
        }
    }
}

/// Which bytes are ASCII letters and digits: one load per byte of every word.
pub(super) static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// End of the word starting at `start`: letters and digits, joined by an apostrophe, hyphen, dot
/// or ampersand when a letter or digit follows (don't, Ruiz's, U.S, well-known); a trailing dot
/// is kept for abbreviations and initials (Mr., U.S., J.).
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    // Plain ASCII letters and digits first: most of any news text.
    let mut end = bytes[start..limit]
        .iter()
        .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
        .map_or(limit, |n| start + n);
    // Most words end at a space or plain punctuation: nothing to join.
    if end == limit || bytes[end].is_ascii() && !matches!(bytes[end], b'\'' | b'-' | b'.' | b'&') {
        return end;
    }
    let mut chars = text[end..limit].char_indices().peekable();
    let base = end;
    while let Some((k, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = base + k + c.len_utf8();
            continue;
        }
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '&');
        if joins && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            continue;
        }
        break;
    }
    if text[end..limit].starts_with('.') {
        let word = &text[start..end];
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        if initial
            || word.contains('.')
            || lexicon::abbreviations().contains(lowercase(word).as_str())
        {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let lower = lower_case_copy(text);
        tokenize(text, &lower, 0..text.len(), &[])
            .into_iter()
            .map(|t| &text[t.span()])
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_abbreviations_and_initials() {
        assert_eq!(
            words("Mr. O'Brien met U.S. envoy J. Smith's aide, didn't he?"),
            [
                "Mr.", "O'Brien", "met", "U.S.", "envoy", "J.", "Smith's", "aide", ",", "didn't",
                "he", "?"
            ]
        );
    }

    #[test]
    fn speech_verbs_in_context() {
        let text = "He shot back and made the following comment: his claims said. The United States Senate Says.";
        let lower = lower_case_copy(text);
        let toks = tokenize(text, &lower, 0..text.len(), &[]);
        let verbs: Vec<&str> = toks
            .iter()
            .filter(|t| t.is_speech_verb())
            .map(|t| &text[t.span()])
            .collect();
        assert_eq!(verbs, ["shot", "said"]);
    }

    #[test]
    fn a_token_fills_32_bytes() {
        assert_eq!(std::mem::size_of::<Tok>(), 32);
    }

    #[test]
    fn a_quote_is_one_token() {
        let text = "\"Yes, we will,\" she said.";
        let lower = lower_case_copy(text);
        let toks = tokenize(text, &lower, 0..text.len(), &[(0, 0..15)]);
        assert_eq!(toks[0].quote(), Some(0));
        assert_eq!(&text[toks[1].span()], "she");
    }

    #[test]
    fn the_lower_case_copy_keeps_every_byte_in_place() {
        let text = "Élise ÖZIL told CNN’s “Bob” in İzmir: «Ça va».";
        let lower = lower_case_copy(text);
        assert_eq!(lower, "élise özil told cnn’s “bob” in İzmir: «ça va».");
        assert_eq!(lower.len(), text.len());
        let toks = tokenize(text, &lower, 0..text.len(), &[]);
        for tok in toks.iter().filter(|t| t.is_word()) {
            assert_eq!(tok.lower(), lowercase(&text[tok.span()]));
        }
        assert_eq!(toks[0].lower(), "élise");
        assert!(toks[0].is_capitalised());
    }
}
