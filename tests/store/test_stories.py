"""Story clusters: near-copies share a story, different reports do not, whatever the order."""

from __future__ import annotations

import itertools
import sqlite3

import pytest

from eventcoder.article import Article
from eventcoder.store import Store, stories

WIRE = [
    "Russia on Friday ruled out a meeting between its foreign minister and the US secretary of state "
    "at the United Nations General Assembly in New York next week.",
    "There are no such plans, the deputy foreign minister told state media, adding that Washington "
    "had shown no interest in a serious conversation about strategic stability.",
    "The two diplomats last met in person in Jakarta in July, when they spoke for about half an hour "
    "on the sidelines of a regional security forum.",
    "Relations between Moscow and Washington have fallen to their lowest point since the Cold War "
    "after the start of the conflict in Ukraine more than two years ago.",
    "The General Assembly opens on Tuesday, with leaders from nearly every member state expected to "
    "speak during a week of debates on climate, development and war.",
]
OTHER = (
    "The United States said on Friday it had no plans for talks with Russia in New York, after weeks of "
    "speculation that the two sides might use the General Assembly to discuss arms control. A State "
    "Department spokesman said any meeting would depend on Moscow changing course, and noted that the "
    "last contact between the two men had been brief and unproductive."
)


def article(aid: str, text: str, published: str | None = "2024-09-20", title: str = "t") -> Article:
    return Article(id=aid, text=text, title=title, published=published, outlet=aid)


def syndicated() -> list[Article]:
    """The wire story, a trimmed and reordered copy with boilerplate, and a different report."""
    copy = [WIRE[1], WIRE[0], WIRE[2], WIRE[3]]  # reordered, last paragraph dropped
    copy[0] = copy[0].replace("told state media", "said in an interview with state media")
    extra = "Related article: Kremlin says talks with the West are pointless.\n(Reporting by AFP; editing by staff)"
    return [
        article("wire", "\n".join(WIRE), published="2024-09-20"),
        article("copy", "\n".join(copy) + "\n" + extra, published="2024-09-21", title="No Lavrov-Blinken talks"),
        article("other", OTHER, published="2024-09-20"),
    ]


def labels(path) -> dict[str, tuple[str | None, str | None]]:
    conn = sqlite3.connect(path)
    try:
        return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, story, copy_of FROM articles")}
    finally:
        conn.close()


def test_shingles_are_lower_cased_word_runs():
    assert stories.shingles("The cat, the HAT") == {b"the cat the", b"cat the hat"}
    assert stories.shingles("Hello world") == {b"hello world"}
    assert stories.shingles("...") == set()


def test_the_estimate_is_close_to_the_true_jaccard_similarity():
    a, b = "\n".join(WIRE), "\n".join(WIRE[:4])
    sa, sb = stories.shingles(a), stories.shingles(b)
    true = len(sa & sb) / len(sa | sb)
    estimate = stories.similarity(stories.signature(a), stories.signature(b))  # type: ignore[arg-type]
    assert abs(estimate - true) < 0.15


def test_copies_share_a_story_and_point_to_the_earliest(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch(syndicated())
        assert store.stats()["stories"] == 2 and store.stats()["copies"] == 1
    assert labels(tmp_path / "e.db") == {"wire": ("wire", None), "copy": ("wire", "wire"), "other": ("other", None)}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_stories_do_not_depend_on_arrival_order_or_batching(tmp_path, order):
    items = syndicated()
    with Store(tmp_path / "e.db") as store:
        for i in order:
            store.write_batch([items[i]])
    with Store(tmp_path / "all.db") as store:
        store.write_batch(items)
    assert labels(tmp_path / "e.db") == labels(tmp_path / "all.db")


def test_an_earlier_copy_takes_over_the_story(tmp_path):
    wire, copy, _ = syndicated()
    copy.published = "2024-09-19"
    with Store(tmp_path / "e.db") as store:
        store.write_batch([wire])
        store.write_batch([copy])
    assert labels(tmp_path / "e.db") == {"copy": ("copy", None), "wire": ("copy", "copy")}


def test_a_new_article_is_matched_through_its_band_rows(tmp_path):
    b, _ = stories.bands()
    with Store(tmp_path / "e.db") as store:
        store.write_batch(syndicated()[:1])
        conn = store._conn()
        assert conn.execute("SELECT count(*) FROM story_bands").fetchone()[0] == b
        # The lookup is by the (band, hash) primary key, not a scan of the table.
        plan = " ".join(
            r[3]
            for r in conn.execute("EXPLAIN QUERY PLAN SELECT article_id FROM story_bands WHERE band = 1 AND hash = 2")
        )
        assert "USING PRIMARY KEY" in plan or "USING COVERING INDEX" in plan


def test_replacing_the_bridge_splits_the_story(tmp_path):
    wire, copy, _ = syndicated()
    with Store(tmp_path / "e.db") as store:
        store.write_batch([wire, copy])
        store.write_batch([article("copy", OTHER + " Something else entirely happened.", published="2024-09-21")])
    assert labels(tmp_path / "e.db") == {"wire": ("wire", None), "copy": ("copy", None)}


def test_rebuild_gives_the_incremental_labels(tmp_path):
    with Store(tmp_path / "e.db") as store:
        for a in syndicated():
            store.write_batch([a])
        before = labels(tmp_path / "e.db")
        store.fuse(rebuild=True)
    assert labels(tmp_path / "e.db") == before


def test_the_migration_fills_stories_and_fused_events_of_a_database_written_before_it(tmp_path):
    from eventcoder.store.migrations import MIGRATIONS, migrate
    from eventcoder.store.rows import article_rows

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, str(db), MIGRATIONS[:-1])  # the schema before stories and fusion
    conn.execute("BEGIN")
    for a in syndicated():
        Store._insert(conn, article_rows(a, "2024-09-21T00:00:00Z"))
    conn.execute("COMMIT")
    conn.close()
    with Store(db) as store:
        assert store.migrations()[-1] == "0004_stories_fusion"
        assert store.fuse() == {"stories": 2, "copies": 1, "unique_events": 0}
    with Store(tmp_path / "new.db") as store:
        store.write_batch(syndicated())
    assert labels(db) == labels(tmp_path / "new.db")
