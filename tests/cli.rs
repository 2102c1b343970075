//! End-to-end tests of `saywho extract` and `saywho eval` through the binary.
//!
//! They check structure, offsets, streaming and errors; attribution itself is tested in the
//! engine's unit tests and on the reference article.

mod cli_support;

use std::io::{BufRead, BufReader};

use std::process::{Command, Stdio};

use serde_json::Value;

use cli_support::{check_offsets, run_with_stdin, saywho, scratch, stderr, stdout, write};

const CURLY: &str = "Mr. Smith spoke first. “We will win,” Smith said.\n";

#[test]
fn extract_json_offsets_with_curly_quotes() {
    let dir = scratch("cli-json");
    let path = write(&dir, "a.txt", CURLY);
    let out = saywho().arg("extract").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(v.is_object(), "one input prints one object");
    assert_eq!(v["id"], path.display().to_string());
    check_offsets(CURLY, &v);
    // Characters and bytes differ after the curly marks.
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    let q = &v["quotes"][0];
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(23), Some(37))
    );
    assert_eq!(
        (q["byte_start"].as_u64(), q["byte_end"].as_u64()),
        (Some(23), Some(41))
    );
    assert_eq!(q["text"], "“We will win,”");
    assert_eq!(q["speaker"], "Smith");
}

#[test]
fn extract_simple_attribution_from_stdin() {
    let text = "\"We will win,\" Smith said.";
    let out = run_with_stdin(&["extract", "--format", "json"], text);
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["id"], "-");
    check_offsets(text, &v);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    let q = &v["quotes"][0];
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(0), Some(14))
    );
    assert_eq!(q["speaker"], "Smith");
    assert_eq!(q["mention"]["text"], "Smith");
    assert_eq!(q["cue"], "said");
    assert_eq!(q["rule"], "cue-after");
}

#[test]
fn several_files_make_an_array() {
    let dir = scratch("cli-array");
    let a = write(&dir, "a.txt", CURLY);
    let b = write(&dir, "b.txt", "No quotes here.");
    let out = saywho().arg("extract").args([&a, &b]).output().unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[1]["id"], b.display().to_string());
    assert_eq!(arr[1]["quotes"], serde_json::json!([]));
}

#[test]
fn jsonl_streams_in_order_and_keeps_ids() {
    let input = concat!(
        "{\"id\": \"first\", \"text\": \"“We will win,” Smith said.\", \"url\": \"ignored\"}\n",
        "{\"id\": 2, \"text\": \"\\\"It is early,\\\" Jones said.\"}\n",
        "\n",
        "{\"id\": \"third\", \"text\": \"Nothing quoted.\"}\n",
    );
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "jsonl"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "first");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[2]["id"], "third");
    check_offsets("“We will win,” Smith said.", &lines[0]);
    check_offsets("\"It is early,\" Jones said.", &lines[1]);
}

#[test]
fn jsonl_bad_line_is_reported_and_skipped() {
    let input =
        "{\"id\": 1, \"text\": \"a\"}\n{not json\n{\"id\": 3}\n{\"id\": 4, \"text\": \"b\"}\n";
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, vec![Value::from(1), Value::from(4)]);
    let err = stderr(&out);
    assert!(err.contains("-:2:"), "{err}");
    assert!(err.contains("-:3:") && err.contains("text"), "{err}");
}

#[test]
fn csv_header_and_quoting() {
    let input = "{\"id\": \"a,\\\"b\\\"\", \"text\": \"“We will win,” Smith said.\"}\n";
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "csv"], input);
    assert!(out.status.success());
    let s = stdout(&out);
    assert!(
        s.starts_with("id,start,end,speaker,mention,cue,kind,rule,confidence,text\r\n"),
        "{s}"
    );
    // Each row: the id holds a comma and quote marks, so it is quoted with its marks doubled;
    // the quote's text holds a comma, so it is quoted too.
    let rows: Vec<&str> = s.split("\r\n").skip(1).filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 1, "{s}");
    for row in rows {
        assert!(row.starts_with("\"a,\"\"b\"\"\","), "{row}");
        assert!(row.ends_with("\"“We will win,”\""), "{row}");
    }
}

