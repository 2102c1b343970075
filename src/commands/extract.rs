//! `saywho extract`: every quotation with its speaker, as JSON, JSONL, CSV or Markdown; or the
//! text the engine analysed (`--format text`).
//!
//! Files are read with [`ingest::read_path`]: web pages and Markdown files become their article
//! body, with their title, byline and headings carried into the result.
//!
//! Output is streamed document by document through a buffered stdout, flushed after each
//! document; with `--input jsonl` only one document is held in memory at a time. A closed
//! stdout (`saywho extract ... | head -1`) ends the command quietly with exit code 0. On a
//! terminal, control characters from the text (a lone carriage return too) are printed as
//! visible placeholders. JSONL input is read by [`saywho_core::ingest::jsonl`]: each line at
//! most `--max-line-bytes`, the id echoed exactly as given.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::Value;

use saywho::corrections::{self, CorrectionSet};
use saywho::guard::{analyze_guarded, analyze_source_guarded};
use saywho_core::export::safe::TerminalSafe;
use saywho_core::export::{csv, markdown, DocResult};
use saywho_core::ingest::jsonl::{LineErrorKind, Records};
use saywho_core::ingest::{self};
use saywho_core::Document;

use super::warn;
use crate::cli::{ExtractArgs, InputFormat, OutputFormat};

/// Writes documents in one output format, keeping the state between them (array brackets,
/// the CSV header).
struct Sink<W: Write> {
    out: W,
    /// The reader's corrections, applied to each document that has some.
    corrections: CorrectionSet,
    format: OutputFormat,
    /// Wrap the JSON objects in an array (several inputs, or JSONL input).
    array: bool,
    written: usize,
}

impl<W: Write> Sink<W> {
    /// Writes one analysed document under `id`, corrected where corrections were given.
    fn analysed(
        &mut self,
        result: impl Fn(&Document) -> DocResult,
        doc: &Document,
    ) -> io::Result<()> {
        match self.corrections.apply(doc) {
            Some(fixed) => self.doc(&result(&fixed.doc), fixed.doc.text()),
            None => self.doc(&result(doc), doc.text()),
        }
    }

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
            OutputFormat::Gold => {
                serde_json::to_writer(&mut self.out, &corrections::gold_line(doc, text))?;
                self.out.write_all(b"\n")?;
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
    let is_terminal = stdout.is_terminal();
    let corrections = match &args.corrections {
        Some(path) => {
            CorrectionSet::load(path).map_err(|e| anyhow::anyhow!("--corrections {e}"))?
        }
        None => CorrectionSet::default(),
    };
    let mut sink = Sink {
        corrections,
        out: io::BufWriter::new(output(stdout.lock(), is_terminal)),
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
                            warn(notice);
                        }
                        match analyze_source_guarded(&mut src) {
                            Ok(doc) => sink.analysed(
                                |d| {
                                    DocResult::new(Value::String(src.name.clone()), d)
                                        .with_source(&src)
                                },
                                &doc,
                            )?,
                            Err(msg) => {
                                warn(format_args!("{}: the engine failed: {msg}", src.name));
                                failed = true;
                            }
                        }
                    }
                    Err(err) => {
                        warn(format_args!("{err:#}"));
                        failed = true;
                    }
                },
                InputFormat::Jsonl => {
                    failed |= !jsonl_file(path, args.limit.max_line_bytes, &mut sink)?
                }
            }
        }
        sink.finish()
    })();
    match run {
        Ok(()) => Ok(ExitCode::from(failed as u8)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => {
            warn(format_args!("stdout: {e}"));
            Ok(ExitCode::from(1))
        }
    }
}

/// Where results go: on a terminal through [`TerminalSafe`], so that control characters in the
/// text are shown, not obeyed; to a pipe or file verbatim.
fn output<'a>(stdout: impl Write + 'a, is_terminal: bool) -> Box<dyn Write + 'a> {
    if is_terminal {
        Box::new(TerminalSafe::new(stdout))
    } else {
        Box::new(stdout)
    }
}

/// Streams the JSONL documents of `path` (`-`: stdin) into `sink`. Returns whether every line
/// was read; a bad line is reported to stderr with its number and skipped (a line over the
/// limit ends the file). Errors are write errors only.
fn jsonl_file<W: Write>(
    path: &Path,
    max_line_bytes: usize,
    sink: &mut Sink<W>,
) -> io::Result<bool> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if name == "-" {
        Box::new(io::stdin().lock())
    } else if path.is_dir() {
        warn(format_args!("{name}: is a directory"));
        return Ok(false);
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                warn(saywho_core::Error::io(&name, &e));
                return Ok(false);
            }
        }
    };
    let mut ok = true;
    for record in Records::new(reader, max_line_bytes) {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                warn(format_args!("{name}:{}", line_message(&e)));
                ok = false;
                continue;
            }
        };
        let doc = analyze_guarded(record.text).unwrap_or_else(|msg| {
            // Keep one output line per input line: an empty result under the same id.
            let (line, id) = (record.line_no, record.id.json());
            warn(format_args!(
                "{name}:{line}: the engine failed (id {id}): {msg}"
            ));
            ok = false;
            saywho_core::Document::default()
        });
        sink.analysed(|d| DocResult::new(record.id.clone(), d), &doc)?;
    }
    Ok(ok)
}

/// `LINE: REASON` for a JSONL line error, saying how to raise the limit a line passed.
pub(crate) fn line_message(e: &saywho_core::ingest::jsonl::LineError) -> String {
    match e.kind {
        LineErrorKind::TooLong { .. } => format!("{e} (raise it with --max-line-bytes)"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_terminal_gets_placeholders() {
        let text = "Smith said: \"We will raise taxes.\"\rJones\n";
        for (is_terminal, expected) in [
            (true, "Smith said: \"We will raise taxes.\"\u{240d}Jones\n"),
            (false, text),
        ] {
            let mut bytes = Vec::new();
            {
                let mut out = output(&mut bytes, is_terminal);
                out.write_all(text.as_bytes()).unwrap();
                out.flush().unwrap();
            }
            assert_eq!(String::from_utf8(bytes).unwrap(), expected);
        }
    }
}
