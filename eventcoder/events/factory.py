"""The one way an event is made, for the events stage and the quotes stage alike.

One rule each:

- **root**, PLOVER, Goldstein and quad class: from the CAMEO code by the ontology
  (``Ontology.fill``);
- **date**: ``dates.event_date`` on the trigger's verb and the event's modality (the verb's
  own clause, the reporting clause for announced or refused acts, else publication); an event
  without a verb (``Name: ...``) is dated at publication;
- **place**: :func:`event_place`, a place a locative preposition governs in the verb's
  clause, else the dateline's place;
- **confidence**: the coder's estimate clamped to the bounds of ``tuning.toml``;
- **id**: ``e`` + the event's position in ``article.events`` (:func:`add_events`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from ..article import Article, Event, Participant, Span
from ..nlp import Context
from ..tuning import TUNING
from . import dates, syntax
from .ontology import Ontology, root_of

# Prepositions that put an event somewhere ("met in Geneva", "strikes inside Russia").
LOCATIVE = TUNING.event_place_prepositions


def new_event(
    ctx: Context,
    onto: Ontology,
    *,
    cameo: str,
    trigger: Span,
    sentence: Span,
    verb: Token | None,
    source: Participant | None,
    target: Participant | None,
    modality: str,
    negated: bool,
    rule: str,
    confidence: float,
    skip: Sequence[tuple[int, int]] = (),
    quote: str | None = None,
) -> Event:
    """An event with its ontology fields, date, place and clamped confidence (id set by :func:`add_events`).

    ``skip``: character spans whose places say what was said or who acted, not where
    (a statement's content, the speaker); the source and target are always skipped.
    """
    article = ctx.article
    spans = [*skip, *((p.start, p.end) for p in (source, target) if p is not None)]
    event = Event(
        id="",
        cameo=cameo,
        root=root_of(cameo),
        trigger=trigger,
        sentence=sentence,
        source=source,
        target=target,
        negated=negated,
        modality=modality,
        date=dates.event_date(article, verb, modality) if verb is not None else article.published,
        location=event_place(ctx, verb, spans),
        rule=rule,
        confidence=clamp_confidence(confidence),
        quote=quote,
    )
    onto.fill(event)
    return event


def clamp_confidence(value: float) -> float:
    """A confidence within the bounds of ``tuning.toml``, to two decimals."""
    return round(max(TUNING.confidence_min, min(TUNING.confidence_max, value)), 2)


def add_events(article: Article, events: Iterable[Event]) -> None:
    """Append events to the article, each with the id of its position (``e1``, ``e2`` ...)."""
    for event in events:
        article.events.append(event)
        event.id = f"e{len(article.events)}"


def event_place(ctx: Context, verb: Token | None, skip: Sequence[tuple[int, int]]) -> dict | None:
    """Where the event happened: a place governed by a locative preposition in the verb's
    clause, else in the clauses under it ("will not meet ... despite both attending the
    Assembly in New York"), else the dateline's place. Places inside ``skip`` (the source or
    target: "his U.S. counterpart"; what was said) say who or what, not where."""
    if verb is not None:
        doc = verb.doc
        candidates = []
        sent_start, sent_end = verb.sent.start_char, verb.sent.end_char
        for place in ctx.article.places:
            # Only the verb's sentence can hold its clause: matching every place of the article
            # for every event made long articles quadratic.
            if not sent_start <= place.start < sent_end or any(s <= place.start < e for s, e in skip):
                continue
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
                candidates.append((root.i, place))
        # Clauses that say what was said or wanted ("mulling whether to strike inside Russia")
        # happen elsewhere; adverbial clauses ("despite attending ... in New York") do not.
        content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "csubj")]
        around = {t.i for t in verb.subtree} - {t.i for c in content for t in c.subtree}
        for scope in (syntax.clause_tokens(verb), around):
            for i, place in candidates:
                if i in scope:
                    return place.to_dict()
    return ctx.dateline.to_dict() if ctx.dateline is not None else None
