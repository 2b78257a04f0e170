"""The actors stage on hand-written sentences: composition, titles, coreference, dates."""

from __future__ import annotations

import pytest

from eventcoder import actors
from eventcoder.nlp import Discards
from eventcoder.settings import Settings


def by_mention(ctx) -> dict[str, tuple]:
    """mention text -> (actor name, code) for every mention of every actor."""
    return {m.text: (a.name, a.code) for a in ctx.article.actors for m in a.mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Russian state media reported the talks.",
            {"Russian state media": ("Russian state media", "RUSGOVMED")},
        ),
        (
            "U.S. Secretary of State John Doeman said on Monday that Washington would not attend.",
            {
                "U.S. Secretary of State John Doeman": ("John Doeman", "USAGOV"),
                "Washington": ("United States of America", "USA"),
            },
        ),
        (
            "The Kremlin denied the report, and Moscow said it would respond.",
            {
                "The Kremlin": ("Kremlin", "RUSGOV"),
                "Moscow": ("Russian Federation", "RUS"),
                "it": ("Russian Federation", "RUS"),
            },
        ),
        (
            "Chinese state media said Beijing opposed the sanctions imposed by the European Union.",
            {
                "Chinese state media": ("Chinese state media", "CHNGOVMED"),
                "Beijing": ("China", "CHN"),
                "the European Union": ("European Union", "IGOEUREEC"),
            },
        ),
        (
            # "in Paris" is where he arrived, not France acting: no actor.
            "Keir Starmer arrived in Paris on Monday. He met officials.",
            {"Keir Starmer": ("Keir Starmer", "GBRGOV"), "He": ("Keir Starmer", "GBRGOV")},
        ),
        (
            "Defense Secretary Lloyd Austin visited the Pentagon.",
            {"Defense Secretary Lloyd Austin": ("Lloyd Austin", "USAGOVMIL"), "the Pentagon": ("Pentagon", "USAMIL")},
        ),
    ],
)
def test_bundled_dictionaries(code_text, bundled, text, expected):
    assert by_mention(code_text(text, bundled)) == expected


def test_title_country_from_the_article_and_misspelling(code_text, bundled):
    ctx = code_text(
        "Deputy Foreign Minister Ivan Petrovsky spoke in Moscow on Monday. Petrosvky said the minister was tired.",
        bundled,
    )
    first = ctx.article.actors[0]
    assert (first.name, first.code, first.kind, first.role) == (
        "Ivan Petrovsky",
        "RUSGOV",
        "person",
        "Deputy Foreign Minister",
    )
    assert [m.text for m in first.mentions] == ["Deputy Foreign Minister Ivan Petrovsky", "Petrosvky", "minister"]
    assert first.variants == ["Petrosvky"]
    assert first.key == "PERSON:IVAN_PETROVSKY"
    assert first.rule == ("title: agents.txt:6; country most mentioned in the article; near miss 'Petrosvky'")


def test_bracketed_clarification_and_uncoded_person(code_text, bundled):
    ctx = code_text(
        'John Doeman spoke on Monday. "What is there to talk about with him [Doeman]?" an aide asked.', bundled
    )
    doeman = ctx.article.actors[0]
    assert (doeman.name, doeman.code, doeman.kind) == ("John Doeman", None, "person")
    assert [m.text for m in doeman.mentions] == ["John Doeman", "him", "Doeman"]


@pytest.mark.parametrize("published,code", [("1990-01-01", None), ("2000-06-01", "RUSGOV"), ("2024-09-20", "RUSGOV")])
def test_code_as_of_the_article_date(code_text, bundled, published, code):
    ctx = code_text("Sergei Lavrov arrived.", bundled, published)
    (lavrov,) = ctx.article.actors
    assert (lavrov.key, lavrov.code) == ("SERGEY_LAVROV", code)


def test_same_key_across_articles(code_text, bundled):
    a = code_text("Deputy Foreign Minister Ivan Petrovsky met Sergei Lavrov in Moscow.", bundled)
    b = code_text("Lavrov and Ivan Petrovsky spoke.", bundled)
    assert sorted(x.key for x in a.article.actors) == ["PERSON:IVAN_PETROVSKY", "SERGEY_LAVROV"]
    assert sorted(x.key for x in b.article.actors) == ["PERSON:IVAN_PETROVSKY", "SERGEY_LAVROV"]


