//! Work on many threads, results in input order, memory bounded: the pipeline behind
//! `saywho extract --jobs N`.
//!
//! One thread reads the items, `jobs` workers turn them into results, and the caller's thread
//! hands the results on in the order the items were read. At most [`window`]`(jobs)` items are
//! between being read and being handed on, so one slow document holds back at most that many
//! results behind it instead of letting a long stream pile up in memory.

use std::collections::BTreeMap;
use std::io;
use std::num::NonZeroUsize;
use std::thread;

use crossbeam_channel::{bounded, Receiver, Sender};

/// How many items may be read but not yet handed on: enough that the workers never wait for a
/// slow neighbour's result to be written, few enough that memory stays a few documents a worker.
pub fn window(jobs: usize) -> usize {
    4 * jobs
}

/// The number of threads `--jobs` defaults to: the cores this process may use.
pub fn default_jobs() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// Runs `work` on every item that `items()` yields, on `jobs` threads, and passes each result
/// to `emit` in the order of the items. With one job everything runs on the calling thread.
///
/// `items` is called on the reading thread, so the iterator it builds need not be `Send` (a
/// locked stdin). An error from `emit` stops the reading and the workers and is returned; the
/// items already read are dropped.
pub fn in_order<T, R, I>(
    jobs: usize,
    items: impl FnOnce() -> I + Send,
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
    // A ticket is taken for each item read and given back when its result is handed on.
    let (ticket_tx, ticket_rx) = bounded::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("the channel holds a full window");
    }
    let (task_tx, task_rx) = bounded::<(usize, T)>(window);
    let (done_tx, done_rx) = bounded::<(usize, R)>(window);
    thread::scope(|scope| {
        scope.spawn(move || {
            for (seq, item) in items().enumerate() {
                if ticket_rx.recv().is_err() || task_tx.send((seq, item)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..jobs {
            let (task_rx, done_tx, work) = (task_rx.clone(), done_tx.clone(), &work);
            scope.spawn(move || {
                for (seq, item) in task_rx {
                    if done_tx.send((seq, work(item))).is_err() {
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

/// Hands the results on by sequence number as they complete, giving back a ticket for each.
fn emit_in_order<R>(
    done: Receiver<(usize, R)>,
    tickets: Sender<()>,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (seq, result) in done {
        waiting.insert(seq, result);
        while let Some(result) = waiting.remove(&next) {
            emit(result)?;
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
    fn results_come_in_input_order_for_any_number_of_jobs() {
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            in_order(
                jobs,
                || 0..200u64,
                // Later items finish first: the order must come from the sequence, not timing.
                |n| {
                    if n % 7 == 0 {
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
            assert_eq!(seen, (0..200u64).map(|n| n * n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_slow_first_item_holds_back_at_most_a_window_of_items() {
        let read = AtomicUsize::new(0);
        let mut most_ahead = 0;
        let mut emitted = 0;
        in_order(
            2,
            || {
                (0..100usize).inspect(|_| {
                    read.fetch_add(1, Ordering::SeqCst);
                })
            },
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
        assert_eq!(emitted, 100);
        // The window plus the one item the reader may hold while it waits for a ticket.
        assert!(most_ahead <= window(2) + 1, "{most_ahead} items read ahead");
    }

    #[test]
    fn an_emit_error_stops_the_reading_of_an_endless_stream() {
        let mut emitted = 0;
        let err = in_order(
            2,
            || 0u64..,
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
