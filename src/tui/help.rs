//! The `?` help's layout: which lines it has on a screen of a given size and how far it scrolls.
//! Generated from the keymap. The state (clamping the help's scrolling) and the view (drawing it)
//! both read it here, so the state never depends on rendering.

use std::collections::BTreeSet;

use ratatui::layout::Rect;

use super::keymap;

/// One line of the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLine {
    /// The title of a key table ("reading", "search prompt", ...).
    Section(&'static str),
    /// A key and what it does.
    Binding {
        keys: &'static str,
        does: &'static str,
    },
    /// Space between sections.
    Blank,
}

/// Lines of the frame around the help (top and bottom border).
const FRAME: usize = 2;

/// The help of the article view, or (`list`) of the article list, on a screen `height` rows
/// high: sections are set apart by a blank line when there is room.
pub fn lines(list: bool, height: u16) -> Vec<HelpLine> {
    let rows = keymap::help_rows_for(list);
    let room = usize::from(height).saturating_sub(FRAME);
    let sections = rows.iter().map(|r| r.0).collect::<BTreeSet<_>>();
    let airy = rows.len() + 3 * sections.len() <= room;
    let mut lines = Vec::new();
    let mut section = "";
    for (sec, keys, does) in rows {
        if sec != section {
            if !section.is_empty() && airy {
                lines.push(HelpLine::Blank);
            }
            lines.push(HelpLine::Section(sec));
            section = sec;
        }
        lines.push(HelpLine::Binding { keys, does });
    }
    lines
}

/// Rows of help shown at once on a screen `area` holding `n` lines of it.
pub fn room(n: usize, area: Rect) -> usize {
    (n + FRAME)
        .min(usize::from(area.height))
        .saturating_sub(FRAME)
}

/// How far a page of the help scrolls on a screen `area`.
pub fn page(list: bool, area: Rect) -> usize {
    room(lines(list, area.height).len(), area).max(1)
}

/// How far the help can scroll on a screen `area` (0 when it fits).
pub fn max_scroll(list: bool, area: Rect) -> usize {
    let n = lines(list, area.height).len();
    n.saturating_sub(room(n, area))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bindings(lines: &[HelpLine]) -> usize {
        let is_binding = |l: &&HelpLine| matches!(l, HelpLine::Binding { .. });
        lines.iter().filter(is_binding).count()
    }

    #[test]
    fn every_labelled_binding_is_listed_at_any_height() {
        for list in [false, true] {
            let n = keymap::help_rows_for(list).len();
            assert_eq!(bindings(&lines(list, 5)), n);
            assert_eq!(bindings(&lines(list, 200)), n);
        }
    }

    #[test]
    fn blank_lines_only_where_there_is_room() {
        assert!(lines(false, 200).contains(&HelpLine::Blank));
        assert!(!lines(false, 10).contains(&HelpLine::Blank));
    }

    #[test]
    fn the_mouse_is_described_in_both_helps_at_any_height() {
        for (list, click) in [(false, "a speaker: follow"), (true, "open the article")] {
            for height in [10, 200] {
                let help = lines(list, height);
                assert!(
                    help.contains(&HelpLine::Section("mouse")),
                    "{list} {height}"
                );
                let clicks = |l: &HelpLine| matches!(l, HelpLine::Binding { keys: "click", does } if does.contains(click));
                assert!(help.iter().any(clicks), "{list} {height}");
            }
        }
    }

    #[test]
    fn scrolls_by_what_does_not_fit() {
        let tall = Rect::new(0, 0, 80, 200);
        assert_eq!(max_scroll(false, tall), 0);
        let short = Rect::new(0, 0, 80, 12);
        let n = lines(false, 12).len();
        assert_eq!(max_scroll(false, short), n - 10);
        assert_eq!(
            max_scroll(true, Rect::new(0, 0, 80, 1)),
            lines(true, 1).len()
        );
    }
}
