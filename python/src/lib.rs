//! `saywho._saywho`: the engine crate for Python. Every result leaves as the JSON text that
//! `saywho extract` prints (the engine's own export), which `saywho/__init__.py` turns into
//! Python objects, so the two can never disagree.
//!
//! The engine runs with the GIL released and under a panic guard: a bug on one document is a
//! `saywho.EngineError`, never a crash of the interpreter.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyIsADirectoryError, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use serde_json::value::RawValue;

use saywho_core::export::DocResult;
use saywho_core::ingest::jsonl::Id;
use saywho_core::Error;

create_exception!(
    _saywho,
    EngineError,
    PyRuntimeError,
    "The engine failed on a document (a bug in saywho; the message says where)."
);

/// Runs `f`, turning a panic into its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

/// The id given as JSON text (`null` when none), checked.
fn parse_id(id_json: Option<String>) -> PyResult<Id> {
    match id_json {
        None => Ok(Id::null()),
        Some(json) => RawValue::from_string(json)
            .map(Id::from)
            .map_err(|e| PyValueError::new_err(format!("the id is not JSON: {e}"))),
    }
}

/// The result of one text as `saywho extract` JSON, or the engine's panic message.
fn analyze_json(text: String, id: Id) -> Result<String, String> {
    guarded(move || {
        let doc = saywho_core::analyze(text);
        serde_json::to_string(&DocResult::new(id, &doc)).expect("a DocResult always serializes")
    })
}

/// extract_json(text, id_json=None) -> str: one text's result as JSON.
#[pyfunction]
#[pyo3(signature = (text, id_json=None))]
fn extract_json(py: Python<'_>, text: String, id_json: Option<String>) -> PyResult<String> {
    let id = parse_id(id_json)?;
    py.detach(|| analyze_json(text, id))
        .map_err(|msg| EngineError::new_err(format!("the engine failed: {msg}")))
}

/// read_json(path) -> str: a text, HTML or Markdown file's result as JSON, like
/// `saywho extract PATH` (id: the path as given; title, byline and headings from the file).
#[pyfunction]
fn read_json(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    // The OS's own error first, so that Python gets FileNotFoundError, PermissionError, ...
    std::fs::metadata(&path)?;
    py.detach(|| {
        let mut src = saywho_core::ingest::read_path(&path).map_err(read_error)?;
        guarded(|| {
            let doc = saywho_core::analyze_source(&mut src);
            let id = serde_json::Value::String(src.name.clone());
            let result = DocResult::new(id, &doc).with_source(&src);
            serde_json::to_string(&result).expect("a DocResult always serializes")
        })
        .map_err(|msg| EngineError::new_err(format!("{}: the engine failed: {msg}", src.name)))
    })
}

fn read_error(e: Error) -> PyErr {
    let message = e.to_string();
    match e {
        Error::Directory { .. } => PyIsADirectoryError::new_err(message),
        Error::Binary { .. } => PyValueError::new_err(message),
        Error::Io { .. } => PyOSError::new_err(message),
    }
}

/// A pool of threads that analyses batches of documents in parallel, in order.
#[pyclass(frozen)]
struct Pool {
    threads: rayon::ThreadPool,
}

#[pymethods]
impl Pool {
    #[new]
    fn new(jobs: usize) -> PyResult<Pool> {
        if jobs == 0 {
            return Err(PyValueError::new_err("jobs must be at least 1"));
        }
        let threads = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start threads: {e}")))?;
        Ok(Pool { threads })
    }

    /// extract_batch(items, first=0) -> list[str]: the JSON result of each `(text, id_json)` in
    /// order; an engine failure raises EngineError naming the document's position (`first` is
    /// the batch's first).
    #[pyo3(signature = (items, first=0))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        items: Vec<(String, Option<String>)>,
        first: usize,
    ) -> PyResult<Vec<String>> {
        let items = items
            .into_iter()
            .map(|(text, id_json)| Ok((text, parse_id(id_json)?)))
            .collect::<PyResult<Vec<_>>>()?;
        let results: Vec<Result<String, String>> = py.detach(|| {
            self.threads.install(|| {
                items
                    .into_par_iter()
                    .map(|(text, id)| analyze_json(text, id))
                    .collect()
            })
        });
        results
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                r.map_err(|msg| {
                    let position = first + i;
                    EngineError::new_err(format!("document {position}: the engine failed: {msg}"))
                })
            })
            .collect()
    }
}

#[pymodule]
fn _saywho(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(read_json, m)?)?;
    m.add_class::<Pool>()?;
    m.add("EngineError", m.py().get_type::<EngineError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
