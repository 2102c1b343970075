//! The people and organisations a text mentions: names linked into entities (pass one), then
//! pronouns, relative pronouns and descriptions resolved through the discourse state, who was
//! recently the subject or the speaker (pass two).

use std::ops::Range;

use compact_str::CompactString;

use super::clauses::{comma_at, speech_verb_after};
use super::name_words::{first_name_gender, initials, is_acronym};
use super::rules::Evidence;
use super::sentence::{Link, Sentence};
use crate::analysis::mentions::{Gender, MentionKind, Np};
use crate::analysis::tokens::{lowercase, Tok};
use crate::document::EntityKind;
use crate::lexicon;

/// A person or organisation the text mentions.
#[derive(Debug, Clone)]
pub(super) struct Entity {
    pub name: String,
    /// The words of the longest name form, for alias matching.
    words: Vec<String>,
    pub kind: EntityKind,
    /// Whether the entity is surely a person (a title, a full name, a person role).
    pub person: bool,
    gender: Option<Gender>,
    pub aliases: Vec<String>,
    roles: Vec<String>,
    pub first_seen: usize,
    /// Which forms of the name the text uses: [`FULL_FORM`], [`SHORT_FORM`].
    forms: u8,
    /// The lower-case words `by_word` files it under: the first and last words of its name
    /// forms, a few at most, as a form only grows longer with the same first word.
    filed_under: Vec<CompactString>,
}

const FULL_FORM: u8 = 1;
const SHORT_FORM: u8 = 2;

/// How far back (in sentences) a pronoun or description looks for its person.
const RECENCY: usize = 8;

/// How many discourse entries (mentions) it looks through at most: eight sentences of news
/// hold a few dozen, while an endless sentence of names and pronouns that fit none of them
/// would otherwise be read back in full for every pronoun, in time growing with its square.
const MAX_LOOKBACK: usize = 512;

/// A mention in the discourse: who, where, and whether it was a subject or speaker.
#[derive(Debug, Clone)]
struct Salient {
    entity: usize,
    sentence: usize,
    strong: bool,
    /// The mention that named the entity (for a pronoun, the name it stood for).
    named: Range<usize>,
}

impl Salient {
    /// A mention resolved to this entry's entity.
    fn link(&self) -> Link {
        Link::through(self.entity, self.named.clone())
    }
}

/// The entities of a text and the discourse state that pronouns and descriptions resolve against.
pub(super) struct Entities<'t> {
    text: &'t str,
    /// The text's lower-case copy, for the names' lower-case forms.
    lower_text: &'t str,
    pub all: Vec<Entity>,
    salience: Vec<Salient>,
    /// Surname or single name (lower-cased) → entities bearing it, most recent last.
    by_word: rustc_hash::FxHashMap<CompactString, Vec<usize>>,
    /// The words of the name being linked.
    name_words: Vec<&'t str>,
    /// The initials of each organisation's full name ("EDC" for Export Development Canada), so
    /// that its acronym joins it.
    by_initials: rustc_hash::FxHashMap<CompactString, usize>,
}

impl<'t> Entities<'t> {
    pub fn new(text: &'t str, lower_text: &'t str) -> Self {
        Entities {
            text,
            lower_text,
            all: Vec::new(),
            salience: Vec::new(),
            by_word: Default::default(),
            by_initials: Default::default(),
            name_words: Vec::new(),
        }
    }

