"""The coding pipeline: a pure per-batch function, articles in, coded articles out.

``code_batch(articles, settings)`` parses the batch with spaCy and runs the stages in the
order of the data flow: actors -> times -> places -> events -> quotes (quotes add their
statement events). It keeps no state between calls beyond per-process caches of the model
and the compiled dictionaries, so a distributed engine can run it anywhere.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Any, Generic, TypeVar, cast

from spacy.tokens import Doc

from . import actors, events, places, quotes, timex
from . import nlp as nlp_mod
from .article import Article
from .errors import EventcoderError, InputError, SettingsError
from .ingest import Rejection
from .ingest.limits import Limits
from .nlp import Context
from .settings import Settings

R = TypeVar("R")


class PipelineError(EventcoderError):
    """The stage table is inconsistent: a stage requires what no earlier stage assigns."""


@dataclass(frozen=True)
class Stage(Generic[R]):
    """One step of the pipeline, like a spaCy component with ``requires``/``assigns``.

    ``requires`` and ``assigns`` name fields of :class:`~eventcoder.nlp.Context`
    (``token_actor``) or of its article (``article.actors``). ``load(settings)`` builds the
    stage's resources (dictionaries, lexicons, tables), once per process for the settings it
    reads; ``apply(ctx, resources)`` fills what the stage assigns. ``extends`` names fields an
    earlier stage assigned that this stage adds to (the quotes stage adds statement events).
    """

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    load: Callable[[Settings], R]
    apply: Callable[[Context, R], None]
    extends: tuple[str, ...] = ()


# What every stage may read: the article as ingested, its parse and the settings.
INPUTS = (
    "article.id",
    "article.text",
    "article.published",
    "article.title",
    "article.options",
    "doc",
    "settings",
)

# Each stage is typed with its own resources; the table holds stages of different types.
STAGES: tuple[Stage[Any], ...] = (
    Stage(
        "actors",
        requires=("doc", "article.published"),
        assigns=("article.actors", "token_actor", "actor_mentions", "discards"),
        load=actors.load,
        apply=actors.apply,
    ),
    Stage(
        "times", requires=("doc", "article.published"), assigns=("article.times",), load=timex.load, apply=timex.apply
    ),
    Stage(
        "places",
        requires=("doc", "article.actors"),
        assigns=("article.places", "dateline"),
        load=places.load,
        apply=places.apply,
    ),
    Stage(
        "events",
        requires=("doc", "article.actors", "token_actor", "discards", "article.times", "article.places", "dateline"),
        assigns=("article.events",),
        load=events.load,
        apply=events.apply,
    ),
    Stage(
        "quotes",
        requires=(
            "doc",
            "article.actors",
            "token_actor",
            "article.times",
            "article.places",
            "dateline",
            "article.events",
        ),
        assigns=("article.quotes",),
        extends=("article.events",),
        load=quotes.load,
        apply=quotes.apply,
    ),
)


def _fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def check_stages(stages: Iterable[Stage[Any]]) -> None:
    """Raise PipelineError unless every stage requires only inputs and what earlier stages
    assign, assigns only what no earlier stage assigned, and names real fields."""
    known = {f"article.{n}" for n in _fields(Article)} | _fields(Context)
    available = set(INPUTS)
    for stage in stages:
        for name in (*stage.requires, *stage.assigns, *stage.extends):
            if name not in known:
                raise PipelineError(f"stage {stage.name}: no such field {name!r} of Context or Article")
        missing = [n for n in (*stage.requires, *stage.extends) if n not in available]
        if missing:
            raise PipelineError(f"stage {stage.name} requires {', '.join(missing)}, which no earlier stage assigns")
        twice = [n for n in stage.assigns if n in available]
        if twice:
            raise PipelineError(f"stage {stage.name} assigns {', '.join(twice)}, already assigned before it")
        available.update(stage.assigns)


check_stages(STAGES)


@dataclass(frozen=True)
class Loaded(Generic[R]):
    """A stage with the resources its ``load`` built."""

    stage: Stage[R]
    resources: R

    def apply(self, ctx: Context) -> None:
        """Clear what the stage assigns, then run it: coding an article again gives the same result."""
        for name in self.stage.assigns:
            _clear(ctx, name)
        self.stage.apply(ctx, self.resources)


def _clear(ctx: Context, name: str) -> None:
    owner: Any = ctx
    if name.startswith("article."):
        owner, name = ctx.article, name.removeprefix("article.")
    field = next(f for f in dataclasses.fields(owner) if f.name == name)
    if field.default_factory is not dataclasses.MISSING:
        setattr(owner, name, field.default_factory())
    else:
        setattr(owner, name, field.default)


class _Reads:
    """The settings as a stage's ``load`` sees them, noting which ones it reads: those, and
    only those, make the key under which its resources are cached."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.read.add(name)
        return getattr(self._settings, name)


def _value(v: object) -> Hashable:
    return tuple(v) if isinstance(v, list) else v


# stage name -> [(the settings its load read, with their values), the resources built]
_CACHE: dict[str, list[tuple[dict[str, Hashable], object]]] = {}
_CACHE_SIZE = 8  # resource sets kept per stage and process (each holds compiled dictionaries)


def _load(stage: Stage[R], settings: Settings) -> R:
    entries = _CACHE.setdefault(stage.name, [])
    for read, resources in entries:
        if all(_value(getattr(settings, k)) == v for k, v in read.items()):
            return cast(R, resources)
    reads = _Reads(settings)
    built = stage.load(cast(Settings, reads))
    entries.append(({k: _value(getattr(settings, k)) for k in sorted(reads.read)}, built))
    del entries[:-_CACHE_SIZE]
    return built


def load_stages(settings: Settings) -> list[Loaded[Any]]:
    """Every stage with its resources for these settings, cached per process."""
    return [Loaded(stage, _load(stage, settings)) for stage in STAGES]


def code_batch(articles: list[Article], settings: Settings) -> list[Article]:
    """Code one batch of articles; returns them with actors, times, places, events, quotes.

    Coding an article again (the same object, or a copy) gives the same annotations: every
    stage clears what it assigns before it runs.
    """
    for article in articles:  # spaCy's own refusal (E088) is a 450-character message
        too_long = Limits.of(settings).too_long(article.text)
        if too_long:
            raise InputError(article.origin or article.path or article.id, too_long)
    nlp = nlp_mod.load(settings.model)
    nlp.max_length = max(nlp.max_length, settings.max_article_chars + 1)
    loaded = load_stages(settings)
    docs = nlp_mod.parse(nlp, (a.text for a in articles), batch_size=settings.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        code_doc(article, doc, settings, loaded)
    return articles


def code_doc(article: Article, doc: Doc, settings: Settings, loaded: list[Loaded[Any]]) -> Article:
    """Run every stage on one parsed article (its per-record options applied)."""
    ctx = Context(article, doc, settings.with_options(article.options))
    for stage in loaded:
        stage.apply(ctx)
    return article


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of at most ``size`` items, in order."""
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
        try:
            out.extend(code_batch([article], settings))
        except (InputError, SettingsError) as exc:  # the article's own fault: named, without "internal"
            out.append(Rejection(article.origin or article.path or article.id, getattr(exc, "reason", str(exc))))
        except Exception as exc:  # noqa: BLE001
            where = article.origin or article.path or article.id
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
