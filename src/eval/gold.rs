//! Gold annotations: documents with their quotes, the kind filter, and the canonical-name key.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

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
    fn kind_defaults_to_direct() {
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1}"#).unwrap();
        assert_eq!(q.kind.as_deref(), Some("direct"));
        let q: GoldQuote = serde_json::from_str(r#"{"start": 0, "end": 1, "kind": null}"#).unwrap();
        assert_eq!(q.kind, None);
    }
}
