"""The spaCy pipeline: loading (once per process), batching, and the per-article context.

Stages never call spaCy themselves: the pipeline parses a batch with ``nlp.pipe`` and hands
each stage a :class:`Context` holding the article, its parsed ``Doc`` and the resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .article import Article, Place
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
class Discards:
    """Discard phrases found in an article (PETRARCH's ``.discards``): a story discard stops
    the article from being coded; a sentence discard, the sentences (start token) it is in."""

    story: bool = False
    sentences: set[int] = field(default_factory=set)


@dataclass
class Context:
    """What the stages see of one article, and the facts they hand on to later stages.

    The pipeline builds a fresh Context for every article; each stage fills the fields it
    declares as ``assigns`` (see ``eventcoder.pipeline.STAGES``), and a later stage reads
    only fields an earlier stage assigned (its ``requires``).
    """

    article: Article
    doc: Doc
    settings: Settings
    # actors: token index -> id of the actor whose mention covers it; read by events and quotes
    token_actor: dict[int, str] = field(default_factory=dict)
    # actors: (start token, end token, actor id) of every actor mention
    actor_mentions: list[tuple[int, int, str]] = field(default_factory=list)
    # actors: discard phrases found (sentences and story not to code)
    discards: Discards = field(default_factory=Discards)
    # places: the place of the dateline (``MOSCOW, Sept. 20 (Reuters) -``), where events happened by default
    dateline: Place | None = None

    def char_span(self, start: int, end: int) -> SpacySpan | None:
        """The token span covering characters ``start:end`` (expanded to token edges)."""
        return self.doc.char_span(start, end, alignment_mode="expand")
