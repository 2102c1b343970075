//! The scorer: matches each document's predicted quotes to its gold quotes and counts what
//! `score.py` counts.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::gold::{id_key, CanonicalKey, GoldDoc, GoldQuote, Kind};
use super::names::{head_surname, is_pronoun, py_strip, words};
use super::pred::PredQuote;
use super::reliability::Reliability;
use super::report::{ErrorLine, Report};
use super::spans::{match_spans, split_lines};

/// The counts everything is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Counts {
    pub gold: usize,
    pub gold_spk: usize,
    pub gold_named: usize,
    pub res_total: usize,
    pub res_ok: usize,
    pub found: usize,
    pub spk_total: usize,
    pub spk_pron_total: usize,
    pub spk_given: usize,
    pub spk_ok: usize,
    pub spk_pron_ok: usize,
    pub name_total: usize,
    pub name_ok: usize,
    pub pred_attr: usize,
    pub pred_attr_ok: usize,
}

/// The scorer: feed it documents one at a time, then read [`Scorer::report`].
#[derive(Debug, Clone)]
pub struct Scorer {
    kind: Kind,
    max_errors: usize,
    key: CanonicalKey,
    counts: Counts,
    /// The first `max_errors` attribution errors, in document order.
    pub errors: Vec<ErrorLine>,
    /// The confidences of the attributed predictions of named gold speakers, and whether the
    /// name was right.
    pub reliability: Reliability,
}

/// One line's piece of a gold quote (`score.py` scores each line of a quote on its own).
struct GoldPiece {
    quote: GoldQuote,
    /// The whole quote's span: the canonical key is indexed by it.
    whole: (usize, usize),
}

fn non_empty(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.is_empty())
}

/// The predicted speaker is a name carrying the gold speaker's surname.
fn name_ok(gold_speaker: Option<&str>, pred_speaker: Option<&str>) -> bool {
    match head_surname(gold_speaker) {
        Some(sur) => words(pred_speaker).contains(&sur),
        None => false,
    }
}

fn mention_ok(g: &GoldQuote, p: &PredQuote) -> bool {
    let Some(men) = &p.mention else { return false };
    let Some(ms) = men.start else { return false };
    let (ms, me) = (ms as i64, men.end as i64);
    g.speaker_spans
        .iter()
        .flatten()
        .any(|&(s, e)| 0.max(me.min(e as i64) - ms.max(s as i64)) > 0)
}

/// The predicted speaker is right: given, and its mention overlaps a gold speaker span or its
/// name carries the gold surname.
fn speaker_ok(g: &GoldQuote, p: &PredQuote) -> bool {
    if !non_empty(&p.speaker) {
        return false;
    }
    mention_ok(g, p) || name_ok(g.speaker.as_deref(), p.speaker.as_deref())
}

/// The predicted speaker carries the surname of the person the canonical key names.
fn resolves(canonical: &str, p: &PredQuote) -> bool {
    let surname = head_surname(Some(canonical)).unwrap_or_else(|| {
        let last = canonical.split_whitespace().last();
        last.unwrap_or("").to_string()
    });
    words(p.speaker.as_deref()).contains(&surname)
}

/// The gold quote's speaker is mentioned by a pronoun (its mention, else its speaker, is one).
fn mentioned_by_pronoun(g: &GoldQuote) -> bool {
    let mention = if non_empty(&g.mention) {
        g.mention.as_deref()
    } else {
        g.speaker.as_deref()
    };
    is_pronoun(&py_strip(mention.unwrap_or("")).to_lowercase())
}

/// The quotes cut at line breaks, blank pieces dropped.
fn pred_pieces(text: &[char], preds: &[PredQuote]) -> Vec<PredQuote> {
    let mut pieces = Vec::new();
    for q in preds {
        for (start, end) in split_lines(text, q.start, q.end) {
            pieces.push(PredQuote {
                start,
                end,
                ..q.clone()
            });
        }
    }
    pieces
}

/// The gold quotes cut at line breaks, blank pieces dropped.
fn gold_pieces(text: &[char], golds: &[GoldQuote]) -> Vec<GoldPiece> {
    let mut pieces = Vec::new();
    for q in golds {
        for (start, end) in split_lines(text, q.start, q.end) {
            pieces.push(GoldPiece {
                quote: GoldQuote {
                    start,
                    end,
                    ..q.clone()
                },
                whole: (q.start, q.end),
            });
        }
    }
    pieces
}

impl Scorer {
    pub fn new(kind: Kind, max_errors: usize, key: CanonicalKey) -> Self {
        Scorer {
            kind,
            max_errors,
            key,
            counts: Counts::default(),
            errors: Vec::new(),
            reliability: Reliability::default(),
        }
    }

