//! Where the panes go on a screen of a given size.

use ratatui::layout::Rect;

/// The widest the text gets, for comfortable reading.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// The speaker pane shows from this terminal width on.
pub const SPEAKERS_MIN_WIDTH: u16 = 80;
/// Width of the speaker pane (its border included).
pub const SPEAKERS_WIDTH: u16 = 32;
/// The widest the outline pane gets.
pub const OUTLINE_WIDTH: u16 = 30;

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The outline pane (left), when open and there is room.
    pub outline: Option<Rect>,
    /// The article pane.
    pub article: Rect,
    /// Where the text is drawn inside the article pane.
    pub text: Rect,
    pub map: Option<Rect>,
    pub speakers: Option<Rect>,
    pub status: Rect,
}

impl Areas {
    /// The layout of `area`, with the outline pane when `outline` is set.
    pub fn new(area: Rect, outline: bool) -> Areas {
        let main_h = area.height.saturating_sub(1);
        let status = Rect::new(area.x, area.y + main_h, area.width, area.height.min(1));
        let out_w = if outline && area.width >= 40 {
            OUTLINE_WIDTH.min(area.width * 2 / 5)
        } else {
            0
        };
        let outline = (out_w > 0).then(|| Rect::new(area.x, area.y, out_w, main_h));
        let rest = area.width - out_w;
        let sp_w = if rest >= SPEAKERS_MIN_WIDTH {
            SPEAKERS_WIDTH
        } else {
            0
        };
        let map_w = u16::from(rest >= 12);
        let art_w = rest - sp_w - map_w;
        let x0 = area.x + out_w;
        let article = Rect::new(x0, area.y, art_w, main_h);
        let map = (map_w > 0).then(|| Rect::new(x0 + art_w, area.y, 1, main_h));
        let speakers = (sp_w > 0).then(|| Rect::new(x0 + art_w + map_w, area.y, sp_w, main_h));
        let pad = if art_w >= 40 { 2 } else { 0 };
        let text_w = art_w.saturating_sub(2 * pad).min(MAX_TEXT_WIDTH);
        let x = article.x + (art_w - text_w) / 2;
        let text = Rect::new(x, article.y, text_w, main_h);
        Areas {
            outline,
            article,
            text,
            map,
            speakers,
            status,
        }
    }
}
