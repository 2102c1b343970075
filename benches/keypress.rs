//! Keypress-to-frame on a ~10 MB article: `App::update` + a full draw on `TestBackend`.
//! The document is the bundled sample, analysed once and tiled to 10 MB.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use saywho::tui::{Action, App, Theme};
use saywho_core::document::{Document, DocumentParts};

/// `doc` repeated until its text reaches `bytes`, quotes and speakers carried along.
fn tile(doc: &Document, bytes: usize) -> Document {
    let n = bytes.div_ceil(doc.text().len() + 1);
    let mut out = DocumentParts {
        speakers: doc.speakers().to_vec(),
        ..DocumentParts::default()
    };
    for _ in 0..n {
        let off = out.text.len();
        out.text.push_str(doc.text());
        out.text.push('\n');
        let shift = |r: &std::ops::Range<usize>| r.start + off..r.end + off;
        out.paragraphs.extend(doc.paragraphs().iter().map(shift));
        out.sentences.extend(doc.sentences().iter().map(shift));
        out.headings.extend(doc.headings().iter().map(shift));
        out.quotes.extend(doc.quotes().iter().map(|q| {
            let mut q = q.clone();
            q.span = shift(&q.span);
            q.mention = q.mention.as_ref().map(shift);
            q.cue = q.cue.as_ref().map(shift);
            q
        }));
        out.reported.extend(doc.reported().iter().map(|r| {
            let mut r = r.clone();
            r.span = shift(&r.span);
            r.mention = r.mention.as_ref().map(shift);
            r.cue = shift(&r.cue);
            r
        }));
    }
    for s in &mut out.speakers {
        s.quote_count *= n;
        s.reported_count *= n;
    }
    Document::new(out).unwrap()
}

fn bench(c: &mut Criterion) {
    let sample = saywho_core::analyze(saywho_core::ingest::SAMPLE_TEXT.to_string());
    let doc = tile(&sample, 10 * 1024 * 1024);
    eprintln!(
        "article: {} bytes, {} quotes",
        doc.text().len(),
        doc.quotes().len()
    );
    let mut app = App::new(doc, "bench", Theme::COLOR);
    app.update(Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    app.update(Action::Bottom);
    app.update(Action::PageUp);
    let mid = Action::Click { col: 87, row: 20 }; // the quote map: jump to the middle
    app.update(mid);
    app.update(Action::SearchStart);
    for c in "Ushakov".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchConfirm);

    let mut group = c.benchmark_group("keypress_to_frame_10MB");
    let mut keys = |name: &str, actions: &[Action]| {
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.update(black_box(actions[i % actions.len()]));
                i += 1;
                terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            })
        });
    };
    keys("j/k line", &[Action::LineDown, Action::LineUp]);
    keys("space/b page", &[Action::PageDown, Action::PageUp]);
    keys(
        "]/[ quote",
        &[Action::NextQuote, Action::NextQuote, Action::PrevQuote],
    );
    keys("G/g ends", &[Action::Bottom, Action::Top]);
    keys(
        "follow 1 then ]",
        &[
            Action::Follow(1),
            Action::NextQuote,
            Action::NextQuote,
            Action::Back,
        ],
    );
    keys(
        "n/N match",
        &[Action::NextMatch, Action::NextMatch, Action::PrevMatch],
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
