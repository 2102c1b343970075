//! Keys to actions, as data. The help overlay and the status-bar hints are generated from these
//! tables, so they cannot disagree with what the keys do.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;

/// A key with the modifiers that matter (Shift is implied by the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// Whether a key event is this key. Shift is ignored (it is in the character already).
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        self.code == ev.code && (ev.modifiers & relevant) == (self.mods & relevant)
    }
}

/// Which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading (article or speaker pane focused).
    Normal,
    /// Typing a search pattern.
    Search,
    /// The help or detail overlay is open.
    Overlay,
    /// The list of articles.
    List,
    /// Picking a speaker for a correction (typing filters, or names a new speaker).
    Pick,
}

/// One binding: the keys, how they are written in the help, what they do.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in the help ("j ↓"); empty hides the row (grouped bindings).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
    /// A short word for the status bar, if this binding is hinted there.
    pub hint: Option<&'static str>,
}

/// Keys and how the help writes them ("j ↓").
#[derive(Debug, Clone, Copy)]
struct Keys(&'static [Key], &'static str);

// Keys that several tables bind, each to its own action or help.
const DOWN: Keys = Keys(&[ch('j'), code(KeyCode::Down)], "j ↓");
const UP: Keys = Keys(&[ch('k'), code(KeyCode::Up)], "k ↑");
const HOME: Keys = Keys(&[ch('g'), code(KeyCode::Home)], "g Home");
const END: Keys = Keys(&[ch('G'), code(KeyCode::End)], "G End");
const ENTER: Keys = Keys(&[code(KeyCode::Enter)], "Enter");
const ESC: Keys = Keys(&[code(KeyCode::Esc)], "Esc");
const BACKSPACE: Keys = Keys(&[code(KeyCode::Backspace)], "Backspace");

// Bindings that several tables share whole.
const PAGE_DOWN: Binding = b(
    Keys(&[ch(' '), ch('f'), code(KeyCode::PageDown)], "Space f PgDn"),
    Action::PageDown,
    "down a page",
);
const PAGE_UP: Binding = b(
    Keys(&[ch('b'), code(KeyCode::PageUp)], "b PgUp"),
    Action::PageUp,
    "up a page",
);
const HELP: Binding = h(Keys(&[ch('?')], "?"), Action::Help, "this help", "help");
const QUIT: Binding = h(
    Keys(&[ch('q'), ctrl('c')], "q Ctrl-c"),
    Action::Quit,
    "quit",
    "quit",
);
/// Where `q` is typed or closes an overlay, only Ctrl-c quits.
const CTRL_C_QUITS: Binding = b(Keys(&[ctrl('c')], "Ctrl-c"), Action::Quit, "quit");

const fn b(Keys(keys, label): Keys, action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        hint: None,
    }
}
const fn h(
    Keys(keys, label): Keys,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        hint: Some(hint),
    }
}