    /// Pass one, a sentence at a time: every name mention joins an entity (the longest form gives
    /// the canonical name); titles and appositives become aliases and roles.
    pub fn link_names(&mut self, s: &mut Sentence) {
        let text = self.text;
        for n in 0..s.nps.len() {
            let np = &s.nps[n];
            let MentionKind::Name { name, organisation } = &np.kind else {
                continue;
            };
            if let Some(person) = office_of_name_before(text, s, n) {
                // "Jo Roe, Head of Research at a bank,": the office is Roe's, no one new.
                let e = &mut self.all[person];
                e.person = true;
                push_unique(&mut e.aliases, &text[np.span.clone()], "");
                s.links[n] = Some(Link::through(person, s.nps[n - 1].span.clone()));
                continue;
            }
            let name_text = &text[name.clone()];
            // One buffer for the words of every name.
            let mut words = std::mem::take(&mut self.name_words);
            words.clear();
            words.extend(name_text.split_whitespace());
            let acronym = is_acronym(name_text);
            let organisation = &(*organisation || acronym);
            let titled = !*organisation && is_titled(&s.toks[np.toks.clone()], name);
            let lower_name = &self.lower_text[name.clone()];
            let known_by_initials = acronym
                .then(|| self.by_initials.get(name_text).copied())
                .flatten();
            let id = known_by_initials.unwrap_or_else(|| {
                self.entity_for(&words, lower_name, *organisation, np.span.start)
            });
            // People are rarely known by three initials; organisations often are.
            if (*organisation && words.len() > 1) || words.len() > 2 {
                self.by_initials.insert(initials(&words), id);
            }
            // Initials that join a name not known to be a person's ("JFK" is) name a body.
            if known_by_initials.is_some() && !self.all[id].person {
                self.all[id].kind = EntityKind::Organisation;
            }
            let e = &mut self.all[id];
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
                self.all[id].person = true;
            }
            if let Some((alias, head)) = appositive(text, s, n) {
                let e = &mut self.all[id];
                e.person = true;
                push_unique(&mut e.aliases, alias, "");
                push_unique(&mut e.roles, head, "");
            }
            s.links[n] = Some(Link::direct(id));
            self.name_words = words;
        }
    }

    /// After every name is linked: a full name that the text also gives by its last word alone
    /// ("Jane Roe" ... "Roe") is a person; places and organisations are not shortened that way.
    pub fn finish_linking(&mut self) {
        for e in &mut self.all {
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
            .filter(|&id| compatible(&self.all[id].words, words))
            .max();
        let owned = || words.iter().map(|w| w.to_string()).collect::<Vec<String>>();
        let id = found.unwrap_or_else(|| {
            let kind = kind_of(organisation);
            self.all
                .push(Entity::new(words.join(" "), owned(), kind, at));
            self.all.len() - 1
        });
        let e = &mut self.all[id];
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

    /// Files entity `id` under the lower-case word `w` in `by_word`, once: the entity's own
    /// short list says whether it is, not a search of a list that a common first name makes long.
    fn index_word(&mut self, w: &str, id: usize) {
        let filed = &mut self.all[id].filed_under;
        if !filed.iter().any(|known| known == w) {
            filed.push(w.into());
            self.by_word.entry(w.into()).or_default().push(id);
        }
    }

    /// A new entity for a description that names nobody known ("a State Department official").
    fn description_entity(&mut self, text: &str, head: &str, at: usize) -> usize {
        let organisation = !lexicon::titles().contains(head) && is_group_head(head);
        let mut e = Entity::new(text.to_string(), Vec::new(), kind_of(organisation), at);
        e.person = !organisation && lexicon::roles().contains(head);
        e.roles.push(head.to_string());
        self.all.push(e);
        self.all.len() - 1
    }

    /// Forgets the discourse entries too old for any pronoun of sentence `si` to reach.
    pub fn forget_before(&mut self, si: usize) {
        self.salience.retain(|e| e.sentence + RECENCY >= si);
    }

    /// The speaker of a quote of sentence `si` is in focus, as a subject is.
    pub fn note_speaker(&mut self, evidence: &Evidence, si: usize) {
        if let Some(link) = &evidence.link {
            self.salience.push(Salient {
                entity: link.entity,
                sentence: si,
                strong: true,
                named: link.named_by(&evidence.mention),
            });
        }
    }

    /// Resolves the mentions of sentence `si` in order, updating the discourse state.
    pub fn resolve_mentions(&mut self, sentences: &mut [Sentence], si: usize) {
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
            let Some(link) = self.resolve(&sentences[si], n, si) else {
                continue;
            };
            let e = &mut self.all[link.entity];
            if let MentionKind::Pronoun(g) = np.kind {
                e.gender.get_or_insert(g);
            }
            if !matches!(np.kind, MentionKind::Name { .. } | MentionKind::Relative) {
                push_unique(&mut e.aliases, &self.text[np.span.clone()], "");
            }
            // "As it turned out, Roe had spent years there": a name before its verb is the
            // subject of its clause, wherever the clause starts.
            let verb_follows = speech_verb_after(&sentences[si], np.toks.end)
                || (np.is_name() && clause_verb_at(&sentences[si].toks, np.toks.end));
            let bracketed = brackets.as_ref().is_some_and(|b| b[np.toks.start]);
            let fronted = np.is_name() && fronted_phrase(self.text, &sentences[si].toks, &np);
            let strong = fronted
                || (!np.after_preposition
                    && !bracketed
                    && (Some(n) == first_subject || verb_follows));
            self.salience.push(Salient {
                entity: link.entity,
                sentence: si,
                strong,
                named: link.named_by(&np.span),
            });
            sentences[si].links[n] = Some(link);
        }
        self.keep_in_focus(&sentences[si], si);
    }

    /// The entity mention `n` of sentence `si` stands for, and the mention that named it.
    fn resolve(&mut self, s: &Sentence, n: usize, si: usize) -> Option<Link> {
        let np = &s.nps[n];
        match &np.kind {
            MentionKind::Name { .. } => s.links[n].clone(),
            MentionKind::Pronoun(g) => self.pronoun_link(*g, si),
            // "Smith, who said": the mention right before it, past a comma.
            MentionKind::Relative => n
                .checked_sub(1)
                .filter(|&m| s.nps[m].toks.end + 1 >= np.toks.start)
                .and_then(|m| {
                    let link = s.links[m].as_ref()?;
                    let via = Some(link.named_by(&s.nps[m].span));
                    Some(Link { via, ..*link })
                }),
            MentionKind::Description {
                head,
                definite,
                possessor,
            } => {
                let found = if let Some(link) = apposed_name(self.text, s, n) {
                    Some(link)
                } else if *definite {
                    self.resolve_description(np, head, possessor.as_deref(), si)
                } else {
                    title_first_appositive(self.text, s, n)
                };
                Some(found.unwrap_or_else(|| {
                    let text = &self.text[np.span.clone()];
                    Link::direct(self.description_entity(text, head, np.span.start))
                }))
            }
        }
    }

    /// "her son", "told him", "his words": a possessive or object pronoun names no subject, but
    /// its person stays in focus, so a "she said" further on still reaches them.
    fn keep_in_focus(&mut self, s: &Sentence, si: usize) {
        let genders = [
            (s.marks.male_focus, Gender::Male),
            (s.marks.female_focus, Gender::Female),
        ];
        for (_, gender) in genders.into_iter().filter(|(present, _)| *present) {
            if let Some(found) = self.antecedent(gender, si) {
                let entry = Salient {
                    sentence: si,
                    strong: false,
                    ..found.clone()
                };
                self.salience.push(entry);
            }
        }
    }

    /// The most recent compatible subject or speaker for a pronoun of `gender`.
    fn antecedent(&self, gender: Gender, si: usize) -> Option<&Salient> {
        self.recent(si, |_, e| fits_pronoun(gender, e))
    }

    /// What a pronoun of `gender` in sentence `si` resolves to, and whether it could be someone
    /// else: another subject or speaker in focus fitted it too, or the person's gender is unknown.
    fn pronoun_link(&self, gender: Gender, si: usize) -> Option<Link> {
        let found = self.antecedent(gender, si)?;
        let mut link = self.link_noting_rivals(found, si, |_, e| fits_pronoun(gender, e));
        // A person whose gender nothing gave may be the wrong one for "he" or "she".
        let personal = matches!(gender, Gender::Male | Gender::Female);
        link.contested |= personal && self.all[found.entity].gender.is_none();
        Some(link)
    }

    /// The link to `found`, contested when another entity with a strong mention in reach fits.
    fn link_noting_rivals(
        &self,
        found: &Salient,
        si: usize,
        fits: impl Fn(usize, &Entity) -> bool,
    ) -> Link {
        let contested = self
            .salience
            .iter()
            .rev()
            .take_while(|s| s.sentence + RECENCY >= si)
            .any(|s| s.strong && s.entity != found.entity && fits(s.entity, &self.all[s.entity]));
        Link {
            contested,
            ..found.link()
        }
    }

    /// A definite description (mention `np`): the most recent person fitting its role, never its
    /// possessor.
    fn resolve_description(
        &self,
        np: &Np,
        head: &str,
        possessor: Option<&str>,
        si: usize,
    ) -> Option<Link> {
        let group = is_group_head(head);
        let pronoun_owner = possessor.and_then(possessive_gender);
        let owner = match pronoun_owner {
            Some(g) => self.antecedent(g, si).map(Salient::link),
            // "Kasich's campaign": the possessor opens the description.
            None => possessor.and_then(|p| {
                let ids = self.by_word.get(&lowercase(p))?;
                let via = np.span.start..np.span.start + p.len();
                Some(Link::through(*ids.last()?, via))
            }),
        };
        let owner_id = owner.as_ref().map(|link| link.entity);
        // "his office said", "Kasich's campaign announced": the office speaks for its holder.
        let speaks_for_holder = lexicon::holder_offices().contains(head);
        let person_owner = owner.filter(|link| self.all[link.entity].kind == EntityKind::Person);
        if group
            && (pronoun_owner.is_some_and(|g| matches!(g, Gender::Male | Gender::Female))
                || speaks_for_holder)
            && person_owner.is_some()
        {
            return person_owner;
        }
        let allowed = |id: usize, e: &Entity| {
            Some(id) != owner_id
                && (if group {
                    e.kind == EntityKind::Organisation
                } else {
                    e.kind == EntityKind::Person && e.person
                })
        };
        let in_role = |id: usize, e: &Entity| allowed(id, e) && e.roles.iter().any(|r| r == head);
        if let Some(found) = self.recent(si, in_role) {
            return Some(self.link_noting_rivals(found, si, in_role));
        }
        // A head outside the role lexicon ("the report") only names someone it was said of;
        // "her office" is the office, not the person.
        if (possessor.is_some() && group) || !lexicon::roles().contains(head) {
            return None;
        }
        let found = self.recent(si, allowed)?;
        Some(self.link_noting_rivals(found, si, allowed))
    }

    /// Scans the discourse back from the newest entry: strong mentions first, then any.
    fn recent(&self, si: usize, fits: impl Fn(usize, &Entity) -> bool) -> Option<&Salient> {
        let window = self
            .salience
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(|s| s.sentence + RECENCY >= si);
        let mut weak = None;
        for s in window {
            if fits(s.entity, &self.all[s.entity]) {
                if s.strong {
                    return Some(s);
                }
                weak.get_or_insert(s);
            }
        }
        weak
    }
}

