//! Attribution: who said each quotation, in two passes over the sentences.
//!
//! - Pass one ([`entities`]): every name mention joins an entity; titles and appositives become
//!   aliases and roles.
//! - Pass two, in document order: pronouns, relative pronouns and descriptions resolve through
//!   the discourse state (who was recently the subject or the speaker), then each quote of the
//!   sentence runs through the sieve ([`rules::RULES`]): the cue rules ([`clauses`]) most precise
//!   first, then the context a quote without a cue continues. The first rule that finds a
//!   speaker decides, and the quote records it ([`Rule`]).
//! - The document ([`build`]) gives each quote its speaker, mention, cue, rule and alias chain.
//!
//! The rules read a sentence through its [`sentence::SentenceIndex`], computed once per sentence.

mod build;
mod clauses;
mod entities;
#[cfg(test)]
mod entity_tests;
mod name_words;
mod rules;
mod sentence;
#[cfg(test)]
mod tests;

use std::ops::Range;

pub use rules::Rule;

use build::{build_document, Analysed};
use entities::Entities;
use rules::{
    is_scare_quote, is_title_like, share_across_paragraph_parts, starts_lower, Found, QuoteAt,
};
use sentence::{Marks, Sentence, SentenceIndex};

use super::mentions::{find_mentions, LowerWords, Np};
use super::quotes::{find_quotes, QuoteSpan};
use super::reported;
use super::segment;
use super::tokens::{lower_case_copy, tokenize, Tok, ASCII_ALPHANUMERIC};
use crate::document::{DocumentParts, Mention};

/// Analyses `text` into the parts of a document, headings aside (see `super::analyze`).
pub fn analyze(text: String) -> DocumentParts {
    analyze_keeping(text, TOKEN_CACHE)
}

/// How many tokens pass one keeps for pass two, with its mentions counted in tokens' room
/// ([`kept_size`]): about 3 MB of news text.
const TOKEN_CACHE: usize = 1 << 20;

/// Analyses `text`, keeping the tokens of the first `token_cache` tokens between the passes.
fn analyze_keeping(text: String, token_cache: usize) -> DocumentParts {
    let paragraphs = segment::paragraphs(&text);
    let quotes = find_quotes(&text, &paragraphs);
    let lower_words = lower_case_words(&text);
    let lower_text = lower_case_copy(&text);
    let input = Input {
        text: &text,
        lower_text: &lower_text,
        lower_words: &lower_words,
        paragraphs: &paragraphs,
        quotes: &quotes,
        spans: quotes.iter().map(|q| q.span.clone()).enumerate().collect(),
    };
    let mut entities = Entities::new(&text, &lower_text);
    let (mut sentences, mention_count) = pass_one(&input, &mut entities, token_cache);
    entities.finish_linking();
    let mut pass = PassTwo {
        input: &input,
        entities,
        // The document's mention list, grown once rather than copied as it doubles.
        mentions: Vec::with_capacity(mention_count),
        spare_index: None,
        reported: reported::Finder::default(),
        entity_buf: Vec::new(),
    };
    let attributions = pass.run(&mut sentences);
    let PassTwo {
        entities,
        mentions,
        reported,
        ..
    } = pass;
    let entities = entities.all;
    let sentences = sentences.into_iter().map(|s| s.span).collect();
    let mut parts = build_document(Analysed {
        text,
        paragraphs,
        sentences,
        mentions,
        quotes,
        attributions,
        entities,
    });
    reported.finish(&mut parts);
    parts
}

/// The text and what the stages before attribution found in it, read by both passes.
struct Input<'t> {
    text: &'t str,
    /// The text's [`lower_case_copy`], which the tokens borrow.
    lower_text: &'t str,
    lower_words: &'t LowerWords,
    paragraphs: &'t [Range<usize>],
    quotes: &'t [QuoteSpan],
    /// The quotes' spans with their indices, for the tokeniser.
    spans: Vec<(usize, Range<usize>)>,
}

impl<'t> Input<'t> {
    /// The tokens and mentions of a sentence.
    fn tokens(&self, span: &Range<usize>) -> (Vec<Tok<'t>>, Vec<Np>) {
        let toks = tokenize(self.text, self.lower_text, span.clone(), &self.spans);
        let nps = find_mentions(self.text, &toks, self.lower_words);
        (toks, nps)
    }

