"""The user actor format: CSV and TOML."""

from __future__ import annotations

from datetime import date

import pytest

from eventcoder.dictionaries import read_user_actors
from eventcoder.errors import DictionaryError

CSV = """\
# leaders
name,aliases,code,from,to,role,kind
Antony Blinken,Tony Blinken;Blinken,USAGOV,2015-01-09,2017-01-20,Deputy Secretary of State,person

Antony Blinken,,USAGOV,2021-01-26,2025-01-20,Secretary of State,person
Marco Rubio,Rubio,usagov,2025-01-21,,Secretary of State,person
"""

TOML = """\
[[actor]]
name = "Antony Blinken"
aliases = ["Blinken"]
code = "USAGOV"
from = 2021-01-26
to = 2025-01-20
role = "Secretary of State"
kind = "person"

[[actor]]
name = "Kremlin"
code = "RUSGOV"
"""


def test_csv(tmp_path):
    p = tmp_path / "leaders.csv"
    p.write_text(CSV, encoding="utf-8")
    blinken, rubio = read_user_actors(p)
    assert blinken.name == "Antony Blinken"
    assert blinken.key == "ANTONY_BLINKEN"
    assert blinken.patterns == [("ANTONY", "BLINKEN"), ("TONY", "BLINKEN"), ("BLINKEN",)]
    assert [(c.start, c.end, c.source) for c in blinken.codes] == [
        (date(2015, 1, 9), date(2017, 1, 20), "leaders.csv:3"),
        (date(2021, 1, 26), date(2025, 1, 20), "leaders.csv:5"),
    ]
    assert blinken.code_on("2024-09-20") == "USAGOV"
    assert blinken.code_on("2019-01-01") is None
    assert blinken.role_on("2016-01-01") == "Deputy Secretary of State"
    assert blinken.role_on("2024-09-20") == "Secretary of State"
    assert (rubio.code_on("2025-01-21"), rubio.code_on("2025-01-20")) == ("USAGOV", None)
    assert rubio.kind == "person"


def test_toml(tmp_path):
    p = tmp_path / "a.toml"
    p.write_text(TOML, encoding="utf-8")
    blinken, kremlin = read_user_actors(p)
    assert blinken.codes[0].start == date(2021, 1, 26)
    assert blinken.source == "a.toml:1"
    assert kremlin.code_on("2024-01-01") == "RUSGOV"
    assert kremlin.kind is None


@pytest.mark.parametrize(
    "row,reason",
    [
        (",,USAGOV,,,,", "name is required"),
        ("X,,US-GOV,,,,", "code 'US-GOV' is not a CAMEO code (letters/digits, e.g. USAGOV) or ---"),
        ("X,,USAGOV,2020-13-01,,,", "from '2020-13-01' is not a date YYYY-MM-DD"),
        ("X,,USAGOV,2021-01-01,2020-01-01,,", "to 2020-01-01 is before from 2021-01-01"),
        ("X,,USAGOV,,,,robot", "kind 'robot' is not one of country, group, organisation, person, place"),
        ("X,,USAGOV,,,,,extra", "8 fields but 7 columns"),
    ],
)
def test_bad_csv_rows(tmp_path, row, reason):
    p = tmp_path / "u.csv"
    p.write_text(f"name,aliases,code,from,to,role,kind\nOK,,USA,,,,\n{row}\n")
    with pytest.raises(DictionaryError) as err:
        read_user_actors(p)
    assert str(err.value) == f"{p}:3: {reason}"


def test_csv_header_required(tmp_path):
    p = tmp_path / "u.csv"
    p.write_text("who,what\nX,Y\n")
    with pytest.raises(DictionaryError, match=r"u.csv:1: the header must name the columns name and code"):
        read_user_actors(p)


def test_toml_errors(tmp_path):
    p = tmp_path / "u.toml"
    p.write_text('[[actor]]\nname = "X"\ncode = "USA"\n\n[[actor]]\nname = "Y"\ncode = "USA"\ncolour = "red"\n')
    with pytest.raises(DictionaryError) as err:
        read_user_actors(p)
    assert str(err.value) == f"{p}:5: unknown column 'colour'; known: name, aliases, code, from, to, role, kind"
    p.write_text("[[actor]\n")
    with pytest.raises(DictionaryError, match="not valid TOML"):
        read_user_actors(p)


@pytest.mark.parametrize("name", ["leaders.csv", "seats.csv", "additions.csv"])
def test_bundled_user_files_read(name):
    from eventcoder.actors.resources import DATA

    assert read_user_actors(DATA / name)


def test_leaders_have_current_codes():
    from eventcoder.actors.resources import LEADERS

    leaders = {e.key: e for e in read_user_actors(LEADERS)}
    assert leaders["ANTONY_BLINKEN"].code_on("2024-09-20") == "USAGOV"
    assert leaders["ANTONY_BLINKEN"].code_on("2025-02-01") is None
    assert leaders["MARCO_RUBIO"].code_on("2025-02-01") == "USAGOV"
    assert leaders["SERGEI_LAVROV"].code_on("2024-09-20") == "RUSGOV"
    assert leaders["KEIR_STARMER"].code_on("2024-07-04") is None