impl Entity {
    /// Something besides capitals says what the entity is: a person's title, first name, role
    /// or age, or an organisation's word ("Agency", "Ltd").
    pub fn is_confirmed(&self) -> bool {
        self.person || self.kind == EntityKind::Organisation
    }

    fn new(name: String, words: Vec<String>, kind: EntityKind, first_seen: usize) -> Self {
        Entity {
            name,
            words,
            kind,
            person: false,
            gender: None,
            aliases: Vec::new(),
            roles: Vec::new(),
            first_seen,
            forms: 0,
            filed_under: Vec::new(),
        }
    }
}

fn kind_of(organisation: bool) -> EntityKind {
    if organisation {
        EntityKind::Organisation
    } else {
        EntityKind::Person
    }
}

/// "Sen. Roe", "spokesman Brian Roe", "cleric Abu Roe": a title, role or common noun written
/// before the name (the tokens of its mention, `name` its bytes); a possessor is none ("Marta's
/// Bakery").
fn is_titled(toks: &[Tok], name: &Range<usize>) -> bool {
    toks.iter().any(|t| {
        t.span().end <= name.start
            && !t.is_possessive()
            && (t.has(lexicon::class::TITLE | lexicon::class::ROLE)
                || !t.is_capitalised() && t.lower() != "of")
    })
}

