"""Modality cue words (``data/events/modality.tsv``), read by one reader for every stage.

The events stage reads an event's modality from them (docs/events.md); the times stage reads
the tense of a clause from the same future words ("expected to attend on Sunday" points to the
Sunday ahead), so the two never disagree.
"""

from __future__ import annotations

from pathlib import Path

from .datafiles import data_file
from .errors import DictionaryError

CUES = data_file("events", "modality.tsv")
KINDS = ("future", "hypothetical", "historical", "reporting", "belief", "denial")


def read_cues(path: Path = CUES) -> dict[str, frozenset[str]]:
    """kind -> cue words (lower case); a bad row is a DictionaryError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read the cue table: {exc.strerror or exc}") from None
    out: dict[str, set[str]] = {k: set() for k in KINDS}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in out or not parts[1].strip():
            raise DictionaryError(str(path), number, f"expected 'kind<TAB>word' with kind in {', '.join(KINDS)}")
        out[parts[0]].add(parts[1].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}
