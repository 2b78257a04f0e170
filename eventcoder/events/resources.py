"""What the events stage loads once per process (built by ``eventcoder.events.load``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..dictionaries.verbs import VerbDictionary
from .lexicon import EventLexicon
from .ontology import Ontology


@dataclass(frozen=True)
class Resources:
    """What the events stage loads once: the verb dictionary, the ontology and the word lists."""

    verbs: VerbDictionary
    ontology: Ontology
    lexicon: EventLexicon
