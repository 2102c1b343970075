//! `saywho [FILE]...`: the reader.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{ColorChoice, ReadArgs};
use saywho::input;
use saywho::tui::library::{is_jsonl, Library};
use saywho::tui::shelf::Shelf;
use saywho::tui::state::{self, StateStore};
use saywho::tui::{self, Options, Theme};

/// Finds the articles and runs the reader; articles are analysed when first shown.
pub fn read(args: ReadArgs) -> Result<ExitCode> {
    let library = load(&args)?;
    if library.is_empty_library() {
        anyhow::bail!("no readable files to open");
    }
    if !std::io::stdout().is_terminal() {
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
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    let theme = if mono { Theme::MONO } else { Theme::COLOR };
    let skipped = library.skipped();
    let list = !library.is_single_article();
    let mut shelf = Shelf::new(Box::new(library), theme, list)
        .with_notice((skipped > 0).then(|| format!("skipped {skipped} hidden or binary file(s)")));
    if !args.no_state {
        if let Some(dir) = state::default_dir() {
            let (store, notice) = StateStore::open(&dir);
            shelf = shelf.with_state(store, notice);
        }
    }
    tui::run(
        shelf,
        Options {
            theme,
            mouse: !args.no_mouse,
        },
    )
    .context("terminal")?;
    Ok(ExitCode::SUCCESS)
}

/// The articles: one file read at once (so that its errors come before the terminal is taken),
/// several files, directories and JSONL corpora indexed for reading on demand, stdin when piped,
/// else the bundled sample.
fn load(args: &ReadArgs) -> Result<Library> {
    match args.files.as_slice() {
        [] if std::io::stdin().is_terminal() => Ok(Library::single(input::sample())),
        [] => Ok(Library::single(input::read_stdin()?)),
        [one] if !one.is_dir() && !is_jsonl(one) => Ok(Library::single(input::read_path(one)?)),
        many => Library::from_paths(many),
    }
}
