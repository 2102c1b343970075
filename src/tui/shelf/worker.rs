//! The analysis thread of a shelf: article numbers in, analysed articles out, one at a time.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

use saywho_core::document::Document;
use saywho_core::ingest::ArticleMeta;

use super::Corpus;

pub(super) type SharedCorpus = Arc<Mutex<Box<dyn Corpus + Send>>>;

/// An article as the worker hands it back.
pub(super) struct Loaded {
    pub doc: Document,
    pub title: String,
    pub notice: Option<String>,
    pub meta: ArticleMeta,
}

pub(super) type Outcome = (usize, Result<Loaded, String>);

/// Reads and analyses article `i`. The corpus is locked only meanwhile, so the list can look up
/// titles whenever the worker is idle.
pub(super) fn load_one(corpus: &SharedCorpus, i: usize) -> Result<Loaded, String> {
    let mut c = corpus.lock().unwrap_or_else(PoisonError::into_inner);
    let doc = std::panic::catch_unwind(AssertUnwindSafe(|| c.document(i)))
        .map_err(|_| "the analysis failed on this article".to_string())??;
    Ok(Loaded {
        doc,
        title: c.title(i),
        notice: c.notice(i),
        meta: c.meta(i),
    })
}

/// The analysis thread: article numbers in, outcomes out, one at a time.
pub(super) struct Worker {
    jobs: Sender<usize>,
    done: Receiver<Outcome>,
    /// The article being analysed.
    pub busy: Option<usize>,
}

impl Worker {
    pub fn spawn(corpus: SharedCorpus) -> Worker {
        let (jobs, inbox) = mpsc::channel::<usize>();
        let (outbox, done) = mpsc::channel();
        // Ends when the shelf (the sender) is dropped; a process that exits does not wait for it.
        let spawned = std::thread::Builder::new()
            .name("saywho-analysis".into())
            .spawn(move || {
                for i in inbox {
                    if outbox.send((i, load_one(&corpus, i))).is_err() {
                        break;
                    }
                }
            });
        if let Err(e) = spawned {
            // Without a thread every job fails (below) with this error.
            eprintln!("saywho: cannot start the analysis thread: {e}");
        }
        Worker {
            jobs,
            done,
            busy: None,
        }
    }

    pub fn start(&mut self, i: usize) {
        // A send that fails (no thread) shows up in `receive` as a disconnected outbox.
        let _ = self.jobs.send(i);
        self.busy = Some(i);
    }

    /// The outcome of the job in hand, waiting for it when `block`.
    pub fn receive(&mut self, block: bool) -> Option<Outcome> {
        let i = self.busy?;
        let got = if block {
            self.done
                .recv()
                .map_err(|_| mpsc::TryRecvError::Disconnected)
        } else {
            self.done.try_recv()
        };
        match got {
            Ok(outcome) => {
                self.busy = None;
                Some(outcome)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.busy = None;
                Some((i, Err("the analysis thread stopped".to_string())))
            }
        }
    }
}
