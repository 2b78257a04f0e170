"""Rules that keep non-events and wrong participants out of real news (hand-written sentences
shaped like the errors found in Wikinews articles)."""

import pytest

from .conftest import triples

VERBS = """\
--- SAY [010] ---
SAY {SAID}

--- MULL [040] ---
MULL

--- GIVE [070] ---
GIVE

--- VISIT [042:043] ---
VISIT

--- PATROL [150] ---
PATROL

--- JOIN [040] ---
JOIN

--- ATTACK [190] ---
ATTACK

--- DIE [190] ---
DIE
- * (IN CLASHES) [190:190]

--- ACCORD [060] ---
ACCORD

--- SWEAR [110] ---
SWEAR {SWORE SWORN}

--- SERVE [060] ---
SERVE

--- AIRLIFT [036] ---
AIRLIFT

--- MURDER [190] ---
MURDER

--- AGREE [050] ---
AGREE

--- FOUND [060] ---
FOUND
"""


@pytest.fixture
def verbs(verbs_file):
    return verbs_file(VERBS)


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # non_events.tsv: attribution, taking office, a role, a death nobody caused
        (
            "Gondor attacked Arnor, according to Osgiliath.",
            {"Gondor": "GON", "Arnor": "ARN", "Osgiliath": "OSG"},
            [("GON", "ARN", "190")],
        ),
        ("Faramir was sworn in as the steward of Gondor.", {"Faramir": "GONGOV", "Gondor": "GON"}, []),
        ("Faramir served as the mayor of Osgiliath.", {"Faramir": "GONGOV", "Osgiliath": "OSG"}, []),
        ("Faramir died in a hospital in Osgiliath.", {"Faramir": "GONGOV", "Osgiliath": "OSG"}, []),
        # ... unless a pattern of the verb names the fighting
        (
            "Gondor soldiers died in clashes with Mordor.",
            {"Gondor soldiers": "GONMIL", "Mordor": "MOR"},
            [("GONMIL", "MOR", "190"), ("MOR", "GONMIL", "190")],
        ),
        # a statement's target is what it is about (the subject of its content), not an actor
        # deeper in what was said
        (
            "Arnor said the plane was bringing grain from Gondor.",
            {"Arnor": "ARN", "Gondor": "GON"},
            [("ARN", None, "010")],
        ),
        ("Arnor said Gondor was ready.", {"Arnor": "ARN", "Gondor": "GON"}, [("ARN", "GON", "010")]),
        # a verb that only considers: its complement's actors are not its target
        (
            "Arnor is mulling whether to give Gondor the green light.",
            {"Arnor": "ARN", "Gondor": "GON"},
            [("ARN", None, "040")],
        ),
        # a building after "in" says where, not whom
        (
            "Aragorn visited the wounded in hospital.",
            {"Aragorn": "ARNGOV", "hospital": "---HLH"},
            [("ARNGOV", None, "042")],
        ),
        # a relative clause on a noun of the verb's phrase is that noun's business
        (
            "Gondor ships patrol the gulf which was joined by Arnor.",
            {"Gondor ships": "GONMIL", "Arnor": "ARN"},
            [("GONMIL", None, "150")],
        ),
        # the agents of a passive do not meet each other
        (
            "The fleet was joined by Arnor and Rohan.",
            {"Arnor": "ARN", "Rohan": "ROH"},
            [("ARN", None, "040"), ("ROH", None, "040")],
        ),
        # two mentions of one code under one trigger make one event
        (
            "Arnor attacked Ugluk, a member and son of Mordor.",
            {"Arnor": "ARN", "Ugluk": "MOR", "Mordor": "MOR"},
            [("ARN", "MOR", "190")],
        ),
        # a passive without agent: a place it moved from or a building it happened in did not act
        (
            "Faramir was airlifted from Osgiliath to Minas Tirith.",
            {"Faramir": "GONGOV", "Osgiliath": "OSG"},
            [(None, "GONGOV", "036")],
        ),
        (
            "Boromir was murdered in the Gondor embassy.",
            {"Boromir": "GONGOV", "Gondor embassy": "GONGOV2"},
            [(None, "GONGOV", "190")],
        ),
        # ... a named place stays UniversalPetrarch's source
        ("An Arnorian was murdered in Osgiliath.", {"Arnorian": "ARN", "Osgiliath": "OSG"}, [("OSG", "ARN", "190")]),
    ],
)
def test_precision_rules(code, verbs, text, actors, expected):
    assert triples(code(text, actors, verbs, require_dyad=False)) == sorted(
        expected, key=lambda t: tuple(x or "" for x in t)
    )


def test_a_clause_on_one_item_of_a_list_is_not_the_lists(code, verbs):
    actors = {"Faramir": "GONGOV", "Gondor": "GON", "Eomer": "ROHGOV"}
    text = "The guests were Faramir, who attacked Gondor, and Eomer."
    # comma_max=0: PETRARCH's skipping of short comma clauses would hide the clause
    assert triples(code(text, actors, verbs, require_dyad=False, comma_max=0)) == [("GONGOV", "GON", "190")]


@pytest.mark.parametrize(
    ("text", "modality", "negated"),
    [
        # the words of a direct quote are the speaker's claim
        ('The statement read: "Gondor attacked Arnor in the night."', "reported", False),
        ("The statement read: \u201cGondor attacked Arnor in the night.\u201d", "reported", False),
        ("Gondor attacked Arnor in the night.", "asserted", False),
        # a negated modal of ability is a failure, not a possibility
        ("Gondor could not agree with Arnor.", "negated", True),
        ("Gondor could agree with Arnor.", "hypothetical", False),
    ],
)
def test_modality_in_articles(code, verbs, text, modality, negated):
    article = code(text, {"Gondor": "GON", "Arnor": "ARN"}, verbs, require_dyad=False)
    assert [(e.modality, e.negated) for e in article.events if e.source and e.source.code == "GON"] == [
        (modality, negated)
    ]
