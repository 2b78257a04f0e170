"""CAMEO actor codes: composing a country with agents, and splitting a code into its parts.

Composition follows TABARI/PETRARCH: an agent ``~GOV`` is appended to the actor's code and
``NGO~`` prepended, unless the code already holds it at a 3-character boundary (CAMEO codes
are built of 3-letter blocks, so ``GMWGOV`` + ``WGO`` is ``GMWGOVWGO`` although the string
"WGO" occurs inside it). "Former" turns the agent's role into ``ELI`` (elites).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError

NULL = "---"


def has_block(code: str, part: str) -> bool:
    """True when ``part`` occurs in ``code`` starting at a multiple of 3."""
    return any(code.startswith(part, i) for i in range(0, len(code), 3))


def append(code: str, part: str) -> str:
    """The code with an agent code appended, unless it holds it already."""
    return code if not part or has_block(code, part) else code + part


def prepend(code: str, part: str) -> str:
    """The code with an agent code put before its sector, unless it holds it already."""
    return code if not part or code.startswith(part) else part + code


def compose(base: str | None, suffixes: list[str], prefixes: list[str], former: bool = False) -> str | None:
    """The code of ``base`` (an actor code, or None) with agent codes added.

    ``suffixes``/``prefixes`` are bare agent codes in text order. Without a base the country
    is unknown: PETRARCH writes ``---`` in its place (``---GOV``). ``former`` replaces the
    agents' roles by ``ELI``.
    """
    if base is None and not suffixes and not prefixes:
        return None
    if former and (suffixes or base is None):
        suffixes = ["ELI"]
    code = base if base else NULL
    for s in suffixes:
        code = append(code, s)
    for p in reversed(prefixes):
        code = prepend(code, p)
    return code


@dataclass(frozen=True)
class Sectors:
    """The table of role/sector codes (``data/actors/sectors.csv``)."""

    labels: dict[str, str]
    international: frozenset[str]

    def split(self, code: str | None) -> tuple[str | None, str | None]:
        """(country, sector) of a code: ``RUSGOV`` -> (RUS, GOV); ``IGOUNO`` -> (None, IGO)."""
        if not code:
            return None, None
        head = code.split("/")[0]
        if head.startswith(NULL):
            return None, head[3:6] or None
        first = head[:3]
        if first in self.international:
            return None, first
        if first in self.labels:
            # A code that opens with a role names no country (Phoenix codes Reuters "MED").
            return None, first
        if not first.isalpha() or len(first) < 3:
            return None, None
        return first, head[3:6] or None

    def label(self, sector: str | None) -> str | None:
        """The human-readable label of a sector code (``GOV`` -> government)."""
        return self.labels.get(sector) if sector else None

    def grammatical(self, code: str | None) -> str | None:
        """The code in the actor-code grammar: a role with no country is written after
        ``---`` (Phoenix codes Reuters ``MED``; CAMEO writes ``---MED``). International
        codes (``IGOUNO``) name no country and stay as they are."""
        if not code:
            return code
        first = code[:3]
        if first in self.labels and first not in self.international and not code.startswith(NULL):
            return "/".join(NULL + part if part[:3] in self.labels else part for part in code.split("/"))
        return code


def read_sectors(path: str | Path) -> Sectors:
    """Read the sectors table; a bad row is a DictionaryError naming its line."""
    labels: dict[str, str] = {}
    intl: set[str] = set()
    text = Path(path).read_text(encoding="utf-8")
    rows = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.reader([ln for _, ln in rows])
    header = None
    for (number, _), row in zip(rows, reader, strict=True):
        if header is None:
            header = [h.strip() for h in row]
            if header != ["code", "label", "type"]:
                raise DictionaryError(str(path), number, "header must be code,label,type")
            continue
        if len(row) != 3 or len(row[0].strip()) != 3 or row[2].strip() not in ("international", "role"):
            raise DictionaryError(str(path), number, "expected CODE (3 letters),label,international|role")
        code = row[0].strip().upper()
        labels[code] = row[1].strip()
        if row[2].strip() == "international":
            intl.add(code)
    return Sectors(labels, frozenset(intl))
