//! The `saywho` command: parse the command line, run the chosen command, map errors to exit codes.

mod cli;
mod commands;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::error::ContextValue;
use clap::Parser;

use cli::{Cli, Command};
use commands::warn;
use saywho_core::export::safe::{one_line, sanitize};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    if cli.command.is_some() {
        if let Some(e) = commands::stdout_closed() {
            warn(format_args!("stdout: {e}"));
            return ExitCode::from(1);
        }
    }
    let result = match cli.command {
        Some(Command::Extract(args)) => commands::extract(args),
        Some(Command::Eval(args)) => commands::eval(args),
        None => commands::read(cli.read),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            warn(format_args!("{err:#}"));
            ExitCode::from(1)
        }
    }
}

/// Prints what clap has to say: help and version on stdout (exit code 1 when it cannot be
/// written), a usage error on stderr with what the user typed shown safely (exit code 2).
fn clap_error(mut e: clap::Error) -> ExitCode {
    if !e.use_stderr() {
        let printed = match commands::stdout_closed() {
            Some(closed) => Err(closed),
            None => e.print().and_then(|()| io::stdout().flush()),
        };
        return match printed {
            Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
                warn(format_args!("stdout: {err}"));
                ExitCode::from(1)
            }
            _ => ExitCode::SUCCESS,
        };
    }
    // The values quoted in the message (an invalid value, an unknown argument) stay on one line.
    let quoted: Vec<_> = e
        .context()
        .filter_map(|(kind, value)| match value {
            ContextValue::String(s) => Some((kind, ContextValue::String(one_line(s).into()))),
            ContextValue::Strings(v) => Some((
                kind,
                ContextValue::Strings(v.iter().map(|s| one_line(s).into()).collect()),
            )),
            _ => None,
        })
        .collect();
    for (kind, value) in quoted {
        e.insert(kind, value);
    }
    let message = e.render().to_string();
    let _ = io::stderr().lock().write_all(sanitize(&message).as_bytes());
    ExitCode::from(e.exit_code().clamp(0, 255) as u8)
}
