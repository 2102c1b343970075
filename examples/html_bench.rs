//! Writes PRED.json for the article-extraction benchmark's scorer from a folder of gzipped pages.
//!
//! `cargo run --release --example html_bench -- ../shared/corpus/html-dev /tmp/pred.json`
//! then `python3 ../shared/tools/html_score.py ../shared/corpus/html-dev/ground-truth.json /tmp/pred.json`.

use std::io::Read;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/html-dev".into());
    let out = args.next().unwrap_or_else(|| "pred.json".into());
    let mut pred = serde_json::Map::new();
    let mut slowest = (0.0f64, String::new());
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".html.gz") else {
            continue;
        };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(entry.path())?).read_to_end(&mut bytes)?;
        let t = Instant::now();
        let article = saywho_core::ingest::html::html_to_article(&bytes);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if ms > slowest.0 {
            slowest = (ms, id.to_string());
        }
        pred.insert(
            id.to_string(),
            serde_json::json!({ "articleBody": article.text, "title": article.title }),
        );
    }
    std::fs::write(&out, serde_json::to_string_pretty(&pred)?)?;
    eprintln!(
        "{} pages; slowest {:.1} ms ({})",
        pred.len(),
        slowest.0,
        slowest.1
    );
    Ok(())
}
