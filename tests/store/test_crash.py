"""A writer killed with SIGKILL in the middle of a batch leaves a consistent database, and the
same command run again finishes the work without duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent

# The "command": write batch 1 (small), then batch 2 (large, so that it is still inside its
# transaction when killed). Articles are copies of the sample ones under new ids.
WRITER = textwrap.dedent(
    """
    import dataclasses, sys
    sys.path.insert(0, {tests!r})
    from coded_articles import all_articles
    from eventcoder.store import Store

    def copies(prefix, n):
        out = []
        for i in range(n):
            for a in all_articles():
                out.append(dataclasses.replace(a, id=f"{{prefix}}{{i}}-{{a.id}}", text=a.text + " " * (i % 7)))
        return out

    store = Store(sys.argv[1])
    for name, batch in (("one", copies("one-", 10)), ("two", copies("two-", 600))):
        print("writing", name, flush=True)
        result = store.write_batch(batch)
        print("committed", name, result.inserted, result.unchanged, flush=True)
    """
).format(tests=str(TESTS))

N1, N2 = 10 * 4, 600 * 4  # articles per batch (4 sample articles per copy)
EVENTS_PER_COPY = 9


def write_lock_held(path: Path) -> bool:
    """True while another connection holds the write transaction (BEGIN IMMEDIATE cannot start)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def check_consistent(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        # Every stored article has all its rows: nothing half-written.
        mismatched = conn.execute(
            "SELECT id FROM articles a WHERE n_events != (SELECT count(*) FROM events e WHERE e.article_id = a.id)"
            " OR n_quotes != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
            " OR n_actors != (SELECT count(*) FROM actors x WHERE x.article_id = a.id)"
        ).fetchall()
        assert mismatched == []
        return {
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "distinct": conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0],
            "events": conn.execute("SELECT count(*) FROM events").fetchone()[0],
        }
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_sigkill_mid_batch_then_rerun(tmp_path):
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": str(TESTS.parent)}
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True, env=env, cwd=tmp_path
    )
    lines = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("writing two"):
                break
        # Wait until batch two's transaction is open, then kill the writer inside it.
        deadline = time.monotonic() + 60
        while not write_lock_held(db):
            assert child.poll() is None, f"the writer ended before it was killed: {lines}"
            assert time.monotonic() < deadline, "batch two never started writing"
            time.sleep(0.002)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        lines += [line.strip() for line in child.stdout]
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert lines == ["writing one", f"committed one {N1} 0", "writing two"]

    # Consistent, with batch one whole and nothing of batch two.
    assert check_consistent(db) == {"articles": N1, "distinct": N1, "events": 10 * EVENTS_PER_COPY}

    # The same command again: batch one is unchanged, batch two is written whole.
    rerun = subprocess.run(
        [sys.executable, "-c", WRITER, str(db)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.splitlines() == ["writing one", f"committed one 0 {N1}", "writing two", f"committed two {N2} 0"]
    assert check_consistent(db) == {
        "articles": N1 + N2,
        "distinct": N1 + N2,
        "events": (10 + 600) * EVENTS_PER_COPY,
    }
