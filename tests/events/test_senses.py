"""Verb senses (senses.tsv), targets outside purpose clauses and quotes, mutual pairs:
hand-written sentences shaped like the errors found in real news."""

import pytest

from eventcoder.errors import DictionaryError
from eventcoder.events import senses

from .conftest import triples

VERBS = """\
--- SAY [010] ---
SAY {SAID}

--- BLAST [190] ---
BLAST

--- ATTACK [190] ---
ATTACK

--- WITHDRAW [0874] ---
WITHDRAW {WITHDREW}

--- BOOST [060] ---
INTENSIFY {INTENSIFIED}

--- EXPLAIN [010] ---
CITE

--- CALL [041:041] ---
CALL

--- CONFER [040] ---
HOLD {HELD}
- * CONFERENCE [040]

--- OBSERVE [010] ---
VIEW

--- ALLOW [080] ---
CLEAR

--- SELECT [030] ---
VOTE

--- INTEND [030] ---
INTEND

--- AGREE [050] ---
AGREE

--- ENGAGE [190] ---
ENGAGE
"""


@pytest.fixture
def verbs(verbs_file):
    return verbs_file(VERBS)


GA = {"Gondor": "GON", "Arnor": "ARN"}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # criticism, not a bombing or an assault
        ("Gondor blasted Arnor.", GA, [("GON", "ARN", "111")]),
        ("Gondor attacked Arnor on taxes.", GA, [("GON", "ARN", "111")]),
        # ... the physical senses stay
        ("Gondor attacked Arnor.", GA, [("GON", "ARN", "190")]),
        ("Gondor attacked Arnor on Monday.", GA, [("GON", "ARN", "190")]),
        # the object is no actor: no retreat, no aid, no permission
        ("Faramir withdrew her name from consideration.", {"Faramir": "GONGOV"}, []),
        ("Gondor intensified screening for passengers.", {"Gondor": "GON"}, []),
        ("Gondor police cleared the protesters.", {"Gondor police": "GONCOP", "protesters": "GONOPP"}, []),
        ("Gondor cleared Arnor for the contract.", GA, [("GON", "ARN", "080")]),
        # attribution and opinion are no statements to anyone
        ("The newspaper cited Arnor.", {"newspaper": "MED", "Arnor": "ARN"}, []),
        ("Gondor views Arnor as a threat.", GA, []),
        # a mutual call needs the other party; "called for X to ..." is an appeal
        ("Gondor called Arnor.", GA, [("ARN", "GON", "041"), ("GON", "ARN", "041")]),
        ("Gondor called for Arnor to increase spending.", GA, [("GON", "ARN", "041")]),
        # an actor of a participle clause on the object is no target of a statement; a press
        # conference is a statement to the press, no consultation between its hosts
        ("Gondor held a press conference discussing Arnor.", GA, [("GON", None, "010")]),
        ("Gondor and Arnor held a press conference.", GA, [("ARN", None, "010"), ("GON", None, "010")]),
        ("Gondor and Arnor held a meeting.", GA, [("ARN", "GON", "040"), ("GON", "ARN", "040")]),
        # a vote to do something elects nobody; a thing's purpose is nobody's intent
        ("The Gondor council voted to disband its police force.", {"Gondor council": "GONGOV"}, []),
        ("It is a Gondor-Arnor effort intended to connect the fields.", GA, []),
        # agreeing with a proposition is a statement, not an agreement between the speakers
        ("Gondor and Arnor agreed that vaccines work.", GA, [("ARN", None, "010"), ("GON", None, "010")]),
        ("Gondor agreed with Arnor.", GA, [("GON", "ARN", "050")]),
        # "engaged X" is involving; the fighting sense is "engaged in", whatever the time or place
        ("The pandemic engaged Gondor in March.", GA, []),
        ("Gondor engaged in clashes with Arnor.", GA, [("GON", "ARN", "190")]),
        # a gerund object of "intensified" is no aid
        ("Gondor intensified screening for passengers from Arnor.", GA, []),
        # an actor inside a direct quote is no target of the verb outside it
        ('Gondor said it was "grateful to Arnor".', GA, [("GON", None, "010")]),
        # ... but the subject of a quoted clause is what the statement is about
        ('Gondor said "Arnor is ready."', GA, [("GON", "ARN", "010")]),
    ],
)
def test_senses_and_targets(code, verbs, text, actors, expected):
    assert triples(code(text, actors, verbs, require_dyad=False)) == sorted(
        expected, key=lambda t: tuple(x or "" for x in t)
    )


def test_the_bundled_table_reads():
    table = senses.read_senses()
    assert [(s.when, s.code) for s in table["blast"]] == [("object-actor", "111")]
    assert [(s.when, sorted(s.words), s.always) for s in table["clear"]] == [("without", ["for", "of", "to"], False)]
    assert [(s.when, sorted(s.words), s.code) for s in table["hold"]] == [
        ("object", ["news conference", "press briefing", "press conference"], "010")
    ]


USES = "(one of object-actor, object-thing, object, with, without, as, infinitive, participle, clause, any; with:W|W)"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "blast\tsometimes\tdefault\t111\twhy",
            "unknown use 'sometimes' " + USES,
        ),
        (
            "blast\twith\tdefault\t111\twhy",
            "unknown use 'with' " + USES,
        ),
        ("blast\tany\toften\t111\twhy", "expected 'default' or 'always', not 'often'"),
        ("blast\tany\tdefault\tx11\twhy", "expected a CAMEO code or -, not 'x11'"),
        ("blast\tany", "expected 'verb<TAB>when<TAB>default|always<TAB>code or -<TAB>why'"),
    ],
)
def test_a_bad_row_names_file_and_line(tmp_path, row, reason):
    path = tmp_path / "senses.tsv"
    path.write_text("# comment\nverb\twhen\tmatch\tcode\twhy\n" + row + "\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        senses.read_senses(path)
    assert str(err.value) == f"{path}:3: {reason}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs CAMEO.2.0.txt lacks, added in eventcoder/data/events/verbs.txt
        ("Egypt urged Israel to halt the offensive in Gaza.", [("EGY", "020", "ISR", "urged")]),
        ("The United States urged China to increase cooperation.", [("USA", "022", "CHN", "urged")]),
        ("The EU sanctioned Russia over the annexation.", [("IGOEUREEC", "163", "RUS", "sanctioned")]),
    ],
)
def test_verbs_the_petrarch_dictionary_lacks(text, expected):
    from eventcoder import code

    events = code(text, published="2021-03-10").events
    assert [(e.source.code, e.cameo, e.target.code, e.trigger.text) for e in events] == expected
