//! Where the panes go on a screen of a given size. The side panes size to their content: each
//! starts at its usual width (or less, when its content is narrower) and takes the columns the
//! text does not use, up to a share of the screen, so that a name is cut only when there is no
//! room for it.

use ratatui::layout::Rect;
use saywho_core::document::{EntityKind, Speaker};

/// The widest the text gets, for comfortable reading.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// The speaker pane shows from this terminal width on.
pub const SPEAKERS_MIN_WIDTH: u16 = 80;
/// The usual width of the speaker pane (its column of air included).
pub const SPEAKERS_WIDTH: u16 = 32;
/// The usual width of the outline pane (its column of air included).
pub const OUTLINE_WIDTH: u16 = 30;

/// What the speaker pane says while there is no speaker to list.
pub const NO_SPEAKERS: &str = " no attributed quotes";
/// What it says while the quotations are still being found.
pub const FINDING: &str = " finding the quotations…";

/// Cells of a share-of-voice bar.
pub const BAR: usize = 5;

/// Cells of a speaker line (its column of air included): `▶1 ■ NAME COUNT BAR`.
pub fn speaker_line_width(name: usize, count_digits: usize, bar: bool) -> usize {
    1 + 5 + name + 1 + count_digits + if bar { 1 + BAR } else { 0 }
}

/// Cells of an outline line (its column of air included): `▶ HEADING COUNT`.
pub fn outline_line_width(heading: usize, count_digits: usize) -> usize {
    2 + heading + 1 + count_digits.max(3) + 1
}

/// `n` and the noun for it: `1 quote`, `2 quotes`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The second line of a speaker's card: `person, 5 quotes, 50% of voice` (of `total` quotes),
/// or with reported speech shown `person, 9 quoted · 3 reported, 40% of voice` (of `total`
/// quotations and reported statements).
pub fn speaker_summary(s: &Speaker, total: usize, reported: bool) -> String {
    let kind = match s.kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
    };
    let (said, voice) = if reported {
        let said = format!("{} quoted · {} reported", s.quote_count, s.reported_count);
        (said, s.quote_count + s.reported_count)
    } else {
        (count(s.quote_count, "quote", "quotes"), s.quote_count)
    };
    let pct = voice * 100 / total.max(1);
    format!("{kind}, {said}, {pct}% of voice")
}

/// Digits of `n`.
pub fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The widths the side panes' content asks for (air included): the longest speaker line and the
/// longest outline line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wants {
    /// The longest line of the speaker list.
    pub speakers: u16,
    /// The longest line of a speaker's card (it wraps, so it only takes columns the text leaves).
    pub card: u16,
    pub outline: u16,
    /// A header line (title · byline · date) goes above the article.
    pub header: bool,
}

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The outline pane (left), when open and there is room.
    pub outline: Option<Rect>,
    /// The article pane.
    pub article: Rect,
    /// The header line (title · byline · date) at the top of the article pane.
    pub header: Option<Rect>,
    /// Where the text is drawn inside the article pane.
    pub text: Rect,
    pub map: Option<Rect>,
    pub speakers: Option<Rect>,
    pub status: Rect,
}

/// The columns an article pane `art_w` wide leaves unused beside the text.
fn slack(art_w: u16) -> u16 {
    art_w.saturating_sub(2 * pad(art_w) + MAX_TEXT_WIDTH)
}

/// The margin each side of the text.
fn pad(art_w: u16) -> u16 {
    if art_w >= 40 {
        2
    } else {
        0
    }
}

/// A pane's width: `base` (at most what the content `wants`), grown into the `slack` the text
/// leaves or, when the content needs it, to `floor` (the text gives up some width), never past
/// `cap` (unless `base` itself is wider).
fn grow(base: u16, wants: u16, slack: u16, floor: u16, cap: u16) -> u16 {
    let base = base.min(wants);
    wants.min((base + slack).max(floor)).min(cap.max(base))
}

