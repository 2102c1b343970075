//! Colours and modifiers. Colours come from the 16 ANSI colours, so the terminal's theme applies.
//! The monochrome theme (NO_COLOR, `--color never`) uses modifiers only and never sets a colour:
//! crossterm 0.29 turns colour changes into a full attribute reset when it strips colours, which
//! would wipe the bold/underline/reverse that carry the meaning.

use ratatui::style::{Color, Modifier, Style};

/// Speaker colours, by rank in the speaker pane.
pub const PALETTE: [Color; 12] = [
    Color::Cyan,
    Color::Yellow,
    Color::Magenta,
    Color::Green,
    Color::Blue,
    Color::Red,
    Color::LightCyan,
    Color::LightYellow,
    Color::LightMagenta,
    Color::LightGreen,
    Color::LightBlue,
    Color::LightRed,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { mono: false };
    pub const MONO: Theme = Theme { mono: true };

    /// The colour of the speaker with this rank (None in the monochrome theme).
    pub fn speaker_color(&self, rank: usize) -> Option<Color> {
        (!self.mono).then(|| PALETTE[rank % PALETTE.len()])
    }

    /// A quotation by the speaker with this rank.
    pub fn quote(&self, rank: usize) -> Style {
        match self.speaker_color(rank) {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// A reported statement by the speaker with this rank: its colour, underlined and never bold,
    /// so that it reads as the speaker's words in the reporter's mouth, not a quotation.
    pub fn reported(&self, rank: usize) -> Style {
        let style = Style::new().add_modifier(Modifier::UNDERLINED);
        match self.speaker_color(rank) {
            Some(c) => style.fg(c),
            None => style,
        }
    }

    /// A reported statement nobody is credited with.
    pub fn reported_unattributed(&self) -> Style {
        self.unattributed().add_modifier(Modifier::UNDERLINED)
    }

    /// Other speakers' reported statements while following someone.
    pub fn reported_dimmed(&self) -> Style {
        self.dimmed().add_modifier(Modifier::UNDERLINED)
    }

    /// A quotation nobody is credited with.
    pub fn unattributed(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::ITALIC)
        } else {
            Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC)
        }
    }

    /// Added on top of a quotation whose speaker the engine is unsure of: italic, as a quotation
    /// with no speaker is, so that slanted text always means "check who said it" (under NO_COLOR
    /// too, where the speaker's bold stays).
    pub fn unsure(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }

    /// Other speakers' quotations while following someone.
    pub fn dimmed(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }

    /// Added on top of the current quotation.
    pub fn current(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A search match.
    pub fn matched(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        }
    }

    /// The current search match.
    pub fn current_match(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD)
        }
    }

    /// Headings.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Borders and quiet chrome.
    pub fn chrome(&self) -> Style {
        if self.mono {
            Style::new()
        } else {
            Style::new().fg(Color::DarkGray)
        }
    }

    /// The part of the quote map that is on screen.
    pub fn map_visible(&self) -> Style {
        if self.mono {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().bg(Color::DarkGray)
        }
    }
}
