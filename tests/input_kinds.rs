//! Each kind of input through `saywho extract`: a saved web page, a Markdown file, plain text
//! (with a heading line and a run-in heading) and JSONL. Checks the analysed text
//! (`--format text`), the metadata and headings of the JSON result, and that every offset refers
//! to that text.

mod cli_support;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use cli_support::{run_with_stdin, scratch, write};

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The analysed text (`--format text`) and the JSON result of one file.
fn extract(path: &Path) -> (String, Value) {
    let p = path.to_str().unwrap();
    let text = ok(run_with_stdin(&["extract", "--format", "text", p], b""));
    let json: Value = serde_json::from_str(&ok(run_with_stdin(&["extract", p], b""))).unwrap();
    // A structured body never ends with a line break: the one printed after it was added.
    let text = text.strip_suffix('\n').expect("ends with a line break");
    assert!(!text.ends_with('\n'));
    (text.to_string(), json)
}

/// Characters `start..end` of `text`.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(s).take(e - s).collect()
}

/// Every quote, mention and heading of `json` is found at its offsets in `text`.
fn offsets_refer_to(text: &str, json: &Value) {
    for q in json["quotes"].as_array().unwrap() {
        assert_eq!(
            chars(text, &q["start"], &q["end"]),
            q["text"].as_str().unwrap()
        );
        let (bs, be) = (
            q["byte_start"].as_u64().unwrap() as usize,
            q["byte_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[bs..be], q["text"].as_str().unwrap());
        if let Some(m) = q["mention"].as_object() {
            assert_eq!(
                chars(text, &m["start"], &m["end"]),
                m["text"].as_str().unwrap()
            );
        }
    }
    for h in json["headings"].as_array().unwrap() {
        assert_eq!(
            chars(text, &h["start"], &h["end"]),
            h["text"].as_str().unwrap()
        );
    }
}

fn headings(json: &Value) -> Vec<(String, u64)> {
    json["headings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["text"].as_str().unwrap().to_string(),
                h["level"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn speakers_of_quotes(json: &Value) -> Vec<(String, Option<String>)> {
    json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_string(),
                q["speaker"].as_str().map(str::to_string),
            )
        })
        .collect()
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour plan approved | The Coastal Courier</title>
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>var promo = "“Buy now,” the banner said.";</script>
<style>.ad { color: red }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your visit. <button>Accept all cookies</button></div>
<div class="ad advertisement">Advertisement: cheap flights to the sun, book today!</div>
<main><article>
<h1>Harbour plan approved</h1>
<p>The town council approved the new harbour plan on Tuesday after a long debate that ran well into the evening, ending months of uncertainty for the fishing fleet &amp; the ferry company.</p>
<p>&ldquo;This is a good day for the harbour,&rdquo; said Mayor Ellen Brooks. She added that work would begin in the spring and that the council had listened carefully to the concerns of residents.</p>
<h2>Fishermen remain wary</h2>
<p>Local fishermen said they welcomed the decision but would watch the building work closely, since the new breakwater changes the way boats enter and leave the harbour at low tide.</p>
<p>“We have heard promises before,” said Tom Reilly, who has fished from the town for thirty years. He said the fleet would hold the council to its word on keeping the old slipway open.</p>
</article></main>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Council elections next month</a></li><li><a href="/b">Ferry fares rise again</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>“Waste of money,” wrote one reader who clearly hates everything about the plan.</p></div></section>
<footer><p>© 2024 The Coastal Courier. All rights reserved.</p></footer>
</body></html>
"#;

#[test]
fn web_page_is_read_as_its_article() {
    let dir = scratch("kinds-html");
    let page = write(&dir, "harbour.html", PAGE.as_bytes());
    let (text, json) = extract(&page);

    assert_eq!(json["source_format"], "html");
    assert_eq!(json["encoding"], "UTF-8");
    assert_eq!(json["title"], "Harbour plan approved | The Coastal Courier");
    assert_eq!(json["byline"], "Dana Whitfield");
    assert_eq!(json["date"], "2024-03-05T10:00:00Z");

    // The body: paragraphs and the sub-heading, blank-line separated, entities decoded; nothing
    // from the navigation, cookie banner, adverts, scripts, related links, comments or footer.
    assert!(text.starts_with("The town council approved"), "{text}");
    assert!(text.contains("the fishing fleet & the ferry company.\n\n“This is a good day"));
    assert!(text.contains("\n\nFishermen remain wary\n\nLocal fishermen said"));
    assert!(
        text.trim_end().ends_with("keeping the old slipway open."),
        "{text}"
    );
    for junk in [
        "Home",
        "cookies",
        "Advertisement",
        "Buy now",
        "color: red",
        "Related articles",
        "Ferry fares",
        "Waste of money",
        "All rights reserved",
        "<",
    ] {
        assert!(!text.contains(junk), "{junk:?} in {text}");
    }

    assert_eq!(headings(&json), [("Fishermen remain wary".to_string(), 2)]);
    assert_eq!(
        speakers_of_quotes(&json),
        [
            (
                "“This is a good day for the harbour,”".to_string(),
                Some("Ellen Brooks".to_string())
            ),
            (
                "“We have heard promises before,”".to_string(),
                Some("Tom Reilly".to_string())
            ),
        ]
    );
    offsets_refer_to(&text, &json);
}

#[test]
fn web_page_is_sniffed_on_stdin_and_without_extension() {
    let out = ok(run_with_stdin(&["extract", "-"], PAGE.as_bytes()));
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["source_format"], "html");
    assert_eq!(json["id"], "-");
    assert_eq!(json["quotes"].as_array().unwrap().len(), 2);

    let dir = scratch("kinds-sniff");
    let saved = write(&dir, "harbour", PAGE.as_bytes());
    let out = ok(run_with_stdin(
        &["extract", "--format", "text", saved.to_str().unwrap()],
        b"",
    ));
    assert!(out.starts_with("The town council approved"), "{out}");
}

#[test]
fn web_page_in_a_declared_legacy_charset() {
    let page = PAGE.replace("charset=\"utf-8\"", "charset=\"windows-1252\"");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let dir = scratch("kinds-cp1252");
    let path = write(&dir, "old.htm", &bytes);
    let out = run_with_stdin(&["extract", path.to_str().unwrap()], b"");
    // A declared charset is no guess: no notice.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_str(&ok(out)).unwrap();
    assert_eq!(json["encoding"], "windows-1252");
    assert_eq!(
        json["quotes"][1]["text"],
        "“We have heard promises before,”"
    );
}

const NOTES: &str = "---
author: Sam Ortiz
date: 2024-05-01
---

# Bridge reopens

The old **stone bridge** reopened on _Monday_ after a [two-year](https://example.com/repairs) repair.

## What the engineer said

“The arches are sound again,” said *Priya Nair*, the project engineer.

- Traffic is limited to cars.
- Lorries must use the ring road.

### Shops

> “We waited long enough,” said Joe Marsh, a shopkeeper.

```
speed_limit = 20
```
";

#[test]
fn markdown_keeps_structure_and_drops_markup() {
    let dir = scratch("kinds-md");
    let path = write(&dir, "bridge.md", NOTES.as_bytes());
    let (text, json) = extract(&path);

    assert_eq!(json["source_format"], "markdown");
    assert_eq!(json["title"], "Bridge reopens");
    assert_eq!(json["byline"], "Sam Ortiz");
    assert_eq!(json["date"], "2024-05-01");

    assert!(
        text.starts_with(
            "The old stone bridge reopened on Monday after a two-year repair.\n\nWhat the engineer said\n\n"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Bridge reopens"),
        "the title is not body: {text}"
    );
    for markup in ["**", "_Monday_", "](", "https://", "```", "> ", "---"] {
        assert!(!text.contains(markup), "{markup:?} in {text}");
    }
    assert!(text.contains("Traffic is limited to cars."));
    assert!(
        text.contains("speed_limit = 20"),
        "code kept as text: {text}"
    );

    assert_eq!(
        headings(&json),
        [
            ("What the engineer said".to_string(), 2),
            ("Shops".to_string(), 3)
        ]
    );
    assert_eq!(
        speakers_of_quotes(&json),
        [
            (
                "“The arches are sound again,”".to_string(),
                Some("Priya Nair".to_string())
            ),
            (
                "“We waited long enough,”".to_string(),
                Some("Joe Marsh".to_string())
            ),
        ]
    );
    offsets_refer_to(&text, &json);
}

const PLAIN: &str = "The council met on Tuesday to discuss the harbour.\n\n\
Fishermen remain wary of the new breakwater The fishermen said they would watch the work closely. \
“We have heard promises before,” said Tom Reilly.\n\n\
Next steps\n\n\
Work begins in the spring, the council said.\n";

#[test]
fn plain_text_is_analysed_verbatim_with_detected_headings() {
    let dir = scratch("kinds-txt");
    let path = write(&dir, "harbour.txt", PLAIN.as_bytes());
    let text = ok(run_with_stdin(
        &["extract", "--format", "text", path.to_str().unwrap()],
        b"",
    ));
    assert_eq!(text, PLAIN, "plain text comes out exactly as read");
    let json: Value = serde_json::from_str(&ok(run_with_stdin(
        &["extract", path.to_str().unwrap()],
        b"",
    )))
    .unwrap();

    assert_eq!(json["source_format"], "text");
    assert!(json["title"].is_null() && json["byline"].is_null() && json["date"].is_null());
    assert_eq!(
        headings(&json),
        [
            ("Fishermen remain wary of the new breakwater".to_string(), 2),
            ("Next steps".to_string(), 2)
        ]
    );
    // The run-in heading is glued to its paragraph, which stays intact after it.
    let run_in = &json["headings"][0];
    assert_eq!(run_in["start"], 52);
    assert!(PLAIN[52..].starts_with("Fishermen remain wary of the new breakwater The fishermen"));
    assert_eq!(
        speakers_of_quotes(&json),
        [(
            "“We have heard promises before,”".to_string(),
            Some("Tom Reilly".to_string())
        )]
    );
    offsets_refer_to(PLAIN, &json);
}

#[test]
fn text_format_separates_documents_and_ends_lines() {
    let dir = scratch("kinds-multi");
    let a = write(&dir, "a.txt", b"First article, no final line break.");
    let b = write(&dir, "b.md", b"# Title\n\nSecond *article*.\n");
    let out = ok(run_with_stdin(
        &[
            "extract",
            "--format",
            "text",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    ));
    assert_eq!(
        out,
        "First article, no final line break.\n\nSecond article.\n"
    );
}

#[test]
fn jsonl_input_still_works() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "p1", "text": PLAIN}),
        serde_json::json!({"id": 2, "text": "“Fine,” she said."})
    );
    let out = ok(run_with_stdin(
        &["extract", "--input", "jsonl", "--format", "jsonl"],
        input.as_bytes(),
    ));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "p1");
    assert_eq!(lines[0]["source_format"], "text");
    assert_eq!(lines[0]["encoding"], "UTF-8");
    assert_eq!(lines[0]["headings"].as_array().unwrap().len(), 2);
    offsets_refer_to(PLAIN, &lines[0]);
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["quotes"][0]["text"], "“Fine,”");

    let text = ok(run_with_stdin(
        &["extract", "--input", "jsonl", "--format", "text"],
        input.as_bytes(),
    ));
    assert_eq!(text, format!("{PLAIN}\n“Fine,” she said.\n"));
}
