"""The store against files it does not own, a full disk and read-only files (issue 14)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from coded_articles import all_articles, filled_store

from eventcoder.errors import StoreError
from eventcoder.store import Store


def _foreign(path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann', '555')")
    conn.close()
    return path.read_bytes()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "contacts.db"
    before = _foreign(path)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert str(err.value) == (
        f"{path}: not an eventcoder database (it holds other tables: contacts); give --db a new file name"
    )
    assert path.read_bytes() == before  # no tables added, still in rollback-journal mode
    assert not (tmp_path / "contacts.db-wal").exists()


def test_the_cli_refuses_a_foreign_file_as_db(tmp_path):
    path = tmp_path / "contacts.db"
    before = _foreign(path)
    run = subprocess.run(
        [sys.executable, "-m", "eventcoder", "stats", "--db", str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 2 and "not an eventcoder database (it holds other tables: contacts)" in run.stderr
    assert "Traceback" not in run.stderr
    assert path.read_bytes() == before


def test_an_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.stats()["articles"] == 0


def test_disk_full_names_the_reason_and_keeps_the_store(tmp_path):
    store = filled_store(tmp_path / "full.db")
    conn = store._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite's own "database or disk is full"
    big = [a for a in all_articles()]
    for i, article in enumerate(big):
        article.id = f"big{i}"
        article.text = article.text + " padding" * 20_000
    with pytest.raises(StoreError) as err:
        store.write_batch(big)
    assert "database or disk is full" in str(err.value)
    assert "nothing of it was stored" in str(err.value)
    assert store.stats()["articles"] == 4
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_a_read_only_store_can_be_read(tmp_path):
    filled_store(tmp_path / "ro.db").close()
    with Store(tmp_path / "ro.db", read_only=True) as store:  # SQLite's own read-only mode
        assert store.stats()["articles"] == 4
        assert store.events(source="RUS")["total"] == 4
        with pytest.raises(StoreError, match="opened read-only"):
            store.write_batch(all_articles()[:1])


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs: a real full disk (ENOSPC). Needs root and a system that allows mounting.

    Room for the filled store (its WAL is about 0.5 MiB with the stories and fusion tables), not
    for the big batch (1.3 MiB of text).
    """
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=False)  # lazy: a failed test may hold the file open


def test_a_really_full_disk_names_the_reason(small_disk):
    store = filled_store(small_disk / "full.db")
    big = all_articles()
    for i, article in enumerate(big):
        article.id = f"big{i}"
        article.text = article.text + " padding" * 40_000
    with pytest.raises(StoreError) as err:
        store.write_batch(big)
    assert str(err.value) == (
        f"{small_disk / 'full.db'}: cannot write the batch (database or disk is full); nothing of it was stored"
    )
    assert store.stats()["articles"] == 4
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file: chmod makes nothing read-only")
def test_a_file_the_user_cannot_write_is_read(tmp_path):
    filled_store(tmp_path / "ro.db").close()
    os.chmod(tmp_path / "ro.db", 0o444)
    try:
        run = subprocess.run(
            [sys.executable, "-m", "eventcoder", "stats", "--db", str(tmp_path / "ro.db")],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        with Store(tmp_path / "ro.db") as store:
            assert store.read_only and store.stats()["articles"] == 4
    finally:
        os.chmod(tmp_path / "ro.db", 0o644)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"offset": 2**63}, "offset: 9223372036854775808 must be at most 9223372036854775807"),
        ({"limit": 2**64}, "limit: 18446744073709551616 must be at most"),
        ({"actor": "a" * 60_000}, "actor: 60,000 characters, over the limit of 1,000 (setting max_query_chars)"),
        ({"source": "RUS\x00"}, "source: holds a NUL character"),
    ],
)
def test_query_values_sqlite_cannot_take_are_query_errors(tmp_path, kwargs, message):
    from eventcoder.errors import QueryError

    with filled_store(tmp_path / "q.db") as store, pytest.raises(QueryError) as err:
        store.events(**kwargs)
    assert message in str(err.value)
