"""The dataset's tables as Arrow schemas, and the two-way mapping between them and articles.

Four tables, one row per article, event, quote and actor. Codes are strings, offsets are
int64 character offsets into the article text, dates are ``date32`` with a ``*_granularity``
column (``day``, ``month`` or ``year``: an event dated "2022-03" is stored as 2022-03-01 with
granularity ``month``). Article-local ids (``e1``, ``q2``, ``a3``) are unique with their
``article_id``. The year and month partition columns live in the folder names
(``year=2024/month=09``; ``__HIVE_DEFAULT_PARTITION__``, read as null, when the
article has no publication date), not in the files.

``rows(articles)`` gives the rows of each table for a batch; ``articles_from(tables)``
rebuilds the articles from them, so that ``Article.to_dict()`` is unchanged by the trip.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from ..article import Actor, Article, Event, Participant, Place, Quote, Span, TimeExpr

TABLES = ("articles", "events", "quotes", "actors")

_SPAN_FIELDS = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
_TIME = pa.struct(_SPAN_FIELDS + [("value", pa.string()), ("granularity", pa.string())])
_PLACE_FIELDS = _SPAN_FIELDS + [
    ("name", pa.string()),
    ("country", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geonameid", pa.int64()),
    ("feature", pa.string()),
]


def _prefixed(prefix: str, fields: list[tuple[str, pa.DataType]]) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_{name}", kind) for name, kind in fields]


_PARTICIPANT = [("actor", pa.string()), ("code", pa.string()), ("name", pa.string())] + _SPAN_FIELDS

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", pa.string()),
            ("path", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("published_granularity", pa.string()),
            ("outlet", pa.string()),
            ("byline", pa.string()),
            ("text", pa.string()),
            ("times", pa.list_(_TIME)),
            ("places", pa.list_(pa.struct(_PLACE_FIELDS))),
        ]
    ),
    "events": pa.schema(
        [
            ("article_id", pa.string()),
            ("event_id", pa.string()),
            ("cameo", pa.string()),
            ("root", pa.string()),
            ("plover", pa.string()),
            ("mode", pa.string()),
            ("contexts", pa.list_(pa.string())),
            ("goldstein", pa.float64()),
            ("quad", pa.int64()),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("date", pa.date32()),
            ("date_granularity", pa.string()),
            ("published", pa.date32()),
            *_prefixed("trigger", _SPAN_FIELDS),
            ("sentence_start", pa.int64()),
            ("sentence_end", pa.int64()),
            *_prefixed("source", _PARTICIPANT),
            *_prefixed("target", _PARTICIPANT),
            *_prefixed("location", _PLACE_FIELDS),
            ("rule", pa.string()),
            ("confidence", pa.float64()),
            ("quote_id", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", pa.string()),
            ("quote_id", pa.string()),
            *_SPAN_FIELDS,
            ("direct", pa.bool_()),
            ("published", pa.date32()),
            *_prefixed("speaker", _PARTICIPANT),
            *_prefixed("cue", _SPAN_FIELDS),
            ("via", pa.string()),
            ("event_id", pa.string()),
        ]
    ),
    "actors": pa.schema(
        [
            ("article_id", pa.string()),
            ("actor_id", pa.string()),
            ("name", pa.string()),
            ("code", pa.string()),
            ("country", pa.string()),
            ("sector", pa.string()),
            ("role", pa.string()),
            ("key", pa.string()),
            ("kind", pa.string()),
            ("mentions", pa.list_(pa.struct(_SPAN_FIELDS))),
            ("variants", pa.list_(pa.string())),
            ("rule", pa.string()),
        ]
    ),
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_GRANULARITY = {1: "year", 2: "month", 3: "day"}


def split_date(value: str | None) -> tuple[date | None, str | None]:
    """``"2022-03"`` -> (2022-03-01, "month"); None -> (None, None). Other forms raise ValueError."""
    if value is None:
        return None, None
    m = _ISO.match(value)
    if not m:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [p for p in m.groups() if p is not None]
    year, month, day = (int(p) for p in (parts + ["1", "1"])[:3])
    return date(year, month, day), _GRANULARITY[len(parts)]


def join_date(day: date | None, granularity: str | None) -> str | None:
    """The inverse of :func:`split_date`."""
    if day is None:
        return None
    iso = day.isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(granularity or "day", iso)


# Hive's name for a null partition value: Spark, pyarrow and DuckDB read it as NULL.
UNKNOWN = "__HIVE_DEFAULT_PARTITION__"


def partition(article: Article) -> tuple[str, str]:
    """The (year, month) partition of an article: of its publication date, else null (:data:`UNKNOWN`)."""
    published, _ = split_date(article.published)
    if published is None:
        return UNKNOWN, UNKNOWN
    return f"{published.year:04d}", f"{published.month:02d}"


def _flat(prefix: str, value: dict[str, Any] | None, fields: list[tuple[str, pa.DataType]]) -> dict[str, Any]:
    value = value or {}
    return {f"{prefix}_{name}": value.get(name) for name, _ in fields}


def _nested(prefix: str, row: dict[str, Any], fields: list[tuple[str, pa.DataType]]) -> dict[str, Any] | None:
    # A participant, speaker, cue or location is absent when its start offset is null.
    if row.get(f"{prefix}_start") is None:
        return None
    return {name: row[f"{prefix}_{name}"] for name, _ in fields}


def rows(articles: Iterable[Article]) -> dict[str, list[dict[str, Any]]]:
    """The rows of each table for these articles (columns as in :data:`SCHEMAS`)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for a in articles:
        d = a.to_dict()
        published, granularity = split_date(a.published)
        out["articles"].append(
            {
                "article_id": a.id,
                **{k: d[k] for k in ("path", "url", "title", "outlet", "byline", "text", "times", "places")},
                "published": published,
                "published_granularity": granularity,
            }
        )
        for e in d["events"]:
            day, day_granularity = split_date(e["date"])
            out["events"].append(
                {
                    "article_id": a.id,
                    "event_id": e["id"],
                    **{k: e[k] for k in ("cameo", "root", "plover", "mode", "contexts", "goldstein", "quad")},
                    **{k: e[k] for k in ("negated", "modality", "rule", "confidence")},
                    "date": day,
                    "date_granularity": day_granularity,
                    "published": published,
                    **_flat("trigger", e["trigger"], _SPAN_FIELDS),
                    "sentence_start": e["sentence"]["start"],
                    "sentence_end": e["sentence"]["end"],
                    **_flat("source", e["source"], _PARTICIPANT),
                    **_flat("target", e["target"], _PARTICIPANT),
                    **_flat("location", e["location"], _PLACE_FIELDS),
                    "quote_id": e["quote"],
                }
            )
        for q in d["quotes"]:
            out["quotes"].append(
                {
                    "article_id": a.id,
                    "quote_id": q["id"],
                    **{k: q[k] for k in ("start", "end", "text", "direct", "via")},
                    "published": published,
                    **_flat("speaker", q["speaker"], _PARTICIPANT),
                    **_flat("cue", q["cue"], _SPAN_FIELDS),
                    "event_id": q["event"],
                }
            )
        for actor in d["actors"]:
            row = {"article_id": a.id, "actor_id": actor.pop("id")}
            row.update(actor)
            out["actors"].append(row)
    return out


