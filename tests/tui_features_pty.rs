//! The features end to end in a real pseudo-terminal (tmux): `y` sends the citation to the
//! terminal as OSC 52 (the raw bytes read back from the pane) or names the file it went to, a
//! correction survives quitting and reopening (and `extract --corrections --format gold` carries
//! it), and `e` writes the digest. Every test kills the reader it started by its pid when it
//! ends, passed or failed. Skips with a note when tmux is not installed.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use base64::Engine;

mod pty_support;

use pty_support::{start_reader, temp_dir, Reader, Tmux, PATIENCE};

/// The reader in a pane of its own; both are killed by their pids on drop.
struct Pane {
    tmux: Tmux,
    _reader: Reader,
}

impl Pane {
    /// Runs `saywho` on the bundled sample in `dir` (its working and state directory), `env`
    /// before it, and waits for its first screen.
    fn start(name: &str, dir: &Path, env: &str) -> Option<Pane> {
        let prefix = format!("cd '{}' && {env}", dir.display());
        let (tmux, reader) = start_reader(&format!("feat-{name}"), dir, &prefix, "")?;
        let pane = Pane {
            tmux,
            _reader: reader,
        };
        pane.tmux.wait_for("seed-ukraine-talks.txt");
        Some(pane)
    }

    fn keys(&self, keys: &[&str]) {
        self.tmux.keys(keys);
    }

    fn wait_for(&self, text: &str) -> String {
        self.tmux.wait_for(text)
    }

    /// From now on, what the reader writes to the terminal is copied, raw, to `file`.
    fn record_output(&self, file: &Path) {
        let pipe = format!("cat >> '{}'", file.display());
        assert!(self
            .tmux
            .run(&["pipe-pane", "-O", "-t", "t", &pipe])
            .status
            .success());
    }

    fn quit(&self) {
        self.keys(&["q"]);
        self.wait_for("READER-EXIT=0");
    }
}

/// The payloads of the OSC 52 sequences in `bytes`, decoded.
fn osc52_payloads(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split(['\x07', '\x1b']).next())
        .filter_map(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .map(|raw| String::from_utf8_lossy(&raw).into_owned())
        .collect()
}

#[test]
fn y_sends_the_citation_to_the_terminal_as_osc_52() {
    let dir = temp_dir("osc52");
    let Some(pane) = Pane::start("osc52", &dir, "") else {
        return;
    };
    let raw = dir.join("raw.out");
    pane.record_output(&raw);
    pane.keys(&["r", "]", "y"]);
    pane.wait_for("copied to the clipboard (OSC 52)");
    let start = Instant::now();
    let copied = loop {
        let found = osc52_payloads(&std::fs::read(&raw).unwrap_or_default());
        if let Some(first) = found.into_iter().next() {
            break first;
        }
        assert!(start.elapsed() < PATIENCE, "no OSC 52 sequence written");
        sleep(Duration::from_millis(50));
    };
    assert!(copied.starts_with('“'), "{copied}");
    assert!(copied.contains("” said "), "{copied}");
    assert!(copied.ends_with("(seed-ukraine-talks.txt)"), "{copied}");
    pane.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn y_names_the_file_when_the_terminal_cannot_take_it() {
    let dir = temp_dir("clipfile");
    let Some(pane) = Pane::start("clipfile", &dir, "SAYWHO_CLIPBOARD=file") else {
        return;
    };
    pane.keys(&["r", "]", "y"]);
    pane.wait_for("copied to ");
    let file = dir.join("saywho/clipboard.txt");
    let copied = std::fs::read_to_string(&file).unwrap();
    assert!(copied.contains("” said "), "{copied}");
    pane.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_correction_survives_quit_and_reopen_and_goes_into_the_gold_export() {
    let dir = temp_dir("correct");
    let Some(pane) = Pane::start("correct1", &dir, "") else {
        return;
    };
    pane.keys(&["r", "]", "a"]);
    pane.wait_for("Who said it?");
    pane.keys(&["-l", "Jo Quinn"]);
    pane.wait_for("new speaker: Jo Quinn");
    pane.keys(&["Enter"]);
    pane.wait_for("Jo Quinn  ✎ corrected");
    pane.quit();
    drop(pane);
    let Some(pane) = Pane::start("correct2", &dir, "") else {
        return;
    };
    let screen = pane.wait_for("quote 1/");
    assert!(screen.contains("Jo Quinn  ✎ corrected"), "{screen}");
    pane.quit();
    drop(pane);
    // The same article through extract, with the corrections kept in the state directory.
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/seed-ukraine-talks.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_saywho"))
        .args(["extract", "--format", "gold", "--corrections"])
        .arg(dir.join("saywho"))
        .arg(&sample)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["quotes"][0]["speaker"], "Jo Quinn");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn e_writes_the_digest_and_says_where() {
    let dir = temp_dir("export");
    let Some(pane) = Pane::start("export", &dir, "") else {
        return;
    };
    pane.keys(&["e"]);
    pane.wait_for("digest written to");
    let file = dir.join("saywho-seed-ukraine-talks-txt.md");
    let digest = std::fs::read_to_string(&file).unwrap();
    assert!(digest.starts_with("# seed-ukraine-talks.txt\n"), "{digest}");
    assert!(digest.contains("## Yuri Ushakov (9 quotes"), "{digest}");
    pane.quit();
    let _ = std::fs::remove_dir_all(&dir);
}
