//! Where the articles come from ([`Corpus`]) and the thread that reads and analyses them, one at a
//! time, so that the reader serves keys and signals however slow an article is.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

use saywho_core::document::Document;
use saywho_core::ingest::ArticleMeta;

/// Where the articles come from. Reading and analysing happen here, outside the reader.
pub trait Corpus {
    /// How many articles there are.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The title of article `i` (its title, else its file name or id). Should be cheap.
    fn title(&mut self, i: usize) -> String;
    /// Reads and analyses article `i`.
    fn document(&mut self, i: usize) -> Result<Document, String>;
    /// What the user should be told about how article `i` was read, once [`Corpus::document`]
    /// has read it (e.g. `FILE: not UTF-8, read as Windows-1252`).
    fn notice(&mut self, _i: usize) -> Option<String> {
        None
    }
    /// The beginning of article `i` (about [`PREVIEW_BYTES`], cut after a line) if it is already
    /// read (standard input, a single file), to show while [`Corpus::document`] analyses it.
    fn preview(&mut self, _i: usize) -> Option<String> {
        None
    }
    /// The title, byline and date of article `i` as its file gives them, once
    /// [`Corpus::document`] has read it.
    fn meta(&mut self, _i: usize) -> ArticleMeta {
        ArticleMeta::default()
    }
}

/// How much of an article is shown before its analysis is done: many screens, and little enough
/// to wrap at once however long the article.
pub const PREVIEW_BYTES: usize = 128 * 1024;

/// The beginning of `text` for a preview: about [`PREVIEW_BYTES`], cut after a line end (or at a
/// character boundary when there is none).
pub fn preview_of(text: &str) -> &str {
    if text.len() <= PREVIEW_BYTES {
        return text;
    }
    let mut cut = PREVIEW_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    head.rfind('\n').map_or(head, |nl| &text[..nl + 1])
}

/// Ready-made documents, e.g. for tests.
impl Corpus for Vec<(String, Document)> {
    fn len(&self) -> usize {
        <[_]>::len(self)
    }
    fn title(&mut self, i: usize) -> String {
        self[i].0.clone()
    }
    fn document(&mut self, i: usize) -> Result<Document, String> {
        Ok(self[i].1.clone())
    }
}

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