impl Areas {
    /// The layout of `area`, with the outline pane when `outline` is set, the panes sized to
    /// `wants`.
    pub fn new(area: Rect, outline: bool, wants: Wants) -> Areas {
        let main_h = area.height.saturating_sub(1);
        let status = Rect::new(area.x, area.y + main_h, area.width, area.height.min(1));
        let map_w = |rest: u16| u16::from(rest >= 12);
        let speakers_shown = |rest: u16| rest >= SPEAKERS_MIN_WIDTH;
        let share = area.width * 2 / 5;
        // The usual widths first, then each pane grows into what the text leaves.
        let mut out_w = if outline && area.width >= 40 {
            OUTLINE_WIDTH.min(share).min(wants.outline.max(12))
        } else {
            0
        };
        let usual_sp = |rest: u16| {
            if speakers_shown(rest) {
                SPEAKERS_WIDTH.min(wants.speakers.max(wants.card).max(SPEAKERS_WIDTH / 2))
            } else {
                0
            }
        };
        let art = |out_w: u16, sp_w: u16| {
            let rest = area.width - out_w;
            rest - sp_w - map_w(rest)
        };
        if out_w > 0 {
            let sp = usual_sp(area.width - out_w);
            let floor = area.width / 4;
            out_w = grow(
                out_w,
                wants.outline.max(out_w),
                slack(art(out_w, sp)),
                floor,
                share,
            );
        }
        let rest = area.width - out_w;
        let mut sp_w = usual_sp(rest);
        if sp_w > 0 {
            let (floor, cap) = ((rest / 3).min(wants.speakers), rest * 2 / 5);
            let content = wants.speakers.max(wants.card);
            sp_w = grow(sp_w, content, slack(art(out_w, sp_w)), floor, cap);
        }
        let map_w = map_w(rest);
        let art_w = rest - sp_w - map_w;
        let x0 = area.x + out_w;
        let article = Rect::new(x0, area.y, art_w, main_h);
        let map = (map_w > 0).then(|| Rect::new(x0 + art_w, area.y, 1, main_h));
        let speakers = (sp_w > 0).then(|| Rect::new(x0 + art_w + map_w, area.y, sp_w, main_h));
        let pad = pad(art_w);
        // Without margins, a column of air still keeps the text off the quote map.
        let air = if pad == 0 { map_w } else { 0 };
        let text_w = art_w.saturating_sub(2 * pad + air).min(MAX_TEXT_WIDTH);
        let x = article.x + (art_w - air - text_w) / 2;
        // The header takes the first row when the screen has rows to spare.
        let header = (wants.header && main_h >= 4).then(|| Rect::new(x, article.y, text_w, 1));
        let skip = u16::from(header.is_some());
        let text = Rect::new(x, article.y + skip, text_w, main_h - skip);
        Areas {
            header,
            outline: (out_w > 0).then(|| Rect::new(area.x, area.y, out_w, main_h)),
            article,
            text,
            map,
            speakers,
            status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas(w: u16, outline: bool, wants: Wants) -> Areas {
        Areas::new(Rect::new(0, 0, w, 30), outline, wants)
    }

    #[test]
    fn the_speaker_pane_grows_into_what_the_text_leaves() {
        let long = Wants {
            speakers: 45,
            outline: 50,
            ..Wants::default()
        };
        assert_eq!(areas(80, false, long).speakers.unwrap().width, 32);
        // 120 columns: the text gives up a little, to a third of the screen.
        let a = areas(120, false, long);
        assert_eq!(a.speakers.unwrap().width, 40);
        assert_eq!(a.text.width, 75);
        assert_eq!(areas(200, false, long).speakers.unwrap().width, 45);
        // Short names: no wider than the content.
        let short = Wants {
            speakers: 20,
            outline: 10,
            ..Wants::default()
        };
        assert_eq!(areas(200, false, short).speakers.unwrap().width, 20);
    }

    #[test]
    fn the_outline_grows_into_what_the_text_leaves() {
        let long = Wants {
            speakers: 30,
            outline: 60,
            ..Wants::default()
        };
        assert_eq!(areas(100, true, long).outline.unwrap().width, 30);
        assert_eq!(areas(140, true, long).outline.unwrap().width, 35);
        assert_eq!(areas(200, true, long).outline.unwrap().width, 60);
    }

    #[test]
    fn narrow_text_keeps_a_column_of_air_before_the_map() {
        for w in [20, 30, 39, 40, 60] {
            let a = areas(w, false, Wants::default());
            let map = a.map.unwrap();
            assert!(a.text.right() < map.x, "{w}: {a:?}");
        }
        let wants = Wants {
            speakers: 30,
            outline: 30,
            ..Wants::default()
        };
        let a = areas(60, true, wants);
        assert!(a.text.right() < a.map.unwrap().x, "{a:?}");
    }
}
