//! The reader against its terminal, in real pseudo-terminals (tmux): the terminal closed under
//! it, signals (SIGQUIT, SIGUSR1, SIGTSTP/SIGCONT, SIGTERM twice), a slow article, an unwritable
//! state directory, and a JSONL path that is not a file. Every test kills the process it started
//! by its pid when it ends, passed or failed. Skips with a note when tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

mod pty_support;

use pty_support::{read_pid, Tmux, PATIENCE};

/// Kills the reader by its pid when the test ends (a reader that ignores the closed terminal
/// would otherwise outlive the test).
struct Reader {
    pid: String,
}

impl Reader {
    fn alive(&self) -> bool {
        // A zombie has exited: only its parent (the pane's shell, maybe gone) has to reap it.
        std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    }

    /// The process state letter (`S`, `R`, `T` stopped, ...).
    fn state(&self) -> Option<char> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        stat.rsplit(')').next()?.trim_start().chars().next()
    }

    /// CPU time used so far, in clock ticks (user + system).
    fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }

    fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &self.pid])
            .status()
            .unwrap();
        assert!(ok.success(), "kill -{sig}");
    }

    /// Waits for the reader to exit; returns the CPU ticks it had used when last seen.
    fn wait_exit(&self) -> u64 {
        let start = Instant::now();
        let mut ticks = 0;
        while self.alive() {
            ticks = self.cpu_ticks().unwrap_or(ticks);
            assert!(
                start.elapsed() < PATIENCE,
                "the reader did not exit ({ticks} ticks of CPU used: {})",
                if ticks > 500 { "spinning" } else { "idle" }
            );
            sleep(Duration::from_millis(100));
        }
        ticks
    }

    fn wait_state(&self, want: char) {
        let start = Instant::now();
        while self.state() != Some(want) {
            assert!(
                start.elapsed() < PATIENCE,
                "state {:?}, not {want}",
                self.state()
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if self.alive() {
            let _ = Command::new("kill").args(["-KILL", &self.pid]).status();
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("saywho-term-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Starts `prefix exec saywho ARGS` in tmux with its state in `dir`; the pane stays open after
/// the reader exits, showing its exit code.
fn start(name: &str, dir: &Path, prefix: &str, args: &str) -> Option<(Tmux, Reader)> {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let pid_file = dir.join("reader.pid");
    let inner = format!(
        "{prefix} sh -c \"echo \\$\\$ > '{}'; exec '{bin}' {args}\"",
        pid_file.display()
    );
    let cmd = format!(
        "export XDG_STATE_HOME='{}'; {inner}; echo READER-EXIT=$?; sleep 60",
        dir.display()
    );
    let t = Tmux::start(name, &cmd)?;
    let pid = read_pid(&pid_file);
    Some((t, Reader { pid }))
}

fn saved_state(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("saywho/state.json")).unwrap_or_default()
}

fn closing_the_terminal_ends_the_reader(name: &str, prefix: &str) {
    let dir = temp_dir(name);
    let Some((t, reader)) = start(name, &dir, prefix, "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.keys(&["]", "]"]);
    t.wait_for("quote 2/19");
    // The pane, its pty and the session go; the reader is left with a hung-up terminal.
    let _ = t.run(&["kill-server"]);
    let ticks = reader.wait_exit();
    assert!(ticks < 500, "the reader spun: {ticks} ticks of CPU");
    let saved = saved_state(&dir);
    assert!(saved.contains("\"quote\": 1"), "state saved: {saved}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn closing_the_terminal_ends_the_reader_and_saves_the_state() {
    closing_the_terminal_ends_the_reader("closed", "");
}

#[test]
fn closing_the_terminal_ends_a_reader_that_ignores_sighup() {
    // As under nohup: SIGHUP ignored from the start, so only the closed terminal can tell.
    closing_the_terminal_ends_the_reader("nohup", "trap '' HUP;");
}

fn signal_restores_the_terminal(signal: &str) {
    let dir = temp_dir(&format!("sig{signal}"));
    let Some((t, reader)) = start(&format!("sig{signal}"), &dir, "", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");
    t.keys(&["]"]);
    t.wait_for("quote 1/19");
    reader.signal(signal);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "a clean exit: {screen}");
    t.assert_restored();
    assert!(saved_state(&dir).contains("\"quote\": 0"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigquit_restores_the_terminal_and_saves_the_state() {
    signal_restores_the_terminal("QUIT");
}

#[test]
fn sigusr1_restores_the_terminal_and_saves_the_state() {
    signal_restores_the_terminal("USR1");
}

/// Stops the reader with `stop`, checks the terminal is given back, continues it and checks it
/// takes the terminal again, redraws and still answers `q`.
fn suspend_and_resume(name: &str, stop: impl Fn(&Tmux, &Reader)) {
    let dir = temp_dir(name);
    let Some((t, reader)) = start(name, &dir, "", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    stop(&t, &reader);
    reader.wait_state('T');
    t.assert_restored();
    assert!(
        !t.screen().contains("Speakers"),
        "main screen while stopped"
    );
    reader.signal("CONT");
    // The status bar is drawn last.
    let screen = t.wait_for("seed-ukraine-talks.txt");
    assert!(screen.contains("Speakers"), "redrawn: {screen}");
    assert_eq!(t.flags("#{alternate_on}"), "1");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured again");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    t.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    suspend_and_resume("tstp", |_, reader| reader.signal("TSTP"));
}

#[test]
fn ctrl_z_suspends_like_sigtstp() {
    suspend_and_resume("ctrlz", |t, _| t.keys(&["C-z"]));
}

/// A folder with an article the engine takes minutes over, and a quick one.
fn slow_folder(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a-slow.txt"), ".".repeat(200_000)).unwrap();
    std::fs::write(articles.join("b-quick.txt"), "\"Yes,\" she said.\n").unwrap();
    dir
}

#[test]
fn q_is_served_while_a_slow_article_is_analysed() {
    let dir = slow_folder("slowq");
    let args = format!("'{}'", dir.join("articles").display());
    let Some((t, reader)) = start("slowq", &dir, "", &args) else {
        return;
    };
    t.wait_for("2 articles");
    // Let the idle ticks start on the slow article.
    sleep(Duration::from_millis(600));
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    t.assert_restored();
    reader.wait_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_twice_during_a_slow_analysis_restores_the_terminal() {
    let dir = slow_folder("slowterm");
    let args = format!("'{}'", dir.join("articles").display());
    let Some((t, reader)) = start("slowterm", &dir, "", &args) else {
        return;
    };
    t.wait_for("2 articles");
    sleep(Duration::from_millis(600));
    reader.signal("TERM");
    if reader.alive() {
        reader.signal("TERM");
    }
    let screen = t.wait_for("READER-EXIT=");
    assert!(
        screen.contains("READER-EXIT=0") || screen.contains("READER-EXIT=1"),
        "{screen}"
    );
    t.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_state_directory_is_said_once_on_stderr() {
    let dir = temp_dir("unwritable");
    // A file where the state directory should be.
    std::fs::write(dir.join("saywho"), "not a directory").unwrap();
    let Some((t, reader)) = start("unwritable", &dir, "", "--no-mouse") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.keys(&["]"]);
    t.wait_for("quote 1/19");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    assert_eq!(
        screen
            .matches("saywho: could not save reading state: ")
            .count(),
        1,
        "{screen}"
    );
    reader.wait_exit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Kills the child by its pid when the test ends.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_jsonl_path_to_dev_zero_is_refused_at_once() {
    let dir = temp_dir("devzero");
    let link = dir.join("x.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let mut child = Child(
        Command::new(env!("CARGO_BIN_EXE_saywho"))
            .arg(&link)
            .env("XDG_STATE_HOME", &dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < PATIENCE, "the reader hangs on /dev/zero");
        sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.0.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(!status.success());
    assert!(
        stderr.contains("x.jsonl: not a regular file"),
        "one clear line: {stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