    /// The sentence at `span`, in the paragraph `para_from` or one after it.
    fn sentence(&self, para_from: usize, span: Range<usize>) -> Sentence<'t> {
        let (toks, nps) = self.tokens(&span);
        let marks = Marks::of(self.text, &toks);
        let para = para_of(self.paragraphs, para_from, &span_start(&toks));
        let para_end = self.paragraphs[para].end.max(span.end);
        Sentence {
            span,
            para,
            para_end,
            links: vec![None; nps.len()],
            toks,
            nps,
            index: None,
            marks,
        }
    }
}

/// Pass one: sentences, mentions and names; returns the sentences and how many mentions they
/// hold. Pass two needs the tokens and mentions again: the first `token_cache` tokens are kept
/// for it, later sentences are tokenised again, so memory is bounded whatever the text's size and
/// articles of usual length are tokenised once.
fn pass_one<'t>(
    input: &Input<'t>,
    entities: &mut Entities<'t>,
    token_cache: usize,
) -> (Vec<Sentence<'t>>, usize) {
    let quote_ranges: Vec<Range<usize>> = input.quotes.iter().map(|q| q.span.clone()).collect();
    let mut sentences = Vec::new();
    let mut cached = 0;
    let mut mention_count = 0;
    let mut spans_of_unit = Vec::new();
    for (para, unit) in units(input.paragraphs, &quote_ranges) {
        segment::sentences_into(input.text, unit, &quote_ranges, &mut spans_of_unit);
        segment::cut_long_sentences(input.text, &quote_ranges, &mut spans_of_unit);
        for span in spans_of_unit.drain(..) {
            let mut sentence = input.sentence(para, span);
            entities.link_names(&mut sentence);
            mention_count += sentence.nps.len();
            cached += kept_size(&sentence);
            if cached > token_cache {
                sentence.toks = Vec::new();
                sentence.nps = Vec::new();
            }
            sentences.push(sentence);
        }
    }
    (sentences, mention_count)
}

/// The room a sentence's tokens and mentions take, in tokens: their lists as allocated, not as
/// filled, so that a text of tiny sentences ("Go. Go. ...") keeps as little as any other.
fn kept_size(s: &Sentence) -> usize {
    const MENTION: usize = std::mem::size_of::<Np>().div_ceil(std::mem::size_of::<Tok>());
    s.toks.capacity() + s.nps.capacity() * MENTION
}

/// Pass two, in document order: resolve mentions, then attribute each sentence's quotes.
struct PassTwo<'i, 't> {
    input: &'i Input<'t>,
    entities: Entities<'t>,
    /// Mentions of the sentences already attributed, in text order.
    mentions: Vec<Mention>,
    /// The index of the last retired sentence, for the next sentence to reuse.
    spare_index: Option<Box<SentenceIndex>>,
    /// Reported speech, read from each sentence once its quotes are attributed.
    reported: reported::Finder,
    /// The entity of each mention of the sentence being read, for the reported-speech stage.
    entity_buf: Vec<Option<usize>>,
}

