//! `saywho extract`: every quotation with its speaker, as JSON, JSONL, CSV or Markdown; or the
//! text the engine analysed (`--format text`).
//!
//! Files are read with [`ingest::read_path`]: web pages and Markdown files become their article
//! body, with their title, byline and headings carried into the result.
//!
//! Output is streamed document by document through a buffered stdout, flushed after each
//! document. `--jobs N` analyses N documents at once ([`parallel`]); the output keeps the input
//! order and is the same bytes for any N, and only a few small batches of documents a job are
//! held in memory at a time, however long the stream. Messages on stderr keep the input order too. A closed
//! stdout (`saywho extract ... | head -1`) ends the command quietly with exit code 0. On a
//! terminal, control characters from the text (a lone carriage return too) are printed as
//! visible placeholders. JSONL input is read by [`saywho_core::ingest::jsonl`]: each line at
//! most `--max-line-bytes`, the id echoed exactly as given.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use serde_json::Value;

use saywho::corrections::{self, CorrectionSet};
use saywho::guard::{analyze_guarded, analyze_source_guarded};
use saywho_core::export::safe::TerminalSafe;
use saywho_core::export::{csv, markdown, DocResult};
use saywho_core::ingest::jsonl::{parse_record, LineError, LineErrorKind, Lines, Record};
use saywho_core::ingest::{self};
use saywho_core::Document;

use super::{parallel, warn};
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
    /// Writes one document rendered by [`render`], after what separates it from the one before.
    fn doc(&mut self, rendered: &[u8]) -> io::Result<()> {
        let first = self.written == 0;
        match self.format {
            // Documents are separated by a blank line.
            OutputFormat::Text | OutputFormat::Markdown if !first => self.out.write_all(b"\n")?,
            OutputFormat::Json if self.array => {
                self.out.write_all(if first { b"[\n" } else { b",\n" })?
            }
            OutputFormat::Csv if first => csv::write_header(&mut self.out)?,
            _ => {}
        }
        self.out.write_all(rendered)?;
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

/// How each document is written: the format, whether in an array, `--min-confidence`
/// (below it a quote's speaker is left out) and the reader's corrections (`--corrections`).
#[derive(Clone, Copy)]
struct Style<'a> {
    format: OutputFormat,
    array: bool,
    min_confidence: Option<f32>,
    corrections: &'a CorrectionSet,
}

/// `doc` rendered in the style, through the corrections made to it if any; `result` makes its
/// result (with its id and source).
fn render_analysed(
    style: Style,
    result: impl Fn(&Document) -> DocResult,
    doc: &Document,
) -> Vec<u8> {
    match style.corrections.apply(doc) {
        Some(fixed) => render(style, result(&fixed.doc), fixed.doc.text()),
        None => render(style, result(doc), doc.text()),
    }
}

/// One analysed document in the style's format without what separates it from the others (see
/// [`Sink::doc`]): its result, or with `--format text` its text. Pure, so that workers can
/// render while the writer keeps the order.
fn render(style: Style, doc: DocResult, text: &str) -> Vec<u8> {
    let Style { format, array, .. } = style;
    let doc = match style.min_confidence {
        Some(min) => doc.with_min_confidence(min),
        None => doc,
    };
    let doc = &doc;
    let mut out = Vec::new();
    // Writing into memory cannot fail, and a `DocResult` always serializes.
    let _ = (|| -> io::Result<()> {
        match format {
            OutputFormat::Text => {
                out.extend_from_slice(text.as_bytes());
                if !text.ends_with('\n') {
                    out.push(b'\n');
                }
            }
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut out, doc)?;
                if !array {
                    out.push(b'\n');
                }
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut out, doc)?;
                out.push(b'\n');
            }
            OutputFormat::Csv => csv::write_rows(&mut out, doc)?,
            OutputFormat::Gold => {
                serde_json::to_writer(&mut out, &corrections::gold_line(doc, text))?;
                out.push(b'\n');
            }
            OutputFormat::Markdown => markdown::write_doc(&mut out, doc)?,
        }
        Ok(())
    })();
    out
}

/// What one input came to, in input order: messages for stderr, and the rendered document
/// unless the input could not be read.
#[derive(Default)]
struct Outcome {
    warnings: Vec<String>,
    rendered: Option<Vec<u8>>,
    failed: bool,
}

impl Outcome {
    fn failure(warning: String) -> Outcome {
        Outcome {
            warnings: vec![warning],
            failed: true,
            ..Outcome::default()
        }
    }
}

/// One unit of work, as read in input order.
enum Task {
    /// A file to read and analyse (`--input text`).
    File(PathBuf),
    /// A JSONL line of the file called `name`, to parse and analyse.
    Line {
        name: Arc<str>,
        line_no: usize,
        bytes: Vec<u8>,
    },
    /// Settled while reading: a file that cannot be opened, a line too long.
    Settled(Outcome),
}

impl Task {
    /// How much work a task is, for [`parallel::in_order`]'s batches: a line's bytes; a file
    /// (of a size not yet known) a batch of its own.
    fn cost(&self) -> usize {
        match self {
            Task::File(_) => parallel::BATCH_COST,
            Task::Line { bytes, .. } => bytes.len(),
            Task::Settled(_) => 0,
        }
    }
}

pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut files = args.files;
    if files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    let (format, input) = (args.format, args.input);
    let array = input == InputFormat::Jsonl || files.len() > 1;
    let is_terminal = stdout.is_terminal();
    let corrections = match &args.corrections {
        Some(path) => {
            CorrectionSet::load(path).map_err(|e| anyhow::anyhow!("--corrections {e}"))?
        }
        None => CorrectionSet::default(),
    };
    let mut sink = Sink {
        out: io::BufWriter::new(output(stdout.lock(), is_terminal)),
        format,
        array,
        written: 0,
    };
    let style = Style {
        format,
        array,
        min_confidence: args.min_confidence,
        corrections: &corrections,
    };
    let max_line_bytes = args.limit.max_line_bytes;
    let mut failed = false;
    let mut jobs = args.jobs.map_or_else(parallel::default_jobs, usize::from);
    if input == InputFormat::Text {
        // One thread a file at most: a single file is analysed on this thread.
        jobs = jobs.min(files.len());
    }
    let run = parallel::in_order(
        jobs,
        || tasks(&files, input, max_line_bytes),
        Task::cost,
        |task| run_task(task, style),
        |outcome| {
            outcome.warnings.iter().for_each(warn);
            failed |= outcome.failed;
            outcome.rendered.map_or(Ok(()), |r| sink.doc(&r))
        },
    )
    .and_then(|()| sink.finish());
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

/// The work of the inputs in order: each file, or with `--input jsonl` each line of each file.
fn tasks(
    files: &[PathBuf],
    input: InputFormat,
    max_line_bytes: usize,
) -> Box<dyn Iterator<Item = Task> + '_> {
    match input {
        InputFormat::Text => Box::new(files.iter().cloned().map(Task::File)),
        InputFormat::Jsonl => Box::new(
            files
                .iter()
                .flat_map(move |path| jsonl_tasks(path, max_line_bytes)),
        ),
    }
}

/// The lines of the JSONL file `path` (`-`: stdin) as tasks, read one at a time; a line over
/// the limit is reported and ends the file.
fn jsonl_tasks(path: &Path, max_line_bytes: usize) -> Box<dyn Iterator<Item = Task>> {
    let name: Arc<str> = path.display().to_string().into();
    let reader: Box<dyn BufRead> = if &*name == "-" {
        Box::new(io::stdin().lock())
    } else if path.is_dir() {
        let settled = Outcome::failure(format!("{name}: is a directory"));
        return Box::new(std::iter::once(Task::Settled(settled)));
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let settled = Outcome::failure(saywho_core::Error::io(&name, &e).to_string());
                return Box::new(std::iter::once(Task::Settled(settled)));
            }
        }
    };
    let mut lines = Lines::new(reader, max_line_bytes);
    Box::new(std::iter::from_fn(move || {
        Some(match lines.next_line()? {
            Ok((line_no, bytes)) => Task::Line {
                name: name.clone(),
                line_no,
                bytes: bytes.to_vec(),
            },
            Err(e) => Task::Settled(Outcome::failure(format!("{name}:{}", line_message(&e)))),
        })
    }))
}

/// Reads, analyses and renders one input.
fn run_task(task: Task, style: Style) -> Outcome {
    match task {
        Task::Settled(outcome) => outcome,
        Task::File(path) => file_outcome(&path, style),
        Task::Line {
            name,
            line_no,
            bytes,
        } => match parse_record(line_no, &bytes) {
            Ok(record) => record_outcome(&name, record, style),
            Err(kind) => {
                let e = LineError { line_no, kind };
                Outcome::failure(format!("{name}:{}", line_message(&e)))
            }
        },
    }
}

/// A text, web page or Markdown file, its title, byline and headings carried into the result.
fn file_outcome(path: &Path, style: Style) -> Outcome {
    let mut src = match ingest::read_path(path) {
        Ok(src) => src,
        Err(err) => return Outcome::failure(format!("{err:#}")),
    };
    let mut outcome = Outcome {
        warnings: src.notice().into_iter().collect(),
        ..Outcome::default()
    };
    match analyze_source_guarded(&mut src) {
        Ok(doc) => {
            let result =
                |d: &Document| DocResult::new(Value::String(src.name.clone()), d).with_source(&src);
            outcome.rendered = Some(render_analysed(style, result, &doc));
        }
        Err(msg) => {
            let name = &src.name;
            outcome
                .warnings
                .push(format!("{name}: the engine failed: {msg}"));
            outcome.failed = true;
        }
    }
    outcome
}

/// One JSONL article; an engine failure keeps one output line per input line: an empty result
/// under the same id.
fn record_outcome(name: &str, record: Record, style: Style) -> Outcome {
    let (line, id) = (record.line_no, record.id);
    let mut outcome = Outcome::default();
    let doc = analyze_guarded(record.text).unwrap_or_else(|msg| {
        let id = id.json();
        let warning = format!("{name}:{line}: the engine failed (id {id}): {msg}");
        outcome = Outcome::failure(warning);
        Document::default()
    });
    let result = |d: &Document| DocResult::new(id.clone(), d);
    outcome.rendered = Some(render_analysed(style, result, &doc));
    outcome
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
