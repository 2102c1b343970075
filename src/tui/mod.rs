//! The terminal reader: a view over an analysed [`crate::Document`].
//!
//! `app` holds the view state and changes only through `update(Action)`; `keymap` turns keys into
//! actions (and is the source of the help); `view` renders `&App`; `event` runs the loop; `wrap`
//! knows on which screen row every byte of the text lands.

pub mod action;
pub mod app;
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

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

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
/// on SIGTERM, SIGHUP and SIGINT (see [`signals`]) and on panic (mouse capture included); the
/// reading state is saved on the way out (except after a panic).
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
    let result = event::run(shelf, &mut terminal, &signals);
    if opts.mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        let _ = io::stdout().flush();
    }
    let restored = ratatui::try_restore();
    result.and(restored)
}
