"""The spaCy pipeline: loading (once per process), batching, and the per-article context.

Stages never call spaCy themselves: the pipeline parses a batch with ``nlp.pipe`` and hands
each stage a :class:`Context` holding the article, its parsed ``Doc`` and the resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .article import Article
from .settings import Settings

# Components the stages need: tagger+attribute_ruler (POS), parser (dependencies, sentences),
# lemmatizer (verb patterns), ner (unknown persons, places, dates). Nothing else is run.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    """Load a spaCy pipeline once per process, keeping only the components we use."""
    nlp = spacy.load(model)
    unused = [name for name in nlp.pipe_names if name not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches (one process; workers are processes above this level)."""
    yield from nlp.pipe(texts, batch_size=batch_size)


@dataclass
class Context:
    """What a stage sees for one article.

    ``token_actor`` maps a token index to the id of the actor whose mention covers it; it
    is filled by the actors stage and read by events and quotes. ``scratch`` carries other
    facts from one stage to a later one (documented where they are set).
    """

    article: Article
    doc: Doc
    settings: Settings
    resources: Any  # pipeline.Resources
    token_actor: dict[int, str] = field(default_factory=dict)
    scratch: dict[str, Any] = field(default_factory=dict)

    def char_span(self, start: int, end: int) -> SpacySpan | None:
        """The token span covering characters ``start:end`` (expanded to token edges)."""
        return self.doc.char_span(start, end, alignment_mode="expand")
