"""Actor slips seen on real news (Wikinews), each on hand-written sentences.

Stance modifiers ("pro-Beijing"), nationality plurals, cities in the names of things,
news outlets named with a country word, one-word names the recogniser calls a person
once, and "it" standing for a thing.
"""

from __future__ import annotations

import pytest

from eventcoder.actors.codes import read_sectors
from eventcoder.actors.resources import ORGANISATIONS, OUTLETS, SECTORS, read_org_heads
from eventcoder.dictionaries import read_agents
from eventcoder.errors import DictionaryError


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
        ("Thousands of Serbians protested on Sunday.", [("SRBCVL", "group", ["Serbians"])]),
        # A city saying where an organisation is, or inside a building's name, is no state.
        ("The Berlin-based group said it rescued 40 people.", [("---CVL", "group", ["people"])]),
        ("Services were held at St. John's Episcopal Church.", []),
        # A non-profit is an NGO (agents.txt).
        ("A non-profit said so.", [("---NGO", "group", ["non-profit"])]),
        # ... and a city before one lends it its country, however the parser cuts "non-profit".
        ("A Berlin non-profit criticised the plan.", [("DEUNGO", "group", ["Berlin non-profit"])]),
        ("A Berlin nonprofit criticised the plan.", [("DEUNGO", "group", ["Berlin nonprofit"])]),
        # ... but a city owning a government body or a decision still acts.
        ("Beijing's Foreign Ministry said so.", [("CHNGOV", "group", ["Beijing's Foreign Ministry"])]),
        ("Moscow's decision angered Kyiv.", [("RUS", "country", ["Moscow"]), ("UKR", "country", ["Kyiv"])]),
        # A news outlet named with a country word, or after "daily", is that country's media.
        ("The Cyprus Mail reported that the talks failed.", [("CYPMED", "organisation", ["Cyprus Mail"])]),
        ("Greek daily Kathimerini said the talks failed.", [("GRCMED", "organisation", ["Greek daily Kathimerini"])]),
        ("China Daily said so.", [("CHNMED", "organisation", ["China Daily"])]),
        # An organisation named with a country or city word is that country's organisation
        # of the sector its head noun gives (organisations.txt), not the state.
        ("The Greek Energy Forum said prices would rise.", [("GRCNGO", "organisation", ["Greek Energy Forum"])]),
        (
            "The Democratic Rally in Cyprus said it would back the bill.",
            [("CYPPTY", "organisation", ["Democratic Rally in Cyprus", "it"])],
        ),
        (
            "The German Institute for Economic Research cut the forecast.",
            [("DEUEDU", "organisation", ["German Institute for Economic Research"])],
        ),
        ("The Bank of Greece raised rates.", [("GRCBUS", "organisation", ["Bank of Greece"])]),
        # ... a Phoenix agent phrase in the name still codes it.
        ("The Russian Foreign Ministry said so.", [("RUSGOV", "group", ["Russian Foreign Ministry"])]),
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
        ("Serbians", "SRBCVL"),
        ("United States of America", "USA"),
        ("Germany", "DEU"),
        ("Marko Petrovic", "SRBGOV"),
        ("police", "SRBCOP"),  # the police of a story about Serbia (inferred nationality)
    ]


def test_a_group_keeps_no_country_in_a_story_about_several(code_text, bundled):
    text = "Russia, Ukraine and Turkey met in Istanbul. Police guarded the venue. Russia and Ukraine left."
    actors = code_text(text, bundled, "2022-03-29").article.actors
    assert [(a.name, a.code) for a in actors if a.kind == "group"] == [("Police", "---COP")]


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


def test_organisation_head_nouns_are_read_with_their_lines():
    entries = read_org_heads(ORGANISATIONS, read_sectors(SECTORS))
    first = entries[0]
    assert (first.pattern, first.code, first.source) == (("INSTITUTE",), "EDU", "organisations.txt:11")
    assert {e.pattern[0]: e.code for e in entries if e.pattern[0] in ("PARTY", "FORUM", "BANK", "COUNCIL")} == {
        "PARTY": "PTY",
        "FORUM": "NGO",
        "BANK": "BUS",
        "COUNCIL": "GOV",
    }


@pytest.mark.parametrize(
    "line,reason",
    [
        ("ENERGY_FORUM {} [~NGO]", "energy forum: one word expected (the head noun of a name)"),
        ("FORUM {} [~XYZ]", "~XYZ: expected ~SECTOR with sectors of sectors.csv"),
        ("FORUM {} [NGO~]", "NGO~: expected ~SECTOR with sectors of sectors.csv"),
    ],
)
def test_a_bad_organisation_head_noun_names_its_line(tmp_path, line, reason):
    p = tmp_path / "organisations.txt"
    p.write_text(f"# heads\nPARTY {{}} [~PTY]\n{line}\n")
    with pytest.raises(DictionaryError) as err:
        read_org_heads(p, read_sectors(SECTORS))
    assert str(err.value) == f"{p}:3: {reason}"
