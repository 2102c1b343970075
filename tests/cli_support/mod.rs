//! What the command-line tests share: the binary, a scratch folder, a file in it.
#![allow(dead_code)] // each test crate uses its own subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The `saywho` binary under test.
pub fn saywho() -> Command {
    Command::new(env!("CARGO_BIN_EXE_saywho"))
}

/// A fresh scratch folder for one test, unique to this process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("saywho-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// What a run printed on stdout, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// What a run printed on stderr, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// What a run printed on stdout, as one JSON value.
pub fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// Runs `saywho ARGS` with `stdin` fed from another thread (so a large output cannot block it).
pub fn run_with_stdin(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = saywho()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.as_ref().to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

/// Every quote's offsets address its text (characters for start/end, bytes for byte_*), every
/// mention's too, and speakers and their counts agree with the quotes.
pub fn check_offsets(text: &str, result: &Value) {
    let chars: Vec<char> = text.chars().collect();
    for q in result["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        let (bs, be) = (
            q["byte_start"].as_u64().unwrap() as usize,
            q["byte_end"].as_u64().unwrap() as usize,
        );
        let by_chars: String = chars[s..e].iter().collect();
        assert_eq!(by_chars, q["text"].as_str().unwrap());
        assert_eq!(&text[bs..be], q["text"].as_str().unwrap());
        assert!(matches!(q["kind"].as_str(), Some("direct" | "partial")));
        for key in ["speaker", "speaker_id", "mention", "cue", "rule"] {
            assert!(q.get(key).is_some(), "quote lacks {key}: {q}");
        }
        if q["speaker"].is_null() {
            assert!(q["speaker_id"].is_null() && q["mention"].is_null() && q["cue"].is_null());
        } else {
            let id = &q["speaker_id"];
            let sp = result["speakers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| &s["id"] == id);
            assert_eq!(sp.expect("speaker listed")["name"], q["speaker"]);
        }
        if let Some(m) = q["mention"].as_object() {
            let (ms, me) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let t: String = chars[ms..me].iter().collect();
            assert_eq!(t, m["text"].as_str().unwrap());
        }
    }
    for s in result["speakers"].as_array().unwrap() {
        let n = result["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| q["speaker_id"] == s["id"])
            .count();
        assert!(n >= 1);
        assert_eq!(s["quotes"].as_u64().unwrap() as usize, n);
    }
}

/// Every line of `stderr` is a `saywho: ` message with no control character in it (escape
/// sequences, carriage returns, C1 controls all shown as placeholders), and there are `lines`.
pub fn assert_tame_messages(stderr: &[u8], lines: usize) {
    let text = String::from_utf8_lossy(stderr);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            c != '\n' && (c.is_control() || saywho_core::export::safe::placeholder(c).is_some())
        })
        .collect();
    assert!(bad.is_empty(), "{bad:?} reached stderr: {text:?}");
    for line in text.lines() {
        assert!(line.starts_with("saywho: "), "{text:?}");
    }
    assert_eq!(text.lines().count(), lines, "{text:?}");
}

/// The command failed (exit 1) with `lines` tame messages, one of them holding `needle`.
pub fn assert_fails_with(out: &Output, lines: usize, needle: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert_tame_messages(&out.stderr, lines);
    assert!(
        stderr(out).contains(needle),
        "{needle:?} not in {}",
        stderr(out)
    );
}
