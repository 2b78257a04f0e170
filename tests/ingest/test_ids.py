"""article_id: the given id, else a hash of the URL, else of the normalised text; stable across runs."""

from __future__ import annotations

import re
import unicodedata

import pytest

from eventcoder.ingest import article_id

URL = "https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-meeting-between-lavrov-blinken-at-un-assembly-a86423"


@pytest.mark.parametrize(
    ("given", "url", "text", "expected"),
    [
        ("mt-86423", URL, "Body.", "mt-86423"),
        ("42", None, "Body.", "42"),
        # Pinned values: an id must never change between runs, machines or versions.
        (None, URL, "Body.", "e180b57373576f48"),
        (None, None, "Russian Foreign Minister Sergei Lavrov will not meet Blinken.", "f8db0ffa479c3ce0"),
    ],
)
def test_id_is_given_else_url_hash_else_text_hash(given, url, text, expected):
    assert article_id(given=given, url=url, text=text) == expected


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_given_id_falls_back_to_the_url(blank):
    assert article_id(given=blank, url=URL, text="x") == article_id(given=None, url=URL, text="y")


def test_url_decides_over_text():
    assert article_id(given=None, url=URL, text="one") == article_id(given=None, url=URL, text="two")
    assert article_id(given=None, url=URL, text="one") != article_id(given=None, url=URL + "-2", text="one")


@pytest.mark.parametrize(
    "variant",
    [
        "Café talks in Zürich ended.",
        "  Café talks\nin   Zürich\r\nended.  ",
        unicodedata.normalize("NFD", "Café talks in Zürich ended."),
        "Café\ttalks in Zürich\n\nended.",
    ],
)
def test_text_hash_ignores_whitespace_and_unicode_composition(variant):
    assert article_id(given=None, url=None, text=variant) == article_id(
        given=None, url=None, text="Café talks in Zürich ended."
    )


def test_different_texts_get_different_ids():
    ids = {article_id(given=None, url=None, text=t) for t in ("Talks ended.", "Talks ended!", "Talks began.")}
    assert len(ids) == 3


def test_hash_ids_are_16_hex_digits():
    for value in (article_id(given=None, url=URL, text=""), article_id(given=None, url=None, text="x")):
        assert re.fullmatch(r"[0-9a-f]{16}", value)
