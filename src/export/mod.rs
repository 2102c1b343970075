//! Output formats and scoring against gold annotations.
