//! The `saywho` command: parse the command line, run the chosen command, map errors to exit codes.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract(args)) => commands::extract(args),
        Some(Command::Eval(args)) => commands::eval(args),
        None => commands::read(cli.read),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("saywho: {err:#}");
            ExitCode::from(1)
        }
    }
}
