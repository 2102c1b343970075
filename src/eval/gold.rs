//! Gold annotations: documents with their quotes, the kind filter, and the canonical-name key.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Number, Value};

use saywho_core::ingest::jsonl::{self, LineErrorKind, ShallowField};

/// A gold document (other fields ignored).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    #[serde(default)]
    pub id: Value,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Every annotated attribution, reported speech included (the PolNeAR format); a gold file
    /// whose documents carry them is scored for reported speech.
    #[serde(default)]
    pub attributions: Option<Vec<super::reported::GoldAttribution>>,
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

/// Which gold quotes count. Also the `--kind` flag's values: their names are `score.py`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Direct,
    Partial,
    All,
}

impl Kind {
    /// The name `score.py` gives this kind (in gold quotes and in its output).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::All => "all",
        }
    }

    /// Whether a gold quote of `kind` counts.
    pub(super) fn counts(self, kind: Option<&str>) -> bool {
        self == Kind::All || kind == Some(self.as_str())
    }
}

/// The canonical-name key (`--canonical`): (document id, start, end) → the person's name.
pub type CanonicalKey = HashMap<(String, usize, usize), String>;

/// One line of a canonical key: `{id, start, end, canonical, resolvable}`. Other fields are
/// skipped without recursion, so their depth does not matter.
#[derive(Deserialize)]
pub struct KeyLine {
    #[serde(default)]
    id: Option<Box<RawValue>>,
    #[serde(default)]
    pub start: Option<Number>,
    #[serde(default)]
    pub end: Option<Number>,
    #[serde(default)]
    canonical: ShallowField,
    #[serde(default)]
    resolvable: ShallowField,
}

impl KeyLine {
    pub fn parse(line: &[u8]) -> Result<KeyLine, LineErrorKind> {
        jsonl::parse_object(line)
    }

    /// Adds the line's name to `key` when it is resolvable and names someone (the truth of
    /// both fields as Python sees it, as in `score.py`).
    pub fn add_to(&self, key: &mut CanonicalKey) -> Result<(), LineErrorKind> {
        let (Some(name), true) = (
            self.canonical.string.as_ref().filter(|s| !s.is_empty()),
            self.resolvable.truthy,
        ) else {
            return Ok(());
        };
        let (Some(start), Some(end)) = (
            self.start.as_ref().and_then(Number::as_u64),
            self.end.as_ref().and_then(Number::as_u64),
        ) else {
            return Ok(());
        };
        let id = match &self.id {
            None => Value::Null,
            Some(raw) => serde_json::from_str(raw.get())
                .map_err(|e| LineErrorKind::Json(format!("\"id\": {e}")))?,
        };
        key.insert((id_key(&id), start as usize, end as usize), name.clone());
        Ok(())
    }
}

/// Reads one line of a canonical key into `key`.
pub fn add_key_line(key: &mut CanonicalKey, line: &str) -> Result<(), LineErrorKind> {
    KeyLine::parse(line.as_bytes())?.add_to(key)
}

/// A document id as a lookup key (strings and numbers stay distinct, as in Python).
pub fn id_key(id: &Value) -> String {
    id.to_string()
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn kind_flag_names_are_score_py_names() {
        for kind in Kind::value_variants() {
            let flag = kind.to_possible_value().expect("no variant is skipped");
            assert_eq!(flag.get_name(), kind.as_str());
        }
    }

    #[test]
    fn all_counts_every_kind_and_the_others_their_own() {
        assert!(Kind::All.counts(Some("partial")) && Kind::All.counts(None));
        assert!(Kind::Direct.counts(Some("direct")) && !Kind::Direct.counts(Some("partial")));
        assert!(!Kind::Partial.counts(None));
    }

    #[test]
    fn key_keeps_only_resolvable_lines_with_a_name() {
        let mut key = CanonicalKey::new();
        for line in [
            r#"{"id": "d", "start": 0, "end": 10, "canonical": "Ann Wu", "resolvable": true}"#,
            r#"{"id": "d", "start": 20, "end": 30, "canonical": "X", "resolvable": false}"#,
            r#"{"id": "d", "start": 40, "end": 50, "canonical": "", "resolvable": 1}"#,
            r#"{"id": 7, "start": 0, "end": 10, "canonical": "Lee Park", "resolvable": 1}"#,
        ] {
            add_key_line(&mut key, line).unwrap();
        }
        assert_eq!(key.len(), 2);
        assert_eq!(key[&(id_key(&Value::from(7)), 0, 10)], "Lee Park");
        // A string id and a number id stay apart.
        assert!(!key.contains_key(&(id_key(&Value::from("7")), 0, 10)));
    }

    #[test]
    fn deep_fields_are_no_problem() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let mut key = CanonicalKey::new();
        for line in [
            format!(
                r#"{{"id": "d", "note": {deep}, "start": 0, "end": 4, "canonical": "Ann Wu", "resolvable": []}}"#
            ),
            format!(
                r#"{{"id": "d", "start": 9, "end": 12, "canonical": "Bo Li", "resolvable": {deep}}}"#
            ),
        ] {
            add_key_line(&mut key, &line).unwrap();
        }
        // An empty array is false, a non-empty one true, however deep.
        assert_eq!(key.len(), 1);
        assert_eq!(key[&(id_key(&Value::from("d")), 9, 12)], "Bo Li");
    }

    #[test]
    fn kind_defaults_to_direct() {
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1}"#).unwrap();
        assert_eq!(q.kind.as_deref(), Some("direct"));
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1, "kind": null}"#).unwrap();
        assert_eq!(q.kind, None);
    }
}
