//! `saywho [FILE]...`: the reader.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{ColorChoice, ReadArgs};
use saywho::input::{self, Source};
use saywho::tui::{self, Options, Theme};

/// Loads the article(s), analyses once, and runs the reader.
pub fn read(args: ReadArgs) -> Result<ExitCode> {
    let source = load(&args)?;
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
    let doc = saywho::analyze(source.text);
    tui::run(
        doc,
        &source.name,
        Options {
            theme,
            mouse: !args.no_mouse,
        },
    )
    .context("terminal")?;
    Ok(ExitCode::SUCCESS)
}

/// The article: the files given (joined, each under a heading line), stdin when piped, else the
/// bundled sample.
fn load(args: &ReadArgs) -> Result<Source> {
    if args.files.is_empty() {
        return if std::io::stdin().is_terminal() {
            Ok(input::sample())
        } else {
            input::read_stdin()
        };
    }
    let mut sources = args
        .files
        .iter()
        .map(|p| input::read_path(p))
        .collect::<Result<Vec<_>>>()?;
    if sources.len() == 1 {
        return Ok(sources.remove(0));
    }
    let name = format!("{} (+{} more)", sources[0].name, sources.len() - 1);
    let text = sources
        .iter()
        .map(|s| format!("── {} ──\n\n{}", s.name, s.text.trim_end()))
        .collect::<Vec<_>>()
        .join("\n\n");
    let encoding = sources[0].encoding;
    Ok(Source::with_encoding(name, text, encoding))
}
