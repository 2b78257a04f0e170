"""TABARI/PETRARCH actor dictionaries: entries, synonyms, dates, quirks, errors."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.dictionaries import read_actors
from eventcoder.dictionaries.actors import display_name, parse_tabari_date
from eventcoder.dictionaries.lines import loose_gaps
from eventcoder.errors import DictionaryError

SAMPLE = """\
<!-- header comment
spanning lines -->
# a comment line
SERGEY_LAVROV_  # CountryInfo.txt
+LAVROV
+SERGEI_LAVROV
\t[RUSGOV 19940922-20040712] # Amb. to UN
\t[RUSGOV >20040309]
HAMAS WING [PSEHMSBRD]
LORIEN  [ELR/GAL]
GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
#\t[950601-990815]  commented out
\t[HOBREB > 990816]
ENT
\t[ENT]
PRINCE OF DOL AMROTH
\t[--- <950630]
\t[DOL]
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# two codes on the root line
LEONID_BREZHNEV_
LEONID_ILYICH_BREZHNEV
\t[RUSGOV 641014-821110]
U.N._

UN_ [IGOUNO]
JOHN_J MCCLOY_
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]
"""


@pytest.fixture()
def entries(tmp_path):
    p = tmp_path / "test.actors.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return {e.key: e for e in read_actors(p)}


def test_root_synonyms_and_source(entries):
    e = entries["SERGEY_LAVROV"]
    assert e.name == "Sergey Lavrov"
    assert e.patterns == [("SERGEY", "LAVROV"), ("LAVROV",), ("SERGEI", "LAVROV")]
    assert e.source == "test.actors.txt:4"
    assert [c.source for c in e.codes] == ["test.actors.txt:7", "test.actors.txt:8"]


@pytest.mark.parametrize(
    "key,day,code",
    [
        ("SERGEY_LAVROV", "2024-09-20", "RUSGOV"),
        ("SERGEY_LAVROV", "1994-09-22", "RUSGOV"),
        ("SERGEY_LAVROV", "1994-09-21", None),
        ("GOLLUM", "1995-06-01", "HOB"),  # '<' is inclusive (PETRARCH-1)
        ("GOLLUM", "1995-06-02", "HOBGOV"),
        ("GOLLUM", "1999-08-15", "HOBGOV"),
        ("GOLLUM", "2001-01-01", "HOBREB"),
        ("PRINCE_OF_DOL_AMROTH", "1995-01-01", None),  # the null code ---
        ("PRINCE_OF_DOL_AMROTH", "1996-01-01", "DOL"),  # then the undated default
        ("ANN_VENEMAN", "2003-01-01", "USAGOV"),
        ("ANN_VENEMAN", "2006-01-01", "IGOUNOKID"),
        ("ANN_VENEMAN", "2005-03-01", None),
        ("LORIEN", "2000-01-01", "ELR/GAL"),
        ("ENT", "2000-01-01", "ENT"),
    ],
)
def test_code_on(entries, key, day, code):
    assert entries[key].code_on(day) == code


def test_dated_codes_win_over_the_default(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("SAM_GAMGEE [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n")
    (e,) = read_actors(p)
    assert [e.code_on(d) for d in ("2008-01-19", "2010-01-10", "2010-01-13", "2014-01-01")] == [
        "HOBCIV",
        "ORCHOB",
        "HOBMIL",
        "HOB",
    ]


def test_compound_code_parts(entries):
    assert entries["LORIEN"].codes[0].parts == ("ELR", "GAL")


def test_blank_separated_words_and_codeless_entry(entries):
    assert entries["HAMAS_WING"].patterns == [("HAMAS", "WING")]
    assert entries["U.N."].codes == []  # a blank line ends the entry: no code


def test_blanks_let_words_intervene(entries):
    # PETRARCH's connectors: "_" joins consecutive words, a blank lets others come between.
    assert entries["HAMAS_WING"].loose == {("HAMAS", "WING"): frozenset({0})}
    assert entries["PRINCE_OF_DOL_AMROTH"].loose == {("PRINCE", "OF", "DOL", "AMROTH"): frozenset({0, 1, 2})}
    assert entries["SERGEY_LAVROV"].loose == {}
    assert entries["LEONID_BREZHNEV"].loose == {}


@pytest.mark.parametrize(
    "phrase,gaps",
    [
        ("ITHILEN TELEVISION", {0}),
        ("ITHILEN_GOVERNMENT_RADIO_", set()),
        ("RADAGAST THE_BROWN", {0}),
        ("PRINCE OF DOL_AMROTH", {0, 1}),
        ("  HAMAS  WING ", {0}),
        ("LAVROV", set()),
    ],
)
def test_loose_gaps(phrase, gaps):
    assert loose_gaps(phrase) == gaps


def test_consecutive_codeless_roots_share_the_next_codes(entries):
    e = entries["LEONID_BREZHNEV"]
    assert e.patterns == [("LEONID", "BREZHNEV"), ("LEONID", "ILYICH", "BREZHNEV")]
    assert e.code_on("1970-01-01") == "RUSGOV"


def test_indented_phrase_is_a_synonym(entries):
    e = entries["JOHN_J_MCCLOY"]
    assert e.patterns == [("JOHN", "J", "MCCLOY"), ("JOHN", "MCCLOY")]
    assert e.code_on("1948-01-01") == "IGOUNODEVWBK"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("20040309", date(2004, 3, 9)),
        ("950601", date(1995, 6, 1)),
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),
    ],
)
def test_tabari_dates(text, expected):
    assert parse_tabari_date(text) == expected


@pytest.mark.parametrize(
    "line,reason",
    [
        (
            "X [USAGOV 9008223-911221]",
            "bad date restriction in [USAGOV 9008223-911221]: date '9008223' is neither YYYYMMDD nor YYMMDD",
        ),
        (
            "X [USAGOV 20121207-20120802]",
            "bad date restriction in [USAGOV 20121207-20120802]: interval '20121207-20120802' ends before it starts",
        ),
        (
            "X [USAGOV 20100231-20120802]",
            "bad date restriction in [USAGOV 20100231-20120802]: date '20100231' is not a calendar date",
        ),
        ("X [USAGOV 20121204]", "bad date restriction in [USAGOV 20121204]: expected <DATE, >DATE or DATE-DATE"),
        ("X [USAGOV] junk", "unbalanced '[' ... ']' in the codes"),
        ("+FAEROYENE]_", "']' without '['"),
        ("X []", "empty code []"),
        ("X [US$GOV]", "bad code 'US$GOV' in [US$GOV]"),
    ],
)
def test_bad_entries_name_file_and_line(tmp_path, line, reason):
    p = tmp_path / "bad.txt"
    p.write_text(f"GOOD [ABC]\n{line}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        read_actors(p)
    assert str(err.value) == f"{p}:2: {reason}"


def test_synonym_before_any_entry(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_text("# nothing yet\n+LAVROV\n")
    with pytest.raises(DictionaryError, match=r"bad.txt:2: synonym before any actor phrase"):
        read_actors(p)


def test_missing_file(tmp_path):
    with pytest.raises(DictionaryError, match="cannot read the dictionary"):
        read_actors(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "pattern,name",
    [
        (("SERGEY", "LAVROV"), "Sergey Lavrov"),
        (("UN", "GENERAL", "ASSEMBLY"), "UN General Assembly"),
        (("PRINCE", "OF", "DOL", "AMROTH"), "Prince of Dol Amroth"),
        (("AL-QAEDA",), "Al-Qaeda"),
        (("U.S.", "CONGRESS"), "U.S. Congress"),
        (("FSB",), "FSB"),
    ],
)
def test_display_name(pattern, name):
    assert display_name(pattern) == name


def test_bundled_dictionaries_read():
    from eventcoder.dictionaries import BUNDLED_ACTORS

    counts = [len(read_actors(p)) for p in BUNDLED_ACTORS]
    assert counts == [18355, 7839, 1021]


@pytest.mark.parametrize(
    "name", ["petrarch2/PETR.Validate.actors.txt", "universal-petrarch/PETR_Validate_actors_2_02.txt"]
)
def test_validation_dictionaries_read(shared, name):
    entries = {e.key: e for e in read_actors(shared / "validation" / name)}
    assert entries["GOLLUM"].patterns == [("GOLLUM",), ("SMEAGOL",), ("SLINKER",), ("STINKER",)]
    assert entries["GOLLUM"].code_on("1998-01-01") == "HOBGOV"
    assert entries["PALESTINIAN"].code_on(None) == "PSE"  # lower-case code, upper-cased