/// Bindings while reading.
pub static NORMAL: &[Binding] = &[
    b(
        DOWN,
        Action::LineDown,
        "down a line (speaker pane: next speaker)",
    ),
    b(
        UP,
        Action::LineUp,
        "up a line (speaker pane: previous speaker)",
    ),
    PAGE_DOWN,
    PAGE_UP,
    b(
        Keys(&[ctrl('d')], "Ctrl-d"),
        Action::HalfPageDown,
        "down half a page",
    ),
    b(
        Keys(&[ctrl('u')], "Ctrl-u"),
        Action::HalfPageUp,
        "up half a page",
    ),
    b(HOME, Action::Top, "top of the article"),
    b(END, Action::Bottom, "end of the article"),
    h(
        Keys(&[ch(']')], "]"),
        Action::NextQuote,
        "next quotation, reported statement too if shown (r)",
        "quote",
    ),
    b(
        Keys(&[ch('[')], "["),
        Action::PrevQuote,
        "previous quotation, reported statement too if shown (r)",
    ),
    b(
        Keys(&[ch('r')], "r"),
        Action::ToggleReported,
        "show or hide reported speech (underlined)",
    ),
    h(
        Keys(&[ch('o')], "o"),
        Action::ToggleOutline,
        "outline: headings with their quotation counts",
        "outline",
    ),
    b(Keys(&[ch('}')], "}"), Action::NextHeading, "next heading"),
    b(
        Keys(&[ch('{')], "{"),
        Action::PrevHeading,
        "previous heading",
    ),
    h(
        Keys(&[ch('1')], "1-9"),
        Action::Follow(1),
        "follow the speaker with that number",
        "follow",
    ),
    // Grouped under "1-9" in the help.
    b(Keys(&[ch('2')], ""), Action::Follow(2), ""),
    b(Keys(&[ch('3')], ""), Action::Follow(3), ""),
    b(Keys(&[ch('4')], ""), Action::Follow(4), ""),
    b(Keys(&[ch('5')], ""), Action::Follow(5), ""),
    b(Keys(&[ch('6')], ""), Action::Follow(6), ""),
    b(Keys(&[ch('7')], ""), Action::Follow(7), ""),
    b(Keys(&[ch('8')], ""), Action::Follow(8), ""),
    b(Keys(&[ch('9')], ""), Action::Follow(9), ""),
    b(
        Keys(&[code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab"),
        Action::ToggleFocus,
        "switch focus: article / speaker pane / outline",
    ),
    b(
        ENTER,
        Action::Activate,
        "follow speaker / go to heading (in a pane) / quote detail",
    ),
    h(
        Keys(&[ch('i')], "i"),
        Action::Detail,
        "attribution detail of the current quotation or statement",
        "detail",
    ),
    b(ESC, Action::Back, "close, clear the search, stop following"),
    h(
        Keys(&[ch('/')], "/"),
        Action::SearchStart,
        "search (smart case, regex or literal)",
        "search",
    ),
    b(Keys(&[ch('n')], "n"), Action::NextMatch, "next match"),
    b(Keys(&[ch('N')], "N"), Action::PrevMatch, "previous match"),
    b(
        BACKSPACE,
        Action::ToList,
        "back to the article list (several articles)",
    ),
    b(
        Keys(&[ch('J')], "J"),
        Action::NextArticle,
        "next article of the list",
    ),
    b(
        Keys(&[ch('K')], "K"),
        Action::PrevArticle,
        "previous article of the list",
    ),
    b(
        Keys(&[ch('y')], "y"),
        Action::Copy,
        "copy the current quotation as cited (OSC 52 or a file)",
    ),
    b(
        Keys(&[ch('M')], "M"),
        Action::ToggleMouse,
        "release the mouse to select text (M again: capture it)",
    ),
    b(
        Keys(&[ch('e')], "e"),
        Action::Export,
        "export a Markdown digest (followed speaker's, if following)",
    ),
    b(
        Keys(&[ch('w')], "w"),
        Action::NextUnsure,
        "next quotation to check: no speaker (or an unsure one)",
    ),
    b(
        Keys(&[ch('W')], "W"),
        Action::PrevUnsure,
        "previous quotation to check",
    ),
    b(
        Keys(&[ch('a')], "a"),
        Action::AssignSpeaker,
        "correct: pick the quotation's speaker, or type a new name",
    ),
    b(
        Keys(&[ch('x')], "x"),
        Action::ClearSpeaker,
        "correct: the current quotation has no speaker",
    ),
    b(
        Keys(&[ch('X')], "X"),
        Action::NotQuote,
        "correct: the current passage is not a quotation",
    ),
    b(
        Keys(&[ch('m')], "m"),
        Action::MergeSpeaker,
        "correct: merge the selected speaker into another",
    ),
    b(
        Keys(&[ch('u')], "u"),
        Action::Undo,
        "undo the last correction",
    ),
    HELP,
    QUIT,
];

/// Bindings in the article list.
pub static LIST: &[Binding] = &[
    b(DOWN, Action::LineDown, "next article"),
    b(UP, Action::LineUp, "previous article"),
    PAGE_DOWN,
    PAGE_UP,
    b(HOME, Action::Top, "first article"),
    b(END, Action::Bottom, "last article"),
    h(ENTER, Action::Activate, "open the article", "open"),
    h(
        Keys(&[ch('/')], "/"),
        Action::SearchStart,
        "filter by title or speaker",
        "filter",
    ),
    h(
        Keys(&[ch('s')], "s"),
        Action::SortByQuotes,
        "sort by number of quotations (again: file order)",
        "sort",
    ),
    b(ESC, Action::Back, "clear the filter"),
    HELP,
    QUIT,
];

/// Bindings while typing a search pattern (other characters are typed into the pattern).
pub static SEARCH: &[Binding] = &[
    b(
        ENTER,
        Action::SearchConfirm,
        "keep the search, back to reading",
    ),
    b(ESC, Action::SearchCancel, "drop the search"),
    b(BACKSPACE, Action::SearchBackspace, "delete a character"),
    CTRL_C_QUITS,
];

/// Bindings in the speaker picker (other characters are typed into the name).
pub static PICK: &[Binding] = &[
    b(
        Keys(&[code(KeyCode::Down)], "↓"),
        Action::LineDown,
        "next speaker",
    ),
    b(
        Keys(&[code(KeyCode::Up)], "↑"),
        Action::LineUp,
        "previous speaker",
    ),
    b(
        ENTER,
        Action::PickConfirm,
        "take the speaker (or the new name typed)",
    ),
    b(ESC, Action::PickCancel, "close without a change"),
    b(BACKSPACE, Action::PickBackspace, "delete a character"),
    CTRL_C_QUITS,
];

/// Bindings while an overlay is open (any other key closes it too).
pub static OVERLAY: &[Binding] = &[
    CTRL_C_QUITS,
    b(
        Keys(&[code(KeyCode::Esc), ch('q'), ch('?')], "Esc q ?"),
        Action::CloseOverlay,
        "close",
    ),
    b(
        DOWN,
        Action::LineDown,
        "scroll the help or the detail down (if it is taller)",
    ),
    b(UP, Action::LineUp, "scroll the help or the detail up"),
    PAGE_DOWN,
    PAGE_UP,
];

/// What the mouse does while reading (the events are mapped by [`action_for_mouse`]).
pub static MOUSE: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    // One line each: at 80 columns the help has 60 for what a key does.
    ("click", "a speaker: follow; a heading: jump"),
    (
        "click",
        "a quotation or reported statement: make it current",
    ),
    ("click", "the quote map: go there"),
];

/// What the mouse does in the article list.
pub static LIST_MOUSE: &[(&str, &str)] = &[
    ("wheel", "move through the list"),
    ("click", "open the article"),
];

/// The title of an overlay, from the overlay table: how to close it, and how to scroll it when
/// it is `scrollable` (e.g. `j k scroll · Space b page · Esc q ? close`).
pub fn overlay_title(scrollable: bool) -> String {
    let key = |action| {
        OVERLAY
            .iter()
            .find(|b| b.action == action)
            .map_or("", |b| b.label)
    };
    let first = |action| key(action).split(' ').next().unwrap_or("");
    let close = format!("{} close", key(Action::CloseOverlay));
    if scrollable {
        format!(
            "{} {} scroll · {} {} page · {close}",
            first(Action::LineDown),
            first(Action::LineUp),
            first(Action::PageDown),
            first(Action::PageUp),
        )
    } else {
        close
    }
}

/// The table for a mode.
pub fn table(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Search => SEARCH,
        Mode::Overlay => OVERLAY,
        Mode::List => LIST,
        Mode::Pick => PICK,
    }
}

