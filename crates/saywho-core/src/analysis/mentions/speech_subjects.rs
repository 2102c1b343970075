//! Descriptions found as the subject of a speech verb, whatever their head: "the civil lawsuit
//! said", "says the affable proprietor", "one said".

use super::descriptions::{is_determiner, lone_pronoun, loose_description};
use super::{MentionKind, Np};
use crate::analysis::tokens::Tok;
use crate::lexicon;

/// Which tokens a mention covers or directly follows, and which mention ends where: built once
/// per sentence so that finding speech-verb subjects stays linear in the sentence.
struct Coverage {
    /// At each token boundary: whether a mention covers it, and the index in the original
    /// mention list of the mention ending (exclusive) there. One vector: a sentence's worth of
    /// these is made for every sentence with a speech verb.
    cells: Vec<Cell>,
}

#[derive(Clone, Copy, Default)]
struct Cell {
    taken: bool,
    ends: Option<u32>,
}

impl Coverage {
    fn new(len: usize, nps: &[Np]) -> Self {
        let mut cover = Coverage {
            cells: vec![Cell::default(); len + 1],
        };
        for (n, np) in nps.iter().enumerate() {
            cover.mark(np);
            cover.cells[np.toks.end].ends = Some(n as u32);
        }
        cover
    }

    fn mark(&mut self, np: &Np) {
        for cell in &mut self.cells[np.toks.start..=np.toks.end] {
            cell.taken = true;
        }
    }

    fn taken(&self, k: usize) -> bool {
        self.cells.get(k).is_none_or(|c| c.taken)
    }

    fn ending_at(&self, k: usize) -> Option<usize> {
        self.cells[k].ends.map(|n| n as usize)
    }

    fn push(&mut self, found: &mut Vec<Np>, np: Np) {
        self.mark(&np);
        found.push(np);
    }
}

/// Descriptions whose head is not a known role, found as the subject of a speech verb
/// (`the civil claim said`, `a member of the public, whose name is redacted, wrote`) or after an
/// inverted one (`says the affable proprietor`).
pub(super) fn add_speech_verb_descriptions(text: &str, toks: &[Tok], out: &mut Vec<Np>) {
    if !toks.iter().any(Tok::is_speech_verb) {
        return;
    }
    let mut found = Vec::new();
    let mut cover = Coverage::new(toks.len(), out);
    for v in (0..toks.len()).filter(|&v| toks[v].is_speech_verb()) {
        let mut j = v;
        while j > 0 && toks[j - 1].is_adverb() {
            j -= 1;
        }
        // A participle ("..., saying") takes the subject of its clause, not a mention before it.
        let participle = toks[v].lower().ends_with("ing");
        if j > 0 && !participle {
            subject_side(text, toks, j, out, &mut found, &mut cover);
        }
        let after = Tok::after_verb(toks, v);
        if after < toks.len() && is_determiner(&toks[after]).is_some() && !cover.taken(after) {
            let end = (after + 1..(after + 9).min(toks.len()))
                .find(|&k| {
                    !toks[k].is_word() || toks[k].lower() == "who" || toks[k].is_speech_verb()
                })
                .unwrap_or(toks.len().min(after + 9));
            let np =
                loose_description(text, toks, after, end, 2).or_else(|| lone_pronoun(toks, after));
            if let Some(np) = np {
                cover.push(&mut found, np);
            }
        }
    }
    out.extend(found);
    out.sort_by_key(|np| np.toks.start);
}

/// The subject of a speech verb whose subject ends at token `j` (exclusive), if no mention
/// stands there yet: a relative pronoun, "one"/"another", a compound description
/// ("the committee chairmen") or any description after a determiner.
fn subject_side(
    text: &str,
    toks: &[Tok],
    mut j: usize,
    out: &mut [Np],
    found: &mut Vec<Np>,
    cover: &mut Coverage,
) {
    let before = &toks[j - 1];
    if lexicon::relative_pronouns().contains(before.lower()) && !cover.taken(j - 1) {
        let np = Np {
            toks: j - 1..j,
            span: before.span(),
            kind: MentionKind::Relative,
            after_preposition: false,
            gender: None,
        };
        cover.push(found, np);
        return;
    }
    if let Some(np) = lone_pronoun(toks, j - 1).filter(|_| !cover.taken(j - 1)) {
        cover.push(found, np);
        return;
    }
    // "the committee chairmen": a description followed by one more noun.
    let compound = before.is_word()
        && !before.is_capitalised()
        && !before.is_preposition()
        && before.lower().chars().all(char::is_alphabetic);
    let ending = cover.ending_at(j - 1);
    if let Some(n) = ending.filter(|&n| matches!(out[n].kind, MentionKind::Description { .. })) {
        if compound {
            let np = &mut out[n];
            np.toks.end = j;
            np.span.end = before.span().end;
            if let MentionKind::Description { head, .. } = &mut np.kind {
                *head = before.lower().into();
            }
            cover.cells[j - 1].ends = None;
            cover.cells[j] = Cell {
                taken: true,
                ends: Some(n as u32),
            };
        }
        return;
    }
    if toks[j - 1].is_punct(text, ",") {
        // "a member of the public, whose name is hidden, wrote": the mention before the aside.
        if let Some(k) = (j.saturating_sub(16)..j - 1)
            .rev()
            .find(|&k| toks[k].is_punct(text, ","))
        {
            j = k;
        }
    }
    if j == 0 || cover.taken(j - 1) {
        return;
    }
    // The widest description that fits: "a member of the public", not "the public"; never one
    // that a preposition governs ("marching through the streets").
    let widest = (j.saturating_sub(8)..j)
        .filter(|&d| is_determiner(&toks[d]).is_some())
        .filter(|&d| d == 0 || !toks[d - 1].is_preposition())
        .find_map(|d| loose_description(text, toks, d, j, 1));
    if let Some(np) = widest {
        cover.push(found, np);
    }
}
