//! Runs heading detection over a JSONL corpus (`{"text": ...}` a line) and prints what it finds.
//!
//! `cargo run --example headings_corpus -- ../shared/corpus/polnear-dev.jsonl`

use std::io::BufRead;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: headings_corpus FILE.jsonl"))?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let (mut docs, mut total) = (0, 0);
    for line in file.lines() {
        let line = line?;
        let value: serde_json::Value = serde_json::from_str(&line)?;
        let Some(text) = value["text"].as_str() else {
            continue;
        };
        docs += 1;
        let doc = saywho_core::analyze(text.to_string());
        for h in doc.headings().iter().cloned() {
            total += 1;
            let para = doc
                .paragraphs()
                .iter()
                .find(|p| p.contains(&h.start))
                .unwrap();
            let kind = if para.end == h.end { "line" } else { "run-in" };
            let tail: String = text[h.end..para.end].chars().take(40).collect();
            println!("{kind}\t{}\t|{tail}", &text[h]);
        }
    }
    eprintln!("{total} headings in {docs} documents");
    Ok(())
}
