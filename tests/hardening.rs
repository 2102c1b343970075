//! Broken, hostile and huge input through the `saywho` binary (issue 4): unreadable paths,
//! empty and binary files, encodings, line endings, closed pipes and pathological quotes.

mod cli_support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use cli_support::{check_offsets, json, run_with_stdin, saywho, scratch, stderr, write};

fn run(args: &[&Path]) -> Output {
    saywho()
        .arg("extract")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

const ARTICLE: &str = "\u{201C}We will win,\u{201D} Smith said.\n";

#[test]
fn missing_file_directory_and_unreadable_are_one_line_each_others_processed() {
    let dir = scratch("hard-paths");
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let missing = dir.join("missing.txt");
    let o = run(&[&missing, &dir, &good]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("saywho: {}: no such file", missing.display()),
            format!("saywho: {}: is a directory", dir.display()),
        ]
    );
    // The readable file is still processed (an array: several inputs were given).
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], good.display().to_string());
    assert_eq!(v[0]["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("hard-perm");
    let locked = write(&dir, "locked.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: running as root (a mode-000 file is readable)");
        return;
    }
    let o = run(&[&locked]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim_end(),
        format!("saywho: {}: permission denied", locked.display())
    );
}

#[test]
fn usage_error_is_clap_exit_2() {
    let o = saywho()
        .args(["extract", "--format", "nope"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn empty_and_whitespace_only_give_an_empty_result() {
    let dir = scratch("hard-empty");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b" \n\t\r\n  \n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
    ] {
        let p = write(&dir, name, bytes);
        let o = run(&[&p]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let v = json(&o);
        assert_eq!(v["quotes"], Value::Array(vec![]), "{name}");
        assert_eq!(v["speakers"], Value::Array(vec![]), "{name}");
    }
    // Empty stdin too.
    let o = saywho()
        .arg("extract")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["quotes"], Value::Array(vec![]));
}

#[test]
fn binary_files_are_refused_naming_the_file_others_processed() {
    let dir = scratch("hard-binary");
    let nul = write(&dir, "nul.bin", b"\"Hi,\" he said.\x00\x01\x02");
    let png = write(&dir, "pic.png", b"\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR");
    let pdf = write(&dir, "doc.pdf", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let o = run(&[&nul, &png, &good, &pdf]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    for (line, (path, why)) in lines.iter().zip([
        (&nul, "NUL bytes"),
        (&png, "a PNG image"),
        (&pdf, "a PDF document"),
    ]) {
        assert_eq!(
            *line,
            format!(
                "saywho: {}: looks like binary data ({why}), not an article",
                path.display()
            )
        );
    }
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], good.display().to_string());
    // Binary on stdin is refused too.
    let o = saywho()
        .arg("extract")
        .stdin(std::fs::File::open(&png).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("saywho: -: looks like binary data (a PNG image)"));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_bom_is_decoded_and_recorded() {
    let dir = scratch("hard-utf16");
    for (name, be, enc) in [("le.txt", false, "UTF-16LE"), ("be.txt", true, "UTF-16BE")] {
        let p = write(&dir, name, utf16(ARTICLE, be));
        let o = run(&[&p]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "");
        let v = json(&o);
        assert_eq!(v["encoding"], enc);
        assert_eq!(v["quotes"][0]["text"], "\u{201C}We will win,\u{201D}");
        assert_eq!(v["quotes"][0]["start"], 0);
        assert_eq!(v["quotes"][0]["speaker"], "Smith");
    }
}

#[test]
fn utf8_with_bom_offsets_count_from_after_the_mark() {
    let dir = scratch("hard-bom");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(ARTICLE.as_bytes());
    let p = write(&dir, "bom.txt", &bytes);
    let o = run(&[&p]);
    let v = json(&o);
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["quotes"][0]["start"], 0);
    assert_eq!(v["quotes"][0]["byte_start"], 0);
}

#[test]
fn windows_1252_is_decoded_with_a_notice() {
    let dir = scratch("hard-cp1252");
    let p = write(
        &dir,
        "old.txt",
        b"\x93We will win,\x94 Smith said in Montr\xE9al.\n",
    );
    let o = run(&[&p]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stderr(&o),
        format!("saywho: {}: not UTF-8, read as Windows-1252\n", p.display())
    );
    let v = json(&o);
    assert_eq!(v["encoding"], "windows-1252");
    let q = &v["quotes"][0];
    assert_eq!(q["text"], "\u{201C}We will win,\u{201D}");
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(0), Some(14))
    );
    assert_eq!(q["speaker"], "Smith");
}

