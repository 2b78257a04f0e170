"""Word lists of the events stage, read from ``eventcoder/data/events``.

- ``light_verbs.tsv``: "Moscow launched its full-scale invasion of Ukraine": ``launch`` only
  carries the event, the noun ``invasion`` names it; the event is coded as the dictionary verb
  of the noun (INVADE).
- ``reciprocal.tsv``: cooperation codes a compound source without a target has among its
  members ("Gondor and Osgiliath met").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..dictionaries.lines import read_text
from ..errors import DictionaryError

DATA = Path(__file__).resolve().parent.parent / "data" / "events"
LIGHT_VERBS = DATA / "light_verbs.tsv"
RECIPROCAL = DATA / "reciprocal.tsv"


@dataclass(frozen=True)
class Lexicon:
    light: frozenset[str]  # verb lemmas
    nouns: dict[str, tuple[str, ...]]  # event noun -> words of its verb ("crack down")


@lru_cache(maxsize=2)
def load(path: Path = LIGHT_VERBS) -> Lexicon:
    """Read the table; a bad row is a DictionaryError naming file and line."""
    light: set[str] = set()
    nouns: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if parts[0] == "light" and len(parts) >= 2 and parts[1]:
            light.add(parts[1].lower())
        elif parts[0] == "noun" and len(parts) >= 3 and parts[1] and parts[2]:
            nouns[parts[1].lower()] = tuple(parts[2].upper().split())
        else:
            raise DictionaryError(str(path), number, "expected 'light<TAB>verb' or 'noun<TAB>noun<TAB>verb'")
    return Lexicon(frozenset(light), nouns)


@lru_cache(maxsize=2)
def reciprocal(path: Path = RECIPROCAL) -> tuple[str, ...]:
    """CAMEO codes or prefixes of mutual cooperation."""
    out: list[str] = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code = line.split("\t")[0].strip()
        if not code.isdigit():
            raise DictionaryError(str(path), number, "expected 'code<TAB>why' with a numeric CAMEO code")
        out.append(code)
    return tuple(out)


def is_reciprocal(code: str | None) -> bool:
    return bool(code) and any(code.startswith(p) for p in reciprocal())
