//! The loop: read an event, map it to an action, update, draw. When nothing happens for a moment
//! the shelf gets a tick (idle work), and the reading state is saved every few seconds and on quit.
//!
//! The loop never blocks on anything but the terminal: articles are read and analysed on the
//! shelf's worker thread, signals are flags (see [`super::signals`]), and a terminal that went
//! away (its window closed, the pty master gone) ends the loop with an error. The wait for input
//! is our own `poll(2)` on the tty, and crossterm is asked for events only once there are bytes
//! to read, with a bounded wait: a hung-up tty reads as empty for ever. crossterm reads with a
//! level-triggered poll (its `use-dev-tty` source): with the default edge-triggered one, a key
//! that arrived together with a resize stayed unread until the next key.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use super::action::Action;
use super::app::Effect;
use super::effects;
use super::keymap;
use super::shelf::Shelf;
use super::signals::Signals;
use super::Term;

/// How long to wait for an event before ticking.
const TICK: Duration = Duration::from_millis(250);
/// The same while the worker analyses: its result is taken in on the next tick.
const BUSY_TICK: Duration = Duration::from_millis(50);
/// How long crossterm may wait for the bytes our own poll saw (a bound, never reached in use).
const READ_WAIT: Duration = Duration::from_millis(1);
/// How often the reading state is saved.
const SAVE_EVERY: Duration = Duration::from_secs(3);

/// Runs until the user quits, a termination signal arrives or the terminal goes away.
pub fn run(
    shelf: &mut Shelf,
    terminal: &mut Term,
    signals: &Signals,
    mouse: bool,
) -> io::Result<()> {
    let result = event_loop(shelf, terminal, signals, mouse);
    shelf.save_state();
    result
}

fn event_loop(
    shelf: &mut Shelf,
    terminal: &mut Term,
    signals: &Signals,
    mut mouse: bool,
) -> io::Result<()> {
    let mut saved = Instant::now();
    let tty = Tty::open();
    // Ends the process if crossterm spins on a terminal that hung up under it; dropped (the
    // loop leaving) when this function returns.
    #[cfg(unix)]
    let _watchdog = super::hangup::Watchdog::start(
        tty.fd(),
        super::hangup::GRACE,
        super::hangup::end_stuck_process,
    );
    // For the pseudo-terminal test of the panic path: debug builds panic on the first key.
    let test_panic = cfg!(debug_assertions) && std::env::var_os("SAYWHO_TEST_PANIC").is_some();
    loop {
        // Checked before drawing: after SIGHUP the terminal may be gone.
        if signals.received() {
            return Ok(());
        }
        if signals.take_suspend() {
            suspend(terminal, mouse)?;
        }
        if signals.take_resumed() {
            // Stopped and continued from outside: whatever ran meanwhile drew over the screen.
            terminal.clear()?;
        }
        terminal_alive()?;
        let size = terminal.size()?;
        if (size.width, size.height) != (shelf.size().width, shelf.size().height) {
            shelf.update(Action::Resize(size.width, size.height));
        }
        // What the keys asked for, and keys served late (pressed while an article was analysed).
        do_effects(shelf, &mut mouse)?;
        terminal.draw(|frame| frame.render_widget(&*shelf, frame.area()))?;
        if shelf.should_quit() {
            return Ok(());
        }
        if saved.elapsed() >= SAVE_EVERY {
            shelf.save_state();
            saved = Instant::now();
        }
        let wait = if shelf.busy() { BUSY_TICK } else { TICK };
        let ready = match tty.wait(wait) {
            Ok(ready) => ready,
            Err(_) if signals.received() => return Ok(()),
            Err(e) => return Err(e),
        };
        if !ready {
            shelf.update(Action::Tick);
            continue;
        }
        // Every event crossterm has read (a paste is many), else the tty would not say so again.
        // The tty is checked before each read: crossterm spins if it reads a hung-up tty.
        terminal_alive()?;
        loop {
            tty.wait(Duration::ZERO)?;
            // crossterm reads the tty only within a non-zero wait; it returns at once when
            // there are bytes, as the tty has just said.
            if !event::poll(READ_WAIT)? {
                break;
            }
            handle(shelf, terminal, event::read()?, mouse, test_panic)?;
        }
    }
}

