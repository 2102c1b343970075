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
fn a_directory_without_readable_files_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("saywho-empty-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(".hidden"), "x").unwrap();
    let out = saywho(&[dir.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no readable files"), "{err}");
}

#[test]
fn a_missing_file_among_several_is_a_clear_error() {
    let out = saywho(&["README.md", "no/such/b.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/b.txt: no such file"), "{err}");
}

#[test]
fn without_a_terminal_the_reader_says_so() {
    let out = saywho(&["-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}
