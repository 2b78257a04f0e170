"""The Python API: code texts, read a store, get data frames (docs/python.md).

The command line and the web API are shells over the same functions: a text coded here
goes through the same ingest rules, stages and settings as ``eventcoder code``.

Errors are those of :mod:`eventcoder.errors`: an unusable input is an ``InputError``, an
unknown or ill-typed option a ``SettingsError``, a store that cannot be read a ``StoreError``.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import InputError, SettingsError
from .ingest import Rejection
from .ingest.records import record_article
from .pipeline import code_articles, code_batch
from .settings import Settings
from .store import Store

if TYPE_CHECKING:
    import pandas

TABLES = ("events", "quotes", "actors")


def _settings(options: Mapping[str, Any]) -> Settings:
    """Settings with the caller's options (any setting: ``require_dyad``, ``actors`` ...)."""
    return Settings.load(**options)


def code(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
    **options: Any,
) -> Article:
    """Code one text; returns its Article with actors, events, quotes, times and places.

    ``published`` (``YYYY-MM-DD``) anchors relative dates and dates the actors' codes.
    ``options`` are settings (docs/settings.md), e.g. ``require_dyad=False``.

    >>> a = code("Russia rejected a meeting with the United States on Friday.", published="2024-09-20")
    >>> [(e.source.code, e.cameo, e.target.code) for e in a.events]
    [('RUS', '125', 'USA')]
    """
    record = {"text": text, "published": published, "title": title, "url": url, "outlet": outlet, "id": id}
    article = record_article({k: v for k, v in record.items() if v is not None}, "text", None)
    (coded,) = code_batch([article], _settings(options))
    return coded


def code_many(items: Iterable[str | Mapping[str, Any]], workers: int = 1, **options: Any) -> Iterator[Article]:
    """Code many texts, in order: each item a string, or a dict with ``text`` and optional
    ``id``, ``url``, ``title``, ``published``, ``outlet``, ``byline``, ``options``.

    ``workers`` > 1 codes batches in that many processes. A bad item raises InputError
    naming its position (``item 3: record has no text``) before anything is coded.
    """
    settings = _settings({**options, "workers": workers})
    records = [{"text": x} if isinstance(x, str) else x for x in items]
    articles = [record_article(r, f"item {i}", None) for i, r in enumerate(records)]
    for batch in code_articles(articles, settings):
        for a in batch:
            if isinstance(a, Rejection):
                raise InputError(a.where, a.reason)
            yield a


