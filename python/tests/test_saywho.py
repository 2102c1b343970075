"""The Python package against the `saywho` binary and the reference article."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
from pathlib import Path

import pytest

import saywho

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "assets" / "samples" / "seed-ukraine-talks.txt"
GOLD = ROOT / "tests" / "fixtures" / "seed-ukraine-talks.gold.json"


def saywho_binary() -> str:
    """The command-line binary: $SAYWHO_BIN, else a build in target/, else one on PATH."""
    for candidate in (
        os.environ.get("SAYWHO_BIN"),
        ROOT / "target" / "release" / "saywho",
        ROOT / "target" / "debug" / "saywho",
        shutil.which("saywho"),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.skip("no saywho binary (cargo build first)")


def cli_extract(*args: str, stdin: bytes | None = None) -> list[dict]:
    out = subprocess.run(
        [saywho_binary(), "extract", "--format", "jsonl", *args],
        input=stdin,
        capture_output=True,
        check=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_reference_article_quotes_and_speakers_are_exact():
    result = saywho.extract(REFERENCE.read_text(encoding="utf-8"))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    got = [(q["start"], q["end"], q["speaker"]) for q in result["quotes"]]
    want = [(q["start"], q["end"], q.get("speaker")) for q in gold["quotes"]]
    assert got == want


def test_extract_equals_the_command_line_result():
    text = REFERENCE.read_text(encoding="utf-8")
    record = json.dumps({"id": "ref-1", "text": text}).encode()
    (cli,) = cli_extract("--input", "jsonl", stdin=record)
    assert saywho.extract(text, id="ref-1") == cli
    assert saywho.extract(text)["id"] is None


def test_read_equals_the_command_line_for_text_html_and_markdown(tmp_path: Path):
    html = tmp_path / "page.html"
    html.write_text(
        "<html><head><title>Budget day</title></head><body><article><h1>Budget day</h1>"
        "<p>The council met on Monday.</p><p>“We will finish the road by spring,” "
        "Anna Berg said. She added that the budget was tight.</p></article></body></html>",
        encoding="utf-8",
    )
    md = tmp_path / "note.md"
    md.write_text(
        "# Road works\n\n“It is early,” Tom Ruiz said on *Monday*.\n", encoding="utf-8"
    )
    for path in (REFERENCE, html, md):
        (cli,) = cli_extract(str(path))
        assert saywho.read(path) == cli
        assert saywho.read(str(path)) == cli


def test_extract_many_equals_the_command_line_jsonl_in_order():
    texts = [
        f"“Road {i} opens in spring,” Anna Berg said. " * (1 + i % 9) for i in range(60)
    ]
    docs = [{"id": i, "text": t} for i, t in enumerate(texts)]
    stdin = "".join(json.dumps(d) + "\n" for d in docs).encode()
    cli = cli_extract("--input", "jsonl", stdin=stdin)
    for jobs in (1, 2, 4):
        assert list(saywho.extract_many(docs, jobs=jobs)) == cli
    # Plain strings have the id null.
    plain = list(saywho.extract_many(texts[:3]))
    assert [r["id"] for r in plain] == [None] * 3
    assert [r["quotes"] for r in plain] == [r["quotes"] for r in cli[:3]]


def test_bad_input_raises_python_exceptions(tmp_path: Path):
    with pytest.raises(TypeError):
        saywho.extract(b"bytes are not text")  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        saywho.extract("a lone surrogate \ud800 cannot be UTF-8")
    with pytest.raises(TypeError):
        saywho.extract("text", id=object())
    with pytest.raises(FileNotFoundError):
        saywho.read(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        saywho.read(tmp_path)
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(ValueError, match="binary"):
        saywho.read(png)
    with pytest.raises(TypeError, match="document 1"):
        list(saywho.extract_many(["fine", 42]))
    with pytest.raises(TypeError, match="document 0"):
        list(saywho.extract_many([{"id": 1}]))
    for jobs in (0, -1, 1.5, True):
        with pytest.raises(ValueError):
            saywho.extract_many([], jobs=jobs)  # type: ignore[arg-type]
    # Empty and odd texts are results, not errors.
    assert saywho.extract("")["quotes"] == []
    assert isinstance(saywho.extract("\x00\x1b[2J“”\"\n" * 50), dict)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_ten_thousand_documents_in_bounded_memory():
    pulled = 0
    paragraph = "“We will finish the road by spring,” Anna Berg said. The council agreed. "

    def documents():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            # A fresh 10 KB string each: a list of them all would hold 100 MB.
            yield {"id": i, "text": f"Report {i}. " + paragraph * 130}

    results = saywho.extract_many(documents(), jobs=2)
    first = next(results)
    assert first["id"] == 0
    assert pulled <= 8, "the iterable is read a batch at a time"
    before = peak_rss_mb()
    count, quotes = 1, len(first["quotes"])
    for r in results:
        assert r["id"] == count
        count += 1
        quotes += len(r["quotes"])
    assert count == 10_000 and quotes == 10_000 * 130
    grown = peak_rss_mb() - before
    assert grown < 40, f"peak memory grew by {grown:.0f} MB over 10,000 documents"