def table(name: str, table_rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table of ``name``'s schema from its rows."""
    return pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])


def articles_from(tables: dict[str, list[dict[str, Any]]]) -> list[Article]:
    """Rebuild articles from their rows in each table (as given by :func:`rows`), in the
    order of the ``articles`` rows; events, quotes and actors keep their row order."""
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for name in ("events", "quotes", "actors"):
        for row in tables.get(name, []):
            by_article[row["article_id"]][name].append(row)
    out = []
    for row in tables["articles"]:
        a = Article(
            id=row["article_id"],
            text=row["text"],
            path=row["path"],
            url=row["url"],
            title=row["title"],
            published=join_date(row["published"], row["published_granularity"]),
            outlet=row["outlet"],
            byline=row["byline"],
        )
        a.times = [TimeExpr(**t) for t in row["times"] or []]
        a.places = [Place(**p) for p in row["places"] or []]
        own = by_article[a.id]
        a.actors = [_actor(r) for r in own["actors"]]
        a.events = [_event(r, a.text) for r in own["events"]]
        a.quotes = [_quote(r) for r in own["quotes"]]
        out.append(a)
    return out


def _span(prefix: str, row: dict[str, Any]) -> Span | None:
    x = _nested(prefix, row, _SPAN_FIELDS)
    return Span(**x) if x else None


def _participant(prefix: str, row: dict[str, Any]) -> Participant | None:
    x = _nested(prefix, row, _PARTICIPANT)
    return Participant(**x) if x else None


def _actor(r: dict[str, Any]) -> Actor:
    fields = {k: r[k] for k in ("name", "code", "country", "sector", "role", "key", "kind", "rule")}
    mentions = [Span(**m) for m in r["mentions"] or []]
    return Actor(id=r["actor_id"], mentions=mentions, variants=list(r["variants"] or []), **fields)


def _event(r: dict[str, Any], text: str) -> Event:
    start, end = r["sentence_start"], r["sentence_end"]
    trigger = _span("trigger", r)
    assert trigger is not None  # every event has a trigger (non-null column)
    return Event(
        id=r["event_id"],
        cameo=r["cameo"],
        root=r["root"],
        trigger=trigger,
        sentence=Span(start, end, text[start:end]),
        source=_participant("source", r),
        target=_participant("target", r),
        plover=r["plover"],
        mode=r["mode"],
        contexts=list(r["contexts"] or []),
        goldstein=r["goldstein"],
        quad=r["quad"],
        negated=r["negated"],
        modality=r["modality"],
        date=join_date(r["date"], r["date_granularity"]),
        location=_nested("location", r, _PLACE_FIELDS),
        rule=r["rule"],
        confidence=r["confidence"],
        quote=r["quote_id"],
    )


def _quote(r: dict[str, Any]) -> Quote:
    return Quote(
        id=r["quote_id"],
        start=r["start"],
        end=r["end"],
        text=r["text"],
        direct=r["direct"],
        speaker=_participant("speaker", r),
        cue=_span("cue", r),
        via=r["via"],
        event=r["event_id"],
    )
