//! A reader's corrections to the engine's attributions, shared by the reader (which records them)
//! and `saywho extract --corrections` (which applies them).
//!
//! A correction names its quotation by byte span, not by index: spans stay the same for the same
//! text (corrections are kept per document, keyed by a hash of its text), while indices would
//! shift as soon as one passage is marked as not a quotation. Corrections apply in the order
//! made, a later one winning over an earlier one on the same quotation; one whose span is no
//! quotation of the document (the engine found other spans since) is left out and counted.

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use saywho_core::document::{Document, DocumentParts, EntityKind, Speaker, SpeakerId};
use saywho_core::export::DocResult;

/// One correction to one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// The quotation at these bytes was said by `speaker` (one of the article's, or a new name).
    Assign {
        start: usize,
        end: usize,
        speaker: String,
    },
    /// Nothing says who said the quotation at these bytes.
    Clear { start: usize, end: usize },
    /// The passage at these bytes is not a quotation.
    NotQuote { start: usize, end: usize },
    /// The speaker named `from` is the speaker named `into`.
    Merge { from: String, into: String },
}

impl Edit {
    /// The quotation span this correction is about, if it is about one.
    fn span(&self) -> Option<Range<usize>> {
        match *self {
            Edit::Assign { start, end, .. }
            | Edit::Clear { start, end }
            | Edit::NotQuote { start, end } => Some(start..end),
            Edit::Merge { .. } => None,
        }
    }
}

/// A document with corrections applied.
#[derive(Debug, Clone)]
pub struct Corrected {
    pub doc: Document,
    /// For each quotation of `doc`, whether a correction changed it.
    pub changed: Vec<bool>,
    /// Corrections left out because their span is no quotation of the document.
    pub stale: usize,
}

/// What the corrections made of one quotation so far.
#[derive(Clone)]
struct Working {
    speaker: Option<String>,
    removed: bool,
    changed: bool,
}

/// Applies `edits` to `doc`: speakers assigned (a new name becomes a new speaker), cleared,
/// merged; passages that are not quotations left out. A changed attribution keeps no rule,
/// mention or alias chain of the engine's (they argued for another answer).
pub fn apply(doc: &Document, edits: &[Edit]) -> Corrected {
    let mut work: Vec<Working> = doc
        .quotes()
        .iter()
        .map(|q| Working {
            speaker: name_of(doc, q.speaker).cloned(),
            removed: false,
            changed: false,
        })
        .collect();
    let at: HashMap<(usize, usize), usize> = doc
        .quotes()
        .iter()
        .enumerate()
        .map(|(i, q)| ((q.span.start, q.span.end), i))
        .collect();
    let mut stale = 0;
    let mut merged: Vec<(String, String)> = Vec::new();
    for edit in edits {
        if let Edit::Merge { from, into } = edit {
            for w in work.iter_mut().filter(|w| w.speaker.as_ref() == Some(from)) {
                w.speaker = Some(into.clone());
                w.changed = true;
            }
            merged.push((from.clone(), into.clone()));
            continue;
        }
        let Some(&i) = edit.span().and_then(|s| at.get(&(s.start, s.end))) else {
            stale += 1;
            continue;
        };
        let w = &mut work[i];
        w.changed = true;
        match edit {
            Edit::Assign { speaker, .. } => w.speaker = Some(speaker.clone()),
            Edit::Clear { .. } => w.speaker = None,
            Edit::NotQuote { .. } => w.removed = true,
            Edit::Merge { .. } => {}
        }
    }
    let (doc, changed) = rebuild(doc, &work, &merged);
    Corrected {
        doc,
        changed,
        stale,
    }
}

