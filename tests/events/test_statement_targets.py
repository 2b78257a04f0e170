"""Targets of statements and senses found wrong in Wikinews (round 4): the content of an
argument, a gerund topic, "according to" attributions, questions, and verb senses."""

import pytest

from .conftest import triples

VERBS = """\
--- ARGUE [110] ---
ARGUE

--- EXPRESS [012] ---
EXPRESS
- * CONCERN [012]

--- INJURE [182] ---
INJURE

--- ATTACK [190] ---
ATTACK

--- PLAN [030] ---
PLAN

--- MAKE [036] ---
MAKE
- * STOP (IN) [036:036]

--- ORDER [100] ---
ORDER

--- EXPECT [030] ---
EXPECT
"""


@pytest.fixture
def verbs(verbs_file):
    return verbs_file(VERBS)


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # a complaint says its content: what it is about is the clause's subject, not an actor
        # deeper in it
        (
            "Faramir argued that trade deals have consequences like pushing Gondorian growers north.",
            {"Faramir": "GONGOV", "Gondorian": "GON"},
            [("GONGOV", None, "110")],
        ),
        (
            "Faramir argued that Mordor has the strength to win.",
            {"Faramir": "GONGOV", "Mordor": "MOR"},
            [("GONGOV", "MOR", "110")],
        ),
        # a gerund after a preposition is the topic of a statement
        (
            "Faramir argued against re-entering the Osgiliath Accord.",
            {"Faramir": "GONGOV", "Osgiliath": "OSG"},
            [("GONGOV", None, "110")],
        ),
        (
            "Faramir expressed concern about the nation losing its sovereignty to Mordor.",
            {"Faramir": "GONGOV", "Mordor": "MOR"},
            [("GONGOV", None, "012")],
        ),
        # "according to" names who reports the event, not who takes part
        (
            "Fourteen people were injured in the crash, according to Commissioner Hurin of Gondor.",
            {"people": "---CVL", "Commissioner Hurin": "GONGOV", "Gondor": "GON"},
            [(None, "---CVL", "182")],
        ),
        (
            "Fourteen people were injured by Mordor.",
            {"people": "---CVL", "Mordor": "MOR"},
            [("MOR", "---CVL", "182")],
        ),
        # a question for the object: whom the act is on is unknown
        ("What has Gondor planned for this Osgiliath Day?", {"Gondor": "GON", "Osgiliath": "OSG"}, []),
        ("Gondor planned an attack on Osgiliath.", {"Gondor": "GON", "Osgiliath": "OSG"}, [("GON", "OSG", "030")]),
        # senses.tsv: campaign stops, an ordered killing, a forecast
        (
            "Faramir made stops in Osgiliath, Gondor, and others.",
            {"Faramir": "GONGOV", "Osgiliath": "OSG", "Gondor": "GON"},
            [],
        ),
        ("Faramir ordered Boromir's killing.", {"Faramir": "GONGOV", "Boromir": "GONMIL"}, []),
        (
            "Faramir ordered Boromir to leave.",
            {"Faramir": "GONGOV", "Boromir": "GONMIL"},
            [("GONGOV", "GONMIL", "100")],
        ),
        (
            "Faramir expects no turmoil between Gondor and Rohan.",
            {"Faramir": "GONGOV", "Gondor": "GON", "Rohan": "ROH"},
            [],
        ),
    ],
)
def test_statement_targets_and_senses(code, verbs, text, actors, expected):
    assert triples(code(text, actors, verbs, require_dyad=False)) == sorted(
        expected, key=lambda t: tuple(x or "" for x in t)
    )
