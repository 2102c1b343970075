//! `saywho extract --jobs N`: the same bytes on stdout and stderr for any N, messages with the
//! right line numbers in input order (a closed pipe: `closed_stdout_ends_quietly` in cli.rs).

mod cli_support;

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Output, Stdio};

use cli_support::{saywho, scratch, write};

/// A generated corpus of varied articles (lengths differ a fortyfold, so that workers finish
/// out of order) with bad lines among them: not JSON, no text, a blank line.
fn corpus() -> String {
    let speakers = [
        "Anna Berg",
        "Tom Ruiz",
        "the minister",
        "Lee Chan",
        "a spokesman",
    ];
    let mut out = String::new();
    for i in 0..120usize {
        let who = speakers[i % speakers.len()];
        let mut text = format!("Report {i}\n\nThe council met on Monday. ");
        for k in 0..(1 + (i * 37) % 40) {
            text.push_str(&format!(
                "“We will finish road {k} by spring,” {who} said. \"It is early,\" she added. \
                 According to {who}, the budget is tight. "
            ));
        }
        out.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        out.push('\n');
        match i {
            17 => out.push_str("{not json\n"),
            90 => out.push_str("{\"id\": \"no-text\"}\n"),
            100 => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn extract(args: &[&str], files: &[impl AsRef<OsStr>], jobs: usize) -> Output {
    saywho()
        .arg("extract")
        .args(args)
        .arg(format!("--jobs={jobs}"))
        .args(files)
        .output()
        .unwrap()
}

#[test]
fn jsonl_output_is_the_same_bytes_for_any_number_of_jobs() {
    let dir = scratch("jobs-same");
    let path = write(&dir, "corpus.jsonl", corpus());
    for format in ["jsonl", "json", "csv", "markdown", "text"] {
        let args = ["--input", "jsonl", "--format", format];
        let one = extract(&args, &[&path], 1);
        assert_eq!(one.status.code(), Some(1), "the bad lines fail the run");
        assert!(one.stdout.len() > 10_000, "{format}: output expected");
        for jobs in [2, 4] {
            let many = extract(&args, &[&path], jobs);
            assert_eq!(many.status.code(), Some(1));
            assert!(
                one.stdout == many.stdout,
                "{format}: stdout differs, --jobs {jobs}"
            );
            assert_eq!(
                String::from_utf8_lossy(&one.stderr),
                String::from_utf8_lossy(&many.stderr),
                "{format}: stderr differs, --jobs {jobs}"
            );
        }
    }
}

#[test]
fn bad_lines_are_reported_once_each_with_their_line_numbers_in_order() {
    let dir = scratch("jobs-lines");
    let path = write(&dir, "corpus.jsonl", corpus());
    let out = extract(&["--input", "jsonl", "--format", "jsonl"], &[&path], 4);
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    let name = path.display();
    // Line 19 is `{not json` (after 18 articles); line 93 has no text (after 91 articles and
    // the line before it).
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("saywho: {name}:19: invalid JSON")),
        "{err}"
    );
    assert_eq!(lines[1], format!("saywho: {name}:93: no \"text\" field"));
    let ids: Vec<u64> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(
        ids,
        (0..120).collect::<Vec<_>>(),
        "every article once, in order"
    );
}

/// Text files, one missing between them: results in the order given, the missing one reported
/// in its place.
#[test]
fn many_files_keep_their_order() {
    let dir = scratch("jobs-files");
    let mut files: Vec<PathBuf> = (0..12)
        .map(|i| {
            let body = "“We will win,” Anna Berg said. ".repeat(1 + i * 20);
            write(&dir, &format!("{i:02}.txt"), body)
        })
        .collect();
    files.insert(5, dir.join("missing.txt"));
    files.insert(9, dir.clone());
    let one = extract(&["--format", "jsonl"], &files, 1);
    let many = extract(&["--format", "jsonl"], &files, 3);
    assert_eq!(many.status.code(), Some(1));
    assert!(one.stdout == many.stdout);
    assert_eq!(one.stderr, many.stderr);
    let ids: Vec<String> = String::from_utf8(many.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let expected: Vec<String> = files
        .iter()
        .filter(|p| p.is_file())
        .map(|p| format!("{:?}", p.display().to_string()))
        .collect();
    assert_eq!(ids, expected);
    let err = String::from_utf8(many.stderr).unwrap();
    assert!(err.lines().next().unwrap().contains("missing.txt"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[test]
fn zero_jobs_is_a_usage_error() {
    let out = saywho()
        .args(["extract", "--jobs", "0", "--input", "jsonl"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--jobs"), "{err}");
}

/// A stream that trickles in (a feed piped in line by line) gets each result as soon as it is
/// analysed, not when a batch fills or the input ends.
#[test]
fn a_trickling_stream_gets_each_result_at_once() {
    use std::io::{BufRead, BufReader, Write};
    /// Kills the child by its pid however the test ends.
    struct Killed(std::process::Child);
    impl Drop for Killed {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Killed(
        saywho()
            .args([
                "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", "2",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut stdin = child.0.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.0.stdout.take().unwrap());
    let (line_tx, line_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = String::new();
        let _ = stdout.read_line(&mut line);
        let _ = line_tx.send(line);
    });
    writeln!(
        stdin,
        "{{\"id\": 1, \"text\": \"“We will win,” Anna Berg said.\"}}"
    )
    .unwrap();
    stdin.flush().unwrap();
    // stdin stays open: the result must come anyway (a minute is a guard against a hang).
    let line = line_rx.recv_timeout(std::time::Duration::from_secs(60));
    drop(child);
    reader.join().unwrap();
    let line = line.expect("no result while the input was still open");
    assert!(line.starts_with("{\"id\":1,"), "{line}");
}
