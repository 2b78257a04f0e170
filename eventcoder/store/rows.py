"""An Article as table rows: the full output dict plus the normalised columns queries use.

Everything here is a pure function of the article, computed before the write transaction
opens so the transaction itself only executes inserts.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..article import Article, Participant

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_YEAR = re.compile(r"(\d{4})")


def first_day(value: str | None) -> str | None:
    """The first day (YYYY-MM-DD) of an ISO 8601 date, week, month, year or range; None if unreadable.

    ``2024-09-20`` -> itself, ``2024-09`` -> ``2024-09-01``, ``2024-W38`` -> its Monday,
    ``2024`` -> ``2024-01-01``, ``2024-09-21/2024-09-22`` -> ``2024-09-21``.
    """
    if not value:
        return None
    value = value.split("/", 1)[0].strip()
    try:
        if m := _ISO_DAY.fullmatch(value):
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        if m := _ISO_WEEK.fullmatch(value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
        if m := _ISO_MONTH.fullmatch(value):
            return date(int(m[1]), int(m[2]), 1).isoformat()
        if m := _ISO_YEAR.fullmatch(value):
            return date(int(m[1]), 1, 1).isoformat()
    except ValueError:  # 2024-13-01, week 54...
        return None
    return None


def effective_day(event_date: str | None, published: str | None) -> str | None:
    """The day an event is filed under: its own date (first day when partial), else the article's."""
    return first_day(event_date) or first_day(published)


def actor_key(key: str | None, name: str) -> str:
    """The cross-article key: the actors stage's key, else the case-folded canonical name."""
    if key:
        return key
    return " ".join(name.split()).casefold()


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of an article's output dict."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def lead_end(text: str) -> int:
    """End of the first paragraph: events whose sentence starts before it are "root" events (GDELT)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


@dataclass
class ArticleRows:
    """One article's rows for every table, in column order of the INSERTs in store.py."""

    id: str
    hash: str
    article: tuple
    actors: list[tuple]
    mentions: list[tuple]
    events: list[tuple]
    quotes: list[tuple]
    times: list[tuple]
    places: list[tuple]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_rows(article: Article, stored_at: str) -> ArticleRows:
    """Every row of ``article`` (its output dict kept whole in ``articles.data``)."""
    data = article.to_dict()
    aid = article.id
    actors_by_id = {a.id: a for a in article.actors}

    actors, mentions = [], []
    for i, a in enumerate(article.actors):
        names = _unique([a.name, *a.variants, *(m.text for m in a.mentions)])
        actors.append(
            (
                aid, a.id, i, actor_key(a.key, a.name), a.name, a.code, a.country, a.sector, a.role, a.kind, a.rule,
                _dumps(a.variants), "\n".join(names), len(a.mentions),
            )
        )  # fmt: skip
        for j, m in enumerate(a.mentions):
            mentions.append((aid, a.id, j, m.start, m.end, m.text))

    def party(p: Participant | None) -> tuple:
        if p is None:
            return (None, None, None, None, None, None)
        actor = actors_by_id.get(p.actor) if p.actor else None
        if actor is None:
            return (p.actor, None, p.code, p.text, None, p.text)
        return (p.actor, actor_key(actor.key, actor.name), p.code, actor.name, actor.country, p.text)

    events = []
    for i, (e, d) in enumerate(zip(article.events, data["events"], strict=True)):
        events.append(
            (
                aid, e.id, i, e.cameo, e.root, e.plover, e.mode, e.goldstein, e.quad,
                *party(e.source), *party(e.target),
                e.trigger.start, e.trigger.end, e.trigger.text, e.sentence.start, e.sentence.end,
                int(e.negated), e.modality, e.date, effective_day(e.date, article.published),
                e.rule, e.confidence, e.quote, _dumps(d),
            )
        )  # fmt: skip

    quotes = []
    for i, (q, d) in enumerate(zip(article.quotes, data["quotes"], strict=True)):
        s = q.speaker
        speaker_actor = actors_by_id.get(s.actor) if s and s.actor else None
        quotes.append(
            (
                aid, q.id, i, q.start, q.end, q.text, int(q.direct),
                s.actor if s else None,
                actor_key(speaker_actor.key, speaker_actor.name) if speaker_actor else None,
                s.name if s else None, s.text if s else None,
                q.via, q.event, _dumps(d),
            )
        )  # fmt: skip

    times = [(aid, i, t.start, t.end, t.text, t.value, t.granularity) for i, t in enumerate(article.times)]
    places = [
        (aid, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid, p.feature)
        for i, p in enumerate(article.places)
    ]
    row = (
        aid, content_hash(data), article.path, article.url, article.title, article.published, article.outlet,
        article.byline, article.text, lead_end(article.text),
        len(article.actors), len(article.events), len(article.quotes), _dumps(data), stored_at,
    )  # fmt: skip
    return ArticleRows(aid, row[1], row, actors, mentions, events, quotes, times, places)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)
