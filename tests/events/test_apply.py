import pytest

from .conftest import triples

VERBS = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * &TIETYPES TIES [902]

--- WELCOME [041] ---
WELCOME

--- MEET [031:031] ---
MEET {MET}

--- ARRIVE [032:033] ---
ARRIVE

--- OPPOSE [112] ---
OPPOSE

--- FREE [066] ---
FREE
- + * FROM $ [066]

--- AGREE [081] ---
AGREE
- % * [030:030]

--- VOW [170] ---
VOW
- * WAR [173]

--- WAGE [190] ---
WAGE

--- INVADE [192] ---
INVADE

--- START [---] ---
LAUNCH

--- SAY [023] ---
SAY {SAID}

--- ATTACK [190] ---
ATTACK

--- CONFISCATE [170] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED}
- WILL NOT * [081]
"""


@pytest.fixture
def verbs(verbs_file):
    return verbs_file(VERBS)


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # subject of the phrase the verb completes, first actor after the verb
        ("Arnor is about to restore full diplomatic ties with Gondor.", {"Arnor": "ARN", "Gondor": "GON"},
         [("ARN", "GON", "064")]),
        # a pattern with a synonym set
        ("Arnor will restore full economic ties with Gondor.", {"Arnor": "ARN", "Gondor": "GON"},
         [("ARN", "GON", "902")]),
        # compound source and compound target: one event per pair
        ("Fornost and Gondor welcomed a resumption of ties between Eriador and Osgiliath.",
         {"Fornost": "FOR", "Gondor": "GON", "Eriador": "ERI", "Osgiliath": "OSG"},
         [("FOR", "ERI", "041"), ("FOR", "OSG", "041"), ("GON", "ERI", "041"), ("GON", "OSG", "041")]),
        # a paired code
        ("The president of Bree arrived in Gondor on Monday.", {"president of Bree": "BREGOV", "Gondor": "GON"},
         [("BREGOV", "GON", "032"), ("GON", "BREGOV", "033")]),
        # a passive with its agent
        ("Eriador was opposed by Osgiliath in the talks.", {"Eriador": "ERI", "Osgiliath": "OSG"},
         [("OSG", "ERI", "112")]),
        # $ and + named by the pattern
        ("Ithilen was freed from Mordor after the talks.", {"Ithilen": "ITH", "Mordor": "MOR"},
         [("MOR", "ITH", "066")]),
        # % before the verb: the members of the compound act on each other
        ("The Philippines and France agree that the dispute should be resolved.",
         {"Philippines": "PHL", "France": "FRA"},
         [("FRA", "PHL", "030"), ("PHL", "FRA", "030")]),
        # the governing verb stands for its complement ("vowed to wage war": VOW * WAR)
        ("Ithilen vowed on Thursday to wage war on Rohan.", {"Ithilen": "ITH", "Rohan": "ROH"},
         [("ITH", "ROH", "173")]),
        # a light verb carries an event noun
        ("Moscow launched its invasion of Ukraine in 2022.", {"Moscow": "RUS", "Ukraine": "UKR"},
         [("RUS", "UKR", "192")]),
        # "A said B attacked": an accusation
        ("Gondor said that Mordor attacked Rohan.", {"Gondor": "GON", "Mordor": "MOR", "Rohan": "ROH"},
         [("GON", "MOR", "112")]),
        # "A said A ...": the reported event stands
        ("Gondor said that Gondor will meet Rohan.", {"Gondor": "GON", "Rohan": "ROH"},
         [("GON", "ROH", "031"), ("ROH", "GON", "031")]),
        # the pattern spells the negation out: its code stands
        ("Soldiers from Gondor will not wire tap the links into Mordor.",
         {"Soldiers from Gondor": "GONMIL", "Mordor": "MOR"},
         [("GONMIL", "MOR", "081")]),
        # no target: no event (require_dyad)
        ("Gondor welcomed the decision.", {"Gondor": "GON"}, []),
    ],
)  # fmt: skip
def test_coding(code, verbs, text, actors, expected):
    assert triples(code(text, actors, verbs)) == expected


def test_negated_future_meeting_is_a_refusal(code, verbs_file):
    verbs = verbs_file("--- MEET_PEOPLE [040] ---\nMEET {MEETS MET MEETING}\n")
    art = code("Lavrov will not meet Blinken in New York.", {"Lavrov": "RUSGOV", "Blinken": "USAGOV"}, verbs)
    (e,) = art.events
    assert (e.cameo, e.negated, e.modality, e.plover, e.mode) == ("125", True, "negated", "REJECT", "meet")
    assert (e.goldstein, e.quad, e.trigger.text, e.rule) == (-5.0, 3, "meet", "verbs.txt:2 MEET_PEOPLE [040]")
    assert e.source.text == "Lavrov" and e.target.text == "Blinken"
    assert e.sentence.text == art.text and e.id == "e1"


def test_require_dyad_off_keeps_half_events(code, verbs):
    art = code("Gondor welcomed the decision.", {"Gondor": "GON"}, verbs, require_dyad="false")
    assert triples(art) == [("GON", None, "041")]


def test_new_actor_length(code, verbs):
    text = "Gondor welcomed the ministry of magic on Monday."
    assert triples(code(text, {"Gondor": "GON"}, verbs, new_actor_length="4")) == [
        ("GON", '"THE MINISTRY OF MAGIC"', "041")
    ]
    assert triples(code(text, {"Gondor": "GON"}, verbs, new_actor_length="3")) == []


def test_comma_clause_is_skipped(code, verbs):
    text = (
        "Arnor is about to restore ties with Gxndor, almost five years after Calenardhon crowds welcomed it, "
        "officials said."
    )
    actors = {"Arnor": "ARN", "Calenardhon": "CAL"}
    assert triples(code(text, actors, verbs)) == []  # the 8-word internal clause is skipped
    assert triples(code(text, actors, verbs, comma_max="6")) == [("ARN", "CAL", "064")]


def test_spans_point_into_the_text(code, verbs):
    art = code(
        "Fornost and Gondor welcomed a resumption of ties with Eriador.",
        {"Fornost": "FOR", "Gondor": "GON", "Eriador": "ERI"},
        verbs,
    )
    for e in art.events:
        for span in (e.trigger, e.source, e.target):
            assert art.text[span.start : span.end] == span.text
        assert art.text[e.sentence.start : e.sentence.end] == e.sentence.text
    assert [e.id for e in art.events] == ["e1", "e2"]


def test_a_compound_dictionary_code_is_one_event_per_actor(code, verbs_file):
    verbs = verbs_file("--- MEET_PEOPLE [040] ---\nMEET {MEETS MET MEETING}\n")
    art = code("Lorien met Gondor.", {"Lorien": "ELR/GAL", "Gondor": "GON"}, verbs)
    assert [(e.id, e.source.code, e.target.code, e.source.text) for e in art.events] == [
        ("e1", "ELR", "GON", "Lorien"),
        ("e2", "GAL", "GON", "Lorien"),
    ]
