//! One sentence as the reported-speech rules read it: its tokens, its mentions and the entity
//! each mention resolved to (the attribution pass's work, borrowed), and small lookups on them.

use std::ops::Range;

use crate::analysis::mentions::Np;
use crate::analysis::tokens::Tok;
use crate::lexicon;

/// A sentence's tokens and mentions; `entities[n]` is the entity mention `n` resolved to.
pub(crate) struct View<'a, 't> {
    pub text: &'t str,
    pub toks: &'a [Tok<'t>],
    pub nps: &'a [Np],
    pub entities: &'a [Option<usize>],
}

impl View<'_, '_> {
    /// The word at `k` in lower case; empty for punctuation, quotes and past the end.
    pub fn word(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.lower())
    }

    pub fn is_punct(&self, k: usize, p: &str) -> bool {
        self.toks.get(k).is_some_and(|t| t.is_punct(self.text, p))
    }

    pub fn is_quote(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.quote().is_some())
    }

    /// `according to` at `k`.
    pub fn according_at(&self, k: usize) -> bool {
        self.word(k) == "according" && self.word(k + 1) == "to"
    }

    /// The first token at or after `k` that is no adverb ("also", "later", "has").
    pub fn skip_adverbs(&self, mut k: usize) -> usize {
        while self.toks.get(k).is_some_and(|t| t.is_adverb()) {
            k += 1;
        }
        k
    }

    /// Whether the word at `k` may stand between a source and its verb: an adverb ("also") or
    /// an auxiliary ("has been").
    pub fn is_adverb_or_auxiliary(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.is_adverb())
            || lexicon::auxiliaries().value(self.word(k)).is_some()
    }

    /// Whether the quotation at `k` ends its sentence inside its marks and a new sentence
    /// follows: `... for the "angry white man." He sighed`.
    pub fn quote_ends_sentence(&self, k: usize) -> bool {
        self.is_quote(k)
            && self.text[self.toks[k].span()]
                .trim_end_matches(['"', '\'', '”', '’', '»'])
                .ends_with(['.', '?', '!'])
            && self.toks.get(k + 1).is_some_and(|t| t.is_capitalised())
    }

    /// Whether the word at `k` is a time word ("Tuesday", "week"); "last", "next" and "this" only
    /// before another ("last week").
    pub fn is_time(&self, k: usize) -> bool {
        let times = lexicon::time_adjuncts();
        match self.word(k) {
            "last" | "next" | "this" => times.contains(self.word(k + 1)),
            w => !w.is_empty() && times.contains(w),
        }
    }

    /// The first token at or after `k` past a time phrase: `Tuesday`, `last week`, `on Monday
    /// night`.
    pub fn skip_time(&self, mut k: usize) -> usize {
        let from = k;
        if self.word(k) == "on" && self.is_time(k + 1) {
            k += 1;
        }
        while self.is_time(k) {
            k += 1;
        }
        if k == from + 1 && self.word(from) == "on" {
            return from;
        }
        k
    }

    /// Whether the quotation at `k` ends with a comma inside its marks: `"...," Roe said`.
    pub fn quote_ends_with_comma(&self, k: usize) -> bool {
        self.is_quote(k)
            && self.text[self.toks[k].span()]
                .trim_end_matches(['"', '\'', '”', '’', '»'])
                .ends_with(',')
    }

    /// Whether tokens from `k` to the sentence's end are words only: an appositive closing the
    /// sentence (`..., said Jo Roe, a fellow at the institute.`).
    pub fn words_to_end(&self, k: usize) -> bool {
        let end = self.trim_end(k, self.toks.len());
        end > k
            && self.toks[k..end].iter().all(|t| {
                (t.is_word() && !t.has(lexicon::Class::SPEECH_VERB)) || t.is_punct(self.text, ",")
            })
    }

    /// The longest mention starting at token `k`.
    pub fn np_starting(&self, k: usize) -> Option<usize> {
        let first = self.nps.partition_point(|np| np.toks.start < k);
        (first..self.nps.len())
            .take_while(|&n| self.nps[n].toks.start == k)
            .max_by_key(|&n| self.nps[n].toks.end)
    }

    /// The longest mention ending (exclusive) at token `k`.
    pub fn np_ending(&self, k: usize) -> Option<usize> {
        self.nps
            .iter()
            .enumerate()
            .filter(|(_, np)| np.toks.end == k)
            .min_by_key(|(_, np)| np.toks.start)
            .map(|(n, _)| n)
    }

    /// The byte range of tokens `from..to`.
    pub fn bytes(&self, toks: Range<usize>) -> Range<usize> {
        self.toks[toks.start].span().start..self.toks[toks.end - 1].span().end
    }

    /// `to`, moved back past punctuation (not quotes) so a clause does not end on a comma.
    pub fn trim_end(&self, from: usize, mut to: usize) -> usize {
        while to > from && !self.toks[to - 1].is_word() && !self.is_quote(to - 1) {
            to -= 1;
        }
        to
    }

    /// How many words tokens `range` hold (a quotation counts as one).
    pub fn words_in(&self, range: Range<usize>) -> usize {
        self.toks[range]
            .iter()
            .filter(|t| t.is_word() || t.quote().is_some())
            .count()
    }

    /// Whether tokens `range` hold only quotations and punctuation: a direct quote, not
    /// reported speech.
    pub fn only_quoted(&self, range: Range<usize>) -> bool {
        !self.toks[range].iter().any(|t| t.is_word())
    }

    /// Whether tokens `range` hold a quotation.
    pub fn holds_quote(&self, range: Range<usize>) -> bool {
        self.toks[range].iter().any(|t| t.quote().is_some())
    }
}
