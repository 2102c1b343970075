//! `saywho eval`.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::EvalArgs;

pub fn eval(_args: EvalArgs) -> Result<ExitCode> {
    anyhow::bail!("eval: not yet implemented")
}
