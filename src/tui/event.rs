//! The loop: read an event, map it to an action, update, draw. Nothing else.

use std::io;

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;

use super::action::Action;
use super::app::App;
use super::keymap;

/// Runs until the app wants to quit.
pub fn run(app: &mut App, terminal: &mut DefaultTerminal) -> io::Result<()> {
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != (app.size().width, app.size().height) {
            app.update(Action::Resize(size.width, size.height));
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        if app.should_quit() {
            return Ok(());
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                keymap::action_for_key(app.mode(), &key)
            }
            Event::Mouse(mouse) => keymap::action_for_mouse(&mouse),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
        }
    }
}