/// The document with each quotation as `work` says, speakers recounted.
fn rebuild(doc: &Document, work: &[Working], merged: &[(String, String)]) -> (Document, Vec<bool>) {
    let mut speakers: Vec<Speaker> = doc.speakers().to_vec();
    let mut id_of: HashMap<String, SpeakerId> =
        speakers.iter().map(|s| (s.name.clone(), s.id)).collect();
    let mut quotes = Vec::with_capacity(work.len());
    let mut changed = Vec::with_capacity(work.len());
    for (q, w) in doc.quotes().iter().zip(work) {
        if w.removed {
            continue;
        }
        let mut q = q.clone();
        let id = w.speaker.as_ref().map(|name| {
            *id_of.entry(name.clone()).or_insert_with(|| {
                speakers.push(new_speaker(speakers.len(), name, q.span.start));
                speakers.len() - 1
            })
        });
        if w.changed && id != q.speaker {
            let merge = merged.iter().any(|(from, into)| {
                name_of(doc, q.speaker) == Some(from) && w.speaker.as_ref() == Some(into)
            });
            if merge {
                q.alias_chain.extend(w.speaker.clone());
            } else {
                // A person's answer: the engine's evidence and confidence were for another.
                (q.mention, q.rule, q.alias_chain) = (None, None, Vec::new());
                q.confidence = None;
            }
            q.speaker = id;
        }
        quotes.push(q);
        changed.push(w.changed);
    }
    let mut mentions = doc.mentions().to_vec();
    let mut reported = doc.reported().to_vec();
    for (from, into) in merged {
        let (Some(&f), Some(&t)) = (id_of.get(from), id_of.get(into)) else {
            continue;
        };
        for m in mentions.iter_mut().filter(|m| m.speaker == Some(f)) {
            m.speaker = Some(t);
        }
        for r in reported.iter_mut().filter(|r| r.speaker == Some(f)) {
            r.speaker = Some(t);
        }
        let aliases: Vec<String> = std::iter::once(from.clone())
            .chain(speakers[f].aliases.iter().cloned())
            .collect();
        for a in aliases {
            if !speakers[t].aliases.contains(&a) && a != speakers[t].name {
                speakers[t].aliases.push(a);
            }
        }
    }
    for s in &mut speakers {
        (s.quote_count, s.reported_count) = (0, 0);
    }
    for id in quotes.iter().filter_map(|q| q.speaker) {
        speakers[id].quote_count += 1;
    }
    for id in reported.iter().filter_map(|r| r.speaker) {
        speakers[id].reported_count += 1;
    }
    let parts = DocumentParts {
        text: doc.text().to_string(),
        paragraphs: doc.paragraphs().to_vec(),
        sentences: doc.sentences().to_vec(),
        quotes,
        mentions,
        reported,
        speakers,
        headings: doc.headings().to_vec(),
    };
    // Every part comes from a checked document; only counts and new speakers changed.
    let doc = Document::new(parts).unwrap_or_else(|_| doc.clone());
    (doc, changed)
}

fn name_of(doc: &Document, id: Option<SpeakerId>) -> Option<&String> {
    id.and_then(|s| doc.speakers().get(s)).map(|s| &s.name)
}

fn new_speaker(id: SpeakerId, name: &str, first_seen: usize) -> Speaker {
    Speaker {
        id,
        name: name.to_string(),
        kind: EntityKind::Person,
        aliases: vec![name.to_string()],
        quote_count: 0,
        reported_count: 0,
        first_seen,
    }
}

/// The corrections kept in a state file, by document (`saywho extract --corrections`).
#[derive(Debug, Default)]
pub struct CorrectionSet {
    by_doc: std::collections::BTreeMap<u64, Vec<Edit>>,
}

impl CorrectionSet {
    /// Reads the corrections of `path`: a reader's state file, or the state directory holding
    /// one (`$XDG_STATE_HOME/saywho`).
    pub fn load(path: &std::path::Path) -> Result<CorrectionSet, String> {
        let file = if path.is_dir() {
            path.join(crate::tui::state::FILE_NAME)
        } else {
            path.to_path_buf()
        };
        crate::tui::state::corrections_in(&file)
            .map(|by_doc| CorrectionSet { by_doc })
            .map_err(|why| format!("{}: {why}", file.display()))
    }

    /// How many documents have corrections.
    pub fn len(&self) -> usize {
        self.by_doc.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_doc.is_empty()
    }

    /// `doc` with its corrections applied, if it has any (found by the hash of its text).
    pub fn apply(&self, doc: &Document) -> Option<Corrected> {
        let hash = crate::tui::state::fnv1a(doc.text().as_bytes());
        self.by_doc.get(&hash).map(|edits| apply(doc, edits))
    }
}

