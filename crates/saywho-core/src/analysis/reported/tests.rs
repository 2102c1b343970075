//! The conventions of reported speech, each on sentences written for the test, with the null
//! answers and what only looks like reported speech.

use super::ReportedRule;
use crate::document::{Document, ReportedKind};

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

/// The one statement of `text`, as (content, speaker).
fn one(text: &str) -> (String, String) {
    let found = statements(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let (content, speaker, _) = found.into_iter().next().unwrap();
    (content, speaker)
}

fn pair(content: &str, speaker: &str) -> (String, String) {
    (content.to_string(), speaker.to_string())
}

#[test]
fn every_rule_finds_its_example() {
    for rule in ReportedRule::ALL {
        let (text, content, speaker) = rule.example();
        let found = statements(text);
        assert!(
            found.contains(&(content.to_string(), speaker.to_string(), rule.as_str())),
            "{}: {found:?}",
            rule.as_str()
        );
    }
}

#[test]
fn readme_reported_rule_table_is_the_rules() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let table = ReportedRule::markdown_table();
    assert!(
        readme.contains(&table),
        "README reported-speech table is stale; paste:\n{table}"
    );
}

#[test]
fn said_with_and_without_that() {
    assert_eq!(
        one("Mayor Ada Price said that the budget would be cut by a tenth."),
        pair("the budget would be cut by a tenth", "Ada Price")
    );
    assert_eq!(
        one("Mayor Ada Price said the budget would be cut by a tenth."),
        pair("the budget would be cut by a tenth", "Ada Price")
    );
    assert_eq!(
        one("Ada Price stated on Tuesday that the budget was final."),
        pair("the budget was final", "Ada Price")
    );
}

#[test]
fn clause_before_its_cue() {
    assert_eq!(
        one("The budget will be cut by a tenth, Ada Price said on Tuesday."),
        pair("The budget will be cut by a tenth", "Ada Price")
    );
    assert_eq!(
        one("The budget will be cut by a tenth, said Ada Price, the city's mayor."),
        pair("The budget will be cut by a tenth", "Ada Price")
    );
    assert_eq!(
        one("The budget will be cut, Ada Price, the mayor of the city, told reporters."),
        pair("The budget will be cut", "Ada Price")
    );
}

