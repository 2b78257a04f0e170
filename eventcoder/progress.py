"""Progress of a coding run: how many inputs there are, and a bar or log lines while it runs.

``count_inputs`` counts the articles of the inputs before the run starts (a file is one
article; a JSON Lines or CSV file has one per line or record): cheap next to coding them,
and what gives the bar its total, percentage and ETA. ``Progress`` shows a tqdm bar on a
terminal, kept on screen at the end, and elsewhere (Jupyter's ``!``, nohup, CI) writes a log
line to stderr every ``interval`` seconds.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import os
import shutil
import threading
import time
from collections.abc import Iterable
from typing import IO, Any

from .ingest.inputs import STDIN, file_format
from .run import RunSummary, duration


def count_inputs(inputs: Iterable[str]) -> int | None:
    """How many articles (or rejections) reading ``inputs`` yields; None when unknowable (stdin).

    Follows ``read_inputs``: folders recursively without hidden entries, globs, one item per
    unreadable or unsupported file. An unreadable file counts as one (its rejection).
    """
    total = 0
    for given in inputs:
        if given == STDIN:
            return None
        if os.path.isdir(given):
            total += _count_folder(given)
        elif os.path.lexists(given) or not glob.has_magic(given):
            total += _count_file(given)
        else:
            matches = sorted(glob.glob(given, recursive=True)) or [given]
            total += sum(_count_folder(m) if os.path.isdir(m) else _count_file(m) for m in matches)
    return total


def _count_folder(folder: str) -> int:
    n = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        n += sum(_count_file(os.path.join(root, f)) for f in files if not f.startswith(".") and file_format(f)[0])
    return max(n, 1)  # an empty folder is one rejection


def _count_file(path: str) -> int:
    kind, gz = file_format(os.path.basename(path))
    if kind not in ("jsonl", "csv"):
        return 1
    try:
        with gzip.open(path, "rb") if gz else open(path, "rb") as f:
            if kind == "jsonl":
                return max(1, sum(1 for line in f if line.strip()))
            # CSV records may hold line breaks inside quotes: count records, not lines.
            text = io.TextIOWrapper(f, encoding="utf-8", errors="replace", newline="")
            return max(1, sum(1 for _ in csv.reader(text)) - 1)  # minus the header
    except (OSError, EOFError, csv.Error):
        return 1  # read_inputs names the problem; it is one rejection


class Progress:
    """A bar (terminal) or periodic log lines (no terminal) on ``stream``, fed run summaries.

    ``update(summary)`` after each batch; ``close()`` at the end (the bar stays on screen).
    """

    def __init__(
        self, total: int | None, stream: IO[str], *, interactive: bool | None = None, interval: float = 10.0
    ) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.started = time.perf_counter()
        self.summary = RunSummary()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._bar: Any = None
        self._thread: threading.Thread | None = None
        if interactive is None:
            interactive = stream.isatty()
        if interactive:
            from tqdm import tqdm

            # rate_noinv: always "articles/s", never tqdm's inverted "s/article" when slow.
            self._bar = tqdm(
                total=total,
                file=stream,
                unit=" articles",
                leave=True,
                ncols=min(shutil.get_terminal_size().columns, 120),
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}]"
                if total is not None
                else "{n_fmt} articles [{elapsed}, {rate_noinv_fmt}]",
            )
        else:
            self._thread = threading.Thread(target=self._log_every_interval, name="eventcoder-progress", daemon=True)
            self._thread.start()

    def update(self, summary: RunSummary) -> None:
        """Show the run's counts so far (from any thread)."""
        with self._lock:
            self.summary = summary
            if self._bar is not None:
                self._bar.update(summary.done - self._bar.n)

    def close(self) -> None:
        """Stop the periodic log line and leave the bar on screen."""
        if self._bar is not None:
            self._bar.close()
        if self._thread is not None:
            self._stop.set()
            self._thread.join()

    def line(self) -> str:
        """``eventcoder: 120/1500 articles (8%) in 40.0s, 3.1 articles/s, ETA 7m25s``."""
        with self._lock:
            s = self.summary
            done = s.done
        elapsed = time.perf_counter() - self.started
        coding = max(0.0, elapsed - s.loading_seconds)
        head = f"eventcoder: {done}/{self.total} articles" if self.total is not None else f"eventcoder: {done} articles"
        if self.total:
            head += f" ({100 * done // self.total}%)"
        head += f" in {duration(elapsed)}"
        if s.coded == 0:
            return head + (", loading the model" if not s.loading_seconds else ", coding the first batch")
        rate = s.coded / coding if coding > 0 else 0.0
        tail = f", {rate:,.1f} articles/s"
        if self.total is not None and rate > 0:
            tail += f", ETA {duration(max(0, self.total - done) / rate)}"
        return head + tail

    def _log_every_interval(self) -> None:
        while not self._stop.wait(self.interval):
            print(self.line(), file=self.stream, flush=True)