/// The gold JSONL line of a result (the format `saywho eval` reads): its id, its text and each
/// quotation with its span in characters, its text, speaker, mention and kind.
pub fn gold_line(result: &DocResult, text: &str) -> Value {
    let quotes: Vec<Value> = result
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "mention": q.mention.as_ref().map(|m| m.text.clone()),
                "kind": q.kind,
            })
        })
        .collect();
    json!({ "id": result.id, "text": text, "quotes": quotes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        saywho_core::analyze(
            "Ann Wu, the mayor, spoke on Monday. \"We will rebuild the bridge,\" Wu said. \
             \"It will take a year,\" said Tom Hale, the engineer. The word \"folly.\" was heard."
                .to_string(),
        )
    }

    fn span(doc: &Document, i: usize) -> (usize, usize) {
        let s = &doc.quotes()[i].span;
        (s.start, s.end)
    }

    fn speaker(doc: &Document, i: usize) -> Option<&str> {
        doc.speaker_of(&doc.quotes()[i]).map(|s| s.name.as_str())
    }

    #[test]
    fn assign_clear_and_not_a_quote() {
        let doc = doc();
        assert_eq!(doc.quotes().len(), 3);
        assert_eq!(speaker(&doc, 0), Some("Ann Wu"));
        let (s0, e0) = span(&doc, 0);
        let (s1, e1) = span(&doc, 1);
        let (s2, e2) = span(&doc, 2);
        let edits = [
            Edit::Assign {
                start: s0,
                end: e0,
                speaker: "Tom Hale".into(),
            },
            Edit::Clear { start: s1, end: e1 },
            Edit::NotQuote { start: s2, end: e2 },
        ];
        let c = apply(&doc, &edits);
        assert_eq!(c.doc.quotes().len(), 2);
        assert_eq!(speaker(&c.doc, 0), Some("Tom Hale"));
        assert_eq!(
            c.doc.quotes()[0].rule,
            None,
            "the engine's rule no longer applies"
        );
        assert_eq!(speaker(&c.doc, 1), None);
        assert_eq!(c.changed, [true, true]);
        assert_eq!(c.stale, 0);
        let hale = c
            .doc
            .speakers()
            .iter()
            .find(|s| s.name == "Tom Hale")
            .unwrap();
        assert_eq!(hale.quote_count, 1);
        // No corrections: the same answers.
        let same = apply(&doc, &[]);
        assert_eq!(same.doc.quotes(), doc.quotes());
        assert_eq!(same.changed, [false; 3]);
    }

    #[test]
    fn a_new_name_becomes_a_speaker_and_later_corrections_win() {
        let doc = doc();
        let (s, e) = span(&doc, 1);
        let edits = [
            Edit::Clear { start: s, end: e },
            Edit::Assign {
                start: s,
                end: e,
                speaker: "Lee Park".into(),
            },
            // A span that is no quotation (the text changed since): left out.
            Edit::Clear { start: 0, end: 3 },
        ];
        let c = apply(&doc, &edits);
        assert_eq!(speaker(&c.doc, 1), Some("Lee Park"));
        assert_eq!(c.stale, 1);
        assert_eq!(c.doc.speakers_by_share().len(), 2);
    }

    #[test]
    fn merging_moves_quotes_and_aliases() {
        let doc = doc();
        let edits = [Edit::Merge {
            from: "Tom Hale".into(),
            into: "Ann Wu".into(),
        }];
        let c = apply(&doc, &edits);
        assert_eq!(speaker(&c.doc, 1), Some("Ann Wu"));
        let wu = c
            .doc
            .speakers()
            .iter()
            .find(|s| s.name == "Ann Wu")
            .unwrap();
        assert_eq!(wu.quote_count, 2);
        assert!(wu.aliases.iter().any(|a| a == "Tom Hale"));
        // The engine's evidence stays, the chain ends at the merged name.
        assert!(c.doc.quotes()[1].rule.is_some());
        assert_eq!(
            c.doc.quotes()[1].alias_chain.last().map(String::as_str),
            Some("Ann Wu")
        );
    }

    #[test]
    fn the_gold_line_is_what_eval_reads() {
        let doc = doc();
        let line = gold_line(&DocResult::new(Value::from("d1"), &doc), doc.text());
        let gold: crate::eval::GoldDoc = serde_json::from_value(line.clone()).unwrap();
        assert_eq!(gold.quotes.len(), 3);
        assert_eq!(gold.quotes[0].speaker.as_deref(), Some("Ann Wu"));
        assert_eq!(gold.quotes[0].kind.as_deref(), Some("direct"));
        assert_eq!(line["quotes"][2]["speaker"], Value::Null);
    }
}
