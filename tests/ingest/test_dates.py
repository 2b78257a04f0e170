"""Publication dates to YYYY-MM-DD; anything not wholly and unambiguously a date is None."""

from __future__ import annotations

import pytest

from eventcoder.ingest.dates import normalise_date, read_dateline


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-04", "2019-01-04"),
        ("2019-01-04T10:30:00Z", "2019-01-04"),
        ("2019-01-04T23:30:00-05:00", "2019-01-04"),  # the day as the source wrote it
        ("2019-01-04 10:30", "2019-01-04"),
        ("20190104", "2019-01-04"),
        ("2024/09/20", "2024-09-20"),
        ("2024.09.20", "2024-09-20"),
        ("September 20, 2024", "2024-09-20"),
        ("Sept. 20, 2024", "2024-09-20"),
        ("Sep 20 2024", "2024-09-20"),
        ("20 September 2024", "2024-09-20"),
        ("20th of September, 2024", "2024-09-20"),
        ("Friday, January 4, 2019", "2019-01-04"),
        ("Fri, 20 Sep 2024 10:00:00 +0000", "2024-09-20"),
        ("September 20, 2024 at 10:30 a.m. EDT", "2024-09-20"),
        ("20.09.2024", "2024-09-20"),
        ("09/20/2024", "2024-09-20"),
        ("4/4/2024", "2024-04-04"),
        ("  September   20,  2024 ", "2024-09-20"),
    ],
)
def test_dates_are_normalised(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "xx",
        "yesterday",
        "September 2024",  # no day
        "03/04/2024",  # March 4 or 3 April: not guessed
        "2024-02-30",
        "Smarch 3, 2024",
        "September 20, 2024 and more words",
        "2019-01-04 garbage",
    ],
)
def test_non_dates_are_none(value):
    assert normalise_date(value) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 20, 2024", "2024-09-20"),
        ("Published: 2024-09-20 10:30", "2024-09-20"),
        ("Updated on September 21, 2024", "2024-09-21"),
        ("Published by AFP", None),
    ],
)
def test_datelines(line, expected):
    assert read_dateline(line) == expected
