//! `saywho read`.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ReadArgs;

pub fn read(_args: ReadArgs) -> Result<ExitCode> {
    anyhow::bail!("read: not yet implemented")
}
