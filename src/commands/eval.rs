//! `saywho eval`: runs the engine on each gold document (or reads predictions with `--pred`) and
//! prints the metrics of `score.py`, with the same definitions and the same output lines.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::Value;

use saywho::eval::{
    self, CanonicalKey, GoldDoc, KeyLine, PredDoc, PredMention, PredQuote, ReportedScorer, Scorer,
};
use saywho::guard::analyze_guarded;
use saywho_core::export::safe::one_line;
use saywho_core::export::DocResult;
use saywho_core::export::SpanOut;
use saywho_core::ingest::jsonl::{self, LineError, LineErrorKind, Lines};

use super::extract::line_message;
use super::warn;
use crate::cli::EvalArgs;

/// Calls `each` with the bytes of every non-blank line of `path`; `each` pushes what is wrong
/// with the line. Each problem is reported (`saywho: PATH:LINE: reason`) and counted in `bad`,
/// and reading goes on, except after a line over `max_line_bytes` or a read error. A path that
/// cannot be opened is an error.
fn lines(
    path: &Path,
    max_line_bytes: usize,
    bad: &mut usize,
    mut each: impl FnMut(&[u8], &mut Vec<LineErrorKind>),
) -> Result<()> {
    let name = path.display().to_string();
    if path.is_dir() {
        anyhow::bail!("{name}: is a directory");
    }
    let file = File::open(path).map_err(|e| saywho_core::Error::io(&name, &e))?;
    let mut lines = Lines::new(BufReader::new(file), max_line_bytes);
    let mut problems = Vec::new();
    while let Some(line) = lines.next_line() {
        let line_no = match line {
            Ok((line_no, bytes)) => {
                each(bytes, &mut problems);
                line_no
            }
            Err(e) => {
                problems.push(e.kind);
                e.line_no
            }
        };
        for kind in problems.drain(..) {
            warn(format_args!(
                "{name}:{}",
                line_message(&LineError { line_no, kind })
            ));
            *bad += 1;
        }
    }
    Ok(())
}

/// What is wrong with the quote spans of a gold document: each must be non-empty and lie within
/// the text (character offsets), or it would silently count for nothing.
fn gold_span_problems(gold: &GoldDoc) -> impl Iterator<Item = LineErrorKind> + '_ {
    let len = gold.text.chars().count();
    gold.quotes.iter().enumerate().filter_map(move |(i, q)| {
        let (n, s, e) = (i + 1, q.start, q.end);
        let why = if s >= e {
            format!("quote {n}: span {s}..{e} is empty or reversed")
        } else if e > len {
            format!("quote {n}: span {s}..{e} ends past the text ({len} characters)")
        } else {
            return None;
        };
        Some(LineErrorKind::Invalid(why))
    })
}

/// Reads one canonical-key line into `key`, pushing what is wrong with it (a negative or
/// fractional offset is said, not passed over).
fn add_key_line(key: &mut CanonicalKey, bytes: &[u8], problems: &mut Vec<LineErrorKind>) {
    let line = match KeyLine::parse(bytes) {
        Ok(line) => line,
        Err(e) => return problems.push(e),
    };
    let mut fine = true;
    for (field, n) in [("start", &line.start), ("end", &line.end)] {
        if let Some(n) = n.as_ref().filter(|n| n.as_u64().is_none()) {
            problems.push(LineErrorKind::Invalid(format!(
                "\"{field}\" is not a non-negative integer ({n})"
            )));
            fine = false;
        }
    }
    if fine {
        if let Err(e) = line.add_to(key) {
            problems.push(e);
        }
    }
}

/// The engine's quotes and reported statements of the gold document's text, as predictions.
fn engine_predictions(gold: &GoldDoc) -> PredDoc {
    let doc = analyze_guarded(gold.text.clone()).unwrap_or_else(|msg| {
        warn(format_args!(
            "the engine failed on gold document {}: {msg}",
            gold.id
        ));
        saywho_core::Document::default()
    });
    let result = DocResult::new(Value::Null, &doc);
    // The exported quotes are the document's, in its order: the evidence of each is its own.
    let quotes = result
        .quotes
        .into_iter()
        .zip(doc.quotes())
        .map(|(q, quote)| PredQuote {
            confidence: q.confidence.map(f64::from),
            basis: quote
                .confidence
                .map_or_else(Vec::new, |c| c.basis.keys().to_vec()),
            ..prediction(q.span)
        })
        .collect();
    let reported = result
        .reported
        .into_iter()
        .map(|r| prediction(r.span))
        .collect();
    PredDoc {
        id: Value::Null,
        quotes,
        reported,
    }
}

