"""The schema as named, ordered migrations, each applied in one transaction.

A migration is a name and a list of SQL statements (never ``executescript``, which commits on
its own). ``migrate`` applies the ones the ``migrations`` table does not list yet, in order,
each inside ``BEGIN IMMEDIATE ... COMMIT`` so that two processes opening a fresh database at
the same time cannot both apply it and a failure leaves the previous schema intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import StoreError


@dataclass(frozen=True)
class Migration:
    name: str
    statements: Callable[[sqlite3.Connection], list[str]]
    # Run after the statements, in the same transaction: fills new tables from stored rows.
    backfill: Callable[[sqlite3.Connection], None] | None = None


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite build has the FTS5 full-text extension."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp._fts5_probe")
    return True


def _initial(conn: sqlite3.Connection) -> list[str]:
    return [
        # `n` is the integer row key FTS needs; `id` is the article id everything refers to.
        """CREATE TABLE articles (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            path TEXT, url TEXT, title TEXT, published TEXT, outlet TEXT, byline TEXT,
            text TEXT NOT NULL,
            lead_end INTEGER NOT NULL,
            n_actors INTEGER NOT NULL, n_events INTEGER NOT NULL, n_quotes INTEGER NOT NULL,
            data TEXT NOT NULL,
            stored_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles(published)",
        """CREATE TABLE actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            ord INTEGER NOT NULL,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            code TEXT COLLATE NOCASE, country TEXT, sector TEXT, role TEXT, kind TEXT, rule TEXT,
            variants TEXT NOT NULL,
            names TEXT NOT NULL,
            n_mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, id)
        )""",
        "CREATE INDEX actors_key ON actors(key)",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            PRIMARY KEY (article_id, actor_id, ord),
            FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) ON DELETE CASCADE
        )""",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            ord INTEGER NOT NULL,
            cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT COLLATE NOCASE, mode TEXT,
            goldstein REAL, quad INTEGER,
            source_actor TEXT, source_key TEXT, source_code TEXT COLLATE NOCASE,
            source_name TEXT, source_country TEXT, source_text TEXT,
            target_actor TEXT, target_key TEXT, target_code TEXT COLLATE NOCASE,
            target_name TEXT, target_country TEXT, target_text TEXT,
            trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            negated INTEGER NOT NULL, modality TEXT NOT NULL,
            date TEXT, day TEXT,
            rule TEXT, confidence REAL, quote_id TEXT,
            data TEXT NOT NULL,
            PRIMARY KEY (article_id, id)
        )""",
        "CREATE INDEX events_day ON events(day)",
        "CREATE INDEX events_source ON events(source_code)",
        "CREATE INDEX events_target ON events(target_code)",
        "CREATE INDEX events_cameo ON events(cameo)",
        "CREATE INDEX events_source_key ON events(source_key)",
        "CREATE INDEX events_target_key ON events(target_key)",
        """CREATE TABLE quotes (
            n INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            direct INTEGER NOT NULL,
            speaker_actor TEXT, speaker_key TEXT, speaker_name TEXT, speaker_text TEXT,
            via TEXT, event_id TEXT,
            data TEXT NOT NULL,
            UNIQUE (article_id, id)
        )""",
        "CREATE INDEX quotes_speaker_key ON quotes(speaker_key)",
        """CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            value TEXT NOT NULL, granularity TEXT NOT NULL,
            PRIMARY KEY (article_id, ord)
        )""",
        """CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, geonameid INTEGER, feature TEXT,
            PRIMARY KEY (article_id, ord)
        )""",
    ]


