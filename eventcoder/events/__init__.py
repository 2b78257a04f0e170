"""Stage: events. Verb patterns on the dependency parse, negation and modality, CAMEO, PLOVER,
Goldstein and quad class, dates and places, with the rule that fired (docs/events.md).

``load(settings)`` reads the verb dictionaries (``settings.verbs``, else the bundled
``CAMEO.2.0.txt``) and the ontology once per process;
``apply(ctx)`` adds the article's events to ``ctx.article.events``.
"""

from __future__ import annotations

from ..datafiles import data_file
from ..dictionaries.verbs import read_many
from ..nlp import Context
from ..settings import Settings
from . import lexicon, ontology
from .apply import code_article
from .resources import Resources

DICTIONARIES = data_file("dictionaries")
# PETRARCH-2's verb dictionary, then eventcoder's additions (verbs it lacks).
DEFAULT_VERBS = (DICTIONARIES / "CAMEO.2.0.txt", data_file("events", "verbs.txt"))


def load(settings: Settings) -> Resources:
    """Read the verb dictionaries (``settings.verbs``, else the bundled one), the ontology and the lexicon."""
    verbs = list(settings.verbs) or [str(p) for p in DEFAULT_VERBS]
    return Resources(read_many(verbs), ontology.load(), lexicon.load())


def apply(ctx: Context, res: Resources) -> None:
    """Code the article's events (see eventcoder/events/apply.py).

    Discard phrases, found by the actors stage (``ctx.discards``), remove a sentence, or the
    whole story, from coding.
    """
    if ctx.discards.story:
        return
    code_article(ctx, res, ctx.discards.sentences)
