//! An article read from a structured source (a saved web page, a Markdown file): its metadata and
//! its body as plain text, paragraphs separated by blank lines, with the headings located in it.

use std::ops::Range;

/// Where an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
}

impl SourceFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
        }
    }
}

/// A sub-heading of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Byte range of the heading's text in [`Article::text`]; the heading is a paragraph of its own.
    pub span: Range<usize>,
    /// 1 for the top level (`#`, `<h1>`) to 6.
    pub level: u8,
}

/// An article: metadata where the source gives it, and the body text that the engine analyses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    /// The body: paragraphs (headings, list items, block quotes included) separated by blank lines;
    /// the title and byline are left out.
    pub text: String,
    /// Sub-headings, in text order.
    pub headings: Vec<Heading>,
}

impl Article {
    /// The text of a heading.
    pub fn heading_text(&self, heading: &Heading) -> &str {
        &self.text[heading.span.clone()]
    }
}

/// Builds an article body block by block: paragraphs separated by blank lines, whitespace inside a
/// paragraph collapsed to single spaces (line breaks kept where a block asks for them).
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    pub text: String,
    pub headings: Vec<Heading>,
    /// Start of the block being written, if one is open.
    block_start: Option<usize>,
    pending_space: bool,
}

impl TextBuilder {
    /// Ends the open block, if any (empty blocks leave nothing).
    pub fn end_block(&mut self) -> Option<Range<usize>> {
        let start = self.block_start.take()?;
        self.pending_space = false;
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed.max(start));
        if self.text.len() == start {
            // Nothing written: drop the separator too.
            let without_sep = self.text.trim_end().len();
            self.text.truncate(without_sep);
            return None;
        }
        Some(start..self.text.len())
    }

    /// Opens a new block (ending the open one).
    pub fn start_block(&mut self) {
        self.end_block();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.block_start = Some(self.text.len());
        self.pending_space = false;
    }

    /// Ends the open block as a heading of `level`.
    pub fn end_heading(&mut self, level: u8) {
        if let Some(span) = self.end_block() {
            self.headings.push(Heading { span, level });
        }
    }

    /// Appends inline text, collapsing runs of whitespace.
    pub fn push_inline(&mut self, s: &str) {
        if self.block_start.is_none() {
            if s.trim().is_empty() {
                return;
            }
            self.start_block();
        }
        let start = self.block_start.unwrap_or(0);
        for (i, piece) in s.split_whitespace().enumerate() {
            let space_before = i > 0 || s.starts_with(char::is_whitespace) || self.pending_space;
            let at_line_start = self.text.len() == start || self.text.ends_with('\n');
            if space_before && !at_line_start {
                self.text.push(' ');
            }
            self.text.push_str(piece);
            self.pending_space = false;
        }
        if s.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }

    /// Appends text verbatim (code), keeping its line breaks but no blank lines.
    pub fn push_verbatim(&mut self, s: &str) {
        if self.block_start.is_none() {
            self.start_block();
        }
        for line in s.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let start = self.block_start.unwrap_or(0);
            if self.text.len() > start && !self.text.ends_with('\n') {
                self.text.push('\n');
            }
            self.text.push_str(line);
        }
    }

    /// A line break inside the block.
    pub fn line_break(&mut self) {
        if let Some(start) = self.block_start {
            if self.text.len() > start && !self.text.ends_with('\n') {
                let trimmed = self.text.trim_end_matches(' ').len();
                self.text.truncate(trimmed);
                self.text.push('\n');
            }
        }
        self.pending_space = false;
    }

    pub fn finish(mut self) -> (String, Vec<Heading>) {
        self.end_block();
        (self.text, self.headings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_separates_blocks_and_collapses_space() {
        let mut b = TextBuilder::default();
        b.start_block();
        b.push_inline("  A   title ");
        b.end_heading(2);
        b.start_block();
        b.push_inline("One ");
        b.push_inline("two");
        b.push_inline("\n three.");
        b.start_block();
        b.end_block();
        b.push_inline("Last.");
        let (text, headings) = b.finish();
        assert_eq!(text, "A title\n\nOne two three.\n\nLast.");
        assert_eq!(
            headings,
            [Heading {
                span: 0..7,
                level: 2
            }]
        );
    }
}
