//! The commands, each turning resolved arguments into work on the engine.

mod eval;
mod extract;
mod read;

pub use eval::eval;
pub use extract::extract;
pub use read::read;
