//! Attribution: who said each quotation.
//!
//! The rules run most precise first (see [`RULES`]); each is a small function over one sentence's
//! tokens and mentions that returns the mention the attribution rests on. The mention is then
//! resolved to a canonical entity: names through their aliases, pronouns and descriptions through
//! the discourse state (who was recently the subject or the speaker).

use std::ops::Range;

use compact_str::CompactString;

use super::mentions::{find_mentions, Gender, LowerWords, MentionKind, Np};
use super::quotes::{find_quotes, QuoteSpan};
use super::segment;
use super::tokens::{lower_case_copy, lowercase, tokenize, Tok, ASCII_ALPHANUMERIC};
use crate::document::{DocumentParts, EntityKind, Mention, Quote, QuoteKind, Speaker};
use crate::lexicon;

/// One sentence with its tokens and mentions.
struct Sentence<'t> {
    span: Range<usize>,
    /// Index of the paragraph the sentence starts in, and where that paragraph ends.
    para: usize,
    para_end: usize,
    toks: Vec<Tok<'t>>,
    nps: Vec<Np>,
    /// The entity each mention resolves to (filled in document order).
    entity: Vec<Option<usize>>,
    /// Lookups the rules make for every quote, computed once so that a sentence with thousands
    /// of quotes stays linear; present only while the sentence is being attributed, and only for
    /// a sentence that a quote's rules read (its own, or the one after it, holds a quote).
    index: Option<Box<SentenceIndex>>,
    /// What pass two asks of every sentence, noted by pass one while its tokens are at hand.
    marks: Marks,
}

/// What a sentence holds, noted once so that pass two does not read every token again.
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    quote: bool,
    bracket: bool,
    /// A possessive or object pronoun: "his", "him" (male), "her" (female).
    male_focus: bool,
    female_focus: bool,
}

impl Marks {
    fn of(text: &str, toks: &[Tok]) -> Self {
        let mut marks = Marks::default();
        for t in toks {
            marks.quote |= t.quote().is_some();
            marks.bracket |= t.is_punct(text, "(");
            match t.lower() {
                "his" | "him" | "himself" => marks.male_focus = true,
                "her" | "hers" | "herself" => marks.female_focus = true,
                _ => {}
            }
        }
        marks
    }
}

/// The index of a sentence that is not being attributed: nothing found.
static NO_INDEX: SentenceIndex = SentenceIndex {
    slots: Vec::new(),
    according: None,
    main_subject: None,
    first_subject: None,
    heading_like: false,
};

#[derive(Debug, Default)]
struct SentenceIndex {
    /// What the rules look up at each token boundary.
    slots: Vec<Slot>,
    /// Token of "according" in "according to".
    according: Option<usize>,
    /// First mention outside a prepositional phrase, in the main clause and anywhere.
    main_subject: Option<usize>,
    first_subject: Option<usize>,
    /// The sentence is short, ends its paragraph and ends without sentence punctuation.
    heading_like: bool,
}

/// The lookups at one token boundary.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    /// The mention starting, and the one ending (exclusive), here.
    np_start: Option<u32>,
    np_end: Option<u32>,
    /// The nearest speech verb before the token.
    verb_before: Option<u32>,
}

impl SentenceIndex {
    /// The index of a sentence, built in `spare` (the index of a retired sentence, or a new
    /// one): every sentence needs one in turn, and only two are alive at a time.
    fn new(
        spare: Option<Box<Self>>,
        text: &str,
        span: &Range<usize>,
        para_end: usize,
        toks: &[Tok],
        nps: &[Np],
    ) -> Box<Self> {
        let mut index = spare.unwrap_or_default();
        let mut slots = std::mem::take(&mut index.slots);
        slots.clear();
        slots.resize(toks.len() + 1, Slot::default());
        for (n, np) in nps.iter().enumerate() {
            // A possessor ("ABC's program") is never the subject or the speaker.
            if np.is_name() && toks[np.toks.end - 1].is_possessive() {
                continue;
            }
            slots[np.toks.start].np_start.get_or_insert(n as u32);
            slots[np.toks.end].np_end.get_or_insert(n as u32);
        }
        let mut last = None;
        for (k, slot) in slots.iter_mut().enumerate() {
            slot.verb_before = last;
            if toks.get(k).is_some_and(Tok::is_speech_verb) {
                last = Some(k as u32);
            }
        }
        let according = toks
            .windows(2)
            .position(|w| w[0].lower() == "according" && w[1].lower() == "to");
        let first_from = |from: usize| {
            nps.iter()
                .position(|np| np.toks.start >= from && !np.after_preposition)
        };
        let main_clause = introductory_clause_end(text, toks).unwrap_or(0);
        let sentence = &text[span.clone()];
        let end = sentence.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
        let open_ended = !end.ends_with(['.', '?', '!', ':', ';', ',', '…']);
        let heading_like = open_ended
            && text[span.end..para_end].trim().is_empty()
            && sentence.split_whitespace().take(13).count() <= 12;
        *index = SentenceIndex {
            slots,
            according,
            main_subject: first_from(main_clause),
            first_subject: first_from(0),
            heading_like,
        };
        index
    }
}

impl Sentence<'_> {
    /// An attribution resting on mention `n` of this sentence.
    fn found(&self, n: usize, cue: Option<Range<usize>>, rule: &'static str) -> Found {
        Found {
            mention: self.nps[n].span.clone(),
            entity: self.entity[n],
            cue,
            rule,
        }
    }

    fn index(&self) -> &SentenceIndex {
        self.index.as_deref().unwrap_or(&NO_INDEX)
    }

    /// The mention that starts at token `k`.
    fn np_at_start(&self, k: usize) -> Option<usize> {
        let slot = self.index().slots.get(k)?;
        slot.np_start.map(|n| n as usize)
    }

    /// The mention that ends (exclusive) at token `k`.
    fn np_at_end(&self, k: usize) -> Option<usize> {
        let slot = self.index().slots.get(k)?;
        slot.np_end.map(|n| n as usize)
    }
}

/// What an attribution rule found.
#[derive(Debug, Clone)]
struct Found {
    /// The words the attribution rests on, and the entity they resolved to.
    mention: Range<usize>,
    entity: Option<usize>,
    cue: Option<Range<usize>>,
    rule: &'static str,
}

/// A person or organisation the text mentions.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    /// The words of the longest name form, for alias matching.
    words: Vec<String>,
    kind: EntityKind,
    /// Whether the entity is surely a person (a title, a full name, a person role).
    person: bool,
    gender: Option<Gender>,
    aliases: Vec<String>,
    roles: Vec<String>,
    first_seen: usize,
    /// Which forms of the name the text uses: [`FULL_FORM`], [`SHORT_FORM`].
    forms: u8,
}

const FULL_FORM: u8 = 1;
const SHORT_FORM: u8 = 2;

/// Analyses `text` into the parts of a document, headings aside (see `super::analyze`).
pub fn analyze(text: String) -> DocumentParts {
    analyze_keeping(text, TOKEN_CACHE)
}

