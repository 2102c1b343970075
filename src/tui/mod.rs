//! The terminal reader: a view over an analysed [`saywho_core::Document`].
//!
//! `app` holds the view state and changes only through `update(Action)`; `keymap` turns keys into
//! actions (and is the source of the help); `view` renders `&App`; `event` runs the loop; `wrap`
//! knows on which screen row every byte of the text lands.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod effects;
pub mod event;
pub mod help;
pub mod keymap;
pub mod library;
pub mod shelf;
pub mod signals;
pub mod state;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::{self, Write};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};

pub use action::Action;
pub use app::App;
pub use theme::Theme;

use shelf::Shelf;

/// How to run the reader.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub theme: Theme,
    pub mouse: bool,
}

/// Opens the reader on `shelf` until the user quits. The terminal is restored on quit, on error,
/// on the signals of [`signals`] (even a second one that ends the process at once), on suspend
/// (Ctrl-Z) and on panic (mouse capture included); the reading state is saved on the way out
/// (except after a panic or a forced exit).
pub fn run(shelf: &mut Shelf, opts: Options) -> io::Result<()> {
    // Before the terminal is taken: a signal from now on ends the loop, not the process.
    let signals = signals::Signals::install();
    let mut terminal = ratatui::try_init()?;
    if opts.mouse {
        // ratatui's hook restores raw mode and the screen; ours first releases the mouse.
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            restore(info);
        }));
        if let Err(e) = execute!(io::stdout(), EnableMouseCapture) {
            ratatui::restore();
            return Err(e);
        }
    }
    let result = event::run(shelf, &mut terminal, &signals, opts.mouse);
    if opts.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        let _ = io::stdout().flush();
    }
    let restored = ratatui::try_restore();
    result.and(restored)
}

/// Gives the terminal back as it was before the reader: mouse released, main screen, cursor
/// shown, raw mode off. Safe to call more than once (releasing a mouse never captured is a no-op
/// for the terminal).
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Takes the terminal again after [`restore_terminal`] (e.g. back from Ctrl-Z).
pub fn take_terminal(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}
