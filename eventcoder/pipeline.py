"""The coding pipeline: a pure per-batch function, articles in, coded articles out.

``code_batch(articles, settings)`` parses the batch with spaCy and runs the stages in the
order of the data flow: actors -> times -> places -> events -> quotes (quotes add their
statement events). It keeps no state between calls beyond per-process caches of the model
and the compiled dictionaries, so a distributed engine can run it anywhere.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any

from . import actors, events, places, quotes, timex
from . import nlp as nlp_mod
from .article import Article
from .ingest import Rejection
from .settings import Settings

# (name, load(settings) -> resource, apply(ctx) -> None), in data-flow order.
STAGES: list[tuple[str, Callable[[Settings], Any], Callable[[nlp_mod.Context], None]]] = [
    ("actors", actors.load, actors.apply),
    ("times", timex.load, timex.apply),
    ("places", places.load, places.apply),
    ("events", events.load, events.apply),
    ("quotes", quotes.load, quotes.apply),
]

# Settings that change what the stages load (dictionaries, model); the rest are per-call.
_RESOURCE_KEYS = ("model", "actors", "agents", "verbs", "discards", "extra_actors")


@dataclass
class Resources:
    """Everything the stages load once per process: one attribute per stage."""

    actors: Any
    times: Any
    places: Any
    events: Any
    quotes: Any


def _key(settings: Settings) -> tuple:
    return tuple(tuple(v) if isinstance(v, list) else v for v in (getattr(settings, k) for k in _RESOURCE_KEYS))


@lru_cache(maxsize=8)
def _load(key: tuple) -> Resources:
    settings = Settings(
        **{k: list(v) if isinstance(v, tuple) else v for k, v in zip(_RESOURCE_KEYS, key, strict=False)}
    )
    return Resources(**{name: load(settings) for name, load, _ in STAGES})


def load_resources(settings: Settings) -> Resources:
    """The stages' resources for these settings, cached per process."""
    return _load(_key(settings))


def code_batch(articles: list[Article], settings: Settings) -> list[Article]:
    """Code one batch of articles; returns them with actors, times, places, events, quotes."""
    nlp = nlp_mod.load(settings.model)
    resources = load_resources(settings)
    docs = nlp_mod.parse(nlp, (a.text for a in articles), batch_size=settings.batch_size)
    for article, doc in zip(articles, docs, strict=False):
        code_doc(article, doc, settings, resources)
    return articles


def code_doc(article: Article, doc: Any, settings: Settings, resources: Resources) -> Article:
    """Run every stage on one parsed article (its per-record options applied)."""
    ctx = nlp_mod.Context(article, doc, settings.with_options(article.options), resources)
    for _, _, apply in STAGES:
        apply(ctx)
    return article


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def code_batch_safely(articles: list[Article], settings: Settings) -> list[Article | Rejection]:
    """``code_batch``, but an article that breaks a stage becomes a Rejection, not a crash.

    A bug met by one article must not stop a run of thousands: the batch is coded again one
    article at a time, and the one that fails is named with the error, so it can be reported.
    """
    try:
        return list(code_batch(articles, settings))
    except Exception:  # noqa: BLE001 - any bug in a stage; narrowed per article below
        pass
    out: list[Article | Rejection] = []
    for article in articles:
        fresh = replace(article, actors=[], events=[], quotes=[], times=[], places=[])
        try:
            out.extend(code_batch([fresh], settings))
        except Exception as exc:  # noqa: BLE001
            where = article.path or article.id
            out.append(
                Rejection(where, f"internal error while coding article {article.id}: {type(exc).__name__}: {exc}")
            )
    return out


def code_articles(items: Iterable[Article], settings: Settings) -> Iterator[list[Article | Rejection]]:
    """Code articles batch by batch, in order, in ``settings.workers`` processes."""
    if settings.workers <= 1:
        for batch in batched(items, settings.batch_size):
            yield code_batch_safely(batch, settings)
        return
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(settings.workers, mp_context=ctx) as pool:
        pending: list[Future] = []
        for batch in batched(items, settings.batch_size):
            pending.append(pool.submit(code_batch_safely, batch, settings))
            if len(pending) > settings.workers * 2:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
