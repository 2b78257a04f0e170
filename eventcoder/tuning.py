"""The tuning numbers and closed word lists of the coder, read from ``data/tuning.toml``.

Every number that trades precision for recall (confidences, distances, priors) lives in that
one documented file rather than in the code; ``TUNING`` is read once at import and checked:
a missing or ill-typed key is a SettingsError naming it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafiles import data_file
from .errors import SettingsError

TUNING_FILE = data_file("tuning.toml")


@dataclass(frozen=True)
class Tuning:
    """The values of ``tuning.toml`` (see the file for what each means)."""

    confidence_pattern: float
    confidence_verb_default: float
    confidence_min: float
    confidence_max: float
    participant_found: float
    participant_missing: float
    source_step: float
    quote_direct: float
    quote_indirect: float
    max_gap_after: int
    max_gap_before: int
    holder_overlap: float
    home_share: float
    home_min: int
    place_prior: dict[str, float]
    capital_bonus: float
    primary_bonus: float
    context_bonus: float
    actor_place_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    event_place_prepositions: frozenset[str]


def _get(table: dict[str, Any], path: str, kind: type | tuple[type, ...]) -> Any:
    node: Any = table
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            raise SettingsError(f"{TUNING_FILE.name}: missing key {path!r}")
        node = node[part]
    if not isinstance(node, kind) or isinstance(node, bool):
        raise SettingsError(f"{TUNING_FILE.name}: {path!r} has the wrong type ({type(node).__name__})")
    return node


def _words(table: dict[str, Any], path: str) -> frozenset[str]:
    words = _get(table, path, list)
    if not all(isinstance(w, str) and w for w in words):
        raise SettingsError(f"{TUNING_FILE.name}: {path!r} must be a list of words")
    return frozenset(w.lower() for w in words)


def read_tuning(path: Path = TUNING_FILE) -> Tuning:
    """Read and check the tuning file."""
    t = tomllib.loads(path.read_text(encoding="utf-8"))
    num = (int, float)
    prior = _get(t, "places.prior", dict)
    if not all(isinstance(v, num) for v in prior.values()):
        raise SettingsError(f"{path.name}: 'places.prior' values must be numbers")
    return Tuning(
        confidence_pattern=float(_get(t, "confidence.pattern", num)),
        confidence_verb_default=float(_get(t, "confidence.verb_default", num)),
        confidence_min=float(_get(t, "confidence.min", num)),
        confidence_max=float(_get(t, "confidence.max", num)),
        participant_found=float(_get(t, "confidence.participant_found", num)),
        participant_missing=float(_get(t, "confidence.participant_missing", num)),
        source_step=float(_get(t, "confidence.source_step", num)),
        quote_direct=float(_get(t, "confidence.quote_direct", num)),
        quote_indirect=float(_get(t, "confidence.quote_indirect", num)),
        max_gap_after=_get(t, "quotes.max_gap_after", int),
        max_gap_before=_get(t, "quotes.max_gap_before", int),
        holder_overlap=float(_get(t, "quotes.holder_overlap", num)),
        home_share=float(_get(t, "actors.home_share", num)),
        home_min=_get(t, "actors.home_min", int),
        place_prior={k: float(v) for k, v in prior.items()},
        capital_bonus=float(_get(t, "places.capital_bonus", num)),
        primary_bonus=float(_get(t, "places.primary_bonus", num)),
        context_bonus=float(_get(t, "places.context_bonus", num)),
        actor_place_prepositions=_words(t, "prepositions.actor_place"),
        locative_prepositions=_words(t, "prepositions.locates"),
        event_place_prepositions=_words(t, "prepositions.event_place"),
    )


TUNING = read_tuning()
