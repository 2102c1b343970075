//! The reader's command line: errors for missing files and directories.

use std::process::{Command, Stdio};

fn saywho(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_saywho"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = saywho(&["no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/article.txt"), "{err}");
}

#[test]
fn a_directory_is_a_clear_error() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = saywho(&[dir]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(dir) && err.contains("is a directory"), "{err}");
}

#[test]
fn without_a_terminal_the_reader_says_so() {
    let out = saywho(&["-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}
