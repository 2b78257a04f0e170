"""Query parameters: validated once here, so the CLI and the API report the same errors.

Every function raises ``QueryError`` with a message that names the parameter, shows the bad
value and says what is expected.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..errors import QueryError

MODALITIES = ("asserted", "negated", "future", "hypothetical", "reported", "historical")
INTERVALS = ("day", "week", "month")

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_CAMEO = re.compile(r"\d{1,4}")


def day_bound(name: str, value: str | None, *, end: bool) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as an inclusive day: the first day, or the last when ``end``."""
    if value is None or value == "":
        return None
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise QueryError(f"{name}: {value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            last = calendar.monthrange(year, int(month))[1] if end else 1
            return date(year, int(month), last).isoformat()
        return date(year, 12, 31).isoformat() if end else date(year, 1, 1).isoformat()
    except ValueError as exc:  # 2024-02-30, month 13, year 0
        raise QueryError(f"{name}: {value!r} is not a valid date ({exc})") from None


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Validated inclusive day bounds; ``since`` after ``until`` is an error, not an empty result."""
    lo = day_bound("since", since, end=False)
    hi = day_bound("until", until, end=True)
    if lo and hi and lo > hi:
        raise QueryError(f"since ({since}) is after until ({until})")
    return lo, hi


# SQLite binds 64-bit signed integers: a larger LIMIT or OFFSET is an OverflowError, not a query.
MAX_INT = 2**63 - 1


def page(limit: int | None, offset: int) -> tuple[int, int]:
    """SQLite LIMIT/OFFSET values; ``limit=None`` means every row (LIMIT -1)."""
    for name, value in (("limit", limit), ("offset", offset)):
        if name == "limit" and value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise QueryError(f"{name}: {value!r} must be a whole number >= 0")
        if value > MAX_INT:
            raise QueryError(f"{name}: {value} must be at most {MAX_INT}")
    return (-1 if limit is None else limit), offset


def interval(value: str) -> str:
    """A period length of ``INTERVALS``, else QueryError."""
    if value not in INTERVALS:
        raise QueryError(f"interval: {value!r} is not one of {', '.join(INTERVALS)}")
    return value


def modality(value: str | None) -> str | None:
    """A modality value (asserted, negated ...), else QueryError; None when empty."""
    if not value:
        return None
    low = value.strip().lower()
    if low not in MODALITIES:
        raise QueryError(f"modality: {value!r} is not one of {', '.join(MODALITIES)}")
    return low


def cameo(value: str | None) -> str | None:
    """A CAMEO code prefix (digits only), else QueryError; None when empty."""
    if not value:
        return None
    value = value.strip()
    if not _CAMEO.fullmatch(value):
        raise QueryError(f"cameo: {value!r} is not a CAMEO event code prefix (1 to 4 digits, e.g. 04 or 043)")
    return value


QUADS = (0, 1, 2, 3, 4)
# Sort keys of the event list: name -> SQL expression (on alias ``e``); "-name" sorts descending.
EVENT_ORDERS = {
    "day": "e.day",
    "source": "e.source_code",
    "target": "e.target_code",
    "cameo": "e.cameo",
    "plover": "e.plover",
    "goldstein": "e.goldstein",
    "modality": "e.modality",
    "trigger": "e.trigger_text",
    "article": "e.article_id",
}


def quad(value: int | str | None) -> int | None:
    """A quad class 0-4 (0 neutral, 1 verbal cooperation, 2 material cooperation, 3 verbal and 4 material conflict)."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value in QUADS:
        return value
    if isinstance(value, str) and value.strip() in {str(q) for q in QUADS}:
        return int(value.strip())
    raise QueryError(f"quad: {value!r} is not a quad class; use 0 (neutral), 1, 2 (cooperation), 3 or 4 (conflict)")


def boolean(name: str, value: bool | str | None) -> bool | None:
    """A yes/no parameter: a bool, or ``true``/``false`` (also ``yes``/``no``, ``1``/``0``); None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise QueryError(f"{name}: {value!r} is neither true nor false")


_TRUE = {"true", "yes", "1", "only"}
_FALSE = {"false", "no", "0", "hide"}


def event_order(value: str | None) -> tuple[str, bool]:
    """``day``, ``-goldstein``...: the SQL column and whether descending (default: newest day first)."""
    if not value:
        return EVENT_ORDERS["day"], True
    name = value.strip()
    descending = name.startswith("-")
    column = EVENT_ORDERS.get(name.lstrip("-"))
    if column is None:
        choices = ", ".join(EVENT_ORDERS)
        raise QueryError(f"sort: {value!r} is not one of {choices} (a leading - sorts descending)")
    return column, descending


def text(value: str | None, name: str = "filter", max_chars: int | None = None) -> str | None:
    """A free-text parameter: stripped, None when empty.

    NUL is refused (SQLite would cut the pattern there and match everything), and so is text over
    ``max_chars`` (SQLite refuses LIKE patterns over 50,000 bytes).
    """
    if value is None:
        return None
    if "\x00" in value:
        raise QueryError(f"{name}: holds a NUL character")
    if max_chars is not None and len(value) > max_chars:
        raise QueryError(
            f"{name}: {len(value):,} characters, over the limit of {max_chars:,} (setting max_query_chars)"
        )
    value = value.strip()
    return value or None


def like_escape(value: str) -> str:
    r"""``value`` with LIKE's wildcards escaped (used with ``ESCAPE '\'``)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_query(q: str) -> str | None:
    """User words as an FTS5 query: each word a quoted phrase, all required.

    Quoting makes FTS5 syntax (AND, NEAR, *, :, parentheses) plain text, so no input can be
    a syntax error. Returns None when ``q`` holds no word at all (only punctuation).
    """
    words = re.findall(r"\w+", q)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)