#[test]
fn a_scene_before_the_cue_is_no_statement() {
    let found = statements("With the vote at stake, Ada Price said nothing.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn told_reporters_then_the_clause() {
    assert_eq!(
        one("Ada Price told reporters the budget would be cut."),
        pair("the budget would be cut", "Ada Price")
    );
    assert_eq!(
        one("Ada Price told the council on Monday that the budget would be cut."),
        pair("the budget would be cut", "Ada Price")
    );
}

#[test]
fn according_to_before_and_after() {
    assert_eq!(
        one("According to Ada Price, the budget will be cut by a tenth."),
        pair("the budget will be cut by a tenth", "Ada Price")
    );
    assert_eq!(
        one("The budget will be cut by a tenth, according to Ada Price."),
        pair("The budget will be cut by a tenth", "Ada Price")
    );
    // Any source will do: a poll, a filing.
    assert_eq!(
        one("The mayor leads her rival by six points, according to a poll released Monday.").0,
        "The mayor leads her rival by six points"
    );
}

#[test]
fn complements_by_pattern() {
    let cases = [
        ("Ada Price vowed to cut the budget.", "to cut the budget"),
        (
            "Ada Price accused the council of hiding the deficit.",
            "the council of hiding the deficit",
        ),
        ("Ada Price denied the claim.", "the claim"),
        (
            "Ada Price described the plan as a disaster for the city.",
            "a disaster for the city",
        ),
        (
            "Ada Price called for an inquiry into the deficit.",
            "for an inquiry into the deficit",
        ),
        (
            "Ada Price asked whether the council had read the report.",
            "whether the council had read the report",
        ),
        (
            "Ada Price pointed out that the deficit had doubled.",
            "the deficit had doubled",
        ),
    ];
    for (text, content) in cases {
        assert_eq!(one(text), pair(content, "Ada Price"), "{text}");
    }
}

#[test]
fn participle_takes_the_source_before_it() {
    let found = statements("Ada Price rejected the audit, saying it was a stunt.");
    assert_eq!(
        found,
        vec![
            ("the audit".into(), "Ada Price".into(), "cue-then-clause"),
            ("it was a stunt".into(), "Ada Price".into(), "participial"),
        ]
    );
}

#[test]
fn coordinated_cues_make_two_statements() {
    let found =
        statements("Ada Price said the budget was final and warned that cuts would follow.");
    assert_eq!(
        found,
        vec![
            (
                "the budget was final".into(),
                "Ada Price".into(),
                "cue-then-clause"
            ),
            (
                "cuts would follow".into(),
                "Ada Price".into(),
                "coordinated"
            ),
        ]
    );
}

#[test]
fn nested_reporting_is_one_statement() {
    assert_eq!(
        one("Ada Price warned of what she said were false figures in the audit."),
        pair(
            "of what she said were false figures in the audit",
            "Ada Price"
        )
    );
}

#[test]
fn parenthetical_cue_reports_the_whole_sentence() {
    assert_eq!(
        one("The delay, Ada Price said, was caused by the storm."),
        pair(
            "The delay, Ada Price said, was caused by the storm",
            "Ada Price"
        )
    );
    assert_eq!(
        one("As Ada Price noted, the delay was caused by the storm."),
        pair("the delay was caused by the storm", "Ada Price")
    );
}

#[test]
fn pronouns_and_roles_resolve_as_quote_speakers_do() {
    let text = "Mayor Ada Price met the council on Monday. She said the budget was final. \
                The mayor added that cuts would follow.";
    let found = statements(text);
    let speakers: Vec<&str> = found.iter().map(|(_, s, _)| s.as_str()).collect();
    assert_eq!(speakers, ["Ada Price", "Ada Price"], "{found:?}");
}

#[test]
fn organisations_and_issued_texts_speak() {
    let text = "Late on Monday, the ministry declared that the border was closed. \
                The crossing will stay shut until spring, the statement said.";
    let found = statements(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "the border was closed");
    assert_eq!(found[1].0, "The crossing will stay shut until spring");
    assert_eq!(
        found[0].1, found[1].1,
        "the statement speaks for its issuer"
    );
    let found = statements("Norway's coast guard dismissed the report of a spill.");
    assert_eq!(found[0].1, "Norway's coast guard");
}

#[test]
fn groups_are_named_by_their_words_and_unknown_sources_stay_null() {
    assert_eq!(
        one("Local officials warn the road will stay closed for weeks."),
        pair("the road will stay closed for weeks", "Local officials")
    );
    // "he" with no one before it resolves to no one.
    assert_eq!(one("He said the road was closed.").1, "-");
}

#[test]
fn headlines_in_title_case_report_too() {
    assert_eq!(
        one("Mayor Ada Price Says The Budget Will Be Cut").0,
        "The Budget Will Be Cut"
    );
}

#[test]
fn what_is_not_reported_speech() {
    for text in [
        "The plant is said to be the largest in the region.",
        "The so-called reform plan was dropped in May.",
        "That said, the plan was dropped in May.",
        "Needless to say, the plan was dropped in May.",
        "The said document was signed in May by both sides.",
        "The council was told the plan had been dropped.",
        "Her claims about the plan were dropped in May.",
        "The United States closed the embassy in May.",
    ] {
        let found = statements(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_quote_alone_is_direct_speech_not_reported() {
    for text in [
        "\"The budget is final,\" Ada Price said.",
        "Ada Price said, \"The budget is final.\"",
    ] {
        let found = statements(text);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

#[test]
fn a_quoted_fragment_makes_it_mixed_and_stays_a_quote() {
    let doc = crate::analyze("Ada Price said the budget was \"a disaster for the city.\"".into());
    let [r] = doc.reported() else {
        panic!("{:?}", doc.reported());
    };
    assert_eq!(r.kind, ReportedKind::Mixed);
    let [q] = doc.quotes() else {
        panic!("{:?}", doc.quotes());
    };
    assert!(r.span.start <= q.span.start && q.span.end <= r.span.end);
    assert_eq!(
        doc.speaker_of(q).map(|s| &s.name),
        doc.speaker_of_reported(r).map(|s| &s.name)
    );
}

#[test]
fn nothing_inside_a_quotation_is_read() {
    let found = statements("\"Ada Price said the budget was final,\" the clerk recalled.");
    assert!(found.is_empty(), "{found:?}");
}
