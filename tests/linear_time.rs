//! Time is linear in the text for inputs built to be slow: each family is read at two sizes, n
//! and 2n, and the larger may take at most 2.5 times as long (the fastest of several runs
//! each). Wall-clock time depends on the machine, so these tests are `#[ignore]`d and run by
//! `scripts/linear_time.sh`, on a quiet machine.

use std::time::{Duration, Instant};

/// A hostile input of about `n` units (marks, tags or sentences) and whether it is a web page.
type Family = fn(usize) -> (Vec<u8>, bool);

fn run(input: &[u8], html: bool) {
    let source = saywho_core::ingest::source_from_bytes(
        if html { "t.html" } else { "t.txt" }.to_string(),
        input.to_vec(),
    );
    if let Ok(mut source) = source {
        std::hint::black_box(saywho_core::analyze_source(&mut source));
    }
}

fn fastest(input: &[u8], html: bool) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            run(input, html);
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn grows_linearly(name: &str, family: Family, n: usize) {
    let (small, html) = family(n);
    let (large, _) = family(2 * n);
    run(&small, html); // warm-up: the lexicons load once
    let (t1, t2) = (fastest(&small, html), fastest(&large, html));
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    eprintln!("{name}: {n} in {t1:?}, {} in {t2:?}: x{ratio:.2}", 2 * n);
    assert!(
        ratio <= 2.5,
        "{name}: doubling the input took {ratio:.2} times as long"
    );
}

fn repeated(unit: &str, n: usize) -> (Vec<u8>, bool) {
    (unit.repeat(n).into_bytes(), false)
}

/// A different surname for every `i`: "Lastb", "Lastc", ... (digits would make no name).
fn surname(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'a' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            break;
        }
    }
    letters.reverse();
    format!("Last{}", String::from_utf8(letters).unwrap())
}

#[test]
#[ignore]
fn runs_of_sentence_marks() {
    grows_linearly("dots", |n| repeated(".", n), 40_000);
    grows_linearly("exclamation marks", |n| repeated("!", n), 40_000);
    grows_linearly("question marks", |n| repeated("?", n), 40_000);
    let initial: Family = |n| (format!("U{} And", ".".repeat(n)).into_bytes(), false);
    grows_linearly("an initial then dots", initial, 40_000);
}

#[test]
#[ignore]
fn one_long_sentence_of_punctuation() {
    grows_linearly("commas", |n| repeated(",", n), 400_000);
    grows_linearly("control bytes", |n| repeated("\u{1}", n), 400_000);
}

#[test]
#[ignore]
fn many_people_sharing_a_first_name() {
    let family: Family = |n| {
        let text: String = (1..=n)
            .map(|i| format!("\"Yes,\" said Jane {}. ", surname(i)))
            .collect();
        (text.into_bytes(), false)
    };
    grows_linearly("Jane LastN", family, 5_000);
    let spoke: Family = |n| {
        let text: String = (1..=n)
            .map(|i| format!("First {} spoke. ", surname(i)))
            .collect();
        (text.into_bytes(), false)
    };
    grows_linearly("First LastN spoke.", spoke, 10_000);
}

#[test]
#[ignore]
fn one_endless_sentence_of_names_and_pronouns() {
    // No pronoun fits the name, so each would read back through every mention before it.
    grows_linearly("1 he Roe", |n| repeated("1 he Roe ", n), 14_000);
}

#[test]
#[ignore]
fn deeply_nested_pages() {
    let divs: Family = |n| {
        let page = format!(
            "<html><body>{}<p>\"It works,\" she said.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        (page.into_bytes(), true)
    };
    grows_linearly("nested div", divs, 20_000);
    let tables: Family = |n| {
        let page = format!(
            "<html><body>{}cell</body></html>",
            "<table><tr><td>".repeat(n)
        );
        (page.into_bytes(), true)
    };
    grows_linearly("nested table", tables, 10_000);
    // The parser's adoption agency keeps each `<div>` open when the `<b>` around it closes, so
    // every repetition nests one level deeper.
    let misnested: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<b><div>x</b>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("misnested <b><div>", misnested, 4_000);
    let unclosed: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<b>x</p>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("unclosed <b> with stray </p>", unclosed, 30_000);
}

#[test]
#[ignore]
fn pages_of_many_elements() {
    // Past 50,000 elements a page is read as its text blocks, not searched for its article.
    let paragraphs: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<p>x</p>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("many paragraphs", paragraphs, 60_000);
}
