"""Phrases found in the text: loose dictionary phrases, trailing prepositions, names in names."""

from __future__ import annotations

import pytest


def by_mention(ctx) -> dict[str, tuple]:
    """mention text -> (actor name, code) for every mention of every actor."""
    return {m.text: (a.name, a.code) for a in ctx.article.actors for m in a.mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        # ITHILEN TELEVISION is written with a blank: words may come between.
        (
            "Fornost President Umbardacil appealed for peace in Ithilen state-run television.",
            {
                "Fornost President Umbardacil": ("Umbardacil", "FORGOV"),
                "Ithilen state-run television": ("Ithilen Television", "ITHTV"),
            },
        ),
        ("Ithilen television reported the talks.", {"Ithilen television": ("Ithilen Television", "ITHTV")}),
        # ... but only words that modify the next one, not a clause.
        (
            "Gondor accused Ithilen of lying on television.",
            {"Gondor": ("Gondor", "GON"), "Ithilen": ("Ithilen", "ITH")},
        ),
    ],
)
def test_loose_phrases(code_text, petr, text, expected):
    assert by_mention(code_text(text, petr, "1996-01-01")) == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # A phrase never ends with a preposition (Phoenix's AMBASSADOR_TO, EMBASSY_IN).
        (
            "Athens expelled the Libyan ambassador to Greece.",
            "2020-01-10",
            {
                "Athens": ("Greece", "GRC"),
                "Libyan ambassador": ("Libyan ambassador", "LBYGOV"),
                "Greece": ("Greece", "GRC"),
            },
        ),
        (
            "Protesters attacked the United States Embassy in Baghdad on Tuesday.",
            "2020-01-10",
            {"Protesters": ("Protesters", "---OPP"), "the United States Embassy": ("United States Embassy", "USAGOV")},
        ),
        # Names of other things hold no actor: a power plant, a treaty, a gulf, an airline.
        ("The Costa Sur power plant was damaged.", "2020-01-10", {}),
        (
            "The quake injured 21 people in Davao del Sur.",
            "2020-01-10",
            {"people": ("people", "---CVL"), "Davao": ("Philippines", "PHL")},
        ),
        ("Sweden joined the Paris Agreement in 2016.", "2020-01-10", {"Sweden": ("Sweden", "SWE")}),
        ("Ships sank in the Gulf of Mexico.", "2020-01-10", {}),
        ("The ban on Mahan Air does not affect Syria.", "2020-01-10", {"Syria": ("Syria", "SYR")}),
        # A country that is a first name is the person's ("Doris" is in Phoenix as Greece).
        ("The singer Doris Day died on Monday.", "2019-05-13", {"Doris Day": ("Doris Day", None)}),
        # An organisation's whole name is its mention, and its name is the actor's.
        (
            "The Emergencies Ministry said six people died.",
            "2019-01-04",
            {"Emergencies Ministry": ("Emergencies Ministry", "---GOV"), "people": ("people", "---CVL")},
        ),
        (
            "The Federal Aviation Office of Germany has suspended the permit.",
            "2019-01-23",
            {"Federal Aviation Office of Germany": ("Federal Aviation Office of Germany", "DEU")},
        ),
    ],
)
def test_phrases_in_news(code_text, bundled, text, published, expected):
    assert by_mention(code_text(text, bundled, published)) == expected
