//! The Python package (python/) built and its pytest suite run, where this machine has python3:
//! `scripts/python_test.sh` skips (and this test passes) without python3, venv or a package index,
//! and fails when the package does not build or a Python test fails.

use std::path::Path;
use std::process::Command;

#[test]
fn python_package_builds_and_its_tests_pass() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let output = Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/python_test.sh"
        ))
        .env("SAYWHO_BIN", env!("CARGO_BIN_EXE_saywho"))
        .env("SAYWHO_VENV", tmp.join("python-venv"))
        .env("CARGO_TARGET_DIR", tmp.join("python-build"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}");
    assert!(
        output.status.success(),
        "python tests failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("passed") || stdout.contains("python_test: skipped"),
        "no pytest summary:\n{stdout}"
    );
}
