"""One coding run: inputs -> ingest -> pipeline -> store and/or JSON Lines, with its counts.

The ``code`` command and anything else that codes files call :func:`code_inputs`; it
never raises for bad input (rejections go to ``on_reject``) and writes each batch to the
store in one transaction, skipping articles the store already holds, so an interrupted run
can simply be run again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TextIO

from .article import Article
from .ingest import Rejection, read_inputs
from .ingest.limits import Limits
from .pipeline import batched, code_articles
from .settings import Settings


@dataclass
class RunSummary:
    """What a run did: the closing line of ``eventcoder code``."""

    coded: int = 0
    skipped: int = 0  # already in the store (or repeated in the input)
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        """Words coded per second of the run."""
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The closing line of ``eventcoder code``."""
        return (
            f"coded {self.coded} articles ({self.skipped} already stored, {self.rejected} rejected): "
            f"{self.events} events, {self.quotes} quotes, {self.words_per_second:,.0f} words/s"
        )


def code_inputs(
    inputs: Iterable[str],
    settings: Settings,
    *,
    store=None,  # eventcoder.store.Store or None
    jsonl: IO[str] | None = None,
    stdin: TextIO | None = None,
    recode: bool = False,
    on_reject: Callable[[Rejection], None] = lambda r: None,
    on_batch: Callable[[list[Article]], None] = lambda b: None,
) -> RunSummary:
    """Code every article of ``inputs``; store them and/or write them as JSON Lines."""
    summary = RunSummary()
    started = time.perf_counter()

    def articles() -> Iterator[Article]:
        seen: set[str] = set()
        items = read_inputs(inputs, plain=settings.plain, stdin=stdin, limits=Limits.of(settings))
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
            yield from fresh

    for coded in code_articles(articles(), settings):
        batch = [a for a in coded if isinstance(a, Article)]
        for failed in (r for r in coded if isinstance(r, Rejection)):
            summary.rejected += 1
            on_reject(failed)
        if store is not None:
            store.write_batch(batch)
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
    return summary


def _reject_filter(items, summary: RunSummary, on_reject) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Rejection):
            summary.rejected += 1
            on_reject(item)
        else:
            yield item
