//! Reported speech: what people say outside quotation marks (`Roe said the plan failed`,
//! `according to the ministry, ...`, `Roe accused the council of ...`).
//!
//! The stage runs inside the attribution's second pass, a sentence at a time once the sentence's
//! quotes are attributed ([`Finder::read_sentence`]): it reads the sentence's tokens (a quotation
//! is one token, so nothing inside one is ever read) and its mentions with the entities they
//! resolved to, so pronoun and role sources resolve as quote speakers do. Its rules
//! ([`ReportedRule`], most precise first) are in [`find`]; the reporting verbs and the
//! complements each takes are data ([`crate::lexicon::reporting_verbs`]). When the pass is done,
//! [`Finder::finish`] adds the statements and their speakers to the document.

mod complement;
mod cues;
mod find;
mod rules;
mod source;
#[cfg(test)]
mod tests;
mod view;

use std::ops::Range;

pub use rules::ReportedRule;
pub(crate) use view::View;

use crate::document::{DocumentParts, EntityKind, Reported, ReportedKind, Speaker};
use source::Source;

/// Who a statement is attributed to before the document's speakers are final: an entity of
/// the attribution pass, or a named source it has none for (`Norway's coast guard`).
#[derive(Debug, Clone, PartialEq)]
enum SpeakerKey {
    Entity(usize),
    Named(String),
}

/// A statement found, in byte offsets.
#[derive(Debug, Clone)]
struct Finding {
    content: Range<usize>,
    cue: Range<usize>,
    mention: Option<Range<usize>>,
    speaker: Option<SpeakerKey>,
    rule: ReportedRule,
    mixed: bool,
}

/// The statements of a text, gathered a sentence at a time.
#[derive(Debug, Default)]
pub(crate) struct Finder {
    found: Vec<Finding>,
    /// The paragraph of the last statement found, and its speaker: an issued text (`the post
    /// said`) speaks for it.
    last: Option<(usize, Option<SpeakerKey>)>,
}

impl Finder {
    /// Finds the statements of one sentence, the sentence of paragraph `para`.
    pub fn read_sentence(&mut self, v: &View, para: usize) {
        for c in find::statements(v) {
            let speaker = self.speaker_of(v, &c.source, para);
            self.last = Some((para, speaker.clone()));
            self.found.push(Finding {
                content: v.bytes(c.content.clone()),
                cue: v.bytes(c.cue.clone()),
                mention: Some(c.source.mention.clone()),
                speaker,
                rule: c.rule,
                mixed: v.holds_quote(c.content),
            });
        }
    }

    fn speaker_of(&self, v: &View, source: &Source, para: usize) -> Option<SpeakerKey> {
        if let Some(entity) = source.entity {
            return Some(SpeakerKey::Entity(entity));
        }
        if source.document {
            return match &self.last {
                Some((p, speaker)) if *p == para => speaker.clone(),
                _ => None,
            };
        }
        named_source(&v.text[source.mention.clone()], source.toks.start == 0).map(SpeakerKey::Named)
    }

    /// Adds the statements to `parts`, and to its speakers their counts (and a speaker for each
    /// named source without one).
    pub fn finish(self, parts: &mut DocumentParts) {
        let mut reported = Vec::with_capacity(self.found.len());
        for f in self.found {
            let speaker = f
                .speaker
                .clone()
                .map(|key| speaker_id(&mut parts.speakers, key, &f));
            if let Some(id) = speaker {
                parts.speakers[id].reported_count += 1;
            }
            reported.push(Reported {
                span: f.content,
                kind: if f.mixed {
                    ReportedKind::Mixed
                } else {
                    ReportedKind::Indirect
                },
                speaker,
                mention: f.mention,
                cue: f.cue,
                rule: f.rule,
                confidence: f.rule.confidence(),
            });
        }
        parts.reported = reported;
    }
}

/// The speaker a key stands for; a named source new to the table joins it.
fn speaker_id(speakers: &mut Vec<Speaker>, key: SpeakerKey, f: &Finding) -> usize {
    let name = match key {
        SpeakerKey::Entity(id) => return id,
        SpeakerKey::Named(name) => name,
    };
    if let Some(s) = speakers.iter().find(|s| s.name.eq_ignore_ascii_case(&name)) {
        return s.id;
    }
    let id = speakers.len();
    speakers.push(Speaker {
        id,
        name,
        kind: EntityKind::Organisation,
        aliases: Vec::new(),
        quote_count: 0,
        reported_count: 0,
        first_seen: f.mention.as_ref().map_or(f.cue.start, |m| m.start),
    });
    id
}

/// The name of a source the mention finder has no entity for, if it names one: a possessive
/// name (`Norway's coast guard`), a name for its head (`the Pentagon`) or a plural noun for a
/// group (`Officials`, `Democratic strategists`): the words the text names it by, a leading `the`
/// gone. `the Fox poll` names no one.
fn named_source(mention: &str, opens_sentence: bool) -> Option<String> {
    let words: Vec<&str> = mention.split_whitespace().collect();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let possessive = words
        .first()
        .is_some_and(|w| capital(w) && (w.ends_with("'s") || w.ends_with("’s")));
    let alone_at_start = opens_sentence && words.len() == 1;
    let group = words
        .last()
        .is_some_and(|w| w.len() > 3 && w.ends_with('s'));
    let named = possessive || group || words.last().is_some_and(|w| capital(w) && !alone_at_start);
    let name = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("the") => &words[1..],
        _ => &words[..],
    };
    (named && !name.is_empty()).then(|| name.join(" "))
}
