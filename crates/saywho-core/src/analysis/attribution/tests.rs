//! The attribution of whole texts: the rules, the resolution of mentions and the two passes
//! together.

use super::*;
// The whole analysis, as built into a `Document`.
use crate::analyze;

/// (quote text, speaker name or None) for every quote of `text`.
pub(super) fn who(text: &str) -> Vec<(String, Option<String>)> {
    let doc = analyze(text.to_string());
    doc.quotes()
        .iter()
        .map(|q| {
            (
                doc.slice(&q.span).to_string(),
                doc.speaker_of(q).map(|s| s.name.clone()),
            )
        })
        .collect()
}

pub(super) fn speakers(text: &str) -> Vec<Option<String>> {
    who(text).into_iter().map(|(_, s)| s).collect()
}

pub(super) fn rules(text: &str) -> Vec<Option<&'static str>> {
    analyze(text.to_string())
        .quotes()
        .iter()
        .map(|q| q.rule.map(Rule::as_str))
        .collect()
}

pub(super) fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn tokens_rebuilt_in_pass_two_give_the_same_document() {
    let text = crate::ingest::SAMPLE_TEXT.repeat(3);
    let kept = analyze_keeping(text.clone(), TOKEN_CACHE);
    let rebuilt = analyze_keeping(text.clone(), 0);
    let partly = analyze_keeping(text, 2000);
    assert!(kept.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 50);
    assert_eq!(format!("{kept:?}"), format!("{rebuilt:?}"));
    assert_eq!(format!("{kept:?}"), format!("{partly:?}"));
}

#[test]
fn a_name_with_its_state_is_the_person_not_the_state() {
    let text = "\"The bridge stays open,\" said Representative Mary Brown of Ohio. \"For now,\" she added.\n\n\
                \"Put it to a vote,\" former Gov. Alan Pike of Vermont said in a statement.";
    assert_eq!(
        speakers(text),
        [some("Mary Brown"), some("Mary Brown"), some("Alan Pike")]
    );
}

#[test]
fn a_role_opening_the_sentence_before_a_name_in_commas_is_that_person() {
    let text = "Director of security at the port authority, Marcus Obi, backed the report.\n\n\
                \"The gate logs do not lie,\" he said.";
    assert_eq!(speakers(text), [some("Marcus Obi")]);
}

#[test]
fn a_name_in_a_bracketed_credit_is_no_subject() {
    let text = "The bakery on Elm Street belongs to Ana Ruiz, who opened it in 1998.\n\n\
                Ana Ruiz at her ovens before dawn. ( Tom Hale / The Daily Ledger )\n\n\
                \"We bake until the flour runs out,\" says the longtime owner.\n\n\
                (Ruiz later added a note. \"Every single day,\" she said.)";
    assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
}

#[test]
fn her_and_his_keep_their_person_in_focus_past_the_usual_reach() {
    let text = "Mary Lind runs the clinic on the hill. Her coffee is cold by six. \
                The waiting room fills by seven. Her desk is at the back. \
                The roof leaks. Patients bring her letters. The city owns the building. \
                Repairs were promised in May. Nothing came of it. Her patience is thin. \
                The winter is near. \"We need a roof before the snow,\" she said.";
    assert_eq!(speakers(text), [some("Mary Lind")]);
}

#[test]
fn an_age_after_a_name_makes_a_person_that_she_can_be() {
    let text = "Tamsin Vale, 34, of Duluth, says her rent doubled in a year. \
                \"I cannot stay here,\" she says.";
    assert_eq!(speakers(text), [some("Tamsin Vale")]);
}

#[test]
fn an_inverted_cue_reaches_a_name_past_its_qualifiers() {
    let text = "\"The levy will not pass,\" said former Sen. Harold Quince.\n\n\
                \"Turnout decides it,\" said former Oregon Gov. and party Chairman Lena Marsh.\n\n\
                \"Open the files,\" said 9/11 responder Ruth Abana.\n\n\
                Jo Roe said Tuesday that \"the only way to win Ohio is door to door.\" \
                Asked which Ohio town he liked best, he laughed.";
    assert_eq!(
        speakers(text),
        [
            some("Harold Quince"),
            some("Lena Marsh"),
            some("Ruth Abana"),
            some("Jo Roe")
        ]
    );
}

#[test]
fn a_possessive_description_then_the_name_in_commas() {
    let text =
        "\"The port reopens on Monday,\" Gov. Adler's spokeswoman, Ines Falk, wrote in an email.";
    assert_eq!(speakers(text), [some("Ines Falk")]);
}

