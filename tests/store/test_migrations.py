"""Named migrations: ordered, each in one transaction, recorded once."""

from __future__ import annotations

import sqlite3

import pytest

from eventcoder.store import migrations
from eventcoder.store.migrations import Migration, applied, migrate


def connect(path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_applies_in_order_and_records_names(tmp_path):
    conn = connect(tmp_path / "m.db")
    steps = [
        Migration("0001_a", lambda c: ["CREATE TABLE a (x)"]),
        Migration("0002_b", lambda c: ["CREATE TABLE b (y)", "INSERT INTO b VALUES (1)"]),
    ]
    assert migrate(conn, "m.db", steps) == ["0001_a", "0002_b"]
    assert migrate(conn, "m.db", steps) == []
    assert applied(conn) == ["0001_a", "0002_b"]
    assert conn.execute("SELECT y FROM b").fetchall() == [(1,)]


def test_a_failing_migration_leaves_no_trace(tmp_path):
    conn = connect(tmp_path / "m.db")
    steps = [
        Migration("0001_a", lambda c: ["CREATE TABLE a (x)"]),
        Migration("0002_broken", lambda c: ["CREATE TABLE half (x)", "INSERT INTO missing VALUES (1)"]),
    ]
    with pytest.raises(sqlite3.OperationalError, match="no such table: missing"):
        migrate(conn, "m.db", steps)
    assert applied(conn) == ["0001_a"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in tables  # the DDL of the failed migration was rolled back too


def test_without_fts5_the_fulltext_migration_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(migrations, "fts5_available", lambda conn: False)
    conn = connect(tmp_path / "m.db")
    migrate(conn, "m.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "articles_fts" not in tables and "articles" in tables
    assert applied(conn) == [m.name for m in migrations.MIGRATIONS]


def test_this_sqlite_has_fts5():
    # The bundled queries use FTS5 when present; Python's sqlite3 on CI is expected to have it.
    assert migrations.fts5_available(sqlite3.connect(":memory:"))
