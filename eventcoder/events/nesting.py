"""Events inside events: a coded verb governs the coded verbs of its complements.

"Ithilen's militia vowed to wage war", "X agreed to meet Y", "A said B ...": one event, not two.
PETRARCH-2's conventions for statements (CAMEO 01) with their complement after them decide
which event stands, and an incomplete event in a clause under a coded verb belongs to that
verb's phrase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from . import syntax
from .lexicon import EventLexicon
from .modality import Modality
from .participants import same
from .sentence import Mention
from .triggers import Trigger

# "A said B attacked" (an attack root, root_groups.tsv) is an accusation (PETRARCH-2).
ACCUSE = "112"


@dataclass
class Coded:
    """An event before it becomes an ``Event``: participants as mentions."""

    trigger: Trigger
    code: str
    source: Mention | None
    target: Mention | None
    rule: str
    modality: Modality
    confidence: float
    dropped: bool = False
    style: str = "petrarch1"  # the reading of the dictionary that coded it


def complements(events: list[Coded], lex: EventLexicon) -> None:
    """A coded verb governs the coded verbs of its complement clauses ("vowed to wage war",
    "agreed to meet", "A said B ...": one event, not two), with PETRARCH-2's conventions for
    statements (a complement after the statement verb):

    - A says A did X (same source): the complement's event stands, the statement goes;
    - A says B attacked (material conflict): A accuses B (112) instead of both;
    - otherwise the governing event stands for both.

    ``lex``: the reporting verbs (statements whatever their code) and the CAMEO root groups.
    """
    by_verb: dict[int, list[Coded]] = {}
    for c in events:
        by_verb.setdefault(c.trigger.verb.i, []).append(c)
    governing: dict[int, list[Coded]] = {}
    for c in events:
        governing.setdefault(c.trigger.verb.i, []).append(c)
    for vi, outer_events in governing.items():
        verb = outer_events[0].trigger.verb
        live = [c for c in outer_events if not c.dropped]
        # An incomplete event (no source or no target) in a clause under a coded verb is
        # part of that verb's phrase, not an event of its own (PETRARCH's nesting).
        if live:
            for x in events:
                if x.dropped or x.trigger.verb.i == vi or (x.source is not None and x.target is not None):
                    continue
                root = syntax.phrase_root(verb)
                if x.trigger.verb.i > vi and any(a.i == root.i for a in x.trigger.verb.ancestors):
                    x.dropped = True
        # PETRARCH-2 reads "B did X, A said" as A's statement of B's event: the event stands
        # and the statement, which has no target of its own, goes.
        if live and all(is_statement(c, lex) and c.style == "petrarch2" and c.target is None for c in live):
            before = [
                x
                for child in verb.children
                if child.dep_ in ("ccomp", "parataxis") and child.i < verb.i
                for x in _events_under(child, by_verb)
                if not x.dropped
            ]
            if before:
                for c in live:
                    c.dropped = True
        inner = [x for child in verb.children if _is_complement(verb, child) for x in _events_under(child, by_verb)]
        inner = [x for x in inner if x.trigger.verb.i != vi]
        if not inner:
            continue
        # An event governs when someone does it, coded or not ("he said ..."); an impersonal
        # passive does not ("It has been noted that X ...").
        live = [c for c in outer_events if not c.dropped and (c.source is not None or _personal(verb))]
        if not live:
            continue
        inner = [x for x in inner if not x.dropped]
        if all(is_statement(c, lex) for c in live):
            if any(same(x.source, c.source) for x in inner for c in live):
                # "A said A will X": X stands, reported by its own source.
                for c in live:
                    c.dropped = True
                continue
            attacks = [x for x in inner if lex.in_group(x.code, "attack") and x.source is not None]
            if attacks:
                # "A said B attacked": A accuses B.
                for x in inner:
                    x.dropped = True
                for c in live:
                    c.dropped = True
                    if c.source is None:
                        continue
                    for x in attacks:
                        rule = c.rule + " (said: attack -> accuse)"
                        events.append(Coded(c.trigger, ACCUSE, c.source, x.source, rule, c.modality, c.confidence))
                continue
        for x in inner:
            x.dropped = True


def _personal(verb: Token) -> bool:
    """Does the verb have a subject that is someone (not the "it" of an impersonal passive)?"""
    subj = syntax.subjects(verb)
    if not subj:
        return False
    return not (syntax.is_passive(verb) and all(s.lower_ == "it" for s in subj))


def is_statement(c: Coded, lex: EventLexicon) -> bool:
    """A statement: a CAMEO 01 code, or a reporting verb ("said" coded 023 by an old dictionary)."""
    return lex.in_group(c.code, "statement") or c.trigger.verb.lemma_.lower() in lex.cues["reporting"]


def _events_under(clause: Token, by_verb: dict[int, list[Coded]]) -> Iterable[Coded]:
    for t in clause.subtree:
        yield from by_verb.get(t.i, [])


def _is_complement(verb: Token, child: Token) -> bool:
    """A clause that completes the verb: an infinitive (xcomp) or a that-clause after it."""
    if child.dep_ == "xcomp":
        return True
    return child.dep_ == "ccomp" and child.i > verb.i
