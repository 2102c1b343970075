//! Scoring reported speech against gold attributions (the PolNeAR format of
//! `polnear-attr-dev.jsonl`): a port of `attr_score.py` with its definitions, so both print the
//! same numbers for the same predictions.
//!
//! Gold items (`speech`, the default subset): mixed and indirect attributions with a source
//! whose cue holds a reporting verb of the Gender Gap Tracker's list or `according to`; `all`
//! takes every mixed and indirect one with a source. A prediction matches a gold item when it
//! overlaps the item's content by half the longer of the two (one to one, greedy by overlap);
//! it is right for precision when it matches any annotated attribution. `loose_*` accept any
//! overlap.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::names::{head_surname, words};
use super::pred::PredQuote;
use super::report::round4;

/// The Gender Gap Tracker's reporting-verb forms, one a line (MIT licence, SFU Discourse Lab).
const GGT_VERBS: &str = include_str!("../../assets/eval/ggt_quote_verbs.txt");

fn ggt_verbs() -> &'static HashSet<String> {
    static VERBS: OnceLock<HashSet<String>> = OnceLock::new();
    VERBS.get_or_init(|| {
        GGT_VERBS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Which gold attributions count; also the `--subset` flag's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Subset {
    /// Cues with a reporting verb or `according to`.
    Speech,
    /// Every mixed and indirect attribution with a source.
    All,
}

impl Subset {
    pub fn as_str(self) -> &'static str {
        match self {
            Subset::Speech => "speech",
            Subset::All => "all",
        }
    }
}

/// A gold attribution (other fields ignored). Spans are character offsets, end exclusive.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldAttribution {
    #[serde(default)]
    pub content_spans: Vec<(usize, usize)>,
    #[serde(default)]
    pub source_spans: Vec<(usize, usize)>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub kind: String,
    /// The canonical speaker, where the gold gives one (`Some(None)`: given as null).
    #[serde(default, deserialize_with = "present")]
    pub speaker: Option<Option<String>>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Ok(Some(Option::deserialize(d)?))
}

impl GoldAttribution {
    fn is_speech(&self) -> bool {
        let cue = self.cue.as_deref().unwrap_or("").to_lowercase();
        let verbs = ggt_verbs();
        cue.split(|c: char| !c.is_ascii_lowercase())
            .any(|w| !w.is_empty() && verbs.contains(w))
            || cue.contains("according to")
    }

    /// The surname the item's source is named by: of the canonical speaker where given.
    fn named_surname(&self) -> Option<String> {
        match &self.speaker {
            Some(speaker) => head_surname(speaker.as_deref()),
            None => head_surname(self.source.as_deref()),
        }
    }
}

/// The counts `attr_score.py` prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportedCounts {
    pub gold: usize,
    pub found: usize,
    pub loose_found: usize,
    pub pred: usize,
    pub pred_ok: usize,
    pub loose_pred_ok: usize,
    pub src_ok: usize,
    pub named: usize,
    pub name_ok: usize,
}

/// The reported-speech scorer: add documents, then print.
#[derive(Debug, Clone)]
pub struct ReportedScorer {
    subset: Subset,
    pub counts: ReportedCounts,
    /// How many documents carried attributions.
    pub documents: usize,
}

fn overlap(a: (usize, usize), spans: &[(usize, usize)]) -> usize {
    spans
        .iter()
        .map(|&(s, e)| a.1.min(e).saturating_sub(a.0.max(s)))
        .sum()
}

/// Gold item index → prediction index, one to one, greedy by overlap (ties as Python's sort of
/// `(overlap, gold, pred)` in reverse).
fn match_items(
    golds: &[&GoldAttribution],
    preds: &[&PredQuote],
    loose: bool,
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        let gold_len: usize = g
            .content_spans
            .iter()
            .map(|&(s, e)| e.saturating_sub(s))
            .sum();
        for (pi, p) in preds.iter().enumerate() {
            let shared = overlap((p.start, p.end), &g.content_spans);
            if shared == 0 {
                continue;
            }
            let o = shared as f64 / gold_len.max(p.end - p.start).max(1) as f64;
            if loose || o >= 0.5 {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).expect("overlaps are finite"));
    let (mut used_gold, mut used_pred) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !used_gold.contains(&gi) && !used_pred.contains(&pi) {
            used_gold.insert(gi);
            used_pred.insert(pi);
            out.push((gi, pi));
        }
    }
    out
}

