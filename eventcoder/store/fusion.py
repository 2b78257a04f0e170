"""Event fusion: the events many reports give of one act, kept as one row of ``unique_events``.

Two coded events are one event when all of these hold:

- the same source and the same target at country+sector level (the first six letters of the
  CAMEO actor code: ``RUSGOVMIL`` and ``RUSGOV`` are both ``RUSGOV``; a missing party is ``-``);
- the same CAMEO base code (three digits: 1121 and 112 are both 112);
- a compatible modality: asserted, reported and historical reports are of an act that
  happened; negated ones of an act that did not; future and hypothetical ones of an act that
  may happen. Reports of different classes are never merged;
- event days (the event's date, else the article's) within one day: events of one
  (source, target, code, modality) are sorted by day and a gap of more than one day starts a
  new unique event. Events without a day are each their own unique event.

All four are order-independent, so fusing incrementally (each ``write_batch`` regroups only
the keys its events touch, in its own transaction) gives the same table as ``rebuild``.

Counts of a unique event: ``mentions`` (its events), ``articles`` (distinct articles),
``stories`` (distinct story clusters: copies of one wire story count once), ``sources``
(distinct outlets: the article's outlet, else its URL's host, else the article itself).
``confidence`` combines the members: the best confidence within each story, then
1 - prod(1 - c) over stories, since independent reports of an act make it more certain and
copies of one report do not.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from . import params
from .filters import EventFilters

Page = dict[str, Any]

MODALITY_CLASS = {
    "asserted": "happened",
    "reported": "happened",
    "historical": "happened",
    "negated": "negated",
    "future": "possible",
    "hypothetical": "possible",
}


def party(code: str | None) -> str:
    """An event party at country+sector level: the first six letters of its code, ``-`` when absent."""
    return code[:6].upper() if code else "-"


def fusion_key(source_code: str | None, target_code: str | None, event_code: str, event_modality: str) -> str:
    """The key events must share to be fused (the day is checked apart)."""
    mode = MODALITY_CLASS.get(event_modality, event_modality)
    return f"{party(source_code)}|{party(target_code)}|{event_code[:3]}|{mode}"


@dataclass
class _Member:
    article_id: str
    event_id: str
    ord: int
    day: str | None
    confidence: float
    story: str
    source: str
    seen: str | None


def _outlet(outlet: str | None, url: str | None, article_id: str) -> str:
    if outlet:
        return outlet.strip().casefold()
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return "article:" + article_id


def add_events(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """Register the events of a just-inserted article; return their fusion keys."""
    rows = conn.execute(
        "SELECT id, source_code, target_code, cameo, modality FROM events WHERE article_id = ?", (article_id,)
    ).fetchall()
    members = [(article_id, eid, fusion_key(s, t, c, m)) for eid, s, t, c, m in rows]
    conn.executemany("INSERT INTO fusion_members (article_id, event_id, fkey) VALUES (?, ?, ?)", members)
    return {m[2] for m in members}


def keys_of(conn: sqlite3.Connection, article_ids: Iterable[str]) -> set[str]:
    """The fusion keys of the stored events of ``article_ids``."""
    keys: set[str] = set()
    for aid in article_ids:
        keys.update(r[0] for r in conn.execute("SELECT fkey FROM fusion_members WHERE article_id = ?", (aid,)))
    return keys


def _groups(members: list[_Member]) -> list[list[_Member]]:
    """Members of one key chained by day: a gap over one day (or no day) starts a new group."""
    members.sort(key=lambda m: (m.day is None, m.day or "", m.article_id, m.ord))
    groups: list[list[_Member]] = []
    last: date | None = None
    for m in members:
        day = date.fromisoformat(m.day) if m.day else None
        if groups and day is not None and last is not None and (day - last).days <= 1:
            groups[-1].append(m)
        else:
            groups.append([m])
        last = day
    return groups


def _combined(members: list[_Member]) -> float:
    best: dict[str, float] = {}
    for m in members:
        best[m.story] = max(best.get(m.story, 0.0), m.confidence)
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return round(1.0 - miss, 4)


def refresh(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Regroup the events of each fusion key into its unique events (replacing the old rows)."""
    for key in sorted(set(keys)):
        rows = conn.execute(
            "SELECT f.article_id, f.event_id, e.ord, e.day, e.confidence, coalesce(a.story, a.id), a.outlet, a.url,"
            " coalesce(a.published, a.stored_at)"
            " FROM fusion_members f JOIN events e ON e.article_id = f.article_id AND e.id = f.event_id"
            " JOIN articles a ON a.id = f.article_id WHERE f.fkey = ?",
            (key,),
        ).fetchall()
        conn.execute("DELETE FROM unique_events WHERE fkey = ?", (key,))
        members = [
            _Member(aid, eid, o, day, conf if conf is not None else 0.0, story, _outlet(outlet, url, aid), seen)
            for aid, eid, o, day, conf, story, outlet, url, seen in rows
        ]
        source, target, base, modality = key.split("|")
        for group in _groups(members):
            head = group[0]
            uid = "u" + hashlib.blake2b(f"{key}/{head.article_id}/{head.event_id}".encode(), digest_size=8).hexdigest()
            days = [m.day for m in group if m.day]
            seen = [m.seen for m in group if m.seen]
            conn.execute(
                "INSERT INTO unique_events (id, fkey, source, target, base, modality, first_day, last_day,"
                " first_seen, last_seen, mentions, articles, stories, sources, confidence, article_id, event_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    uid, key, source, target, base, modality, min(days, default=None), max(days, default=None),
                    min(seen, default=None), max(seen, default=None), len(group),
                    len({m.article_id for m in group}), len({m.story for m in group}),
                    len({m.source for m in group}), _combined(group), head.article_id, head.event_id,
                ),
            )  # fmt: skip
            conn.executemany(
                "UPDATE fusion_members SET unique_id = ? WHERE article_id = ? AND event_id = ?",
                [(uid, m.article_id, m.event_id) for m in group],
            )


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute ``unique_events`` from every stored event."""
    conn.execute("DELETE FROM unique_events")
    conn.execute("DELETE FROM fusion_members")
    keys: set[str] = set()
    for (aid,) in conn.execute("SELECT id FROM articles ORDER BY n").fetchall():
        keys |= add_events(conn, aid)
    refresh(conn, keys)


def count(conn: sqlite3.Connection) -> int:
    """How many unique events the store holds."""
    return int(conn.execute("SELECT count(*) FROM unique_events").fetchone()[0])


# -- the read side ---------------------------------------------------------------------------------

_UNIQUE_COLUMNS = (
    "id", "source", "target", "base", "modality", "first_day", "last_day", "first_seen", "last_seen",
    "mentions", "articles", "stories", "sources", "confidence",
)  # fmt: skip
_UNIQUE_SELECT = (
    "SELECT " + ", ".join(f"u.{c}" for c in _UNIQUE_COLUMNS) + ", e.cameo, e.plover, e.source_name, e.target_name,"
    " e.trigger_text, a.title, u.article_id, u.event_id FROM unique_events u"
    " JOIN events e ON e.article_id = u.article_id AND e.id = u.event_id JOIN articles a ON a.id = u.article_id"
)


def _unique_item(row: tuple) -> dict[str, Any]:
    item = dict(zip(_UNIQUE_COLUMNS, row, strict=False))
    n = len(_UNIQUE_COLUMNS)
    item.update(
        cameo=row[n], plover=row[n + 1], source_name=row[n + 2], target_name=row[n + 3], trigger=row[n + 4],
        title=row[n + 5], article_id=row[n + 6], event_id=row[n + 7],
    )  # fmt: skip
    return item


def unique_events(conn: sqlite3.Connection, filters: EventFilters, *, limit: int | None = 50, offset: int = 0) -> Page:
    """Fused events with a member matching the event filters, newest first.

    Each item: ``id``, ``source``, ``target`` (country+sector), ``base`` (3-digit CAMEO), ``modality``
    (happened, negated, possible), ``first_day``/``last_day``, ``first_seen``/``last_seen``,
    ``mentions``, ``articles``, ``stories``, ``sources``, ``confidence``, and from its earliest
    member: ``cameo``, ``plover``, ``source_name``, ``target_name``, ``trigger``, ``title``,
    ``article_id``, ``event_id``.
    """
    lim, off = params.page(limit, offset)
    where = filters.where()
    match = ""
    if where.parts:
        match = (
            " WHERE u.id IN (SELECT f.unique_id FROM fusion_members f"
            " JOIN events e ON e.article_id = f.article_id AND e.id = f.event_id" + where.sql + ")"
        )
    total = conn.execute("SELECT count(*) FROM unique_events u" + match, where.args).fetchone()[0]
    rows = conn.execute(
        _UNIQUE_SELECT + match + " ORDER BY u.first_day IS NULL, u.first_day DESC, u.id LIMIT ? OFFSET ?",
        [*where.args, lim, off],
    )
    return {"items": [_unique_item(r) for r in rows], "total": total}


def unique_event(conn: sqlite3.Connection, unique_id: str) -> dict[str, Any] | None:
    """One fused event with ``reports``: every member event with its article and spans, oldest first."""
    row = conn.execute(_UNIQUE_SELECT + " WHERE u.id = ?", (unique_id,)).fetchone()
    if row is None:
        return None
    item = _unique_item(row)
    reports = conn.execute(
        "SELECT f.article_id, f.event_id, a.title, a.url, a.outlet, a.published, a.story, a.copy_of, e.cameo,"
        " e.modality, e.day, e.confidence, e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start,"
        " e.sentence_end, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
        " FROM fusion_members f JOIN events e ON e.article_id = f.article_id AND e.id = f.event_id"
        " JOIN articles a ON a.id = f.article_id WHERE f.unique_id = ?"
        " ORDER BY e.day, a.published, f.article_id, e.ord",
        (unique_id,),
    )
    item["reports"] = [
        {
            "article_id": r[0], "event_id": r[1], "title": r[2], "url": r[3], "outlet": r[4], "published": r[5],
            "story": r[6], "copy_of": r[7], "cameo": r[8], "modality": r[9], "day": r[10], "confidence": r[11],
            "trigger": {"start": r[12], "end": r[13], "text": r[14]},
            "sentence": {"start": r[15], "end": r[16], "text": r[17]},
        }
        for r in reports
    ]  # fmt: skip
    return item
