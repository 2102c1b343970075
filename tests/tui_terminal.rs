//! The reader against its terminal, in real pseudo-terminals (tmux): the terminal closed under
//! it, signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGTSTP/SIGCONT, SIGTERM twice), a panic, a slow article, an unwritable
//! state directory, and a JSONL path that is not a file. Every test kills the process it started
//! by its pid when it ends, passed or failed. `r` first hides reported speech where `]` must step
//! through the quotations only. Skips with a note when tmux is not installed.

mod pty_support;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use pty_support::*;

fn closing_the_terminal_ends_the_reader(name: &str, prefix: &str) {
    let dir = temp_dir(name);
    let Some((t, reader)) = start_reader(name, &dir, prefix, "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.keys(&["r", "]", "]"]);
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
    let Some((t, reader)) = start_reader(&format!("sig{signal}"), &dir, "", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");
    t.keys(&["r", "]"]);
    t.wait_for("quote 1/19");
    reader.signal(signal);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "a clean exit: {screen}");
    assert!(!screen.contains("Speakers"), "main screen: {screen}");
    t.assert_restored();
    assert!(saved_state(&dir).contains("\"quote\": 0"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_state() {
    signal_restores_the_terminal("TERM");
}

#[test]
fn sighup_restores_the_terminal_and_saves_the_state() {
    signal_restores_the_terminal("HUP");
}

#[test]
fn sigint_restores_the_terminal_and_saves_the_state() {
    signal_restores_the_terminal("INT");
}

#[test]
fn a_panic_restores_the_terminal() {
    // Debug builds (the ones tests run) panic on the first key with SAYWHO_TEST_PANIC set.
    if !cfg!(debug_assertions) {
        return;
    }
    let dir = temp_dir("panic");
    let Some((t, _reader)) = start_reader("panic", &dir, "SAYWHO_TEST_PANIC=1", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");
    t.keys(&["j"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=101"), "{screen}");
    assert!(screen.contains("a panic on purpose"), "{screen}");
    t.assert_restored();
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
    let Some((t, reader)) = start_reader(name, &dir, "", "") else {
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
    let Some((t, reader)) = start_reader("slowq", &dir, "", &args) else {
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
    let Some((t, reader)) = start_reader("slowterm", &dir, "", &args) else {
        return;
    };
    t.wait_for("2 articles");
    sleep(Duration::from_millis(600));
    reader.signal("TERM");
    // The first may already have ended it.
    reader.try_signal("TERM");
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
    let Some((t, reader)) = start_reader("unwritable", &dir, "", "--no-mouse") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.keys(&["r", "]"]);
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

/// Every SGR parameter in `screen` (as `capture-pane -e` writes it).
fn sgr_params(screen: &str) -> Vec<u16> {
    screen
        .split("\x1b[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(p, _)| p))
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit() || b == b';'))
        .flat_map(|p| {
            p.split(';')
                .filter_map(|n| n.parse().ok())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn colored_screen(t: &Tmux) -> String {
    String::from_utf8_lossy(&t.run(&["capture-pane", "-e", "-p", "-t", "t"]).stdout).into_owned()
}

/// Issue 13, defect 9: `TERM=dumb` gets no alternate screen, no mouse and no colour.
#[test]
fn a_dumb_terminal_gets_no_alternate_screen_mouse_or_colour() {
    let dir = temp_dir("dumb");
    let Some((t, reader)) = start_reader("dumb", &dir, "env TERM=dumb", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{alternate_on}"), "0", "no alternate screen");
    assert_eq!(
        t.flags("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"),
        "0000",
        "no mouse tracking"
    );
    let screen = colored_screen(&t);
    let colours: Vec<u16> = sgr_params(&screen)
        .into_iter()
        .filter(|&p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
        .collect();
    assert!(colours.is_empty(), "colours {colours:?} in:\n{screen}");
    t.keys(&["q"]);
    reader.wait_exit();
    t.wait_for("READER-EXIT=0");
}

/// Issue 13, defect 9: `TERM=xterm-16color` gets the 16 ANSI colours as plain SGR codes, never
/// the 256-colour form.
#[test]
fn a_sixteen_colour_terminal_gets_plain_ansi_colours() {
    let dir = temp_dir("16color");
    let Some((t, reader)) = start_reader("16color", &dir, "env TERM=xterm-16color", "") else {
        return;
    };
    t.wait_for("quote –/19");
    assert_eq!(t.flags("#{alternate_on}"), "1");
    let screen = colored_screen(&t);
    assert!(
        !screen.contains("38;5;"),
        "256-colour escapes in:\n{screen}"
    );
    assert!(
        sgr_params(&screen).contains(&36),
        "no cyan speaker in:\n{screen}"
    );
    t.keys(&["q"]);
    reader.wait_exit();
    t.assert_restored();
}

/// A key that arrives together with a resize is read at once, not left in the tty until the
/// next key (crossterm's edge-triggered reader lost such a key now and then, and the loop spun).
#[test]
fn a_key_that_comes_with_a_resize_is_served() {
    let dir = temp_dir("winch");
    let Some((t, reader)) = start_reader("winch", &dir, "", "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.wait_for("quote –/19");
    t.keys(&["r"]);
    for n in 1..=19 {
        reader.signal("WINCH");
        t.keys(&["]"]);
        t.wait_for(&format!("quote {n}/19"));
    }
    t.keys(&["q"]);
    t.wait_for("READER-EXIT=0");
}
