//! The conventions that find reported speech, as data: one [`ReportedRule`] value each, most
//! precise first ([`ReportedRule::ALL`]), each with a description and an example a test runs.

/// The convention that found a reported statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportedRule {
    AccordingTo,
    ClauseThenCue,
    Parenthetical,
    CueThenClause,
    Participial,
    Coordinated,
}

impl ReportedRule {
    /// Every rule, in the order a cue is tried against them.
    pub const ALL: [ReportedRule; 6] = [
        ReportedRule::AccordingTo,
        ReportedRule::ClauseThenCue,
        ReportedRule::Parenthetical,
        ReportedRule::CueThenClause,
        ReportedRule::Participial,
        ReportedRule::Coordinated,
    ];

    /// The rule's name, as the exports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportedRule::AccordingTo => "according-to",
            ReportedRule::ClauseThenCue => "clause-then-cue",
            ReportedRule::Parenthetical => "parenthetical",
            ReportedRule::CueThenClause => "cue-then-clause",
            ReportedRule::Participial => "participial",
            ReportedRule::Coordinated => "coordinated",
        }
    }

    /// What the rule reads, in one line.
    pub fn description(self) -> &'static str {
        match self {
            ReportedRule::AccordingTo => {
                "`according to X, CLAUSE` or `CLAUSE, according to X`"
            }
            ReportedRule::ClauseThenCue => {
                "a clause, a comma, then its source and reporting verb closing the sentence: `CLAUSE, X said`, `CLAUSE, said X`, `CLAUSE, X told reporters`"
            }
            ReportedRule::Parenthetical => {
                "a cue set off by commas inside the clause it reports: `A, X said, B` (the content is the whole sentence), `as X noted, B`"
            }
            ReportedRule::CueThenClause => {
                "a source, a reporting verb and the complement its pattern takes: `X said (that) CLAUSE`, `X told reporters CLAUSE`, `X vowed to ...`, `X accused Y of ...`, `X denied the claim`, `X described it as ...`, `X called for ...`, `X asked whether ...`"
            }
            ReportedRule::Participial => {
                "a participle after a comma, spoken by the source of the statement before it or the subject of the sentence: `..., saying it was a stunt`"
            }
            ReportedRule::Coordinated => {
                "a second reporting verb joined by `and`/`but`, with the source of the first: `X said A and warned B`"
            }
        }
    }

    /// A sentence, the content the rule finds in it and the speaker.
    pub fn example(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ReportedRule::AccordingTo => (
                "According to Mayor Lena Brooks, the bridge will reopen in May.",
                "the bridge will reopen in May",
                "Lena Brooks",
            ),
            ReportedRule::ClauseThenCue => (
                "The ferry will run all winter, Ilse Brandt, the harbour master, said on Monday.",
                "The ferry will run all winter",
                "Ilse Brandt",
            ),
            ReportedRule::Parenthetical => (
                "The delay, Mayor Lena Brooks said, was caused by the storm.",
                "The delay, Mayor Lena Brooks said, was caused by the storm",
                "Lena Brooks",
            ),
            ReportedRule::CueThenClause => (
                "Councillor Omar Haddad said that the vote would be held on Thursday.",
                "the vote would be held on Thursday",
                "Omar Haddad",
            ),
            ReportedRule::Participial => (
                "Nurse Kate Morrow left the meeting early, saying the ward was short of staff.",
                "the ward was short of staff",
                "Kate Morrow",
            ),
            ReportedRule::Coordinated => (
                "Coach Marta Reyes said the team was tired and warned that the season would be hard.",
                "the season would be hard",
                "Marta Reyes",
            ),
        }
    }

    /// How sure the rule is. One place, so that a shared confidence model can replace it.
    pub fn confidence(self) -> f32 {
        match self {
            ReportedRule::AccordingTo => 0.9,
            ReportedRule::ClauseThenCue => 0.85,
            ReportedRule::Parenthetical => 0.75,
            ReportedRule::CueThenClause => 0.8,
            ReportedRule::Participial => 0.7,
            ReportedRule::Coordinated => 0.7,
        }
    }

    /// The rules as a Markdown table (for the README).
    pub fn markdown_table() -> String {
        let mut out = String::from("| rule | what decides it | example |\n|---|---|---|\n");
        for rule in ReportedRule::ALL {
            let (text, content, speaker) = rule.example();
            out.push_str(&format!(
                "| `{}` | {} | `{text}` → `{content}` ({speaker}) |\n",
                rule.as_str(),
                rule.description()
            ));
        }
        out
    }
}
