"""Event fusion: the merge rule, the counts, and incremental == rebuild."""

from __future__ import annotations

import sqlite3

import pytest
from coded_articles import at, event

from eventcoder.article import Article, Participant
from eventcoder.store import Store, fusion


def report(
    aid: str,
    day: str,
    *,
    code: str = "125",
    modality: str = "asserted",
    source: str = "RUSGOV",
    target: str = "USAGOV",
    outlet: str | None = None,
    filler: str = "",
    confidence: float = 0.6,
) -> Article:
    """One article whose one event is ``source`` ``code`` ``target`` on ``day``."""
    # Unless told otherwise, each article has its own words after the event sentence: a story of its own.
    filler = filler or " ".join(f"{aid}w{i}" for i in range(20))
    text = f"Moscow rejected the proposal of Washington. {filler}"
    e = event(
        text, "e1", code, "rejected", date=day, modality=modality, negated=modality == "negated",
        source=Participant(None, source, *_se(text, "Moscow")),
        target=Participant(None, target, *_se(text, "Washington")),
        confidence=confidence,
    )  # fmt: skip
    return Article(id=aid, text=text, published=day, outlet=outlet or aid, events=[e])


AW = " ".join(f"aw{i}" for i in range(20))  # the filler of article "a"


def _se(text: str, words: str) -> tuple[int, int, str]:
    s = at(text, words)
    return s.start, s.end, s.text


def unique(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT u.id, u.fkey, u.first_day, u.last_day, u.mentions, u.articles, u.stories, u.sources,"
            " u.confidence, group_concat(f.article_id || '/' || f.event_id) FROM unique_events u"
            " JOIN fusion_members f ON f.unique_id = u.id GROUP BY u.id ORDER BY u.id"
        )
        return rows.fetchall()
    finally:
        conn.close()


def test_the_key_is_country_sector_base_code_and_modality_class():
    assert fusion.fusion_key("RUSGOVMIL", "USA", "1121", "reported") == "RUSGOV|USA|112|happened"
    assert fusion.fusion_key(None, "USAGOV", "125", "negated") == "-|USAGOV|125|negated"
    assert fusion.fusion_key("RUSGOV", "USAGOV", "125", "future") != fusion.fusion_key(
        "RUSGOV", "USAGOV", "125", "asserted"
    )


def test_reports_of_one_act_within_a_day_are_one_event(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch([report("a", "2024-09-20"), report("b", "2024-09-21", code="1251")])
        store.write_batch([report("c", "2024-09-20", source="RUSGOVMIL", outlet="a", filler=AW + " (AFP)")])
    [(_, key, first, last, mentions, articles, stories, sources, confidence, members)] = unique(tmp_path / "e.db")
    assert (key, first, last) == ("RUSGOV|USAGOV|125|happened", "2024-09-20", "2024-09-21")
    assert (mentions, articles, sources) == (3, 3, 2)
    # a and c are copies (c adds an agency line): one story; b is a different text.
    assert stories == 2
    assert confidence == pytest.approx(1 - 0.4 * 0.4)
    assert sorted(members.split(",")) == ["a/e1", "b/e1", "c/e1"]


@pytest.mark.parametrize(
    "other",
    [
        {"modality": "negated"},
        {"modality": "future"},
        {"code": "130"},
        {"target": "UKRGOV"},
        {"source": "RUSMIL"},
    ],
)
def test_what_is_not_merged(tmp_path, other):
    with Store(tmp_path / "e.db") as store:
        store.write_batch([report("a", "2024-09-20"), report("b", "2024-09-20", filler="Other.", **other)])
    assert len(unique(tmp_path / "e.db")) == 2


def test_days_chain_and_a_gap_of_two_days_splits(tmp_path):
    days = ["2024-09-01", "2024-09-02", "2024-09-03", "2024-09-06"]
    with Store(tmp_path / "e.db") as store:
        store.write_batch([report(f"a{i}", d, filler=f"Number {i}.") for i, d in enumerate(days)])
    rows = unique(tmp_path / "e.db")
    assert sorted((r[2], r[3], r[4]) for r in rows) == [
        ("2024-09-01", "2024-09-03", 3),
        ("2024-09-06", "2024-09-06", 1),
    ]


def test_incremental_rebuild_and_rewrite_agree(tmp_path):
    days = ["2024-09-03", "2024-09-01", "2024-09-02", "2024-09-06", "2024-09-05"]
    items = [
        report(f"a{i}", d, filler=f"Number {i}.", modality="negated" if i == 4 else "asserted")
        for i, d in enumerate(days)
    ]
    with Store(tmp_path / "one.db") as store:
        for a in items:  # one at a time, out of order: a bridge arrives last
            store.write_batch([a])
        incremental = unique(tmp_path / "one.db")
        store.write_batch(items)  # the same inputs again change nothing
        assert unique(tmp_path / "one.db") == incremental
        store.fuse(rebuild=True)
        assert unique(tmp_path / "one.db") == incremental
    with Store(tmp_path / "all.db") as store:
        store.write_batch(items)
    assert unique(tmp_path / "all.db") == incremental


def test_a_replaced_article_leaves_its_unique_event(tmp_path):
    with Store(tmp_path / "e.db") as store:
        store.write_batch([report("a", "2024-09-20"), report("b", "2024-09-20", filler="Other.")])
        store.write_batch([report("b", "2024-09-20", code="130", filler="Other.")])
    assert sorted(r[1] for r in unique(tmp_path / "e.db")) == [
        "RUSGOV|USAGOV|125|happened",
        "RUSGOV|USAGOV|130|happened",
    ]
