//! Mentions of people and organisations in a sentence: names (titles stripped), descriptions
//! ("the official", "Ruiz's assistant") and pronouns.

mod descriptions;
mod names;
mod speech_subjects;

use std::ops::Range;

use compact_str::CompactString;

use super::tokens::Tok;
use crate::lexicon::{self, Class};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Plural,
    /// "it": an organisation.
    Neuter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name; `name` is its byte range without titles ("Ana Ruiz").
    Name {
        name: Range<usize>,
        organisation: bool,
    },
    /// A description ending in a role noun: "the official", "Ruiz's assistant".
    Description {
        head: CompactString,
        definite: bool,
        possessor: Option<CompactString>,
    },
    Pronoun(Gender),
    /// A relative pronoun subject ("Smith, who said ..."): stands for the mention before it.
    Relative,
}

/// A mention in a sentence's token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// Token indices in the sentence.
    pub toks: Range<usize>,
    /// Byte range of the whole mention, titles and determiner included.
    pub span: Range<usize>,
    pub kind: MentionKind,
    /// Preceded by a preposition: an object, not a subject ("with Prime Minister Smith").
    pub after_preposition: bool,
    /// Gender the mention itself shows (Mr., Mrs.), if any.
    pub gender: Option<Gender>,
}

impl Gender {
    /// The gender a lexicon names ("male", "female", "neuter", "plural").
    fn of_kind(kind: &str) -> Gender {
        match kind {
            "male" => Gender::Male,
            "female" => Gender::Female,
            "neuter" => Gender::Neuter,
            _ => Gender::Plural,
        }
    }
}

impl Np {
    /// How the mention names the entity it stands for, as the confidence reads it.
    pub fn resolution(&self) -> crate::confidence::Resolution {
        use crate::confidence::Resolution;
        match self.kind {
            MentionKind::Name { .. } => Resolution::Name,
            MentionKind::Description { .. } => Resolution::Description,
            MentionKind::Pronoun(_) => Resolution::Pronoun,
            MentionKind::Relative => Resolution::Relative,
        }
    }

    pub fn is_name(&self) -> bool {
        matches!(self.kind, MentionKind::Name { .. })
    }
}

/// Every word a text writes in lower case, kept as 64-bit keys: the set is built from every
/// word of the text, and comparing integers instead of strings halves its cost. A word of up to
/// eight bytes is its own key ([`lexicon::packed`]), a longer one its hash. (Two words sharing a
/// key is a one-in-a-billion-billion chance, and would only make one opener a common word.)
#[derive(Debug, Default)]
pub struct LowerWords(rustc_hash::FxHashSet<u64>);

impl LowerWords {
    fn key(word: &str) -> u64 {
        use std::hash::BuildHasher;
        lexicon::packed(word).unwrap_or_else(|| rustc_hash::FxBuildHasher.hash_one(word))
    }

    pub fn insert(&mut self, word: &str) {
        self.0.insert(Self::key(word));
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(&Self::key(word))
    }
}

/// Finds the mentions among `toks`. `lower_words` holds every word the text writes in lower case,
/// so a capitalised sentence opener like "Negotiators" is not taken for a name.
pub fn find_mentions(text: &str, toks: &[Tok], lower_words: &LowerWords) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens start no mention: punctuation, quotes, and lower-case words that are no
        // pronoun, determiner or possessive and have no role right after them to title a name.
        let t = &toks[i];
        let may_start = t.is_word()
            && (t.is_capitalised()
                || t.is_possessive()
                || t.has(Class::PRONOUN | Class::DETERMINER)
                || toks[i..toks.len().min(i + 3)].iter().any(is_role));
        if !may_start {
            i += 1;
            continue;
        }
        if let Some(np) = pronoun(toks, i)
            .or_else(|| names::name(text, toks, i, lower_words))
            .or_else(|| descriptions::description(text, toks, i))
        {
            i = np.toks.end;
            out.push(np);
        } else {
            i += 1;
        }
    }
    speech_subjects::add_speech_verb_descriptions(text, toks, &mut out);
    for np in &mut out {
        np.after_preposition = np.toks.start > 0 && toks[np.toks.start - 1].is_preposition();
    }
    out
}

fn pronoun(toks: &[Tok], i: usize) -> Option<Np> {
    if !toks[i].has(Class::PRONOUN) {
        return None;
    }
    let gender = Gender::of_kind(lexicon::pronouns().value(toks[i].lower())?);
    Some(Np {
        toks: i..i + 1,
        span: toks[i].span(),
        kind: MentionKind::Pronoun(gender),
        after_preposition: false,
        gender: Some(gender),
    })
}

fn is_title(tok: &Tok) -> bool {
    tok.has(Class::TITLE)
}

fn is_role(tok: &Tok) -> bool {
    tok.has(Class::ROLE)
}

