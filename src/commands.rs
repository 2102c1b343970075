//! The three commands, each turning resolved arguments into work on the engine.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{EvalArgs, ExtractArgs, ReadArgs};

pub fn extract(_args: ExtractArgs) -> Result<ExitCode> {
    anyhow::bail!("extract: not yet implemented")
}

pub fn eval(_args: EvalArgs) -> Result<ExitCode> {
    anyhow::bail!("eval: not yet implemented")
}

pub fn read(_args: ReadArgs) -> Result<ExitCode> {
    anyhow::bail!("reader: not yet implemented")
}
