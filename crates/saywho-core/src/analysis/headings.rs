//! Headings in plain text: heading lines and run-in headings.
//!
//! A *heading line* is a short paragraph of its own (at most [`MAX_WORDS`] words) that starts with
//! a capital, carries no closing punctuation and no quotation marks, and is followed by more text.
//!
//! A *run-in heading* is what scraped articles carry when a sub-heading lost its line break and got
//! glued to the start of the next paragraph: "Budget talks stall in the capital The meeting ended
//! early ...". It is recognised at the seam, where a title-like phrase is followed directly by a
//! capitalised word that starts a clause, with no punctuation between:
//!
//! - the phrase is 3 to [`MAX_WORDS`] plain words (letters, digits, hyphens, apostrophes), starts
//!   with a capital and not with a function word ("In the past year Congress ..." is an
//!   introductory phrase, not a heading);
//! - the word before the seam is a content word: not a function word, not a role or title written
//!   before a name ("candidate Jane Doe"), not a speech verb ("said Smith");
//! - the word after the seam starts a clause: a determiner followed by a lower-case noun ("The
//!   meeting", not "The New York Times"), a subordinating word or preposition ("After", "When"),
//!   or, after a lower-case word, a name followed by a lower-case word ("Smith met");
//! - the rest of the paragraph is a sentence of at least a few words that ends with terminal
//!   punctuation, and the paragraph before ends with terminal punctuation.
//!
//! Paragraphs come from [`crate::analysis::segment::paragraphs`] (non-blank lines).

use std::ops::Range;

use compact_str::CompactString;

use super::tokens::lowercase;
use crate::lexicon;

/// The longest heading, in words.
pub const MAX_WORDS: usize = 12;
/// The shortest run-in heading, in words.
const MIN_RUN_IN_WORDS: usize = 3;
/// The shortest sentence a run-in heading can be glued to, in words.
const MIN_BODY_WORDS: usize = 5;

/// Headings of `text`, as byte ranges, in text order.
///
/// `paragraphs` are the paragraph ranges of `text` (see [`crate::analysis::segment::paragraphs`]).
pub fn find_headings(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (i, para) in paragraphs.iter().enumerate() {
        let has_next = i + 1 < paragraphs.len();
        if has_next && is_heading_line(&text[para.clone()]) {
            out.push(para.clone());
            continue;
        }
        let prev_closed = i > 0 && ends_with_terminal(&text[paragraphs[i - 1].clone()]);
        if prev_closed {
            if let Some(len) = run_in_heading(&text[para.clone()]) {
                out.push(para.start..para.start + len);
            }
        }
    }
    out
}

/// A paragraph that is a heading line of its own.
pub fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    // The tests at either end come first: they are cheap and turn most paragraphs away.
    let Some(first) = line.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    let core = line.trim_end_matches(['\'', '’', ')', ']']);
    let last = core.chars().last().unwrap_or('.');
    if matches!(
        last,
        '.' | '?' | '!' | ':' | ';' | ',' | '-' | '–' | '—' | '…' | '(' | '/' | '&'
    ) || is_quote_mark(last)
    {
        return false;
    }
    let words = line.split_whitespace().take(MAX_WORDS + 1).count();
    if words > MAX_WORDS {
        return false;
    }
    if line.chars().any(is_quote_mark) {
        return false;
    }
    // A line broken off mid-sentence ("The council met and") is not a heading.
    let last_word = line.split_whitespace().next_back().unwrap_or("");
    if lexicon::function_words().contains(lowercase(last_word).as_str()) {
        return false;
    }
    // A list entry ending in a date or figure ("Announced March 3, 2015") is not a heading.
    if last.is_ascii_digit() && line.contains(',') {
        return false;
    }
    // A lone bullet or a number ("1", "10:30") is not a heading.
    line.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‘')
}

