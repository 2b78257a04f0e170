"""`eventcoder code` end to end: mixed good and bad inputs, idempotency, exit codes, a crash."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)
from eventcoder.schema import problems

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GOOD_TXT = """Leaders Meet in Geneva

By Reuters

March 3, 2021

The foreign ministers of France and Germany met in Geneva on Tuesday to discuss sanctions.

"We agreed on the next steps," the French minister told reporters.
"""
HTML = """<!DOCTYPE html><html><head><title>Talks resume</title>
<meta property="og:url" content="https://www.example-news.com/2021/talks-resume">
<meta name="date" content="2021-03-04"></head>
<body><article><h1>Talks resume in Vienna</h1>
<p>Iranian and European diplomats resumed talks in Vienna on Thursday about the nuclear agreement.</p>
<p>The European Union's foreign policy chief said the negotiations would continue next week in the city.</p>
</article></body></html>
"""


def _folder(tmp: Path) -> Path:
    d = tmp / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (d / "b_empty.txt").write_text("", encoding="utf-8")
    (d / "c_noise.txt").write_bytes(bytes(range(256)) * 4)
    (d / "d_latin1.txt").write_bytes(
        "Protesters gathered in Zürich on Monday, police said. The café stayed shut.".encode("latin-1")
    )
    (d / "e_records.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Turkey's army shelled Kurdish positions in Syria on Monday."}) + "\n{broken\n",
        encoding="utf-8",
    )
    with gzip.open(d / "f_more.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g1", "text": "China and Russia signed a trade agreement in Beijing."}) + "\n")
    (d / "g_page.html").write_text(HTML, encoding="utf-8")
    return d


def test_mixed_folder_stores_good_names_bad_and_rerun_changes_nothing(tmp_path):
    folder = _folder(tmp_path)
    db = tmp_path / "x.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["code", str(folder), "--db", str(db)])
    assert first.exit_code == 1, first.output
    assert first.exception is None or isinstance(first.exception, SystemExit)
    err = first.stderr
    assert f"{folder / 'b_empty.txt'}: empty file" in err
    assert f"{folder / 'c_noise.txt'}: binary data, not text" in err
    assert f"{folder / 'e_records.jsonl'}:2: invalid JSON" in err
    assert "Traceback" not in first.output
    assert "coded 5 articles (0 already stored, 3 rejected)" in err

    stats = runner.invoke(cli, ["stats", "--db", str(db), "--json"])
    counts = json.loads(stats.stdout)
    assert counts["articles"] == 5

    again = runner.invoke(cli, ["code", str(folder), "--db", str(db)])
    assert again.exit_code == 1
    assert "coded 0 articles (5 already stored, 3 rejected)" in again.stderr
    assert json.loads(runner.invoke(cli, ["stats", "--db", str(db), "--json"]).stdout) == counts


def test_jsonl_output_follows_the_schema(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["code", str(folder), "--no-store", "--jsonl", str(out)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert {r["id"] for r in records} >= {"j1", "g1"}
    for r in records:
        assert problems(r) == []
    latin = next(r for r in records if r["path"].endswith("d_latin1.txt"))
    assert "Zürich" in latin["text"] and "café" in latin["text"]


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["code"]).exit_code == 2
    missing = runner.invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
    assert "none.db: no such database" in missing.stderr
    db = tmp_path / "x.db"
    runner.invoke(cli, ["code", str(EXAMPLES), "--db", str(db), "--batch-size", "64"])
    bad = runner.invoke(cli, ["events", "--db", str(db), "--since", "last tuesday"])
    assert bad.exit_code == 2
    assert "since" in bad.stderr and "Traceback" not in bad.output


def test_nothing_given_names_the_path(tmp_path):
    result = CliRunner().invoke(cli, ["code", str(tmp_path / "nope.txt"), "--no-store"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or directory" in result.stderr


def _counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "quotes"))
    finally:
        con.close()


@pytest.mark.slow
def test_kill_9_then_rerun_finishes_without_duplicates(tmp_path, shared):
    """A run killed mid-way leaves a consistent database; the same command finishes the work."""
    corpus = shared / "corpora" / "wikinews" / "wikinews_2019.csv"
    rows = corpus.read_text(encoding="utf-8")
    import csv
    import io

    records = list(csv.DictReader(io.StringIO(rows)))[:24]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"url": r["url"], "text": r["text"]}) + "\n" for r in records), encoding="utf-8")
    cmd = [sys.executable, "-m", "eventcoder", "code", str(src), "--batch-size", "2"]
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    subprocess.run([*cmd, "--db", str(clean)], check=True, capture_output=True, timeout=300)

    proc = subprocess.Popen([*cmd, "--db", str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once some batches are committed, before the end
        time.sleep(0.2)
        if crashed.exists() and _committed(crashed) >= 4:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _committed(crashed)
    assert 0 < partial < len(records)
    con = sqlite3.connect(crashed)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()

    subprocess.run([*cmd, "--db", str(crashed)], check=True, capture_output=True, timeout=300)
    assert _counts(crashed) == _counts(clean)


def _committed(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _coded(args: list[str]) -> list[dict]:
    result = CliRunner().invoke(cli, ["code", *args, "--no-store", "--jsonl", "-"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_workers_give_the_same_output_in_the_same_order():
    one = _coded([str(EXAMPLES / "wikinews.jsonl"), "--batch-size", "2"])
    two = _coded([str(EXAMPLES / "wikinews.jsonl"), "--batch-size", "2", "--workers", "2"])
    assert [r["id"] for r in one] == [r["id"] for r in two]
    assert one == two


def test_per_record_options_apply_to_that_record_only(tmp_path):
    """require_dyad off keeps the event that has no target, for that record alone."""
    text = "Iran threatened retaliation on Monday."
    src = tmp_path / "opts.jsonl"
    src.write_text(
        json.dumps({"id": "strict", "text": text, "published": "2024-01-10"})
        + "\n"
        + json.dumps({"id": "loose", "text": text, "published": "2024-01-10", "options": {"require_dyad": False}})
        + "\n",
        encoding="utf-8",
    )
    by_id = {r["id"]: r for r in _coded([str(src)])}
    loose = [e for e in by_id["loose"]["events"] if e["cameo"].startswith("13")]
    strict = [e for e in by_id["strict"]["events"] if e["cameo"].startswith("13")]
    assert [(e["source"]["code"], e["target"]) for e in loose] == [("IRN", None)]
    assert strict == []
