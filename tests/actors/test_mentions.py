"""Coding groups into mentions: spans over punctuation, shared titles, named groups, agents."""

from __future__ import annotations

import pytest


def by_mention(ctx) -> dict[str, tuple]:
    """mention text -> (actor name, code) for every mention of every actor."""
    return {m.text: (a.name, a.code) for a in ctx.article.actors for m in a.mentions}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("On Wednesday, Time magazine named her.", {"Time magazine": ("Time magazine", "---MED")}),
        ("Houthi rebels attacked the port.", {"Houthi rebels": ("Houthi rebels", "---REB")}),
        # Agents that only modify another noun are no actor; a plural in front names people.
        ("Scientists counted fewer monarch butterflies.", {"Scientists": ("Scientists", "---CVL")}),
        ("Protesters gathered outside the police station.", {"Protesters": ("Protesters", "---OPP")}),
        ("Women chess players protested.", {"Women": ("Women", "---CVL")}),
    ],
)
def test_agents(code_text, bundled, text, expected):
    assert by_mention(code_text(text, bundled, "2019-12-14")) == expected


def test_apposition_is_one_actor_in_two_spans(code_text, bundled):
    ctx = code_text(
        "Trump pardoned Rod Blagojevich, the former governor of Illinois, on Tuesday.", bundled, "2020-02-20"
    )
    got = [(a.name, a.code, [m.text for m in a.mentions]) for a in ctx.article.actors]
    # "former" makes the role ELI, as in PETRARCH; Illinois gives the country.
    assert got == [
        ("Donald Trump", "USAGOV", ["Trump"]),
        ("Rod Blagojevich", "USAELI", ["Rod Blagojevich", "the former governor of Illinois"]),
    ]
    blagojevich = ctx.article.actors[1].id
    assert ctx.actor_mentions[1:] == [(2, 4, blagojevich), (5, 10, blagojevich)]


def test_title_shared_by_conjoined_people(code_text, bundled):
    ctx = code_text(
        "The deal was signed by Cypriot president Nicos Anastasiades and energy minister Georgios Lakkotrypis.",
        bundled,
        "2020-01-02",
    )
    got = [(a.name, a.code, [m.text for m in a.mentions]) for a in ctx.article.actors]
    assert got == [
        ("Nicos Anastasiades", "CYPGOV", ["Cypriot president Nicos Anastasiades"]),
        ("Georgios Lakkotrypis", "CYPGOV", ["minister Georgios Lakkotrypis"]),
    ]


def test_conjoined_agent_is_named_with_what_it_shares(code_text, petr):
    ctx = code_text("The Danish media and government criticized Gondor.", petr, "1996-01-01")
    got = [(a.name, a.code, a.key, [m.text for m in a.mentions]) for a in ctx.article.actors]
    assert got == [
        ("Danish media", "DNKMED", "DENMARK~DNKMED", ["Danish media"]),
        ("Danish government", "DNKGOV", "DENMARK~DNKGOV", ["government"]),
        ("Gondor", "GON", "GONDOR", ["Gondor"]),
    ]


def test_named_organisation_and_group_kinds(code_text, bundled):
    ctx = code_text("Time magazine said Houthi rebels attacked the port.", bundled, "2019-12-14")
    got = [(a.name, a.kind, a.key) for a in ctx.article.actors]
    assert got == [
        ("Time magazine", "organisation", "ORG:TIME_MAGAZINE"),
        ("Houthi rebels", "group", "ORG:HOUTHI_REBELS"),
    ]


def test_a_possessor_in_an_apposition_keeps_its_own_mention(code_text, bundled):
    ctx = code_text("Susan Bro, Heather Heyer's mother, told reporters she considered it.", bundled, "2020-08-01")
    got = [(a.name, [m.text for m in a.mentions]) for a in ctx.article.actors]
    assert got == [
        ("Susan Bro", ["Susan Bro", "mother", "she"]),
        ("Heather Heyer", ["Heather Heyer"]),
        ("reporters", ["reporters"]),
    ]