/// Analyses `text`, keeping the tokens of the first `token_cache` tokens between the passes.
fn analyze_keeping(text: String, token_cache: usize) -> DocumentParts {
    let paragraphs = segment::paragraphs(&text);
    let found = find_quotes(&text, &paragraphs);
    let spans: Vec<(usize, Range<usize>)> =
        found.iter().map(|q| q.span.clone()).enumerate().collect();
    let quote_ranges: Vec<Range<usize>> = found.iter().map(|q| q.span.clone()).collect();
    let lower_words = lower_case_words(&text);
    let lower_text = lower_case_copy(&text);

    // Pass one: sentences, mentions and names. Pass two needs the tokens and mentions again: the
    // first `token_cache` tokens are kept for it, later sentences are tokenised again, so memory is
    // bounded whatever the text's size and articles of usual length are tokenised once.
    let mut state = State::new(&text, &lower_text);
    let mut sentences = Vec::new();
    let mut cached = 0;
    let mut mention_count = 0;
    let mut spans_of_unit = Vec::new();
    for (para, unit) in units(&paragraphs, &quote_ranges) {
        segment::sentences_into(&text, unit, &quote_ranges, &mut spans_of_unit);
        segment::cut_long_sentences(&text, &quote_ranges, &mut spans_of_unit);
        for span in spans_of_unit.drain(..) {
            let toks = tokenize(&text, &lower_text, span.clone(), &spans);
            let nps = find_mentions(&text, &toks, &lower_words);
            let entity = vec![None; nps.len()];
            let marks = Marks::of(&text, &toks);
            let para = para_of(&paragraphs, para, &span_start(&toks));
            let para_end = paragraphs[para].end.max(span.end);
            let mut sentence = Sentence {
                span,
                para,
                para_end,
                toks,
                nps,
                entity,
                index: None,
                marks,
            };
            state.link_names(&mut sentence);
            mention_count += sentence.nps.len();
            cached += sentence.toks.len();
            if cached > token_cache {
                sentence.toks = Vec::new();
                sentence.nps = Vec::new();
            }
            sentences.push(sentence);
        }
    }
    state.finish_linking();
    // The document's mention list, grown once rather than copied as it doubles.
    state.mentions.reserve_exact(mention_count);
    let attributions = state.attribute(&mut sentences, &found, &spans, &lower_words);
    let State {
        entities, mentions, ..
    } = state;
    let sentences = sentences.into_iter().map(|s| s.span).collect();
    build_document(
        text,
        paragraphs,
        sentences,
        mentions,
        found,
        attributions,
        entities,
    )
}

/// How many tokens (with their mentions) pass one keeps for pass two: about 5 MB of text.
const TOKEN_CACHE: usize = 1 << 20;

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

/// How far back (in sentences) a pronoun or description looks for its person.
const RECENCY: usize = 8;

/// A mention in the discourse: who, where, and whether it was a subject or speaker.
#[derive(Debug, Clone, Copy)]
struct Salient {
    entity: usize,
    sentence: usize,
    strong: bool,
}

struct State<'t> {
    text: &'t str,
    /// The text's [`lower_case_copy`], for tokenising again.
    lower_text: &'t str,
    entities: Vec<Entity>,
    salience: Vec<Salient>,
    /// Surname or single name (lower-cased) → entities bearing it, most recent last.
    by_word: rustc_hash::FxHashMap<CompactString, Vec<usize>>,
    /// The (entity, word) pairs of `by_word`, so that filing one is a lookup, not a search of a
    /// list that a common first name makes long.
    indexed: rustc_hash::FxHashSet<(usize, CompactString)>,
    /// Mentions of the sentences already attributed, in text order.
    mentions: Vec<Mention>,
    /// The index of the last retired sentence, for the next sentence to reuse.
    spare_index: Option<Box<SentenceIndex>>,
    /// The words of the name being linked.
    name_words: Vec<&'t str>,
}

impl<'t> State<'t> {
    fn new(text: &'t str, lower_text: &'t str) -> Self {
        State {
            text,
            lower_text,
            entities: Vec::new(),
            salience: Vec::new(),
            by_word: Default::default(),
            indexed: Default::default(),
            mentions: Vec::new(),
            spare_index: None,
            name_words: Vec::new(),
        }
    }

    /// Pass one, a sentence at a time: every name mention joins an entity (the longest form gives the canonical name);
    /// titles and appositives become aliases and roles.
    fn link_names(&mut self, s: &mut Sentence) {
        let text = self.text;
        for n in 0..s.nps.len() {
            let np = &s.nps[n];
            let MentionKind::Name { name, organisation } = &np.kind else {
                continue;
            };
            let name_text = &text[name.clone()];
            // One buffer for the words of every name.
            let mut words = std::mem::take(&mut self.name_words);
            words.clear();
            words.extend(name_text.split_whitespace());
            // "Sen. Roe", "spokesman Brian Roe", "cleric Abu Roe": a title, role or common noun
            // written before the name; a possessor is none ("Marta's Bakery").
            let titled = !*organisation
                && s.toks[np.toks.clone()].iter().any(|t| {
                    t.span().end <= name.start
                        && !t.is_possessive()
                        && (t.has(lexicon::class::TITLE | lexicon::class::ROLE)
                            || !t.is_capitalised() && t.lower() != "of")
                });
            let lower_name = &self.lower_text[name.clone()];
            let id = self.entity_for(&words, lower_name, *organisation, np.span.start);
            let e = &mut self.entities[id];
            e.forms |= if words.len() > 1 {
                FULL_FORM
            } else {
                SHORT_FORM
            };
            if e.gender.is_none() {
                e.gender = np.gender.or_else(|| first_name_gender(&e.words));
            }
            // A title, an honorific or a known first name says this is a person.
            e.person |= !*organisation && (titled || e.gender.is_some());
            push_unique(&mut e.aliases, &text[np.span.clone()], &e.name);
            push_unique(&mut e.aliases, name_text, &e.name);
            for t in &s.toks[np.toks.clone()] {
                if t.has(lexicon::class::ROLE) && t.span().end <= name.start {
                    push_unique(&mut e.roles, t.lower(), "");
                }
            }
            if age_follows(text, &s.toks, np.toks.end) {
                self.entities[id].person = true;
            }
            if let Some((alias, head)) = appositive(text, s, n) {
                let e = &mut self.entities[id];
                e.person = true;
                push_unique(&mut e.aliases, alias, "");
                push_unique(&mut e.roles, head, "");
            }
            s.entity[n] = Some(id);
            self.name_words = words;
        }
    }

    /// After every name is linked: a full name that the text also gives by its last word alone
    /// ("Jane Roe" ... "Roe") is a person; places and organisations are not shortened that way.
    fn finish_linking(&mut self) {
        for e in &mut self.entities {
            e.person |= e.kind == EntityKind::Person && e.forms == FULL_FORM | SHORT_FORM;
        }
    }

    /// The entity a name (its `words`, and the name in lower case) belongs to: the most recent
    /// one sharing its surname (or whose first name it is), else a new one. A longer form
    /// becomes the canonical name.
    fn entity_for(
        &mut self,
        words: &[&str],
        lower_name: &str,
        organisation: bool,
        at: usize,
    ) -> usize {
        let mut lower_words = lower_name.split_whitespace();
        let first = lower_words.next().unwrap_or("");
        let last = lower_words.next_back().unwrap_or(first);
        // Only the surname's list: an entity compatible with the name bears its surname (its
        // first-name list, long for a common first name, would add none).
        let candidates = self.by_word.get(last).into_iter().flatten();
        let found = candidates
            .copied()
            .filter(|&id| compatible(&self.entities[id].words, words))
            .max();
        let owned = || words.iter().map(|w| w.to_string()).collect::<Vec<String>>();
        let id = match found {
            Some(id) => id,
            None => {
                self.entities.push(Entity {
                    name: words.join(" "),
                    words: owned(),
                    kind: if organisation {
                        EntityKind::Organisation
                    } else {
                        EntityKind::Person
                    },
                    person: false,
                    gender: None,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    first_seen: at,
                    forms: 0,
                });
                self.entities.len() - 1
            }
        };
        let e = &mut self.entities[id];
        if words.len() > e.words.len() {
            let old = std::mem::replace(&mut e.name, words.join(" "));
            push_unique(&mut e.aliases, old, "");
            e.words = owned();
        }
        for w in [first, last] {
            self.index_word(w, id);
        }
        id
    }

