//! What the words of a name say: the gender of its first name, and its initials.

use compact_str::CompactString;

use crate::analysis::mentions::Gender;
use crate::analysis::tokens::lowercase;
use crate::lexicon;

/// "EDC", "IRCC", "NATO": a name of two to six capitals alone is an organisation's initials.
pub(super) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// The capitals that open the words of a name: "Immigration, Refugees and Citizenship Canada"
/// → "IRCC".
pub(super) fn initials(words: &[&str]) -> CompactString {
    words
        .iter()
        .filter_map(|w| w.chars().next().filter(char::is_ascii_uppercase))
        .collect()
}

/// The gender a full name's first word carries; a hyphenated first name ("Mary-Kate",
/// "Jean-Luc") carries the gender its parts agree on.
pub(super) fn first_name_gender(words: &[String]) -> Option<Gender> {
    if words.len() < 2 {
        return None;
    }
    let first = lowercase(words.first()?);
    if let Some(g) = given_name_gender(&first) {
        return g;
    }
    let mut parts = first.split('-').filter(|p| !p.is_empty());
    let gender = given_name_gender(parts.next()?)??;
    let mut rest = parts.peekable();
    rest.peek()?;
    rest.all(|p| given_name_gender(p) == Some(Some(gender)))
        .then_some(gender)
}

/// The gender of a given name from the name data (the sex nearly all its bearers have), else
/// from the hand-written lists of names common in news: `Some(None)` for a name known to be
/// given to both sexes, `None` for a name not known.
fn given_name_gender(name: &str) -> Option<Option<Gender>> {
    match lexicon::first_name_genders().value(name) {
        Some("male") => return Some(Some(Gender::Male)),
        Some("female") => return Some(Some(Gender::Female)),
        Some(_) => return Some(None),
        None => {}
    }
    if lexicon::male_names().contains(name) {
        Some(Some(Gender::Male))
    } else if lexicon::female_names().contains(name) {
        Some(Some(Gender::Female))
    } else {
        None
    }
}
