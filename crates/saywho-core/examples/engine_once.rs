//! One analysis of the bench input (the reference article ×200), for instruction counts that do
//! not move with the machine's load:
//! `valgrind --tool=callgrind target/release/examples/engine_once`.

fn main() {
    let text = saywho_core::ingest::SAMPLE_TEXT.repeat(200);
    let doc = saywho_core::analyze(text);
    println!("{} quotes", doc.quotes().len());
}
