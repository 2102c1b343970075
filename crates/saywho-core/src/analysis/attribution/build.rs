//! The document the passes' findings make: quotes with their speakers, and the speakers.

use std::ops::Range;

use super::entities::Entity;
use super::rules::{starts_lower, Evidence, Found};
use crate::analysis::quotes::QuoteSpan;
use crate::confidence::{Basis, Confidence};
use crate::document::{DocumentParts, Mention, Quote, QuoteKind, Speaker};

/// What the two passes found in a text.
pub(super) struct Analysed {
    pub text: String,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<QuoteSpan>,
    /// The sieve's finding for each quote.
    pub attributions: Vec<Option<Found>>,
    pub entities: Vec<Entity>,
}

pub(super) fn build_document(found: Analysed) -> DocumentParts {
    let quotes = found
        .quotes
        .iter()
        .zip(&found.attributions)
        .map(|(q, attribution)| {
            let mut quote = quote(&found.text, &found.entities, q, attribution.as_ref());
            quote.confidence = attribution
                .as_ref()
                .and_then(|f| confidence(&found.sentences, &found.entities, &quote, f));
            quote
        })
        .collect();
    let speakers = speakers(found.entities, &found.attributions);
    DocumentParts {
        text: found.text,
        paragraphs: found.paragraphs,
        sentences: found.sentences,
        quotes,
        mentions: found.mentions,
        reported: Vec::new(),
        speakers,
        headings: Vec::new(),
    }
}

fn quote(text: &str, entities: &[Entity], q: &QuoteSpan, found: Option<&Found>) -> Quote {
    let kind = if starts_lower(&text[q.span.clone()]) {
        QuoteKind::Partial
    } else {
        QuoteKind::Direct
    };
    let evidence = found.map(|f| &f.evidence);
    Quote {
        span: q.span.clone(),
        kind,
        speaker: evidence.and_then(|e| e.link.as_ref()).map(|l| l.entity),
        mention: evidence.map(|e| e.mention.clone()),
        cue: evidence.and_then(|e| e.cue.clone()),
        rule: found.map(|f| f.rule),
        alias_chain: evidence.map_or_else(Vec::new, |e| alias_chain(text, entities, e)),
        confidence: None,
    }
}

/// The confidence of a quote's attribution, from what the sieve found (`None` without a speaker).
fn confidence(
    sentences: &[Range<usize>],
    entities: &[Entity],
    quote: &Quote,
    found: &Found,
) -> Option<Confidence> {
    let link = found.evidence.link.as_ref()?;
    let mention = &found.evidence.mention;
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    let sentences_away = if mention.start >= quote.span.end {
        sentence_of(mention.start).saturating_sub(sentence_of(quote.span.end - 1))
    } else {
        sentence_of(quote.span.start).saturating_sub(sentence_of(mention.start))
    };
    let basis = Basis {
        rule: found.rule.as_str(),
        resolution: found.evidence.resolution,
        sentences_away,
        contested: link.contested,
        unconfirmed: !entities[link.entity].is_confirmed(),
    };
    Some(basis.confidence())
}

/// How the mention leads to the canonical name: the mention, the mention that named its entity
/// (the name a pronoun or description stands for), the canonical name; equal neighbours once.
fn alias_chain(text: &str, entities: &[Entity], evidence: &Evidence) -> Vec<String> {
    let mut chain = Vec::with_capacity(3);
    chain.push(text[evidence.mention.clone()].to_string());
    let Some(link) = &evidence.link else {
        return chain;
    };
    let via = link.via.as_ref().map(|v| &text[v.clone()]);
    for step in via.into_iter().chain([entities[link.entity].name.as_str()]) {
        if chain.last().is_none_or(|last| last != step) {
            chain.push(step.to_string());
        }
    }
    chain
}

/// Every entity as a speaker, with its count of quotes.
fn speakers(entities: Vec<Entity>, attributions: &[Option<Found>]) -> Vec<Speaker> {
    let mut counts = vec![0usize; entities.len()];
    for link in attributions
        .iter()
        .flatten()
        .filter_map(|f| f.evidence.link.as_ref())
    {
        counts[link.entity] += 1;
    }
    entities
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
                reported_count: 0,
                first_seen: e.first_seen,
            }
        })
        .collect()
}
