//! Scoring predicted quotes against gold: a port of `score.py` (the shared scoring tool) with the
//! same definitions, so `saywho eval` and `score.py` print the same numbers for the same
//! predictions.
//!
//! All offsets here are character offsets (Unicode scalar values), as in the gold files.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Words that never count as a name (lower case; titles, roles, articles, party labels).
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "sec",
    "gen",
    "general",
    "lt",
    "col",
    "adm",
    "prof",
    "the",
    "a",
    "an",
    "of",
    "former",
    "candidate",
    "chairman",
    "chair",
    "spokesman",
    "spokeswoman",
    "minister",
    "prime",
    "house",
    "speaker",
    "leader",
    "mayor",
    "judge",
    "rev",
    "sir",
    "lady",
    "lord",
    "st",
    "jr",
    "sr",
    "u.s.",
    "us",
    "new",
    "democratic",
    "republican",
    "gop",
    "democrat",
    "nominee",
    "campaign",
    "manager",
    "aide",
    "adviser",
    "advisor",
    "official",
];

/// Mentions that name no one.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "who", "you", "him", "her", "them", "his", "its",
    "their", "this", "that", "which", "one",
];

fn is_title(w: &str) -> bool {
    TITLES.contains(&w)
}

fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w)
}

/// Python's `str.isspace` for one character.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

fn first_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn first_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Capitalised words of `s` that are not titles (`score.py`'s `words`):
/// runs of `[A-Za-z][A-Za-z'-]+`.
pub fn words(s: Option<&str>) -> HashSet<String> {
    let mut out = HashSet::new();
    let b = s.unwrap_or("").as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < b.len() && (b[j].is_ascii_alphabetic() || b[j] == b'\'' || b[j] == b'-') {
                j += 1;
            }
            if j - i >= 2 {
                let w = std::str::from_utf8(&b[i..j]).expect("ASCII");
                if b[i].is_ascii_uppercase() && !is_title(&w.to_lowercase()) {
                    out.insert(w.to_string());
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Removes `\([^)]*\)` matches, each replaced by a space.
fn drop_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        match rest[open + 1..].find(')') {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &rest[open + 1 + close + 1..];
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// Tokens of `score.py`'s `head_surname`: `[A-Za-z][A-Za-z'’-]*` or one character that is
/// neither white space nor an ASCII letter.
fn head_tokens(part: &str) -> Vec<&str> {
    let mut toks = Vec::new();
    let mut it = part.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_alphabetic() || matches!(d, '\'' | '\u{2019}' | '-') {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            toks.push(&part[i..end]);
        } else if !py_space(c) {
            toks.push(&part[i..i + c.len_utf8()]);
        }
    }
    toks
}

/// The surname of the head name in a gold mention, or `None` where the mention names no one
/// (`score.py`'s `head_surname`): parentheses go; the first comma-separated part holding a head
/// name wins; a capitalised run followed by a lower-case word modifies it rather than naming
/// the speaker; possessives, titles and pronouns never count.
pub fn head_surname(s: Option<&str>) -> Option<String> {
    let s = drop_parens(s.unwrap_or(""));
    for part in s.split(',') {
        let mut toks = head_tokens(part);
        toks.push(".");
        let mut head: Option<&str> = None;
        let mut cur: Vec<&str> = Vec::new();
        for w in toks {
            let lower = w.to_lowercase();
            let possessive = w.ends_with('\'')
                || w.ends_with('\u{2019}')
                || w.ends_with("'s")
                || w.ends_with("\u{2019}s");
            let name = first_upper(w)
                && !possessive
                && !is_title(lower.trim_end_matches('.'))
                && !is_pronoun(&lower);
            if name {
                cur.push(w);
                continue;
            }
            if let Some(&last) = cur.last() {
                let modifier =
                    first_lower(w) && !matches!(lower.as_str(), "who" | "and" | "said" | "says");
                if !modifier {
                    head = Some(last);
                }
            }
            cur.clear();
        }
        if let Some(h) = head {
            return Some(h.to_string());
        }
    }
    None
}

/// Splits the character span `s..e` of `text` at line breaks, dropping blank pieces
/// (`score.py`'s `split_lines`). `text` is given as characters.
pub fn split_lines(text: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let slice = |a: usize, b: usize| -> &[char] {
        let a = a.min(text.len());
        let b = b.min(text.len());
        if a < b {
            &text[a..b]
        } else {
            &[]
        }
    };
    let blank = |cs: &[char]| cs.iter().all(|&c| py_space(c));
    let mut out = Vec::new();
    let mut cur = s;
    let inside = slice(s, e);
    for (k, &c) in inside.iter().enumerate() {
        if c == '\n' {
            let (a, b) = (cur, s + k);
            if !blank(slice(a, b)) {
                out.push((a, b));
            }
            cur = s + k + 1;
        }
    }
    if !blank(slice(cur, e)) {
        out.push((cur, e));
    }
    out
}

/// Overlap of two spans over the longer one (at least 1).
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> f64 {
    let (a0, a1, b0, b1) = (a.0 as i64, a.1 as i64, b.0 as i64, b.1 as i64);
    let i = 0.max(a1.min(b1) - a0.max(b0));
    i as f64 / (a1 - a0).max(b1 - b0).max(1) as f64
}

/// Greedy one-to-one matching by overlap (at least 0.5), best overlap first; ties go as in
/// `score.py` (later gold, then later prediction, first). Returns gold index → prediction index.
pub fn match_spans(golds: &[(usize, usize)], preds: &[(usize, usize)]) -> HashMap<usize, usize> {
    let mut pairs = Vec::new();
    for (gi, &g) in golds.iter().enumerate() {
        for (pi, &p) in preds.iter().enumerate() {
            let o = overlap(g, p);
            if o >= 0.5 {
                pairs.push((o, gi, pi));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)));
    let (mut ug, mut up, mut m) = (HashSet::new(), HashSet::new(), HashMap::new());
    for (_, gi, pi) in pairs {
        if ug.contains(&gi) || up.contains(&pi) {
            continue;
        }
        ug.insert(gi);
        up.insert(pi);
        m.insert(gi, pi);
    }
    m
}

/// A gold document (other fields ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: Value,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// A gold quote.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    /// The words the attribution rests on (a string in the gold files).
    #[serde(default, deserialize_with = "string_or_null")]
    pub mention: Option<String>,
    #[serde(default)]
    pub speaker_spans: Option<Vec<(usize, usize)>>,
    /// `direct` when absent (as in `score.py`); an explicit `null` is no kind at all.
    #[serde(default = "direct_kind")]
    pub kind: Option<String>,
}

fn direct_kind() -> Option<String> {
    Some("direct".to_string())
}

fn string_or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        _ => None,
    })
}

