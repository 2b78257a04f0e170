"""Fusion across real coding runs: the same inputs again change nothing, and a run killed with
SIGKILL then run again gives the unique events of a clean run. Also the new-user check of
issue 12 on the seed article and two edited copies of it (made in tmp_path, never stored in
the repository)."""

from __future__ import annotations

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

SET = Path(__file__).resolve().parents[1] / "quality" / "fusion" / "articles.jsonl"


def fused(db: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Everything fusion keeps: story labels, unique events, members."""
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT id, story, copy_of FROM articles ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM unique_events ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM fusion_members ORDER BY article_id, event_id").fetchall(),
        )
    finally:
        conn.close()


def _committed(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_then_rerun_gives_the_clean_unique_events(tmp_path):
    # Four stories of the evaluation set (originals and copies), in an order that puts copies
    # in later batches than their originals.
    lines = [line for line in SET.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"][:3] in
             {"s01", "s04", "s18", "s24"}]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "eventcoder", "code", str(src), "--batch-size", "2"]
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    subprocess.run([*cmd, "--db", str(clean)], check=True, capture_output=True, timeout=300)
    expected = fused(clean)
    assert len(expected[1]) < len(expected[2])  # something was fused

    # The same inputs again (recoded, so every article is rewritten) change nothing.
    subprocess.run([*cmd, "--db", str(clean), "--recode"], check=True, capture_output=True, timeout=300)
    assert fused(clean) == expected

    proc = subprocess.Popen([*cmd, "--db", str(crashed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and _committed(crashed) < 4:
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _committed(crashed) < len(lines)
    subprocess.run([*cmd, "--db", str(crashed)], check=True, capture_output=True, timeout=300)
    assert fused(crashed) == expected

    result = CliRunner().invoke(cli, ["fuse", "--rebuild", "--db", str(crashed)])
    assert result.exit_code == 0, result.output
    assert fused(crashed) == expected


@pytest.mark.slow
def test_the_seed_and_two_edited_copies_report_the_125_event_once(tmp_path, shared):
    seed = (shared / "seed" / "moscow-times-2024-09-20.txt").read_text(encoding="utf-8")
    headline = "Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly"
    paragraphs = [p for p in seed.split("\n\n") if p.strip()]
    dropped = [p for p in paragraphs if p.startswith(("Moscow and Washington are also", "Russia, now one of"))]
    assert len(dropped) == 2 and headline in seed
    # A copy is another outlet's page: its own headline, one paragraph fewer, no link to the original.
    body = seed[: seed.index("Original url:")]
    (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
    for i, (title, drop) in enumerate(zip(["Kremlin Says No Lavrov-Blinken Talks", "Russia: No Meeting With Blinken"],
                                          dropped, strict=True)):  # fmt: skip
        (tmp_path / f"copy{i}.txt").write_text(body.replace(headline, title).replace(drop + "\n\n", ""), "utf-8")
    db = str(tmp_path / "e.db")
    runner = CliRunner()
    coded = runner.invoke(cli, ["code", str(tmp_path / "seed.txt"), str(tmp_path / "copy0.txt"),
                                str(tmp_path / "copy1.txt"), "--db", db])  # fmt: skip
    assert coded.exit_code == 0, coded.output
    assert "coded 3 articles" in coded.stderr + coded.stdout
    result = runner.invoke(cli, ["events", "--unique", "--source", "RUSGOV", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if json.loads(line)["base"] == "125"]
    assert [(r["source"], r["mentions"], r["articles"], r["stories"]) for r in rows] == [("RUSGOV", 3, 3, 1)]
    stats = json.loads(runner.invoke(cli, ["stats", "--json", "--db", db]).stdout)
    assert (stats["stories"], stats["copies"]) == (1, 2)
