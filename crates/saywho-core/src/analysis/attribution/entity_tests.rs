//! The entity model on whole texts: who a pronoun, a role or a short name refers to.

use super::tests::{some, speakers};

#[test]
fn she_never_goes_to_a_person_whose_first_name_is_male() {
    // Both names are missing from the hand-written lists; the name data knows them.
    let text = "Tadeusz Wrona, a pilot from Gdansk, landed the plane. \"We were lucky,\" she said.";
    assert_eq!(speakers(text), [None]);
    let text = "Tadeusz Wrona, a pilot from Gdansk, landed the plane. \"We were lucky,\" he said.";
    assert_eq!(speakers(text), [some("Tadeusz Wrona")]);
}

#[test]
fn names_common_worldwide_carry_their_gender() {
    let text = "Chinedu Eze, a trader in Lagos, shut his stall.\n\n\
                Ngozi Obi, a nurse, kept the clinic open. \"Nobody else would,\" she said.";
    assert_eq!(speakers(text), [some("Ngozi Obi")]);
    let text = "Ngozi Obi, a nurse, kept the clinic open.\n\n\
                Chinedu Eze, a trader in Lagos, shut his stall. \"Sales are gone,\" he said.";
    assert_eq!(speakers(text), [some("Chinedu Eze")]);
}

#[test]
fn a_name_given_to_both_sexes_carries_no_gender() {
    // "Jordan" is unisex in the data: the pronoun alone cannot rule the person out.
    let text = "Jordan Pike, a teacher, closed the school. \"It was the only choice,\" she said.";
    assert_eq!(speakers(text), [some("Jordan Pike")]);
}

#[test]
fn the_name_data_has_tens_of_thousands_of_gendered_names() {
    let genders = crate::lexicon::first_name_genders();
    let gendered = [
        "mohammed", "fatima", "priya", "arjun", "chinedu", "ngozi", "olena",
    ]
    .iter()
    .filter(|n| matches!(genders.value(n), Some("male" | "female")))
    .count();
    assert_eq!(gendered, 7);
    assert!(genders.keys().count() > 30_000);
    assert_eq!(genders.value("taylor"), Some("unisex"));
}

#[test]
fn a_capitalised_office_after_a_full_name_is_that_persons() {
    let text = "Pankit Verma, Head of Research at Delta Securities, pointed out that trading was thin.\n\n\
                \"It is a quiet market,\" he said.";
    assert_eq!(speakers(text), [some("Pankit Verma")]);
    let text = "Ines Corr, Chief Economist, spoke first. \"Rates will hold,\" she said.";
    assert_eq!(speakers(text), [some("Ines Corr")]);
}

#[test]
fn a_capitalised_phrase_that_is_no_office_makes_no_person() {
    // "Head Office" is a place; nothing says the mall is a person.
    let text =
        "Lakeview Mall, Head Office of the chain, closed on Friday. \"We are sorry,\" she said.";
    assert_eq!(speakers(text), [None]);
    // An honorific opens a person's name, not an office.
    let text = "The levy funds the Clean Water Act, Mr. Hale added, \"and it will pass.\"";
    assert_eq!(speakers(text), [some("Hale")]);
}

#[test]
fn a_name_before_its_verb_is_a_subject_after_an_opening_clause() {
    let text = "Nora Blake and Tess Quinn met at the studio in June.\n\n\
                As it turned out, Quinn had spent years writing songs. \"It was terrifying,\" she said.";
    assert_eq!(speakers(text), [some("Tess Quinn")]);
    // The subject is a man: "she" finds no one.
    let text = "As it turned out, Ivan Petrov had kept the letters. \"They were mine,\" she said.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn an_acronym_is_the_organisation_whose_initials_it_holds() {
    let text = "Export Development Canada insures projects abroad.\n\n\
                EDC declined to answer questions. \"We respect our clients' privacy,\" it said.";
    assert_eq!(speakers(text), [some("Export Development Canada")]);
    // Initials alone still make an organisation: "it" is the agency, never the man.
    let text = "Paul Deane met officials from the agency.\n\n\
                NRCB declined to comment. \"The review goes on,\" it said.";
    assert_eq!(speakers(text), [some("NRCB")]);
    let text = "NRCB met Paul Deane on Monday. \"The review goes on,\" he said.";
    assert_eq!(speakers(text), [some("Paul Deane")]);
}

#[test]
fn a_fronted_phrase_makes_its_person_salient() {
    let text = "Lena Brooks ran the first shop on the street.\n\n\
                For Ana Diaz, who bought it in May, Friday cannot come soon enough. \"We open at nine,\" she said.";
    assert_eq!(speakers(text), [some("Ana Diaz")]);
    // A fronted man does not take "she".
    let text = "For Ivan Petrov, Friday cannot come soon enough. \"We open at nine,\" she said.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn names_with_particles_and_compound_surnames_are_people() {
    let text = "Ben van der Vliet runs the ferry. \"It never stops,\" he said.\n\n\
                Jose de la Cruz coached the team. \"They played well,\" he said.\n\n\
                Mary-Kate O'Brien won the race. \"I felt strong,\" she said.";
    assert_eq!(
        speakers(text),
        [
            some("Ben van der Vliet"),
            some("Jose de la Cruz"),
            some("Mary-Kate O'Brien")
        ]
    );
    // A hyphenated first name with a part given to both sexes carries no gender, and nothing
    // else says the runner is a person.
    let text = "Jean-Marie Tadros won the race. \"I felt strong,\" she said.";
    assert_eq!(speakers(text), [None]);
}

#[test]
fn a_long_organisation_qualified_role_titles_the_person() {
    let text = "\"The slope may fail,\" University of Northern Ontario political scientist Hamish Grant said.\n\n\
                \"Welcome,\" said master of ceremonies Jo Roe.\n\n\
                \"Thanks,\" said 9/11 responder Ann Kim.";
    assert_eq!(
        speakers(text),
        [some("Hamish Grant"), some("Jo Roe"), some("Ann Kim")]
    );
    // The organisation itself, with no member named, is the organisation.
    let text = "\"The slope may fail,\" the University of Northern Ontario said.";
    assert_eq!(speakers(text), [some("University of Northern Ontario")]);
    // "said of": the person spoken of is not the speaker.
    let text = "\"He was kind,\" said of Jo Roe the neighbours who knew him.";
    assert_ne!(speakers(text), [some("Jo Roe")]);
}

#[test]
fn a_label_in_capitals_before_a_colon_never_speaks() {
    let text =
        "ANALYST VIEW: \"Prices will rise.\" Jo Tan, a strategist at a bank, said in a note.";
    assert_eq!(speakers(text), [None]);
    // A speaker before the colon still speaks.
    let text = "Nurse Kate Morrow was blunt: \"We need more hands.\"";
    assert_eq!(speakers(text), [some("Kate Morrow")]);
}

#[test]
fn both_parts_of_a_split_quote_go_to_its_speaker() {
    let text = "\"The risk,\" said Jo Lund, an economist, \"is that prices rise.\"";
    assert_eq!(speakers(text), [some("Jo Lund"), some("Jo Lund")]);
    // A phrase quoted later in the reporter's own words is no part of the quote.
    let text = "\"The risk is real,\" said Jo Lund on Monday, though the plan is \"a gamble.\"";
    assert_eq!(speakers(text), [some("Jo Lund"), None]);
}
