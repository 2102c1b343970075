//! Time is linear in the text for inputs built to be slow: each family is read at two sizes, n
//! and 2n, and the larger may cost at most 2.5 times as much. The cost is counted in the
//! instructions the `saywho` binary executes under callgrind, which are the same on a busy
//! machine as on a quiet one (the tests skip with a note when valgrind is not installed); or, with
//! `SAYWHO_LINEAR_COST=time` (`scripts/linear_time.sh`), in wall-clock time in this process, the
//! fastest of several runs, at twice the sizes, on a quiet machine.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
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

/// How a run's cost is measured.
#[derive(Clone, Copy, PartialEq)]
enum Meter {
    Instructions,
    Time,
    /// Neither is asked for nor possible: the test says so and passes.
    None,
}

fn meter() -> Meter {
    if std::env::var("SAYWHO_LINEAR_COST").is_ok_and(|v| v == "time") {
        Meter::Time
    } else if Command::new("valgrind").arg("--version").output().is_ok() {
        Meter::Instructions
    } else {
        Meter::None
    }
}

/// The instructions `saywho extract` executes on `input`, counted by callgrind.
fn instructions(input: &[u8], html: bool) -> u64 {
    // Tests run on several threads: each run gets a file of its own.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let path: PathBuf = std::env::temp_dir().join(format!(
        "saywho-linear-{}-{}.{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed),
        if html { "html" } else { "txt" }
    ));
    std::fs::write(&path, input).unwrap();
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(env!("CARGO_BIN_EXE_saywho"))
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .stdout(Stdio::null())
        .output()
        .expect("valgrind runs (apt-get install valgrind)");
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let collected = stderr
        .lines()
        .find_map(|l| {
            l.split_once("Collected : ")
                .map(|(_, n)| n.trim().to_string())
        })
        .unwrap_or_else(|| panic!("no instruction count from callgrind: {stderr}"));
    collected.parse().unwrap()
}

/// How much more the second doubling costs than the first: `family` at `n` and `2n` units, the
/// cost of each doubling being the difference of counts at `n/2`, `n` and `2n` (so what every run
/// pays, start-up and the lexicons it loads, cancels); timed, the fastest run at `n` and `2n`.
/// Linear is 2, quadratic 4.
fn growth(meter: Meter, family: Family, n: usize) -> (f64, f64, &'static str) {
    let (small, html) = family(n);
    let (large, _) = family(2 * n);
    if meter == Meter::Instructions {
        let (half, _) = family(n / 2);
        let at = |input: &[u8]| instructions(input, html) as f64;
        let (i0, i1, i2) = (at(&half), at(&small), at(&large));
        (i1 - i0, i2 - i1, "instructions")
    } else {
        run(&small, html); // warm-up: the lexicons load once
        let time = |input: &[u8]| fastest(input, html).as_secs_f64();
        (time(&small), time(&large), "s")
    }
}

/// `family` at sizes from `n` (counted at half of it, timed at twice: counts are exact, and time
/// is noisy and pays no start-up).
fn grows_linearly(name: &str, family: Family, n: usize) {
    let meter = meter();
    let n = match meter {
        Meter::None => {
            eprintln!(
                "note: valgrind is not installed; skipping {name} (see scripts/linear_time.sh)"
            );
            return;
        }
        Meter::Instructions => n / 2,
        Meter::Time => 2 * n,
    };
    let (c1, c2, unit) = growth(meter, family, n);
    let ratio = c2 / c1.max(1e-6);
    eprintln!(
        "{name}: {n} cost {c1:.4e} {unit}, {} cost {c2:.4e}: x{ratio:.2}",
        2 * n
    );
    assert!(
        ratio <= 2.5,
        "{name}: doubling the input cost {ratio:.2} times as much"
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
fn runs_of_sentence_marks() {
    grows_linearly("dots", |n| repeated(".", n), 20_000);
    grows_linearly("exclamation marks", |n| repeated("!", n), 20_000);
    grows_linearly("question marks", |n| repeated("?", n), 20_000);
    let initial: Family = |n| (format!("U{} And", ".".repeat(n)).into_bytes(), false);
    grows_linearly("an initial then dots", initial, 20_000);
}

#[test]
fn one_long_sentence_of_punctuation() {
    grows_linearly("commas", |n| repeated(",", n), 200_000);
    grows_linearly("control bytes", |n| repeated("\u{1}", n), 200_000);
}

#[test]
fn many_people_sharing_a_first_name() {
    let family: Family = |n| {
        let text: String = (1..=n)
            .map(|i| format!("\"Yes,\" said Jane {}. ", surname(i)))
            .collect();
        (text.into_bytes(), false)
    };
    grows_linearly("Jane LastN", family, 2_500);
    let spoke: Family = |n| {
        let text: String = (1..=n)
            .map(|i| format!("First {} spoke. ", surname(i)))
            .collect();
        (text.into_bytes(), false)
    };
    grows_linearly("First LastN spoke.", spoke, 5_000);
}

#[test]
fn one_endless_sentence_of_names_and_pronouns() {
    // No pronoun fits the name, so each would read back through every mention before it.
    grows_linearly("1 he Roe", |n| repeated("1 he Roe ", n), 7_000);
}

#[test]
fn deeply_nested_pages() {
    let divs: Family = |n| {
        let page = format!(
            "<html><body>{}<p>\"It works,\" she said.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        (page.into_bytes(), true)
    };
    grows_linearly("nested div", divs, 10_000);
    let tables: Family = |n| {
        let page = format!(
            "<html><body>{}cell</body></html>",
            "<table><tr><td>".repeat(n)
        );
        (page.into_bytes(), true)
    };
    grows_linearly("nested table", tables, 5_000);
    // The parser's adoption agency keeps each `<div>` open when the `<b>` around it closes, so
    // every repetition nests one level deeper (until the depth cap: the sizes are past it).
    let misnested: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<b><div>x</b>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("misnested <b><div>", misnested, 4_000);
    let unclosed: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<b>x</p>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("unclosed <b> with stray </p>", unclosed, 8_000);
}

#[test]
fn pages_of_many_elements() {
    // Past 50,000 elements a page is read as its text blocks, not searched for its article.
    let paragraphs: Family = |n| {
        let page = format!("<html><body>{}</body></html>", "<p>x</p>".repeat(n));
        (page.into_bytes(), true)
    };
    grows_linearly("many paragraphs", paragraphs, 16_000);
}
