//! End to end in a real pseudo-terminal: the binary inside tmux, keys sent, the screen read back,
//! and the terminal checked to be back to normal (main screen, mouse released) after `q`.
//! Skips with a note when tmux is not installed.

mod pty_support;

use std::thread::sleep;
use std::time::Duration;

use pty_support::{in_state_dir, temp_dir, Tmux};

fn command(inner: &str) -> String {
    in_state_dir(&temp_dir("default"), inner)
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
    t.wait_for("Esc q ? close");
    t.keys(&["Escape"]);
    sleep(Duration::from_millis(200));
    assert!(!t.screen().contains("Esc q ? close"));

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
    assert!(
        screen.contains(" stdin  "),
        "stdin is named stdin: {screen}"
    );
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
    let state = temp_dir("remember");
    let Some(t) = Tmux::start("remember1", &in_state_dir(&state, &format!("'{bin}'"))) else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    // Reported speech hidden, `]` steps through the quotations only.
    t.keys(&["r", "]", "]", "]"]);
    t.wait_for("quote 3/19");
    t.keys(&["q"]);
    let screen = t.wait_for("READER-EXIT=");
    assert!(screen.contains("READER-EXIT=0"), "{screen}");
    drop(t);
    let file = std::path::Path::new(&state).join("saywho/state.json");
    assert!(file.is_file(), "state saved in $XDG_STATE_HOME/saywho");
    // Reopened (at another size), the same quotation is current.
    let Some(t) = Tmux::start("remember2", &in_state_dir(&state, &format!("'{bin}'"))) else {
        return;
    };
    t.run(&["resize-window", "-t", "t", "-x", "90", "-y", "30"]);
    // The text shows at once, the position once the quotations are found.
    t.wait_for("seed-ukraine-talks.txt");
    t.wait_for("quote 3/19");
    t.keys(&["q"]);
    t.wait_for("READER-EXIT=0");
    drop(t);
    // --no-state neither restores nor saves.
    let Some(t) = Tmux::start(
        "remember3",
        &in_state_dir(&state, &format!("'{bin}' --no-state")),
    ) else {
        return;
    };
    t.wait_for("seed-ukraine-talks.txt");
    t.wait_for("quote –/19");
    t.keys(&["q"]);
    t.wait_for("READER-EXIT=0");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn an_unreadable_file_among_several_leaves_the_others_open_and_notices_show() {
    let bin = env!("CARGO_BIN_EXE_saywho");
    let dir = temp_dir("several");
    let good = dir.join("good.txt").display().to_string();
    let old = dir.join("old.txt").display().to_string();
    let empty = dir.join("empty.txt").display().to_string();
    std::fs::write(&good, "\"We will rebuild the bridge,\" the mayor said.\n").unwrap();
    std::fs::write(&old, b"\x93Old news,\x94 the archivist said.\n").unwrap();
    std::fs::write(&empty, " \n\t\n").unwrap();
    let missing = dir.join("missing.txt").display().to_string();
    let Some(t) = Tmux::start(
        "several",
        &in_state_dir(
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
    let dir = temp_dir("cp1252");
    let old = dir.join("old.txt").display().to_string();
    std::fs::write(&old, b"\x93Old news,\x94 the archivist said.\n").unwrap();
    let Some(t) = Tmux::start("cp1252", &in_state_dir(&dir, &format!("'{bin}' '{old}'"))) else {
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
    let dir = temp_dir("hostile");
    let file = dir.join("hostile.txt").display().to_string();
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
        &in_state_dir(&dir, &format!("sleep 0.5; '{bin}' '{file}'")),
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
