from pathlib import Path

import pytest

from eventcoder.dictionaries.verbs import (
    COMPOUND,
    SKIP,
    SOURCE,
    SYN,
    TARGET,
    WORD,
    Code,
    VerbForm,
    parse_code,
    plural,
    read_many,
    read_verbs,
    regular_forms,
)
from eventcoder.errors import DictionaryError

BUNDLED = Path(__file__).resolve().parents[2] / "eventcoder" / "data" / "dictionaries"

PETRARCH1 = """\
<!-- a PETRARCH-1 file: comments
     over two lines -->
&TIETYPES  # types of ties
+MILITARY
+ECONOMIC
+CASH_

&ACCORDSYN
+&TIETYPES
+CLOSER

--- BREAK [1717] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN }
WIRE_+TAP {WIRE_+TAPPED}
DOWNPLAY [014]
- + KNOWN_ * IN_ $  [076]  # pattern CONNECT-15D
- * &TIETYPES_RELATIONS [903]
- % HAVE *  [191]
- * IFTAR AT ^ ^ + [044]
- * DIPLXMATIC  [###]
- * TREATY [032:033]
- * CARD  [---]
- NOT * [:110]
- TIVILIAN [202]
"""

PETRARCH2 = """\
####### VERB PATTERNS #######
--- MEET_PEOPLE [040] ---
MEET {MEETS MET MEETING}
- * (WITH LEADERS) [036:036]
- * {NEW ECONOMIC RELATIONS} [051]
- * (BY/WITH PROTESTS) [141]
* (TO QUESTION) [110]
"""


def write(tmp_path: Path, text: str, name: str = "verbs.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_blocks_verbs_and_forms(tmp_path):
    d = read_verbs(write(tmp_path, PETRARCH1))
    (block,) = d.blocks
    assert (block.name, block.code, block.line, block.style) == ("BREAK", Code("1717", None, "1717"), 12, "petrarch1")
    assert [v.base for v in block.verbs] == [
        VerbForm(("BREAK",), 0),
        VerbForm(("BREAK", "DOWN"), 0),
        VerbForm(("WIRE", "TAP"), 1),
        VerbForm(("DOWNPLAY",), 0),
    ]
    assert block.verbs[3].code == Code("014", None, "014")
    assert [e.form for e in d.lookup("broken")] == [VerbForm(("BROKEN",), 0), VerbForm(("BROKEN", "DOWN"), 0)]
    assert [e.form for e in d.lookup("TAPPED")] == [VerbForm(("WIRE", "TAPPED"), 1)]
    assert d.lookup("BREAKS")[0].code == Code("1717", None, "1717")
    assert d.lookup("DOWNPLAYED")[0].code == Code("014", None, "014")


def test_patterns_elements_and_codes(tmp_path):
    d = read_verbs(write(tmp_path, PETRARCH1))
    pats = {p.text: p for p in d.blocks[0].patterns}
    known = pats["+ KNOWN_ * IN_ $"]
    assert [e.kind for e in known.upper] == [TARGET, WORD]
    assert known.upper[1].joined  # KNOWN_ is tied to the verb
    assert [(e.kind, e.phrases, e.joined) for e in known.lower] == [(WORD, (("IN",),), True), (SOURCE, (), False)]
    assert known.code == Code("076", None, "076") and known.line == 17
    ties = pats["* &TIETYPES_RELATIONS"]
    assert [e.kind for e in ties.lower] == [SYN, WORD] and ties.lower[0].joined
    assert ties.lower[0].name == "TIETYPES"
    assert [e.kind for e in pats["% HAVE *"].upper] == [COMPOUND, WORD]
    assert [e.kind for e in pats["* IFTAR AT ^ ^ +"].lower] == [WORD, WORD, SKIP, SKIP, TARGET]
    assert pats["* DIPLXMATIC"].code == Code("###", None, "###")  # [###] is a code, not a comment
    assert pats["* TREATY"].code == Code("032", "033", "032:033")
    assert pats["* CARD"].code.null
    assert pats["NOT *"].code == Code(None, "110", ":110")
    assert pats["* &TIETYPES_RELATIONS"].literals == frozenset({"RELATIONS"})
    assert d.problems == [f"{tmp_path / 'verbs.txt'}:25: pattern without '*' skipped: 'TIVILIAN'"]


def test_synonym_sets_nest_and_add_plurals(tmp_path):
    d = read_verbs(write(tmp_path, PETRARCH1))
    assert d.synsets["TIETYPES"] == (("MILITARY",), ("MILITARIES",), ("ECONOMIC",), ("ECONOMICS",), ("CASH",))
    assert d.synsets["ACCORDSYN"][:2] == (("MILITARY",), ("MILITARIES",))
    assert ("CLOSERS",) in d.synsets["ACCORDSYN"]


def test_petrarch2_groups_and_lenient_pattern_line(tmp_path):
    d = read_verbs(write(tmp_path, PETRARCH2))
    (block,) = d.blocks
    assert block.style == "petrarch2"
    pats = {p.text: p for p in block.patterns}
    leaders = pats["* (WITH LEADERS)"].lower
    assert [(e.phrases, e.group, e.bracket) for e in leaders] == [((("WITH",),), 1, "("), ((("LEADERS",),), 1, "(")]
    rel = pats["* {NEW ECONOMIC RELATIONS}"].lower
    assert [e.bracket for e in rel] == ["{", "{", "{"]
    assert pats["* (BY/WITH PROTESTS)"].lower[0].phrases == (("BY",), ("WITH",))
    assert pats["* (TO QUESTION)"].code == Code("110", None, "110")  # written without its '-'
    assert d.lookup("MET")[0].block is block


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("MEET", ["MEET", "MEETS", "MEETED", "MEETING"]),
        ("DEPART", ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]),
        ("DEPLORE", ["DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING"]),
        ("DENY", ["DENY", "DENIES", "DENIED", "DENYING"]),
        ("CLASH", ["CLASH", "CLASHES", "CLASHED", "CLASHING"]),
        ("BAN", ["BAN", "BANS", "BANED", "BANING", "BANNED", "BANNING"]),
    ],
)
def test_regular_forms(word, forms):
    assert regular_forms(word) == forms


