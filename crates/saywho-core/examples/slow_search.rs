//! A stable-toolchain search for slow inputs (cargo-fuzz needs nightly): repeats a short random
//! snippet, drawn from pieces that have been slow before (marks, quotes, names, tags), to about
//! 8 KB and 32 KB, reads both as plain text and as a web page, and reports the snippets whose
//! time grows most when the input grows fourfold (linear: about 4).
//!
//! `cargo run -p saywho-core --example slow_search -- SECONDS [SEED]`

use std::time::{Duration, Instant};

const PIECES: &[&str] = &[
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    " ",
    "\n",
    "\n\n",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "(",
    ")",
    "\u{1}",
    "-",
    "U.",
    "Mr. ",
    "said ",
    "says ",
    "Jane ",
    "Roe",
    "Smith ",
    "Ann ",
    "he ",
    "she ",
    "according to ",
    "of ",
    "the ",
    "A ",
    "1 ",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "<p>",
    "<b>",
    "<a href=x>",
    "<!--",
    "-->",
    "<script>",
    "<li>",
    "<ul>",
    "# ",
    "* ",
    "&amp;",
    "Ä",
];

/// xorshift64: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn snippet(rng: &mut Rng) -> String {
    let len = 1 + rng.below(6);
    (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

fn time(input: &str) -> Duration {
    let start = Instant::now();
    for name in ["s.txt", "s.html"] {
        if let Ok(mut src) =
            saywho_core::ingest::source_from_bytes(name.into(), input.as_bytes().to_vec())
        {
            std::hint::black_box(saywho_core::analyze_source(&mut src));
        }
    }
    start.elapsed()
}

fn fastest(input: &str) -> Duration {
    (0..3).map(|_| time(input)).min().unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5eed);
    let mut rng = Rng(seed | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut worst: Vec<(f64, String, f64)> = Vec::new();
    let mut tried = 0;
    time("warm up the lexicons");
    while Instant::now() < deadline {
        let unit = snippet(&mut rng);
        let small = unit.repeat(8 * 1024 / unit.len() + 1);
        let large = unit.repeat(32 * 1024 / unit.len() + 1);
        let (t1, t4) = (fastest(&small), fastest(&large));
        let growth = t4.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        let ns_per_byte = t4.as_nanos() as f64 / large.len() as f64;
        tried += 1;
        worst.push((growth, unit, ns_per_byte));
        worst.sort_by(|a, b| b.0.total_cmp(&a.0));
        worst.truncate(10);
    }
    println!("{tried} snippets tried in {seconds} s (seed {seed})");
    for (growth, unit, ns) in &worst {
        println!("x{growth:.2} for 4x the size, {ns:.0} ns/byte at 32 KB: {unit:?}");
    }
}