/// A predicted document (the `--format jsonl` output of `saywho extract` is one).
#[derive(Debug, Clone, Deserialize)]
pub struct PredDoc {
    #[serde(default)]
    pub id: Value,
    #[serde(default)]
    pub quotes: Vec<PredQuote>,
}

/// A predicted quote.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub mention: Option<PredMention>,
}

/// A predicted mention.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PredMention {
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: usize,
    #[serde(default)]
    pub text: Option<String>,
}

/// Which gold quotes count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Direct,
    Partial,
    All,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::All => "all",
        }
    }
}

/// The canonical-name key (`--canonical`): (document id, start, end) → the person's name.
pub type CanonicalKey = HashMap<(String, usize, usize), String>;

/// Reads one line of a canonical key (`{id, start, end, canonical, resolvable}`) into `key`.
pub fn add_key_line(key: &mut CanonicalKey, line: &str) -> serde_json::Result<()> {
    let v: Value = serde_json::from_str(line)?;
    let truthy = |v: &Value| match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    };
    if truthy(&v["resolvable"]) && truthy(&v["canonical"]) {
        if let (Some(s), Some(e), Some(c)) = (
            v["start"].as_u64(),
            v["end"].as_u64(),
            v["canonical"].as_str(),
        ) {
            key.insert((id_key(&v["id"]), s as usize, e as usize), c.to_string());
        }
    }
    Ok(())
}

/// A document id as a lookup key (strings and numbers stay distinct, as in Python).
pub fn id_key(id: &Value) -> String {
    id.to_string()
}

/// One attribution error: document id, gold text (first 70 characters), gold speaker,
/// predicted speaker, predicted mention text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorLine {
    pub id: Value,
    pub text: String,
    pub gold: Option<String>,
    pub pred: Option<String>,
    pub mention: Option<String>,
}

