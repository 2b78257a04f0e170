"""The filters of the list queries, each declared once.

A filter is a field of a frozen dataclass (:class:`EventFilters`, :class:`QuoteFilters`,
:class:`ArticleFilters`) whose metadata, a :class:`Filter`, holds everything the edges need:
the help text, the command-line option, an example, how the value is checked and the SQL
condition it adds. The click options (``cli/common.py``), the API query parameters
(``web/filters.py``), the SQL ``WHERE`` (``queries.py``) and the help texts are all derived
from these classes, so a filter added here appears everywhere with the same name and help.

Building a filters object checks it: a malformed value raises ``QueryError`` naming the filter,
and the values are kept normalised (text stripped, empty as None, modality lowercased, dates
as inclusive days ``YYYY-MM-DD``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, ClassVar, Self

from ..errors import QueryError
from . import params

# (SQL condition with ? placeholders, its bound arguments)
Clause = tuple[str, list[Any]]


class Where:
    """AND-ed conditions with their bound arguments."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.args: list[Any] = []

    def add(self, sql: str, *args: Any) -> None:
        """Add one condition and the values of its placeholders."""
        self.parts.append(sql)
        self.args.extend(args)

    @property
    def sql(self) -> str:
        """`` WHERE a AND b`` (or nothing when there is no condition)."""
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def prefix(value: str) -> str:
    r"""A LIKE pattern (``ESCAPE '\'``) for values starting with ``value``."""
    return params.like_escape(value) + "%"


def contains(value: str) -> str:
    r"""A LIKE pattern (``ESCAPE '\'``) for values holding ``value``."""
    return "%" + params.like_escape(value) + "%"


@dataclass(frozen=True)
class Filter:
    """What one filter is, for every layer that shows or applies it.

    ``check(name, raw)`` returns the normalised value (None: no filter) or raises
    ``QueryError``; ``sql(value)`` is the condition for a checked, non-None value (for a
    ``words`` filter, ``sql((value, fulltext))``: whether the FTS5 index can be used).
    ``option`` is the command-line option (default ``--<name>``); ``example`` is a value
    that is valid for the filter (used in tests).
    """

    help: str
    sql: Callable[[Any], Clause]
    example: str
    check: Callable[[str, Any], Any]
    option: str | None = None
    metavar: str | None = None
    words: bool = False

    def option_name(self, name: str) -> str:
        """The command-line option of the filter called ``name``."""
        return self.option or "--" + name.replace("_", "-")


def _string(name: str, raw: Any) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw
    raise QueryError(f"{name}: {raw!r} is not text")


def _day(end: bool) -> Callable[[str, Any], str | None]:
    def check(name: str, raw: Any) -> str | None:
        if isinstance(raw, date):  # the Python API may pass dates
            raw = raw.isoformat()
        return params.day_bound(name, _string(name, raw), end=end)

    return check


def _filter(
    help: str,
    sql: Callable[[Any], Clause],
    example: str,
    *,
    check: Callable[[str, Any], Any] | None = None,
    option: str | None = None,
    metavar: str | None = None,
    words: bool = False,
) -> Any:
    spec = Filter(help, sql, example, check or _text, option, metavar, words)
    return field(default=None, metadata={"filter": spec})


def _text(name: str, raw: Any) -> str | None:
    return params.text(_string(name, raw), name)


_DATES = "YYYY-MM-DD, YYYY-MM or YYYY"


def _since(column: str, what: str) -> Any:
    return _filter(
        f"{what} from this day on ({_DATES}), inclusive",
        lambda day: (f"{column} >= ?", [day]),
        "2024-10",
        check=_day(end=False),
        metavar="YYYY-MM-DD",
    )


def _until(column: str, what: str) -> Any:
    return _filter(
        f"{what} up to this day ({_DATES}), inclusive: 2024-09 includes September 30",
        lambda day: (f"{column} <= ?", [day]),
        "2024-09",
        check=_day(end=True),
        metavar="YYYY-MM-DD",
    )


def _code_prefix(column: str) -> Callable[[str], Clause]:
    return lambda value: (f"{column} LIKE ? ESCAPE '\\'", [prefix(value)])


def _actor(value: str) -> Clause:
    # A code prefix, or a word of the name: "Lavrov" and "Sergei" match "Sergei Lavrov",
    # but "us" does not match "Russia" the way a bare substring would.
    code, word, inner = prefix(value), prefix(value), "% " + prefix(value)
    return (
        "(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\'"
        " OR e.source_name LIKE ? ESCAPE '\\' OR e.source_name LIKE ? ESCAPE '\\'"
        " OR e.target_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\')",
        [code, code, word, inner, word, inner],
    )


def _speaker(value: str) -> Clause:
    pattern = contains(value)
    return (
        "(qu.speaker_name LIKE ? ESCAPE '\\' OR qu.speaker_text LIKE ? ESCAPE '\\' OR EXISTS ("
        "SELECT 1 FROM actors x WHERE x.article_id = qu.article_id AND x.id = qu.speaker_actor"
        " AND x.names LIKE ? ESCAPE '\\'))",
        [pattern, pattern, pattern],
    )


