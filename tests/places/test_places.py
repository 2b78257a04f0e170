"""The places stage on parsed text."""

from __future__ import annotations

import pytest

from eventcoder import places
from eventcoder.article import Article
from eventcoder.events.factory import event_place
from eventcoder.nlp import Context
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def resources():
    return places.load(Settings())


def _ctx(nlp, resources, text: str) -> Context:
    ctx = Context(Article("t", text), nlp(text), Settings())
    places.apply(ctx, resources)
    for p in ctx.article.places:
        assert ctx.article.text[p.start : p.end] == p.text
    return ctx


def test_seed(nlp, resources, seed_article):
    ctx = Context(seed_article, nlp(seed_article.text), Settings())
    places.apply(ctx, resources)
    got = {p.text: (p.name, p.country, p.feature, p.geonameid) for p in seed_article.places}
    assert got["New York"] == ("New York City", "USA", "city", 5128581)
    assert got["Gaza"] == ("Gaza", "PSE", "city", 281133)
    assert got["Lebanon"] == ("Lebanon", "LBN", "country", 272103)
    assert got["Sudan"] == ("Sudan", "SDN", "country", 366755)
    assert got["U.S."] == ("United States", "USA", "country", 6252001)
    assert "West" not in got  # "ties with the West": no place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters marched in Paris and Berlin.", [("Paris", "FRA"), ("Berlin", "DEU")]),
        ("Talks in Washington failed.", [("Washington", "USA")]),
        ("Bank of America said profits rose.", []),
        ("Reporters waited outside the White House.", []),
        ("WASHINGTON (AP) \u2014 The Senate voted.", [("WASHINGTON", "USA")]),
    ],
)
def test_mentions(nlp, resources, text, expected):
    ctx = _ctx(nlp, resources, text)
    assert [(p.text, p.country) for p in ctx.article.places] == expected


def test_dateline_is_the_fallback_location(nlp, resources):
    ctx = _ctx(nlp, resources, "KYIV, Ukraine (AP) \u2014 Officials met in Lviv. They talked.")
    assert ctx.dateline is not None and ctx.dateline.text == "KYIV"
    verbs = [t for t in ctx.doc if t.lemma_ in ("meet", "talk")]
    assert [event_place(ctx, v, ())["name"] for v in verbs] == ["Lviv", "Kyiv"]
