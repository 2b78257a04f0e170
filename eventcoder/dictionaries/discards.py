"""Reader of TABARI/PETRARCH discard lists.

One phrase a line (``_`` or blanks between words). A leading ``+`` discards the whole story
when the phrase occurs; without it only the sentence is discarded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError
from .lines import content_lines, words


@dataclass(frozen=True, slots=True)
class Discard:
    """A discard phrase; ``story`` is True when it discards the whole story."""

    pattern: tuple[str, ...]
    story: bool
    source: str


def read_discards(path: str | Path) -> list[Discard]:
    """Every discard phrase of the file, in order. Raises DictionaryError on a bad line."""
    name = Path(path).name
    out = []
    for number, raw in content_lines(path):
        text = raw.strip()
        story = text.startswith("+")
        if "[" in text or "]" in text:
            raise DictionaryError(str(path), number, "discard phrases take no [code]")
        pattern = words(text.lstrip("+"))
        if not pattern:
            raise DictionaryError(str(path), number, "empty discard phrase")
        out.append(Discard(pattern, story, f"{name}:{number}"))
    return out
