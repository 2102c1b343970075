//! What the reader works out once per document (and again after a correction): the speakers in
//! pane order, each speaker's quotations, the quotations under each heading, and the widths the
//! side panes ask for to show every line whole.

use saywho_core::document::{Document, SpeakerId};

use super::layout::{
    digits, outline_line_width, speaker_line_width, speaker_summary, Wants, FINDING, NO_SPEAKERS,
};
use super::App;
use crate::tui::wrap;

impl App {
    /// The speaker ranks, each speaker's quotations, the quotations under each heading and the
    /// widths the panes ask for.
    pub(super) fn index(&mut self) {
        let doc = &self.doc;
        self.ranked = doc.speakers_by_voice().iter().map(|s| s.id).collect();
        self.rank_of = vec![None; doc.speakers().len()];
        for (rank, &id) in self.ranked.iter().enumerate() {
            if let Some(slot) = self.rank_of.get_mut(id) {
                *slot = Some(rank);
            }
        }
        self.by_speaker = vec![Vec::new(); doc.speakers().len()];
        for (i, q) in doc.quotes().iter().enumerate() {
            if let Some(list) = q.speaker.and_then(|s| self.by_speaker.get_mut(s)) {
                list.push(i);
            }
        }
        self.heading_quotes = doc
            .headings()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let end = doc.headings().get(i + 1).map_or(usize::MAX, |n| n.start);
                let a = doc.quotes().partition_point(|q| q.span.start < h.start);
                let b = doc.quotes().partition_point(|q| q.span.start < end);
                b.saturating_sub(a)
            })
            .collect();
        let header = self.wants.header;
        self.wants = wants(doc, &self.ranked, &self.heading_quotes);
        self.wants.header = header;
    }
}

/// The widths the speaker pane and the outline need to show every line whole.
fn wants(doc: &Document, ranked: &[SpeakerId], heading_quotes: &[usize]) -> Wants {
    let width = wrap::width;
    // Sized for reported speech shown: the longer counts and summaries.
    let voice = |id: SpeakerId| doc.speakers()[id].quote_count + doc.speakers()[id].reported_count;
    let most = ranked.iter().map(|&id| voice(id)).max().unwrap_or(0);
    let total = ranked.iter().map(|&id| voice(id)).sum();
    let speakers = || ranked.iter().map(|&id| &doc.speakers()[id]);
    // The lines of the list; with none, what the pane says instead (after its air).
    let list = speakers()
        .map(|s| speaker_line_width(width(&s.name), digits(most), true))
        .max()
        .unwrap_or(1 + width(NO_SPEAKERS).max(width(FINDING)));
    // The card's summary line, after the pane's air and the card's margin.
    let card = speakers()
        .map(|s| 2 + width(&speaker_summary(s, total, !doc.reported().is_empty())))
        .max()
        .unwrap_or(0);
    let most = heading_quotes.iter().copied().max().unwrap_or(0);
    let outline = doc
        .headings()
        .iter()
        .map(|h| outline_line_width(width(doc.slice(h).trim()), digits(most)))
        .max()
        .unwrap_or(0);
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    Wants {
        speakers: clamp(list),
        card: clamp(card),
        outline: clamp(outline),
        header: false,
    }
}
