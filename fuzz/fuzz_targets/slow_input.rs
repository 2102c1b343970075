//! Hunts for inputs whose time per byte is high: arbitrary bytes up to 100 KB are read as plain
//! text and as a web page and analysed. Run with a tight `-timeout=` (e.g. 2 s for 100 KB,
//! when the engine reads about 1 MB/s unoptimised) so that a quadratic input shows up as a
//! timeout: `cargo +nightly fuzz run -O slow_input -- -max_len=102400 -timeout=2`.
#![no_main]

use libfuzzer_sys::fuzz_target;

const MAX_LEN: usize = 100 * 1024;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_LEN {
        return;
    }
    for name in ["fuzz.txt", "fuzz.html"] {
        if let Ok(mut source) = saywho_core::ingest::source_from_bytes(name.into(), data.to_vec()) {
            std::hint::black_box(saywho_core::analyze_source(&mut source));
        }
    }
});
