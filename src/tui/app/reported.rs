//! Reported speech in the reader: showing or hiding it, and stepping through it together with the
//! quotations. Everything here reads the document the analysis built; no key re-analyses.

use std::ops::Range;

use saywho_core::document::SpeakerId;

use super::App;

/// Where `]`/`[` can stop: a quotation or a reported statement, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stop {
    /// Ordered first at the same offset: a reported clause starting with its quoted fragment.
    Reported(usize),
    Quote(usize),
}

impl App {
    /// Whether reported statements are shown (and stepped through).
    pub fn shows_reported(&self) -> bool {
        self.show_reported
    }

    /// Whether the speaker pane counts reported speech: shown, and the article has some.
    pub fn counts_reported(&self) -> bool {
        self.show_reported && !self.doc().reported().is_empty()
    }

    /// The current reported statement, when `]`/`[` last stopped on one.
    pub fn current_reported(&self) -> Option<usize> {
        self.current_reported
    }

    /// The span of the current quotation or reported statement.
    pub fn current_span(&self) -> Option<Range<usize>> {
        let doc = self.doc();
        match (self.current(), self.current_reported) {
            (Some(q), _) => Some(doc.quotes()[q].span.clone()),
            (None, Some(r)) => Some(doc.reported()[r].span.clone()),
            (None, None) => None,
        }
    }

    /// The speaker of the current quotation or reported statement, and whether there is one.
    pub fn current_speaker(&self) -> (bool, Option<SpeakerId>) {
        let doc = self.doc();
        match (self.current(), self.current_reported) {
            (Some(q), _) => (true, doc.quotes()[q].speaker),
            (None, Some(r)) => (true, doc.reported()[r].speaker),
            (None, None) => (false, None),
        }
    }

    /// The counts the speaker pane shows for `id`: quotations, plus reported statements while
    /// they are shown (share of voice is over both).
    pub fn voice_of(&self, id: SpeakerId) -> usize {
        self.doc().speakers().get(id).map_or(0, |s| {
            s.quote_count
                + if self.show_reported {
                    s.reported_count
                } else {
                    0
                }
        })
    }

    /// The reported statement shown at byte `at`, if any (none while they are hidden).
    pub(super) fn reported_at(&self, at: usize) -> Option<usize> {
        if !self.show_reported {
            return None;
        }
        self.doc()
            .reported()
            .iter()
            .position(|r| r.span.contains(&at))
    }

