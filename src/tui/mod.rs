//! The terminal reader: a view over an analysed [`saywho_core::Document`].
//!
//! `app` holds the view state and changes only through `update(Action)`; `keymap` turns keys into
//! actions (and is the source of the help); `view` renders `&App`; `event` runs the loop; `wrap`
//! knows on which screen row every byte of the text lands.

pub mod action;
pub mod app;
pub mod caps;
pub mod clipboard;
pub mod detail;
pub mod effects;
pub mod event;
#[cfg(unix)]
pub mod hangup;
pub mod help;
pub mod keymap;
pub mod library;
pub mod shelf;
pub mod signals;
pub mod state;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::{self, Stdout, Write};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{MoveTo, Show};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;

pub use action::Action;
pub use app::App;
pub use theme::Theme;

use caps::{AnsiColors, Caps};
use shelf::Shelf;

/// The terminal the reader draws on: stdout, the 16 colours written as plain SGR codes.
pub type Term = Terminal<CrosstermBackend<AnsiColors<Stdout>>>;

/// How to run the reader.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: Theme,
    pub mouse: bool,
}

/// Opens the reader on `shelf` until the user quits. The terminal is set up as far as `TERM` says
/// it can be (see [`caps`]), and restored on quit, on error, on the signals of [`signals`] (even a
/// second one that ends the process at once), on suspend (Ctrl-Z) and on panic (mouse capture
/// included); the reading state is saved on the way out (except after a panic or a forced exit).
pub fn run(shelf: &mut Shelf, opts: Options) -> io::Result<()> {
    // Before the terminal is taken: a signal from now on ends the loop, not the process.
    let signals = signals::Signals::install();
    let caps = Caps::from_env();
    caps::remember(caps, opts.mouse);
    let mouse = caps::mouse();
    let mut terminal = init()?;
    let result = event::run(shelf, &mut terminal, &signals, mouse);
    let restored = give_back();
    result.and(restored)
}

/// Takes the terminal (raw mode, the alternate screen and the mouse where [`caps`] allows them)
/// with a panic hook that gives it back first.
fn init() -> io::Result<Term> {
    let restore = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        restore(info);
    }));
    // Without an alternate screen, what was on the screen must go before the first frame.
    let taken = take_terminal(caps::mouse())
        .and_then(|()| Terminal::new(CrosstermBackend::new(AnsiColors::new(io::stdout()))))
        .and_then(|mut t| t.clear().map(|()| t));
    if taken.is_err() {
        restore_terminal();
    }
    taken
}

/// Gives the terminal back as it was before the reader: mouse released, main screen, cursor
/// shown, raw mode off (only what [`caps`] says was taken). The first error is returned, after
/// every step was tried.
fn give_back() -> io::Result<()> {
    let mut out = io::stdout();
    let mouse = if caps::mouse() {
        execute!(out, DisableMouseCapture)
    } else {
        Ok(())
    };
    let screen = if caps::alt_screen() {
        execute!(out, LeaveAlternateScreen)
    } else {
        // No screen to go back to: the frame goes, and the shell starts at the top.
        execute!(out, Clear(ClearType::All), MoveTo(0, 0))
    };
    let cursor = execute!(out, Show);
    let flushed = out.flush();
    let raw = disable_raw_mode();
    mouse.and(screen).and(cursor).and(flushed).and(raw)
}

/// [`give_back`], errors ignored. Safe to call more than once.
pub fn restore_terminal() {
    let _ = give_back();
}

/// Takes the terminal again after [`restore_terminal`] (e.g. back from Ctrl-Z).
pub fn take_terminal(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    if caps::alt_screen() {
        execute!(io::stdout(), EnterAlternateScreen)?;
    }
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}
