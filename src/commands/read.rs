//! `saywho [FILE]...`: the reader.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{ColorChoice, ReadArgs};
use saywho::tui::library::{is_jsonl, Library};
use saywho::tui::shelf::Shelf;
use saywho::tui::state::{self, StateStore};
use saywho::tui::{self, Options, Theme};
use saywho_core::ingest;

/// Finds the articles and runs the reader; articles are analysed when first shown.
///
/// With several paths, one that cannot be opened does not stop the others: the reader opens on
/// the rest, says so in the status bar, and the errors are printed on stderr once the terminal
/// is restored (with the notices about how articles were read). The exit code is 1 when a path
/// could not be opened (as for `extract`), else 0.
pub fn read(args: ReadArgs) -> Result<ExitCode> {
    let (library, mut errors) = load(&args)?;
    errors.extend_from_slice(library.errors());
    if library.is_empty_library() {
        print_lines(&errors);
        anyhow::bail!("no readable files to open");
    }
    if !std::io::stdout().is_terminal() {
        print_lines(&errors);
        anyhow::bail!(
            "the reader needs a terminal; use `saywho extract` for output to a pipe or file"
        );
    }
    let mono = match args.color {
        ColorChoice::Never => true,
        ColorChoice::Always => {
            ratatui::crossterm::style::force_color_output(true);
            false
        }
        // A terminal without colours (`TERM=dumb`) reads as NO_COLOR.
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
                || !tui::caps::Caps::from_env().color
        }
    };
    let theme = if mono { Theme::MONO } else { Theme::COLOR };
    let skipped = library.skipped();
    let list = !library.is_single_article();
    let mut notices = Vec::new();
    if skipped > 0 {
        notices.push(format!("skipped {skipped} hidden or binary file(s)"));
    }
    match errors.as_slice() {
        [] => {}
        [one] => notices.push(format!("cannot open {one}")),
        many => notices.push(format!(
            "cannot open {} paths (listed on exit): {}",
            many.len(),
            many[0]
        )),
    }
    let mut shelf = Shelf::new(Box::new(library), theme, list)
        .with_notice((!notices.is_empty()).then(|| notices.join("; ")));
    if !args.no_state {
        if let Some(dir) = state::default_dir() {
            let (store, notice) = StateStore::open(&dir);
            shelf = shelf.with_state(store, notice);
        }
    }
    let result = tui::run(
        &mut shelf,
        Options {
            theme,
            mouse: !args.no_mouse,
        },
    );
    // The terminal is back: now the errors and notices can be read.
    let failed = !errors.is_empty();
    let mut lines = errors;
    for line in shelf.report() {
        if !lines.contains(line) {
            lines.push(line.clone());
        }
    }
    if let Some(e) = shelf.save_error() {
        lines.push(e.to_string());
    }
    print_lines(&lines);
    result.context("terminal")?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_lines(lines: &[String]) {
    for line in lines {
        super::warn(line);
    }
}

/// The articles: one file read at once (so that its errors come before the terminal is taken),
/// several files, directories and JSONL corpora indexed for reading on demand, stdin when piped,
/// else the bundled sample.
/// Also returns the paths refused up front, one error line each.
fn load(args: &ReadArgs) -> Result<(Library, Vec<String>)> {
    let one = |lib| Ok((lib, Vec::new()));
    match args.files.as_slice() {
        [] if std::io::stdin().is_terminal() => one(Library::single(ingest::sample())),
        [] => one(Library::single(ingest::read_stdin()?)),
        [path] if !path.is_dir() && !is_jsonl(path) => {
            one(Library::single(ingest::read_path(path)?))
        }
        many => {
            // A corpus is indexed and read back by offsets: only a regular file can be. Anything
            // else (a FIFO, /dev/zero) would hang the indexing before the reader even starts.
            let (corpora, refused): (Vec<_>, Vec<_>) = many
                .iter()
                .partition(|p| !is_jsonl(p) || !p.exists() || p.is_file());
            let corpora: Vec<PathBuf> = corpora.into_iter().cloned().collect();
            let refused = refused
                .iter()
                .map(|p| format!("{}: not a regular file", p.display()))
                .collect();
            Ok((Library::from_paths(&corpora), refused))
        }
    }
}
