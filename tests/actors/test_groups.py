"""Phrases grouped by the noun they modify: compounds, titles and names, cities as places."""

from __future__ import annotations

import pytest


def by_mention(ctx) -> dict[str, tuple]:
    """mention text -> (actor name, code) for every mention of every actor."""
    return {m.text: (a.name, a.code) for a in ctx.article.actors for m in a.mentions}


def codes(ctx) -> dict[str, str | None]:
    return {m.text: a.code for a in ctx.article.actors for m in a.mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        # The parser hangs Gondor on "Lawmakers": still an actor of the "in" phrase.
        ("Lawmakers in Fornost and Gondor welcomed the talks.", {"Lawmakers in Fornost and Gondor": "FORLEG/GONLEG"}),
        # A conjoined agent shares the prepositional actors, all of them.
        (
            "Lawmakers and officials in Arnor and Gondor welcomed the talks.",
            {
                "Lawmakers and officials in Arnor and Gondor": "ARNLEG/GONLEG",
                "officials in Arnor and Gondor": "ARNGOV/GONGOV",
            },
        ),
        # An apposition to a country is a misparse: the newspaper is Osgiliath's, not Gondor.
        (
            "Gondor and Dagolath, the Osgiliath newspaper al-Raya said on Friday.",
            {"Gondor": "GON", "Dagolath": "DAG", "Osgiliath newspaper": "OSGMED"},
        ),
    ],
)
def test_compounds(code_text, petr, text, expected):
    assert codes(code_text(text, petr, "1996-01-01")) == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # A title in the dictionary and the name after it are one person.
        (
            "The ban was welcomed on Monday by US Secretary of State Mike Pompeo.",
            "2019-01-23",
            {"US Secretary of State Mike Pompeo": ("Mike Pompeo", "USAGOV")},
        ),
        (
            "On Saturday, former Vice President of the United States Joe Biden won the primary.",
            "2019-10-01",
            {"Vice President of the United States Joe Biden": ("Joe Biden", "USAGOV")},
        ),
        (
            "US Ambassador to Germany Richard Grenell alleged that the airline had helped.",
            "2019-01-23",
            {
                "US Ambassador to Germany Richard Grenell": ("Richard Grenell", "USAGOV"),
                "airline": ("airline", "---BUS"),
            },
        ),
        (
            "The inquiry concerned the interaction between Trump and Ukraine President Volodymyr Zelensky.",
            "2019-10-01",
            {
                "Trump": ("Donald Trump", "USAGOV"),
                "Ukraine President Volodymyr Zelensky": ("Volodymyr Zelensky", "UKRGOV"),
            },
        ),
        # The country of a title before the name is part of the one mention.
        (
            "Current Prime Minister of India Narendra Modi wrote a letter.",
            "2020-03-01",
            {"Prime Minister of India Narendra Modi": ("Narendra Modi", "INDGOV")},
        ),
        # A title's "of" phrase gives the name its country.
        (
            "The mayor of New Orleans, LaToya Cantrell, advised residents to stay home.",
            "2019-07-13",
            {
                "mayor of New Orleans": ("LaToya Cantrell", "USAGOV"),
                "LaToya Cantrell": ("LaToya Cantrell", "USAGOV"),
                "residents": ("residents", "---CVL"),
            },
        ),
    ],
)
def test_titles_and_names(code_text, bundled, text, published, expected):
    assert by_mention(code_text(text, bundled, published)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A city named as where something happens is a place, not its state.
        (
            "Lavrov attended the United Nations General Assembly in New York on Sunday.",
            {
                "Lavrov": ("Sergey Lavrov", "RUSGOV"),
                "United Nations General Assembly": ("UN General Assembly", "IGOUNO"),
            },
        ),
        ("Talks at the UN in Geneva and Vienna ended.", {"the UN": ("UN", "IGOUNO")}),
        # A city that acts stands for its state; so does a country named as a place.
        (
            "New York sued the company on Monday.",
            {"New York": ("United States of America", "USA"), "company": ("company", "---BUS")},
        ),
        (
            "Moscow said it would respond.",
            {"Moscow": ("Russian Federation", "RUS"), "it": ("Russian Federation", "RUS")},
        ),
        ("Fighting continued in Ukraine.", {"Ukraine": ("Ukraine", "UKR")}),
    ],
)
def test_cities_named_as_locations(code_text, bundled, text, expected):
    assert by_mention(code_text(text, bundled)) == expected