fn possessive_len(tok: &Tok) -> usize {
    if tok.lower().ends_with("'s") {
        2
    } else if tok.lower().ends_with("’s") {
        "’s".len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::{lower_case_copy, tokenize};

    fn mentions(text: &str) -> Vec<(String, String)> {
        let lower = lower_case_copy(text);
        let toks = tokenize(text, &lower, 0..text.len(), &[]);
        find_mentions(text, &toks, &LowerWords::default())
            .into_iter()
            .map(|np| {
                let kind = match &np.kind {
                    MentionKind::Name {
                        name,
                        organisation: true,
                    } => format!("org:{}", &text[name.clone()]),
                    MentionKind::Name { name, .. } => format!("name:{}", &text[name.clone()]),
                    MentionKind::Description { head, .. } => format!("role:{head}"),
                    MentionKind::Pronoun(g) => format!("pronoun:{g:?}"),
                    MentionKind::Relative => "relative".to_string(),
                };
                (text[np.span].to_string(), kind)
            })
            .collect()
    }

    #[test]
    fn titles_are_stripped_from_names() {
        let m = mentions("Polish President Anna Nowak met U.S. Secretary of State Ray Dunn.");
        assert_eq!(m[0].1, "name:Anna Nowak");
        assert_eq!(m[1].1, "name:Ray Dunn");
    }

    #[test]
    fn of_joins_a_title_or_an_organisation_but_not_a_name_and_its_place() {
        let m = mentions("Representative Mary Brown of Ohio met Secretary of State Ray Dunn.");
        assert_eq!(
            m[0],
            (
                "Representative Mary Brown of Ohio".into(),
                "name:Mary Brown".into()
            )
        );
        assert_eq!(m[1].1, "name:Ray Dunn");
        let m = mentions("Sen. Jo Hale of the Sierra Club spoke.");
        assert_eq!(
            m[0],
            (
                "Sen. Jo Hale of the Sierra Club".into(),
                "name:Jo Hale".into()
            )
        );
    }

    #[test]
    fn a_demonym_closing_a_run_before_a_noun_is_an_adjective() {
        let m = mentions("Notable Brazilian exporters include coffee growers.");
        assert!(m.iter().all(|(_, k)| !k.starts_with("name:")), "{m:?}");
        let m = mentions("Tom English has left.");
        assert_eq!(m[0].1, "name:Tom English");
    }

    #[test]
    fn an_organisation_named_in_full_keeps_its_head() {
        let m = mentions("The Department of Finance declined to comment.");
        assert_eq!(m[0].1, "org:Department of Finance");
    }

    #[test]
    fn a_description_owned_by_a_titled_name() {
        let m = mentions("Gov. Adler's spokeswoman spoke.");
        assert_eq!(
            m[0],
            ("Gov. Adler's spokeswoman".into(), "role:spokeswoman".into())
        );
    }

    #[test]
    fn an_opening_participle_is_no_name() {
        for text in [
            "Smiling, she said it was over.",
            "Smiling broadly, Ms. Roe thanked them.",
        ] {
            let m = mentions(text);
            assert!(m.iter().all(|(s, _)| !s.starts_with("Smiling")), "{m:?}");
        }
        assert_eq!(mentions("Manning said no.")[0].1, "name:Manning");
        assert_eq!(mentions("Fleming did not wait.")[0].1, "name:Fleming");
    }

    #[test]
    fn a_title_word_at_the_end_is_a_surname() {
        let m = mentions("Representative Peter T. King and Charlie King spoke.");
        assert_eq!(m[0].1, "name:Peter T. King");
        assert_eq!(m[1].1, "name:Charlie King");
        assert!(mentions("Vermont Gov. and others").is_empty());
        let m = mentions("Then Mr. King spoke.");
        assert_eq!(m[0], ("Mr. King".into(), "name:King".into()));
    }

    #[test]
    fn lower_case_roles_before_a_name_are_titles() {
        let m = mentions(
            "He said, presidential advisor Ushak added, and Clinton spokesman Brian Fallon agreed.",
        );
        assert!(
            m.contains(&("presidential advisor Ushak".into(), "name:Ushak".into())),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Clinton spokesman Brian Fallon".into(),
                "name:Brian Fallon".into()
            )),
            "{m:?}"
        );
    }

    #[test]
    fn descriptions_and_pronouns() {
        let m = mentions(
            "The Ukrainian leader spoke, then the official and Smith's assistant; she left.",
        );
        let kinds: Vec<_> = m.iter().map(|(_, k)| k.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "role:leader",
                "role:official",
                "role:assistant",
                "pronoun:Female"
            ]
        );
    }

    #[test]
    fn any_description_can_be_the_subject_of_a_speech_verb() {
        let m = mentions("The civil lawsuit said so, and a member of the public, whose name is hidden, wrote back.");
        assert!(
            m.contains(&("The civil lawsuit".into(), "role:lawsuit".into())),
            "{m:?}"
        );
        assert!(
            m.contains(&("a member of the public".into(), "role:public".into())),
            "{m:?}"
        );
        let m = mentions("says the lanky, bespectacled professor of the school.");
        assert!(
            m.iter()
                .any(|(t, _)| t == "the lanky, bespectacled professor"),
            "{m:?}"
        );
    }

    #[test]
    fn surnames_that_end_like_adjectives_are_names() {
        let m = mentions(
            "Lombardi said no. Chapman admits so. Risch met us. Ukrainian diplomats agreed. Palvetzian said so.",
        );
        let names: Vec<_> = m.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Lombardi", "Chapman", "Risch", "Palvetzian"]);
    }

    #[test]
    fn a_role_word_before_a_noun_is_an_adjective() {
        let m = mentions(
            "On his first official visit, the official refused, and the campaign manager spoke.",
        );
        let kinds: Vec<_> = m.iter().map(|(t, k)| format!("{t}={k}")).collect();
        assert_eq!(
            kinds,
            [
                "the official=role:official",
                "the campaign manager=role:manager"
            ]
        );
    }

    #[test]
    fn months_after_first_names_are_surnames() {
        let m = mentions("Prime Minister Theresa May spoke on May 5.");
        assert_eq!(m[0].1, "name:Theresa May");
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn organisations_with_the() {
        let m = mentions("Late on Monday, the Kremlin declared victory.");
        assert_eq!(m.last().unwrap().0, "the Kremlin");
    }
}
