"""`eventcoder code` on hostile inputs: the bad ones are named, the good ones stored, no traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from eventcoder.article import Article
from eventcoder.pipeline import code_batch_safely
from eventcoder.settings import Settings

GOOD = "The foreign ministers of France and Germany met in Geneva on Tuesday to discuss sanctions.\n"


def _code(*args: str, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eventcoder", "code", *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


def _stored(db) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT id, path FROM articles"))


@pytest.mark.slow
def test_undecodable_name_and_surrogates_lose_no_good_article(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(d), b"\xff.txt"), "wb") as f:
        f.write(b"Russia and China signed a trade agreement in Beijing on Monday.\n")
    (d / "records.jsonl").write_text(
        json.dumps({"id": "bad", "title": "\udcff", "text": GOOD})
        + "\n"
        + json.dumps({"id": "ok", "text": GOOD})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    run = _code(str(d), "--db", str(db))
    assert "Traceback" not in run.stderr
    assert f"{d}/records.jsonl:1: field 'title' is not valid Unicode text (a lone surrogate \\udcff)" in run.stderr
    assert run.returncode == 1
    paths = [p for _, p in _stored(db)]
    assert sorted(paths) == sorted([f"{d}/good.txt", f"{d}/\\xff.txt", f"{d}/records.jsonl"])


@pytest.mark.parametrize(("value", "message"), [("0", "batch_size: 0 is less than 1"),
                                                ("-1", "batch_size: -1 is less than 1")])  # fmt: skip
def test_bad_batch_size_from_the_environment_is_a_usage_error(tmp_path, value, message):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    run = _code(str(tmp_path / "a.txt"), "--no-store", env={"EVENTCODER_BATCH_SIZE": value})
    assert (run.returncode, run.stderr.strip()) == (2, f"eventcoder: setting {message}")


def test_late_rejection_names_the_line_and_the_reason():
    settings = Settings.load(max_article_chars=50)
    articles = [
        Article(id="o1", text="Russia met France on Monday.", origin="in.jsonl:1"),
        Article(id="o2", text="Russia met France on Monday. " * 5, origin="in.jsonl:2"),
    ]
    out = code_batch_safely(articles, settings)
    assert isinstance(out[0], Article)
    assert str(out[1]) == (
        "in.jsonl:2: article text of 145 characters is over the limit of 50 (setting max_article_chars);"
        " split it into several articles"
    )


def test_late_rejection_of_a_broken_stage_names_the_line(monkeypatch):
    from eventcoder import pipeline

    def broken(ctx, resources):
        if "boom" in ctx.article.text:
            raise ValueError("stage bug")

    stage = pipeline.Stage("broken", requires=(), assigns=(), load=lambda settings: None, apply=broken)
    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES, stage))
    out = code_batch_safely(
        [
            Article(id="a", text="Talks went on.", origin="f.jsonl:1"),
            Article(id="b", text="A boom.", origin="f.jsonl:2"),
        ],
        Settings(),
    )
    assert str(out[1]) == "f.jsonl:2: internal error while coding article b: ValueError: stage bug"
