//! End to end in a real pseudo-terminal: the binary inside tmux, keys sent, the screen read back,
//! and the terminal checked to be back to normal (main screen, mouse released) after `q`.
//! Skips with a note when tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

mod pty_support;

use pty_support::{read_pid, Tmux};

fn command(inner: &str) -> String {
    command_in(&state_dir("default"), inner)
}

/// A fresh directory for the reader's state (never the user's own).
fn state_dir(name: &str) -> String {
    let d = std::env::temp_dir().join(format!("saywho-pty-state-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d.display().to_string()
}

/// `inner` with its state in `state`; the pane stays open after the reader exits so that its
/// final state can be read.
fn command_in(state: &str, inner: &str) -> String {
    format!("XDG_STATE_HOME='{state}' {inner}; echo READER-EXIT=$?; sleep 60")
}

#[test]
fn reader_opens_the_sample_navigates_and_restores_the_terminal() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let Some(t) = Tmux::start("sample", &command(&format!("'{bin}'"))) else {
        return;
    };
    let screen = t.wait_for("seed-ukraine-talks.txt");
    assert!(screen.contains("Speakers"), "{screen}");
    assert!(
        screen.contains("Talks between Russia and the U.S."),
        "{screen}"
    );
    assert_eq!(
        t.flags("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");

    t.keys(&["/", "Ushakov", "Enter"]);
    let screen = t.wait_for("/Ushakov 1/");
    assert!(
        screen.matches("Ushakov").count() >= 2,
        "matches on screen: {screen}"
    );

    t.keys(&["n", "n"]);
    t.wait_for("/Ushakov 3/");
    t.keys(&["G"]);
    t.wait_for("100%");
    t.keys(&["?"]);
    // The help is taller than the screen: its title says how to scroll and close it.
    t.wait_for("Keys · ");
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(200));
    assert!(!t.screen().contains("Keys · "));

    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    assert!(
        !screen.contains("Speakers"),
        "back on the main screen: {screen}"
    );
    assert_eq!(t.flags("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(
        t.flags("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag}"),
        "0000",
        "mouse released"
    );
    assert_eq!(t.flags("#{cursor_flag}"), "1", "cursor visible again");
}

#[test]
fn piped_stdin_is_read_then_keys_come_from_the_terminal() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let article = r#"printf 'The mayor spoke. "We will rebuild the bridge," she said.\n'"#;
    let Some(t) = Tmux::start(
        "stdin",
        &command(&format!("{article} | '{bin}' --no-mouse")),
    ) else {
        return;
    };
    let screen = t.wait_for("We will rebuild the bridge");
    assert!(screen.contains(" -  "), "stdin is named '-': {screen}");
    assert_eq!(
        t.flags("#{mouse_sgr_flag}"),
        "0",
        "--no-mouse leaves the mouse alone"
    );
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    assert_eq!(t.flags("#{alternate_on}"), "0");
}

#[test]
fn the_reader_remembers_the_current_quotation_across_runs() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let state = state_dir("remember");
    let Some(t) = Tmux::start("remember1", &command_in(&state, &format!("'{bin}'"))) else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.keys(&["]", "]", "]"]);
    t.wait_for("quote 3/19");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    drop(t);
    let file = std::path::Path::new(&state).join("saywho/state.json");
    assert!(file.is_file(), "state saved in $XDG_STATE_HOME/saywho");
    // Reopened (at another size), the same quotation is current.
    let Some(t) = Tmux::start("remember2", &command_in(&state, &format!("'{bin}'"))) else {
        return;
    };
    t.run(&["resize-window", "-t", "t", "-x", "90", "-y", "30"]);
    let screen = t.wait_for("seed-ukraine-talks.txt");
    assert!(screen.contains("quote 3/19"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("READER-EXIT=0");
    drop(t);
    // --no-state neither restores nor saves.
    let Some(t) = Tmux::start(
        "remember3",
        &command_in(&state, &format!("'{bin}' --no-state")),
    ) else {
        return;
    };
    let screen = t.wait_for("seed-ukraine-talks.txt");
    assert!(screen.contains("quote –/19"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("READER-EXIT=0");
    let _ = std::fs::remove_dir_all(&state);
}

/// Starts the reader on the sample with its pid written to a file; returns the session, the
/// pid file and the state directory.
fn start_with_pid(name: &str, env: &str) -> Option<(Tmux, std::path::PathBuf, String)> {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let state = state_dir(name);
    let pid_file = std::path::Path::new(&state).join("reader.pid");
    let inner = format!(
        "{env} sh -c \"echo \\$\\$ > '{}'; exec '{bin}'\"",
        pid_file.display()
    );
    let t = Tmux::start(name, &command_in(&state, &inner))?;
    Some((t, pid_file, state))
}

/// Checks that the pane is back to the normal screen with the mouse released.
fn assert_terminal_restored(t: &Tmux) {
    t.assert_restored();
}

fn signal_ends_the_reader_cleanly(signal: &str) {
    let Some((t, pid_file, state)) = start_with_pid(&format!("sig{signal}"), "") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{alternate_on}"), "1");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");
    t.keys(&["]", "]"]);
    t.wait_for("quote 2/19");
    let pid = read_pid(&pid_file);
    let kill = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(kill.success());
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "a clean exit: {screen}");
    assert!(!screen.contains("Speakers"), "main screen: {screen}");
    assert_terminal_restored(&t);
    let saved = std::fs::read_to_string(std::path::Path::new(&state).join("saywho/state.json"))
        .expect("the reading state is saved on the way out");
    assert!(
        saved.contains("\"quote\": 1") || saved.contains("\"quote\":1"),
        "{saved}"
    );
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_state() {
    signal_ends_the_reader_cleanly("TERM");
}

#[test]
fn sighup_restores_the_terminal_and_saves_the_state() {
    signal_ends_the_reader_cleanly("HUP");
}

#[test]
fn sigint_restores_the_terminal_and_saves_the_state() {
    signal_ends_the_reader_cleanly("INT");
}

#[test]
fn a_panic_restores_the_terminal() {
    // Debug builds (the ones tests run) panic on the first key with SAYWHO_TEST_PANIC set.
    if !cfg!(debug_assertions) {
        return;
    }
    let Some((t, _pid, state)) = start_with_pid("panic", "SAYWHO_TEST_PANIC=1") else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    assert_eq!(t.flags("#{alternate_on}"), "1");
    assert_eq!(t.flags("#{mouse_sgr_flag}"), "1", "mouse captured");
    t.keys(&["j"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=101"), "{screen}");
    assert!(screen.contains("a panic on purpose"), "{screen}");
    assert_terminal_restored(&t);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn an_unreadable_file_among_several_leaves_the_others_open_and_notices_show() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let dir = state_dir("several");
    let good = format!("{dir}/good.txt");
    let old = format!("{dir}/old.txt");
    let empty = format!("{dir}/empty.txt");
    std::fs::write(&good, "\"We will rebuild the bridge,\" the mayor said.\n").unwrap();
    std::fs::write(&old, b"\x93Old news,\x94 the archivist said.\n").unwrap();
    std::fs::write(&empty, " \n\t\n").unwrap();
    let missing = format!("{dir}/missing.txt");
    let Some(t) = Tmux::start(
        "several",
        &command_in(
            &dir,
            &format!("'{bin}' --no-mouse '{good}' '{missing}' '{old}' '{empty}'"),
        ),
    ) else {
        return;
    };
    let screen = t.wait_for("3 articles");
    assert!(
        screen.contains("cannot open") && screen.contains("missing.txt: no such file"),
        "{screen}"
    );
    // The Windows-1252 article says how it was read.
    t.keys(&["j", "Enter"]);
    let screen = t.wait_for("not UTF-8, read as Windows-1252");
    assert!(screen.contains("Old news"), "{screen}");
    // The blank one opens and says so.
    t.keys(&["J"]);
    let screen = t.wait_for("no text");
    assert!(screen.contains("empty.txt"), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    // One path could not be opened: exit code 1, as for `extract`.
    assert!(screen.contains("READER-EXIT=1"), "{screen}");
    // After the terminal is restored, the error and the notice are on stderr.
    assert!(
        screen.contains("saywho: ") && screen.contains("missing.txt: no such file"),
        "{screen}"
    );
    assert!(
        screen.contains("old.txt: not UTF-8, read as Windows-1252"),
        "{screen}"
    );
    assert_eq!(t.flags("#{alternate_on}"), "0");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_single_windows_1252_file_says_so_in_the_status_bar() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let dir = state_dir("cp1252");
    let old = format!("{dir}/old.txt");
    std::fs::write(&old, b"\x93Old news,\x94 the archivist said.\n").unwrap();
    let Some(t) = Tmux::start("cp1252", &command_in(&dir, &format!("'{bin}' '{old}'"))) else {
        return;
    };
    let screen = t.wait_for("not UTF-8, read as Windows-1252");
    assert!(screen.contains("Old news"), "{screen}");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    assert!(
        screen.contains("saywho: ") && screen.contains("old.txt: not UTF-8"),
        "{screen}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_text_does_not_drive_the_real_terminal() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let dir = state_dir("hostile");
    let file = format!("{dir}/hostile.txt");
    std::fs::write(
        &file,
        "Title \u{1b}]2;PWNED\u{7} and \u{1b}]0;PWNED\u{1b}\\ here.\n\n\
         Clipboard \u{1b}]52;c;UFdORUQ=\u{7} write.\n\n\
         \"Clear \u{1b}[2J\u{1b}[H the screen,\" \u{202e}she said\u{202c}. \u{9b}31m C1.\n",
    )
    .unwrap();
    // The reader starts a moment later, once tmux takes OSC 52 writes into its buffers.
    let Some(t) = Tmux::start(
        "hostile",
        &command_in(&dir, &format!("sleep 0.5; '{bin}' '{file}'")),
    ) else {
        return;
    };
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    let screen = t.wait_for("hostile.txt");
    assert!(screen.contains("␛]52;c;UFdORUQ=␇"), "{screen}");
    assert!(screen.contains("Title ␛]2;PWNED␇"), "{screen}");
    assert!(screen.contains("\u{fffd}she said\u{fffd}"), "{screen}");
    assert!(
        !t.flags("#{pane_title}").contains("PWNED"),
        "window title untouched"
    );
    let buffers = t.run(&["list-buffers"]);
    assert!(
        String::from_utf8_lossy(&buffers.stdout).trim().is_empty(),
        "no clipboard write: {}",
        String::from_utf8_lossy(&buffers.stdout)
    );
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}