def _words(fts_table: str, rowid: str, columns: list[str]) -> Callable[[tuple[str, bool]], Clause]:
    """Rows whose text has every word (FTS5), else a substring match (LIKE) of the columns."""

    def clause(value: tuple[str, bool]) -> Clause:
        q, fulltext = value
        match = params.fts_query(q) if fulltext else None
        if match:
            return f"{rowid} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)", [match]
        pattern = contains(q)
        return "(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")", [pattern] * len(columns)

    return clause


class Filters:
    """What the filter classes share: checking on construction, the WHERE clause, the specs."""

    kind: ClassVar[str] = "query"  # for messages: "unknown event filter ..."

    def __post_init__(self) -> None:
        raw = {name: getattr(self, name) for name, _ in self.specs()}
        for name, spec in self.specs():
            object.__setattr__(self, name, spec.check(name, raw[name]))
        since, until = getattr(self, "since", None), getattr(self, "until", None)
        if since and until and since > until:
            raise QueryError(f"since ({raw['since']}) is after until ({raw['until']})")

    @classmethod
    def specs(cls) -> list[tuple[str, Filter]]:
        """(name, Filter) of every filter, in the order they are declared."""
        return [(f.name, f.metadata["filter"]) for f in fields(cls)]  # type: ignore[arg-type]

    @classmethod
    def spec(cls, name: str) -> Filter:
        """The Filter called ``name``."""
        return dict(cls.specs())[name]

    @classmethod
    def names(cls) -> list[str]:
        """The filter names: the keyword arguments, the CLI destinations, the API parameters."""
        return [name for name, _ in cls.specs()]

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> Self:
        """The filters of keyword arguments; an unknown name is a ``QueryError`` listing the known ones."""
        unknown = sorted(set(values) - set(cls.names()))
        if unknown:
            raise QueryError(f"unknown {cls.kind} filter {unknown[0]!r}; known: {', '.join(cls.names())}")
        return cls(**values)

    def where(self, *, fulltext: bool = True) -> Where:
        """The WHERE clause of the filters that are set (``fulltext``: the FTS5 indexes exist)."""
        where = Where()
        for name, spec in self.specs():
            value = getattr(self, name)
            if value is not None:
                sql, args = spec.sql((value, fulltext) if spec.words else value)
                where.add(sql, *args)
        return where


@dataclass(frozen=True)
class EventFilters(Filters):
    """Filters of ``events``, ``iter_events`` and exports (SQL on the events table as ``e``)."""

    kind: ClassVar[str] = "event"

    source: str | None = _filter(
        "source actor code prefix, case-insensitive (RUS matches RUS and RUSGOV)", _code_prefix("e.source_code"), "RUS"
    )
    target: str | None = _filter("target actor code prefix, case-insensitive", _code_prefix("e.target_code"), "USA")
    actor: str | None = _filter("source or target: a code prefix or a word of the actor's name", _actor, "Lavrov")
    cameo: str | None = _filter(
        "CAMEO event code prefix (04 matches 040-046)",
        lambda value: ("e.cameo LIKE ?", [value + "%"]),
        "12",
        check=lambda name, raw: params.cameo(_string(name, raw)),
    )
    plover: str | None = _filter(
        "PLOVER event type, case-insensitive (REJECT)",
        lambda value: ("e.plover = ?", [value]),  # the column is COLLATE NOCASE
        "REJECT",
    )
    modality: str | None = _filter(
        "one of " + ", ".join(params.MODALITIES),
        lambda value: ("e.modality = ?", [value]),
        "negated",
        check=lambda name, raw: params.modality(_string(name, raw)),
    )
    since: str | None = _since("e.day", "events")
    until: str | None = _until("e.day", "events")
    quad: int | None = _filter(
        "quad class: 0 neutral, 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict",
        lambda value: ("e.quad = ?", [value]),
        "4",
        check=lambda name, raw: params.quad(raw),
        metavar="0-4",
    )
    statements: bool | None = _filter(
        "false: leave out public statements (CAMEO 01x: said, commented...); true: only them",
        lambda value: ("e.root = '01'" if value else "e.root <> '01'", []),
        "false",
        check=lambda name, raw: params.boolean(name, raw),
        metavar="true|false",
    )
    article: str | None = _filter(
        "the events of one article (its id, as `eventcoder articles` lists them)",
        lambda value: ("e.article_id = ?", [value]),
        "wn-swap",
        metavar="ID",
    )


@dataclass(frozen=True)
class QuoteFilters(Filters):
    """Filters of ``quotes`` (SQL on the quotes table as ``qu`` joined to articles as ``a``)."""

    kind: ClassVar[str] = "quote"

    speaker: str | None = _filter("any name, variant or mention of the speaker (Ryabkov)", _speaker, "Ryabkov")
    q: str | None = _filter(
        "words that must all occur in the quote",
        _words("quotes_fts", "qu.n", ["qu.text"]),
        "arms",
        option="--search",
        words=True,
    )
    since: str | None = _since("a.published", "quotes of articles published")
    until: str | None = _until("a.published", "quotes of articles published")


@dataclass(frozen=True)
class ArticleFilters(Filters):
    """Filters of ``articles`` (SQL on the articles table as ``a``)."""

    kind: ClassVar[str] = "article"

    q: str | None = _filter(
        "words that must all occur in the title or text",
        _words("articles_fts", "a.n", ["a.title", "a.text"]),
        "Lavrov",
        option="--search",
        words=True,
    )
    since: str | None = _since("a.published", "articles published")
    until: str | None = _until("a.published", "articles published")
