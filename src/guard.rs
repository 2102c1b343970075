//! The one panic guard: the engine runs under it so that a bug on one document is an error for
//! that document (the batch goes on, the reader shows the message) instead of the end of the run.

use std::panic::{catch_unwind, AssertUnwindSafe, UnwindSafe};

use saywho_core::{Document, Source};

/// Runs `f`, turning a panic into its message (`panic` when it carries none).
pub fn guarded<T>(f: impl FnOnce() -> T + UnwindSafe) -> Result<T, String> {
    catch_unwind(f).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

/// [`saywho_core::analyze`] under the guard.
pub fn analyze_guarded(text: String) -> Result<Document, String> {
    guarded(move || saywho_core::analyze(text))
}

/// [`saywho_core::analyze_source`] under the guard: a web page's or Markdown file's own headings
/// win.
pub fn analyze_source_guarded(source: &mut Source) -> Result<Document, String> {
    // The source is not read again if the engine panics, so unwinding cannot expose it broken.
    guarded(AssertUnwindSafe(|| saywho_core::analyze_source(source)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panic_message_is_kept() {
        assert_eq!(guarded(|| 3), Ok(3));
        // The panic messages also reach the test's captured stderr through the default hook.
        let fixed = guarded(|| -> u8 { panic!("the quote ended twice") });
        let formatted = guarded(|| -> u8 { panic!("quote {} ended twice", 2) });
        assert_eq!(fixed, Err("the quote ended twice".to_string()));
        assert_eq!(formatted, Err("quote 2 ended twice".to_string()));
    }
}
