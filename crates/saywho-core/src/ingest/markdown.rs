//! Markdown files: the body as plain paragraphs with the structure kept.
//!
//! Headings become paragraphs of their own (recorded in [`Article::headings`]), list items and
//! block quotes stay paragraphs (items keep a "- " or "1. " marker), emphasis and link syntax go
//! (link text stays), code is kept as text, images and raw HTML are dropped. YAML front matter can
//! give `title`, `author` (or `byline`) and `date`. A first `#` heading before any other text is
//! the title and is left out of the body, unless the front matter gave a different title (then it
//! is the body's first heading).

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::ingest::article::{Article, TextBuilder};

/// Converts Markdown source to an [`Article`].
pub fn markdown_to_article(md: &str) -> Article {
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = TextBuilder::default();
    let mut article = Article::default();
    // Lists being written: the next number of an ordered list, None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_metadata = false;
    let mut in_image = 0usize;
    let mut in_title = false;
    let mut title = String::new();
    let mut seen_content = false;
    // Just after a list item's marker: its first paragraph continues the marker's line.
    let mut fresh_item = false;
    let mut in_code = false;
    let md = close_spaced_emphasis(md);
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => read_front_matter(&t, &mut article),
            Event::Start(Tag::Heading { level, .. }) => {
                // The first `#` heading may be the title, unless the front matter gave another.
                if level == HeadingLevel::H1 && !seen_content {
                    in_title = true;
                } else {
                    b.start_block();
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if in_title {
                    in_title = false;
                    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
                    match &article.title {
                        None => article.title = (!t.is_empty()).then_some(t),
                        // The front matter's title written again as the first heading.
                        Some(given) if same_title(given, &t) => {}
                        Some(_) => {
                            b.start_block();
                            b.push_inline(&t);
                            b.end_heading(level as u8);
                        }
                    }
                } else {
                    b.end_heading(level as u8);
                }
                seen_content = true;
            }
            Event::Start(Tag::Paragraph) => {
                // The first paragraph of a list item continues the item's marker.
                if !fresh_item {
                    b.start_block();
                }
                fresh_item = false;
            }
            Event::End(TagEnd::Paragraph) => {
                b.end_block();
                seen_content = true;
            }
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                b.start_block();
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                b.push_inline(&marker);
                fresh_item = true;
            }
            Event::End(TagEnd::Item) => {
                b.end_block();
                seen_content = true;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                b.start_block();
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                b.end_block();
                seen_content = true;
            }
            Event::Start(Tag::BlockQuote(_)) | Event::End(TagEnd::BlockQuote(_)) => {
                b.end_block();
            }
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => b.start_block(),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => {
                b.end_block();
            }
            Event::Start(Tag::TableCell) => b.push_inline(" "),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_title => title.push_str(&t),
            Event::SoftBreak if in_title => title.push(' '),
            Event::Text(_) | Event::Code(_) if in_image > 0 => {}
            Event::Text(t) if in_code => b.push_verbatim(&t),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                b.push_inline(&t)
            }
            Event::SoftBreak => b.push_inline(" "),
            Event::HardBreak => b.line_break(),
            _ => {}
        }
    }
    let (text, headings) = b.finish();
    article.text = text;
    article.headings = headings;
    article
}

/// `*JAMA Psychiatry *argued` → `*JAMA Psychiatry* argued`: emphasis whose closing marker
/// follows a space (as HTML converters write `<em>JAMA Psychiatry </em>argued`) is no emphasis to
/// CommonMark, and its markers would stay in the text. The space moves out of the emphasis.
/// Lines with code (a backtick, or indented as a code block) are left alone.
fn close_spaced_emphasis(md: &str) -> std::borrow::Cow<'_, str> {
    if !md.contains(" *") && !md.contains(" _") {
        return md.into();
    }
    let mut out = String::with_capacity(md.len());
    for line in md.split_inclusive('\n') {
        if line.contains('`') || line.starts_with("    ") || line.starts_with('\t') {
            out.push_str(line);
        } else {
            close_line(line, &mut out);
        }
    }
    out.into()
}