    /// Scores the predicted quotes of one gold document.
    pub fn add(&mut self, gold: &GoldDoc, preds: &[PredQuote]) {
        let text: Vec<char> = gold.text.chars().collect();
        let preds = pred_pieces(&text, preds);
        let golds = gold_pieces(&text, &gold.quotes);
        let gold_spans: Vec<_> = golds.iter().map(|g| (g.quote.start, g.quote.end)).collect();
        let pred_spans: Vec<_> = preds.iter().map(|p| (p.start, p.end)).collect();
        let matches = match_spans(&gold_spans, &pred_spans);
        let key_id = id_key(&gold.id);
        for (gi, piece) in golds.iter().enumerate() {
            if self.kind.counts(piece.quote.kind.as_deref()) {
                let pred = matches.get(&gi).map(|&pi| &preds[pi]);
                self.count_gold(&gold.id, &key_id, piece, pred);
            }
        }
        self.count_attributed(&preds, &matches);
    }

    /// Counts one gold piece that counts, with the prediction matched to it.
    fn count_gold(
        &mut self,
        id: &Value,
        key_id: &str,
        piece: &GoldPiece,
        pred: Option<&PredQuote>,
    ) {
        let g = &piece.quote;
        let has_speaker = non_empty(&g.speaker);
        let named = head_surname(g.speaker.as_deref()).is_some();
        let c = &mut self.counts;
        c.gold += 1;
        c.gold_spk += has_speaker as usize;
        c.gold_named += (has_speaker && named) as usize;
        let canonical = self
            .key
            .get(&(key_id.to_string(), piece.whole.0, piece.whole.1));
        if let Some(canonical) = canonical.filter(|c| !c.is_empty()) {
            c.res_total += 1;
            c.res_ok += pred.is_some_and(|p| resolves(canonical, p)) as usize;
        }
        let Some(p) = pred else { return };
        c.found += 1;
        if has_speaker {
            self.count_speaker(id, g, p, named);
        }
    }

    /// Counts the speaker of a found gold quote that has one (`named`: a surname can be read
    /// from it), and records an error where the prediction's is wrong.
    fn count_speaker(&mut self, id: &Value, g: &GoldQuote, p: &PredQuote, named: bool) {
        let right = speaker_ok(g, p);
        let pronoun = mentioned_by_pronoun(g);
        let c = &mut self.counts;
        c.spk_total += 1;
        c.spk_pron_total += pronoun as usize;
        c.spk_given += non_empty(&p.speaker) as usize;
        if right {
            c.spk_ok += 1;
            c.spk_pron_ok += pronoun as usize;
        }
        // Right: the name, where the gold gives one; else the speaker (a gold "he").
        let mut right_person = right;
        if named {
            right_person = name_ok(g.speaker.as_deref(), p.speaker.as_deref());
            c.name_total += 1;
            c.name_ok += right_person as usize;
        }
        if let Some(confidence) = p.confidence.filter(|_| non_empty(&p.speaker)) {
            self.reliability.add(confidence, right_person, &p.basis);
        }
        if !right && self.errors.len() < self.max_errors {
            self.errors.push(ErrorLine {
                id: id.clone(),
                text: g.text.as_deref().unwrap_or("").chars().take(70).collect(),
                gold: g.speaker.clone(),
                pred: p.speaker.clone(),
                mention: p.mention.as_ref().and_then(|m| m.text.clone()),
            });
        }
    }

    /// Counts the attributed predictions, and those of them matched to a gold quote of any kind.
    fn count_attributed(&mut self, preds: &[PredQuote], matches: &HashMap<usize, usize>) {
        let matched: HashSet<usize> = matches.values().copied().collect();
        for (pi, p) in preds.iter().enumerate() {
            if non_empty(&p.speaker) {
                self.counts.pred_attr += 1;
                self.counts.pred_attr_ok += matched.contains(&pi) as usize;
            }
        }
    }

