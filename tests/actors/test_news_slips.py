"""Actor slips seen on real news (Wikinews), each on hand-written sentences.

Stance modifiers ("pro-Beijing"), nationality plurals, cities in the names of things,
news outlets named with a country word, one-word names the recogniser calls a person
once, and "it" standing for a thing.
"""

from __future__ import annotations

import pytest

from eventcoder.actors.resources import OUTLETS
from eventcoder.dictionaries import read_agents


def coded(ctx) -> list[tuple[str | None, str, list[str]]]:
    return [(a.code, a.kind, [m.text for m in a.mentions]) for a in ctx.article.actors]


@pytest.mark.parametrize(
    "text,expected",
    [
        # What a group supports or opposes is not the group.
        ("The pro-Beijing camp won the election in Hong Kong.", [("HKG", "country", ["Hong Kong"])]),
        (
            "Anti-government protesters gathered in Iran.",
            [("---OPP", "group", ["protesters"]), ("IRN", "country", ["Iran"])],
        ),
        # A nationality plural no dictionary knows is the country's people.
        ("Thousands of Serbians protested on Sunday.", [("SRBPPL", "group", ["Serbians"])]),
        # A city saying where an organisation is, or inside a building's name, is no state.
        ("The Berlin-based group said it rescued 40 people.", [("---PPL", "group", ["people"])]),
        ("Services were held at St. John's Episcopal Church.", []),
        # A non-profit is an NGO (agents.txt).
        ("A non-profit said so.", [("---NGO", "group", ["non-profit"])]),
        # ... but a city owning a government body or a decision still acts.
        ("Beijing's Foreign Ministry said so.", [("CHNGOV", "group", ["Beijing's Foreign Ministry"])]),
        ("Moscow's decision angered Kyiv.", [("RUS", "country", ["Moscow"]), ("UKR", "country", ["Kyiv"])]),
        # A news outlet named with a country word, or after "daily", is that country's media.
        ("The Cyprus Mail reported that the talks failed.", [("CYPMED", "organisation", ["Cyprus Mail"])]),
        ("Greek daily Kathimerini said the talks failed.", [("GRCMED", "organisation", ["Greek daily Kathimerini"])]),
        ("China Daily said so.", [("CHNMED", "organisation", ["China Daily"])]),
        # "it" does not jump over a thing it may stand for.
        (
            "China reported 20 new cases of the virus. It spreads through droplets.",
            [("CHN", "country", ["China"])],
        ),
        (
            "The European Union said on Tuesday that it would act.",
            [("IGOEUREEC", "organisation", ["The European Union", "it"])],
        ),
    ],
)
def test_news_slips(code_text, bundled, text, expected):
    assert coded(code_text(text, bundled, "2020-01-15")) == expected


def test_an_untitled_official_takes_the_country_of_its_people(code_text, bundled):
    text = (
        "Thousands of Serbians protested on Sunday, and the United States and Germany urged calm. "
        "Serbians demanded new elections. Interior minister Marko Petrovic said the police would investigate."
    )
    actors = code_text(text, bundled, "2020-01-15").article.actors
    assert [(a.name, a.code) for a in actors] == [
        ("Serbians", "SRBPPL"),
        ("United States of America", "USA"),
        ("Germany", "DEU"),
        ("Marko Petrovic", "SRBGOV"),
        ("police", "---COP"),
    ]


def test_a_one_word_name_read_as_a_person_once_is_no_person(code_text, bundled):
    # spaCy calls "EastMed" an ORG twice and a PERSON once: it is no person, so "he" (and
    # "his") go to Mitsotakis.
    text = (
        "On Tuesday, the Greek prime minister Kyriakos Mitsotakis praised the EastMed project. "
        "Mitsotakis said the EastMed project is open to others. "
        'He recalled the EastMed signing ceremony. "We exclude nobody", he said.'
    )
    actors = code_text(text, bundled, "2020-01-15").article.actors
    assert [(a.name, a.code, [m.text for m in a.mentions]) for a in actors] == [
        (
            "Kyriakos Mitsotakis",
            "GRCGOV",
            ["Greek prime minister Kyriakos Mitsotakis", "Mitsotakis", "He", "he"],
        ),
    ]


def test_outlet_words_are_read_with_their_lines():
    entries = read_agents(OUTLETS)
    assert (entries[0].pattern, entries[0].code, entries[0].source) == (("DAILY",), "MED", "outlets.txt:6")
    assert all(len(e.pattern) == 1 and e.code == "MED" for e in entries)
