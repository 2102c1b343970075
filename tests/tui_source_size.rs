//! The reader's source files stay short enough to read whole (the house limit is ~700 lines; the
//! reader keeps a margin under it so that a change does not push a file over).

use std::path::Path;

const MAX_LINES: usize = 650;

fn check(dir: &Path, long: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            check(&path, long);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let n = std::fs::read_to_string(&path).unwrap().lines().count();
            if n > MAX_LINES {
                long.push(format!("{} has {n} lines", path.display()));
            }
        }
    }
}

#[test]
fn reader_source_files_are_under_650_lines() {
    let mut long = Vec::new();
    check(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut long,
    );
    assert!(long.is_empty(), "{long:#?}");
}