/// Ends with terminal punctuation, possibly followed by closing quotes or brackets.
fn ends_with_terminal(para: &str) -> bool {
    let trimmed = para
        .trim_end()
        .trim_end_matches(|c: char| is_quote_mark(c) || matches!(c, '\'' | '’' | ')' | ']'));
    trimmed.ends_with(['.', '?', '!', '…'])
}

/// A word of a paragraph with its byte range.
struct Word<'a> {
    text: &'a str,
    end: usize,
}

impl Word<'_> {
    fn lower(&self) -> CompactString {
        lowercase(self.text)
    }
    fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    fn is_lower(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }
    /// Letters, digits, inner hyphens and apostrophes only.
    fn is_plain(&self) -> bool {
        let t = self.text;
        t.chars().next().is_some_and(char::is_alphanumeric)
            && t.chars().last().is_some_and(char::is_alphanumeric)
            && t.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
    }
    fn is_function_word(&self) -> bool {
        lexicon::function_words().contains(self.lower().as_str())
    }
    fn is_all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 1
            && self.text.chars().all(|c| !c.is_lowercase())
    }
    /// A capitalised word of a name: "Smith", "O'Neill", "Lee-Park"; not "PACs", not "Smith's".
    fn is_name_word(&self) -> bool {
        let mut chars = self.text.chars();
        self.is_plain()
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase)
            && !self.text.ends_with("'s")
            && !self.text.ends_with("’s")
    }
    /// An auxiliary, a frequent irregular verb form, or a regular past or third-person form.
    fn is_verb_like(&self) -> bool {
        if !self.is_lower() || !self.is_plain() {
            return false;
        }
        let lower = self.lower();
        let t = lower.as_str();
        lexicon::clause_verbs().contains(t)
            || lexicon::speech_verbs().contains(t)
            || (t.len() > 4 && t.ends_with("ed"))
            || (t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us"))
    }
}

/// The words of `para` (as `split_whitespace` finds them), with their end offsets.
fn words(para: &str) -> impl Iterator<Item = Word<'_>> {
    let base = para.as_ptr() as usize;
    para.split_whitespace().map(move |text| Word {
        text,
        end: text.as_ptr() as usize - base + text.len(),
    })
}

/// The byte length of a run-in heading at the start of `para`, if there is one.
pub fn run_in_heading(para: &str) -> Option<usize> {
    if !ends_with_terminal(para) {
        return None;
    }
    // Most paragraphs open with a function word or in lower case: look at the rest only if not.
    let first = words(para).next()?;
    if !first.is_capitalised() || first.is_function_word() {
        return None;
    }
    // Only whether the body after a heading of at most MAX_WORDS is long enough matters.
    // Allocated once at its full size: grown from empty it would be copied three times.
    let mut w: Vec<Word<'_>> = Vec::with_capacity(MAX_WORDS + MIN_BODY_WORDS + 1);
    w.extend(words(para).take(MAX_WORDS + MIN_BODY_WORDS + 1));
    let total_words = w.len();
    w.truncate(MAX_WORDS + 4);
    if first.is_all_caps() && w.get(1).is_some_and(Word::is_all_caps) {
        return all_caps_heading(&w, total_words);
    }
    // A seam needs plain words before it and a capital after it: without such a place, the
    // loop below can only fail.
    let plain = w.iter().take_while(|x| x.is_plain()).count();
    let seams = MIN_RUN_IN_WORDS..w.len().min(MAX_WORDS + 1).min(plain + 1);
    if !seams
        .filter(|&k| total_words - k >= MIN_BODY_WORDS)
        .any(|k| w[k].is_capitalised())
    {
        return None;
    }
    // The seam lies between w[k - 1] and w[k].
    for k in 1..w.len().min(MAX_WORDS + 1) {
        let before = &w[k - 1];
        if !before.is_plain() {
            // Punctuation inside the phrase: it is a sentence, not a heading.
            return None;
        }
        if k > 1 && lexicon::subordinators().contains(before.lower().as_str()) {
            return None;
        }
        if k < MIN_RUN_IN_WORDS || total_words - k < MIN_BODY_WORDS {
            continue;
        }
        if is_seam(&w, k) && looks_like_sentence(&w[k..]) {
            return Some(before.end);
        }
    }
    None
}