/// A quotation's or reported statement's span, speaker and mention as the scorer reads them.
fn prediction(span: SpanOut) -> PredQuote {
    PredQuote {
        start: span.start,
        end: span.end,
        speaker: span.speaker,
        mention: span.mention.map(|m| PredMention {
            start: Some(m.start),
            end: m.end,
            text: Some(m.text),
        }),
        confidence: None,
        basis: Vec::new(),
    }
}

pub fn eval(args: EvalArgs) -> Result<ExitCode> {
    let max = args.limit.max_line_bytes;
    // Bad input lines are all reported, then there are no scores.
    let mut bad = 0;
    let mut key = CanonicalKey::new();
    if let Some(path) = &args.canonical {
        lines(path, max, &mut bad, |l, problems| {
            add_key_line(&mut key, l, problems)
        })?;
    }
    let preds: Option<HashMap<String, PredDoc>> = match &args.pred {
        None => None,
        Some(path) => {
            let mut map = HashMap::new();
            lines(
                path,
                max,
                &mut bad,
                |l, problems| match jsonl::parse_object::<PredDoc>(l) {
                    Ok(d) => drop(map.insert(eval::id_key(&d.id), d)),
                    Err(e) => problems.push(e),
                },
            )?;
            Some(map)
        }
    };
    let mut scorer = Scorer::new(args.kind, args.errors, key);
    let mut reported = ReportedScorer::new(args.subset);
    // Once a line is bad there will be no scores: the engine need not run.
    let mut scoring = bad == 0;
    lines(&args.gold, max, &mut bad, |l, problems| {
        let gold = match jsonl::parse_object::<GoldDoc>(l) {
            Ok(gold) => gold,
            Err(e) => {
                scoring = false;
                return problems.push(e);
            }
        };
        problems.extend(gold_span_problems(&gold));
        scoring &= problems.is_empty();
        if !scoring {
            return;
        }
        let engine;
        let pred = match &preds {
            Some(map) => map.get(&eval::id_key(&gold.id)),
            None => {
                engine = engine_predictions(&gold);
                Some(&engine)
            }
        };
        let (quotes, statements) =
            pred.map_or((&[][..], &[][..]), |p| (&p.quotes[..], &p.reported[..]));
        scorer.add(&gold, quotes);
        if let Some(attributions) = &gold.attributions {
            reported.add(attributions, statements);
        }
    })?;
    if bad > 0 {
        anyhow::bail!(
            "no scores: {bad} bad input line{}",
            if bad == 1 { "" } else { "s" }
        );
    }

    let report = scorer.report();
    // A gold file of attributions alone has no quotes to score: only its reported speech.
    let quote_lines = reported.documents == 0 || report.gold > 0;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = (|| -> io::Result<()> {
        if args.json {
            let mut stderr = io::stderr().lock();
            for e in &scorer.errors {
                let _ = writeln!(stderr, "{}", one_line(&e.line()));
            }
        } else {
            for e in &scorer.errors {
                writeln!(out, "{}", e.line())?;
            }
        }
        if quote_lines {
            writeln!(out, "{}", report.json_line())?;
            if !args.json {
                writeln!(out, "{}", report.summary_line())?;
            }
        }
        if reported.documents > 0 {
            let (json, summary) = reported.lines();
            writeln!(out, "{json}")?;
            if !args.json {
                writeln!(out, "{summary}")?;
            }
        }
        if args.reliability {
            write!(out, "{}", scorer.reliability.table())?;
        }
        out.flush()
    })();
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            warn(format_args!("stdout: {e}"));
            Ok(ExitCode::from(1))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}
