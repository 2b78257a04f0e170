from pathlib import Path

import pytest

from eventcoder.article import Event, Participant, Span
from eventcoder.errors import InputError
from eventcoder.evaluation.validate import (
    Outcome,
    Record,
    Report,
    event_triples,
    expand_triple,
    format_report,
    read_suite,
    resolve_dictionaries,
)

SUITE = """\
<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a comment -- with dashes, and a <Sentence id="fake"> inside -->
<Environment>
    <Verbfile>my.verbs.txt</Verbfile>
    <Actorfile>my.actors.txt</Actorfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="A-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="THE_SHIRE" targetcode="ELR/GAL" eventcode="064"/>
<Text>
Arnor is about to restore
full diplomatic ties with Gondor &amp; more.
</Text>
<Parse>(ROOT (S (NP Arnor)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Config option="stop_on_error" value="True"></Config>
<Sentence date = "19950102" id ="A-2" category="DEMO" sentence="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text>
</Sentence>
<Config option="new_actor_length" value="4" />
<Sentence category="ERROR" date="19950103" id="A-3" evaluate="true">
<EventCoding error="bad_input_parse" />
<Text>Broken parse.</Text>
</Sentence>
<Sentence category="ACTOR" date="19950104" id="A-4">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding sourcecode="---GOV" targetcode="" eventcode="023"></EventCoding>
<Text>An injury toll.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def write(tmp_path: Path, text: str, name: str = "suite.xml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_suite(tmp_path):
    suite = read_suite(write(tmp_path, SUITE))
    assert suite.environment == {"verbs": ["my.verbs.txt"], "actors": ["my.actors.txt"]}
    a1, a2, a3, a4 = suite.records
    assert (a1.id, a1.category, a1.date, a1.line, a1.options) == ("A-1", "DEMO", "1995-01-01", 9, {})
    assert a1.text == "Arnor is about to restore full diplomatic ties with Gondor & more."
    assert a1.gold == {("ARN", "GON", "064"), ("THE_SHIRE", "ELR", "064"), ("THE_SHIRE", "GAL", "064")}
    assert (a2.options, a2.gold, a2.evaluate, a2.applicable) == ({"require_dyad": "false"}, set(), False, False)
    assert (a3.error, a3.applicable, a3.options["new_actor_length"]) == ("bad_input_parse", False, "4")
    assert a4.gold == {('"INJURY TOLL"', "OSG", "223"), ("---GOV", "---", "023")}
    assert a4.applicable


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<Sentence id='x' date='1995'><Text>a</Text></Sentence>", "suite.xml:1: bad date '1995': expected YYYYMMDD"),
        ("<Sentence date='19950101'><Text>a</Text></Sentence>", "suite.xml:1: <Sentence> without an id"),
        ('<Sentence id="x" date="19950101">\n</Sentence>', "suite.xml:1: record x has no <Text>"),
        (
            '<Config option="require_dyad" value="maybe"/>',
            "suite.xml:1: setting require_dyad: cannot read 'maybe' as bool",
        ),
        ("<Validation></Validation>", "suite.xml: no <Sentence> records"),
    ],
)
def test_bad_suites_name_file_and_line(tmp_path, text, message):
    with pytest.raises(InputError) as exc:
        read_suite(write(tmp_path, text))
    assert str(exc.value) == f"{tmp_path}/{message}"


def test_dictionaries_from_prefix_or_environment(tmp_path):
    for kind in ("actors", "agents", "verbs", "discards"):
        write(tmp_path, "", f"PETR_Validate_{kind}_2_02.txt")
    suite = read_suite(write(tmp_path, SUITE))
    prefix = str(tmp_path / "PETR_Validate_")
    assert resolve_dictionaries(suite, prefix) == {
        k: [f"{prefix}{k}_2_02.txt"] for k in ("actors", "agents", "verbs", "discards")
    }
    with pytest.raises(InputError, match=r"no actors dictionary matches .*NOPE\.\*actors\*"):
        resolve_dictionaries(suite, str(tmp_path / "NOPE."))
    with pytest.raises(InputError, match=r"the verbs dictionary .*my.verbs.txt named in <Environment> does not exist"):
        resolve_dictionaries(suite, None)
    write(tmp_path, "", "my.verbs.txt")
    write(tmp_path, "", "my.actors.txt")
    assert resolve_dictionaries(suite, None) == {
        "verbs": [str(tmp_path / "my.verbs.txt")],
        "actors": [str(tmp_path / "my.actors.txt")],
    }


def event(src: str | None, tgt: str | None, code: str) -> Event:
    span = Span(0, 1, "x")

    def part(c: str | None) -> Participant | None:
        return Participant("a1", c, 0, 1, "x") if c else None

    return Event(id="e1", cameo=code, root=code[:2], trigger=span, sentence=span, source=part(src), target=part(tgt))


def test_event_triples():
    events = [event("ARN", "GON", "064"), event("FRO/BIL", None, "041"), event(None, "OSG", "223")]
    assert event_triples(events) == {
        ("ARN", "GON", "064"),
        ("FRO", "---", "041"),
        ("BIL", "---", "041"),
        ("---", "OSG", "223"),
    }
    assert expand_triple('"A/B TEAM"', "X", "010") == {('"A/B TEAM"', "X", "010")}


def record(rid: str, category: str, gold: set, **kw) -> Record:
    return Record(id=rid, category=category, date=None, text="t", gold=gold, line=1, **kw)


def test_scores():
    g = {("ARN", "GON", "064")}
    outcomes = [
        Outcome(record("r1", "DEMO", g), set(g)),  # right
        Outcome(record("r2", "DEMO", g), {("ARN", "OSG", "064")}),  # wrong: 1 fp, 1 fn
        Outcome(record("r3", "ERROR", set(), error="storydiscard"), set()),  # right: no event expected
        Outcome(record("r4", "DEMO", g, evaluate=False), set()),  # not scored
    ]
    s = Report("suite.xml", outcomes, {}).summary()
    assert (s["records"], s["scored"], s["right"], s["accuracy"]) == (4, 3, 2, 0.6667)
    assert (s["all_records_right"], s["all_records_accuracy"]) == (2, 0.5)
    assert s["events"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert s["categories"] == {
        "DEMO": {"records": 2, "right": 1, "accuracy": 0.5},
        "ERROR": {"records": 1, "right": 1, "accuracy": 1.0},
    }
    assert s["not_scored"] == [{"id": "r4", "why": "marked not to evaluate"}]
    assert s["failures"] == [
        {"id": "r2", "category": "DEMO", "gold": [["ARN", "GON", "064"]], "coded": [["ARN", "OSG", "064"]]}
    ]
    text = format_report(s, failures=True)
    assert text.splitlines()[-1] == "FAIL r2 [DEMO] gold [['ARN', 'GON', '064']] coded [['ARN', 'OSG', '064']]"
    assert "ALL               2 / 3           66.7%   (all 4 records: 50.0%)" in text
    assert "events: precision 0.500  recall 0.500  F1 0.500  (tp 1, fp 1, fn 1)" in text
