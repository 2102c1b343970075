//! What the pseudo-terminal tests share: a tmux session that runs the reader, and the reader's
//! process. Every process the session started is killed by its pid when the test ends, passed or
//! failed, even a reader that outlived its terminal (it keeps the pane's session id).
#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A failure bound for waits, not a budget: a working reader takes well under a second.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Waits until `ready` gives a value; panics with `what` after [`PATIENCE`].
pub fn wait_until<T>(what: &str, mut ready: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = ready() {
            return value;
        }
        assert!(start.elapsed() < PATIENCE, "timed out: {what}");
        sleep(Duration::from_millis(50));
    }
}

pub struct Tmux {
    socket: String,
    /// The pane's first process: it leads the session every process of the pane belongs to.
    session_leader: Option<u32>,
}

impl Tmux {
    /// Starts `shell_command` in a detached 120×40 session; `None` (with a note) when tmux is
    /// not installed.
    pub fn start(name: &str, shell_command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
            return None;
        }
        let mut t = Tmux {
            socket: format!("saywho-pty-{}-{name}", std::process::id()),
            session_leader: None,
        };
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            shell_command,
        ]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t.session_leader = t.flags("#{pane_pid}").parse().ok();
        Some(t)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Presses `q` and waits until the reader has exited with 0.
    pub fn quit(&self) {
        self.keys(&["q"]);
        self.wait_for("READER-EXIT=0");
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn flags(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display", "-p", "-t", "t", format]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `text` and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
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

    /// The pane is back on the main screen with the mouse released and the cursor shown.
    pub fn assert_restored(&self) {
        assert_eq!(self.flags("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(
            self.flags(
                "#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"
            ),
            "0000",
            "mouse released"
        );
        assert_eq!(self.flags("#{cursor_flag}"), "1", "cursor visible again");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        if let Some(leader) = self.session_leader {
            for pid in processes_of_session(leader) {
                let _ = Command::new("kill")
                    .args(["-KILL", &pid.to_string()])
                    .status();
            }
        }
        let _ = self.run(&["kill-server"]);
    }
}

/// The pids of every live process in session `sid` (a process keeps its session when its
/// parent dies, so this finds a reader left behind by a closed pane).
fn processes_of_session(sid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            stat_fields(&pid.to_string())
                .is_some_and(|f| f.get(3).and_then(|s| s.parse().ok()) == Some(sid))
        })
        .collect()
}

/// The fields of `/proc/PID/stat` after the command name: state, ppid, pgrp, session, ...
fn stat_fields(pid: &str) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    Some(
        stat.rsplit(')')
            .next()?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
    )
}

/// The reader's process, killed by its pid when the test ends.
pub struct Reader {
    pub pid: String,
}

impl Reader {
    /// Alive and not a zombie (a zombie has exited; only its parent has to reap it).
    pub fn alive(&self) -> bool {
        self.state().is_some_and(|s| s != 'Z')
    }

    /// The process state letter (`S`, `R`, `T` stopped, ...).
    pub fn state(&self) -> Option<char> {
        stat_fields(&self.pid)?.first()?.chars().next()
    }

    /// CPU time used so far, in clock ticks (user + system).
    pub fn cpu_ticks(&self) -> Option<u64> {
        let fields = stat_fields(&self.pid)?;
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }

    pub fn signal(&self, sig: &str) {
        assert!(self.try_signal(sig), "kill -{sig}");
    }

    /// Sends `sig` if the reader is still there to get it (it may exit at any moment).
    pub fn try_signal(&self, sig: &str) -> bool {
        Command::new("kill")
            .args([&format!("-{sig}"), &self.pid])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Waits for the reader to exit; returns the CPU ticks it had used when last seen.
    pub fn wait_exit(&self) -> u64 {
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

    pub fn wait_state(&self, want: char) {
        wait_until(&format!("process state {want}"), || {
            (self.state() == Some(want)).then_some(())
        });
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if self.alive() {
            let _ = Command::new("kill").args(["-KILL", &self.pid]).status();
        }
    }
}

/// A fresh folder for one test (its state directory, its files), unique to this process.
pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("saywho-pty-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `inner` with its state in `dir`; the pane stays open after the reader exits, showing its
/// exit code as `READER-EXIT=N`.
pub fn in_state_dir(dir: &Path, inner: &str) -> String {
    format!(
        "export XDG_STATE_HOME='{}'; {inner}; echo READER-EXIT=$?; sleep 60",
        dir.display()
    )
}

/// Starts `prefix saywho ARGS` in tmux with its state in `dir` and its pid known.
pub fn start_reader(name: &str, dir: &Path, prefix: &str, args: &str) -> Option<(Tmux, Reader)> {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let pid_file = dir.join("reader.pid");
    // A reader started before in the same folder must not be taken for this one.
    let _ = std::fs::remove_file(&pid_file);
    let inner = format!(
        "{prefix} sh -c \"echo \\$\\$ > '{}'; exec '{bin}' {args}\"",
        pid_file.display()
    );
    let t = Tmux::start(name, &in_state_dir(dir, &inner))?;
    let pid = wait_until("the reader's pid file", || {
        let p = std::fs::read_to_string(&pid_file).ok()?;
        (!p.trim().is_empty()).then(|| p.trim().to_string())
    });
    Some((t, Reader { pid }))
}

/// The reading state the reader saved in `dir`.
pub fn saved_state(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("saywho/state.json")).unwrap_or_default()
}