#[test]
fn markdown_digest() {
    let input = concat!(
        "{\"id\": \"doc-1\", \"text\": \"“We will win,” Smith said. “Soon,” Smith added.\"}\n",
        "{\"id\": \"doc-2\", \"text\": \"Nothing quoted.\"}\n",
    );
    let out = run_with_stdin(
        &["extract", "--input", "jsonl", "--format", "markdown"],
        input,
    );
    assert!(out.status.success());
    let s = stdout(&out);
    let h1 = s.find("# doc-1").unwrap();
    let h2 = s.find("# doc-2").unwrap();
    assert!(h1 < h2);
    assert!(s[h2..].contains("_No quotations found._"));
    // Grouped: one section for the speaker, both quotes under it, as blockquotes.
    let first = &s[h1..h2];
    assert_eq!(first.matches("## Smith").count(), 1, "{first}");
    assert!(first.contains("> “We will win,”"), "{first}");
    assert!(first.contains("> “Soon,”"), "{first}");
}

#[test]
fn missing_file_and_directory_are_reported_others_processed() {
    let dir = scratch("cli-missing");
    let good = write(&dir, "good.txt", CURLY);
    let missing = dir.join("nope.txt");
    let out = saywho()
        .arg("extract")
        .arg(&missing)
        .arg(&dir)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("saywho: {}: ", missing.display())),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("saywho: {}: ", dir.display())),
        "{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["id"], good.display().to_string());
}

