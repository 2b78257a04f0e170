"""One coding run: inputs -> ingest -> pipeline -> store and/or JSON Lines, with its counts.

The ``code`` command calls :func:`code_inputs` (files, folders, globs, stdin); ``POST
/api/articles`` calls :func:`code_items` with the articles read from the request body. Both
are the same run: neither raises for bad input or for an article a stage cannot code (each
becomes a ``Rejection`` passed to ``on_reject``), and each batch is written to the store in
one transaction, skipping articles the store already holds (unless ``recode``), so an
interrupted run can simply be run again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TextIO

from . import nlp as nlp_mod
from .article import Article
from .ingest import Rejection, read_inputs
from .ingest.limits import Limits
from .pipeline import batched, code_articles, load_stages
from .settings import Settings
from .store import Store, WriteResult


@dataclass
class RunSummary:
    """What a run did: the closing line of ``eventcoder code``."""

    coded: int = 0
    skipped: int = 0  # already in the store (or repeated in the input)
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0  # the whole run
    loading_seconds: float = 0.0  # of which loading the model and dictionaries (once, before coding)

    @property
    def coding_seconds(self) -> float:
        """The run without loading the model and dictionaries."""
        return max(0.0, self.seconds - self.loading_seconds)

    @property
    def words_per_second(self) -> float:
        """Throughput of the coding itself, model loading left out."""
        return self.words / self.coding_seconds if self.coding_seconds > 0 else 0.0

    @property
    def done(self) -> int:
        """Inputs dealt with so far: coded, skipped or rejected."""
        return self.coded + self.skipped + self.rejected

    def line(self) -> str:
        """The closing line of ``eventcoder code``: counts, elapsed time, throughput, loading apart."""
        rate = self.coded / self.coding_seconds if self.coding_seconds > 0 else 0.0
        loading = f"; model and dictionaries loaded in {duration(self.loading_seconds)}" if self.loading_seconds else ""
        return (
            f"coded {self.coded} articles ({self.skipped} already stored, {self.rejected} rejected): "
            f"{self.events} events, {self.quotes} quotes in {duration(self.seconds)} "
            f"({rate:,.1f} articles/s, {self.words_per_second:,.0f} words/s){loading}"
        )


def duration(seconds: float) -> str:
    """``0.4s``, ``12.3s``, ``4m05s``, ``1h02m``."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def code_inputs(
    inputs: Iterable[str],
    settings: Settings,
    *,
    store: Store | None = None,
    jsonl: IO[str] | None = None,
    stdin: TextIO | None = None,
    recode: bool = False,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_batch: Callable[[list[Article]], None] = lambda b: None,
    on_progress: Callable[[RunSummary], None] = lambda s: None,
) -> RunSummary:
    """Code every article of ``inputs``; store them and/or write them as JSON Lines.

    ``on_progress`` gets the running summary whenever its counts move (for a progress bar).
    """
    items = read_inputs(inputs, plain=settings.plain, stdin=stdin, limits=Limits.of(settings))
    return code_items(
        items, settings, store=store, jsonl=jsonl, recode=recode, on_reject=on_reject, on_batch=on_batch,
        on_progress=on_progress,
    )  # fmt: skip


def code_items(
    items: Iterable[Article | Rejection],
    settings: Settings,
    *,
    store: Store | None = None,
    jsonl: IO[str] | None = None,
    recode: bool = False,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_batch: Callable[[list[Article]], None] = lambda b: None,
    on_stored: Callable[[list[Article], WriteResult], None] = lambda b, r: None,
    on_progress: Callable[[RunSummary], None] = lambda s: None,
) -> RunSummary:
    """Code read articles (rejections among ``items`` go straight to ``on_reject``).

    An id seen before in ``items`` is skipped, and so is an id the store holds unless
    ``recode``; an article a stage cannot code is a rejection. Each coded batch is written to
    ``store`` in one transaction (``on_stored`` is told what became of each article) and/or
    to ``jsonl``; ``on_batch`` sees every coded batch, ``on_progress`` the running summary.
    """
    summary = RunSummary()
    started = time.perf_counter()
    loaded = False

    def load_once() -> None:
        # Loaded here, before the first batch (and before worker processes fork), so the
        # summary reports loading apart from coding; a run with nothing new loads nothing.
        nonlocal loaded
        if not loaded:
            t0 = time.perf_counter()
            nlp_mod.load(settings.model)
            load_stages(settings)
            summary.loading_seconds = time.perf_counter() - t0
            loaded = True

    def articles() -> Iterator[Article]:
        seen: set[str] = set()
        for chunk in batched(_reject_filter(items, summary, on_reject), settings.batch_size):
            fresh = [a for a in chunk if a.id not in seen]
            summary.skipped += len(chunk) - len(fresh)
            # The same id twice in one input is coded once.
            unique: dict[str, Article] = {}
            for a in fresh:
                if a.id in unique:
                    summary.skipped += 1
                else:
                    unique[a.id] = a
            fresh = list(unique.values())
            seen.update(unique)
            if store is not None and not recode:
                known = store.known_ids([a.id for a in fresh])
                summary.skipped += len(known)
                fresh = [a for a in fresh if a.id not in known]
            if fresh:
                load_once()
            on_progress(summary)
            yield from fresh

    for coded in code_articles(articles(), settings):
        batch = [a for a in coded if isinstance(a, Article)]
        for failed in (r for r in coded if isinstance(r, Rejection)):
            summary.rejected += 1
            on_reject(failed)
        if store is not None:
            on_stored(batch, store.write_batch(batch))
        for article in batch:
            summary.coded += 1
            summary.events += len(article.events)
            summary.quotes += len(article.quotes)
            summary.words += len(article.text.split())
            if jsonl is not None:
                jsonl.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        if jsonl is not None:
            jsonl.flush()
        on_batch(batch)
        summary.seconds = time.perf_counter() - started
        on_progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _reject_filter(
    items: Iterable[Article | Rejection], summary: RunSummary, on_reject: Callable[[Rejection], None]
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Rejection):
            summary.rejected += 1
            on_reject(item)  # counted in the progress with the next batch
        else:
            yield item
