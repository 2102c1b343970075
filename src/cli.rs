//! Command-line definitions: one place per flag, documented where it is declared.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use saywho::eval::{Kind, Subset};

/// saywho: read a news article and see who said what.
///
/// With no command, opens the reader on FILE (or stdin, or the bundled sample article).
#[derive(Debug, Parser)]
#[command(
    name = "saywho",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every quotation with its speaker as JSON, JSONL, CSV or Markdown, or the text analysed.
    Extract(ExtractArgs),
    /// Score the engine against a gold JSONL file (the format of score.py).
    Eval(EvalArgs),
}

/// Options of the reader.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Articles to read: files, directories, JSONL corpora (`.jsonl`); `-` reads stdin. Without
    /// any, stdin if piped, else the sample article. Several open an article list.
    pub files: Vec<PathBuf>,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Leave the mouse to the terminal (keeps its own text selection working).
    #[arg(long)]
    pub no_mouse: bool,

    /// Neither restore nor save the reading position (kept in $XDG_STATE_HOME/saywho).
    #[arg(long)]
    pub no_state: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input files (plain text, web pages, Markdown); none or `-` reads stdin.
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// Input format: plain text, or one `{"id": ..., "text": ...}` object a line (streamed).
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,

    /// Apply the corrections made in the reader: its state file, or the state directory
    /// (`$XDG_STATE_HOME/saywho`). Documents are matched by their text.
    #[arg(long, value_name = "FILE|DIR")]
    pub corrections: Option<PathBuf>,

    /// Leave the speaker `null` for a quote whose attribution's confidence is below X (0 to 1);
    /// the quote stays, with its confidence.
    #[arg(long, value_name = "X", value_parser = parse_unit_interval)]
    pub min_confidence: Option<f32>,

    /// Documents analysed at once (default: the number of cores). The output keeps the input
    /// order and is the same for any number.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    #[command(flatten)]
    pub limit: LineLimit,
}

/// How long a JSONL line may be.
#[derive(Debug, Args)]
pub struct LineLimit {
    /// The longest JSONL line read, in bytes; a longer line is reported and ends the reading of
    /// its file (memory stays bounded).
    #[arg(long, value_name = "BYTES", default_value_t = saywho_core::ingest::jsonl::DEFAULT_MAX_LINE_BYTES)]
    pub max_line_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Jsonl,
    Csv,
    Markdown,
    /// The document text exactly as analysed (for a web page or Markdown file, the article body).
    Text,
    /// One gold line a document, as `saywho eval` reads it (`{id, text, quotes}`): with
    /// `--corrections`, a corpus annotated in the reader.
    Gold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSONL: one `{"id", "text", "quotes": [...]}` document a line; documents that carry
    /// `attributions` (the PolNeAR format) are scored for reported speech too.
    pub gold: PathBuf,

    /// Which gold attributions count for reported speech (as `attr_score.py --subset`).
    #[arg(long, value_enum, default_value_t = Subset::Speech)]
    pub subset: Subset,

    /// Which gold quotes count.
    #[arg(long, value_enum, default_value_t = Kind::Direct)]
    pub kind: Kind,

    /// Print this many attribution errors.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,

    /// Print only the scores' JSON object (attribution errors then go to stderr).
    #[arg(long)]
    pub json: bool,

    /// Score these predictions (`saywho extract --format jsonl` output) instead of running the engine.
    #[arg(long, value_name = "PRED.jsonl")]
    pub pred: Option<PathBuf>,

    /// Also print the reliability table (confidence bins, count, accuracy), the expected
    /// calibration error, and the share of right names by what the attributions rest on.
    #[arg(long)]
    pub reliability: bool,

    /// Key naming the person behind pronoun and nameless gold mentions
    /// (`{id, start, end, canonical, resolvable}` a line); adds `resolved_acc`.
    #[arg(long, value_name = "KEY.jsonl")]
    pub canonical: Option<PathBuf>,

    #[command(flatten)]
    pub limit: LineLimit,
}

/// A number from 0 to 1.
fn parse_unit_interval(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}
