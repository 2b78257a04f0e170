"""Reader of TABARI/PETRARCH actor dictionaries.

Format (``Phoenix.Countries.actors.txt``, ``PETR.Validate.actors.txt``)::

    SERGEY_LAVROV_  # CountryInfo.txt        root phrase, optionally with codes
    +LAVROV                                  synonyms of the root
    +SERGEI_LAVROV
        [RUSGOV 19940922-20040712]           codes on indented lines, with dates
        [RUSGOV >20040309]

Words are separated by ``_`` or blanks; a trailing ``_`` (TABARI's "no stemming" mark) is
ignored. A code line holds one or more ``[CODE]``, ``[CODE <DATE]``, ``[CODE >DATE]`` or
``[CODE DATE-DATE]`` (dates ``YYYYMMDD`` or TABARI's ``YYMMDD``, 00-30 meaning 20YY);
several codes may share one line, including the root line. ``A/B`` codes a compound actor
(both A and B). ``---`` is the null code. Dated codes are tried in file order, then the
first undated one (PETRARCH-1's rule, which the suites' DATE records expect).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import DictionaryError
from .lines import content_lines, loose_gaps, words

NULL_CODE = "---"
_CODE = re.compile(r"^[A-Za-z0-9~+#/\-]+$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
# Display names: small words in lower case, acronyms in upper case, other words capitalised.
_LOWER_WORDS = {
    "OF",
    "THE",
    "AND",
    "FOR",
    "IN",
    "ON",
    "AT",
    "TO",
    "DE",
    "DU",
    "DES",
    "LA",
    "LE",
    "EL",
    "AL",
    "BIN",
    "VON",
}
_ACRONYMS = {"IMF", "NGO", "USA", "PLO", "ANC", "UAE", "OAS", "AMISOM", "NATO", "OPEC", "ASEAN", "ECOWAS", "UNICEF"}
_VOWELS = set("AEIOUY")


@dataclass(frozen=True, slots=True)
class ActorCode:
    """One code of an actor, valid from ``start`` to ``end`` (inclusive; None = open)."""

    code: str
    start: date | None = None
    end: date | None = None
    line: int = 0
    role: str | None = None  # user format: the office held in this period
    source: str = ""  # "file:line" of the code

    @property
    def dated(self) -> bool:
        """Is the code restricted to dates?"""
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        """Is the code in force on ``day``?"""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @property
    def parts(self) -> tuple[str, ...]:
        """The actors of a compound code ``A/B`` (one element for a plain code)."""
        return tuple(p for p in self.code.split("/") if p)


@dataclass(slots=True)
class ActorEntry:
    """One actor: its root phrase, synonyms and (date-restricted) codes.

    ``patterns`` are tuples of upper-case words (the root first). ``source`` is
    ``file:line`` of the root. ``role``/``kind``/``country`` are filled by the user format
    and may be None for TABARI entries. ``loose`` maps a pattern written with blanks
    between some of its words (PETRARCH's "words may intervene" connector) to the word
    positions after which other words may come.
    """

    name: str
    patterns: list[tuple[str, ...]]
    codes: list[ActorCode]
    source: str
    key: str
    role: str | None = None
    kind: str | None = None
    extra_sources: list[str] = field(default_factory=list)
    loose: dict[tuple[str, ...], frozenset[int]] = field(default_factory=dict)

    def code_on(self, day: date | str | None) -> str | None:
        """The code in force on ``day`` (None: the null code, or no code applies).

        Dated codes are tried in order, then the first undated code. Without a date, the
        undated code, else the newest dated code that is still open or ended last.
        """
        c = self.current(day)
        return _nonnull(c.code) if c else None

    def current(self, day: date | str | None) -> ActorCode | None:
        """The ActorCode in force on ``day`` (same rule as :meth:`code_on`)."""
        d = as_date(day) if day is not None else None
        if d is not None:
            for c in self.codes:
                if c.dated and c.covers(d):
                    return c
        for c in self.codes:
            if not c.dated:
                return c
        if d is None and self.codes:
            return max(self.codes, key=lambda c: (c.end or date.max, c.start or date.min))
        return None

    def role_on(self, day: date | str | None) -> str | None:
        """The office held on ``day`` (user entries), else the entry's role."""
        c = self.current(day)
        return (c.role or self.role) if c else None

    def merge(self, other: ActorEntry, *, first: bool) -> None:
        """Add ``other``'s patterns and codes (its codes tried before ours when ``first``)."""
        known = set(self.patterns)
        self.patterns.extend(p for p in other.patterns if p not in known)
        for p, gaps in other.loose.items():
            self.loose.setdefault(p, gaps)
        self.codes = other.codes + self.codes if first else self.codes + other.codes
        self.extra_sources.append(other.source)
        self.role = self.role or other.role
        self.kind = self.kind or other.kind


def _nonnull(code: str) -> str | None:
    return None if code == NULL_CODE else code


def as_date(day: date | str) -> date:
    """A date from a ``date`` or an ISO ``YYYY-MM-DD`` / ``YYYYMMDD`` string."""
    if isinstance(day, date):
        return day
    s = day.strip()
    if len(s) == 8 and s.isdigit():
        s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return date.fromisoformat(s[:10])


def parse_tabari_date(text: str) -> date:
    """``YYYYMMDD`` or ``YYMMDD`` (00-30 -> 20YY, else 19YY); ValueError if not a real date."""
    t = text.strip()
    if not t.isdigit() or len(t) not in (6, 8):
        raise ValueError(f"date {text!r} is neither YYYYMMDD nor YYMMDD")
    if len(t) == 6:
        yy = int(t[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        t = f"{year}{t[2:]}"
    try:
        return date(int(t[:4]), int(t[4:6]), int(t[6:8]))
    except ValueError:
        raise ValueError(f"date {text!r} is not a calendar date") from None


def parse_code(inner: str, where: str, line: int) -> ActorCode:
    """One bracket's content: ``CODE``, ``CODE <D``, ``CODE >D`` or ``CODE D1-D2``."""
    c = _parse_code(inner, where, line)
    return replace(c, source=f"{Path(where).name}:{line}")


def _parse_code(inner: str, where: str, line: int) -> ActorCode:
    inner = inner.strip()
    if not inner:
        raise DictionaryError(where, line, "empty code []")
    code, _, rest = inner.partition(" ")
    rest = rest.strip()
    code = code.strip()
    if not _CODE.match(code):
        raise DictionaryError(where, line, f"bad code {code!r} in [{inner}]")
    code = code.upper()
    try:
        if not rest:
            return ActorCode(code, line=line)
        if rest[0] in "<>":
            day = parse_tabari_date(rest[1:])
            return ActorCode(code, end=day, line=line) if rest[0] == "<" else ActorCode(code, start=day, line=line)
        if "-" in rest:
            a, _, b = rest.partition("-")
            start, end = parse_tabari_date(a), parse_tabari_date(b)
            if end < start:
                raise ValueError(f"interval {rest!r} ends before it starts")
            return ActorCode(code, start=start, end=end, line=line)
    except ValueError as exc:
        raise DictionaryError(where, line, f"bad date restriction in [{inner}]: {exc}") from None
    raise DictionaryError(where, line, f"bad date restriction in [{inner}]: expected <DATE, >DATE or DATE-DATE")


def display_name(pattern: tuple[str, ...]) -> str:
    """A readable name for an upper-case phrase: ``('SERGEY', 'LAVROV')`` -> ``Sergey Lavrov``."""
    out = []
    if len(pattern) > 1 and pattern[0] == "THE":
        pattern = pattern[1:]
    for i, w in enumerate(pattern):
        short = w.isalpha() and w not in _LOWER_WORDS and (len(w) <= 2 or (len(w) == 3 and not _VOWELS & set(w)))
        if "." in w or short or w in _ACRONYMS or not any(c.isalpha() for c in w):
            out.append(w)
        elif w in _LOWER_WORDS and i > 0:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def entry_key(pattern: tuple[str, ...]) -> str:
    """The cross-article key of an entry: its root words joined by ``_``."""
    return "_".join(pattern)


def _split_codes(text: str, where: str, line: int) -> tuple[str, list[ActorCode]]:
    """(text before the first '[', the codes of every [...] on the line)."""
    first = text.find("[")
    if first < 0:
        if "]" in text:
            raise DictionaryError(where, line, "']' without '['")
        return text, []
    head, tail = text[:first], text[first:]
    codes = []
    pos = 0
    for m in _BRACKET.finditer(tail):
        if tail[pos : m.start()].strip():
            raise DictionaryError(where, line, f"unexpected text {tail[pos : m.start()].strip()!r} between codes")
        codes.append(parse_code(m.group(1), where, line))
        pos = m.end()
    if tail[pos:].strip() or not codes:
        raise DictionaryError(where, line, "unbalanced '[' ... ']' in the codes")
    return head, codes


def read_actors(path: str | Path) -> list[ActorEntry]:
    """Every entry of a TABARI/PETRARCH actor dictionary, in file order.

    Raises DictionaryError (``file:line: reason``) on a bad entry.
    """
    where = str(path)
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    last = 0  # line number of the last root phrase
    for number, raw in content_lines(path):
        indented = raw[:1] in (" ", "\t")
        text = raw.strip()
        if text.startswith("---STOP---"):
            break
        head, codes = _split_codes(text, where, number)
        head = head.strip()
        if text.startswith("["):
            if current is None:
                raise DictionaryError(where, number, "codes before any actor phrase")
            current.codes.extend(codes)
            continue
        if head.startswith("+") or indented:
            # A synonym; TABARI files also hold indented phrases that mean the same.
            if current is None:
                raise DictionaryError(where, number, "synonym before any actor phrase")
            pattern = words(head.lstrip("+"))
            if not pattern:
                raise DictionaryError(where, number, "empty synonym")
            if pattern not in current.patterns:
                current.patterns.append(pattern)
                _note_gaps(current, pattern, head.lstrip("+"))
            current.codes.extend(codes)
            last = number
            continue
        pattern = words(head)
        if not pattern:
            raise DictionaryError(where, number, "empty actor phrase")
        if current is not None and not current.codes and number == last + 1:
            # TABARI: root phrases written one under the other with no code between them
            # share the codes that follow (PETRARCH-1 gives them the next code block).
            if pattern not in current.patterns:
                current.patterns.append(pattern)
                _note_gaps(current, pattern, head)
            current.codes.extend(codes)
            last = number
            continue
        current = ActorEntry(
            name=display_name(pattern),
            patterns=[pattern],
            codes=list(codes),
            source=f"{Path(path).name}:{number}",
            key=entry_key(pattern),
        )
        _note_gaps(current, pattern, head)
        entries.append(current)
        last = number
    return entries


def _note_gaps(entry: ActorEntry, pattern: tuple[str, ...], phrase: str) -> None:
    gaps = loose_gaps(phrase)
    if gaps:
        entry.loose[pattern] = gaps