#[test]
fn missing_jsonl_file_is_reported() {
    let out = saywho()
        .args(["extract", "--input", "jsonl", "no/such.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("saywho: no/such.jsonl: "));
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = scratch("cli-pipe");
    let mut input = String::new();
    for i in 0..20_000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"“We will win,” Smith said, number {i}.\"}}\n"
        ));
    }
    let path = write(&dir, "many.jsonl", &input);
    // One thread, and the reader and workers of --jobs.
    for jobs in ["1", "2", "4"] {
        let mut child = saywho()
            .args([
                "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", jobs,
            ])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("{\"id\":0,"), "{line}");
        drop(reader); // like `| head -1`
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "--jobs {jobs}: {err}");
        assert!(err.is_empty(), "--jobs {jobs}: {err}");
        assert_eq!(out.status.code(), Some(0), "--jobs {jobs}");
    }
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The expected numbers are hand-computed (see the comments in the unit test
/// `export::eval::tests::scores_small_case`, the same case) and equal `score.py`'s output.
#[test]
fn eval_prints_score_py_numbers() {
    let out = saywho()
        .args([
            "eval",
            &fixture("eval-tiny.gold.jsonl"),
            "--pred",
            &fixture("eval-tiny.pred.jsonl"),
        ])
        .args(["--errors", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = "\
ERR | tiny-1 | “It is early,” | he | Bob Lee | Bob
ERR | tiny-1 | “Taxes go down,” | Mary Jones | None | None
{\"kind\": \"direct\", \"gold\": 4, \"recall\": 0.75, \"attributed_precision\": 0.6667, \"f1\": 0.7059, \"e2e_speaker\": 0.25, \"speaker_precision\": 0.5, \"speaker_acc\": 0.3333, \"speaker_acc_pronoun_gold\": 0.0, \"spk_total\": 3, \"name_acc\": 0.5, \"name_total\": 2, \"e2e_name\": 0.3333, \"resolved_acc\": 0.0, \"resolved_total\": 0}
direct: recall 0.750 precision 0.667 F1 0.706 e2e-speaker 0.250 speaker 0.333 (given 0.500, pronoun-gold 0.000) canonical-name 0.500 of 2 (e2e 0.333)
";
    assert_eq!(stdout(&out), expected);

    let out = saywho()
        .args([
            "eval",
            &fixture("eval-tiny.gold.jsonl"),
            "--pred",
            &fixture("eval-tiny.pred.jsonl"),
        ])
        .args(["--kind", "all", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["gold"], 5);
    assert_eq!(v["recall"], 0.6);
    assert_eq!(v["e2e_name"], 0.25);
}

#[test]
fn eval_runs_the_engine() {
    let out = saywho()
        .args(["eval", &fixture("eval-tiny.gold.jsonl"), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["kind"], "direct");
    assert_eq!(v["gold"], 4);
    for k in [
        "recall",
        "attributed_precision",
        "f1",
        "e2e_speaker",
        "name_acc",
        "e2e_name",
    ] {
        let x = v[k].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x), "{k} = {x}");
    }
}

#[test]
fn eval_missing_gold_file() {
    let out = saywho()
        .args(["eval", "no/such/gold.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("saywho: no/such/gold.jsonl: "));
}

/// `saywho eval --pred` against `score.py` on the shared corpora, with noisy predictions
/// generated from the gold (scripts/eval_check.py), and on the engine's own predictions.
/// Needs python3 and the shared folder: `SAYWHO_SHARED=../shared cargo test -- --ignored`.
#[test]
#[ignore]
fn eval_equals_score_py_on_shared_corpora() {
    let shared = std::env::var("SAYWHO_SHARED").unwrap_or_else(|_| "../shared".into());
    let score = format!("{shared}/tools/score.py");
    let bin = env!("CARGO_BIN_EXE_saywho");
    let check = format!("{}/scripts/eval_check.py", env!("CARGO_MANIFEST_DIR"));
    for corpus in ["seed.gold", "polnear-dev", "canadian-dev"] {
        let gold = format!("{shared}/corpus/{corpus}.jsonl");
        let st = Command::new("python3")
            .args([&check, bin, &score, &gold])
            .status()
            .unwrap();
        assert!(st.success(), "noisy predictions differ on {corpus}");
        // The engine's own predictions.
        let pred =
            std::env::temp_dir().join(format!("saywho-pred-{}-{corpus}.jsonl", std::process::id()));
        let out = saywho()
            .args(["extract", "--input", "jsonl", "--format", "jsonl", &gold])
            .output()
            .unwrap();
        assert!(out.status.success());
        std::fs::write(&pred, &out.stdout).unwrap();
        let pred = pred.display().to_string();
        let st = Command::new("python3")
            .args([&check, bin, &score, &gold, &pred])
            .status()
            .unwrap();
        assert!(st.success(), "engine predictions differ on {corpus}");
        // And `saywho eval` running the engine itself equals score.py on those predictions.
        let want = Command::new("python3")
            .args([&score, &gold, &pred, "--errors", "10"])
            .output()
            .unwrap();
        let got = saywho()
            .args(["eval", &gold, "--errors", "10"])
            .output()
            .unwrap();
        assert_eq!(stdout(&got), stdout(&want), "{corpus}");
    }
}

// --- Hardening, second round (issue 15): JSONL lines, ids, eval's input ---------------------

#[test]
fn an_over_long_jsonl_line_is_reported_once_and_stops_reading() {
    let long = format!("{{\"id\": 2, \"text\": \"{}\"}}\n", "a".repeat(5000));
    let input =
        format!("{{\"id\": 1, \"text\": \"Rain fell.\"}}\n{long}{{\"id\": 3, \"text\": \"x\"}}\n");
    let out = run_with_stdin(
        &[
            "extract",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--max-line-bytes",
            "1000",
        ],
        input,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    cli_support::assert_tame_messages(&out.stderr, 1);
    assert!(
        stderr(&out).starts_with("saywho: -:2: line longer than 1000 bytes"),
        "{}",
        stderr(&out)
    );
}

/// `/dev/zero` has no line break: reading stops at the limit instead of filling memory.
#[test]
fn an_endless_line_stops_at_the_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let small = ["--max-line-bytes", "100000", "/dev/zero"];
    for (command, messages) in [
        (&["extract", "--input", "jsonl"][..], 1),
        (&["eval"], 2), // and `no scores`
    ] {
        let out = saywho().args(command).args(small).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        cli_support::assert_tame_messages(&out.stderr, messages);
        let err = stderr(&out);
        assert!(
            err.starts_with("saywho: /dev/zero:1: line longer than 100000 bytes"),
            "{err}"
        );
    }
    // The default limit, 64 MiB.
    let out = saywho()
        .args(["extract", "--input", "jsonl", "/dev/zero"])
        .output()
        .unwrap();
    cli_support::assert_fails_with(
        &out,
        1,
        "saywho: /dev/zero:1: line longer than 67108864 bytes",
    );
}

#[test]
fn large_and_escaped_ids_are_echoed_exactly() {
    let input = "{\"id\": 123456789012345678901234567890, \"text\": \"“Go,” Smith said.\"}\n\
                 {\"id\": \"caf\\u00e9\", \"text\": \"x\"}\n";
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "jsonl"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("{\"id\":123456789012345678901234567890,"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("{\"id\":\"caf\\u00e9\","),
        "{}",
        lines[1]
    );
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "csv"], input);
    assert!(
        stdout(&out).contains("\r\n123456789012345678901234567890,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn deeply_nested_ignored_fields_and_lone_surrogates() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let input = format!(
        "{{\"id\": 1, \"meta\": {deep}, \"text\": \"“Go,” Smith said.\"}}\n\
         {{\"id\": 2, \"text\": \"a\\ud800 b\"}}\n"
    );
    let out = run_with_stdin(&["extract", "--input", "jsonl", "--format", "jsonl"], input);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stderr(&out));
    cli_support::assert_tame_messages(&out.stderr, 1);
    assert!(
        stderr(&out)
            .starts_with("saywho: -:2: invalid JSON: invalid unicode escape (lone surrogate)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn eval_reports_each_bad_gold_span_and_key_line() {
    let dir = scratch("cli-eval-bad-spans");
    let gold = write(
        &dir,
        "gold.jsonl",
        "{\"id\": \"a\", \"text\": \"“Go,” she said.\", \"quotes\": [\
           {\"start\": 0, \"end\": 5, \"speaker\": \"she\"},\
           {\"start\": 3, \"end\": 99, \"speaker\": \"she\"},\
           {\"start\": 4, \"end\": 2}, {\"start\": 1, \"end\": 1}]}\n",
    );
    let out = saywho().arg("eval").arg(&gold).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    cli_support::assert_tame_messages(&out.stderr, 4);
    assert!(stderr(&out).ends_with("saywho: no scores: 3 bad input lines\n"));
    let err = stderr(&out);
    assert!(
        err.contains("gold.jsonl:1: quote 2: span 3..99 ends past the text (15 characters)"),
        "{err}"
    );
    assert!(
        err.contains("gold.jsonl:1: quote 3: span 4..2 is empty or reversed"),
        "{err}"
    );
    assert!(
        err.contains("gold.jsonl:1: quote 4: span 1..1 is empty or reversed"),
        "{err}"
    );

    let good = write(
        &dir,
        "good.jsonl",
        "{\"id\": \"a\", \"text\": \"“Go,” she said.\", \"quotes\": [{\"start\": 0, \"end\": 5}]}\n",
    );
    let key = write(
        &dir,
        "key.jsonl",
        "{\"id\": \"a\", \"start\": -3, \"end\": 5, \"canonical\": \"Ann Lee\", \"resolvable\": true}\n",
    );
    let out = saywho()
        .arg("eval")
        .arg(&good)
        .arg("--canonical")
        .arg(&key)
        .output()
        .unwrap();
    cli_support::assert_fails_with(
        &out,
        2,
        "key.jsonl:1: \"start\" is not a non-negative integer (-3)",
    );
}

#[test]
fn eval_write_errors_name_stdout() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let out = saywho()
        .args([
            "eval",
            &fixture("eval-tiny.gold.jsonl"),
            "--pred",
            &fixture("eval-tiny.pred.jsonl"),
        ])
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    cli_support::assert_fails_with(&out, 1, "saywho: stdout: ");
}
