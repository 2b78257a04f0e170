"""Agent dictionaries: codes, plurals, substitution sets, errors."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries import read_agents
from eventcoder.dictionaries.agents import regular_plurals
from eventcoder.errors import DictionaryError

SAMPLE = """\
<!-- AGENTS -->
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
STATE_MEDIA [~GOVMED] # state media
HUMAN_RIGHTS_BODY  [NGO~]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
POLICE {} [ ~COP]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
AUTHORITY  [~GOV]
"""


@pytest.fixture()
def agents(tmp_path):
    p = tmp_path / "test.agents.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return read_agents(p)


def forms(agents, name):
    return [(" ".join(a.pattern), a.raw_code) for a in agents if a.name == name]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("state media", [("STATE MEDIA", "~GOVMED"), ("STATE MEDIAS", "~GOVMED")]),
        ("human rights body", [("HUMAN RIGHTS BODY", "NGO~"), ("HUMAN RIGHTS BODIES", "NGO~")]),
        ("attorney general", [("ATTORNEY GENERAL", "~GOV"), ("ATTORNEYS GENERAL", "~GOV")]),
        ("police", [("POLICE", "~COP")]),
        ("congress", [("CONGRESS", "~LEG"), ("CONGRESSES", "~LEG")]),
        (
            "congressman",
            [(f"CONGRESS{p}", "~LEG") for p in ("MAN", "MEN", "WOMAN", "WOMEN", "PERSON")],
        ),
        (
            "minister of silly walks",
            [(f"{m} OF SILLY WALKS", "~GOV") for m in ("MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES")],
        ),
        ("golden goose", [("GOLDEN GOOSE", "~GGS"), ("GOLDEN GEESE", "~GGS")]),
        ("authority", [("AUTHORITY", "~GOV"), ("AUTHORITIES", "~GOV")]),
    ],
)
def test_forms(agents, name, expected):
    assert forms(agents, name) == expected


def test_prefix_and_source(agents):
    body = next(a for a in agents if a.pattern == ("HUMAN", "RIGHTS", "BODY"))
    assert (body.code, body.prefix, body.source) == ("NGO", True, "test.agents.txt:5")


@pytest.mark.parametrize(
    "word,plurals",
    [
        ("MINISTER", ["MINISTERS"]),
        ("PARTY", ["PARTIES"]),
        ("ATTORNEY", ["ATTORNEIES", "ATTORNEYS"]),
        ("CONGRESS", ["CONGRESSES"]),
        ("CHURCH", ["CHURCHS", "CHURCHES"]),
    ],
)
def test_regular_plurals(word, plurals):
    assert regular_plurals(word) == plurals


@pytest.mark.parametrize(
    "line,reason",
    [
        ("ISLAMIC_EXTREMIST", "agent 'ISLAMIC_EXTREMIST' has no [code]"),
        ("DEPARMENT_OF_ENVIRONMENT [~ENV}", "expected one [code] at the end of the line"),
        ("TROOPS [MIL]", "bad agent code [MIL]: expected ~CODE or CODE~"),
        ("TROOPS {TROOPSES [~MIL]", "missing '}' after the plural"),
        ("CATTLE!FOLK! [~AGR]", "substitution set !FOLK! is not defined above"),
    ],
)
def test_bad_lines(tmp_path, line, reason):
    p = tmp_path / "bad.txt"
    p.write_text(f"POLICE {{}} [~COP]\n{line}\n")
    with pytest.raises(DictionaryError) as err:
        read_agents(p)
    assert str(err.value) == f"{p}:2: {reason}"


def test_bundled_agents_read():
    from eventcoder.dictionaries import BUNDLED_AGENTS

    agents = read_agents(BUNDLED_AGENTS[0])
    media = [a for a in agents if a.pattern == ("STATE", "MEDIA")]
    assert [(a.code, a.prefix) for a in media] == [("GOVMED", False)]
    assert len(agents) == 5171
