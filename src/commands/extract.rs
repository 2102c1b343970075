//! `saywho extract`.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ExtractArgs;

pub fn extract(_args: ExtractArgs) -> Result<ExitCode> {
    anyhow::bail!("extract: not yet implemented")
}
