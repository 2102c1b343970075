//! Saved web pages: the article of an HTML page as an [`Article`].
//!
//! The bytes are decoded with the character set the page declares (byte-order mark, then
//! `<meta charset>` or `http-equiv` in the first bytes, else UTF-8 when valid, else
//! windows-1252). The article is found by [`dom_smoothie`], a port of Mozilla's Readability over
//! an html5ever tree (navigation, adverts, cookie banners, comments and related links dropped),
//! which also gives the title, byline and date from the page's metadata; bylines, date lines and
//! breadcrumbs left inside the article are removed first. Its Markdown rendering of
//! the article is then read by [`crate::ingest::markdown`] so that paragraphs, sub-headings, lists and
//! block quotes come out as they do for a Markdown file. Nothing is fetched and no script runs.

use std::sync::OnceLock;

use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::Encoding;
use regex::bytes::Regex;

use crate::ingest::article::Article;
use crate::ingest::markdown::markdown_to_article;

/// Figures, captions and photo galleries.
const FIGURES: &str = "figure, figcaption, [class*=gallery], [class*=slideshow], [class*=carousel], [class*=caption], [id*=gallery], [id*=slideshow]";

/// How many elements a page may have for Readability to look for its article: its scoring reads
/// the elements again for each candidate, in time growing faster than the page (100,000
/// paragraphs take a second, twice as many four). News pages have a few thousand (the saved
/// pages of the development set at most 1,737); a larger page is read as its text blocks.
const MAX_ELEMENTS: usize = 50_000;

