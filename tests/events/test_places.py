"""Places and other non-parties among the words after a verb (participants.is_setting,
is_modifier; venue_nouns.tsv): hand-written sentences shaped like errors found in real news."""

import pytest

from eventcoder.errors import DictionaryError
from eventcoder.events import lexicon

from .conftest import triples

VERBS = """\
--- SAY [010] ---
SAY {SAID}
TELL {TOLD}
ANNOUNCE

--- SUGGEST [020] ---
SUGGEST
CALL

--- DISCUSS [040] ---
DISCUSS

--- VISIT [042] ---
ARRIVE

--- AGREE [050] ---
AGREE

--- RECEIVE [060] ---
RECEIVE

--- ABANDON [080] ---
ABANDON

--- RESIGN [083] ---
RESIGN

--- AIRLIFT [036] ---
AIRLIFT
"""


@pytest.fixture
def verbs(verbs_file):
    return verbs_file(VERBS)


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # a place after a locative preposition of a verb with an object: where, not whom
        ("Navalny received treatment in Germany.", {"Navalny": "RUSOPP", "Germany": "DEU"}, [("RUSOPP", None, "060")]),
        # ... without an object the place is the verb's goal, as PETRARCH reads it
        ("Putin arrived in Germany.", {"Putin": "RUSGOV", "Germany": "DEU"}, [("RUSGOV", "DEU", "042")]),
        # ... and a place in the phrase of another noun stays a party
        (
            "Putin called for peace in Ukraine.",
            {"Putin": "RUSGOV", "Ukraine": "UKR"},
            [("RUSGOV", "UKR", "020")],
        ),
        # the venue of a gathering (venue_nouns.tsv)
        (
            "The ministers agreed to a meeting in Geneva.",
            {"ministers": "---GOV", "Geneva": "CHE"},
            [("---GOV", None, "050")],
        ),
        # a place modifying a building, a place something is based in
        (
            "He abandoned the laptop at a Delaware repair shop.",
            {"He": "USAGOV", "Delaware": "USA"},
            [("USAGOV", None, "080")],
        ),
        (
            "Leyts told Brussels-based media.",
            {"Leyts": "IGOEU", "Brussels": "BEL", "media": "---MED"},
            [("IGOEU", "---MED", "010")],
        ),
        # a comparison, a role of the subject
        (
            "Hawkins called for the decriminalization of drugs like Portugal.",
            {"Hawkins": "USAENV", "Portugal": "PRT"},
            [("USAENV", None, "020")],
        ),
        (
            "Rossello resigned as the governor of Puerto Rico.",
            {"Rossello": "USAGOV", "Puerto Rico": "USAPRI"},
            [("USAGOV", None, "083")],
        ),
        # a passive without agent: the city it was flown from did not act
        (
            "Navalny was airlifted from the city of Omsk to Berlin.",
            {"Navalny": "RUSOPP", "Omsk": "RUS"},
            [(None, "RUSOPP", "036")],
        ),
        # a talk's topic named after actors is no party to it ...
        (
            "Egypt discussed Libya-Turkey relations.",
            {"Egypt": "EGY", "Libya": "LBY", "Turkey": "TUR"},
            [("EGY", None, "040")],
        ),
        # ... but the subject of what a statement says is what it is about
        (
            "Gondor said Arnor officers were present.",
            {"Gondor": "GON", "Arnor": "ARN"},
            [("GON", "ARN", "010")],
        ),
        # a statement's clause without a subject of its own is all content
        (
            "The Senate president suggested there were not enough votes in the Senate.",
            {"Senate president": "USALEG", "Senate": "USAGOVLEG"},
            [("USALEG", None, "020")],
        ),
        (
            "The government announced the tests by a military laboratory found poison in Navalny's blood.",
            {"government": "DEUGOV", "military": "---MIL", "Navalny": "RUSOPP"},
            [("DEUGOV", None, "010")],
        ),
    ],
)
def test_settings_are_no_parties(code, verbs, text, actors, expected):
    assert triples(code(text, actors, verbs, require_dyad=False)) == sorted(
        expected, key=lambda t: tuple(x or "" for x in t)
    )


def test_venue_nouns_read_and_a_bad_row_names_file_and_line(tmp_path):
    assert {"meeting", "summit", "treatment"} <= lexicon.venue_nouns()
    p = tmp_path / "venue_nouns.tsv"
    p.write_text("noun\nsummit\npress conference\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"venue_nouns.tsv:3: expected one noun a line"):
        lexicon.venue_nouns(p)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest or a visit in a place is directed at the place's country (place_targets.tsv)
        ("Thousands of Serbians protested in Belgrade on Sunday.", [("SRBCVL", "140", "SRB", "Belgrade")]),
        ("Athletes from Kenya will attend the Olympics in Beijing.", [("KENCVL", "042", "CHN", "Beijing")]),
        # a named target wins over the place
        (
            "Thousands of people protested in Belgrade against the Serbian government.",
            [("---CVL", "140", "SRBGOV", "Serbian government")],
        ),
    ],
)
def test_a_place_takes_part_in_protests_and_visits(text, expected):
    from eventcoder import code

    events = code(text, published="2020-01-10").events
    assert [(e.source.code, e.cameo, e.target.code, e.target.text) for e in events] == expected
    assert all(e.target.actor is None for e in events if e.target.text in ("Belgrade", "Beijing"))