impl<'t> PassTwo<'_, 't> {
    /// The sieve's finding for every quote.
    fn run(&mut self, sentences: &mut [Sentence<'t>]) -> Vec<Option<Found>> {
        let quotes = self.input.quotes;
        let mut result: Vec<Option<Found>> = vec![None; quotes.len()];
        let mut last_quote: Option<(usize, usize)> = None; // (quote, sentence)
        for si in 0..sentences.len() {
            // The rules read this sentence and the one before; older tokens can go, and so can
            // discourse entries too old for any pronoun to reach.
            if si % 256 == 0 {
                self.entities.forget_before(si);
            }
            if si >= 2 {
                self.retire(&mut sentences[si - 2]);
            }
            self.prepare(sentences, si);
            self.entities.resolve_mentions(sentences, si);
            self.attribute_quotes(sentences, si, &mut last_quote, &mut result);
            self.read_reported(&sentences[si]);
        }
        let from = sentences.len().saturating_sub(2);
        for s in &mut sentences[from..] {
            self.retire(s);
        }
        share_across_paragraph_parts(quotes, &mut result);
        result
    }

    /// Sentence `si` with its tokens (made again if pass one let them go) and, if the rules will
    /// read it, its index.
    fn prepare(&mut self, sentences: &mut [Sentence<'t>], si: usize) {
        let s = &mut sentences[si];
        if s.toks.is_empty() {
            (s.toks, s.nps) = self.input.tokens(&s.span);
        }
        if s.marks.quote || sentences.get(si + 1).is_some_and(|n| n.marks.quote) {
            let index =
                SentenceIndex::new(self.spare_index.take(), self.input.text, &sentences[si]);
            sentences[si].index = Some(index);
        }
    }

    /// Runs the sieve for each quote of sentence `si`.
    fn attribute_quotes(
        &mut self,
        sentences: &[Sentence<'t>],
        si: usize,
        last_quote: &mut Option<(usize, usize)>,
        result: &mut [Option<Found>],
    ) {
        let text = self.input.text;
        for qt in 0..sentences[si].toks.len() {
            let Some(qi) = sentences[si].toks[qt].quote() else {
                continue;
            };
            let quote = &text[self.input.quotes[qi].span.clone()];
            let at = QuoteAt {
                text,
                entities: &self.entities.all,
                sentences,
                si,
                qt,
                quote,
                last_quote: *last_quote,
                done: result,
            };
            let found = rules::attribute(&at);
            if let Some(f) = &found {
                self.entities.note_speaker(&f.evidence, si);
            }
            // Titles, scare quotes and partial quotes with no speaker do not interrupt a
            // speaker's run of quotes.
            let aside = || starts_lower(quote) || is_scare_quote(quote) || is_title_like(quote);
            if found.is_some() || !aside() {
                *last_quote = Some((qi, si));
            }
            result[qi] = found;
        }
    }

    /// Hands sentence `s`, its mentions resolved, to the reported-speech stage.
    fn read_reported(&mut self, s: &Sentence<'t>) {
        self.entity_buf.clear();
        self.entity_buf
            .extend((0..s.nps.len()).map(|n| s.entity(n)));
        let view = reported::View {
            text: self.input.text,
            toks: &s.toks,
            nps: &s.nps,
            entities: &self.entity_buf,
        };
        self.reported.read_sentence(&view, s.para);
    }

    /// A sentence the rules will not read again: its mentions go to the document, its tokens go.
    fn retire(&mut self, s: &mut Sentence) {
        let nps = std::mem::take(&mut s.nps);
        let links = std::mem::take(&mut s.links);
        let mentions = nps.into_iter().zip(links).map(|(np, link)| Mention {
            span: np.span,
            speaker: link.map(|l| l.entity),
        });
        self.mentions.extend(mentions);
        s.toks = Vec::new();
        self.spare_index = s.index.take();
    }
}

fn span_start(toks: &[Tok]) -> usize {
    toks.first().map_or(0, |t| t.span().start)
}

fn para_of(paragraphs: &[Range<usize>], from: usize, at: &usize) -> usize {
    from + paragraphs[from..]
        .partition_point(|p| p.end <= *at)
        .min(paragraphs.len() - from - 1)
}

/// Paragraphs joined where a quotation runs over a line break, so no sentence is cut there.
fn units(paragraphs: &[Range<usize>], quotes: &[Range<usize>]) -> Vec<(usize, Range<usize>)> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    let mut q = 0;
    for (i, p) in paragraphs.iter().enumerate() {
        while q < quotes.len() && quotes[q].end <= p.start {
            q += 1;
        }
        let bridged = out.last().is_some_and(|(_, u)| {
            quotes
                .get(q)
                .is_some_and(|r| r.start < u.end && r.end > p.start)
        });
        match out.last_mut() {
            Some((_, u)) if bridged => u.end = p.end,
            _ => out.push((i, p.clone())),
        }
    }
    out
}

/// Every word the text writes in lower case (a word: a run of letters and digits).
fn lower_case_words(text: &str) -> LowerWords {
    let mut words = LowerWords::default();
    let mut add = |word: &str| {
        let lower = match word.as_bytes()[0] {
            b if b.is_ascii() => b.is_ascii_lowercase(),
            _ => word.starts_with(char::is_lowercase),
        };
        if lower {
            words.insert(word);
        }
    };
    // Runs of ASCII bytes are skipped or taken with a table (this reads every byte of the
    // text); characters are decoded only where a non-ASCII one starts.
    let bytes = text.as_bytes();
    let word_byte = |b: &u8| !b.is_ascii() || ASCII_ALPHANUMERIC[usize::from(*b)];
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(word_byte) {
        let start = i + skip;
        let mut end = start;
        loop {
            end += bytes[end..]
                .iter()
                .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
                .unwrap_or(bytes.len() - end);
            match text[end..].chars().next() {
                Some(c) if !c.is_ascii() && c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        }
        if end == start {
            // A character that is no letter or digit.
            i = start + text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        add(&text[start..end]);
        i = end;
    }
    words
}