    /// The metrics.
    pub fn report(&self) -> Report {
        Report::new(self.kind, &self.counts, !self.key.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::add_key_line;
    use crate::eval::PredMention;

    fn gq(s: usize, e: usize, speaker: &str, spans: &[(usize, usize)], kind: &str) -> GoldQuote {
        GoldQuote {
            start: s,
            end: e,
            text: Some("q".into()),
            speaker: Some(speaker.into()),
            mention: None,
            speaker_spans: Some(spans.to_vec()),
            kind: Some(kind.into()),
        }
    }

    fn pq(s: usize, e: usize, speaker: Option<&str>, men: Option<(usize, usize)>) -> PredQuote {
        PredQuote {
            start: s,
            end: e,
            speaker: speaker.map(String::from),
            mention: men.map(|(a, b)| PredMention {
                start: Some(a),
                end: b,
                text: None,
            }),
            ..PredQuote::default()
        }
    }

    /// A hand-computed case: 4 gold direct quotes (one partial ignored), 4 predictions.
    #[test]
    fn scores_small_case() {
        let doc = GoldDoc {
            id: Value::from("d"),
            text: "x".repeat(200),
            quotes: vec![
                gq(0, 10, "John Smith", &[(12, 17)], "direct"), // found, mention overlaps: ok
                gq(20, 30, "he", &[(32, 34)], "direct"),        // found, wrong speaker
                gq(40, 50, "Mary Jones", &[(60, 65)], "direct"), // found, no speaker given
                gq(70, 80, "Bob Lee", &[(90, 93)], "direct"),   // missed
                gq(100, 110, "Ann Wu", &[(0, 1)], "partial"),   // not counted for direct
            ],
            attributions: None,
        };
        let preds = vec![
            pq(0, 10, Some("John Smith"), Some((12, 17))),
            pq(21, 30, Some("Bob Lee"), Some((150, 152))),
            pq(40, 49, None, None),
            pq(150, 160, Some("Nobody"), None), // attributed, matches nothing
        ];
        let mut s = Scorer::new(Kind::Direct, 5, CanonicalKey::new());
        s.add(&doc, &preds);
        let c = &s.counts;
        assert_eq!((c.gold, c.found, c.gold_spk, c.gold_named), (4, 3, 4, 3));
        assert_eq!((c.pred_attr, c.pred_attr_ok), (3, 2));
        assert_eq!((c.spk_total, c.spk_given, c.spk_ok), (3, 2, 1));
        assert_eq!((c.spk_pron_total, c.spk_pron_ok), (1, 0));
        assert_eq!((c.name_total, c.name_ok), (2, 1));
        let r = s.report();
        assert_eq!(r.recall, 0.75);
        assert!((r.attributed_precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((r.f1 - 2.0 * (2.0 / 3.0) * 0.75 / (2.0 / 3.0 + 0.75)).abs() < 1e-12);
        assert_eq!(r.e2e_speaker, 0.25);
        assert_eq!(r.e2e_name, 1.0 / 3.0);
        assert_eq!(s.errors.len(), 2);
        assert_eq!(s.errors[0].line(), "ERR | d | q | he | Bob Lee | None");
        assert_eq!(
            r.json_line(),
            "{\"kind\": \"direct\", \"gold\": 4, \"recall\": 0.75, \"attributed_precision\": 0.6667, \
             \"f1\": 0.7059, \"e2e_speaker\": 0.25, \"speaker_precision\": 0.5, \"speaker_acc\": 0.3333, \
             \"speaker_acc_pronoun_gold\": 0.0, \"spk_total\": 3, \"name_acc\": 0.5, \"name_total\": 2, \
             \"e2e_name\": 0.3333, \"resolved_acc\": 0.0, \"resolved_total\": 0}"
        );
        assert!(r
            .summary_line()
            .starts_with("direct: recall 0.750 precision 0.667 F1 0.706"));

        let mut all = Scorer::new(Kind::All, 0, CanonicalKey::new());
        all.add(&doc, &preds);
        assert_eq!(all.counts.gold, 5);
    }

    #[test]
    fn quotes_split_at_line_breaks() {
        // One gold quote over two paragraphs; the prediction covers both: two matches.
        let text = "\"aaaa\n\"bbbb\" he said";
        let doc = GoldDoc {
            id: Value::from(1),
            text: text.into(),
            quotes: vec![gq(0, 11, "he", &[(12, 14)], "direct")],
            attributions: None,
        };
        let mut s = Scorer::new(Kind::Direct, 0, CanonicalKey::new());
        s.add(&doc, &[pq(0, 11, Some("Smith"), Some((12, 14)))]);
        assert_eq!((s.counts.gold, s.counts.found, s.counts.spk_ok), (2, 2, 2));
        assert_eq!(s.counts.pred_attr, 2);
    }

    #[test]
    fn canonical_key_resolves() {
        let mut key = CanonicalKey::new();
        add_key_line(
            &mut key,
            r#"{"id": "d", "start": 0, "end": 10, "canonical": "Ann Wu", "resolvable": true}"#,
        )
        .unwrap();
        add_key_line(
            &mut key,
            r#"{"id": "d", "start": 20, "end": 30, "canonical": "X", "resolvable": false}"#,
        )
        .unwrap();
        assert_eq!(key.len(), 1);
        let doc = GoldDoc {
            id: Value::from("d"),
            text: "y".repeat(40),
            quotes: vec![gq(0, 10, "she", &[(12, 15)], "direct")],
            attributions: None,
        };
        let mut s = Scorer::new(Kind::Direct, 0, key);
        s.add(&doc, &[pq(0, 10, Some("Ann Wu"), None)]);
        let r = s.report();
        assert_eq!((r.resolved_total, r.resolved_acc), (1, 1.0));
        assert!(r.summary_line().ends_with("resolved 1.000 of 1"));
    }
}
