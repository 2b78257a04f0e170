"""Coreference inside an article: which pronouns stand for which actor (hand-written sentences)."""

from __future__ import annotations

import pytest


def mentions(ctx) -> list[tuple[str, list[str]]]:
    return [(a.name, [m.text for m in a.mentions]) for a in ctx.article.actors]


@pytest.mark.parametrize(
    "text,expected",
    [
        # Subject "it" stands for the last state or organisation named...
        ("The ministry said it would respond.", [("ministry", ["ministry", "it"])]),
        # ... not for a plural ("they" would), nor when it is a dummy subject of a clause.
        ("The rebels said it was over.", [("rebels", ["rebels"])]),
        ("It seems that the airline failed.", [("airline", ["airline"])]),
        ("The ministry said it is possible that the talks fail.", [("ministry", ["ministry"])]),
        ("The building collapsed, making it impossible to continue.", []),
        # A capitalised possessive inside a sentence is part of a title.
        ("The judge advised Her Majesty.", [("judge", ["judge"])]),
        # Brackets clarify pronouns only ("the [Muslim] right-wing" is no pronoun).
        ("But then the [Muslim] right-wing will object.", [("Muslim", ["Muslim"])]),
        (
            '"What is there to talk about with him [Doeman]?" asked John Doeman\'s aide.',
            [("John Doeman", ["him", "Doeman", "John Doeman"])],
        ),
    ],
)
def test_pronouns(code_text, bundled, text, expected):
    assert mentions(code_text(text, bundled, "2020-01-10")) == expected


def test_a_city_named_as_a_place_still_tells_the_country(code_text, bundled):
    # No actor for "in Moscow", but a title with no country takes Russia from it.
    ctx = code_text("Deputy Foreign Minister Ivan Petrovsky spoke in Moscow on Monday.", bundled)
    (petrovsky,) = ctx.article.actors
    assert (petrovsky.code, [m.text for m in petrovsky.mentions]) == (
        "RUSGOV",
        ["Deputy Foreign Minister Ivan Petrovsky"],
    )
    assert petrovsky.rule == "title: agents.txt:6; country most mentioned in the article"