/// Every key any table binds, as the key event that presses it (for tests and fuzzing that try
/// them all).
pub fn bound_keys() -> impl Iterator<Item = KeyEvent> {
    [NORMAL, SEARCH, OVERLAY, LIST, PICK]
        .into_iter()
        .flatten()
        .flat_map(|b| b.keys)
        .map(|k| KeyEvent::new(k.code, k.mods))
}

/// The action of a key press in a mode, if any.
pub fn action_for_key(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    if let Some(bind) = table(mode)
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
    {
        return Some(bind.action);
    }
    let typed = match ev.code {
        KeyCode::Char(c)
            if !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    match mode {
        Mode::Search => typed.map(Action::SearchInput),
        Mode::Pick => typed.map(Action::PickInput),
        Mode::Overlay => Some(Action::CloseOverlay),
        Mode::Normal | Mode::List => None,
    }
}

/// The action of a mouse event, if any.
pub fn action_for_mouse(ev: &MouseEvent) -> Option<Action> {
    let (col, row) = (ev.column, ev.row);
    match ev.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            col,
            row,
            down: true,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            col,
            row,
            down: false,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { col, row }),
        _ => None,
    }
}

/// The status-bar hints, e.g. `] quote  / search  ? help  q quit`.
pub fn hints() -> String {
    hints_of(NORMAL)
}

