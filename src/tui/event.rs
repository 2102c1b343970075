//! The loop: read an event, map it to an action, update, draw. When nothing happens for a moment
//! the shelf gets a tick (idle work), and the reading state is saved every few seconds and on quit.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::keymap;
use super::shelf::Shelf;
use super::signals::Signals;

/// How long to wait for an event before ticking.
const TICK: Duration = Duration::from_millis(250);
/// How often the reading state is saved.
const SAVE_EVERY: Duration = Duration::from_secs(3);

/// Runs until the user quits or a termination signal arrives.
pub fn run(shelf: &mut Shelf, terminal: &mut DefaultTerminal, signals: &Signals) -> io::Result<()> {
    let mut saved = Instant::now();
    // For the pseudo-terminal test of the panic path: debug builds panic on the first key.
    let test_panic = cfg!(debug_assertions) && std::env::var_os("SAYWHO_TEST_PANIC").is_some();
    let result = (|| loop {
        // Checked before drawing: after SIGHUP the terminal may be gone.
        if signals.received() {
            return Ok(());
        }
        let size = terminal.size()?;
        if (size.width, size.height) != (shelf.size().width, shelf.size().height) {
            shelf.update(Action::Resize(size.width, size.height));
        }
        terminal.draw(|frame| frame.render_widget(&*shelf, frame.area()))?;
        if shelf.should_quit() {
            return Ok(());
        }
        if saved.elapsed() >= SAVE_EVERY {
            // A failed save is not worth interrupting the reading; the next one may work.
            let _ = shelf.persist();
            saved = Instant::now();
        }
        let ready = match event::poll(TICK) {
            Ok(ready) => ready,
            // A signal may interrupt the wait; it is handled at the top of the loop.
            Err(_) if signals.received() => return Ok(()),
            Err(e) => return Err(e),
        };
        let action = if ready {
            let event = event::read()?;
            if test_panic && matches!(event, Event::Key(_)) {
                panic!("SAYWHO_TEST_PANIC: a panic on purpose");
            }
            match event {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    keymap::action_for_key(shelf.mode(), &key)
                }
                Event::Mouse(mouse) => keymap::action_for_mouse(&mouse),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            }
        } else {
            Some(Action::Tick)
        };
        if let Some(action) = action {
            shelf.update(action);
        }
    })();
    let _ = shelf.persist();
    result
}
