//! The conventions of reported speech, each on sentences written for the test.

use crate::document::Document;

/// Each statement of `text`: its content, its speaker's name (or `-`) and its rule.
fn statements(text: &str) -> Vec<(String, String, &'static str)> {
    let doc = crate::analyze(text.to_string());
    statements_of(&doc)
}

fn statements_of(doc: &Document) -> Vec<(String, String, &'static str)> {
    doc.reported()
        .iter()
        .map(|r| {
            let speaker = doc
                .speaker_of_reported(r)
                .map_or("-".to_string(), |s| s.name.clone());
            (doc.slice(&r.span).to_string(), speaker, r.rule.as_str())
        })
        .collect()
}

#[test]
fn debug_seed() {
    let text = std::fs::read_to_string("../../../shared/corpus/seed-ukraine-talks.txt").unwrap();
    for s in statements(&text) {
        eprintln!("{s:?}");
    }
}

#[test]
fn debug_mentions() {
    let doc = crate::analyze("Ukraine's army dismissed the claims, saying it was a stunt. The army is readying extra channels to send supplies to troops in the area, the Facebook post said.".to_string());
    for m in doc.mentions() {
        eprintln!("{:?} {:?}", doc.slice(&m.span), m.speaker);
    }
    for s in statements_of(&doc) { eprintln!("{s:?}"); }
}

#[test]
fn debug_sentences() {
    for t in [
        "McClendon has argued that as young white men in the South, he and his friends have a duty.",
        "Neil Sroka, communications director of the progressive advocacy group Democracy for America, said Sanders has several options.",
        "Mr. Clyburn noted those voters will give Sanders a second look.",
        "JERUSALEM - Israeli Prime Minister Benjamin Netanyahu will meet with Donald Trump when he arrives in Israel later this month, Israeli officials said Wednesday.",
        "But political scientists say there is no correlation between turnout and results.",
    ] {
        let doc = crate::analyze(t.to_string());
        eprintln!("{t}\n   {:?}\n   {:?}", statements_of(&doc), doc.mentions().iter().map(|m| doc.slice(&m.span)).collect::<Vec<_>>());
    }
}
