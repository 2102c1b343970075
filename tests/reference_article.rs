//! The reference article: every quotation with its exact span and canonical speaker.

use std::collections::BTreeMap;

use saywho_core::CharOffsets;
use serde_json::Value;

fn gold() -> Value {
    serde_json::from_str(include_str!("fixtures/seed-ukraine-talks.gold.json")).unwrap()
}

fn analysed() -> saywho_core::Document {
    saywho_core::analyze(include_str!("../assets/samples/seed-ukraine-talks.txt").to_string())
}

#[test]
fn all_quotations_have_exact_spans_and_speakers() {
    let gold = gold();
    let doc = analysed();
    let mut chars = CharOffsets::new(doc.text());
    let got: Vec<(usize, usize, Option<String>)> = doc
        .quotes()
        .iter()
        .map(|q| {
            let start = chars.char_at(q.span.start);
            let end = chars.char_at(q.span.end);
            (start, end, doc.speaker_of(q).map(|s| s.name.clone()))
        })
        .collect();
    let want: Vec<(usize, usize, Option<String>)> = gold["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
                q["speaker"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got.len(), 19);
    assert_eq!(got, want);
}

#[test]
fn speakers_are_exactly_the_three_people_with_their_counts() {
    let doc = analysed();
    let speakers: BTreeMap<&str, usize> = doc
        .speakers_by_share()
        .into_iter()
        .map(|s| (s.name.as_str(), s.quote_count))
        .collect();
    let want = BTreeMap::from([
        ("Yuri Ushakov", 9),
        ("Volodymyr Zelenskyy", 6),
        ("Vladimir Putin", 4),
    ]);
    assert_eq!(speakers, want);
}

#[test]
fn aliases_reach_the_canonical_names() {
    let doc = analysed();
    let aliases = |name: &str| {
        doc.speakers()
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.aliases.clone())
            .unwrap_or_default()
    };
    let ushakov = aliases("Yuri Ushakov");
    for alias in [
        "Ushakov",
        "presidential advisor Ushakov",
        "the official",
        "Putin's assistant",
    ] {
        assert!(
            ushakov.iter().any(|a| a == alias),
            "{alias} not in {ushakov:?}"
        );
    }
    assert!(
        ushakov
            .iter()
            .any(|a| a.starts_with("a senior advisor to President Vladimir Putin")),
        "{ushakov:?}"
    );
    let zelenskyy = aliases("Volodymyr Zelenskyy");
    assert!(
        zelenskyy
            .iter()
            .any(|a| a == "Ukrainian President Volodymyr Zelenskyy"),
        "{zelenskyy:?}"
    );
    assert!(
        zelenskyy.iter().any(|a| a == "The Ukrainian leader"),
        "{zelenskyy:?}"
    );
}

#[test]
fn each_quote_records_its_rule_and_alias_chain() {
    let doc = analysed();
    let pronoun = doc
        .quotes()
        .iter()
        .find(|q| q.mention.as_ref().is_some_and(|m| doc.slice(m) == "he"))
        .unwrap();
    assert_eq!(pronoun.alias_chain.first().map(String::as_str), Some("he"));
    assert!(pronoun
        .alias_chain
        .last()
        .is_some_and(|n| n == "Yuri Ushakov" || n == "Volodymyr Zelenskyy"));
    assert!(doc.quotes().iter().all(|q| q.rule.is_some()));
    let rules: std::collections::BTreeSet<_> = doc
        .quotes()
        .iter()
        .filter_map(|q| q.rule.map(saywho_core::Rule::as_str))
        .collect();
    for rule in [
        "cue-after",
        "cue-before",
        "according-to",
        "colon",
        "continuation",
        "cue-later",
    ] {
        assert!(rules.contains(rule), "{rule} not used: {rules:?}");
    }
}

/// Every file below `dir` whose name ends in one of `extensions`.
fn files(dir: &std::path::Path, extensions: &[&str], out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, extensions, out);
        } else if extensions
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            out.push(path);
        }
    }
}

#[test]
fn no_person_of_the_article_is_named_in_the_engine_or_its_lexicons() {
    // Every word of the canonical names the gold gives (its speakers' keys), and the surnames of
    // the other people the article names.
    let gold = gold();
    let others = ["Trump", "Kushner", "Witkoff", "Rubio"].map(str::to_string);
    let names: Vec<String> = gold["speakers"]
        .as_object()
        .unwrap()
        .keys()
        .flat_map(|name| name.split_whitespace().map(str::to_string))
        .chain(others)
        .collect();
    assert!(names.iter().any(|n| n == "Ushakov"), "{names:?}");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src"), &["rs"], &mut paths);
    files(&root.join("crates"), &["rs"], &mut paths);
    files(&root.join("assets/lexicon"), &["txt"], &mut paths);
    assert!(paths.len() > 20);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for name in &names {
            let found = text.match_indices(name.as_str()).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + name.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            assert!(!found, "{name} is named in {}", path.display());
        }
    }
}