/// The counts everything is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
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
    pub kind: Kind,
    pub max_errors: usize,
    pub key: CanonicalKey,
    pub counts: Counts,
    pub errors: Vec<ErrorLine>,
}

fn non_empty(s: &Option<String>) -> bool {
    s.as_deref().is_some_and(|s| !s.is_empty())
}

/// The predicted speaker is a name carrying the gold speaker's surname.
pub fn name_ok(gold_speaker: Option<&str>, pred_speaker: Option<&str>) -> bool {
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
pub fn speaker_ok(g: &GoldQuote, p: &PredQuote) -> bool {
    if !non_empty(&p.speaker) {
        return false;
    }
    mention_ok(g, p) || name_ok(g.speaker.as_deref(), p.speaker.as_deref())
}

impl Scorer {
    pub fn new(kind: Kind, max_errors: usize, key: CanonicalKey) -> Self {
        Scorer {
            kind,
            max_errors,
            key,
            counts: Counts::default(),
            errors: Vec::new(),
        }
    }

    /// Scores the predicted quotes of one gold document.
    pub fn add(&mut self, gold: &GoldDoc, preds: &[PredQuote]) {
        let text: Vec<char> = gold.text.chars().collect();
        let id = id_key(&gold.id);
        let mut pq: Vec<PredQuote> = Vec::new();
        for q in preds {
            for (s, e) in split_lines(&text, q.start, q.end) {
                pq.push(PredQuote {
                    start: s,
                    end: e,
                    ..q.clone()
                });
            }
        }
        let mut gq: Vec<(GoldQuote, Option<&String>)> = Vec::new();
        for q in &gold.quotes {
            let canon = self.key.get(&(id.clone(), q.start, q.end));
            for (s, e) in split_lines(&text, q.start, q.end) {
                gq.push((
                    GoldQuote {
                        start: s,
                        end: e,
                        ..q.clone()
                    },
                    canon,
                ));
            }
        }
        let gspans: Vec<(usize, usize)> = gq.iter().map(|(g, _)| (g.start, g.end)).collect();
        let pspans: Vec<(usize, usize)> = pq.iter().map(|p| (p.start, p.end)).collect();
        let m = match_spans(&gspans, &pspans);
        let matched_p: HashSet<usize> = m.values().copied().collect();
        let c = &mut self.counts;
        for (gi, (g, canon)) in gq.iter().enumerate() {
            if self.kind != Kind::All && g.kind.as_deref() != Some(self.kind.as_str()) {
                continue;
            }
            c.gold += 1;
            let has_spk = non_empty(&g.speaker);
            let gsur = head_surname(g.speaker.as_deref());
            c.gold_spk += has_spk as usize;
            c.gold_named += (has_spk && gsur.is_some()) as usize;
            if let Some(canon) = canon.filter(|c| !c.is_empty()) {
                c.res_total += 1;
                let sur = head_surname(Some(canon))
                    .unwrap_or_else(|| canon.split_whitespace().last().unwrap_or("").to_string());
                if let Some(&pi) = m.get(&gi) {
                    c.res_ok += words(pq[pi].speaker.as_deref()).contains(&sur) as usize;
                }
            }
            let Some(&pi) = m.get(&gi) else { continue };
            c.found += 1;
            let p = &pq[pi];
            if has_spk {
                c.spk_total += 1;
                let mention = if non_empty(&g.mention) {
                    g.mention.as_deref()
                } else {
                    g.speaker.as_deref()
                };
                let pron = is_pronoun(&py_strip(mention.unwrap_or("")).to_lowercase());
                c.spk_pron_total += pron as usize;
                c.spk_given += non_empty(&p.speaker) as usize;
                if speaker_ok(g, p) {
                    c.spk_ok += 1;
                    c.spk_pron_ok += pron as usize;
                } else if self.errors.len() < self.max_errors {
                    let gtext = g.text.as_deref().unwrap_or("").chars().take(70).collect();
                    self.errors.push(ErrorLine {
                        id: gold.id.clone(),
                        text: gtext,
                        gold: g.speaker.clone(),
                        pred: p.speaker.clone(),
                        mention: p.mention.as_ref().and_then(|m| m.text.clone()),
                    });
                }
                if gsur.is_some() {
                    c.name_total += 1;
                    c.name_ok += name_ok(g.speaker.as_deref(), p.speaker.as_deref()) as usize;
                }
            }
        }
        for (pi, p) in pq.iter().enumerate() {
            if non_empty(&p.speaker) {
                c.pred_attr += 1;
                c.pred_attr_ok += matched_p.contains(&pi) as usize;
            }
        }
    }

    /// The metrics.
    pub fn report(&self) -> Report {
        let c = &self.counts;
        let div = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        let recall = div(c.found, c.gold);
        let precision = div(c.pred_attr_ok, c.pred_attr);
        let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
        Report {
            kind: self.kind,
            gold: c.gold,
            recall,
            attributed_precision: precision,
            f1,
            e2e_speaker: div(c.spk_ok, c.gold_spk),
            speaker_precision: div(c.spk_ok, c.spk_given),
            speaker_acc: div(c.spk_ok, c.spk_total),
            speaker_acc_pronoun_gold: div(c.spk_pron_ok, c.spk_pron_total),
            spk_total: c.spk_total,
            name_acc: div(c.name_ok, c.name_total),
            name_total: c.name_total,
            e2e_name: div(c.name_ok, c.gold_named),
            resolved_acc: div(c.res_ok, c.res_total),
            resolved_total: c.res_total,
            canonical: !self.key.is_empty(),
        }
    }
}

/// The metrics of a run (unrounded).
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub kind: Kind,
    pub gold: usize,
    pub recall: f64,
    pub attributed_precision: f64,
    pub f1: f64,
    pub e2e_speaker: f64,
    pub speaker_precision: f64,
    pub speaker_acc: f64,
    pub speaker_acc_pronoun_gold: f64,
    pub spk_total: usize,
    pub name_acc: f64,
    pub name_total: usize,
    pub e2e_name: f64,
    pub resolved_acc: f64,
    pub resolved_total: usize,
    /// Whether a canonical key was given (adds `resolved` to the summary line).
    pub canonical: bool,
}

