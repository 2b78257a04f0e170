"""CAMEO codes: composing agents onto an actor, splitting a code into country and sector."""

from __future__ import annotations

import pytest

from eventcoder.actors.codes import compose, read_sectors
from eventcoder.actors.resources import SECTORS


@pytest.fixture(scope="module")
def sectors():
    return read_sectors(SECTORS)


@pytest.mark.parametrize(
    "code,expected",
    [
        ("RUSGOV", ("RUS", "GOV")),
        ("USA", ("USA", None)),
        ("IGOUNO", (None, "IGO")),
        ("---GOV", (None, "GOV")),
        # A code opening with a role names no country (Phoenix codes Reuters "MED").
        ("MED", (None, "MED")),
        ("MNCUSABUS", (None, "MNC")),
        ("USAPRI", ("USA", "PRI")),
        ("ELR/GAL", ("ELR", None)),
        (None, (None, None)),
    ],
)
def test_split(sectors, code, expected):
    assert sectors.split(code) == expected


@pytest.mark.parametrize(
    "base,suffixes,prefixes,former,expected",
    [
        ("RUS", ["GOV", "MED"], [], False, "RUSGOVMED"),
        ("USAGOV", ["GOV"], [], False, "USAGOV"),
        (None, ["GOV"], [], False, "---GOV"),
        ("ARN", ["GOV"], ["NGO"], False, "NGOARNGOV"),
        ("GON", ["JUD"], [], True, "GONELI"),
        (None, [], [], False, None),
    ],
)
def test_compose(base, suffixes, prefixes, former, expected):
    assert compose(base, suffixes, prefixes, former) == expected
