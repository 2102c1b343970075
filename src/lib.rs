//! The `saywho` application around the engine ([`saywho_core`]): the reader ([`tui`]) and
//! scoring against gold annotations ([`eval`]). The command line itself is the binary.

pub mod corrections;
pub mod eval;
pub mod guard;
pub mod tui;
