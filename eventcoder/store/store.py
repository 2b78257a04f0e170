"""``Store``: the SQLite database, its one write path and its queries.

SQLite in WAL mode with foreign keys on. Every batch is written in one ``BEGIN IMMEDIATE``
transaction, so a process killed at any moment leaves either the whole batch or none of it,
and rerunning the same command finishes the work (``write_batch`` is idempotent by article id
and content hash).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..article import Article
from ..errors import QueryError, StoreError
from ..settings import Settings
from . import fusion, migrations, params, queries, stories
from .filters import ArticleFilters, EventFilters, Filters, QuoteFilters
from .rows import ArticleRows, article_rows

_INSERTS = {
    "article": "INSERT INTO articles (id, hash, path, url, title, published, outlet, byline, text, lead_end,"
    " n_actors, n_events, n_quotes, data, stored_at) VALUES (" + ",".join("?" * 15) + ")",
    "actors": "INSERT INTO actors (article_id, id, ord, key, name, code, country, sector, role, kind, rule,"
    " variants, names, n_mentions) VALUES (" + ",".join("?" * 14) + ")",
    "mentions": 'INSERT INTO mentions (article_id, actor_id, ord, start, "end", text) VALUES (?,?,?,?,?,?)',
    "events": "INSERT INTO events (article_id, id, ord, cameo, root, plover, mode, goldstein, quad,"
    " source_actor, source_key, source_code, source_name, source_country, source_text,"
    " target_actor, target_key, target_code, target_name, target_country, target_text,"
    " trigger_start, trigger_end, trigger_text, sentence_start, sentence_end, negated, modality, date, day,"
    " rule, confidence, quote_id, data) VALUES (" + ",".join("?" * 34) + ")",
    "quotes": 'INSERT INTO quotes (article_id, id, ord, start, "end", text, direct, speaker_actor, speaker_key,'
    " speaker_name, speaker_text, via, event_id, data) VALUES (" + ",".join("?" * 14) + ")",
    "times": 'INSERT INTO times (article_id, ord, start, "end", text, value, granularity) VALUES (?,?,?,?,?,?,?)',
    "places": 'INSERT INTO places (article_id, ord, start, "end", text, name, country, lat, lon, geonameid,'
    " feature) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
}

F = TypeVar("F", bound=Filters)

# Parameters per SELECT ... IN (...): well under SQLite's limit on bound variables.
_CHUNK = 500


@dataclass(frozen=True)
class WriteResult:
    """What one ``write_batch`` did: ``inserted`` (new or replaced) + ``unchanged`` == batch size."""

    inserted: int
    unchanged: int
    replaced: int = 0
    # What became of each article of the batch, in order: "inserted", "replaced" or "unchanged".
    statuses: tuple[str, ...] = field(default=(), compare=False)


class Store:
    """The embedded SQLite store. ``Store(path)`` opens (creating and migrating) the database.

    Usable from several threads: each thread gets its own connection; writes are serialised.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        settings: Settings | None = None,
        read_only: bool | None = None,
    ) -> None:
        self.path = Path(path)
        settings = settings or Settings.load()
        self.max_query_chars = settings.max_query_chars
        self.max_periods = settings.max_periods
        if not create and not self.path.exists():
            raise StoreError(
                f"{path}: no such database (code articles into it first: eventcoder code FILES --db {path})"
            )
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()  # guards _connections
        self._write_lock = threading.Lock()  # serialises writes in this process (BEGIN IMMEDIATE across processes)
        self._closed = False
        # A file the user may not write is opened read-only: it can still be queried.
        if read_only is None:
            read_only = self.path.exists() and not os.access(self.path, os.W_OK)
        self.read_only = read_only
        _refuse_foreign(self.path)  # before anything is written to it (tables, WAL mode)
        conn = self._conn()
        try:
            if self.read_only:
                migrations.check_current(conn, str(self.path))
            else:
                migrations.migrate(conn, str(self.path))
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(f"{self.path}: cannot migrate the database ({exc})") from None
        except StoreError:
            self.close()
            raise
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.fulltext = {"articles_fts", "quotes_fts"} <= tables

    # -- connections -------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: no implicit transactions; we issue BEGIN/COMMIT ourselves.
            if self.read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30, check_same_thread=False)
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # not a database: raises here
                return conn
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            # In WAL mode NORMAL loses no committed transaction when a process is killed
            # (only on power loss), and is much faster than FULL.
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                raise StoreError(f"{self.path}: cannot open the database ({exc}); does its folder exist?") from None
            raise StoreError(f"{self.path}: not an eventcoder database ({exc})") from None
        return conn

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"{self.path}: the store is closed")
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._conns_lock:
                self._connections.append(conn)
        return conn

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction, so a page and its total come from the same snapshot."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._conns_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return migrations.applied(self._conn())

    # -- the one write path ------------------------------------------------------------------

    def write_batch(self, articles: list[Article]) -> WriteResult:
        """Store a batch of coded articles in ONE transaction; idempotent by id and content hash.

        An article whose id is stored with the same content is skipped; with other content, its
        old rows are replaced. Either the whole batch is committed or nothing is.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only (the file is not writable); nothing was stored")
        stored_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        batch = [article_rows(a, stored_at) for a in articles]  # JSON and hashes outside the lock
        signatures = [stories.signature(a.text) for a in articles]  # MinHash too
        inserted = unchanged = replaced = 0
        statuses: list[str] = []
        conn = self._conn()
        with self._write_lock:
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    keys: set[str] = set()  # fusion keys whose unique events must be regrouped
                    for rows, sig in zip(batch, signatures, strict=True):
                        old = conn.execute("SELECT hash FROM articles WHERE id = ?", (rows.id,)).fetchone()
                        if old and old[0] == rows.hash:
                            unchanged += 1
                            statuses.append("unchanged")
                            continue
                        former: list[str] = []
                        if old:
                            former = stories.forget(conn, rows.id)
                            keys |= fusion.keys_of(conn, [rows.id])
                            # ON DELETE CASCADE removes its actors, mentions, events, quotes...
                            conn.execute("DELETE FROM articles WHERE id = ?", (rows.id,))
                            replaced += 1
                        self._insert(conn, rows)
                        keys |= fusion.add_events(conn, rows.id)
                        moved = stories.add(conn, rows.id, sig) | stories.relabel(conn, former)
                        keys |= fusion.keys_of(conn, moved - {rows.id})
                        inserted += 1
                        statuses.append("replaced" if old else "inserted")
                    fusion.refresh(conn, keys)
                    conn.execute("COMMIT")
                except BaseException:
                    # SQLite has already rolled back after some errors (disk full): a second
                    # ROLLBACK would hide the real reason behind "no transaction is active".
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot write the batch ({exc}); nothing of it was stored") from None
        return WriteResult(inserted=inserted, unchanged=unchanged, replaced=replaced, statuses=tuple(statuses))

    @staticmethod
    def _insert(conn: sqlite3.Connection, rows: ArticleRows) -> None:
        conn.execute(_INSERTS["article"], rows.article)
        conn.executemany(_INSERTS["actors"], rows.actors)
        conn.executemany(_INSERTS["mentions"], rows.mentions)
        conn.executemany(_INSERTS["events"], rows.events)
        conn.executemany(_INSERTS["quotes"], rows.quotes)
        conn.executemany(_INSERTS["times"], rows.times)
        conn.executemany(_INSERTS["places"], rows.places)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` that are already stored."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        with self._read() as conn:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                sql = "SELECT id FROM articles WHERE id IN (" + ",".join("?" * len(chunk)) + ")"
                found.update(r[0] for r in conn.execute(sql, chunk))
        return found

    # -- queries (see queries.py for the semantics) ------------------------------------------

    def events(
        self,
        filters: EventFilters | None = None,
        /,
        *,
        limit: int | None = 50,
        offset: int = 0,
        sort: str | None = None,
        **values: Any,
    ) -> dict[str, Any]:
        """Events matching ``filters``, or the filters given as keywords (``source="RUS"``), newest first.

        The filters are the fields of ``EventFilters``: source/target code prefix, actor, CAMEO
        prefix, PLOVER type, modality, dates, quad class, statements, article. ``sort``: a
        column of ``params.EVENT_ORDERS``, ``-`` in front for descending (default ``-day``).
        """
        chosen = _filters(EventFilters, filters, values)
        self._check_filters(chosen)
        with self._read() as conn:
            return queries.events(conn, chosen, limit=limit, offset=offset, sort=sort)

    def iter_events(
        self,
        filters: EventFilters | None = None,
        /,
        *,
        newest_first: bool = False,
        detail: bool = False,
        **values: Any,
    ) -> Iterator[dict[str, Any]]:
        """Every event matching the filters (as ``events``), streamed from one snapshot.

        Oldest first unless ``newest_first``; ``detail`` adds the export columns (see
        ``queries.iter_events``). Bad filters raise ``QueryError`` here, before the first item.
        """
        chosen = _filters(EventFilters, filters, values)
        self._check_filters(chosen)
        return self._stream_events(newest_first, detail, chosen)

    def _stream_events(self, newest_first: bool, detail: bool, filters: EventFilters) -> Iterator[dict[str, Any]]:
        conn = self._open()  # its own connection: the caller may stop iterating at any time
        try:
            conn.execute("BEGIN")
            yield from queries.iter_events(conn, filters, newest_first=newest_first, detail=detail)
        finally:
            conn.close()

    def quotes(
        self, filters: QuoteFilters | None = None, /, *, limit: int | None = 50, offset: int = 0, **values: Any
    ) -> dict[str, Any]:
        """Quotes matching ``filters`` or keyword filters: speaker (any name of the speaker's actor), words, dates."""
        chosen = _filters(QuoteFilters, filters, values)
        self._check_filters(chosen)
        with self._read() as conn:
            return queries.quotes(conn, chosen, fulltext=self.fulltext, limit=limit, offset=offset)

    def articles(
        self, filters: ArticleFilters | None = None, /, *, limit: int | None = 50, offset: int = 0, **values: Any
    ) -> dict[str, Any]:
        """Articles matching ``filters`` or keyword filters: words of the title or text, publication dates."""
        chosen = _filters(ArticleFilters, filters, values)
        self._check_filters(chosen)
        with self._read() as conn:
            return queries.articles(conn, chosen, fulltext=self.fulltext, limit=limit, offset=offset)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article exactly as ``Article.to_dict()`` returned it when stored, or None."""
        with self._read() as conn:
            return queries.article(conn, article_id)

    def actors(self, q: str | None = None, limit: int | None = 50, offset: int = 0) -> dict[str, Any]:
        """Actors grouped by their cross-article key, with counts."""
        self._check_text(q=q)
        with self._read() as conn:
            return queries.actors(conn, q=q, limit=limit, offset=offset)

    def dyads(
        self,
        source: str | None = None,
        target: str | None = None,
        interval: str = "day",
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, Any]:
        """Per period: events, Goldstein sum and count per quad class of source -> target (at most max_periods)."""
        self._check_text(source=source, target=target)
        with self._read() as conn:
            return queries.dyads(
                conn, source=source, target=target, interval=interval, since=since, until=until,
                max_periods=self.max_periods,
            )  # fmt: skip

    def network(self, since: str | None = None, until: str | None = None, limit: int = 40) -> dict[str, Any]:
        """Actors and who-acted-on-whom edges in a time window."""
        with self._read() as conn:
            return queries.network(conn, since=since, until=until, limit=limit)

    def map_points(self, filters: EventFilters | None = None, /, **values: Any) -> dict[str, Any]:
        """The places of the events matching the filters and the places their articles mention."""
        chosen = _filters(EventFilters, filters, values)
        self._check_filters(chosen)
        with self._read() as conn:
            return queries.map_points(conn, chosen)

    def _check_text(self, **values: str | None) -> None:
        """Text filters within ``max_query_chars`` and without NUL (QueryError naming the filter)."""
        for name, value in values.items():
            params.text(value, name, self.max_query_chars)

    def _check_filters(self, chosen: Filters) -> None:
        """The text values of the filters within ``max_query_chars`` and without NUL."""
        texts = {name: getattr(chosen, name) for name, _ in chosen.specs()}
        self._check_text(**{name: v for name, v in texts.items() if isinstance(v, str)})

    def stats(self) -> dict[str, int]:
        """``{"articles": n, "events": n, "quotes": n, "actors": n}`` (actors: distinct keys)."""
        with self._read() as conn:
            return queries.stats(conn)

    # -- stories and fused events (stories.py, fusion.py) --------------------------------------

    def fuse(self, *, rebuild: bool = False) -> dict[str, int]:
        """Counts of stories, copies and unique events; ``rebuild`` first recomputes both from scratch.

        Fusion is kept up to date by ``write_batch``; a rebuild (one transaction) gives the same
        tables and is there to check that, or to apply a changed fusion rule.
        """
        conn = self._conn()
        if rebuild:
            if self.read_only:
                raise StoreError(f"{self.path}: opened read-only (the file is not writable); nothing was rebuilt")
            with self._write_lock:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        stories.rebuild(conn)
                        fusion.rebuild(conn)
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:  # as in write_batch: SQLite may have rolled back already
                            conn.execute("ROLLBACK")
                        raise
                except sqlite3.Error as exc:
                    raise StoreError(f"{self.path}: cannot rebuild the fused events ({exc}); nothing changed") from None
        with self._read() as conn:
            n_stories, n_copies = stories.counts(conn)
            return {"stories": n_stories, "copies": n_copies, "unique_events": fusion.count(conn)}

    def unique_events(
        self, filters: EventFilters | None = None, /, *, limit: int | None = 50, offset: int = 0, **values: Any
    ) -> dict[str, Any]:
        """Fused events having a member that matches the event filters (as ``events``), newest first."""
        chosen = _filters(EventFilters, filters, values)
        with self._read() as conn:
            return fusion.unique_events(conn, chosen, limit=limit, offset=offset)

    def unique_event(self, unique_id: str) -> dict[str, Any] | None:
        """One fused event with its member ``reports`` (article, trigger and sentence spans), or None."""
        with self._read() as conn:
            return fusion.unique_event(conn, unique_id)


def _filters(cls: type[F], given: F | None, values: dict[str, Any]) -> F:
    """``given``, or the filters of the keyword ``values`` (not both)."""
    if given is None:
        return cls.of(values)
    if values:
        raise QueryError(f"give the filters as {cls.__name__} or as keywords, not both ({', '.join(values)})")
    return given


def _refuse_foreign(path: Path) -> None:
    """StoreError if ``path`` is another application's SQLite database (tables, none of ours).

    Read through a read-only connection, so the file is left exactly as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return  # judged by the normal open, which names the problem
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        ours = "migrations" in tables and bool(
            conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migrations.MIGRATIONS[0].name,)).fetchone()
        )
    except sqlite3.Error:
        return  # not a database at all: the normal open says so
    finally:
        conn.close()
    if tables and not ours:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path}: not an eventcoder database (it holds other tables: {shown}); give --db a new file name"
        )