    /// Files entity `id` under the lower-case word `w` in [`State::by_word`], once.
    fn index_word(&mut self, w: &str, id: usize) {
        if self.indexed.insert((id, w.into())) {
            self.by_word.entry(w.into()).or_default().push(id);
        }
    }

    /// A new entity for a description that names nobody known ("a State Department official").
    fn description_entity(&mut self, text: &str, head: &str, at: usize) -> usize {
        let organisation = !lexicon::titles().contains(head) && is_group_head(head);
        self.entities.push(Entity {
            name: text.to_string(),
            words: Vec::new(),
            kind: if organisation {
                EntityKind::Organisation
            } else {
                EntityKind::Person
            },
            person: !organisation && lexicon::roles().contains(head),
            gender: None,
            aliases: Vec::new(),
            roles: vec![head.to_string()],
            first_seen: at,
            forms: 0,
        });
        self.entities.len() - 1
    }

    /// Pass two, in document order: resolve mentions, then attribute each sentence's quotes.
    fn attribute(
        &mut self,
        sentences: &mut [Sentence<'t>],
        quotes: &[QuoteSpan],
        spans: &[(usize, Range<usize>)],
        lower_words: &LowerWords,
    ) -> Vec<Option<Found>> {
        let mut result: Vec<Option<Found>> = vec![None; quotes.len()];
        let mut last_quote: Option<(usize, usize)> = None; // (quote, sentence)
        for si in 0..sentences.len() {
            // The rules read this sentence and the one before; older tokens can go, and so can
            // discourse entries too old for any pronoun to reach.
            if si % 256 == 0 {
                self.salience.retain(|e| e.sentence + RECENCY >= si);
            }
            if si >= 2 {
                self.retire(&mut sentences[si - 2]);
            }
            let s = &mut sentences[si];
            if s.toks.is_empty() {
                s.toks = tokenize(self.text, self.lower_text, s.span.clone(), spans);
                s.nps = find_mentions(self.text, &s.toks, lower_words);
            }
            let s = &sentences[si];
            if s.marks.quote || sentences.get(si + 1).is_some_and(|n| n.marks.quote) {
                let index = SentenceIndex::new(
                    self.spare_index.take(),
                    self.text,
                    &s.span,
                    s.para_end,
                    &s.toks,
                    &s.nps,
                );
                sentences[si].index = Some(index);
            }
            self.resolve_mentions(sentences, si);
            for qt in 0..sentences[si].toks.len() {
                let Some(qi) = sentences[si].toks[qt].quote() else {
                    continue;
                };
                let found = self.attribute_quote(sentences, si, qt, quotes, last_quote, &result);
                if let Some(f) = &found {
                    if let Some(id) = f.entity {
                        self.salience.push(Salient {
                            entity: id,
                            sentence: si,
                            strong: true,
                        });
                    }
                }
                // Titles, scare quotes and partial quotes with no speaker do not interrupt a
                // speaker's run of quotes.
                let inner = &self.text[quotes[qi].span.clone()];
                let aside = starts_lower(inner) || is_scare_quote(inner) || is_title_like(inner);
                if found.is_some() || !aside {
                    last_quote = Some((qi, si));
                }
                result[qi] = found;
            }
        }
        let from = sentences.len().saturating_sub(2);
        for s in &mut sentences[from..] {
            self.retire(s);
        }
        share_across_paragraph_parts(quotes, &mut result);
        result
    }

    /// A sentence the rules will not read again: its mentions go to the document, its tokens go.
    fn retire(&mut self, s: &mut Sentence) {
        let nps = std::mem::take(&mut s.nps);
        let entity = std::mem::take(&mut s.entity);
        self.mentions
            .extend(nps.into_iter().zip(entity).map(|(np, speaker)| Mention {
                span: np.span,
                speaker,
            }));
        s.toks = Vec::new();
        self.spare_index = s.index.take();
    }

    fn attribute_quote(
        &self,
        sentences: &[Sentence],
        si: usize,
        qt: usize,
        quotes: &[QuoteSpan],
        last_quote: Option<(usize, usize)>,
        done: &[Option<Found>],
    ) -> Option<Found> {
        let s = &sentences[si];
        let qi = s.toks[qt].quote()?;
        let q = &quotes[qi].span;
        let inner = &self.text[q.clone()];
        if is_title_like(inner) || (s.index().heading_like && q.end - q.start < 120) {
            return None;
        }
        // A word or two in quotes with no punctuation of its own ("sextortion", "road map") is
        // a scare quote unless a reporting clause right after it says who used the words.
        let scare = is_scare_quote(inner);
        let sentence_rules: [(&'static str, SentenceRule); 4] = [
            ("cue-after", cue_after),
            ("cue-before", cue_before),
            ("according-to", according_to),
            ("cue-later", cue_later),
        ];
        for (rule, f) in sentence_rules {
            if scare && rule != "cue-after" && rule != "cue-later" {
                continue;
            }
            if let Some((np, cue)) = f(self.text, s, qt) {
                let np = named_in_apposition(self.text, s, np);
                // A cue right by the quote whose speaker cannot be resolved ("it now says" with
                // nothing for "it") leaves the quote unattributed: weaker rules would only guess.
                if s.entity[np].is_none() {
                    return (rule != "cue-after")
                        .then(|| self.continuation(sentences, si, qt, last_quote, done))
                        .flatten()
                        .filter(|_| !starts_lower(inner));
                }
                let rule =
                    if rule == "cue-before" && qt > 0 && s.toks[qt - 1].is_punct(self.text, ":") {
                        "colon"
                    } else {
                        rule
                    };
                return Some(s.found(np, cue, rule));
            }
        }
        if starts_lower(inner) {
            return None; // A partial quote needs a cue in its own sentence.
        }
        self.continuation(sentences, si, qt, last_quote, done)
    }

    /// A quote with no cue of its own continues the previous speaker: the last attributed quote
    /// or the subject of a speech verb in the sentence before, whichever is nearer.
    fn continuation(
        &self,
        sentences: &[Sentence],
        si: usize,
        qt: usize,
        last_quote: Option<(usize, usize)>,
        done: &[Option<Found>],
    ) -> Option<Found> {
        let s = &sentences[si];
        let starts_para = si == 0 || sentences[si - 1].para != s.para;
        let reach = |other: usize| {
            s.para == sentences[other].para
                || (starts_para && qt == 0 && s.para == sentences[other].para + 1)
        };
        let prev_quote = last_quote
            .filter(|&(_, qs)| reach(qs) || (qs == si))
            .and_then(|(qi, qs)| Some((qs, done[qi].clone()?)));
        let prev_sentence = (si > 0 && reach(si - 1) && qt == 0)
            .then(|| {
                speech_subject(self.text, &sentences[si - 1])
                    .map(|(np, cue)| sentences[si - 1].found(np, cue, "previous-sentence"))
            })
            .flatten()
            .filter(|f| f.entity.is_some());
        let prev_sentence = prev_sentence.or_else(|| {
            (si > 0 && reach(si - 1) && qt == 0)
                .then(|| self.previous_subject(&sentences[si - 1]))
                .flatten()
        });
        match (prev_quote, prev_sentence) {
            (Some((qs, f)), Some(p)) if qs < si - 1 => Some(p).or(Some(Found {
                rule: "continuation",
                ..f
            })),
            (Some((_, f)), _) => Some(Found {
                rule: "continuation",
                ..f
            }),
            (None, p) => p,
        }
    }

    /// `Brooks moved in on Oct. 1.` before a quote with no cue: the person the sentence is about,
    /// when it has no quote of its own.
    fn previous_subject(&self, s: &Sentence) -> Option<Found> {
        if s.toks.iter().any(|t| t.quote().is_some()) {
            return None;
        }
        let n = sentence_subject(s, s.toks.len())?;
        let e = &self.entities[s.entity[n]?];
        (e.kind == EntityKind::Person && e.person).then(|| s.found(n, None, "previous-subject"))
    }

    /// Resolves the mentions of sentence `si` in order, updating the discourse state.
    fn resolve_mentions(&mut self, sentences: &mut [Sentence], si: usize) {
        let brackets = sentences[si]
            .marks
            .bracket
            .then(|| bracketed_tokens(self.text, &sentences[si].toks))
            .flatten();
        let first_subject = sentences[si]
            .nps
            .iter()
            .position(|np| !np.after_preposition);
        for n in 0..sentences[si].nps.len() {
            let np = sentences[si].nps[n].clone();
            let id = match &np.kind {
                MentionKind::Name { .. } => sentences[si].entity[n],
                MentionKind::Pronoun(g) => self.resolve_pronoun(*g, si),
                // "Smith, who said": the mention right before it, past a comma.
                MentionKind::Relative => n
                    .checked_sub(1)
                    .filter(|&m| sentences[si].nps[m].toks.end + 1 >= np.toks.start)
                    .and_then(|m| sentences[si].entity[m]),
                MentionKind::Description {
                    head,
                    definite,
                    possessor,
                } => {
                    let text = &self.text[np.span.clone()];
                    let found = if *definite {
                        self.resolve_description(head, possessor.as_deref(), si)
                    } else {
                        title_first_appositive(self.text, &sentences[si], n)
                    };
                    Some(
                        found.unwrap_or_else(|| self.description_entity(text, head, np.span.start)),
                    )
                }
            };
            let Some(id) = id else { continue };
            sentences[si].entity[n] = Some(id);
            let e = &mut self.entities[id];
            if let MentionKind::Pronoun(g) = np.kind {
                e.gender.get_or_insert(g);
            }
            if !matches!(np.kind, MentionKind::Name { .. } | MentionKind::Relative) {
                push_unique(&mut e.aliases, &self.text[np.span.clone()], "");
            }
            let verb_follows = speech_verb_after(&sentences[si], np.toks.end);
            let bracketed = brackets.as_ref().is_some_and(|b| b[np.toks.start]);
            let strong =
                !np.after_preposition && !bracketed && (Some(n) == first_subject || verb_follows);
            self.salience.push(Salient {
                entity: id,
                sentence: si,
                strong,
            });
        }
        self.keep_in_focus(&sentences[si], si);
    }

    /// "her son", "told him", "his words": a possessive or object pronoun names no subject, but
    /// its person stays in focus, so a "she said" further on still reaches them.
    fn keep_in_focus(&mut self, s: &Sentence, si: usize) {
        let genders = [
            (s.marks.male_focus, Gender::Male),
            (s.marks.female_focus, Gender::Female),
        ];
        for (_, gender) in genders.into_iter().filter(|(present, _)| *present) {
            if let Some(entity) = self.resolve_pronoun(gender, si) {
                self.salience.push(Salient {
                    entity,
                    sentence: si,
                    strong: false,
                });
            }
        }
    }

    /// The most recent compatible subject or speaker.
    fn resolve_pronoun(&self, gender: Gender, si: usize) -> Option<usize> {
        let fits = |e: &Entity| match gender {
            Gender::Plural | Gender::Neuter => e.kind == EntityKind::Organisation,
            g => {
                e.kind == EntityKind::Person
                    && e.gender.is_none_or(|eg| eg == g)
                    && (e.person || e.gender == Some(g))
            }
        };
        self.recent(si, |e| fits(e))
    }

    /// A definite description: the most recent person fitting its role, never its possessor.
    fn resolve_description(&self, head: &str, possessor: Option<&str>, si: usize) -> Option<usize> {
        let group = is_group_head(head);
        let pronoun_owner = match possessor {
            Some("his") => Some(Gender::Male),
            Some("her") => Some(Gender::Female),
            Some("their") => Some(Gender::Plural),
            Some("its") => Some(Gender::Neuter),
            _ => None,
        };
        let owner = match pronoun_owner {
            Some(g) => self.resolve_pronoun(g, si),
            None => possessor
                .and_then(|p| self.by_word.get(&lowercase(p)))
                .and_then(|ids| ids.last().copied()),
        };
        // "his office said", "Kasich's campaign announced": the office speaks for its holder.
        let speaks_for_holder =
            ["office", "campaign", "team", "staff", "administration"].contains(&head);
        let person_owner = owner.filter(|&id| self.entities[id].kind == EntityKind::Person);
        if group
            && (pronoun_owner.is_some_and(|g| matches!(g, Gender::Male | Gender::Female))
                || speaks_for_holder)
        {
            if let Some(id) = person_owner {
                return Some(id);
            }
        }
        let allowed = |id: usize, e: &Entity| {
            Some(id) != owner
                && (if group {
                    e.kind == EntityKind::Organisation
                } else {
                    e.kind == EntityKind::Person && e.person
                })
        };
        let by_role = self.recent_id(si, |id, e| {
            allowed(id, e) && e.roles.iter().any(|r| r == head)
        });
        // A head outside the role lexicon ("the report") only names someone it was said of.
        if (possessor.is_some() && group) || !lexicon::roles().contains(head) {
            return by_role; // "her office" is the office, not the person.
        }
        by_role.or_else(|| self.recent_id(si, allowed))
    }

    fn recent(&self, si: usize, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.recent_id(si, |_, e| fits(e))
    }

    /// Scans the discourse back from the newest entry: strong mentions first, then any.
    fn recent_id(&self, si: usize, fits: impl Fn(usize, &Entity) -> bool) -> Option<usize> {
        let window = self
            .salience
            .iter()
            .rev()
            .take_while(|s| s.sentence + RECENCY >= si);
        let mut weak = None;
        for s in window {
            if fits(s.entity, &self.entities[s.entity]) {
                if s.strong {
                    return Some(s.entity);
                }
                weak.get_or_insert(s.entity);
            }
        }
        weak
    }
}

type SentenceRule = fn(&str, &Sentence, usize) -> Option<(usize, Option<Range<usize>>)>;

/// `"...," Smith added.` / `"...," said the spokesman.` / `"...," he stated.`
fn cue_after(text: &str, s: &Sentence, qt: usize) -> Option<(usize, Option<Range<usize>>)> {
    let mut j = qt + 1;
    while s.toks.get(j).is_some_and(|t| {
        t.is_punct(text, ",")
            || t.is_punct(text, "—")
            || t.is_punct(text, "-")
            || t.is_punct(text, "–")
    }) {
        j += 1;
    }
    let mut v = j;
    while s
        .toks
        .get(v)
        .is_some_and(|t| t.is_adverb() && !t.is_speech_verb())
    {
        v += 1;
    }
    if s.toks.get(v).is_some_and(Tok::is_speech_verb) {
        if let Some(n) = subject_after_verb(text, s, Tok::after_verb(&s.toks, v)) {
            return Some((named_in_apposition(text, s, n), Some(s.toks[v].span())));
        }
    }
    let n = s.np_at_start(j)?;
    let v = verb_after_subject(text, s, s.nps[n].toks.end)?;
    Some((n, Some(s.toks[v].span())))
}

/// The mention after an inverted speech verb (`"...," said Jo Roe`), also past words that qualify
/// a name without being part of it: `said former Sen. Jo Roe`, `said 9/11 widow Jo Roe`, `said
/// former Ohio Gov. and party Chairman Jo Roe`.
fn subject_after_verb(text: &str, s: &Sentence, k: usize) -> Option<usize> {
    if let Some(n) = s.np_at_start(k) {
        return Some(n);
    }
    // Content words only: "said Tuesday that Iowa ..." or "asked which Iowa county" name no one.
    let qualifier = |t: &Tok| {
        (t.is_word()
            && !t.is_speech_verb()
            && !t.is_preposition()
            && !t.has(lexicon::class::NON_NAME | lexicon::class::PRONOUN))
            || t.is_punct(text, "/")
            || t.lower() == "and"
    };
    (k + 1..(k + 9).min(s.toks.len()))
        .take_while(|&j| qualifier(&s.toks[j - 1]))
        .find_map(|j| s.np_at_start(j).filter(|&n| s.nps[n].is_name()))
}

/// `says Campbell's partner, Jason Louth`: a description followed by the name it describes.
fn named_in_apposition(text: &str, s: &Sentence, n: usize) -> usize {
    let np = &s.nps[n];
    if np.is_name() {
        return n;
    }
    // "the director of operations for EHS, Jeff Fraser, says": a short phrase may complete the
    // description before the comma.
    let comma = (np.toks.end..(np.toks.end + 8).min(s.toks.len()))
        .take_while(|&k| s.toks[k].is_word() || s.toks[k].is_punct(text, ","))
        .find(|&k| s.toks[k].is_punct(text, ","));
    let verb_between =
        comma.is_some_and(|c| s.toks[np.toks.end..c].iter().any(Tok::is_speech_verb));
    match comma.and_then(|c| s.np_at_start(c + 1)) {
        Some(next) if !verb_between && s.nps[next].is_name() => next,
        _ => n,
    }
}

/// `Smith responded, "..."` / `adding only: "..."` / `Smith termed it "..."`: the nearest speech
/// verb before the quote, and its subject.
fn cue_before(text: &str, s: &Sentence, qt: usize) -> Option<(usize, Option<Range<usize>>)> {
    let Some(v) = s
        .index()
        .slots
        .get(qt)
        .and_then(|slot| slot.verb_before)
        .map(|v| v as usize)
    else {
        // `Smith, a doctor, is more blunt: "..."`: a colon introduces the subject's words.
        let colon = qt
            .checked_sub(1)
            .filter(|&c| s.toks[c].is_punct(text, ":"))?;
        // "Pollsters agree - Jane Roe:", the digest form: the name right before the colon.
        let dash = |k: usize| ["-", "—", "–"].iter().any(|d| s.toks[k].is_punct(text, d));
        let credited = s.np_at_end(colon).filter(|&n| {
            let start = s.nps[n].toks.start;
            (start.saturating_sub(4)..start).any(dash)
        });
        let n = credited.or_else(|| sentence_subject(s, colon))?;
        return Some((n, Some(s.toks[colon].span())));
    };
    let n = subject_of(text, s, v).or_else(|| sentence_subject(s, v))?;
    Some((n, Some(s.toks[v].span())))
}

/// `according to Smith, "..."`: governs every quote of its sentence.
fn according_to(_text: &str, s: &Sentence, _qt: usize) -> Option<(usize, Option<Range<usize>>)> {
    let k = s.index().according?;
    let n = s.np_at_start(k + 2)?;
    Some((n, Some(s.toks[k].span().start..s.toks[k + 1].span().end)))
}

/// `... are "substantially involved" in it, Smith said on Tuesday.`: a reporting clause later in
/// the sentence, before any other quote.
fn cue_later(text: &str, s: &Sentence, qt: usize) -> Option<(usize, Option<Range<usize>>)> {
    for v in qt + 1..s.toks.len() {
        if s.toks[v].quote().is_some() {
            return None;
        }
        if !s.toks[v].is_speech_verb() {
            continue;
        }
        if let Some(n) = subject_of(text, s, v).filter(|&n| s.nps[n].toks.start > qt) {
            return Some((n, Some(s.toks[v].span())));
        }
        if let Some(n) = s.np_at_start(Tok::after_verb(&s.toks, v)) {
            return Some((n, Some(s.toks[v].span())));
        }
    }
    None
}

/// The speech verb right after a subject ending at token `end`, past adverbs and an appositive.
fn verb_after_subject(text: &str, s: &Sentence, end: usize) -> Option<usize> {
    let mut v = skip_parenthesis(text, s, end);
    // "Mr. Morgan of the Sierra Club said": a short prepositional phrase after the name.
    if s.toks
        .get(v)
        .is_some_and(|t| matches!(t.lower(), "of" | "at" | "from" | "with"))
    {
        if let Some(n) = s.np_at_start(v + 1).or_else(|| s.np_at_start(v + 2)) {
            v = s.nps[n].toks.end;
        }
    }
    if comma_at(text, &s.toks, v) {
        // "Smith, a senior advisor to the president, said", "Harry Bond, 30, of Raleigh, N.C.,
        // who was polled, said": the aside ends at the comma the speech verb follows.
        let limit = (v + 30).min(s.toks.len());
        let close = (v + 1..limit)
            .take_while(|&k| s.toks[k].quote().is_none())
            .find(|&k| s.toks[k].is_punct(text, ",") && speech_verb_after(s, k + 1))?;
        v = close + 1;
    }
    while s
        .toks
        .get(v)
        .is_some_and(|t| t.is_adverb() && !t.is_speech_verb())
    {
        v += 1;
    }
    s.toks.get(v).is_some_and(Tok::is_speech_verb).then_some(v)
}

fn speech_verb_after(s: &Sentence, end: usize) -> bool {
    let mut v = end;
    while s
        .toks
        .get(v)
        .is_some_and(|t| t.is_adverb() && !t.is_speech_verb())
    {
        v += 1;
    }
    s.toks.get(v).is_some_and(Tok::is_speech_verb)
}

/// The subject of the verb at token `v`: a mention right before it (past adverbs or an
/// appositive between commas).
fn subject_of(text: &str, s: &Sentence, v: usize) -> Option<usize> {
    let mut j = v;
    while j > 0 && s.toks[j - 1].is_adverb() {
        j -= 1;
    }
    // "Gov. Jane Roe (R-Ohio), said": step back over the comma and the parenthesis.
    if j > 1 && s.toks[j - 1].is_punct(text, ",") && s.toks[j - 2].is_punct(text, ")") {
        j -= 1;
    }
    if j > 0 && s.toks[j - 1].is_punct(text, ")") {
        if let Some(open) = (j.saturating_sub(12)..j - 1)
            .rev()
            .find(|&k| s.toks[k].is_punct(text, "("))
        {
            j = open;
        }
    }
    let participle = s.toks[v].lower().ends_with("ing");
    let ends_at = |k: usize| s.np_at_end(k).filter(|&n| !s.nps[n].after_preposition);
    if let Some(n) = ends_at(j) {
        return Some(n);
    }
    if j > 0 && !participle && s.toks[j - 1].is_punct(text, ",") {
        for k in (j.saturating_sub(20)..j - 1).rev() {
            if s.toks[k].quote().is_some() {
                break;
            }
            if s.toks[k].is_punct(text, ",") {
                return ends_at(k);
            }
        }
    }
    None
}

/// The subject of the sentence: its first mention outside a prepositional phrase, before `v`,
/// after an introductory clause ("When asked about it, Smith said ...").
fn sentence_subject(s: &Sentence, v: usize) -> Option<usize> {
    let before_v = |n: &usize| s.nps[*n].toks.end <= v;
    s.index()
        .main_subject
        .filter(before_v)
        .or(s.index().first_subject.filter(before_v))
}

/// Where the main clause starts when the sentence opens with a subordinate or prepositional
/// clause closed by a comma: the token after that comma.
fn introductory_clause_end(text: &str, toks: &[Tok]) -> Option<usize> {
    const OPENERS: &[&str] = &[
        "when",
        "while",
        "after",
        "before",
        "as",
        "although",
        "though",
        "if",
        "since",
        "because",
        "asked",
        "during",
        "in",
        "on",
        "at",
        "despite",
        "following",
        "with",
        "unlike",
        "ever",
        "once",
        "until",
        "whether",
        "amid",
        "speaking",
        "responding",
        "according",
    ];
    let first = toks.first()?;
    if !OPENERS.contains(&first.lower()) && !first.is_preposition() {
        return None;
    }
    let comma = toks
        .iter()
        .position(|t| t.is_punct(text, ",") || t.quote().is_some())?;
    toks[comma].is_punct(text, ",").then_some(comma + 1)
}

/// The token after a parenthesis that starts at `at` ("Smith (D-Ohio) said"), else `at`.
fn skip_parenthesis(text: &str, s: &Sentence, at: usize) -> usize {
    if !s.toks.get(at).is_some_and(|t| t.is_punct(text, "(")) {
        return at;
    }
    (at + 1..(at + 12).min(s.toks.len()))
        .find(|&k| s.toks[k].is_punct(text, ")"))
        .map_or(at, |close| close + 1)
}

/// A sentence with a speech verb and its subject, and no quote: `Smith said the plan failed.`
fn speech_subject(text: &str, s: &Sentence) -> Option<(usize, Option<Range<usize>>)> {
    if s.toks.iter().any(|t| t.quote().is_some()) {
        return None;
    }
    let v = s.toks.iter().rposition(Tok::is_speech_verb)?;
    let n = subject_of(text, s, v).or_else(|| sentence_subject(s, v))?;
    Some((n, Some(s.toks[v].span())))
}

/// A name with a description between commas after it: `Jane Doe, a senior advisor to the mayor,`.
fn appositive(text: &str, s: &Sentence, n: usize) -> Option<(String, String)> {
    let np = &s.nps[n];
    if !comma_at(text, &s.toks, np.toks.end) {
        return None;
    }
    // "Jane Roe, 20, a nursing major,": an age may come first.
    let age = age_follows(text, &s.toks, np.toks.end);
    let start = np.toks.end + if age { 3 } else { 1 };
    let desc = s.nps.get(n + 1).filter(|d| d.toks.start == start)?;
    let MentionKind::Description { head, .. } = &desc.kind else {
        return None;
    };
    let close = (desc.toks.end..(desc.toks.end + 12).min(s.toks.len()))
        .find(|&k| {
            s.toks[k].is_punct(text, ",")
                || s.toks[k].is_punct(text, ".")
                || s.toks[k].quote().is_some()
        })
        .unwrap_or(s.toks.len());
    let end = s.toks[close - 1].span().end;
    Some((text[desc.span.start..end].to_string(), head.to_string()))
}

fn is_group_head(head: &str) -> bool {
    lexicon::organisation_heads().contains(head)
}

fn compatible(known: &[String], words: &[&str]) -> bool {
    let (Some(kl), Some(wl)) = (known.last(), words.last()) else {
        return false;
    };
    let same_first = || known.first().map(String::as_str) == words.first().copied();
    if words.len() == 1 {
        return kl == wl || same_first();
    }
    if known.len() == 1 {
        return kl == wl;
    }
    kl == wl && same_first()
}

/// "Director of research at the firm, Jane Roe, said": a bare role opening the sentence, then a
/// name set off by commas before any verb, is that person.
fn title_first_appositive(text: &str, s: &Sentence, n: usize) -> Option<usize> {
    if s.nps[n].toks.start != 0 {
        return None;
    }
    let comma = |k: usize| comma_at(text, &s.toks, k);
    let (m, name) = s.nps.iter().enumerate().skip(n + 1).find(|(_, m)| {
        m.is_name() && m.toks.start > 0 && comma(m.toks.start - 1) && comma(m.toks.end)
    })?;
    let verb_before = s.toks[s.nps[n].toks.end..name.toks.start]
        .iter()
        .any(Tok::is_speech_verb);
    (!verb_before).then_some(s.entity[m]).flatten()
}

/// A name in brackets is an aside ("the mayor (and Jo Roe) said") or a credit ("(Jo Roe / The
/// Record)"), not a subject. For each token of a sentence: whether it is in brackets opened inside
/// the sentence, or in a bracketed line of names only (a whole sentence in brackets is still a
/// sentence). None when the sentence has no bracket, as most have.
fn bracketed_tokens(text: &str, toks: &[Tok]) -> Option<Vec<bool>> {
    if !toks.iter().any(|t| t.is_punct(text, "(")) {
        return None;
    }
    let opens_sentence = toks[0].is_punct(text, "(");
    if opens_sentence && !toks.iter().any(|t| t.is_word() && !t.is_capitalised()) {
        return Some(vec![true; toks.len()]);
    }
    let mut depth = 0i32;
    let marks = toks
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let inside = depth > 0;
            if t.is_punct(text, "(") && !(k == 0 && opens_sentence) {
                depth += 1;
            } else if t.is_punct(text, ")") {
                depth -= 1;
            }
            inside
        })
        .collect();
    Some(marks)
}