@pytest.mark.parametrize(
    ("word", "expected"), [("DOLLAR", "DOLLARS"), ("PENNY", "PENNIES"), ("PESOS", "PESOSES"), ("CASH_", None)]
)
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [("064", Code("064", None, "064")), ("042:043", Code("042", "043", "042:043")), (":110", Code(None, "110", ":110")),
     ("---", Code(None, None, "---")), ("025?", Code("025", None, "025?")), ("174K", Code("174K", None, "174K"))],
)  # fmt: skip
def test_parse_code(raw, code):
    assert parse_code(raw, "f", 1) == code


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("MEET\n", "verbs.txt:1: 'MEET' before any verb block (--- NAME [code] ---)"),
        ("--- MEET [040] ---\nMEET\n- * WITH [04 0]\n", "verbs.txt:3: bad code [04 0]"),
        ("--- MEET [040] ---\nMEET {MET\n", "verbs.txt:2: unbalanced '{' ... '}' in verb forms"),
        ("--- MEET [040] ---\nMEET [040\n", "verbs.txt:2: '[' without ']'"),
        ("&A\n+&B\n&B\n+&A\n--- X [010] ---\nX\n", "verbs.txt:2: synonym set &A contains itself"),
        ("&A\n+&NOPE\n", "verbs.txt:2: unknown synonym set &NOPE in &A"),
        ("--- X [] ---\nX\n", "verbs.txt:1: empty code []"),
    ],
)
def test_bad_entries_name_file_and_line(tmp_path, text, message):
    with pytest.raises(DictionaryError) as exc:
        read_verbs(write(tmp_path, text))
    assert str(exc.value).endswith(message)


def test_skippable_entries_are_listed(tmp_path):
    d = read_verbs(
        write(tmp_path, "--- X [010] ---\nX\n- * &NOPE [011]\n- SAID * AN OFFER # no code\n- * A * B [012]\n")
    )
    assert [p.split(": ", 1)[1] for p in d.problems] == [
        "pattern without a code [...] skipped: 'SAID * AN OFFER'",
        "unknown synonym set &NOPE in pattern '* &NOPE'",
        "more than one '*' in pattern '* A * B'",
    ]


def test_bundled_dictionaries_read_whole():
    cameo2 = read_verbs(BUNDLED / "CAMEO.2.0.txt")
    assert (len(cameo2.blocks), cameo2.pattern_count, len(cameo2.problems)) == (397, 4666, 2)
    assert cameo2.blocks[0].style == "petrarch2"
    assert len(cameo2.transformations) == 8
    p1 = read_verbs(BUNDLED / "CAMEO.verbpatterns.150430.txt")
    assert p1.blocks[0].style == "petrarch1" and p1.pattern_count == 11006


def test_read_many_merges(tmp_path):
    a = write(tmp_path, "--- MEET [040] ---\nMEET\n", "a.txt")
    b = write(tmp_path, "--- MEET_AGAIN [036] ---\nMEET\n", "b.txt")
    d = read_many([a, b])
    assert [e.block.name for e in d.lookup("MEETS")] == ["MEET", "MEET_AGAIN"]
