//! The commands, each turning resolved arguments into work on the engine.

mod eval;
mod extract;
mod read;

pub use eval::eval;
pub use extract::extract;
pub use read::read;

/// Runs the engine, turning a panic into an error message so that one bad document does not end
/// a batch run (the panic message itself has already gone to stderr).
pub(crate) fn analyze_guarded(text: String) -> Result<saywho_core::Document, String> {
    guarded(move || saywho_core::analyze(text))
}

/// [`analyze_guarded`] for a [`saywho_core::Source`]: its structured headings win (see
/// [`saywho_core::analyze_source`]).
pub(crate) fn analyze_source_guarded(
    source: &mut saywho_core::Source,
) -> Result<saywho_core::Document, String> {
    // The source is not read again if the engine panics, so unwinding cannot expose it broken.
    guarded(std::panic::AssertUnwindSafe(|| {
        saywho_core::analyze_source(source)
    }))
}

fn guarded<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> Result<T, String> {
    std::panic::catch_unwind(f).map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}
