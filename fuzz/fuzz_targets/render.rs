//! Arbitrary bytes → text (decoded as a file is) → analysis → the reader at a size taken from the
//! first bytes → drawn into a `TestBackend`, then a few keys, clicks and resizes, drawing after
//! each. Checks that nothing panics and that every wrapped row lies on character boundaries.
//!
//! Layout of the input: bytes 0–1 width (1–300), byte 2 height (1–100), byte 3 the number of
//! events (0–15), then three bytes an event, then the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use saywho::tui::{keymap, Action, App, Theme};

/// Every key any table binds, then a few that only the search prompt takes.
fn keys() -> Vec<KeyEvent> {
    let typed = ['a', 'e', '(', '*', '\\', '[', '“', '日', '\u{1b}']
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    keymap::bound_keys().chain(typed).collect()
}

fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    let size = app.size();
    t.backend_mut().resize(size.width, size.height);
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let w = 1 + u16::from_le_bytes([data[0], data[1]]) % 300;
    let h = 1 + u16::from(data[2]) % 100;
    let n = usize::from(data[3] % 16);
    let events_end = (4 + 3 * n).min(data.len());
    let events = &data[4..events_end];
    let Ok(decoded) = saywho_core::ingest::decode_bytes("fuzz", data[events_end..].to_vec()) else {
        return;
    };
    let doc = saywho_core::analyze(decoded.text);
    let theme = if data[2] & 0x80 != 0 {
        Theme::MONO
    } else {
        Theme::COLOR
    };
    let mut app = App::new(doc, "fuzz.txt", theme);
    app.update(Action::Resize(w, h));
    for r in app.rows() {
        let text = app.doc().text();
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    draw(&mut t, &app);
    let keys = keys();
    for ev in events.chunks_exact(3) {
        let action = match ev[0] % 8 {
            0 => Some(Action::Click {
                col: u16::from(ev[1]) % (w + 2),
                row: u16::from(ev[2]) % (h + 2),
            }),
            1 => Some(Action::Scroll {
                col: u16::from(ev[1]) % (w + 2),
                row: u16::from(ev[2]) % (h + 2),
                down: ev[1] & 1 == 0,
            }),
            2 => Some(Action::Resize(
                1 + u16::from(ev[1]) % 300,
                1 + u16::from(ev[2]) % 100,
            )),
            _ => keymap::action_for_key(app.mode(), &keys[usize::from(ev[1]) % keys.len()]),
        };
        if let Some(action) = action {
            app.update(action);
        }
        draw(&mut t, &app);
    }
});