#[test]
fn crlf_and_lone_cr_offsets_address_the_text() {
    let dir = scratch("hard-crlf");
    let text = "Headline\r\n\r\n\u{201C}We will win,\u{201D} Smith said.\r\nMore.\r\r\u{201C}Soon,\u{201D} Jones said.\r\n";
    let p = write(&dir, "crlf.txt", text.as_bytes());
    let o = run(&[&p]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 2);
    check_offsets(text, &v);
}

#[test]
fn closed_pipe_on_a_big_output_ends_quietly() {
    let dir = scratch("hard-pipe");
    let big = ARTICLE.repeat(20_000);
    let p = write(&dir, "big.txt", big.as_bytes());
    let mut child = saywho()
        .arg("extract")
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    out.read_exact(&mut first).unwrap(); // like `| head -c 64`
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn stdin_that_ends_early_is_handled() {
    // The writer closes stdin in the middle of a quotation and of a UTF-8 sequence.
    let mut input = ARTICLE.as_bytes()[..ARTICLE.len() - 1].to_vec();
    input.extend_from_slice(b"\xE2\x80 Jones: \xE2\x80");
    let o = run_with_stdin(&["extract", "-"], input);
    assert_eq!(o.status.code(), Some(0));
    assert!(json(&o)["quotes"].is_array());
}

// --- Pathological quotes (issue 4, item 7) --------------------------------------------------

/// Runs the analysis of `text` in-process and checks that it ends within `limit` (generous: the
/// tests run in debug builds, where each of these takes 1-2 s on a 2-core machine; release builds
/// take 10-40 ms). One megabyte of quotes on a single line is quadratic in the engine today: see
/// `tests/regressions.rs`.
fn analyze_within(what: &str, text: String, limit: Duration) -> saywho_core::Document {
    let len = text.len();
    let t = Instant::now();
    let doc = saywho_core::analyze(text);
    let took = t.elapsed();
    eprintln!("{what}: {len} bytes in {took:?}");
    assert!(took < limit, "{what}: {len} bytes took {took:?}");
    doc
}

fn about_1mb(unit: &str) -> String {
    unit.repeat((1 << 20) / unit.len())
}

#[test]
fn many_unbalanced_marks() {
    // 100,000 opening marks and nothing closes, interleaved with words.
    let mut text = String::new();
    for i in 0..100_000 {
        text.push_str(["\u{201C}", "\"", "\u{00AB}", "'", "\u{201E}"][i % 5]);
        text.push_str("word ");
        if i % 20 == 19 {
            text.push_str("Smith said.\n\n");
        }
    }
    let doc = analyze_within("unbalanced", text, Duration::from_secs(10));
    assert!(doc
        .quotes()
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn only_marks_one_megabyte() {
    analyze_within(
        "marks only",
        about_1mb("\u{201C}\"\u{201D}'"),
        Duration::from_secs(10),
    );
    analyze_within(
        "closing only",
        about_1mb("\u{201D} "),
        Duration::from_secs(10),
    );
}

#[test]
fn quote_left_open_over_10000_paragraphs() {
    let mut text = String::from("\u{201C}It begins here, Smith said.\n\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "Paragraph {i} goes on and on with Mr. Jones and the minister.\n\n"
        ));
    }
    let doc = analyze_within("open quote", text, Duration::from_secs(10));
    for q in doc.quotes() {
        assert!(q.span.end <= doc.text().len());
    }
}

#[test]
fn every_paragraph_reopens_a_quote_one_megabyte() {
    // Continuation style: each paragraph opens a quote that closes only at the very end.
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str("\u{201C}We will go on, and on, said the official.\n\n");
    }
    text.push_str("The end.\u{201D}\n");
    analyze_within("reopened", text, Duration::from_secs(10));
}

