"""Progress of a run: the input count that gives the total, log lines without a terminal, the summary."""

from __future__ import annotations

import gzip
import io
import json
import re
import time

from eventcoder.progress import Progress, count_inputs
from eventcoder.run import RunSummary, duration


def test_count_inputs_follows_what_read_inputs_yields(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("One article.", encoding="utf-8")
    (d / "sub" / "b.html").write_text("<p>Two</p>", encoding="utf-8")
    (d / "c.jsonl").write_text("\n".join(json.dumps({"text": f"t{i}"}) for i in range(5)) + "\n\n", encoding="utf-8")
    with gzip.open(d / "d.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "x"}) + "\n" + json.dumps({"text": "y"}) + "\n")
    (d / "e.csv").write_text('text,title\n"a line\nbreak",T\nplain,U\n', encoding="utf-8")
    (d / "ignored.pdf").write_bytes(b"%PDF")
    (d / ".hidden.txt").write_text("not read", encoding="utf-8")
    assert count_inputs([str(d)]) == 1 + 1 + 5 + 2 + 2
    assert count_inputs([str(d / "c.jsonl"), str(d / "a.txt")]) == 6
    assert count_inputs([str(d / "*.txt")]) == 1
    assert count_inputs([str(tmp_path / "missing.txt")]) == 1  # one rejection
    assert count_inputs(["-"]) is None  # stdin: unknown until read


def test_without_a_terminal_a_line_every_interval_with_done_total_rate_and_eta():
    out = io.StringIO()
    progress = Progress(10, out, interactive=False, interval=0.05)
    time.sleep(0.08)
    progress.update(RunSummary(loading_seconds=0.01))
    progress.update(RunSummary(coded=3, skipped=1, rejected=1, loading_seconds=0.01))
    time.sleep(0.12)
    progress.close()
    lines = out.getvalue().splitlines()
    assert len(lines) >= 2
    assert re.fullmatch(r"eventcoder: 0/10 articles \(0%\) in [\d.]+s, loading the model", lines[0])
    last = lines[-1]
    assert re.fullmatch(r"eventcoder: 5/10 articles \(50%\) in [\d.]+s, [\d.,]+ articles/s, ETA [\dms.h]+", last), last


def test_a_terminal_gets_a_bar_with_a_total_that_stays_on_screen():
    out = io.StringIO()
    progress = Progress(4, out, interactive=True)
    progress.update(RunSummary(coded=2))
    progress.update(RunSummary(coded=3, skipped=1))
    progress.close()
    text = out.getvalue()
    assert "4/4" in text and "100%" in text and "articles/s" in text
    assert text.endswith("\n")  # left on screen, not erased


def test_the_summary_gives_elapsed_time_and_throughput_without_model_loading():
    s = RunSummary(coded=10, events=30, quotes=5, words=5000, seconds=12.0, loading_seconds=7.0)
    assert s.words_per_second == 1000.0
    assert s.line() == (
        "coded 10 articles (0 already stored, 0 rejected): 30 events, 5 quotes in 12.0s "
        "(2.0 articles/s, 1,000 words/s); model and dictionaries loaded in 7.0s"
    )


def test_durations():
    assert [duration(x) for x in (0.4, 59.94, 61, 3599, 3725)] == ["0.4s", "59.9s", "1m01s", "59m59s", "1h02m"]
