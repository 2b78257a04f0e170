"""The read side: every query the CLI, the API and the web page run, as functions of a connection.

Each list query returns a page ``{"items": [...], "total": n}``. The filters and their SQL are
declared in ``filters`` (checked when built, ``QueryError``), the other parameters are checked
by ``params``, before any SQL runs; user text only ever reaches SQL as a bound parameter.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from . import params
from .filters import ArticleFilters, EventFilters, QuoteFilters, Where, contains, prefix

Page = dict[str, Any]  # {"items": list[dict], "total": int}

_EVENT_ITEM = """SELECT e.data, e.article_id, a.published, a.url, a.title, e.source_name, e.target_name, e.day,
    (SELECT json_array(u.id, u.mentions, u.articles, u.sources) FROM fusion_members f
     JOIN unique_events u ON u.id = f.unique_id WHERE f.article_id = e.article_id AND f.event_id = e.id)
    FROM events e JOIN articles a ON a.id = e.article_id"""


# Extra columns for exports: the sentence text, whether the event is in the lead paragraph
# (GDELT's IsRootEvent), when the article was stored, the actors' countries, the outlet.
_EVENT_DETAIL = """, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
    e.sentence_start < a.lead_end, a.stored_at, e.source_country, e.target_country, a.outlet"""


def _event_item(row: sqlite3.Row | tuple) -> dict[str, Any]:
    item = json.loads(row[0])
    item.update(
        article_id=row[1], published=row[2], url=row[3], title=row[4], source_name=row[5], target_name=row[6],
        day=row[7],
    )  # fmt: skip
    if row[8]:  # the fused event it belongs to (store/fusion.py): all the reports of the same act
        item["fused"] = dict(zip(("id", "mentions", "articles", "sources"), json.loads(row[8]), strict=True))
    if len(row) > 9:
        item.update(
            sentence_text=row[9], is_root=bool(row[10]), stored_at=row[11], source_country=row[12],
            target_country=row[13], outlet=row[14],
        )  # fmt: skip
    return item


def events(
    conn: sqlite3.Connection,
    filters: EventFilters,
    *,
    limit: int | None = 50,
    offset: int = 0,
    sort: str | None = None,
) -> Page:
    """Events matching the filters, newest first or by ``sort`` (``params.EVENT_ORDERS``, ``-`` descending)."""
    lim, off = params.page(limit, offset)
    column, descending = params.event_order(sort)
    where = filters.where()
    total = conn.execute("SELECT count(*) FROM events e" + where.sql, where.args).fetchone()[0]
    # Missing values sort last either way; ties keep the newest day first and the article's order.
    order = f"{column} IS NULL, {column} {'DESC' if descending else 'ASC'}, e.day DESC, e.article_id, e.ord"
    rows = conn.execute(f"{_EVENT_ITEM}{where.sql} ORDER BY {order} LIMIT ? OFFSET ?", [*where.args, lim, off])
    return {"items": [_event_item(r) for r in rows], "total": total}


def iter_events(
    conn: sqlite3.Connection, filters: EventFilters, *, newest_first: bool = False, detail: bool = False
) -> Iterator[dict[str, Any]]:
    """Every event matching the filters, streamed (oldest first unless ``newest_first``).

    With ``detail`` the items also hold ``sentence_text``, ``is_root``, ``stored_at``,
    ``source_country``, ``target_country`` and ``outlet`` (for exports).
    """
    where = filters.where()
    order = "DESC" if newest_first else "ASC"
    select = _EVENT_ITEM.replace(" FROM events", (_EVENT_DETAIL if detail else "") + " FROM events", 1)
    sql = f"{select}{where.sql} ORDER BY e.day IS NULL, e.day {order}, e.article_id, e.ord"
    for row in conn.execute(sql, where.args):
        yield _event_item(row)


def quotes(
    conn: sqlite3.Connection, filters: QuoteFilters, *, fulltext: bool, limit: int | None = 50, offset: int = 0
) -> Page:
    """Quotes by speaker (any name of the speaker's actor) and/or words, newest article first."""
    lim, off = params.page(limit, offset)
    where = filters.where(fulltext=fulltext)
    base = " FROM quotes qu JOIN articles a ON a.id = qu.article_id" + where.sql
    total = conn.execute("SELECT count(*)" + base, where.args).fetchone()[0]
    rows = conn.execute(
        "SELECT qu.data, qu.article_id, a.published, a.url, a.title, qu.speaker_key, (SELECT x.name FROM actors x"
        " WHERE x.article_id = qu.article_id AND x.id = qu.speaker_actor)" + base
        + " ORDER BY a.published IS NULL, a.published DESC, qu.article_id, qu.ord LIMIT ? OFFSET ?",
        [*where.args, lim, off],
    )  # fmt: skip
    items = []
    for r in rows:
        item = json.loads(r[0])
        item.update(article_id=r[1], published=r[2], url=r[3], title=r[4], speaker_key=r[5], speaker_actor_name=r[6])
        items.append(item)
    return {"items": items, "total": total}


def articles(
    conn: sqlite3.Connection, filters: ArticleFilters, *, fulltext: bool, limit: int | None = 50, offset: int = 0
) -> Page:
    """Articles whose title or text has the words of ``q``, newest first (without their text)."""
    lim, off = params.page(limit, offset)
    where = filters.where(fulltext=fulltext)
    total = conn.execute("SELECT count(*) FROM articles a" + where.sql, where.args).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.url, a.published, a.outlet, a.byline, a.path, a.n_actors, a.n_events, a.n_quotes,"
        " a.story, a.copy_of FROM articles a"
        + where.sql
        + " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
        [*where.args, lim, off],
    )
    keys = ("id", "title", "url", "published", "outlet", "byline", "path", "actors", "events", "quotes", "story",
            "copy_of")  # fmt: skip
    return {"items": [dict(zip(keys, r, strict=True)) for r in rows], "total": total}


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The stored output dict of one article, or None."""
    row = conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row[0]) if row else None


def _most_common(values: list[Any]) -> Any:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return max(counts, key=lambda v: (counts[v], -present.index(v)))


def actors(conn: sqlite3.Connection, *, q: str | None = None, limit: int | None = 50, offset: int = 0) -> Page:
    """Actors grouped by key across articles, most widely reported first."""
    lim, off = params.page(limit, offset)
    q = params.text(q)
    where = Where()
    if q:
        where.add(
            "key IN (SELECT key FROM actors WHERE names LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\'"
            " OR code LIKE ? ESCAPE '\\')",
            contains(q), contains(q), prefix(q),
        )  # fmt: skip
    total = conn.execute("SELECT count(DISTINCT key) FROM actors" + where.sql, where.args).fetchone()[0]
    groups = conn.execute(
        "SELECT key, count(DISTINCT article_id), sum(n_mentions) FROM actors" + where.sql
        + " GROUP BY key ORDER BY count(DISTINCT article_id) DESC, sum(n_mentions) DESC, key LIMIT ? OFFSET ?",
        [*where.args, lim, off],
    ).fetchall()  # fmt: skip
    items = []
    for key, n_articles, n_mentions in groups:
        rows = conn.execute(
            "SELECT name, code, country, kind, variants FROM actors WHERE key = ? ORDER BY article_id, ord", (key,)
        ).fetchall()
        names: dict[str, None] = {}
        for name, *_, variants in rows:
            names.update(dict.fromkeys([name, *json.loads(variants)]))
        n_events, as_source, as_target = conn.execute(
            "SELECT count(*), count(CASE WHEN source_key = ? THEN 1 END), count(CASE WHEN target_key = ? THEN 1 END)"
            " FROM events WHERE source_key = ? OR target_key = ?",
            (key, key, key, key),
        ).fetchone()
        items.append(
            {
                "key": key,
                "name": _most_common([r[0] for r in rows]),
                "code": _most_common([r[1] for r in rows]),
                "country": _most_common([r[2] for r in rows]),
                "kind": _most_common([r[3] for r in rows]),
                "articles": n_articles,
                "mentions": n_mentions,
                "events": n_events,
                "events_as_source": as_source,
                "events_as_target": as_target,
                "names": list(names),
            }
        )
    return {"items": items, "total": total}


def _period(day: date, interval: str) -> tuple[str, date]:
    """The label and first day of the period holding ``day``."""
    if interval == "week":
        year, week, weekday = day.isocalendar()
        return f"{year}-W{week:02d}", day - timedelta(days=weekday - 1)
    if interval == "month":
        return day.strftime("%Y-%m"), day.replace(day=1)
    return day.isoformat(), day


def _next_period(start: date, interval: str) -> date:
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def dyads(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    target: str | None = None,
    interval: str = "day",
    since: str | None = None,
    until: str | None = None,
    max_periods: int | None = None,
) -> Page:
    """Per period from the first to the last event of the dyad: events, Goldstein sum, count per quad class.

    With ``max_periods``, a span of more periods is a QueryError (events in years 1 and 9998 would
    otherwise give 3.6 million days, hundreds of MB of JSON).
    """
    interval = params.interval(interval)
    where = EventFilters(source=source, target=target, since=since, until=until).where()
    where.add("e.day IS NOT NULL")
    rows = conn.execute(
        "SELECT e.day, count(*), total(e.goldstein), "
        + ", ".join(f"count(CASE WHEN e.quad = {i} THEN 1 END)" for i in range(5))
        + " FROM events e"
        + where.sql
        + " GROUP BY e.day ORDER BY e.day",
        where.args,
    ).fetchall()
    buckets: dict[date, list] = {}
    labels: dict[date, str] = {}
    for day, n, gsum, *quads in rows:
        label, start = _period(date.fromisoformat(day), interval)
        labels[start] = label
        acc = buckets.setdefault(start, [0, 0.0, 0, 0, 0, 0, 0])
        acc[0] += n
        acc[1] += gsum
        for i, count in enumerate(quads):
            acc[2 + i] += count
    items = []
    if buckets:
        start, last = min(buckets), max(buckets)
        n_periods = _count_periods(start, last, interval)
        if max_periods is not None and n_periods > max_periods:
            raise params.QueryError(
                f"{n_periods:,} periods of a {interval} from {start} to {last}: over the limit of {max_periods:,}"
                " (setting max_periods); narrow since/until or use a longer interval"
            )
        while start <= last:  # every period, so a chart's x axis is time, gaps included
            n, gsum, *quads = buckets.get(start, [0, 0.0, 0, 0, 0, 0, 0])
            item = {"period": labels.get(start) or _period(start, interval)[0], "start": start.isoformat()}
            item.update(events=n, goldstein=round(gsum, 3), **{f"quad{i}": c for i, c in enumerate(quads)})
            items.append(item)
            start = _next_period(start, interval)
    return {"items": items, "total": len(items)}


def _count_periods(first: date, last: date, interval: str) -> int:
    """How many periods from the one starting on ``first`` to the one starting on ``last``."""
    if interval == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first).days // (7 if interval == "week" else 1) + 1


def network(
    conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None, limit: int = 40
) -> dict[str, list[dict[str, Any]]]:
    """Who acted on whom in a time window: nodes (actors by key, else code) and weighted edges.

    Keeps the ``limit`` nodes with most events and the edges between them.
    """
    params.page(limit, 0)
    where = EventFilters(since=since, until=until).where()
    rows = conn.execute(
        "SELECT coalesce(e.source_key, e.source_code), e.source_name, e.source_code,"
        " coalesce(e.target_key, e.target_code), e.target_name, e.target_code, e.goldstein FROM events e"
        + where.sql
        + (" AND " if where.parts else " WHERE ")
        + "coalesce(e.source_key, e.source_code) IS NOT NULL AND coalesce(e.target_key, e.target_code) IS NOT NULL",
        where.args,
    )
    names: dict[str, list] = defaultdict(list)
    codes: dict[str, list] = defaultdict(list)
    edges: dict[tuple[str, str], list] = {}
    degree: Counter[str] = Counter()
    for s, s_name, s_code, t, t_name, t_code, goldstein in rows:
        if s == t:
            continue
        names[s].append(s_name)
        names[t].append(t_name)
        codes[s].append(s_code)
        codes[t].append(t_code)
        edge = edges.setdefault((s, t), [0, 0.0])
        edge[0] += 1
        edge[1] += goldstein or 0.0
        degree[s] += 1
        degree[t] += 1
    keep = {n for n, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    nodes = [
        {"id": n, "name": _most_common(names[n]) or n, "code": _most_common(codes[n]), "events": degree[n]}
        for n in sorted(keep, key=lambda n: (-degree[n], n))
    ]
    links = [
        {"source": s, "target": t, "events": c, "goldstein": round(g, 3)}
        for (s, t), (c, g) in sorted(edges.items())
        if s in keep and t in keep
    ]
    return {"nodes": nodes, "edges": links}


def map_points(conn: sqlite3.Connection, filters: EventFilters) -> dict[str, list[dict[str, Any]]]:
    """Where things happened, for a map: the places of the events matching ``filters`` (with
    how many events), and the places the same articles mention (with how many mentions)."""
    where = filters.where()
    located = " AND ".join([*where.parts, "json_extract(e.data, '$.location.lat') IS NOT NULL"])
    rows = conn.execute(
        "SELECT json_extract(e.data, '$.location.name'), json_extract(e.data, '$.location.country'),"
        " json_extract(e.data, '$.location.lat'), json_extract(e.data, '$.location.lon'), count(*),"
        " count(DISTINCT e.article_id), group_concat(DISTINCT e.cameo) FROM events e WHERE " + located
        + " GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, 1",
        where.args,
    )  # fmt: skip
    keys = ("name", "country", "lat", "lon", "events", "articles", "cameo")
    events = [dict(zip(keys, r, strict=True)) | {"cameo": sorted(r[6].split(","))} for r in rows]
    articles = "SELECT DISTINCT e.article_id FROM events e" + where.sql
    rows = conn.execute(
        "SELECT p.name, p.country, p.lat, p.lon, count(*), count(DISTINCT p.article_id) FROM places p"
        f" WHERE p.lat IS NOT NULL AND p.article_id IN ({articles}) GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, 1",
        where.args,
    )
    places = [dict(zip(("name", "country", "lat", "lon", "mentions", "articles"), r, strict=True)) for r in rows]
    return {"events": events, "places": places}


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How many articles, events, quotes, distinct actors (by key), stories, copies and unique events."""
    one = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes),"
        " (SELECT count(DISTINCT key) FROM actors), (SELECT count(DISTINCT story) FROM articles),"
        " (SELECT count(copy_of) FROM articles), (SELECT count(*) FROM unique_events)"
    ).fetchone()
    keys = ("articles", "events", "quotes", "actors", "stories", "copies", "unique_events")
    return dict(zip(keys, one, strict=True))