#[test]
fn quotes_nested_50_deep() {
    let marks = [
        ("\u{201C}", "\u{201D}"),
        ("\u{2018}", "\u{2019}"),
        ("\"", "\""),
        ("\u{00AB}", "\u{00BB}"),
    ];
    let mut one = String::from("Smith said: ");
    for d in 0..50 {
        one.push_str(marks[d % 4].0);
        one.push_str("he told me ");
    }
    one.push_str("nothing");
    for d in (0..50).rev() {
        one.push_str(marks[d % 4].1);
    }
    one.push_str(".\n\n");
    let text = about_1mb(&one);
    let doc = analyze_within("nested", text, Duration::from_secs(10));
    assert!(!doc.quotes().is_empty());
}

// --- Hostile text on a terminal (issue 4, item 6) -------------------------------------------

#[test]
fn control_sequences_never_reach_a_terminal() {
    // `script` (util-linux) runs the command in a real pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    }
    let dir = scratch("hard-hostile");
    let p = write(
        &dir,
        "hostile.txt",
        "He said: \u{201C}Hi \u{1b}]0;pwned\u{7} \u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}H \u{202e}there.\u{201D} Smith said.\n"
            .as_bytes(),
    );
    for format in ["json", "jsonl", "csv", "markdown"] {
        let out = on_a_terminal(&format!("-f {format} '{}'", p.display()));
        assert!(out.contains("there"), "{format}: {out}");
        let bad: Vec<char> = out
            .chars()
            .filter(|&c| saywho_core::export::safe::placeholder(c).is_some())
            .collect();
        assert!(bad.is_empty(), "{format}: {bad:?} reached the terminal");
    }
    // Piped, the text stays verbatim (JSON escapes the C0 controls itself).
    let o = run(&[&p]);
    let v = json(&o);
    assert!(v["quotes"][0]["text"]
        .as_str()
        .unwrap()
        .contains("\u{1b}]0;pwned"));
}

// --- Hardening, second round (issue 15): what reaches stderr and a terminal ------------------

/// A file name that sets the terminal title and writes the clipboard if obeyed.
const HOSTILE_NAME: &str = "nope\u{1b}]0;T\u{7}\u{1b}]52;c;TUlTUw==\u{7}\u{1b}[2J.txt";

#[test]
fn escape_sequences_in_file_names_are_shown_not_obeyed() {
    let dir = scratch("hard-names");
    let missing = dir.join(HOSTILE_NAME);
    let split = dir.join("two\nlines.txt");
    let folder = dir.join("dir\u{1b}[2J");
    std::fs::create_dir(&folder).unwrap();
    let old = write(&dir, "old\u{1b}]0;T\u{7}.txt", b"\x93Yes,\x94 she said.");
    let o = run(&[&missing, &split, &folder, &old]);
    cli_support::assert_fails_with(&o, 4, "nope␛]0;T␇␛]52;c;TUlTUw==␇␛[2J.txt: no such file");
    let err = stderr(&o);
    assert!(err.contains("two␊lines.txt: no such file"), "{err}");
    assert!(err.contains("dir␛[2J: is a directory"), "{err}");
    assert!(
        err.contains("old␛]0;T␇.txt: not UTF-8, read as Windows-1252"),
        "{err}"
    );

    // JSONL: the name of the stream in `NAME:LINE:` messages, and a directory.
    let corpus = write(&dir, "c\u{1b}[2J.jsonl", "{\"id\": 1}\n");
    let o = saywho()
        .args(["extract", "--input", "jsonl"])
        .args([&corpus, &folder])
        .output()
        .unwrap();
    cli_support::assert_fails_with(&o, 2, "c␛[2J.jsonl:1: no \"text\" field");

    // eval's errors and the reader's, printed after it exits.
    let o = saywho().arg("eval").arg(&missing).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    cli_support::assert_tame_messages(&o.stderr, 1);
    let o = saywho()
        .args([&missing, &split])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    cli_support::assert_tame_messages(&o.stderr, 3);
}

