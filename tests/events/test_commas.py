import pytest

from eventcoder.events.commas import ignored_tokens
from eventcoder.settings import Settings

TEXT = (
    "Arnor is about to restore ties with Gondor, almost five years after crowds burned its embassy, "
    "a senior official said on Saturday."
)


def skipped(nlp, text, **options):
    doc = nlp(text)
    sent = next(doc.sents)
    return " ".join(doc[i].text for i in sorted(ignored_tokens(sent, Settings().with_options(options))))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, "almost five years after crowds burned its embassy a senior official said on Saturday"),
        ({"comma_max": "0"}, "a senior official said on Saturday"),
        ({"comma_emax": "0"}, "almost five years after crowds burned its embassy"),
        ({"comma_max": "6", "comma_emax": "0"}, ""),
        ({"comma_bmin": "3", "comma_bmax": "9", "comma_max": "0", "comma_emax": "0"},
         "Arnor is about to restore ties with Gondor"),
    ],
)  # fmt: skip
def test_comma_clauses(nlp, options, expected):
    assert skipped(nlp, TEXT, **options) == expected


def test_a_clause_inside_a_noun_phrase_is_kept(nlp):
    text = "Mordor, the evil old Rohan, and Bree welcomed the talks with Osgiliath, the officials said."
    assert skipped(nlp, text) == "the officials said"
