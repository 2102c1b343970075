//! Work on many threads, results in input order, memory bounded: the pipeline behind
//! `saywho extract --jobs N`.
//!
//! One thread reads the items and groups consecutive ones into batches, `jobs` workers turn
//! batches into results, and the caller's thread hands the results on in the order the items
//! were read. At most [`window`]`(jobs)` batches are between being read and being handed on, so
//! one slow document holds back a few results behind it instead of letting a long stream pile
//! up in memory.

use std::collections::BTreeMap;
use std::io;
use std::mem;
use std::num::NonZeroUsize;
use std::thread;

use crossbeam_channel::{bounded, Receiver, Sender};

/// How many batches may be read but not yet handed on: enough that the workers never wait for
/// a slow neighbour's result to be written, few enough that memory stays a few batches a worker.
pub fn window(jobs: usize) -> usize {
    4 * jobs
}

/// How much work (in the caller's unit, input bytes for `extract`) a batch gathers while the
/// workers are busy: enough that handing batches between threads costs little next to the
/// work, little enough that a batch is a handful of news articles.
pub const BATCH_COST: usize = 64 * 1024;

/// The number of threads `--jobs` defaults to: the cores this process may use.
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// Runs `work` on every item that `items()` yields, on `jobs` threads, and passes each result
/// to `emit` in the order of the items. With one job everything runs on the calling thread.
///
/// Items go to the workers in batches of about [`BATCH_COST`] by `cost`, but a batch goes as
/// soon as a worker is idle, so a slow stream's items are not held back to fill one.
/// `items` is called on the reading thread, so the iterator it builds need not be `Send` (a
/// locked stdin). An error from `emit` stops the reading and the workers and is returned; the
/// items already read are dropped.
pub fn in_order<T, R, I>(
    jobs: usize,
    items: impl FnOnce() -> I + Send,
    cost: impl Fn(&T) -> usize + Send,
    work: impl Fn(T) -> R + Sync,
    emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    I: Iterator<Item = T>,
    T: Send,
    R: Send,
{
    if jobs <= 1 {
        return items().map(work).try_for_each(emit);
    }
    let window = window(jobs);
    // A ticket is taken for each batch sent and given back when its results are handed on.
    let (ticket_tx, ticket_rx) = bounded::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("the channel holds a full window");
    }
    let (task_tx, task_rx) = bounded::<(usize, Vec<T>)>(window);
    let (done_tx, done_rx) = bounded::<(usize, Vec<R>)>(window);
    thread::scope(|scope| {
        scope.spawn(move || {
            let send = |seq, batch| ticket_rx.recv().is_ok() && task_tx.send((seq, batch)).is_ok();
            let (mut batch, mut batch_cost, mut seq) = (Vec::new(), 0, 0);
            for item in items() {
                batch_cost += cost(&item);
                batch.push(item);
                if batch_cost >= BATCH_COST || task_tx.is_empty() {
                    if !send(seq, mem::take(&mut batch)) {
                        return;
                    }
                    (batch_cost, seq) = (0, seq + 1);
                }
            }
            if !batch.is_empty() {
                send(seq, batch);
            }
        });
        for _ in 0..jobs {
            let (task_rx, done_tx, work) = (task_rx.clone(), done_tx.clone(), &work);
            scope.spawn(move || {
                for (seq, batch) in task_rx {
                    let results = batch.into_iter().map(work).collect();
                    if done_tx.send((seq, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop((task_rx, done_tx));
        // Ends (dropping the ticket sender and the result receiver) before the scope joins the
        // threads, so that an error from `emit` lets them stop.
        emit_in_order(done_rx, ticket_tx, emit)
    })
}

/// Hands the results on by sequence number as their batches complete, giving back a ticket for
/// each batch.
fn emit_in_order<R>(
    done: Receiver<(usize, Vec<R>)>,
    tickets: Sender<()>,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (seq, results) in done {
        waiting.insert(seq, results);
        while let Some(results) = waiting.remove(&next) {
            results.into_iter().try_for_each(&mut emit)?;
            next += 1;
            // The reader may have stopped already; a ticket it will not take is harmless.
            let _ = tickets.send(());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order_for_any_number_of_jobs_and_batch_sizes() {
        for (jobs, item_cost) in [(1, 1), (2, 1), (3, 1000), (8, BATCH_COST)] {
            let mut seen = Vec::new();
            in_order(
                jobs,
                || 0..2000u64,
                |_| item_cost,
                // Later items finish first: the order must come from the sequence, not timing.
                |n| {
                    if n % 97 == 0 {
                        thread::sleep(Duration::from_millis(1));
                    }
                    n * n
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..2000u64).map(|n| n * n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_slow_first_item_holds_back_at_most_a_window_of_batches() {
        // Items of a quarter batch each: at most four items a batch.
        for (item_cost, per_batch) in [(BATCH_COST, 1), (BATCH_COST / 4, 4)] {
            let read = AtomicUsize::new(0);
            let mut most_ahead = 0;
            let mut emitted = 0;
            in_order(
                2,
                || {
                    (0..400usize).inspect(|_| {
                        read.fetch_add(1, Ordering::SeqCst);
                    })
                },
                |_| item_cost,
                |n| {
                    if n == 0 {
                        thread::sleep(Duration::from_millis(50));
                    }
                    n
                },
                |_| {
                    most_ahead = most_ahead.max(read.load(Ordering::SeqCst) - emitted);
                    emitted += 1;
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(emitted, 400);
            // The window, plus the batch the reader gathers while it waits for a ticket.
            let bound = (window(2) + 1) * per_batch;
            assert!(most_ahead <= bound, "{most_ahead} items read ahead");
        }
    }

    #[test]
    fn a_slow_stream_is_not_held_back_to_fill_a_batch() {
        let (first_emitted_tx, first_emitted) = bounded::<()>(1);
        let mut emitted = Vec::new();
        in_order(
            2,
            || {
                (0..3u32).inspect(move |&n| {
                    if n == 1 {
                        // The next item comes only once the first result is out (a guard, not
                        // a time budget: a minute means it never would).
                        let out = first_emitted.recv_timeout(Duration::from_secs(60));
                        assert!(out.is_ok(), "the first item waits for a full batch");
                    }
                })
            },
            |_| 1,
            |n| n,
            |n| {
                if n == 0 {
                    let _ = first_emitted_tx.send(());
                }
                emitted.push(n);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(emitted, [0, 1, 2]);
    }

    #[test]
    fn an_emit_error_stops_the_reading_of_an_endless_stream() {
        let mut emitted = 0;
        let err = in_order(
            2,
            || 0u64..,
            |_| 1,
            |n| n,
            |_| {
                emitted += 1;
                if emitted == 5 {
                    return Err(io::Error::from(io::ErrorKind::BrokenPipe));
                }
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(emitted, 5);
    }
}