/// A heading in capitals glued to a sentence: "BUDGET VOTE DELAYED The council ...".
fn all_caps_heading(w: &[Word<'_>], total_words: usize) -> Option<usize> {
    let mut k = 0;
    while k < w.len() && w[k].is_all_caps() && w[k].text.chars().any(char::is_alphabetic) {
        if !w[k].is_plain() {
            return None;
        }
        k += 1;
    }
    if !(MIN_RUN_IN_WORDS - 1..=MAX_WORDS).contains(&k) || total_words - k < MIN_BODY_WORDS {
        return None;
    }
    // A dash after the capitals makes a dateline ("CITY NAME - The council ..."), not a heading.
    let next = w.get(k)?;
    (next.is_name_word() || next.is_function_word() && next.is_plain() && next.is_capitalised())
        .then_some(())?;
    looks_like_sentence(&w[k..]).then_some(w[k - 1].end)
}

/// Mostly lower-case words, as running text is (not a title in Title Case).
fn looks_like_sentence(w: &[Word<'_>]) -> bool {
    let sample = &w[..w.len().min(8)];
    let lower = sample.iter().filter(|x| x.is_lower()).count();
    sample.len() >= 3 && lower * 2 >= sample.len()
}

/// Whether a run-in heading can end before word `k`.
fn is_seam(w: &[Word<'_>], k: usize) -> bool {
    let before = &w[k - 1];
    let after = &w[k];
    if !after.is_capitalised() {
        return false;
    }
    let before_lower = before.lower();
    if lexicon::function_words().contains(before_lower.as_str())
        || lexicon::titles().contains(before_lower.as_str())
        || lexicon::roles().contains(before_lower.as_str())
    {
        return false;
    }
    let after_lower = after.lower();
    let next = w.get(k + 1);
    if lexicon::noun_markers().contains(after_lower.as_str()) {
        // "The meeting", not "The New York Times".
        return next.is_some_and(Word::is_lower);
    }
    if lexicon::clause_openers().contains(after_lower.as_str()) {
        return after_lower != "i";
    }
    if lexicon::function_words().contains(after_lower.as_str())
        || lexicon::non_names().contains(after_lower.as_str())
    {
        return false;
    }
    // A name opening the clause: only after the lower-case head of a phrase that a determiner or
    // preposition opens ("need a voice", "under fire"), not after an adjective or an appositive
    // ("presidential candidate"); no speech verb or subordinate clause in the phrase; and the
    // name (one to three capitalised words) must be followed by a verb.
    if !before.is_lower() || k < 2 || !w[k - 2].is_function_word() {
        return false;
    }
    if before.text.ends_with("ing") || before.text.ends_with("ed") {
        return false;
    }
    // A speech verb in the phrase makes the name the start of what was said ("told reporters
    // Smith would"), unless a determiner makes the verb a noun ("made the call").
    let speech_verb = (0..k).any(|i| {
        lexicon::speech_verbs().contains(w[i].lower().as_str())
            && !(i > 0 && lexicon::noun_markers().contains(w[i - 1].lower().as_str()))
    });
    if speech_verb {
        return false;
    }
    let mut j = k;
    while j < w.len() && j < k + 3 && w[j].is_name_word() {
        j += 1;
    }
    j > k && w.get(j).is_some_and(Word::is_verb_like)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::paragraphs;

    fn headings(text: &str) -> Vec<&str> {
        find_headings(text, &paragraphs(text))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn run_in(para: &str) -> Option<&str> {
        run_in_heading(para).map(|n| &para[..n])
    }

    #[test]
    fn heading_lines_are_short_unpunctuated_and_followed_by_text() {
        let text = "Harbour Council Votes\nThe council met on Monday.\nLocal reaction\nPeople cheered.\nThe end\n";
        assert_eq!(headings(text), ["Harbour Council Votes", "Local reaction"]);
    }

    #[test]
    fn heading_lines_exclude_sentences_quotes_and_fragments() {
        assert!(!is_heading_line("The council met on Monday."));
        assert!(!is_heading_line("\"We are ready\""));
        assert!(!is_heading_line("lower case start"));
        assert!(!is_heading_line("These are the reasons:"));
        assert!(!is_heading_line("12"));
        assert!(!is_heading_line("The council met and"));
        assert!(!is_heading_line("Mayor: 'We will rebuild.'"));
        assert!(!is_heading_line("Town Hall (closed.)"));
        assert!(!is_heading_line("Jane Doe — Elected May 3, 2015"));
        assert!(!is_heading_line(
            "A long line of many words that goes on and on well past any heading length"
        ));
    }

    #[test]
    fn run_in_headings_are_found_at_the_seam() {
        assert_eq!(
            run_in("Harbour budget is the focus of the vote The meeting ran late into the night."),
            Some("Harbour budget is the focus of the vote")
        );
        assert_eq!(
            run_in("Mayor under fire Jones is facing questions about the harbour contract."),
            Some("Mayor under fire")
        );
        assert_eq!(
            run_in("Farmers worry about the drought After weeks without rain, the wells are dry."),
            Some("Farmers worry about the drought")
        );
        assert_eq!(
            run_in("Rebuilding trust in Oakdale After years of decline the town is growing."),
            Some("Rebuilding trust in Oakdale")
        );
        assert_eq!(
            run_in("Residents want a voice Jones met with them on Friday evening."),
            Some("Residents want a voice")
        );
    }

    #[test]
    fn run_in_headings_in_capitals() {
        assert_eq!(
            run_in("BUDGET VOTE DELAYED AGAIN The council put off the vote for a week."),
            Some("BUDGET VOTE DELAYED AGAIN")
        );
        assert_eq!(
            run_in("OAKDALE - The council put off the vote for a week."),
            None
        );
        assert_eq!(
            run_in("PORT TOWN — She is the mayor the town asked for."),
            None
        );
    }

    #[test]
    fn ordinary_sentences_have_no_run_in_heading() {
        for s in [
            "The White House The statement was issued late on Friday.",
            "The mayor said on Tuesday Smith would not run again next year.",
            "Republican presidential candidate Jane Doe said she would win the state.",
            "In the past few years Republicans have gained seats in the state.",
            "Earlier this week I spoke to the mayor about the budget.",
            "She has read The New York Times every morning for years.",
            "Her campaign manager John Smith declined to comment on the poll.",
            "Critics said The Daily Planet had misreported the vote.",
            "Apples, pears and plums The market sold them all.",
            "Local officials told reporters Smith would resign within a week.",
            "Harbour budget is the focus The meeting ran late",
            "The mayor will meet Jane Doe and her staff at the harbour.",
            "Voters have long blocked Oakdale's plans to widen the road.",
            "Our new mayor visited the old Harbour Museum on a rainy day.",
            "Coming after a week in which some local Democrats pushed for a vote, it was odd.",
            "Donations to super PACs hit a record in the third quarter.",
            "Speaking on the radio show Morning Talk last week, she said it was over.",
            "Budget Talks Resume In Spring After Long Delay For The Council.",
        ] {
            assert_eq!(run_in(s), None, "{s}");
        }
    }

    #[test]
    fn run_in_needs_a_closed_paragraph_before() {
        let text = "The council met, and\nHarbour budget is the focus of the vote The meeting ran late into the night.\n";
        assert!(headings(text).is_empty());
        let text = "The council met.\nHarbour budget is the focus of the vote The meeting ran late into the night.\n";
        assert_eq!(headings(text), ["Harbour budget is the focus of the vote"]);
    }

    #[test]
    fn lists_are_not_headings() {
        let text = "We bought:\n- apples\n- pears\nThat was all.\n";
        assert!(headings(text).is_empty());
    }
}