    /// Where `]`/`[` can stop, with their offsets (the followed speaker's only, when following),
    /// quotations first.
    fn stops(&self) -> impl Iterator<Item = (usize, Stop)> + '_ {
        let doc = self.doc();
        let following = self.following();
        let keep = move |speaker: Option<SpeakerId>| following.is_none_or(|f| speaker == Some(f));
        let quotes = doc.quotes().iter().enumerate();
        let reported = doc.reported().iter().enumerate();
        quotes
            .filter(move |(_, q)| keep(q.speaker))
            .map(|(i, q)| (q.span.start, Stop::Quote(i)))
            .chain(
                reported
                    .filter(move |(_, r)| keep(r.speaker))
                    .map(|(i, r)| (r.span.start, Stop::Reported(i))),
            )
    }

    fn current_stop(&self) -> Option<Stop> {
        match (self.current(), self.current_reported) {
            (Some(q), _) => Some(Stop::Quote(q)),
            (None, Some(r)) => Some(Stop::Reported(r)),
            (None, None) => None,
        }
    }

    /// `(position, total)` of the current quotation or reported statement among the followed
    /// speaker's, in text order.
    pub(super) fn speech_position(&self) -> (Option<usize>, usize) {
        let mut stops: Vec<(usize, Stop)> = self.stops().collect();
        stops.sort_unstable();
        let current = self.current_stop();
        let pos = stops.iter().position(|&(_, s)| Some(s) == current);
        (pos.map(|p| p + 1), stops.len())
    }

    pub(super) fn toggle_reported(&mut self) {
        if self.doc().reported().is_empty() {
            self.message = Some("no reported speech in this article");
            return;
        }
        self.show_reported = !self.show_reported;
        if !self.show_reported {
            self.current_reported = None;
        }
        self.message = Some(if self.show_reported {
            "reported speech shown (underlined)"
        } else {
            "reported speech hidden"
        });
    }

    /// `]`/`[` over quotations and reported statements together, in text order (of the followed
    /// speaker only, when following): from the current one when it is on screen, else from the
    /// top of the screen.
    pub(super) fn step_speech(&mut self, forward: bool) {
        let stops = self.stops();
        let current = self.current_stop();
        let from = self
            .current_span()
            .filter(|s| self.on_screen(s.start))
            .zip(current)
            .map(|(s, c)| (s.start, c));
        let target = match (from, forward) {
            (Some(at), true) => stops.filter(|&s| s > at).min(),
            (Some(at), false) => stops.filter(|&s| s < at).max(),
            (None, true) => stops.filter(|&(p, _)| p >= self.anchor()).min(),
            (None, false) => stops.filter(|&(p, _)| p < self.anchor()).max(),
        };
        let Some((_, stop)) = target else {
            self.message = Some(if forward {
                "no more quotations or reported statements below"
            } else {
                "no more quotations or reported statements above"
            });
            return;
        };
        let (quote, reported) = match stop {
            Stop::Quote(q) => (Some(q), None),
            Stop::Reported(r) => (None, Some(r)),
        };
        self.current = quote;
        self.current_reported = reported;
        if let Some(span) = self.current_span() {
            self.reveal(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::theme::Theme;

    const TEXT: &str = "Mayor Ann Lee said the bridge would reopen in May. \
        \"We are nearly done,\" Lee said.\n\n\
        The council, according to its chair, will vote on the budget next week.";

    fn app() -> App {
        let doc = saywho_core::analyze(TEXT.to_string());
        App::sized(doc, "t", Theme::COLOR, (100, 20))
    }

    #[test]
    fn brackets_step_through_reported_and_quoted_speech_in_text_order() {
        let mut app = app();
        assert!(
            !app.doc().reported().is_empty(),
            "{:?}",
            app.doc().reported()
        );
        app.update(Action::NextQuote);
        assert_eq!(app.current_reported(), Some(0));
        assert_eq!(app.current(), None);
        app.update(Action::NextQuote);
        assert_eq!(app.current(), Some(0));
        assert_eq!(app.current_reported(), None);
        app.update(Action::PrevQuote);
        assert_eq!(app.current_reported(), Some(0));
    }

    #[test]
    fn hidden_reported_speech_is_skipped_and_not_counted() {
        let mut app = app();
        let lee = app.doc().quotes()[0].speaker.unwrap();
        let both = app.voice_of(lee);
        app.update(Action::ToggleReported);
        assert!(!app.shows_reported());
        assert_eq!(
            app.voice_of(lee) + app.doc().speakers()[lee].reported_count,
            both
        );
        app.update(Action::NextQuote);
        assert_eq!(app.current(), Some(0));
        assert_eq!(app.current_reported(), None);
    }

    #[test]
    fn a_followed_speaker_counts_their_reported_statements_with_their_quotations() {
        let mut app = app();
        let lee = app.doc().quotes()[0].speaker.unwrap();
        let n = app.rank_of(lee).unwrap() + 1;
        let reported = app.doc().reported().iter();
        let said = reported.filter(|r| r.speaker == Some(lee)).count();
        let quoted = app.quotes_of(lee).len();
        assert!(said > 0 && quoted > 0);
        app.update(Action::Follow(u8::try_from(n).unwrap()));
        assert_eq!(app.current_reported(), Some(0));
        assert_eq!(app.quote_position(), (Some(1), quoted + said));
        app.update(Action::NextQuote);
        assert_eq!(app.quote_position(), (Some(2), quoted + said));
        app.update(Action::ToggleReported);
        assert_eq!(app.quote_position().1, quoted, "hidden: quotations only");
    }

    #[test]
    fn hiding_drops_the_current_reported_statement() {
        let mut app = app();
        app.update(Action::NextQuote);
        assert_eq!(app.current_reported(), Some(0));
        app.update(Action::ToggleReported);
        assert_eq!(app.current_span(), None);
    }

    #[test]
    fn an_article_without_reported_speech_says_so_on_the_key() {
        let doc = saywho_core::analyze("\"Hello there,\" Lee said.".to_string());
        let mut app = App::sized(doc, "t", Theme::COLOR, (100, 20));
        app.update(Action::ToggleReported);
        assert_eq!(app.message(), Some("no reported speech in this article"));
    }
}
