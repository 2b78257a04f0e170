"""Matching a verb pattern against the words around a verb.

The words before the verb are matched by the pattern's upper elements (nearest first, going
left), the words after it by the lower elements (going right). Between two elements any words
may lie, except that

- ``_`` ties two elements (or an element and the verb): nothing in between;
- in a PETRARCH-2 ``(PREP ...)`` group only determiners may lie between two words
  (``(ON RESOLUTION)`` matches "on a resolution", not "on a new resolution"), and in a
  ``{... HEAD}`` group the last modifier stands right before the head.

An actor element (``$ + %``) binds a whole actor mention; ``^`` skips an actor or a noun
phrase. PETRARCH-2 patterns are read as PETRARCH-2 reads them on its parse: a word matches
the token or its lemma (``EFFORT`` matches "efforts"), the words before the verb are nouns or
prepositions of the phrases before it (not adverbs or auxiliaries), and the words after it lie
in the verb's own phrases (objects, prepositional phrases, infinitives), not in a clause of
their own. PETRARCH-1 patterns match words as written, anywhere around the verb.

The best match of a verb binds the most dictionary words (PETRARCH tries longer patterns
first), then the most actors, then comes first in the file.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..dictionaries.verbs import ACTOR_KINDS, SKIP, Element, Pattern
from .sentence import Mention, SentenceView

# Words an actor element may step over to reach a mention it is tied to ("IN_ $" in
# "in the Gondor main opposition group").
_SKIPPABLE_POS = {"DET", "ADJ", "NUM", "PRON"}
# PETRARCH-2: the words before a verb are heads of its noun or prepositional phrases.
_UPPER_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADP", "SCONJ"}
# PETRARCH-2: clauses of their own, not searched for the words after a verb.
_OWN_CLAUSE = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "conj")


@dataclass
class PatternMatch:
    """A pattern that matched: the mentions bound to its actor elements and the tokens of its
    words."""

    pattern: Pattern
    words: int  # dictionary words matched
    sources: list[Mention] = field(default_factory=list)  # $
    targets: list[Mention] = field(default_factory=list)  # +
    skipped: list[Mention] = field(default_factory=list)  # ^
    compounds: list[Mention] = field(default_factory=list)  # %
    compound_upper: bool = False  # the % element stands before the verb (a compound subject)
    tokens: list[int] = field(default_factory=list)

    @property
    def rank(self) -> tuple[int, int, int]:
        """How good the match is: words matched, actors bound, earlier pattern first."""
        actors = len(self.sources) + len(self.targets) + len(self.compounds)
        return (self.words, actors, -self.pattern.line)


def lower_scope(verb: Token, lower: Collection[int]) -> set[int]:
    """PETRARCH-2 reading: the tokens after the verb outside clauses of their own."""
    blocked: set[int] = set()
    for c in verb.children:
        if c.dep_ in _OWN_CLAUSE and c.i > verb.i:
            blocked |= {t.i for t in c.subtree}
    for t in verb.subtree:
        if t.i > verb.i and t.dep_ in ("relcl", "acl", "ccomp", "advcl") and t.head.i != verb.i:
            blocked |= {x.i for x in t.subtree}
    return set(lower) - blocked


@dataclass
class Scope:
    """Where a trigger's patterns may match: token indices before and after the verb, and,
    for PETRARCH-2 patterns, the narrower sets their words may use."""

    upper: set[int]
    lower: set[int]
    upper_words_p2: set[int]
    lower_words_p2: set[int]

    @classmethod
    def of(cls, view: SentenceView, verb: Token, upper: Sequence[int], lower: Sequence[int]) -> Scope:
        """The scope of ``verb``: the sentence's tokens before and after it, without ignored ones."""
        up = set(upper) - view.ignored
        low = set(lower) - view.ignored
        return cls(up, low, {i for i in up if view.pos.get(i) in _UPPER_POS}, lower_scope(verb, low))


def match(pattern: Pattern, view: SentenceView, verb_first: int, verb_last: int, scope: Scope) -> PatternMatch | None:
    """Match ``pattern`` around the verb tokens ``verb_first..verb_last`` within ``scope``."""
    p2 = pattern.style == "petrarch2"
    up = _match_side(
        pattern.upper,
        view,
        verb_first,
        scope.upper,
        scope.upper_words_p2 if p2 else scope.upper,
        before=True,
        verb_joined=False,
        p2=p2,
    )
    if up is None:
        return None
    used = {id(m) for _, m in up if isinstance(m, Mention)}
    low = _match_side(
        pattern.lower,
        view,
        verb_last,
        scope.lower,
        scope.lower_words_p2 if p2 else scope.lower,
        before=False,
        verb_joined=pattern.verb_joined,
        p2=p2,
        used=used,
    )
    if low is None:
        return None
    out = PatternMatch(pattern, 0)
    for element, bound in up + low:
        if isinstance(bound, Mention):
            {"source": out.sources, "target": out.targets, "skip": out.skipped, "compound": out.compounds}[
                element.kind
            ].append(bound)
        elif isinstance(bound, tuple):
            continue  # a skipped noun phrase
        elif isinstance(bound, list):
            out.words += len(bound)
            out.tokens.extend(bound)
    out.compound_upper = any(e.kind == "compound" for e, _ in up)
    return out