def _fulltext(conn: sqlite3.Connection) -> list[str]:
    # External-content FTS5 indexes kept in step by triggers, so the one write path needs no
    # extra code and a replaced article is re-indexed in the same transaction.
    if not fts5_available(conn):
        return []  # queries fall back to LIKE when the tables are absent
    tokenizer = "tokenize = 'unicode61 remove_diacritics 2'"
    return [
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
        f" content='articles', content_rowid='n', {tokenizer})",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
        END""",
        f"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='n', {tokenizer})",
        """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.n, new.text);
        END""",
        """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.n, old.text);
        END""",
        # Rows written before this migration (none in a fresh database) get indexed too.
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
    ]


def _flat_views(conn: sqlite3.Connection) -> list[str]:
    # One row per event, quote and actor for SQL and Datasette users: the article's id, url,
    # title, outlet and date beside codes, names, places and text. The storage columns
    # (`ord`, `data`, `hash`, `lead_end`, keys) stay out; the event's place lives in its JSON.
    return [
        """CREATE VIEW events_flat AS SELECT
            e.article_id, e.id AS event_id, a.url, a.title, a.outlet, a.published, e.day, e.date,
            e.source_code, e.source_name, e.source_country, e.source_text,
            e.cameo, e.root, e.plover, e.mode, e.goldstein, e.quad, e.modality, e.negated, e.confidence,
            e.target_code, e.target_name, e.target_country, e.target_text,
            json_extract(e.data, '$.location.name') AS location_name,
            json_extract(e.data, '$.location.country') AS location_country,
            json_extract(e.data, '$.location.lat') AS lat,
            json_extract(e.data, '$.location.lon') AS lon,
            e.trigger_text AS trigger,
            substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
            e.quote_id, e.rule
        FROM events e JOIN articles a ON a.id = e.article_id""",
        """CREATE VIEW quotes_flat AS SELECT
            q.article_id, q.id AS quote_id, a.url, a.title, a.outlet, a.published,
            coalesce(x.name, q.speaker_name) AS speaker_name, x.code AS speaker_code, x.country AS speaker_country,
            q.speaker_text, q.direct, q.text AS quote, q.via, q.event_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker_actor""",
        """CREATE VIEW actors_flat AS SELECT
            x.article_id, x.id AS actor_id, a.url, a.title, a.outlet, a.published,
            x.name, x.code, x.country, x.sector, x.role, x.kind, x.n_mentions AS mentions,
            replace(x.names, char(10), '; ') AS names,
            (SELECT count(*) FROM events e WHERE e.article_id = x.article_id AND e.source_actor = x.id)
                AS events_as_source,
            (SELECT count(*) FROM events e WHERE e.article_id = x.article_id AND e.target_actor = x.id)
                AS events_as_target,
            x.rule
        FROM actors x JOIN articles a ON a.id = x.article_id""",
    ]


def _stories_and_fusion(conn: sqlite3.Connection) -> list[str]:
    # Story clusters (stories.py) and fused events (fusion.py), kept by the one write path.
    return [
        "ALTER TABLE articles ADD COLUMN story TEXT",
        "ALTER TABLE articles ADD COLUMN copy_of TEXT",
        "CREATE INDEX articles_story ON articles(story)",
        """CREATE TABLE story_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        )""",
        # Looked up by (band, hash): a new article finds its candidate copies without a scan, and
        # the distinct stories of a bucket without reading each member (story = articles.story).
        """CREATE TABLE story_bands (
            band INTEGER NOT NULL, hash INTEGER NOT NULL, story TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, hash, story, article_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX story_bands_article ON story_bands(article_id)",
        """CREATE TABLE fusion_members (
            article_id TEXT NOT NULL, event_id TEXT NOT NULL,
            fkey TEXT NOT NULL, unique_id TEXT,
            PRIMARY KEY (article_id, event_id),
            FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
        )""",
        "CREATE INDEX fusion_members_fkey ON fusion_members(fkey)",
        "CREATE INDEX fusion_members_unique ON fusion_members(unique_id)",
        """CREATE TABLE unique_events (
            id TEXT PRIMARY KEY,
            fkey TEXT NOT NULL,
            source TEXT NOT NULL, target TEXT NOT NULL, base TEXT NOT NULL, modality TEXT NOT NULL,
            first_day TEXT, last_day TEXT, first_seen TEXT, last_seen TEXT,
            mentions INTEGER NOT NULL, articles INTEGER NOT NULL, stories INTEGER NOT NULL,
            sources INTEGER NOT NULL, confidence REAL NOT NULL,
            article_id TEXT NOT NULL, event_id TEXT NOT NULL
        )""",
        "CREATE INDEX unique_events_fkey ON unique_events(fkey)",
        "CREATE INDEX unique_events_day ON unique_events(first_day)",
    ]


def _backfill_stories_and_fusion(conn: sqlite3.Connection) -> None:
    from . import fusion, stories

    stories.rebuild(conn)
    fusion.rebuild(conn)


MIGRATIONS: list[Migration] = [
    Migration("0001_initial", _initial),
    Migration("0002_fulltext", _fulltext),
    Migration("0003_flat_views", _flat_views),
    Migration("0004_stories_fusion", _stories_and_fusion, _backfill_stories_and_fusion),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations applied to this database, in order."""
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def check_current(conn: sqlite3.Connection, where: str) -> None:
    """For a read-only store: every migration must be applied already (none can be now)."""
    known = [m.name for m in MIGRATIONS]
    done = applied(conn)
    unknown = sorted(set(done) - set(known))
    if unknown:
        raise StoreError(
            f"{where}: written by a newer eventcoder (unknown migrations: {', '.join(unknown)}); upgrade eventcoder"
        )
    pending = [name for name in known if name not in done]
    if pending:
        raise StoreError(
            f"{where}: read-only, and it needs migrations ({', '.join(pending)}); open it once where it is writable"
        )


def migrate(conn: sqlite3.Connection, where: str, migrations: list[Migration] | None = None) -> list[str]:
    """Apply pending migrations (each in one transaction); return the names applied now."""
    migrations = MIGRATIONS if migrations is None else migrations
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    known = {m.name for m in migrations}
    unknown = sorted(set(applied(conn)) - known)
    if unknown:
        raise StoreError(
            f"{where}: written by a newer eventcoder (unknown migrations: {', '.join(unknown)}); upgrade eventcoder"
        )
    done = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked inside the write lock: another process may have applied it meanwhile.
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("ROLLBACK")
                continue
            for statement in migration.statements(conn):
                conn.execute(statement)
            if migration.backfill is not None:
                migration.backfill(conn)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full)
                conn.execute("ROLLBACK")
            raise
        done.append(migration.name)
    return done
