"""Publication dates to ``YYYY-MM-DD``: ISO dates and datetimes, English month names, numeric dates.

Strict on purpose: a string is a date only when all of it is read (an optional weekday in
front, a time of day and zone behind); partial dates ("September 2024") and numeric dates
whose day and month cannot be told apart ("03/04/2024") are not dates.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# English month names and their usual abbreviations; written out rather than taken from
# the locale so that the result never depends on the machine's language settings.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+",
    re.I,
)
# A time of day and zone after the date: "10:30", "at 10:30 a.m. EDT", "10:30:00 +0300", "| 18:04 GMT".
_TIME = re.compile(
    r"(?:(?:\s*[,|]\s*|\s+)(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)\)?)?)$",
    re.I,
)
_MONTH_DAY_YEAR = re.compile(r"^(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})$", re.I)
_YMD = re.compile(r"^(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})$")
_NUMERIC_DMY_OR_MDY = re.compile(r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})$")
# The publication dates accepted: a century inside what Python dates hold, so that reading
# "next Friday" or "three weeks ago" against one cannot leave the calendar.
MIN_DAY = "0100-01-01"
MAX_DAY = "9899-12-31"

_DATELINE_LABEL = re.compile(r"^(?:published|updated|posted|date)(?:\s+on)?\s*:?\s*", re.I)


def normalise_date(value: str) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or None when it is not a whole, unambiguous date."""
    s = " ".join(value.split())
    if not s:
        return None
    iso = _from_iso(s)
    if iso is not None:
        return iso
    s = _WEEKDAY.sub("", s)
    s = _TIME.sub("", s).strip(" ,")
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        m = pattern.match(s)
        if m:
            month = _MONTHS.get(m["m"].lower())
            return _make(int(m["y"]), month, int(m["d"])) if month else None
    m = _YMD.match(s)
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _NUMERIC_DMY_OR_MDY.match(s)
    if m:
        a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
        if a > 12 >= b:
            return _make(year, b, a)
        if b > 12 >= a or a == b:
            return _make(year, a, b)
        return None  # 03/04/2024: March 4 or 3 April
    return None


def read_dateline(line: str) -> str | None:
    """The date of a dateline such as ``September 20, 2024`` or ``Published: 2024-09-20 10:30``."""
    return normalise_date(_DATELINE_LABEL.sub("", line.strip()))


def _from_iso(s: str) -> str | None:
    if not s[:1].isdigit():
        return None
    try:
        # The date as written: an article's own time zone decides its publication day.
        return datetime.fromisoformat(s.replace("z", "Z")).date().isoformat()
    except ValueError:
        return None


def _make(year: int, month: int | None, day: int) -> str | None:
    if month is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