def _links(elements: Sequence[Element]) -> list[str]:
    """How each element is bound to the next one (text order): tied, det, head or free."""
    out = []
    for j in range(len(elements) - 1):
        a, b = elements[j], elements[j + 1]
        if a.joined:
            out.append("tied")
        elif a.group and a.group == b.group and a.kind not in ACTOR_KINDS and b.kind not in ACTOR_KINDS:
            last_of_group = j + 2 >= len(elements) or elements[j + 2].group != b.group
            if a.bracket == "(":
                out.append("det")
            elif a.bracket == "{" and last_of_group:
                out.append("tied")
            else:
                out.append("free")
        else:
            out.append("free")
    return out


def _match_side(
    elements: Sequence[Element],
    view: SentenceView,
    anchor: int,
    ok: set[int],
    words_ok: set[int],
    *,
    before: bool,
    verb_joined: bool,
    p2: bool,
    used: set[int] | None = None,
) -> list[tuple[Element, object]] | None:
    """Bindings of ``elements`` on one side of the verb, or None.

    Before the verb, elements are taken right to left, each ending before the previous one;
    after it, left to right. A binding is a Mention for actor elements, a (start, end) pair
    for a skipped noun phrase, else the list of token indices of the matched phrase.
    """
    if not elements:
        return []
    n = len(elements)
    links = _links(elements)
    order = list(reversed(range(n))) if before else list(range(n))
    words_ok = words_ok & ok
    used = set(used or ())
    edges = sorted(((m.end - 1 if before else m.start), m) for m in view.mentions if m.start in ok or (m.end - 1) in ok)
    if before:
        edges.reverse()

    def link_to_previous(k: int) -> str:
        """The constraint between order[k] and the element matched just before it."""
        j = order[k]
        if before:
            # order[k] precedes element j+1 (or the verb when j is the last upper element).
            return ("tied" if elements[j].joined else "free") if j == n - 1 else links[j]
        return ("tied" if verb_joined else "free") if j == 0 else links[j - 1]

    def gap_ok(rule: str, gap: range) -> bool:
        if rule == "free":
            return True
        if rule == "det":
            return all(view.pos.get(i) == "DET" for i in gap)
        return len(gap) == 0

    def phrase_candidates(e: Element, cursor: int) -> list[tuple[int, range]]:
        """(position, span) of the element's phrases on the right side of ``cursor``,
        nearest first."""
        out = []
        for phrase in e.phrases:
            size = len(phrase)
            key = phrase[-1] if before else phrase[0]
            for p in view.where.get(key, ()):
                if (before and p >= cursor) or (not before and p <= cursor):
                    continue
                span = range(p - size + 1, p + 1) if before else range(p, p + size)
                if all(i in words_ok and _word_matches(view, i, w, p2) for i, w in zip(span, phrase, strict=True)):
                    out.append((p, span))
        out.sort(key=lambda x: -x[0] if before else x[0])
        return out

    def rec(k: int, cursor: int) -> list[tuple[Element, object]] | None:
        if k == n:
            return []
        e = elements[order[k]]
        rule = link_to_previous(k)
        if e.kind in ACTOR_KINDS:
            for p, m in edges:
                if (before and p >= cursor) or (not before and p <= cursor):
                    continue
                gap = range(p + 1, cursor) if before else range(cursor + 1, p)
                if rule == "tied" and not _skippable(view, gap):
                    break
                if id(m) in used:
                    continue
                used.add(id(m))
                rest = rec(k + 1, m.start if before else m.end - 1)
                if rest is not None:
                    return [(e, m)] + rest
                used.discard(id(m))
            if e.kind == SKIP:
                # An uncoded noun phrase, or what is left of one after the previous word
                # ("* THEIR ^ ABOUT +": "their populations").
                chunks = sorted(view.chunks, key=lambda c: -c[1] if before else c[0])
                for start, end in chunks:
                    if before:
                        lo, hi = start, min(end - 1, cursor - 1)
                    else:
                        lo, hi = max(start, cursor + 1), end - 1
                    if hi < lo or hi not in ok or lo not in ok:
                        continue
                    if any(view.mention_at(i) for i in range(lo, hi + 1)):
                        continue
                    rest = rec(k + 1, lo if before else hi)
                    if rest is not None:
                        return [(e, (lo, hi + 1))] + rest
            return None
        for _p, span in phrase_candidates(e, cursor):
            near = span[-1] if before else span[0]
            gap = range(near + 1, cursor) if before else range(cursor + 1, near)
            if not gap_ok(rule, gap):
                break  # the gap only grows further on
            rest = rec(k + 1, span[0] if before else span[-1])
            if rest is not None:
                return [(e, list(span))] + rest
        return None

    return rec(0, anchor)


def _word_matches(view: SentenceView, i: int, wanted: str, p2: bool) -> bool:
    if view.words.get(i) == wanted:
        return True
    return p2 and view.lemmas.get(i) == wanted


def _skippable(view: SentenceView, gap: range) -> bool:
    """Only determiners and modifiers between a tied element and its actor."""
    return all(view.pos.get(i) in _SKIPPABLE_POS or view.words.get(i) == "'S" for i in gap)
