//! "How sure": attributions the engine is unsure of are marked in the article, the quote map and
//! the speaker card (with and without colour), the detail shows the confidence and its evidence,
//! `w`/`W` stop at them, and a corrected quotation says so in the detail.

mod common;

use common::*;
use ratatui::style::Modifier;
use saywho::tui::app::LOW_CONFIDENCE;
use saywho::tui::{App, Theme};
use saywho_core::confidence::{Basis, Confidence, Resolution};
use saywho_core::document::{Document, EntityKind};

/// Three quotations by Hale: the first sure, the second unsure (a description two sentences
/// away, another person fitting it too), the third with no confidence at all.
fn doc_with_confidence() -> Document {
    let mut parts = build_parts(
        "Mara Hale spoke first. {0|\"We will build the harbour,\"} Hale said.\n\
         Later came the vote. Nobody spoke. {0|\"It is done,\"} the official said.\n\
         {0|\"Wait,\"} she said.",
        &[("Mara Hale", EntityKind::Person, &["Hale"])],
    );
    let basis = |resolution, away, contested| Basis {
        rule: "cue-after",
        resolution,
        sentences_away: away,
        contested,
        unconfirmed: false,
    };
    parts.quotes[0].confidence = Some(Confidence {
        value: 0.98,
        basis: basis(Resolution::Name, 0, false),
    });
    parts.quotes[1].confidence = Some(Confidence {
        value: 0.48,
        basis: basis(Resolution::Description, 2, true),
    });
    Document::new(parts).unwrap()
}

fn app_of(theme: Theme) -> App {
    app_with(doc_with_confidence(), 100, 30, theme)
}

/// The modifiers of the cell showing the first character of quotation `i`.
fn modifiers_of_quote(app: &App, i: usize) -> Modifier {
    let buf = buffer(app);
    let text = app.doc().slice(&app.doc().quotes()[i].span).to_string();
    let (x, y) = find(&buf, &text).expect("the quotation is on screen");
    buf[(x, y)].modifier
}

#[test]
fn the_threshold_is_a_share_between_the_sure_and_the_unsure() {
    assert!((0.5..0.9).contains(&LOW_CONFIDENCE));
}

#[test]
fn an_unsure_attribution_is_slanted_in_the_article_with_and_without_colour() {
    for theme in [Theme::COLOR, Theme::MONO] {
        let app = app_of(theme);
        assert!(app.is_unsure(1) && !app.is_unsure(0) && !app.is_unsure(2));
        let sure = modifiers_of_quote(&app, 0);
        let unsure = modifiers_of_quote(&app, 1);
        assert!(!sure.contains(Modifier::ITALIC), "{theme:?}: {sure:?}");
        assert!(unsure.contains(Modifier::ITALIC), "{theme:?}: {unsure:?}");
        if theme.mono {
            // Still the speaker's bold: named, but unsure.
            assert!(unsure.contains(Modifier::BOLD));
        }
    }
}

#[test]
fn the_quote_map_and_the_card_mark_unsure_quotations() {
    let app = app_of(Theme::MONO);
    let screen = screen(&buffer(&app));
    let map_x = app.areas().map.expect("a quote map at 100 columns").x;
    let buf = buffer(&app);
    let column: String = (0..buf.area.height)
        .map(|y| buf[(map_x, y)].symbol().to_string())
        .collect();
    assert!(column.contains('?'), "{column}");
    assert!(column.contains('■'), "{column}");
    assert!(screen.contains("? 1 unsure"), "{screen}");
}

#[test]
fn no_card_line_when_every_attribution_is_sure() {
    let app = app_with(doc(), 100, 30, Theme::MONO);
    assert!(!screen(&buffer(&app)).contains("unsure"));
}

#[test]
fn the_detail_shows_the_confidence_and_its_evidence() {
    let mut app = app_of(Theme::COLOR);
    press(&mut app, "]]i");
    let screen = screen(&buffer(&app));
    assert!(
        screen.contains("Sure     48% · unsure (below 75%)"),
        "{screen}"
    );
    assert!(
        screen.contains("cue-after · a description · 2 sentences away · another person"),
        "{screen}"
    );
    let mut app = app_of(Theme::COLOR);
    press(&mut app, "]i");
    let screen = common::screen(&buffer(&app));
    assert!(screen.contains("Sure     98%"), "{screen}");
    assert!(!screen.contains("unsure (below"), "{screen}");
}

#[test]
fn w_stops_at_unsure_attributions_and_not_at_sure_ones() {
    let mut app = app_of(Theme::COLOR);
    press(&mut app, "w");
    assert_eq!(app.current(), Some(1));
    press(&mut app, "w");
    assert_eq!(app.current(), Some(1));
    assert_eq!(app.message(), Some("no more quotations to check below"));
    press(&mut app, "gW");
    assert_eq!(app.current(), Some(1));
}

#[test]
fn a_corrected_quotation_is_marked_in_the_detail_and_no_longer_unsure() {
    let mut app = app_of(Theme::COLOR);
    press(&mut app, "]]");
    press(&mut app, "aMara Hale\n");
    assert!(!app.is_unsure(1));
    press(&mut app, "i");
    let screen = screen(&buffer(&app));
    assert!(screen.contains("Mara Hale  ✎ corrected"), "{screen}");
    assert!(screen.contains("set by hand"), "{screen}");
    press(&mut app, "\x1bgw");
    assert_eq!(app.message(), Some("every quotation has a sure speaker"));
}
