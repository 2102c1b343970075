//! `saywho eval`: runs the engine on each gold document (or reads predictions with `--pred`) and
//! prints the metrics of `score.py`, with the same definitions and the same output lines.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::Value;

use saywho::eval::{self, CanonicalKey, GoldDoc, PredDoc, PredMention, PredQuote, Scorer};
use saywho_core::export::DocResult;

use crate::cli::EvalArgs;

/// Calls `each` with the number and text of every non-blank line of `path`.
fn lines(path: &Path, mut each: impl FnMut(usize, &str) -> Result<()>) -> Result<()> {
    let name = path.display().to_string();
    if path.is_dir() {
        anyhow::bail!("{name}: is a directory");
    }
    let file = File::open(path).map_err(|e| saywho_core::Error::io(&name, &e))?;
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{name}:{}: cannot read", i + 1))?;
        if !line.trim().is_empty() {
            each(i + 1, &line).with_context(|| format!("{name}:{}", i + 1))?;
        }
    }
    Ok(())
}

/// The engine's quotes of `text`, as predictions.
fn engine_quotes(gold: &GoldDoc) -> Vec<PredQuote> {
    let doc = super::analyze_guarded(gold.text.clone()).unwrap_or_else(|msg| {
        eprintln!(
            "saywho: the engine failed on gold document {}: {msg}",
            gold.id
        );
        saywho_core::Document::default()
    });
    DocResult::new(Value::Null, &doc)
        .quotes
        .into_iter()
        .map(|q| PredQuote {
            start: q.start,
            end: q.end,
            speaker: q.speaker,
            mention: q.mention.map(|m| PredMention {
                start: Some(m.start),
                end: m.end,
                text: Some(m.text),
            }),
        })
        .collect()
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let mut key = CanonicalKey::new();
    if let Some(path) = &args.canonical {
        lines(path, |_, l| Ok(eval::add_key_line(&mut key, l)?))?;
    }
    let preds: Option<HashMap<String, Vec<PredQuote>>> = match &args.pred {
        None => None,
        Some(path) => {
            let mut map = HashMap::new();
            lines(path, |_, l| {
                let d: PredDoc = serde_json::from_str(l)?;
                map.insert(eval::id_key(&d.id), d.quotes);
                Ok(())
            })?;
            Some(map)
        }
    };
    let mut scorer = Scorer::new(args.kind, args.errors, key);
    lines(&args.gold, |_, l| {
        let gold: GoldDoc = serde_json::from_str(l)?;
        match &preds {
            Some(map) => {
                let empty = Vec::new();
                let quotes = map.get(&eval::id_key(&gold.id)).unwrap_or(&empty);
                scorer.add(&gold, quotes);
            }
            None => {
                let quotes = engine_quotes(&gold);
                scorer.add(&gold, &quotes);
            }
        }
        Ok(())
    })?;

    let report = scorer.report();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = (|| -> io::Result<()> {
        if args.json {
            for e in &scorer.errors {
                eprintln!("{}", e.line());
            }
            writeln!(out, "{}", report.json_line())?;
        } else {
            for e in &scorer.errors {
                writeln!(out, "{}", e.line())?;
            }
            writeln!(out, "{}", report.json_line())?;
            writeln!(out, "{}", report.summary_line())?;
        }
        out.flush()
    })();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
