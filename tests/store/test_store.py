"""The store: schema, migrations, the one write path (idempotent, replace on change), errors."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from coded_articles import all_articles, china, moscow_times, prisoner_swap

from eventcoder.article import Quote
from eventcoder.errors import StoreError
from eventcoder.store import Store, WriteResult
from eventcoder.store.migrations import MIGRATIONS

TABLES = {"articles", "actors", "mentions", "events", "quotes", "times", "places", "migrations"}


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in sorted(TABLES - {"migrations"})}
    finally:
        conn.close()


def test_new_database_has_the_schema_in_wal_mode(tmp_path):
    with Store(tmp_path / "e.db") as store:
        names = ["0001_initial", "0002_fulltext", "0003_flat_views", "0004_stories_fusion"]
        assert store.migrations() == [m.name for m in MIGRATIONS] == names
        assert store.fulltext is True
    conn = sqlite3.connect(tmp_path / "e.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert TABLES | {"articles_fts", "quotes_fts"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_keys_are_on_for_the_store_connections(tmp_path):
    with Store(tmp_path / "e.db") as store:
        assert store._conn().execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_no_migration_twice(tmp_path):
    Store(tmp_path / "e.db").close()
    with Store(tmp_path / "e.db") as store:
        assert store.migrations() == [m.name for m in MIGRATIONS]


def test_write_counts_and_rows(tmp_path):
    with Store(tmp_path / "e.db") as store:
        assert store.write_batch(all_articles()) == WriteResult(inserted=4, unchanged=0, replaced=0)
    assert counts(tmp_path / "e.db") == {
        "actors": 5 + 2 + 4 + 1,
        "articles": 4,
        "events": 3 + 2 + 3 + 1,
        "mentions": 7 + 3 + 4 + 1,
        "places": 1,
        "quotes": 3,
        "times": 1,
    }


def test_same_input_again_changes_nothing(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch(all_articles())
        before = counts(tmp_path / "e.db")
        stored_at = store._conn().execute("SELECT stored_at FROM articles ORDER BY id").fetchall()
        assert store.write_batch(all_articles()) == WriteResult(inserted=0, unchanged=4, replaced=0)
        assert counts(tmp_path / "e.db") == before
        assert store._conn().execute("SELECT stored_at FROM articles ORDER BY id").fetchall() == stored_at


def test_changed_article_replaces_its_rows(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch(all_articles())
        recoded = moscow_times()
        recoded.events = recoded.events[:1]
        recoded.quotes = recoded.quotes[:1]
        result = store.write_batch([recoded, china()])
        assert result == WriteResult(inserted=1, unchanged=1, replaced=1)
        assert store.article(recoded.id) == recoded.to_dict()
        rows = store._conn().execute("SELECT id FROM events WHERE article_id = ? ORDER BY ord", (recoded.id,))
        assert [r[0] for r in rows] == ["e1"]
        assert store.quotes(speaker="Ryabkov")["total"] == 1
        # The full-text index follows the replacement: no stale entry for the dropped quote.
        assert store.quotes(q="arms control")["total"] == 0
    assert counts(tmp_path / "e.db")["events"] == 1 + 2 + 3 + 1


def test_duplicate_ids_in_one_batch_store_the_last_version(tmp_path):
    first, second = moscow_times(), moscow_times()
    second.title = "Another title"
    with Store(tmp_path / "e.db") as store:
        assert store.write_batch([first, first, second]) == WriteResult(inserted=2, unchanged=1, replaced=1)
        assert store.article(first.id)["title"] == "Another title"
        assert store.stats()["articles"] == 1


def test_article_round_trips_exactly(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch(all_articles())
        for article in all_articles():
            assert store.article(article.id) == article.to_dict()
        assert store.article("no-such-id") is None


def test_known_ids(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch([moscow_times(), prisoner_swap()])
        ids = [f"x{i}" for i in range(1200)] + ["wn-swap", "mt-2024-09-20", "wn-china"]
        assert store.known_ids(ids) == {"wn-swap", "mt-2024-09-20"}
        assert store.known_ids([]) == set()


def test_a_failing_batch_stores_nothing(tmp_path):
    # A quote whose text is None violates NOT NULL after the first article was inserted:
    # the whole batch must roll back.
    bad = china()
    bad.quotes = [dataclasses.replace(bad.quotes[0], text=None)]
    with Store(tmp_path / "e.db") as store:
        with pytest.raises(StoreError, match=r"cannot write the batch .*NOT NULL.*nothing of it was stored"):
            store.write_batch([moscow_times(), bad])
        assert store.stats() == {
            "articles": 0,
            "events": 0,
            "quotes": 0,
            "actors": 0,
            "stories": 0,
            "copies": 0,
            "unique_events": 0,
        }
        assert store.write_batch([moscow_times()]).inserted == 1


def test_a_quote_without_speaker_is_stored(tmp_path):
    article = china()
    article.quotes.append(Quote("q2", 0, 5, "China", False))
    with Store(tmp_path / "e.db") as store:
        store.write_batch([article])
        assert store.article(article.id) == article.to_dict()


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not SQLite\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not an eventcoder database \(file is not a database\)"):
        Store(path)


def test_missing_folder(tmp_path):
    with pytest.raises(StoreError, match=r"cannot open the database .*does its folder exist\?"):
        Store(tmp_path / "nowhere" / "e.db")


def test_create_false_refuses_a_missing_database(tmp_path):
    with pytest.raises(StoreError, match=r"e\.db: no such database \(code articles into it first"):
        Store(tmp_path / "e.db", create=False)
    assert not (tmp_path / "e.db").exists()


def test_database_from_a_newer_version(tmp_path):
    Store(tmp_path / "e.db").close()
    conn = sqlite3.connect(tmp_path / "e.db")
    conn.execute("INSERT INTO migrations VALUES ('0099_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"written by a newer eventcoder \(unknown migrations: 0099_future\)"):
        Store(tmp_path / "e.db")


def test_closed_store_says_so(tmp_path):
    store = Store(tmp_path / "e.db")
    store.close()
    with pytest.raises(StoreError, match="the store is closed"):
        store.stats()


def test_write_from_a_thread_that_never_used_the_store(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with Store(tmp_path / "e.db") as store:
        with ThreadPoolExecutor(2) as pool:
            results = [f.result(timeout=60) for f in [pool.submit(store.write_batch, all_articles()) for _ in range(3)]]
        assert sorted((r.inserted, r.unchanged) for r in results) == [(0, 4), (0, 4), (4, 0)]