fn close_line(line: &str, out: &mut String) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let opens = (c == b'*' || c == b'_')
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != c)
            && b.get(i + 1)
                .is_some_and(|&n| n != c && !n.is_ascii_whitespace());
        // The closing marker: the next one of the same kind, after a space, before a word.
        let close = opens
            .then(|| line[i + 1..].find(c as char).map(|k| i + 1 + k))
            .flatten()
            .filter(|&k| {
                b[k - 1] == b' ' && b.get(k + 1).is_some_and(|n| n.is_ascii_alphanumeric())
            });
        let Some(k) = close else {
            let next = i + line[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&line[i..next]);
            i = next;
            continue;
        };
        let inner = line[i + 1..k].trim_end();
        out.push(c as char);
        out.push_str(inner);
        out.push(c as char);
        out.push_str(&line[i + 1 + inner.len()..k]);
        i = k + 1;
    }
}

/// Two titles that differ only in case and spacing.
fn same_title(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// `key: value` lines of YAML front matter (only the few keys an article needs).
fn read_front_matter(block: &str, article: &mut Article) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_lowercase().as_str() {
            "title" => &mut article.title,
            "author" | "byline" | "by" => &mut article.byline,
            "date" | "published" => &mut article.date,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(a: &Article) -> Vec<(&str, u8)> {
        a.headings
            .iter()
            .map(|h| (a.heading_text(h), h.level))
            .collect()
    }

    #[test]
    fn title_headings_and_paragraphs() {
        let md = "# Harbour vote delayed\n\nThe council *met* on **Monday**.\nIt adjourned.\n\n## Reaction\n\n\"We are ready,\" the [mayor](https://example.org/m) said.\n";
        let a = markdown_to_article(md);
        assert_eq!(a.title.as_deref(), Some("Harbour vote delayed"));
        assert_eq!(
            a.text,
            "The council met on Monday. It adjourned.\n\nReaction\n\n\"We are ready,\" the mayor said."
        );
        assert_eq!(headings(&a), [("Reaction", 2)]);
    }

    #[test]
    fn lists_quotes_and_code_stay_paragraphs() {
        let md = "Intro text.\n\n- first item\n- second *item*\n\n1. one\n2. two\n\n> \"Quoted,\" she said.\n> Still quoted.\n\n```\nlet x = 1;\n\nlet y = 2;\n```\n\nEnd with `code` and ![a chart](c.png) image.\n";
        let a = markdown_to_article(md);
        assert_eq!(
            a.text,
            "Intro text.\n\n- first item\n\n- second item\n\n1. one\n\n2. two\n\n\"Quoted,\" she said. Still quoted.\n\nlet x = 1;\nlet y = 2;\n\nEnd with code and image."
        );
        assert!(a.headings.is_empty());
        assert_eq!(a.title, None);
    }

    #[test]
    fn loose_lists_and_front_matter() {
        let md = "---\ntitle: \"Port news\"\nauthor: Jane Roe\ndate: 2024-05-01\n---\n\n# Not the title\n\nText.\n\n* loose item\n\n* another\n";
        let a = markdown_to_article(md);
        assert_eq!(a.title.as_deref(), Some("Port news"));
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(a.date.as_deref(), Some("2024-05-01"));
        assert_eq!(
            a.text,
            "Not the title\n\nText.\n\n- loose item\n\n- another"
        );
        assert_eq!(headings(&a), [("Not the title", 1)]);
    }

    #[test]
    fn a_first_heading_repeating_the_front_matter_title_is_not_in_the_body() {
        let md = "---\ntitle: Port news\n---\n\n# Port  *News*\n\n\"Open,\" she said.\n";
        let a = markdown_to_article(md);
        assert_eq!(a.title.as_deref(), Some("Port news"));
        assert_eq!(a.text, "\"Open,\" she said.");
        assert!(a.headings.is_empty());
    }

    #[test]
    fn emphasis_closed_after_a_space_leaves_no_markers() {
        let md = "Researchers writing in *JAMA Psychiatry *argued that sleep matters.\n\n\
                  The _Tribune _reported it, and 2 * 3 * 4 is 24.\n\n`a *b *c` is code.";
        let a = markdown_to_article(md);
        assert_eq!(
            a.text,
            "Researchers writing in JAMA Psychiatry argued that sleep matters.\n\n\
             The Tribune reported it, and 2 * 3 * 4 is 24.\n\na *b *c is code."
        );
    }

    #[test]
    fn heading_spans_are_byte_ranges() {
        let md = "Café «ouvert».\n\n### Über uns\n\nMehr.";
        let a = markdown_to_article(md);
        assert_eq!(headings(&a), [("Über uns", 3)]);
        assert_eq!(a.text, "Café «ouvert».\n\nÜber uns\n\nMehr.");
    }
}
