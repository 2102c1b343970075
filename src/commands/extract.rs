//! `saywho extract`: every quotation with its speaker, as JSON, JSONL, CSV or Markdown; or the
//! text the engine analysed (`--format text`).
//!
//! Files are read with [`ingest::read_path`]: web pages and Markdown files become their article
//! body, with their title, byline and headings carried into the result.
//!
//! Output is streamed document by document through a buffered stdout, flushed after each
//! document; with `--input jsonl` only one document is held in memory at a time. A closed
//! stdout (`saywho extract ... | head -1`) ends the command quietly with exit code 0. On a
//! terminal, control characters from the text are printed as visible placeholders.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::Value;

use saywho_core::export::safe::TerminalSafe;
use saywho_core::export::{csv, markdown, DocResult};
use saywho_core::ingest;

use crate::cli::{ExtractArgs, InputFormat, OutputFormat};

/// Writes documents in one output format, keeping the state between them (array brackets,
/// the CSV header).
struct Sink<W: Write> {
    out: W,
    format: OutputFormat,
    /// Wrap the JSON objects in an array (several inputs, or JSONL input).
    array: bool,
    written: usize,
}

impl<W: Write> Sink<W> {
    /// Writes one analysed document: its result, or with `--format text` its text.
    fn doc(&mut self, doc: &DocResult, text: &str) -> io::Result<()> {
        match self.format {
            OutputFormat::Text => {
                // Documents are separated by a blank line; each ends with a line break.
                if self.written > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(text.as_bytes())?;
                if !text.ends_with('\n') {
                    self.out.write_all(b"\n")?;
                }
            }
            OutputFormat::Json => {
                if self.array {
                    self.out
                        .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                }
                serde_json::to_writer_pretty(&mut self.out, doc)?;
                if !self.array {
                    self.out.write_all(b"\n")?;
                }
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut self.out, doc)?;
                self.out.write_all(b"\n")?;
            }
            OutputFormat::Csv => {
                if self.written == 0 {
                    csv::write_header(&mut self.out)?;
                }
                csv::write_rows(&mut self.out, doc)?;
            }
            OutputFormat::Markdown => {
                if self.written > 0 {
                    self.out.write_all(b"\n")?;
                }
                markdown::write_doc(&mut self.out, doc)?;
            }
        }
        self.written += 1;
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        match self.format {
            OutputFormat::Json if self.array => {
                self.out
                    .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?
            }
            OutputFormat::Csv if self.written == 0 => csv::write_header(&mut self.out)?,
            _ => {}
        }
        self.out.flush()
    }
}

pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut files = args.files;
    if files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    let array = args.input == InputFormat::Jsonl || files.len() > 1;
    // On a terminal, control characters in the text are shown, not obeyed.
    let out: Box<dyn Write> = if stdout.is_terminal() {
        Box::new(TerminalSafe::new(stdout.lock()))
    } else {
        Box::new(stdout.lock())
    };
    let mut sink = Sink {
        out: io::BufWriter::new(out),
        format: args.format,
        array,
        written: 0,
    };
    let mut failed = false;
    let run = (|| -> io::Result<()> {
        for path in &files {
            match args.input {
                InputFormat::Text => match ingest::read_path(path) {
                    Ok(mut src) => {
                        if let Some(notice) = src.notice() {
                            eprintln!("saywho: {notice}");
                        }
                        match super::analyze_source_guarded(&mut src) {
                            Ok(doc) => sink.doc(
                                &DocResult::new(Value::String(src.name.clone()), &doc)
                                    .with_source(&src),
                                &doc.text,
                            )?,
                            Err(msg) => {
                                eprintln!("saywho: {}: the engine failed: {msg}", src.name);
                                failed = true;
                            }
                        }
                    }
                    Err(err) => {
                        eprintln!("saywho: {err:#}");
                        failed = true;
                    }
                },
                InputFormat::Jsonl => failed |= !jsonl_file(path, &mut sink)?,
            }
        }
        sink.finish()
    })();
    match run {
        Ok(()) => Ok(ExitCode::from(failed as u8)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("saywho: stdout: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// Streams the JSONL documents of `path` (`-`: stdin) into `sink`. Returns whether every line
/// was read; a bad line is reported to stderr with its number and skipped. Errors are write
/// errors only.
fn jsonl_file<W: Write>(path: &Path, sink: &mut Sink<W>) -> io::Result<bool> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(io::stdin().lock())
    } else if path.is_dir() {
        eprintln!("saywho: {name}: is a directory");
        return Ok(false);
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("saywho: {}", saywho_core::Error::io(&name, &e));
                return Ok(false);
            }
        }
    };
    let mut engine_ok = true;
    let lines_ok = stream_jsonl(&name, reader, |line_no, id, text| {
        let doc = super::analyze_guarded(text).unwrap_or_else(|msg| {
            // Keep one output line per input line: an empty result under the same id.
            eprintln!("saywho: {name}:{line_no}: the engine failed (id {id}): {msg}");
            engine_ok = false;
            saywho_core::Document::default()
        });
        sink.doc(&DocResult::new(id, &doc), &doc.text)
    })?;
    Ok(lines_ok && engine_ok)
}

/// Reads `{"id", "text"}` lines from `reader`, calling `each` with the line number, id and text
/// of each document in order.
/// Blank lines are skipped; a malformed line is reported (`saywho: NAME:LINE: ...`) and skipped.
/// Returns whether all lines were good.
pub fn stream_jsonl(
    name: &str,
    mut reader: impl BufRead,
    mut each: impl FnMut(usize, Value, String) -> io::Result<()>,
) -> io::Result<bool> {
    let mut ok = true;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(ok),
            Ok(_) => {}
            Err(e) => {
                eprintln!("saywho: {name}: cannot read: {e}");
                return Ok(false);
            }
        }
        line_no += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(&buf) {
            Ok((id, text)) => each(line_no, id, text)?,
            Err(msg) => {
                eprintln!("saywho: {name}:{line_no}: {msg}");
                ok = false;
            }
        }
    }
}

/// One input line: its id (any JSON value; `null` when absent) and its text.
fn parse_line(line: &[u8]) -> std::result::Result<(Value, String), String> {
    let line = std::str::from_utf8(line).map_err(|e| format!("not UTF-8: {e}"))?;
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let mut v: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Some(obj) = v.as_object_mut() else {
        return Err("expected a JSON object {\"id\": ..., \"text\": ...}".into());
    };
    let text = match obj.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err("\"text\" is not a string".into()),
        None => return Err("no \"text\" field".into()),
    };
    Ok((obj.remove("id").unwrap_or(Value::Null), text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_in_order_and_reports_bad_lines() {
        let input = "{\"id\": 1, \"text\": \"a\"}\n\nnot json\n{\"id\": \"b\", \"text\": \"b\", \"x\": 0}\n{\"id\": 3}\n";
        let mut seen = Vec::new();
        let ok = stream_jsonl("in", input.as_bytes(), |_, id, text| {
            seen.push((id, text));
            Ok(())
        })
        .unwrap();
        assert!(!ok);
        assert_eq!(
            seen,
            vec![(Value::from(1), "a".into()), (Value::from("b"), "b".into())]
        );
    }

    #[test]
    fn missing_id_is_null() {
        assert_eq!(
            parse_line(b"{\"text\": \"t\"}").unwrap(),
            (Value::Null, "t".into())
        );
        assert!(parse_line(b"[1]").is_err());
        assert!(parse_line(b"{\"text\": 3}").is_err());
    }
}