#[test]
fn lower_case_words_are_the_runs_of_letters_and_digits_that_start_lower_case() {
    let text = "Élan and élan, naïve NAÏVE; e-mail 3d x²y Ünited über—straße «quoted» don't";
    let words = lower_case_words(text);
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let expected = word.starts_with(char::is_lowercase);
        assert_eq!(words.contains(word), expected, "{word:?}");
    }
}

#[test]
fn a_possessor_before_a_name_is_no_title() {
    // "Marta's Bakery" names a shop, which "he" cannot be; the union leader is meant.
    let text = "Union leader Paul Okafor said the talks were overdue.\n\n\
                Two former Marta's Bakery cooks wrote to the city council.\n\n\
                \"Pay us what we are owed,\" he said.";
    assert_eq!(speakers(text), [some("Paul Okafor")]);
}

#[test]
fn cue_after_with_name_pronoun_description_and_inversion() {
    let text = "Mayor Ana Ruiz spoke first. \"We are ready,\" Ruiz said. \"We will open the bridge,\" she added.\n\n\
                \"It is late,\" said Tom Hale, a spokesman for the county. \"No delays,\" the spokesman stated.";
    assert_eq!(
        speakers(text),
        [
            some("Ana Ruiz"),
            some("Ana Ruiz"),
            some("Tom Hale"),
            some("Tom Hale")
        ]
    );
    assert_eq!(rules(text), [Some("cue-after"); 4]);
}

#[test]
fn two_word_cues_and_their_particle() {
    let text = "Jo Park owns the shop. \"We sell every genre,\" points out the store's owner.";
    let doc = analyze(text.to_string());
    assert_eq!(
        doc.slice(doc.quotes()[0].mention.as_ref().unwrap()),
        "the store's owner"
    );
    assert_eq!(doc.slice(doc.quotes()[0].cue.as_ref().unwrap()), "points");
}

#[test]
fn cue_before_and_colon() {
    let text = "Asked about the vote, Senator Mia Holt responded, \"Not this week.\"\n\n\
                Holt refused to go further, adding only: \"We will see.\"";
    assert_eq!(speakers(text), [some("Mia Holt"), some("Mia Holt")]);
    assert_eq!(rules(text), [Some("cue-before"), Some("colon")]);
}

#[test]
fn according_to_governs_every_quote_of_its_sentence() {
    let text = "Dr. Lena Park met the board. According to Dr. Park, the plan \"has no money\" and the city sees \"no way out.\"";
    assert_eq!(speakers(text), [some("Lena Park"), some("Lena Park")]);
    assert_eq!(rules(text), [Some("according-to"); 2]);
}

#[test]
fn introductory_clauses_and_parentheses_do_not_hide_the_subject() {
    let text = "When asked whom she backed, Ms. Jane Roe smiled and said, \"Nobody yet.\"\n\n\
                After winning Ohio, Gov. John Kasey (R-Ohio), said, \"We go on.\"";
    assert_eq!(speakers(text), [some("Jane Roe"), some("John Kasey")]);
}

#[test]
fn digest_credit_before_a_colon() {
    let text = "Turnout was high - Mary Lund: \"It was the biggest turnout in years.\"";
    assert_eq!(speakers(text), [some("Mary Lund")]);
}

#[test]
fn relative_pronouns_and_unnamed_speakers() {
    let text = "The rally drew Mayor Tim Ross, who called it \"a great day for the city.\"\n\n\
                \"I am not voting,\" one said. \"Me neither,\" said another.";
    let doc = analyze(text.to_string());
    assert_eq!(
        doc.speaker_of(&doc.quotes()[0]).map(|s| s.name.as_str()),
        Some("Tim Ross")
    );
    assert_eq!(doc.slice(doc.quotes()[0].mention.as_ref().unwrap()), "who");
    assert_eq!(doc.slice(doc.quotes()[1].mention.as_ref().unwrap()), "one");
    assert_eq!(
        doc.slice(doc.quotes()[2].mention.as_ref().unwrap()),
        "another"
    );
}

#[test]
fn cue_later_in_the_sentence() {
    let text = "Workers must be \"fully involved\" in the talks, Governor Ray Dunn said on Friday.";
    assert_eq!(speakers(text), [some("Ray Dunn")]);
    assert_eq!(rules(text), [Some("cue-later")]);
}

