"""Normalised columns computed from an Article before it is written."""

from __future__ import annotations

import pytest
from coded_articles import moscow_times

from eventcoder.store.rows import actor_key, article_rows, content_hash, effective_day, first_day, lead_end


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-09-20", "2024-09-20"),
        ("2024-09", "2024-09-01"),
        ("2024", "2024-01-01"),
        ("2024-W38", "2024-09-16"),
        ("2024-09-21/2024-09-22", "2024-09-21"),
        ("2024-02-30", None),
        ("2024-13", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_first_day(value, day):
    assert first_day(value) == day


@pytest.mark.parametrize(
    ("event_date", "published", "day"),
    [
        ("2024-09-19", "2024-09-20", "2024-09-19"),
        ("2024-09", "2024-10-02", "2024-09-01"),
        (None, "2024-10-02", "2024-10-02"),
        ("soon", "2024-10-02", "2024-10-02"),
        (None, None, None),
    ],
)
def test_effective_day(event_date, published, day):
    assert effective_day(event_date, published) == day


@pytest.mark.parametrize(
    ("key", "name", "expected"),
    [("sergei_ryabkov", "Sergei Ryabkov", "sergei_ryabkov"), (None, "  Sergei   RYABKOV ", "sergei ryabkov")],
)
def test_actor_key(key, name, expected):
    assert actor_key(key, name) == expected


@pytest.mark.parametrize(("text", "end"), [("One.\nTwo.", 4), ("\n\nLead para.\nNext.", 12), ("Only one.", 9)])
def test_lead_end(text, end):
    assert lead_end(text) == end


def test_content_hash_ignores_key_order_but_not_content():
    assert content_hash({"a": 1, "b": [1, 2]}) == content_hash({"b": [1, 2], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})


def test_article_rows_denormalise_actor_names_and_days():
    rows = article_rows(moscow_times(), "2024-09-21T00:00:00Z")
    e3 = rows.events[2]
    # source: actor a5 resolved to its canonical name, key and country
    assert e3[9:15] == ("a5", "united_states", "USA", "United States", "USA", "Washington")
    assert e3[29] == "2024-09-01"  # day: the partial event date's first day
    ryabkov = rows.actors[3]
    assert ryabkov[3] == "sergei_ryabkov"
    assert ryabkov[12] == "Sergei Ryabkov\nRybakov"  # names searched by the speaker filter
    assert rows.quotes[1][7:11] == ("a4", "sergei_ryabkov", None, "Rybakov")
