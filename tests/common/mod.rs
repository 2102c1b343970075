//! Hand-built documents and helpers for the reader's tests: no dependence on the engine's
//! attribution.
#![allow(dead_code)]

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use saywho::tui::shelf::Shelf;
use saywho::tui::{keymap, Action, App, Theme};
use saywho_core::document::{Document, DocumentParts, EntityKind, Quote, QuoteKind, Speaker};

/// Builds a document from markup: `{N|text}` is a quotation by speaker N, `{_|text}` an
/// unattributed one. Each line is a paragraph.
pub fn build(markup: &str, speakers: &[(&str, EntityKind, &[&str])]) -> Document {
    Document::new(build_parts(markup, speakers)).unwrap()
}

/// The parts of the document [`build`] makes, to add to before building it.
pub fn build_parts(markup: &str, speakers: &[(&str, EntityKind, &[&str])]) -> DocumentParts {
    let mut text = String::new();
    let mut quotes = Vec::new();
    let mut rest = markup;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let bar = open + rest[open..].find('|').unwrap();
        let close = bar + rest[bar..].find('}').unwrap();
        let who = &rest[open + 1..bar];
        let start = text.len();
        text.push_str(&rest[bar + 1..close]);
        quotes.push(Quote {
            span: start..text.len(),
            kind: QuoteKind::Direct,
            speaker: who.parse().ok(),
            mention: None,
            cue: None,
            rule: None,
            alias_chain: Vec::new(),
            confidence: None,
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let speakers = speakers
        .iter()
        .enumerate()
        .map(|(id, (name, kind, aliases))| Speaker {
            id,
            name: name.to_string(),
            kind: *kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            quote_count: quotes.iter().filter(|q| q.speaker == Some(id)).count(),
            reported_count: 0,
            first_seen: text.find(name).unwrap_or(text.len()),
        })
        .collect();
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            paragraphs.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    DocumentParts {
        text,
        paragraphs,
        quotes,
        speakers,
        ..DocumentParts::default()
    }
}

pub const ARTICLE: &str = "\
Talks on the harbour deal ran late on Tuesday, and the talks were said to be tense by everyone who was there.
{0|\"We made real progress tonight,\"} said Anna Berg, the foreign minister. {0|\"But there is more to do.\"}
Her deputy, Tom Hale, was less sure. {1|\"Nothing is agreed until everything is agreed,\"} he said.
The council called the plan {_|\"ambitious\"} in a statement. {2|\"We will study every page,\"} the council said.
{0|\"The harbour belongs to the city,\"} Berg said, adding that talks would resume on Thursday morning.
Hale said the talks had stalled twice. {1|\"We walked out at midnight and came back at one,\"} he said. {1|\"That is how these talks go.\"}
{2|\"No decision will be taken before spring,\"} a council spokesperson said.
Asked about the {_|\"harbour tax\"}, Berg said: {0|\"It is not on the table. It was never on the table.\"}
{0|\"We said what we said,\"} Berg said as the talks ended. Nobody else said anything at all.
";

pub const SPEAKERS: &[(&str, EntityKind, &[&str])] = &[
    (
        "Anna Berg",
        EntityKind::Person,
        &["Berg", "the foreign minister"],
    ),
    ("Tom Hale", EntityKind::Person, &["Hale", "her deputy"]),
    (
        "City Council",
        EntityKind::Organisation,
        &["the council", "a council spokesperson"],
    ),
];

/// The fixture article, `n` times over; quote 2 (Tom Hale's first, the third) carries full attribution detail.
pub fn doc_n(n: usize) -> Document {
    let mut parts = build_parts(&ARTICLE.repeat(n), SPEAKERS);
    let q = &mut parts.quotes[2];
    let he = parts.text[q.span.end..].find("he said").unwrap() + q.span.end;
    q.mention = Some(he..he + 2);
    q.cue = Some(he + 3..he + 7);
    q.rule = Some(saywho_core::Rule::CueAfter);
    q.alias_chain = vec!["he".into(), "Hale".into(), "Tom Hale".into()];
    Document::new(parts).unwrap()
}

/// The fixture article `n` times, each under a heading line `Round K of the talks` (12 quotations
/// under each heading).
pub fn doc_with_headings(n: usize) -> Document {
    let markup: String = (1..=n)
        .map(|k| format!("Round {k} of the talks\n{ARTICLE}"))
        .collect();
    let mut parts = build_parts(&markup, SPEAKERS);
    let mut pos = 0;
    for line in parts.text.split('\n') {
        if line.starts_with("Round ") {
            parts.headings.push(pos..pos + line.len());
        }
        pos += line.len() + 1;
    }
    Document::new(parts).unwrap()
}

pub fn doc() -> Document {
    doc_n(1)
}

/// An app over `doc` on a `w`×`h` screen.
pub fn app_with(doc: Document, w: u16, h: u16, theme: Theme) -> App {
    let mut app = App::new(doc, "fixture.txt", theme);
    app.update(Action::Resize(w, h));
    app
}

pub fn app(w: u16, h: u16) -> App {
    app_with(doc(), w, h, Theme::COLOR)
}

/// The key event of a character: characters as typed, `\n` Enter, `\x1b` Esc, `\t` Tab,
/// `\x08` Backspace.
pub fn key_of(c: char) -> KeyEvent {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        '\x08' => KeyCode::Backspace,
        c => KeyCode::Char(c),
    };
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, mods)
}

/// Presses keys through the keymap (see [`key_of`]).
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        if let Some(action) = keymap::action_for_key(app.mode(), &key_of(c)) {
            app.update(action);
        }
    }
}

/// Presses keys on the shelf (see [`key_of`]), waiting after each for what it asked for
/// (articles are analysed on a worker).
pub fn press_shelf(shelf: &mut Shelf, keys: &str) {
    for c in keys.chars() {
        if let Some(action) = keymap::action_for_key(shelf.mode(), &key_of(c)) {
            shelf.update(action);
            shelf.settle();
        }
    }
}

/// Draws the app on a test terminal of its own size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

pub fn buffer(app: &App) -> Buffer {
    draw(app).backend().buffer().clone()
}

/// The symbols of row `y`.
pub fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The screen as text, one line a row.
pub fn screen(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cell position of the first occurrence of ASCII `needle` on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let n: Vec<String> = needle.chars().map(String::from).collect();
        if let Some(x) = cells
            .windows(n.len())
            .position(|w| w.iter().zip(&n).all(|(a, b)| *a == b))
        {
            return Some((x as u16, y));
        }
    }
    None
}
