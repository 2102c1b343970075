//! Hostile text never drives the terminal: an article full of ANSI/OSC escape sequences, C1
//! controls and bidirectional overrides is drawn through ratatui's real crossterm backend into a
//! byte buffer, and the bytes are checked: none of the text's control characters is among them,
//! only the sequences the backend writes itself (cursor moves and styles).

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use common::*;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use saywho::tui::shelf::Shelf;
use saywho::tui::{Action, App, Theme};
use saywho_core::document::EntityKind;

/// Every kind of hostile content, in one paragraph each.
const HOSTILE: &[&str] = &[
    "Clipboard \u{1b}]52;c;cm0gLXJmIH4=\u{7} write",
    "Title \u{1b}]0;pwned\u{7} and \u{1b}]2;pwned\u{1b}\\ too",
    "Clear \u{1b}[2J\u{1b}[H screen and \u{1b}[31;47mred\u{1b}[0m",
    "Cursor \u{1b}[10;10H moves \u{1b}7 saved \u{1b}8 and \u{1b}c reset",
    "C1 \u{85} NEL \u{9b}2J CSI \u{9d}0;x\u{9c} OSC \u{90}DCS\u{9c} \u{80}\u{9f}",
    "Bidi \u{202e}desrever\u{202c} \u{2066}isolate\u{2069} \u{2067}\u{2068}x\u{2069} \u{202a}\u{202b}\u{202d}\u{200e}\u{200f}\u{61c}",
    "Bell \u{7} backspace \u{8} NUL-free DEL \u{7f} vertical tab \u{b} form feed \u{c}",
];

/// The hostile article with quotations over the hostile parts, by speakers whose names and
/// aliases are hostile too.
fn hostile_doc() -> saywho_core::document::Document {
    let markup: String = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{{{}|\"{p}\"}} said someone.\n", i % 2))
        .collect();
    let mut parts = build_parts(
        &markup,
        &[
            (
                "Eve \u{1b}]0;owned\u{7}Mallory",
                EntityKind::Person,
                &["\u{202e}yrollaM", "the \u{9b}1m attacker"],
            ),
            ("Oscar \u{1b}[2J", EntityKind::Person, &["\u{85}Oscar"]),
        ],
    );
    let q = &mut parts.quotes[0];
    q.mention = Some(q.span.clone());
    q.cue = Some(q.span.clone());
    q.alias_chain = vec!["\u{1b}]52;c;x\u{7}".into(), "Eve".into()];
    q.rule = Some(saywho_core::Rule::CueAfter);
    saywho_core::Document::new(parts).unwrap()
}

fn hostile_text() -> String {
    HOSTILE.join("\n\n")
}

/// A `Vec<u8>` the test keeps a handle on (the backend's own writer accessor is unstable).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a crossterm backend writes to draw a frame of `w`×`h`.
fn bytes_of(w: u16, h: u16, render: impl Fn(&mut ratatui::Frame)) -> Vec<u8> {
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let mut t = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    t.draw(render).unwrap();
    drop(t);
    sink.0.take()
}

/// Fails when any control character from the text is in `bytes`: every ESC must start a CSI
/// sequence of the kind the backend writes (`ESC [` parameters, a final letter), and no other C0,
/// C1 or bidi character may appear.
fn assert_clean(bytes: &[u8], what: &str) {
    let out = std::str::from_utf8(bytes).expect("the backend writes UTF-8");
    for needle in [
        "\u{1b}]",
        "\u{1b}P",
        "\u{1b}\\",
        "\u{1b}7",
        "\u{1b}8",
        "\u{1b}c",
        "\u{1b}[2J",
        "\u{1b}[31;47m",
        "\u{1b}[10;10H",
        "\u{7}",
        "\u{8}",
        "\u{7f}",
        "\u{b}",
        "\u{c}",
    ] {
        assert!(
            !out.contains(needle),
            "{what}: {needle:?} reached the terminal"
        );
    }
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(chars.next(), Some('['), "{what}: an ESC that is not CSI");
            // Parameters, then one final letter.
            loop {
                match chars.next() {
                    Some('0'..='9' | ';' | '?' | ':') => continue,
                    Some(f) if f.is_ascii_alphabetic() => break,
                    other => panic!("{what}: unexpected {other:?} in a CSI sequence"),
                }
            }
            continue;
        }
        assert!(
            !c.is_control(),
            "{what}: control character {c:?} reached the terminal"
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'),
            "{what}: bidi character {c:?} reached the terminal"
        );
    }
}

/// Fails unless `s` is on screen as written (the placeholders are shown, not dropped).
fn assert_shows(bytes: &[u8], s: &str, what: &str) {
    let out = String::from_utf8_lossy(bytes);
    assert!(out.contains(s), "{what}: {s:?} not shown");
}

fn draw_app(app: &App) -> Vec<u8> {
    let size = app.size();
    bytes_of(size.width, size.height, |f| f.render_widget(app, f.area()))
}

#[test]
fn the_article_pane_speakers_and_status_bar_show_placeholders() {
    for theme in [Theme::COLOR, Theme::MONO] {
        let mut app = App::new(hostile_doc(), "evil\u{1b}]0;title\u{7}.txt", theme);
        app.update(Action::Resize(140, 40));
        let bytes = draw_app(&app);
        assert_clean(&bytes, "start");
        assert_shows(&bytes, "␛]52;c;cm0gLXJmIH4=␇", "OSC 52");
        assert_shows(&bytes, "␛[2J", "screen clear");
        assert_shows(&bytes, "\u{fffd}desrever\u{fffd}", "bidi override");
        assert_shows(&bytes, "evil␛]0;title␇.txt", "file name");
        // The current quotation, the detail overlay, following, the help.
        for keys in ["]", "]\n", "1]", "2", "]]\t", "?", "/\u{1b}"] {
            let mut app = App::new(hostile_doc(), "evil\u{1b}[2J.txt", theme);
            app.update(Action::Resize(140, 40));
            press(&mut app, keys);
            assert_clean(&draw_app(&app), &format!("after {keys:?}"));
        }
    }
}

#[test]
fn the_engine_on_hostile_text_renders_clean_at_several_sizes() {
    let doc = saywho_core::analyze(hostile_text());
    for (w, h) in [(140, 40), (80, 24), (40, 10), (20, 5), (1, 1)] {
        let mut app = App::new(doc.clone(), "hostile.txt", Theme::COLOR);
        app.update(Action::Resize(w, h));
        assert_clean(&draw_app(&app), &format!("{w}x{h}"));
        press(&mut app, "]G");
        assert_clean(&draw_app(&app), &format!("{w}x{h} at the end"));
    }
}

#[test]
fn the_article_list_shows_hostile_titles_as_placeholders() {
    let docs: Vec<(String, saywho_core::document::Document)> = vec![
        ("one \u{1b}]0;x\u{7}".to_string(), hostile_doc()),
        ("two \u{202e}owt \u{9b}2J".to_string(), hostile_doc()),
    ];
    let mut shelf = Shelf::new(Box::new(docs), Theme::COLOR, true);
    shelf.update(Action::Resize(100, 12));
    shelf.update(Action::Tick);
    shelf.settle();
    let bytes = bytes_of(100, 12, |f| f.render_widget(&shelf, f.area()));
    assert_clean(&bytes, "list");
    assert_shows(&bytes, "one ␛]0;x␇", "title");
    shelf.update(Action::Activate);
    shelf.settle();
    let bytes = bytes_of(100, 12, |f| f.render_widget(&shelf, f.area()));
    assert_clean(&bytes, "opened from the list");
}