#[test]
fn clap_errors_show_the_value_with_placeholders_and_exit_2() {
    let o = saywho()
        .args(["extract", "--format", "x\u{1b}]0;T\u{7}\ny"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("invalid value 'x␛]0;T␇␊y'"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    assert!(o.stdout.is_empty());
}

/// Runs `saywho extract ARGS` (shell words) with stdout on a pseudo-terminal made by `script`;
/// returns what the terminal received. The run must succeed.
fn on_a_terminal(args: &str) -> String {
    let cmd = format!("{} extract {args}", env!("CARGO_BIN_EXE_saywho"));
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{args}");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs `saywho ARGS` with its stderr going to `/dev/full` (every write fails).
fn with_full_stderr(args: &[&Path]) -> Output {
    saywho()
        .args(args)
        .stderr(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap()
}

#[test]
fn an_unwritable_stderr_does_not_stop_the_others() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let dir = scratch("hard-full-stderr");
    let ok = write(&dir, "ok.txt", ARTICLE);
    let nope = dir.join("nope.txt");
    let extract = Path::new("extract");
    let o = with_full_stderr(&[extract, &nope, &ok]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["quotes"].as_array().unwrap().len(), 1);

    // A closed stderr pipe, the same.
    let mut child = saywho()
        .arg("extract")
        .args([&nope, &ok])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)[0]["quotes"].as_array().unwrap().len(), 1);
}

#[test]
fn help_to_an_unwritable_stdout_fails() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for flag in ["--help", "--version"] {
        let o = saywho()
            .arg(flag)
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{flag}");
        cli_support::assert_tame_messages(&o.stderr, 1);
        assert!(stderr(&o).starts_with("saywho: stdout: "), "{}", stderr(&o));
    }
}

/// Rust reopens a closed stdout as /dev/null before `main`, so `>&-` is `>/dev/null`: the output
/// is discarded, exit code 0 (as the README says).
#[test]
fn a_closed_stdout_is_like_dev_null() {
    let dir = scratch("hard-closed-stdout");
    let ok = write(&dir, "ok.txt", ARTICLE);
    let cmd = format!(
        "exec {} extract {} >&-",
        env!("CARGO_BIN_EXE_saywho"),
        ok.display()
    );
    let o = Command::new("sh").args(["-c", &cmd]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn malformed_utf16_gets_a_notice() {
    let dir = scratch("hard-utf16-bad");
    let mut bytes = utf16(ARTICLE, false);
    bytes.extend([0x00, 0xD8]); // a lone leading surrogate
    bytes.push(b'x'); // an odd trailing byte
    let p = write(&dir, "bad16.txt", bytes);
    let o = run(&[&p]);
    assert_eq!(o.status.code(), Some(0));
    cli_support::assert_tame_messages(&o.stderr, 1);
    assert!(
        stderr(&o).ends_with("bad16.txt: malformed UTF-16LE, invalid sequences read as U+FFFD\n"),
        "{}",
        stderr(&o)
    );
}

/// Whether `script` (util-linux) can run a command in a pseudo-terminal here.
fn have_script() -> bool {
    Command::new("script").arg("--version").output().is_ok()
}

#[test]
fn a_lone_carriage_return_never_reaches_a_terminal() {
    if !have_script() {
        eprintln!("skipped: no `script` to make a pseudo-terminal");
        return;
    }
    let dir = scratch("hard-lone-cr");
    for (format, text, shown) in [
        (
            "text",
            "Smith said: \"We will raise taxes.\"\rJones\n",
            "taxes.\"␍Jones",
        ),
        (
            "csv",
            "\u{201C}We will win,\rsoon,\u{201D} Smith said.\n",
            "win,␍soon",
        ),
    ] {
        let p = write(&dir, "cr.txt", text);
        let out = on_a_terminal(&format!("-f {format} < '{}'", p.display()));
        // The terminal turns each line feed into CRLF (CSV's own CRLF into CR CR LF); any other
        // CR came from the text.
        let rest = out.replace("\r\r\n", "").replace("\r\n", "");
        assert!(!rest.contains('\r'), "{format}: {out:?}");
        assert!(out.contains(shown), "{format}: {out:?}");
    }
    // Piped, the text stays verbatim.
    let o = run_with_stdin(&["extract", "-f", "text"], "a\rb\n");
    assert_eq!(o.stdout, b"a\rb\n");
}