/// Python's `repr(round(x, 4))`.
fn round4(x: f64) -> String {
    let r: f64 = format!("{x:.4}").parse().expect("a formatted float parses");
    format!("{r:?}")
}

impl Report {
    /// The JSON line, byte for byte as `score.py` prints it.
    pub fn json_line(&self) -> String {
        format!(
            "{{\"kind\": \"{}\", \"gold\": {}, \"recall\": {}, \"attributed_precision\": {}, \
             \"f1\": {}, \"e2e_speaker\": {}, \"speaker_precision\": {}, \"speaker_acc\": {}, \
             \"speaker_acc_pronoun_gold\": {}, \"spk_total\": {}, \"name_acc\": {}, \
             \"name_total\": {}, \"e2e_name\": {}, \"resolved_acc\": {}, \"resolved_total\": {}}}",
            self.kind.as_str(),
            self.gold,
            round4(self.recall),
            round4(self.attributed_precision),
            round4(self.f1),
            round4(self.e2e_speaker),
            round4(self.speaker_precision),
            round4(self.speaker_acc),
            round4(self.speaker_acc_pronoun_gold),
            self.spk_total,
            round4(self.name_acc),
            self.name_total,
            round4(self.e2e_name),
            round4(self.resolved_acc),
            self.resolved_total,
        )
    }

    /// The one-line summary, as `score.py` prints it.
    pub fn summary_line(&self) -> String {
        let mut s = format!(
            "{}: recall {:.3} precision {:.3} F1 {:.3} e2e-speaker {:.3} speaker {:.3} \
             (given {:.3}, pronoun-gold {:.3}) canonical-name {:.3} of {} (e2e {:.3})",
            self.kind.as_str(),
            self.recall,
            self.attributed_precision,
            self.f1,
            self.e2e_speaker,
            self.speaker_acc,
            self.speaker_precision,
            self.speaker_acc_pronoun_gold,
            self.name_acc,
            self.name_total,
            self.e2e_name,
        );
        if self.canonical {
            let _ = write!(
                s,
                " resolved {:.3} of {}",
                self.resolved_acc, self.resolved_total
            );
        }
        s
    }
}