class StoreReader:
    """A read handle on a store (``eventcoder.open(path)``): articles, events and quotes as
    dicts, each method taking the filters of the command line (docs/python.md)."""

    def __init__(self, path: str | Path) -> None:
        self._store = Store(path, create=False)

    def __enter__(self) -> StoreReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._store.close()

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored articles, newest first (``q=``, ``since=``, ``until=``, ``limit=``, ``offset=``)."""
        filters.setdefault("limit", None)
        return list(self._store.articles(**filters)["items"])

    def article(self, article_id: str) -> Article | None:
        """One stored article, whole, with its annotations."""
        found = self._store.article(article_id)
        return Article.from_dict(found) if found is not None else None

    def events(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored events matching the filters (``source=``, ``target=``, ``cameo=``, ``since=`` ...)."""
        filters.setdefault("limit", None)
        return list(self._store.events(**filters)["items"])

    def quotes(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored quotes matching the filters (``speaker=``, ``q=``, ``since=`` ...)."""
        filters.setdefault("limit", None)
        return list(self._store.quotes(**filters)["items"])

    def to_pandas(self, table: str = "events", **filters: Any) -> pandas.DataFrame:
        """The events or quotes matching the filters, or the stored actors, as a typed
        DataFrame (the columns of :func:`to_dataframe`)."""
        if table == "events":
            rows = [_event_row(e, _meta(e)) for e in self.events(**filters)]
        elif table == "quotes":
            rows = [_quote_row(q, _meta(q)) for q in self.quotes(**filters)]
        elif table == "actors":
            rows = []
            for item in self.articles(**filters):
                found = self._store.article(item["id"])
                if found is not None:
                    rows.extend(_actor_row(x, _meta(found)) for x in found["actors"])
        else:
            raise SettingsError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
        return _frame(rows)


def open(path: str | Path) -> StoreReader:  # noqa: A001 - the API's name, as sqlite3.connect is sqlite's
    """Open a store made by ``eventcoder code`` for reading."""
    return StoreReader(path)


def _granular(value: str | None) -> tuple[Any, str | None]:
    """(the first day of an ISO date, month or year, its granularity)."""
    import datetime as dt

    if not value:
        return None, None
    parts = value.split("/")[0].split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2])), "day"
        if len(parts) == 2 and parts[1].isdigit():
            return dt.date(int(parts[0]), int(parts[1]), 1), "month"
        if len(parts) == 1 and parts[0].isdigit():
            return dt.date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, None
    return None, None


def _meta(item: Mapping[str, Any]) -> dict[str, Any]:
    """The article columns of a row, from an article dict or a stored event/quote item."""
    published, _ = _granular(item.get("published"))
    return {
        "article": item.get("article_id") or item.get("id"),
        "title": item.get("title"),
        "outlet": item.get("outlet"),
        "published": published,
    }


def _event_row(e: Mapping[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    day, granularity = _granular(e.get("date"))
    source, target, loc = e.get("source") or {}, e.get("target") or {}, e.get("location") or {}
    return {
        **meta,
        "id": e["id"],
        "date": day,
        "date_granularity": granularity,
        "source": source.get("code"),
        "source_name": source.get("name") or source.get("text"),
        "cameo": e["cameo"],
        "root": e.get("root"),
        "plover": e.get("plover"),
        "target": target.get("code"),
        "target_name": target.get("name") or target.get("text"),
        "modality": e.get("modality"),
        "negated": bool(e.get("negated")),
        "goldstein": e.get("goldstein"),
        "quad": e.get("quad"),
        "trigger": e["trigger"]["text"],
        "trigger_start": e["trigger"]["start"],
        "trigger_end": e["trigger"]["end"],
        "location": loc.get("name"),
        "country": loc.get("country"),
        "confidence": e.get("confidence"),
        "rule": e.get("rule"),
    }


def _quote_row(q: Mapping[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    speaker, cue = q.get("speaker") or {}, q.get("cue") or {}
    return {
        **meta,
        "id": q["id"],
        "speaker": speaker.get("name"),
        "speaker_code": speaker.get("code"),
        "direct": bool(q.get("direct")),
        "text": q["text"],
        "start": q["start"],
        "end": q["end"],
        "cue": cue.get("text"),
        "event": q.get("event"),
    }


def _actor_row(x: Mapping[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    return {
        **meta,
        "id": x["id"],
        "name": x.get("name"),
        "code": x.get("code"),
        "country": x.get("country"),
        "kind": x.get("kind"),
        "mentions": len(x.get("mentions") or ()),
    }


_STRING_COLUMNS = ("source", "target", "cameo", "root", "plover", "code", "speaker_code", "country")
_INT_COLUMNS = ("quad", "trigger_start", "trigger_end", "start", "end", "mentions")
_DATE_COLUMNS = ("published", "date")


def to_dataframe(articles: Iterable[Article], table: str = "events") -> pandas.DataFrame:
    """One row per event, quote or actor of the articles, with typed columns: codes as strings
    (``"010"`` keeps its zero), dates as ``datetime64[s]`` with a ``date_granularity`` column
    (``day``, ``month``, ``year``: a month is dated its first day), offsets as integers."""
    if table not in TABLES:
        raise SettingsError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    rows: builtins.list[dict[str, Any]] = []
    for article in articles:
        d = article.to_dict()
        meta = _meta(d)
        if table == "events":
            rows.extend(_event_row(e, meta) for e in d["events"])
        elif table == "quotes":
            rows.extend(_quote_row(q, meta) for q in d["quotes"])
        else:
            rows.extend(_actor_row(x, meta) for x in d["actors"])
    return _frame(rows)


def _frame(rows: builtins.list[dict[str, Any]]) -> pandas.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in frame.columns:
        if column in _STRING_COLUMNS:
            frame[column] = frame[column].astype("string")
        elif column in _INT_COLUMNS:
            frame[column] = frame[column].astype("Int64")
        elif column in _DATE_COLUMNS:
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    return frame
