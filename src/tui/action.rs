//! Every user intent as a value. The keymap produces these; [`super::App::update`] consumes them.

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Down a line (in the speaker pane: next speaker).
    LineDown,
    /// Up a line (in the speaker pane: previous speaker).
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Next quotation (of the followed speaker, when following).
    NextQuote,
    /// Previous quotation (of the followed speaker, when following).
    PrevQuote,
    /// Show or hide reported speech (and step through it with the quotations, or not).
    ToggleReported,
    /// Follow the speaker with this number (1-based, as shown in the speaker pane).
    Follow(u8),
    /// Switch focus between the article, the speaker pane and the outline.
    ToggleFocus,
    /// Show or hide the outline pane (the headings with their quotation counts).
    ToggleOutline,
    /// Jump to the next heading.
    NextHeading,
    /// Jump to the previous heading.
    PrevHeading,
    /// Enter: follow the selected speaker (speaker pane) or show the current quote's detail.
    Activate,
    /// Show the attribution detail of the current quote.
    Detail,
    /// Esc: close an overlay, clear the search, stop following, or leave the speaker pane.
    Back,
    Help,
    /// Start typing a search pattern.
    SearchStart,
    SearchInput(char),
    SearchBackspace,
    /// Enter in the search prompt: keep the pattern and its matches.
    SearchConfirm,
    /// Esc in the search prompt: drop the pattern.
    SearchCancel,
    NextMatch,
    PrevMatch,
    /// Close the help or detail overlay.
    CloseOverlay,
    /// Back to the article list (Backspace).
    ToList,
    /// Open the next article of the list without going back to it.
    NextArticle,
    /// Open the previous article of the list without going back to it.
    PrevArticle,
    /// In the article list: sort by number of quotations (again: back to corpus order).
    SortByQuotes,
    /// Copy the current quotation as cited (`“…,” said NAME, DESCRIPTION (Title, Date)`).
    Copy,
    /// Release the mouse to the terminal (so it selects text), or capture it again.
    ToggleMouse,
    /// Write the Markdown digest of the article (or of the followed speaker's quotes) to a file.
    Export,
    /// Next quotation that needs a look (no speaker, or an unsure one).
    NextUnsure,
    /// Previous quotation that needs a look.
    PrevUnsure,
    /// Correct the current quotation: pick its speaker (or type a new name).
    AssignSpeaker,
    /// Correct the current quotation: nothing says who said it.
    ClearSpeaker,
    /// Correct the current passage: it is not a quotation.
    NotQuote,
    /// Merge a speaker (the selected one in the speaker pane, else the current quote's) into
    /// another one, picked next.
    MergeSpeaker,
    /// Undo the last correction.
    Undo,
    /// In the speaker picker: a character of the name typed.
    PickInput(char),
    PickBackspace,
    /// In the speaker picker: take the highlighted choice.
    PickConfirm,
    /// In the speaker picker: close it without a change.
    PickCancel,
    /// Nothing happened for a while: time for idle work.
    Tick,
    /// Put back a remembered reading state: the text at this byte offset at the top, this
    /// quotation current, this speaker followed (each ignored when it does not fit the document),
    /// reported speech shown or hidden.
    Restore {
        anchor: usize,
        quote: Option<usize>,
        speaker: Option<usize>,
        reported_hidden: bool,
    },
    /// Show a notice in the status bar.
    Notify(&'static str),
    Quit,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mouse wheel at a screen cell.
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    /// Left click at a screen cell.
    Click {
        col: u16,
        row: u16,
    },
}