/// Extracts the article of an HTML page.
pub fn html_to_article(bytes: &[u8]) -> Article {
    // Nesting is capped first: the parser and Readability take quadratic time on deep nesting.
    let decoded = decode(bytes);
    let html = crate::ingest::nesting::cap_nesting(&decoded);
    let cfg = Config {
        text_mode: TextMode::Markdown,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let doc = dom_query::Document::from(html.as_ref());
    // Read before anything is removed: the clean-up below can leave Readability without an
    // article (it then fails and the page's own metadata is all there is).
    let meta = page_meta(&doc);
    // Photo galleries and captions are not body text (Readability keeps a gallery that sits
    // inside the article's container).
    doc.select(FIGURES).remove();
    let byline = remove_bylines(&doc);
    let parsed = Readability::with_document(doc, None, Some(cfg)).and_then(|mut r| r.parse());
    let Ok(page) = parsed else {
        // No article found: fall back on the page's text, blocks kept apart.
        return Article {
            title: meta.title,
            byline: meta.byline.or(byline),
            date: meta.date,
            ..fallback(&html)
        };
    };
    let mut article = markdown_to_article(&page.text_content);
    // The Markdown holds no title of its own; a leading level-1 heading is the page title again.
    if let Some(title) = clean(&page.title).or(meta.title) {
        article.title = Some(title);
    }
    article.byline = page
        .byline
        .as_deref()
        .and_then(clean)
        .or(byline)
        .or(meta.byline);
    article.date = page.published_time.as_deref().and_then(clean).or(meta.date);
    article
}

/// Title, byline and date as the page's `<head>` gives them (Open Graph first, then `<title>`).
struct PageMeta {
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
}

fn page_meta(doc: &dom_query::Document) -> PageMeta {
    let content = |selector: &str| {
        doc.select(selector)
            .iter()
            .find_map(|m| m.attr("content").as_deref().and_then(clean))
    };
    let title = content(r#"meta[property="og:title"], meta[name="twitter:title"]"#).or_else(|| {
        doc.select("head title")
            .iter()
            .find_map(|t| clean(&t.text()))
    });
    PageMeta {
        title,
        byline: content(r#"meta[name="author"]"#),
        date: content(r#"meta[property="article:published_time"]"#),
    }
}

/// Removes bylines, datelines, time stamps and breadcrumbs: short elements whose class or id
/// says what they are. Readability keeps a byline in the body when the page's metadata gives one,
/// and a date line never goes. Returns the first byline's text.
fn remove_bylines(doc: &dom_query::Document) -> Option<String> {
    static MARKED: OnceLock<Regex> = OnceLock::new();
    let marked = MARKED.get_or_init(|| {
        Regex::new(r"(?i)(byline|writtenby|author)|dateline|timestamp|published|updated|breadcrumb")
            .expect("regex")
    });
    let mut byline = None;
    for el in doc.select("[class], [id]").iter() {
        let class = el.attr("class").unwrap_or_default();
        let id = el.attr("id").unwrap_or_default();
        let Some(found) = [class.as_bytes(), id.as_bytes()]
            .into_iter()
            .find_map(|a| marked.captures(a))
        else {
            continue;
        };
        // A container of the article (or an author's biography) is longer than a byline.
        let Some(text) = clean(&el.text()).filter(|t| t.chars().count() < 100) else {
            continue;
        };
        if found.get(1).is_some() && byline.is_none() {
            byline = Some(text.strip_prefix("By ").unwrap_or(&text).to_string());
        }
        el.remove();
    }
    // Unmarked date lines: a block that holds a date or a time and nothing else.
    for el in doc.select("p, div, span, time").iter() {
        if clean(&el.text()).is_some_and(|t| is_date_line(&t)) {
            el.remove();
        }
    }
    byline
}

/// "Updated 1:39 am EST, Wednesday, November 20, 2019", "Nov 13, 2019 4:26 pm": a short line of
/// dates, times and the words that announce them, with at least a month, a weekday or a time.
fn is_date_line(line: &str) -> bool {
    const DATED: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
    ];
    const FILLER: &[&str] = &[
        "published",
        "updated",
        "posted",
        "original",
        "last",
        "modified",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "gmt",
        "utc",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "bst",
        "cet",
        "cest",
    ];
    if line.chars().count() > 80 {
        return false;
    }
    let mut dated = false;
    for word in line.split(|c: char| !c.is_alphanumeric() && c != ':' && c != '.') {
        let word = word.trim_matches('.').to_lowercase();
        if word.is_empty() {
            continue;
        }
        let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        // 10:02 or, in British style, 10.02.
        let clock = word.contains([':', '.']) && word.split([':', '.']).all(digits);
        let ordinal = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(&word);
        if clock || DATED.contains(&word.as_str()) {
            dated = true;
        } else if !(digits(ordinal) || FILLER.contains(&word.as_str())) {
            return false;
        }
    }
    dated
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The text of a page in which no article was found: its paragraphs, blank-line separated.
fn fallback(html: &str) -> Article {
    let doc = dom_query::Document::from(html);
    doc.select("script, style, noscript, template, nav, header, footer, aside, form")
        .remove();
    let mut text = String::new();
    for block in doc
        .select("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre")
        .iter()
    {
        if let Some(t) = clean(&block.text()) {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&t);
        }
    }
    Article {
        text,
        ..Article::default()
    }
}

/// Decodes a page's bytes with its declared character set.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Some(encoding) = declared_encoding(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The character set a `<meta>` in the first 4 KiB declares (`charset=` or `http-equiv`).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: OnceLock<Regex> = OnceLock::new();
    let re = META.get_or_init(|| {
        Regex::new(r#"(?i-u)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).expect("regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = re.captures(head)?.get(1)?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A page that says UTF-16 in ASCII is not UTF-16 (the HTML standard reads it as UTF-8).
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    // So is "x-user-defined" read as windows-1252.
    Some(if encoding == encoding_rs::X_USER_DEFINED {
        encoding_rs::WINDOWS_1252
    } else {
        encoding
    })
}

/// Whether a file is a web page: by its extension, else by its first bytes.
pub fn looks_like_html(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return true;
    }
    if [".txt", ".md", ".markdown", ".json", ".jsonl"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return false;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head[start..].to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<!--",
        "<?xml",
    ]
    .iter()
    .any(|tag| head.starts_with(tag.as_bytes()))
        && (head.starts_with(b"<!doctype html")
            || head.starts_with(b"<html")
            || contains(&head, b"<html")
            || contains(&head, b"<body"))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Harbour vote delayed | The Oakdale Courier</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-05-01T09:00:00Z">
<script>document.write("never run");</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article>
<h1>Harbour vote delayed</h1>
<p>The council put off its vote on the harbour plan on Monday after a long and heated meeting that ran past midnight &amp; beyond.</p>
<p>&ldquo;We need more time to read the report,&rdquo; the mayor said, adding that the town&#39;s budget was at stake and that nobody wanted to rush a decision of this size.</p>
<figure><img src="pier.jpg" alt="pier"><figcaption>Photo: the old pier at dusk</figcaption></figure>
<div class="photo-gallery"><p>Image 1 of 8</p></div>
<h2>What comes next</h2>
<p>The council will meet again in two weeks, when the engineers present their final figures on the cost of dredging the harbour mouth.</p>
<ul><li>Dredging the harbour mouth</li><li>Rebuilding the old pier</li></ul>
<blockquote><p>"It is the most important vote in a decade," said one councillor, who asked not to be named because the talks were private.</p></blockquote>
<p>Residents who spoke at the meeting were split, with some fearing higher taxes and others welcoming the jobs the work would bring.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Pier closed for repairs</a></li><li><a href="/b">Budget talks stall</a></li></ul></aside>
<footer><p>Copyright 2024 The Oakdale Courier. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn extracts_body_structure_and_metadata() {
        let a = html_to_article(PAGE.as_bytes());
        assert!(a.title.as_deref().unwrap().contains("Harbour vote delayed"));
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        assert!(a.date.as_deref().unwrap().starts_with("2024-05-01"));
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert!(paras[0].starts_with("The council put off"), "{}", a.text);
        assert!(a.text.contains("midnight & beyond."));
        assert!(a
            .text
            .contains("“We need more time to read the report,” the mayor said"));
        assert!(a.text.contains("the town's budget"));
        assert!(paras.contains(&"What comes next"));
        assert!(paras.contains(&"- Dredging the harbour mouth"));
        assert!(a
            .text
            .contains("\"It is the most important vote in a decade,\" said one"));
        for junk in [
            "Home",
            "cookies",
            "Related stories",
            "Copyright",
            "never run",
        ] {
            assert!(!a.text.contains(junk), "{junk} in {}", a.text);
        }
        let headings: Vec<_> = a.headings.iter().map(|h| a.heading_text(h)).collect();
        assert_eq!(headings, ["What comes next"]);
    }

    #[test]
    fn bylines_and_date_lines_leave_the_body() {
        let page = PAGE.replace(
            "<h1>Harbour vote delayed</h1>",
            "<h1>Harbour vote delayed</h1><p class=\"story-byline\">By Jane Roe, Courier staff</p>\
             <div>Updated 9:14 am EST, Wednesday, May 1, 2024</div>",
        );
        let a = html_to_article(page.as_bytes());
        assert!(a.text.starts_with("The council put off"), "{}", a.text);
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        // Without metadata, the byline comes from the element.
        let page = page.replace("<meta name=\"author\" content=\"Jane Roe\">", "");
        let a = html_to_article(page.as_bytes());
        assert!(a.text.starts_with("The council put off"), "{}", a.text);
        assert_eq!(a.byline.as_deref(), Some("Jane Roe, Courier staff"));
    }

    #[test]
    fn date_lines() {
        for line in [
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "Nov 13, 2019 4:26 pm",
            "Published November 20th, 2019 - 07:50 GMT",
            "Today 12:01 AM",
            "November 20",
            "Wed 20 Nov 2019 10.02 GMT",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in [
            "The council met on Monday, November 20.",
            "May 4 was the day",
            "Updated",
            "2019",
            "Mark Sept, reporter",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn character_set_from_bom_meta_and_http_equiv() {
        let mut utf8_bom = b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>".to_vec();
        assert_eq!(decode(&utf8_bom), "<p>café</p>");
        utf8_bom.drain(..3);
        assert_eq!(decode(&utf8_bom), "<p>café</p>");
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><p>caf\xE9</p>";
        assert!(decode(latin).contains("café"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xCF\xF0\xE8</p>";
        assert!(decode(equiv).contains("При"));
        let undeclared = b"<p>caf\xE9</p>";
        assert!(decode(undeclared).contains("café"));
        let utf16 = b"\xFF\xFE<\0p\0>\0";
        assert_eq!(decode(utf16), "<p>");
    }

    #[test]
    fn pages_without_an_article_still_give_their_text() {
        let a = html_to_article(b"<html><body><p>Short note.</p></body></html>");
        assert!(a.text.contains("Short note."), "{:?}", a);
        let a = html_to_article(b"");
        assert!(a.text.is_empty());
    }

    #[test]
    fn a_page_without_an_article_keeps_the_title_and_byline_of_its_head() {
        let page = b"<html><head><title>Ferry strike ends | The Bay News</title>\
            <meta name=\"author\" content=\"Lena Ortiz\">\
            <meta property=\"article:published_time\" content=\"2024-03-02\"></head>\
            <body><p>Short note.</p></body></html>";
        let a = html_to_article(page);
        assert!(a.text.contains("Short note."), "{a:?}");
        assert_eq!(a.title.as_deref(), Some("Ferry strike ends | The Bay News"));
        assert_eq!(a.byline.as_deref(), Some("Lena Ortiz"));
        assert_eq!(a.date.as_deref(), Some("2024-03-02"));
        let og = b"<html><head><title>Site</title><meta property=\"og:title\" content=\"Ferry strike ends\">\
            </head><body><p>Short note.</p></body></html>";
        assert_eq!(
            html_to_article(og).title.as_deref(),
            Some("Ferry strike ends")
        );
    }

    #[test]
    fn html_is_recognised_by_name_or_content() {
        assert!(looks_like_html("page.HTML", b""));
        assert!(looks_like_html("saved.htm", b"whatever"));
        assert!(looks_like_html("noext", b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("noext", b"<html lang=en>"));
        assert!(looks_like_html("x", b"<!-- saved --><html>"));
        assert!(!looks_like_html("notes.txt", b"<html>"));
        assert!(!looks_like_html("story", b"The mayor said <b> was a tag."));
        assert!(!looks_like_html("story", b"Plain text."));
    }
}