/// The status-bar hints of the article list.
pub fn list_hints() -> String {
    hints_of(LIST)
}

fn hints_of(table: &[Binding]) -> String {
    table
        .iter()
        .filter_map(|b| {
            b.hint
                .map(|hint| format!("{} {hint}", b.label.split(' ').next().unwrap_or(b.label)))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// The help lines: (section, keys, description) for every visible binding of every mode, and
/// the mouse.
pub fn help_rows() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut rows = rows_of(&[
        ("reading", NORMAL),
        ("article list", LIST),
        ("search prompt", SEARCH),
        ("speaker picker", PICK),
        ("overlay", OVERLAY),
    ]);
    rows.extend(mouse_rows("mouse", MOUSE));
    rows.extend(mouse_rows("mouse in the list", LIST_MOUSE));
    rows
}

/// The help lines of the article view, or of the article list.
pub fn help_rows_for(list: bool) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut rows = if list {
        rows_of(&[("article list", LIST), ("overlay", OVERLAY)])
    } else {
        rows_of(&[
            ("reading", NORMAL),
            ("search prompt", SEARCH),
            ("speaker picker", PICK),
            ("overlay", OVERLAY),
        ])
    };
    rows.extend(mouse_rows("mouse", if list { LIST_MOUSE } else { MOUSE }));
    rows
}

fn mouse_rows(
    section: &'static str,
    table: &'static [(&'static str, &'static str)],
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    table.iter().map(move |&(keys, does)| (section, keys, does))
}

type Section<'a> = (&'static str, &'a [Binding]);

fn rows_of(sections: &[Section]) -> Vec<(&'static str, &'static str, &'static str)> {
    let mut rows = Vec::new();
    for &(section, table) in sections {
        for bind in table.iter().filter(|b| !b.label.is_empty()) {
            rows.push((section, bind.label, bind.help));
        }
    }
    rows
}

/// The key table as Markdown (for the README).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    for (section, label, help) in help_rows() {
        let label = label.replace('|', "\\|");
        if section == "reading" {
            out.push_str(&format!("| `{label}` | {help} |\n"));
        } else {
            out.push_str(&format!("| `{label}` ({section}) | {help} |\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn shifted_characters_match_without_shift_in_the_table() {
        let ev = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for_key(Mode::Normal, &ev), Some(Action::Bottom));
        let ev = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(action_for_key(Mode::Normal, &ev), Some(Action::Help));
    }

    #[test]
    fn ctrl_matters() {
        let ev = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for_key(Mode::Normal, &ev),
            Some(Action::HalfPageDown)
        );
        let ev = key(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(action_for_key(Mode::Normal, &ev), None);
    }

    #[test]
    fn search_mode_types_characters_but_quits_on_ctrl_c() {
        let ev = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for_key(Mode::Search, &ev),
            Some(Action::SearchInput('q'))
        );
        let ev = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for_key(Mode::Search, &ev), Some(Action::Quit));
    }

    #[test]
    fn every_bound_key_has_an_action_in_some_mode() {
        let modes = [
            Mode::Normal,
            Mode::Search,
            Mode::Overlay,
            Mode::List,
            Mode::Pick,
        ];
        for ev in bound_keys() {
            assert!(
                modes.iter().any(|&m| action_for_key(m, &ev).is_some()),
                "{ev:?}"
            );
        }
        assert!(bound_keys().count() > 40);
    }

    #[test]
    fn every_key_is_bound_once_per_mode() {
        for table in [NORMAL, SEARCH, OVERLAY, LIST, PICK] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice");
            }
        }
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        assert_eq!(
            hints(),
            "] quote  o outline  1-9 follow  i detail  / search  ? help  q quit"
        );
        let help = help_rows();
        assert!(help.iter().any(|(_, l, _)| *l == "Ctrl-d"));
        assert!(help.iter().all(|(_, l, _)| !l.is_empty()));
    }
}