/// Maps one event to an action and applies it.
fn handle(
    shelf: &mut Shelf,
    terminal: &mut Term,
    event: Event,
    mouse: bool,
    test_panic: bool,
) -> io::Result<()> {
    if test_panic && matches!(event, Event::Key(_)) {
        panic!("SAYWHO_TEST_PANIC: a panic on purpose");
    }
    let action = match event {
        // In raw mode Ctrl-Z is a key; it suspends as it would in cooked mode.
        Event::Key(key) if is_ctrl_z(&key) => {
            suspend(terminal, mouse)?;
            None
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::action_for_key(shelf.mode(), &key)
        }
        Event::Mouse(mouse) => keymap::action_for_mouse(&mouse),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    };
    if let Some(action) = action {
        shelf.update(action);
    }
    Ok(())
}

/// Does what the last action asked for outside the model, saying so in the status bar.
fn do_effects(shelf: &mut Shelf, mouse: &mut bool) -> io::Result<()> {
    for effect in shelf.take_effects() {
        let said = match effect {
            Effect::ToggleMouse => {
                *mouse = !*mouse;
                if *mouse {
                    execute!(io::stdout(), EnableMouseCapture)?;
                    Some("mouse captured (M releases it)".to_string())
                } else {
                    execute!(io::stdout(), DisableMouseCapture)?;
                    Some("mouse released: the terminal selects text (M captures it)".to_string())
                }
            }
            other => effects::run(&other, &mut io::stdout()),
        };
        if let Some(line) = said {
            shelf.notify(line);
        }
    }
    Ok(())
}

fn is_ctrl_z(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
}

/// The terminal the keys come from, as crossterm reads it: stdin when that is a tty, else
/// `/dev/tty`.
struct Tty {
    #[cfg(unix)]
    own: Option<std::fs::File>,
}

impl Tty {
    fn open() -> Tty {
        #[cfg(unix)]
        {
            let own = (!io::stdin().is_terminal())
                .then(|| std::fs::File::open("/dev/tty").ok())
                .flatten();
            Tty { own }
        }
        #[cfg(not(unix))]
        Tty {}
    }

    /// The descriptor the keys are read from.
    #[cfg(unix)]
    fn fd(&self) -> std::os::fd::RawFd {
        use std::os::fd::AsRawFd;
        self.own.as_ref().map_or(0, |f| f.as_raw_fd())
    }

    /// Waits up to `timeout` for input: whether there is some, or an error once the terminal
    /// is hung up.
    #[cfg(unix)]
    fn wait(&self, timeout: Duration) -> io::Result<bool> {
        let mut p = libc::pollfd {
            fd: self.fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one pollfd, valid for the call.
        if unsafe { libc::poll(&mut p, 1, ms) } < 0 {
            let e = io::Error::last_os_error();
            // A signal interrupts the wait; it is handled at the top of the loop.
            return if e.kind() == io::ErrorKind::Interrupted {
                Ok(false)
            } else {
                Err(e)
            };
        }
        if p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Err(closed());
        }
        Ok(p.revents & libc::POLLIN != 0)
    }

    #[cfg(not(unix))]
    fn wait(&self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }
}

fn closed() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal was closed")
}

/// An error once the terminal is gone. A hung-up tty reads as end of input for ever and answers
/// no terminal request, so `isatty` on the screen we draw on turns false.
fn terminal_alive() -> io::Result<()> {
    if io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(closed())
    }
}

/// Ctrl-Z: gives the terminal back, stops the process and, once continued (`fg`), takes the
/// terminal again and redraws everything.
fn suspend(terminal: &mut Term, mouse: bool) -> io::Result<()> {
    super::restore_terminal();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    super::take_terminal(mouse)?;
    terminal.hide_cursor()?;
    terminal.clear()
}
