//! How far an attribution can be trusted: a confidence in [0, 1] read from what it rests on.
//!
//! An attribution's [`Basis`] is the rule that decided it, how its mention names the speaker, how
//! far the mention is from the words attributed, and whether another person fitted the mention
//! too. [`Basis::confidence`] maps it to the share of such attributions that name the right
//! person on the development sets: a table kept as data (`assets/lexicon/confidence_rates.txt`,
//! written by `saywho eval --reliability`), looked up from the most specific key to the least.
//! Any analysis that attributes words (quotes, reported speech) describes its evidence as a
//! [`Basis`] and calls [`Basis::confidence`].

use crate::lexicon;

/// How the mention an attribution rests on names its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The mention is the speaker's name ("Jo Roe", "Roe").
    Name,
    /// A pronoun resolved to an earlier mention ("he").
    Pronoun,
    /// A description resolved to a person or organisation ("the minister", "the company").
    Description,
    /// A relative pronoun standing for the mention before it ("Roe, who said").
    Relative,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Name => "name",
            Resolution::Pronoun => "pronoun",
            Resolution::Description => "description",
            Resolution::Relative => "relative",
        }
    }
}

/// What an attribution rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Basis {
    /// The rule that decided it, as the exports write it ("cue-after").
    pub rule: &'static str,
    pub resolution: Resolution,
    /// Sentence boundaries between the mention and the attributed words (0: the same sentence).
    pub sentences_away: usize,
    /// The mention could stand for someone else: another person or organisation fitted a
    /// pronoun or description as well, or nothing gave a pronoun's person a gender.
    pub contested: bool,
    /// Nothing but its capitals says the speaker is a person or an organisation (no title, first
    /// name, role, or organisation word): "Maybe Instagram", "Daily".
    pub unconfirmed: bool,
}

/// The confidence of one attribution and what it was read from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Confidence {
    /// In [0, 1]: the share of attributions with this basis that name the right speaker.
    pub value: f32,
    pub basis: Basis,
}

// Values come from a table of finite rates, never NaN.
impl Eq for Confidence {}

/// A table key needs this many attributions behind it before its rate is used.
pub const MIN_SUPPORT: usize = 15;

/// The rate for a basis the table knows nothing of, not even its resolution.
const UNKNOWN_RATE: f32 = 0.5;

impl Basis {
    /// The distance as the table buckets it: the same sentence, the one before, further.
    fn distance_bucket(&self) -> &'static str {
        match self.sentences_away {
            0 => "0",
            1 => "1",
            _ => "2+",
        }
    }

    /// The table keys for this basis, most specific first:
    /// `rule/resolution/distance/single|contested[/unconfirmed]`, `rule/resolution`,
    /// `resolution`; an unconfirmed speaker's keys all end in `/unconfirmed`.
    pub fn keys(&self) -> [String; 3] {
        let (rule, how) = (self.rule, self.resolution.as_str());
        let rivals = if self.contested {
            "contested"
        } else {
            "single"
        };
        let sure = if self.unconfirmed { "/unconfirmed" } else { "" };
        [
            format!("{rule}/{how}/{}/{rivals}{sure}", self.distance_bucket()),
            format!("{rule}/{how}{sure}"),
            format!("{how}{sure}"),
        ]
    }

    /// The confidence of an attribution with this basis.
    pub fn confidence(self) -> Confidence {
        let rates = lexicon::confidence_rates();
        let value = self
            .keys()
            .iter()
            .find_map(|key| {
                let rate = rates.value(key)?;
                rate.split_whitespace().next()?.parse::<f32>().ok()
            })
            .unwrap_or(UNKNOWN_RATE)
            .clamp(0.0, 1.0);
        Confidence { value, basis: self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basis(rule: &'static str, resolution: Resolution, away: usize) -> Basis {
        Basis {
            rule,
            resolution,
            sentences_away: away,
            contested: false,
            unconfirmed: false,
        }
    }

    #[test]
    fn a_name_by_its_cue_is_trusted_more_than_a_far_pronoun() {
        let named = basis("cue-after", Resolution::Name, 0).confidence().value;
        let far = basis("continuation", Resolution::Pronoun, 3)
            .confidence()
            .value;
        assert!(named > 0.9, "{named}");
        assert!(far < named, "{far} < {named}");
    }

    #[test]
    fn an_unknown_rule_backs_off_to_its_resolution() {
        let unknown = basis("reported-later", Resolution::Description, 0).confidence();
        let known = lexicon::confidence_rates().value("description").unwrap();
        let known: f32 = known.split_whitespace().next().unwrap().parse().unwrap();
        assert_eq!(unknown.value, known);
    }

    #[test]
    fn every_rate_in_the_table_is_a_share() {
        let rates = lexicon::confidence_rates();
        for key in rates.keys() {
            let rate = rates.value(key).unwrap();
            let mut fields = rate.split_whitespace();
            let share: f32 = fields.next().unwrap().parse().unwrap();
            let count: usize = fields.next().unwrap().parse().unwrap();
            assert!(
                (0.0..=1.0).contains(&share) && count >= MIN_SUPPORT,
                "{key} {rate}"
            );
        }
    }
}
