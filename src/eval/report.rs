//! What `saywho eval` prints: the metrics and the attribution errors, byte for byte as
//! `score.py` prints them.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::gold::Kind;
use super::scorer::Counts;

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

/// Python's `repr(round(x, 4))`.
pub(super) fn round4(x: f64) -> String {
    let r: f64 = format!("{x:.4}").parse().expect("a formatted float parses");
    format!("{r:?}")
}

impl Report {
    /// The metrics of `counts` (`canonical`: whether a canonical key was given).
    pub(super) fn new(kind: Kind, c: &Counts, canonical: bool) -> Report {
        let div = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        let recall = div(c.found, c.gold);
        let precision = div(c.pred_attr_ok, c.pred_attr);
        let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
        Report {
            kind,
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
            canonical,
        }
    }

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

    #[test]
    fn rounding_matches_python() {
        assert_eq!(round4(0.03125), "0.0312");
        assert_eq!(round4(1.0), "1.0");
        assert_eq!(round4(0.0), "0.0");
        assert_eq!(round4(2.0 / 3.0), "0.6667");
    }

    #[test]
    fn error_line_prints_ids_and_missing_values_as_python() {
        let line = |id: Value| ErrorLine {
            id,
            text: "We will not back down".into(),
            gold: Some("Ann Wu".into()),
            pred: None,
            mention: None,
        };
        assert_eq!(
            line(Value::from("a-1")).line(),
            "ERR | a-1 | We will not back down | Ann Wu | None | None"
        );
        assert!(line(Value::from(12)).line().starts_with("ERR | 12 | "));
        assert!(line(Value::Null).line().starts_with("ERR | None | "));
    }
}
