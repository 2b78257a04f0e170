"""Stage: events. Verb patterns on the dependency parse, negation and modality, CAMEO, PLOVER,
Goldstein and quad class, dates and places, with the rule that fired (docs/events.md).

``load(settings)`` reads the verb dictionaries (``settings.verbs``, else the bundled
``CAMEO.2.0.txt``) and the ontology once per process;
``apply(ctx)`` adds the article's events to ``ctx.article.events``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..dictionaries.verbs import VerbDictionary, read_many
from ..nlp import Context
from ..settings import Settings
from . import ontology
from .apply import code_article

DICTIONARIES = Path(__file__).resolve().parent.parent / "data" / "dictionaries"
DEFAULT_VERBS = DICTIONARIES / "CAMEO.2.0.txt"


@dataclass
class Resources:
    """What the events stage loads once: the verb dictionary and the ontology."""

    verbs: VerbDictionary
    ontology: ontology.Ontology


@lru_cache(maxsize=8)
def _verbs(paths: tuple[str, ...]) -> VerbDictionary:
    return read_many(paths)


def load(settings: Settings) -> Resources:
    """Read the stage's dictionaries (cached per process)."""
    verbs = tuple(settings.verbs) or (str(DEFAULT_VERBS),)
    return Resources(_verbs(verbs), ontology.load())


def apply(ctx: Context) -> None:
    """Code the article's events (see eventcoder/events/apply.py).

    Discard phrases, found by the actors stage (``ctx.scratch["discards"]``), remove a
    sentence, or the whole story, from coding.
    """
    res: Resources = ctx.resources.events
    found = ctx.scratch.get("discards") or {}
    if found.get("story"):
        return
    code_article(ctx, res.verbs, res.ontology, set(found.get("sentences", ())))
