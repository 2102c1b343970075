//! The features end to end in a real pseudo-terminal (tmux): `y` sends the citation to the
//! terminal as OSC 52 (the raw bytes read back from the pane) or names the file it went to, a
//! correction survives quitting and reopening (and `extract --corrections --format gold` carries
//! it), and `e` writes the digest. Every test kills the reader it started by its pid when it
//! ends, passed or failed. Skips with a note when tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use base64::Engine;

/// A failure bound for waits, not a budget.
const PATIENCE: Duration = Duration::from_secs(20);

/// One tmux server with one pane running the reader; the server and the reader (by pid) are
/// ended on drop.
struct Pane {
    socket: String,
    pid: Option<String>,
}

impl Pane {
    /// Runs `saywho ARGS` in `dir` (its working and state directory), `env` before it.
    fn start(name: &str, dir: &Path, env: &str, args: &str) -> Option<Pane> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
            return None;
        }
        let bin = env!("CARGO_BIN_EXE_saywho");
        let pid_file = dir.join(format!("{name}.pid"));
        let _ = std::fs::remove_file(&pid_file);
        let cmd = format!(
            "cd '{d}' && export XDG_STATE_HOME='{d}' {env}; sh -c \"echo \\$\\$ > '{p}'; exec '{bin}' {args}\"; echo READER-EXIT=$?; sleep 60",
            d = dir.display(),
            p = pid_file.display(),
        );
        let mut pane = Pane {
            socket: format!("saywho-feat-{}-{name}", std::process::id()),
            pid: None,
        };
        let out = pane.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "160",
            "-y",
            "40",
            "sh",
            "-c",
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let start = Instant::now();
        pane.pid = loop {
            match std::fs::read_to_string(&pid_file) {
                Ok(p) if !p.trim().is_empty() => break Some(p.trim().to_string()),
                _ => assert!(start.elapsed() < PATIENCE, "no pid file"),
            }
            sleep(Duration::from_millis(20));
        };
        Some(pane)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success());
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let out = self.tmux(&["capture-pane", "-p", "-t", "t"]);
            let screen = String::from_utf8_lossy(&out.stdout).into_owned();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// From now on, what the reader writes to the terminal is copied, raw, to `file`.
    fn record_output(&self, file: &Path) {
        let pipe = format!("cat >> '{}'", file.display());
        assert!(self
            .tmux(&["pipe-pane", "-O", "-t", "t", &pipe])
            .status
            .success());
    }

    fn quit(&self) {
        self.keys(&["q"]);
        self.wait_for("READER-EXIT=0");
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        if let Some(pid) = &self.pid {
            let _ = Command::new("kill").args(["-KILL", pid]).output();
        }
        let _ = self.tmux(&["kill-server"]);
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("saywho-feat-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
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
    let Some(pane) = Pane::start("osc52", &dir, "", "") else {
        return;
    };
    pane.wait_for("seed-ukraine-talks.txt");
    let raw = dir.join("raw.out");
    pane.record_output(&raw);
    pane.keys(&["]", "y"]);
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
    let Some(pane) = Pane::start("clipfile", &dir, "SAYWHO_CLIPBOARD=file", "") else {
        return;
    };
    pane.wait_for("seed-ukraine-talks.txt");
    pane.keys(&["]", "y"]);
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
    let Some(pane) = Pane::start("correct1", &dir, "", "") else {
        return;
    };
    pane.wait_for("seed-ukraine-talks.txt");
    pane.keys(&["]", "a"]);
    pane.wait_for("Who said it?");
    pane.keys(&["-l", "Jo Quinn"]);
    pane.wait_for("new speaker: Jo Quinn");
    pane.keys(&["Enter"]);
    pane.wait_for("Jo Quinn  ✎ corrected");
    pane.quit();
    drop(pane);
    let Some(pane) = Pane::start("correct2", &dir, "", "") else {
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
    let Some(pane) = Pane::start("export", &dir, "", "") else {
        return;
    };
    pane.wait_for("seed-ukraine-talks.txt");
    pane.keys(&["e"]);
    pane.wait_for("digest written to");
    let file = dir.join("saywho-seed-ukraine-talks-txt.md");
    let digest = std::fs::read_to_string(&file).unwrap();
    assert!(digest.starts_with("# seed-ukraine-talks.txt\n"), "{digest}");
    assert!(digest.contains(" quotes)\n"), "{digest}");
    pane.quit();
    let _ = std::fs::remove_dir_all(&dir);
}