/// Whether token `k` is a comma.
fn comma_at(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is_punct(text, ","))
}

/// "Jo Roe, 29, of Duluth": an age set off by commas right after a name (ending at token `k`)
/// makes it a person.
fn age_follows(text: &str, toks: &[Tok], k: usize) -> bool {
    let age = toks
        .get(k + 1)
        .and_then(|t| t.lower().parse::<u8>().ok())
        .is_some_and(|age| (1..=120).contains(&age));
    comma_at(text, toks, k)
        && age
        && (comma_at(text, toks, k + 2) || toks.get(k + 2).is_none_or(|t| t.is_punct(text, ".")))
}

fn first_name_gender(words: &[String]) -> Option<Gender> {
    if words.len() < 2 {
        return None;
    }
    let first = lowercase(words.first()?);
    if lexicon::male_names().contains(first.as_str()) {
        Some(Gender::Male)
    } else if lexicon::female_names().contains(first.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Adds `item` to `list` unless it is there already or is `except` (the canonical name).
fn push_unique(list: &mut Vec<String>, item: impl AsRef<str> + Into<String>, except: &str) {
    let new = item.as_ref();
    if new != except && !list.iter().any(|known| known == new) {
        list.push(item.into());
    }
}

fn starts_lower(quote: &str) -> bool {
    quote
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// One or two words in quotes without punctuation: "sextortion", "road map".
fn is_scare_quote(quote: &str) -> bool {
    let inner = quote.trim_matches(['"', '\'', '“', '”', '‘', '’', '«', '»', '„', '`', ' ']);
    inner.split_whitespace().nth(2).is_none()
        && !inner.contains(|c: char| c.is_ascii_punctuation() && c != '-' && c != '\'')
}

/// A title or name in quotes ("Meet the Press", "The Art of the Deal"): every word capitalised
/// but small ones, at most six words, no sentence punctuation.
fn is_title_like(quote: &str) -> bool {
    let inner = quote.trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split_whitespace();
    let count = words.clone().take(7).count();
    if count == 0 || count > 6 || inner.contains(['.', '!', '?', ',']) {
        return false;
    }
    let small = [
        "of", "the", "a", "an", "and", "in", "on", "to", "for", "with", "at", "by",
    ];
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    if count == 1 {
        return capitalised(inner) && !quote.contains([',', '.']);
    }
    capitalised(inner) && { words }.all(|w| capitalised(w) || small.contains(&w))
}

/// The paragraphs of a multi-paragraph quote share one speaker: the first part that has one
/// gives it to the parts without.
fn share_across_paragraph_parts(quotes: &[QuoteSpan], result: &mut [Option<Found>]) {
    let mut i = 0;
    while i < quotes.len() {
        let mut j = i;
        while j + 1 < quotes.len() && quotes[j].open_end {
            j += 1;
        }
        if j > i {
            if let Some(f) = (i..=j).find_map(|k| result[k].clone()) {
                for slot in &mut result[i..=j] {
                    if slot.is_none() {
                        *slot = Some(Found {
                            rule: "continuation",
                            ..f.clone()
                        });
                    }
                }
            }
        }
        i = j + 1;
    }
}

fn build_document(
    text: String,
    paragraphs: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    mentions: Vec<Mention>,
    found: Vec<QuoteSpan>,
    attributions: Vec<Option<Found>>,
    entities: Vec<Entity>,
) -> DocumentParts {
    let mut counts = vec![0usize; entities.len()];
    let quotes: Vec<Quote> = found
        .iter()
        .zip(&attributions)
        .map(|(q, a)| {
            let inner = &text[q.span.clone()];
            let kind = if starts_lower(inner) {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            };
            let (speaker, mention, cue, rule, chain) = match a {
                Some(f) => {
                    let id = f.entity;
                    let mention_text = text[f.mention.clone()].to_string();
                    let mut chain = vec![mention_text];
                    if let Some(id) = id {
                        counts[id] += 1;
                        push_unique(&mut chain, &entities[id].name, "");
                    }
                    (
                        id,
                        Some(f.mention.clone()),
                        f.cue.clone(),
                        Some(f.rule),
                        chain,
                    )
                }
                None => (None, None, None, None, Vec::new()),
            };
            Quote {
                span: q.span.clone(),
                kind,
                speaker,
                mention,
                cue,
                rule,
                alias_chain: chain,
            }
        })
        .collect();

    let speakers = entities
        .into_iter()
        .enumerate()
        .map(|(id, e)| {
            let aliases = e.aliases.into_iter().filter(|a| *a != e.name).collect();
            Speaker {
                id,
                name: e.name,
                kind: e.kind,
                aliases,
                quote_count: counts[id],
                first_seen: e.first_seen,
            }
        })
        .collect();
    DocumentParts {
        text,
        paragraphs,
        sentences,
        quotes,
        mentions,
        speakers,
        headings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // The whole analysis, as built into a `Document`.
    use crate::analyze;

    #[test]
    fn tokens_rebuilt_in_pass_two_give_the_same_document() {
        let text = crate::ingest::SAMPLE_TEXT.repeat(3);
        let kept = analyze_keeping(text.clone(), TOKEN_CACHE);
        let rebuilt = analyze_keeping(text.clone(), 0);
        let partly = analyze_keeping(text, 2000);
        assert!(kept.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 50);
        assert_eq!(format!("{kept:?}"), format!("{rebuilt:?}"));
        assert_eq!(format!("{kept:?}"), format!("{partly:?}"));
    }

    #[test]
    fn scare_quotes_are_short_and_bare() {
        assert!(is_scare_quote("“sextortion”"));
        assert!(is_scare_quote("\"road map\""));
        assert!(!is_scare_quote("\"finalized,\""));
        assert!(!is_scare_quote("\"specific wording.\""));
        assert!(!is_scare_quote("“we will never give up”"));
    }

    #[test]
    fn titles_are_capitalised_short_phrases() {
        assert!(is_title_like("\"Meet the Press\""));
        assert!(!is_title_like("\"Not further, that's for sure.\""));
    }

    /// (quote text, speaker name or None) for every quote of `text`.
    fn who(text: &str) -> Vec<(String, Option<String>)> {
        let doc = analyze(text.to_string());
        doc.quotes()
            .iter()
            .map(|q| {
                (
                    doc.slice(&q.span).to_string(),
                    doc.speaker_of(q).map(|s| s.name.clone()),
                )
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        who(text).into_iter().map(|(_, s)| s).collect()
    }

    fn rules(text: &str) -> Vec<Option<&'static str>> {
        analyze(text.to_string())
            .quotes()
            .iter()
            .map(|q| q.rule)
            .collect()
    }

    fn some(name: &str) -> Option<String> {
        Some(name.to_string())
    }

    #[test]
    fn a_name_with_its_state_is_the_person_not_the_state() {
        let text = "\"The bridge stays open,\" said Representative Mary Brown of Ohio. \"For now,\" she added.\n\n\
                    \"Put it to a vote,\" former Gov. Alan Pike of Vermont said in a statement.";
        assert_eq!(
            speakers(text),
            [some("Mary Brown"), some("Mary Brown"), some("Alan Pike")]
        );
    }

    #[test]
    fn a_role_opening_the_sentence_before_a_name_in_commas_is_that_person() {
        let text = "Director of security at the port authority, Marcus Obi, backed the report.\n\n\
                    \"The gate logs do not lie,\" he said.";
        assert_eq!(speakers(text), [some("Marcus Obi")]);
    }

    #[test]
    fn a_name_in_a_bracketed_credit_is_no_subject() {
        let text = "The bakery on Elm Street belongs to Ana Ruiz, who opened it in 1998.\n\n\
                    Ana Ruiz at her ovens before dawn. ( Tom Hale / The Daily Ledger )\n\n\
                    \"We bake until the flour runs out,\" says the longtime owner.\n\n\
                    (Ruiz later added a note. \"Every single day,\" she said.)";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    #[test]
    fn her_and_his_keep_their_person_in_focus_past_the_usual_reach() {
        let text = "Mary Lind runs the clinic on the hill. Her coffee is cold by six. \
                    The waiting room fills by seven. Her desk is at the back. \
                    The roof leaks. Patients bring her letters. The city owns the building. \
                    Repairs were promised in May. Nothing came of it. Her patience is thin. \
                    The winter is near. \"We need a roof before the snow,\" she said.";
        assert_eq!(speakers(text), [some("Mary Lind")]);
    }

    #[test]
    fn an_age_after_a_name_makes_a_person_that_she_can_be() {
        let text = "Tamsin Vale, 34, of Duluth, says her rent doubled in a year. \
                    \"I cannot stay here,\" she says.";
        assert_eq!(speakers(text), [some("Tamsin Vale")]);
    }

    #[test]
    fn an_inverted_cue_reaches_a_name_past_its_qualifiers() {
        let text = "\"The levy will not pass,\" said former Sen. Harold Quince.\n\n\
                    \"Turnout decides it,\" said former Oregon Gov. and party Chairman Lena Marsh.\n\n\
                    \"Open the files,\" said 9/11 responder Ruth Abana.\n\n\
                    Jo Roe said Tuesday that \"the only way to win Ohio is door to door.\" \
                    Asked which Ohio town he liked best, he laughed.";
        assert_eq!(
            speakers(text),
            [
                some("Harold Quince"),
                some("Lena Marsh"),
                some("Ruth Abana"),
                some("Jo Roe")
            ]
        );
    }

    #[test]
    fn a_possessive_description_then_the_name_in_commas() {
        let text = "\"The port reopens on Monday,\" Gov. Adler's spokeswoman, Ines Falk, wrote in an email.";
        assert_eq!(speakers(text), [some("Ines Falk")]);
    }

    #[test]
    fn lower_case_words_are_the_runs_of_letters_and_digits_that_start_lower_case() {
        let text = "Élan and élan, naïve NAÏVE; e-mail 3d x²y Ünited über—straße «quoted» don't";
        let words = lower_case_words(text);
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            let expected = word.starts_with(char::is_lowercase);
            assert_eq!(words.contains(word), expected, "{word:?}");
        }
    }

    #[test]
    fn a_possessor_before_a_name_is_no_title() {
        // "Marta's Bakery" names a shop, which "he" cannot be; the union leader is meant.
        let text = "Union leader Paul Okafor said the talks were overdue.\n\n\
                    Two former Marta's Bakery cooks wrote to the city council.\n\n\
                    \"Pay us what we are owed,\" he said.";
        assert_eq!(speakers(text), [some("Paul Okafor")]);
    }

    #[test]
    fn cue_after_with_name_pronoun_description_and_inversion() {
        let text = "Mayor Ana Ruiz spoke first. \"We are ready,\" Ruiz said. \"We will open the bridge,\" she added.\n\n\
                    \"It is late,\" said Tom Hale, a spokesman for the county. \"No delays,\" the spokesman stated.";
        assert_eq!(
            speakers(text),
            [
                some("Ana Ruiz"),
                some("Ana Ruiz"),
                some("Tom Hale"),
                some("Tom Hale")
            ]
        );
        assert_eq!(rules(text), [Some("cue-after"); 4]);
    }

    #[test]
    fn two_word_cues_and_their_particle() {
        let text = "Jo Park owns the shop. \"We sell every genre,\" points out the store's owner.";
        let doc = analyze(text.to_string());
        assert_eq!(
            doc.slice(doc.quotes()[0].mention.as_ref().unwrap()),
            "the store's owner"
        );
        assert_eq!(doc.slice(doc.quotes()[0].cue.as_ref().unwrap()), "points");
    }

    #[test]
    fn cue_before_and_colon() {
        let text = "Asked about the vote, Senator Mia Holt responded, \"Not this week.\"\n\n\
                    Holt refused to go further, adding only: \"We will see.\"";
        assert_eq!(speakers(text), [some("Mia Holt"), some("Mia Holt")]);
        assert_eq!(rules(text), [Some("cue-before"), Some("colon")]);
    }

    #[test]
    fn according_to_governs_every_quote_of_its_sentence() {
        let text = "Dr. Lena Park met the board. According to Dr. Park, the plan \"has no money\" and the city sees \"no way out.\"";
        assert_eq!(speakers(text), [some("Lena Park"), some("Lena Park")]);
        assert_eq!(rules(text), [Some("according-to"); 2]);
    }

    #[test]
    fn introductory_clauses_and_parentheses_do_not_hide_the_subject() {
        let text = "When asked whom she backed, Ms. Jane Roe smiled and said, \"Nobody yet.\"\n\n\
                    After winning Ohio, Gov. John Kasey (R-Ohio), said, \"We go on.\"";
        assert_eq!(speakers(text), [some("Jane Roe"), some("John Kasey")]);
    }

    #[test]
    fn digest_credit_before_a_colon() {
        let text = "Turnout was high - Mary Lund: \"It was the biggest turnout in years.\"";
        assert_eq!(speakers(text), [some("Mary Lund")]);
    }

    #[test]
    fn relative_pronouns_and_unnamed_speakers() {
        let text = "The rally drew Mayor Tim Ross, who called it \"a great day for the city.\"\n\n\
                    \"I am not voting,\" one said. \"Me neither,\" said another.";
        let doc = analyze(text.to_string());
        assert_eq!(
            doc.speaker_of(&doc.quotes()[0]).map(|s| s.name.as_str()),
            Some("Tim Ross")
        );
        assert_eq!(doc.slice(doc.quotes()[0].mention.as_ref().unwrap()), "who");
        assert_eq!(doc.slice(doc.quotes()[1].mention.as_ref().unwrap()), "one");
        assert_eq!(
            doc.slice(doc.quotes()[2].mention.as_ref().unwrap()),
            "another"
        );
    }

    #[test]
    fn cue_later_in_the_sentence() {
        let text =
            "Workers must be \"fully involved\" in the talks, Governor Ray Dunn said on Friday.";
        assert_eq!(speakers(text), [some("Ray Dunn")]);
        assert_eq!(rules(text), [Some("cue-later")]);
    }

    #[test]
    fn continuation_keeps_the_previous_speaker() {
        let text = "\"We lost,\" said coach Ben Ortiz. \"Next year we win.\"\n\n\"And we will train harder.\"";
        assert_eq!(
            speakers(text),
            [some("Ben Ortiz"), some("Ben Ortiz"), some("Ben Ortiz")]
        );
        assert_eq!(
            rules(text)[1..],
            [Some("continuation"), Some("continuation")]
        );
    }

    #[test]
    fn previous_sentence_gives_the_speaker() {
        let text = "Dr. Joy Kim said the ward was full.\n\n\"We had no beds left.\"";
        assert_eq!(speakers(text), [some("Joy Kim")]);
        assert_eq!(rules(text), [Some("previous-sentence")]);
    }

    #[test]
    fn previous_subject_speaks_an_uncued_quote() {
        let text = "\"It was cold,\" Mayor Ann Lee said.\n\nFor his part, Dennis Brook found a flat in October.\n\n\"It feels warm.\"";
        assert_eq!(speakers(text), [some("Ann Lee"), some("Dennis Brook")]);
        assert_eq!(rules(text)[1], Some("previous-subject"));
    }

    #[test]
    fn a_pronoun_owned_office_speaks_for_its_holder() {
        let text = "Jim Carr is the minister in charge. In a statement, his office said: \"We follow the contracts.\"";
        assert_eq!(speakers(text), [some("Jim Carr")]);
    }

    #[test]
    fn places_are_not_people_for_pronouns() {
        let text = "Nova Scotia has a plan. \"It will work,\" he said.";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn multi_paragraph_quote_shares_one_speaker() {
        let text = "\"The first part runs on.\n\n\"The second part ends it,\" Paul Grant said.";
        assert_eq!(speakers(text), [some("Paul Grant"), some("Paul Grant")]);
    }

    #[test]
    fn pronoun_goes_to_the_subject_not_the_object() {
        let text =
            "Premier Dan Ford met Mayor Sue Bell in Ottawa. \"We agreed on nothing,\" he said.";
        assert_eq!(speakers(text), [some("Dan Ford")]);
    }

    #[test]
    fn a_description_never_resolves_to_its_possessor() {
        let text = "Ivan Petrov, a senior adviser to President Oleg Sorin, spoke. \
                    According to Sorin's assistant, \"nothing is agreed.\"";
        assert_eq!(speakers(text), [some("Ivan Petrov")]);
    }

    #[test]
    fn a_person_named_inside_the_quote_is_not_the_speaker() {
        let text = "\"I am ready to meet President Lee,\" Anna Berg said.";
        assert_eq!(speakers(text), [some("Anna Berg")]);
    }

    #[test]
    fn a_described_speaker_named_after_a_phrase() {
        let text =
            "But the director of operations for the agency, Jeff Fraser, says \"We are ready.\"";
        assert_eq!(speakers(text), [some("Jeff Fraser")]);
    }

    #[test]
    fn an_unresolved_cue_leaves_the_quote_unattributed() {
        let text = "Dan Ford spoke on Monday. \"This is your movement,\" it now says on the site.";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn a_possessor_is_not_a_speaker() {
        let text = "\"We are a threat,\" the senator and candidate told ABC's program.";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn organisations_speak() {
        let text = "\"The meeting is off,\" the Kremlin said.";
        assert_eq!(speakers(text), [some("Kremlin")]);
    }

    #[test]
    fn unsure_cases_stay_null() {
        // A title, a scare quote with no reporting clause, a quote with no cue and no context.
        let text = "She appeared on \"Meet the Press\" on Sunday.\n\n\
                    The so-called \"sextortion\" scam spread.\n\n\
                    \"Nobody knows what happens next.\"";
        assert_eq!(speakers(text), [None, None, None]);
    }
}