#[test]
fn continuation_keeps_the_previous_speaker() {
    let text =
        "\"We lost,\" said coach Ben Ortiz. \"Next year we win.\"\n\n\"And we will train harder.\"";
    assert_eq!(
        speakers(text),
        [some("Ben Ortiz"), some("Ben Ortiz"), some("Ben Ortiz")]
    );
    assert_eq!(
        rules(text)[1..],
        [Some("continuation"), Some("continuation")]
    );
}

#[test]
fn previous_sentence_gives_the_speaker() {
    let text = "Dr. Joy Kim said the ward was full.\n\n\"We had no beds left.\"";
    assert_eq!(speakers(text), [some("Joy Kim")]);
    assert_eq!(rules(text), [Some("previous-sentence")]);
}

#[test]
fn previous_subject_speaks_an_uncued_quote() {
    let text = "\"It was cold,\" Mayor Ann Lee said.\n\nFor his part, Dennis Brook found a flat in October.\n\n\"It feels warm.\"";
    assert_eq!(speakers(text), [some("Ann Lee"), some("Dennis Brook")]);
    assert_eq!(rules(text)[1], Some("previous-subject"));
}

#[test]
fn a_pronoun_owned_office_speaks_for_its_holder() {
    let text = "Jim Carr is the minister in charge. In a statement, his office said: \"We follow the contracts.\"";
    assert_eq!(speakers(text), [some("Jim Carr")]);
}

#[test]
fn places_are_not_people_for_pronouns() {
    let text = "Nova Scotia has a plan. \"It will work,\" he said.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn multi_paragraph_quote_shares_one_speaker() {
    let text = "\"The first part runs on.\n\n\"The second part ends it,\" Paul Grant said.";
    assert_eq!(speakers(text), [some("Paul Grant"), some("Paul Grant")]);
}

#[test]
fn pronoun_goes_to_the_subject_not_the_object() {
    let text = "Premier Dan Ford met Mayor Sue Bell in Ottawa. \"We agreed on nothing,\" he said.";
    assert_eq!(speakers(text), [some("Dan Ford")]);
}

#[test]
fn a_description_never_resolves_to_its_possessor() {
    let text = "Ivan Petrov, a senior adviser to President Oleg Sorin, spoke. \
                According to Sorin's assistant, \"nothing is agreed.\"";
    assert_eq!(speakers(text), [some("Ivan Petrov")]);
}

#[test]
fn a_person_named_inside_the_quote_is_not_the_speaker() {
    let text = "\"I am ready to meet President Lee,\" Anna Berg said.";
    assert_eq!(speakers(text), [some("Anna Berg")]);
}

#[test]
fn a_described_speaker_named_after_a_phrase() {
    let text = "But the director of operations for the agency, Jeff Fraser, says \"We are ready.\"";
    assert_eq!(speakers(text), [some("Jeff Fraser")]);
}

#[test]
fn an_unresolved_cue_leaves_the_quote_unattributed() {
    let text = "Dan Ford spoke on Monday. \"This is your movement,\" it now says on the site.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn a_possessor_is_not_a_speaker() {
    let text = "\"We are a threat,\" the senator and candidate told ABC's program.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn organisations_speak() {
    let text = "\"The meeting is off,\" the Kremlin said.";
    assert_eq!(speakers(text), [some("Kremlin")]);
}

#[test]
fn unsure_cases_stay_null() {
    // A title, a scare quote with no reporting clause, a quote with no cue and no context.
    let text = "She appeared on \"Meet the Press\" on Sunday.\n\n\
                The so-called \"sextortion\" scam spread.\n\n\
                \"Nobody knows what happens next.\"";
    assert_eq!(speakers(text), [None, None, None]);
}

#[test]
fn the_alias_chain_goes_through_the_mention_a_pronoun_or_description_stands_for() {
    let text = "Mayor Ana Ruiz opened the bridge on Monday. Ruiz spoke briefly. \
                \"We are done,\" she said.\n\n\
                Tom Hale, a spokesman for the county, stood by. \"No delays,\" the spokesman stated. \
                \"None at all,\" Hale added.";
    let doc = analyze(text.to_string());
    let chains: Vec<Vec<&str>> = doc
        .quotes()
        .iter()
        .map(|q| q.alias_chain.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        chains,
        [
            vec!["she", "Ruiz", "Ana Ruiz"],
            vec!["the spokesman", "Tom Hale"],
            vec!["Hale", "Tom Hale"],
        ]
    );
}
