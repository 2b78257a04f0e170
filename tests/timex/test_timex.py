"""Times: normalisation rules (no parse) and the stage on parsed text."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder import timex
from eventcoder.article import Article
from eventcoder.nlp import Context
from eventcoder.settings import Settings

FRIDAY = date(2024, 9, 20)  # the seed's publication day, a Friday


@pytest.mark.parametrize(
    ("text", "tense", "after", "value", "granularity"),
    [
        ("Friday", "past", "", "2024-09-20", "day"),  # said Friday, published that Friday
        ("Friday", "future", "", "2024-09-20", "day"),
        ("Sunday", "future", "", "2024-09-22", "day"),
        ("on Sunday", "future", "", "2024-09-22", "day"),
        ("Sunday", "past", "", "2024-09-15", "day"),
        ("Thursday", None, "", "2024-09-19", "day"),  # nearest
        ("last Friday", None, "", "2024-09-13", "day"),
        ("next Monday", None, "", "2024-09-23", "day"),
        ("this weekend", None, "", "2024-09-21/2024-09-22", "range"),
        ("last weekend", None, "", "2024-09-14/2024-09-15", "range"),
        ("next week", None, "", "2024-09-23/2024-09-29", "week"),
        ("last week", None, "", "2024-09-09/2024-09-15", "week"),
        ("last month", None, "", "2024-08", "month"),
        ("next month", None, "", "2024-10", "month"),
        ("this year", None, "", "2024", "year"),
        ("last year", None, "", "2023", "year"),
        ("in March", "past", "", "2024-03", "month"),
        ("in March", "future", "", "2025-03", "month"),
        ("March 2022", None, "", "2022-03", "month"),
        ("September 20, 2024", None, "", "2024-09-20", "day"),
        ("Sept. 5", None, "", "2024-09-05", "day"),
        ("Dec. 30", "past", "", "2023-12-30", "day"),
        ("20 September 2024", None, "", "2024-09-20", "day"),
        ("2024-09-18", None, "", "2024-09-18", "day"),
        ("yesterday", None, "", "2024-09-19", "day"),
        ("today", None, "", "2024-09-20", "day"),
        ("tomorrow", None, "", "2024-09-21", "day"),
        ("two and a half years", None, "since", "2022-03", "approximate"),
        ("two and a half years since", None, "", "2022-03", "approximate"),
        ("three days ago", None, "", "2024-09-17", "day"),
        ("five years ago", None, "", "2019", "year"),
        ("in 2014", None, "", "2014", "year"),
        ("the 1990s", None, "", "199", "decade"),
    ],
)
def test_resolve(text, tense, after, value, granularity):
    r = timex.resolve(text, FRIDAY, tense, after)
    assert (r.value, r.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["two and a half years", "the season", "recently", "Friday night lights fan"])
def test_unresolvable(text):
    assert timex.resolve(text, FRIDAY, None, "") is None


def test_without_publication_date_only_explicit_dates():
    assert timex.resolve("Friday", None, "past", "") is None
    assert timex.resolve("September 20, 2024", None, None, "").value == "2024-09-20"


def _times(nlp, text: str, published: str | None = "2024-09-20") -> list[tuple[str, str, str]]:
    article = Article("t", text, published=published)
    timex.apply(Context(article, nlp(text), Settings()), timex.load(Settings()))
    for t in article.times:
        assert article.text[t.start : t.end] == t.text
    return [(t.text, t.value, t.granularity) for t in article.times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister will travel to Paris on Monday.", [("Monday", "2024-09-23", "day")]),
        ("The minister travelled to Paris on Monday.", [("Monday", "2024-09-16", "day")]),
        ("Leaders are expected to attend the summit on Sunday.", [("Sunday", "2024-09-22", "day")]),
        ("He may go to the summit.", []),
        ("The march began in March.", [("March", "2024-03", "month")]),
        ("MOSCOW, Sept. 19 (Reuters) - Russia said nothing.", [("Sept. 19", "2024-09-19", "day")]),
    ],
)
def test_apply(nlp, text, expected):
    assert _times(nlp, text) == expected


def test_seed(nlp, seed_article):
    doc = nlp(seed_article.text)
    timex.apply(Context(seed_article, doc, Settings()), timex.load(Settings()))
    got = {(t.text, t.value, t.granularity) for t in seed_article.times}
    assert got == {
        ("this weekend", "2024-09-21/2024-09-22", "range"),
        ("Friday", "2024-09-20", "day"),
        ("two and a half years since", "2022-03", "approximate"),
        ("Sunday", "2024-09-22", "day"),
    }
