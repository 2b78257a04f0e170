"""The views of docs/sql.md answer the documented queries, checked against the coded articles."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from coded_articles import all_articles, filled_store

DOC = Path(__file__).resolve().parents[2] / "docs" / "sql.md"


def queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = tmp_path_factory.mktemp("sql") / "s.db"
    filled_store(path).close()
    c = sqlite3.connect(path)
    c.row_factory = sqlite3.Row
    yield c
    c.close()


def test_the_doc_has_three_queries_and_the_datasette_line():
    assert len(queries()) == 3
    assert "datasette eventcoder.db" in DOC.read_text(encoding="utf-8")


def test_views_hold_one_row_per_event_quote_and_actor_without_storage_columns(conn):
    articles = all_articles()
    views = ("events_flat", "quotes_flat", "actors_flat")
    counts = {v: conn.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in views}
    assert counts == {
        "events_flat": sum(len(a.events) for a in articles),
        "quotes_flat": sum(len(a.quotes) for a in articles),
        "actors_flat": sum(len(a.actors) for a in articles),
    }
    for view in counts:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({view})")}
        assert not columns & {"ord", "data", "hash", "lead_end", "n"}, view
        assert {"article_id", "url", "title", "outlet", "published"} <= columns


def test_events_flat_rows_match_the_articles(conn):
    for a in all_articles():
        for e in a.events:
            row = conn.execute(
                "SELECT * FROM events_flat WHERE article_id = ? AND event_id = ?", (a.id, e.id)
            ).fetchone()
            assert row["trigger"] == e.trigger.text and row["cameo"] == e.cameo
            assert row["sentence"] == a.text[e.sentence.start : e.sentence.end]
            assert row["source_code"] == (e.source.code if e.source else None)
            assert row["title"] == a.title and row["url"] == a.url
            place = e.location or {}
            assert (row["location_name"], row["lat"], row["lon"]) == (
                place.get("name"),
                place.get("lat"),
                place.get("lon"),
            )


def test_conflict_per_month_query(conn):
    rows = conn.execute(queries()[0]).fetchall()
    expected: Counter = Counter()
    for a in all_articles():
        for e in a.events:
            if e.quad == 4 and e.source and e.source.code and e.target and e.target.code:
                day = (e.date or a.published or "")[:7]
                expected[(day, e.source.code, e.target.code)] += 1
    assert {(r["month"], r["source_code"], r["target_code"]): r["events"] for r in rows} == dict(expected)


def test_most_quoted_query(conn):
    rows = conn.execute(queries()[1]).fetchall()
    by_id = {(a.id, x.id): x for a in all_articles() for x in a.actors}
    expected: Counter = Counter()
    for a in all_articles():
        for q in a.quotes:
            if q.speaker is None:
                continue
            actor = by_id.get((a.id, q.speaker.actor)) if q.speaker.actor else None
            name = actor.name if actor else q.speaker.name
            if name:
                expected[name] += 1
    assert rows and {r["speaker_name"]: r["quotes"] for r in rows} == dict(expected)
    assert [r["quotes"] for r in rows] == sorted((r["quotes"] for r in rows), reverse=True)


def test_events_with_a_place_query(conn):
    rows = conn.execute(queries()[2]).fetchall()
    expected = sorted(
        (a.url, e.location["name"])
        for a in all_articles()
        for e in a.events
        if e.location and e.location.get("lat") is not None
    )
    assert rows and sorted((r["url"], r["location_name"]) for r in rows) == expected
