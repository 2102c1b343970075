//! What the pseudo-terminal tests share: the binary inside a tmux server of its own, keys sent,
//! the screen and the terminal's modes read back. The server is killed when the value is dropped;
//! each test also kills the reader it started by its pid.
#![allow(dead_code)] // each test crate uses its own subset

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A failure bound for waits, not a budget: a working reader takes well under a second.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The pid the reader's shell wrote to `pid_file` (`echo $$ > FILE; exec saywho`), once it is
/// there.
pub fn read_pid(pid_file: &std::path::Path) -> String {
    let start = Instant::now();
    loop {
        match std::fs::read_to_string(pid_file) {
            Ok(p) if !p.trim().is_empty() => return p.trim().to_string(),
            _ => assert!(start.elapsed() < PATIENCE, "no pid file"),
        }
        sleep(Duration::from_millis(20));
    }
}

pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, shell_command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the pseudo-terminal test");
            return None;
        }
        let t = Tmux {
            socket: format!("saywho-pty-{}-{name}", std::process::id()),
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
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
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

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn flags(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display", "-p", "-t", "t", format]).stdout)
            .trim()
            .to_string()
    }

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
        let _ = self.run(&["kill-server"]);
    }
}