/// The pronoun a possessive is a form of ("his" → male), if it is one.
fn possessive_gender(possessor: &str) -> Option<Gender> {
    let forms = [
        (lexicon::male_pronoun_forms(), Gender::Male),
        (lexicon::female_pronoun_forms(), Gender::Female),
        (lexicon::plural_pronoun_forms(), Gender::Plural),
        (lexicon::neuter_pronoun_forms(), Gender::Neuter),
    ];
    forms
        .into_iter()
        .find(|(set, _)| set.contains(possessor))
        .map(|(_, gender)| gender)
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

/// "Jo Roe, a geologist at the state university,": a description in apposition to the name
/// before it (mention `n`) is that person, not somebody new.
fn apposed_name(text: &str, s: &Sentence, n: usize) -> Option<Link> {
    let name = n.checked_sub(1)?;
    if !s.nps[name].is_name() || appositive(text, s, name).is_none() {
        return None;
    }
    let link = s.links[name].as_ref()?;
    Some(Link::through(link.entity, s.nps[name].span.clone()))
}

/// "Jo Roe, Head of Research at a bank,", "Jo Roe, Chief Economist,": a capitalised office set
/// off by commas right after a person's full name (mention `n` after mention `n - 1`) is theirs;
/// the entity of that name. An office opens with a role or title word, or is "X of Y".
fn office_of_name_before(text: &str, s: &Sentence, n: usize) -> Option<usize> {
    let (before, np) = (s.nps.get(n.checked_sub(1)?)?, &s.nps[n]);
    let MentionKind::Name { name, .. } = &before.kind else {
        return None;
    };
    let full_name = text[name.clone()].split_whitespace().nth(1).is_some();
    // The closing comma may come after a short affiliation: "Head of Research at a bank,".
    let closed = (np.toks.end..(np.toks.end + 8).min(s.toks.len() + 1))
        .any(|k| k == s.toks.len() || comma_at(text, &s.toks, k));
    let set_off =
        comma_at(text, &s.toks, before.toks.end) && np.toks.start == before.toks.end + 1 && closed;
    if !np.is_name() || !full_name || !set_off {
        return None;
    }
    let first = &s.toks[np.toks.start];
    // "the Act, Mr. Roe added": an honorific names a person, not an office.
    if first.has(lexicon::class::HONORIFIC) || np.gender.is_some() {
        return None;
    }
    let office = first.has(lexicon::class::ROLE | lexicon::class::TITLE)
        || s.toks
            .get(np.toks.start + 1)
            .is_some_and(|t| t.lower() == "of");
    let entity = s.entity(n - 1)?;
    office.then_some(entity)
}

/// Whether token `k` is an auxiliary or a frequent past form ("had", "was", "went").
fn clause_verb_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| lexicon::clause_verbs().contains(t.lower()))
}