/// Python's `str()` of a value as printed in an error line.
fn py_str(v: Option<&str>) -> &str {
    v.unwrap_or("None")
}

impl ErrorLine {
    /// `ERR | id | text | gold | pred | mention`, as `score.py` prints it.
    pub fn line(&self) -> String {
        let id = match &self.id {
            Value::String(s) => s.clone(),
            Value::Null => "None".to_string(),
            other => other.to_string(),
        };
        format!(
            "ERR | {id} | {} | {} | {} | {}",
            self.text,
            py_str(self.gold.as_deref()),
            py_str(self.pred.as_deref()),
            py_str(self.mention.as_deref())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ws: &[&str]) -> HashSet<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn head_surname_cases() {
        let h = |s: &str| head_surname(Some(s));
        assert_eq!(
            h("Clinton spokesman Brian Fallon").as_deref(),
            Some("Fallon")
        );
        assert_eq!(h("a Ruiz spokeswoman"), None);
        assert_eq!(
            h("Geoff Garin, a pollster for Priorities USA").as_deref(),
            Some("Garin")
        );
        assert_eq!(h("Sanders (I-Vt.)").as_deref(), Some("Sanders"));
        assert_eq!(h("he"), None);
        assert_eq!(h("the senator"), None);
        assert_eq!(h("President Ana Ruiz").as_deref(), Some("Ruiz"));
        assert_eq!(h("Ruiz's assistant"), None);
        assert_eq!(h("Sen. Ted Cruz").as_deref(), Some("Cruz"));
        assert_eq!(h("Smith, who said").as_deref(), Some("Smith"));
        assert_eq!(h("Jean-Luc O'Neil").as_deref(), Some("O'Neil"));
        assert_eq!(head_surname(None), None);
        assert_eq!(h(""), None);
    }

    #[test]
    fn words_cases() {
        assert_eq!(words(Some("President Ana Ruiz")), set(&["Ana", "Ruiz"]));
        assert_eq!(
            words(Some("the U.S. envoy Al Jones-Smith")),
            set(&["Al", "Jones-Smith"])
        );
        assert_eq!(words(Some("he")), set(&[]));
        assert_eq!(words(None), set(&[]));
    }

    #[test]
    fn split_lines_drops_blank_pieces() {
        let t: Vec<char> = "ab\n\ncd\n  \nef".chars().collect();
        assert_eq!(split_lines(&t, 0, t.len()), vec![(0, 2), (4, 6), (10, 12)]);
        assert_eq!(split_lines(&t, 1, 2), vec![(1, 2)]);
        assert_eq!(split_lines(&t, 2, 4), vec![]);
    }

    #[test]
    fn overlap_and_matching() {
        assert_eq!(overlap((0, 10), (5, 10)), 0.5);
        assert_eq!(overlap((0, 10), (10, 20)), 0.0);
        // The best overlap wins; each span matches once.
        let m = match_spans(&[(0, 10), (20, 30)], &[(0, 9), (1, 10), (22, 30), (40, 50)]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[&1], 2);
        // Equal overlaps: the later gold takes the later prediction first (score.py's order).
        let m = match_spans(&[(0, 10), (0, 10)], &[(0, 10), (0, 10)]);
        assert_eq!((m[&0], m[&1]), (0, 1));
    }

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
        };
        let mut s = Scorer::new(Kind::Direct, 0, key);
        s.add(&doc, &[pq(0, 10, Some("Ann Wu"), None)]);
        let r = s.report();
        assert_eq!((r.resolved_total, r.resolved_acc), (1, 1.0));
        assert!(r.summary_line().ends_with("resolved 1.000 of 1"));
    }

    #[test]
    fn kind_defaults_to_direct() {
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1}"#).unwrap();
        assert_eq!(q.kind.as_deref(), Some("direct"));
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1, "kind": null}"#).unwrap();
        assert_eq!(q.kind, None);
    }

    #[test]
    fn rounding_matches_python() {
        assert_eq!(round4(0.03125), "0.0312");
        assert_eq!(round4(1.0), "1.0");
        assert_eq!(round4(0.0), "0.0");
        assert_eq!(round4(2.0 / 3.0), "0.6667");
    }
}