/// Whether the prediction names the gold item's source: its mention overlaps the source, or its
/// speaker carries the surname of the canonical speaker (or else of the source).
fn source_ok(g: &GoldAttribution, p: &PredQuote) -> bool {
    if p.speaker.as_deref().is_none_or(str::is_empty) {
        return false;
    }
    if let Some(m) = p.mention.as_ref() {
        if let Some(start) = m.start {
            if overlap((start, m.end), &g.source_spans) > 0 {
                return true;
            }
        }
    }
    let named = g.speaker.clone().flatten().filter(|s| !s.is_empty());
    let surname = head_surname(named.as_deref().or(g.source.as_deref()));
    surname.is_some_and(|s| words(p.speaker.as_deref()).contains(&s))
}

impl ReportedScorer {
    pub fn new(subset: Subset) -> Self {
        ReportedScorer {
            subset,
            counts: ReportedCounts::default(),
            documents: 0,
        }
    }

    /// Scores one document's predictions against its attributions.
    pub fn add(&mut self, attributions: &[GoldAttribution], preds: &[PredQuote]) {
        self.documents += 1;
        let all: Vec<&GoldAttribution> = attributions
            .iter()
            .filter(|a| !a.content_spans.is_empty())
            .collect();
        let gold: Vec<&GoldAttribution> = all
            .iter()
            .copied()
            .filter(|a| a.kind != "direct" && !a.source_spans.is_empty())
            .filter(|a| self.subset == Subset::All || a.is_speech())
            .collect();
        let preds: Vec<&PredQuote> = preds.iter().filter(|p| p.end > p.start).collect();
        let matched = match_items(&gold, &preds, false);
        let c = &mut self.counts;
        c.gold += gold.len();
        c.found += matched.len();
        c.loose_found += match_items(&gold, &preds, true).len();
        c.pred += preds.len();
        c.pred_ok += match_items(&all, &preds, false).len();
        c.loose_pred_ok += match_items(&all, &preds, true).len();
        for (gi, g) in gold.iter().enumerate() {
            let surname = g.named_surname();
            c.named += usize::from(surname.is_some());
            let Some(&(_, pi)) = matched.iter().find(|(m, _)| *m == gi) else {
                continue;
            };
            let p = preds[pi];
            c.src_ok += usize::from(source_ok(g, p));
            let right_name = surname.is_some_and(|s| words(p.speaker.as_deref()).contains(&s));
            c.name_ok += usize::from(right_name);
        }
    }

    /// The JSON line and the summary line, as `attr_score.py` prints them.
    pub fn lines(&self) -> (String, String) {
        let c = &self.counts;
        let div = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        let f = |p: f64, r: f64| 2.0 * p * r / (p + r).max(1e-9);
        let (recall, precision) = (div(c.found, c.gold), div(c.pred_ok, c.pred));
        let (loose_r, loose_p) = (div(c.loose_found, c.gold), div(c.loose_pred_ok, c.pred));
        let f1: f64 = round4(f(precision, recall)).parse().unwrap_or(0.0);
        let loose_f1: f64 = round4(f(loose_p, loose_r)).parse().unwrap_or(0.0);
        let e2e_source = div(c.src_ok, c.gold);
        let source_acc = div(c.src_ok, c.found);
        let e2e_name = div(c.name_ok, c.named);
        let json = format!(
            "{{\"gold\": {}, \"found\": {}, \"loose_found\": {}, \"pred\": {}, \"pred_ok\": {}, \
             \"loose_pred_ok\": {}, \"src_ok\": {}, \"named\": {}, \"name_ok\": {}, \
             \"recall\": {}, \"precision\": {}, \"f1\": {}, \"loose_f1\": {}, \
             \"e2e_source\": {}, \"source_acc\": {}, \"e2e_name\": {}, \"subset\": \"{}\"}}",
            c.gold,
            c.found,
            c.loose_found,
            c.pred,
            c.pred_ok,
            c.loose_pred_ok,
            c.src_ok,
            c.named,
            c.name_ok,
            round4(recall),
            round4(precision),
            round4(f1),
            round4(loose_f1),
            round4(e2e_source),
            round4(source_acc),
            round4(e2e_name),
            self.subset.as_str(),
        );
        let summary = format!(
            "reported ({}): recall {recall:.3} precision {precision:.3} F1 {f1:.3} (loose \
             {loose_f1:.3}) e2e-source {e2e_source:.3} source {source_acc:.3} e2e-name \
             {e2e_name:.3} of {} gold, {} predicted",
            self.subset.as_str(),
            c.gold,
            c.pred,
        );
        (json, summary)
    }
}