/// "For Ana Diaz, Friday cannot come soon enough.", "To Roe, who ...,": a name alone in the
/// phrase that opens the sentence is what the sentence is about.
fn fronted_phrase(text: &str, toks: &[Tok], np: &Np) -> bool {
    np.toks.start == 1 && toks[0].is_preposition() && comma_at(text, toks, np.toks.end)
}

/// Whether an entity can be what a pronoun of `gender` stands for.
fn fits_pronoun(gender: Gender, e: &Entity) -> bool {
    match gender {
        Gender::Plural | Gender::Neuter => e.kind == EntityKind::Organisation,
        g => {
            e.kind == EntityKind::Person
                && e.gender.is_none_or(|eg| eg == g)
                && (e.person || e.gender == Some(g))
        }
    }
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
fn title_first_appositive(text: &str, s: &Sentence, n: usize) -> Option<Link> {
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
    let entity = s.entity(m).filter(|_| !verb_before)?;
    Some(Link::through(entity, name.span.clone()))
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

/// Adds `item` to `list` unless it is there already or is `except` (the canonical name).
pub(super) fn push_unique(
    list: &mut Vec<String>,
    item: impl AsRef<str> + Into<String>,
    except: &str,
) {
    let new = item.as_ref();
    if new != except && !list.iter().any(|known| known == new) {
        list.push(item.into());
    }
}