def test_token_actor_mentions_and_discards(code_text, bundled):
    ctx = code_text("Russian Foreign Minister Sergei Lavrov met Chinese state media.", bundled)
    lavrov, media = ctx.article.actors
    assert ctx.token_actor == {
        0: lavrov.id,
        1: lavrov.id,
        2: lavrov.id,
        3: lavrov.id,
        4: lavrov.id,
        6: media.id,
        7: media.id,
        8: media.id,
    }
    assert ctx.actor_mentions == [(0, 5, "a1"), (6, 9, "a2")]
    assert ctx.discards == Discards(story=False, sentences=set())


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Arnor cleric visited Gondor on Monday.", {"Arnor cleric": "ARNREL", "Gondor": "GON"}),
        ("An MSF Arnor diplomat visited Gondor on Monday.", {"MSF Arnor diplomat": "NGOARNGOV", "Gondor": "GON"}),
        (
            "Human rights activists in Arnor met Gondor police.",
            {"Human rights activists in Arnor": "ARNOPP", "Gondor police": "GONCOP"},
        ),
        (
            "The ambassadors of Arnor and Gondor met on Monday.",
            {"ambassadors of Arnor and Gondor": "ARNGOV/GONGOV"},
        ),
        (
            "Former security officials in White House met former Gondor prosecutors.",
            {"security officials in White House": "USAGOVELI", "Gondor prosecutors": "GONELI"},
        ),
        (
            "West German world government activists met the Quibbler government newspaper.",
            {"West German world government": "GMWGOVWGO", "Quibbler government newspaper": "HGWGOVMED"},
        ),
        (
            "The Danish media and government criticized Gondor.",
            {"Danish media": "DNKMED", "government": "DNKGOV", "Gondor": "GON"},
        ),
        (
            "Smeagol met Bree Prime Minister Romendacil in Gondor's capital.",
            {"Smeagol": "HOBGOV", "Bree Prime Minister Romendacil": "BREGOV", "Gondor": "GON"},
        ),
        (
            "Lorien warned Gondor about the Prince of Dol_Amroth.",
            {"Lorien": "ELR/GAL", "Gondor": "GON", "Prince of Dol_Amroth": "DOL"},
        ),
        (
            "Fornost and the evil awful Gondor welcomed Osgiliath.",
            {"Fornost": "FOR", "Gondor": "GON", "Osgiliath": "OSG"},
        ),
    ],
)
def test_petrarch_agents_and_compounds(code_text, petr, text, expected):
    got = {m.text: a.code for a in code_text(text, petr, "1996-01-01").article.actors for m in a.mentions}
    assert got == expected


@pytest.mark.parametrize(
    "published,code",
    [("1995-06-01", "HOB"), ("1995-06-02", "HOBGOV"), ("1999-08-16", "HOBREB")],
)
def test_petrarch_date_restrictions(code_text, petr, published, code):
    (gollum,) = code_text("Stinker is about to leave.", petr, published).article.actors
    assert (gollum.name, gollum.code) == ("Gollum", code)


def test_story_discard(code_text, petr):
    ctx = code_text("Gondor won the World Golf Championships on Sunday.", petr)
    assert ctx.discards.story is True


def test_two_dictionary_people_never_merge(nlp, code_text, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))
    people = tmp_path / "people.csv"
    people.write_text(
        "name,aliases,code,from,to,role,kind\nAnna Karlsen,,NORGOV,,,,person\nAnna Karlson,,SWEGOV,,,,person\n"
    )
    agents = tmp_path / "agents.txt"
    agents.write_text("FOREIGN_MINISTER [~GOV]\n")
    res = actors.load(Settings(actors=[str(people)], agents=[str(agents)], discards=[]))
    ctx = code_text("Foreign Minister Anna Karlsen met Anna Karlson. Karlsen said they agreed.", res)
    got = [(a.name, a.code, [m.text for m in a.mentions], a.variants) for a in ctx.article.actors]
    assert got == [
        ("Anna Karlsen", "NORGOV", ["Foreign Minister Anna Karlsen", "Karlsen"], []),
        ("Anna Karlson", "SWEGOV", ["Anna Karlson"], []),
    ]


def test_runs_of_one_actor_do_not_end_in_function_words(nlp):
    # A shorter mention inside a longer one takes its tokens; what is left of the longer
    # one does not start with "'s" nor end with "and".
    from eventcoder.actors import _trim_runs

    doc = nlp("Borat actor and producer Sacha Baron Cohen met Hunter Biden's former partner.")
    token_actor = {0: "a1", 1: "a1", 2: "a1", 3: "a2", 4: "a2", 5: "a2", 6: "a2"}
    token_actor |= {8: "a3", 9: "a3", 10: "a4", 11: "a4", 12: "a4"}
    _trim_runs(doc, token_actor)
    assert token_actor == {0: "a1", 1: "a1", 3: "a2", 4: "a2", 5: "a2", 6: "a2", 8: "a3", 9: "a3", 11: "a4", 12: "a4"}
