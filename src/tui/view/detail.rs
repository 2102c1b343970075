//! The attribution detail of the current quote: speaker, the words it rests on, the alias chain and
//! the rule that decided.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::{centered, screen_text, truncate};
use crate::tui::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(c) = app.current() else { return };
    let doc = app.doc();
    let q = &doc.quotes()[c];
    let theme = app.theme;
    let speaker_style = q
        .speaker
        .and_then(|id| app.rank_of(id))
        .map_or(theme.unattributed(), |r| theme.quote(r));
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name:<9}"), theme.heading()),
            Span::raw(value),
        ])
    };
    let speaker = doc
        .speaker_of(q)
        .map_or("unattributed".to_string(), |s| s.name.clone());
    let words = |r: &Option<std::ops::Range<usize>>| {
        r.as_ref().map_or("–".to_string(), |r| {
            format!("“{}”", screen_text(doc.slice(r)))
        })
    };
    let chain = if q.alias_chain.is_empty() {
        "–".to_string()
    } else {
        screen_text(&q.alias_chain.join(" → "))
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{:<9}", "Speaker"), theme.heading()),
            Span::styled(speaker, speaker_style),
        ]),
        field(
            "Quote",
            format!("{} of {}, {}", c + 1, doc.quotes().len(), q.kind.as_str()),
        ),
        field("Text", truncate(doc.slice(&q.span), 160)),
        field("Mention", words(&q.mention)),
        field("Cue", words(&q.cue)),
        field("Chain", chain),
        field(
            "Rule",
            q.rule.map_or("–", saywho_core::Rule::as_str).to_string(),
        ),
    ];
    let rect = centered(area, 72, 12);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(" Attribution · any key closes ")
                .border_style(theme.chrome()),
        )
        .render(rect, buf);
}
