//! Engine throughput: the reference article repeated 200 times (about 1.6 MB).
//!
//! Only the analysis is timed: copying the input text (the engine takes ownership of it) is
//! setup, and the document is dropped outside the timing.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn analyse_large(c: &mut Criterion) {
    let text = saywho_core::ingest::SAMPLE_TEXT.repeat(200);
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("analyze 1.6 MB", |b| {
        b.iter_batched(|| text.clone(), saywho_core::analyze, BatchSize::LargeInput)
    });
    group.finish();
}

criterion_group!(benches, analyse_large);
criterion_main!(benches);
