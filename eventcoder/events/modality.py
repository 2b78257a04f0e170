"""Negation and modality of a coded event, read from the parse around its verb.

``negated``: the verb has its own negation (``not``, ``n't``, ``never``). The modality is one
of ``asserted``, ``negated``, ``future``, ``hypothetical``, ``reported``, ``historical``;
when several apply, the first of hypothetical > negated > future > historical > reported
wins ("if Moscow does not attend" is hypothetical, "will not meet" negated).
Cue words are data (``eventcoder/data/events/modality.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .syntax import CLAUSE_DEPS

_NEGATIONS = {"not", "n't", "never", "no"}


@dataclass(frozen=True, slots=True)
class Modality:
    """The modality of an event; ``cue`` is the token that decided it (None: asserted)."""

    value: str
    negated: bool
    future: bool
    cue: int | None = None


def negation_tokens(verb: Token) -> list[Token]:
    """The verb's own negations: ``neg`` children, ``never``, and a negation the parser hung
    on the verb's adverb or auxiliary ("did not even ever clash")."""
    out = []
    for c in verb.children:
        if c.dep_ == "neg" or (c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "neg")):
            out.append(c)
        elif c.dep_ in ("advmod", "aux") and c.i < verb.i:
            out.extend(g for g in c.children if g.dep_ == "neg")
    return out


def modality(
    verb: Token, cues: dict[str, frozenset[str]], historical_time: bool = False, quoted: bool = False
) -> Modality:
    """The modality of the event triggered by ``verb``.

    ``historical_time``: the event's own time expression lies well before publication.
    ``quoted``: the verb lies inside a direct quotation, so the event is the speaker's claim
    (``reported`` when nothing stronger applies). ``cues``: the cue words by kind (:func:`read_cues`).
    """
    c = cues
    negs = negation_tokens(verb)
    denied = _reported(verb, c["denial"])  # "X denied that it had attacked Y": the act is negated
    negated = bool(negs) or denied is not None
    future_cue = _future(verb, c["future"])
    hypo_cue = _hypothetical(verb, c["hypothetical"])
    if hypo_cue is not None:
        return Modality("hypothetical", negated, future_cue is not None, hypo_cue)
    if negated:
        return Modality("negated", True, future_cue is not None, negs[0].i if negs else denied)
    if future_cue is not None:
        return Modality("future", False, True, future_cue)
    hist = _historical(verb, c["historical"])
    if hist is not None or historical_time:
        return Modality("historical", False, False, hist)
    rep = _reported(verb, c["reporting"], c["belief"])
    if rep is not None:
        return Modality("reported", False, False, rep)
    if quoted:
        return Modality("reported", False, False, None)
    return Modality("asserted", False, False, None)


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _future(verb: Token, words: frozenset[str]) -> int | None:
    for a in _aux(verb):
        if a.lemma_.lower() in words or a.lower_ in words:
            return a.i
    # "is about to restore", "plans to visit": the verb is the infinitive of a future head.
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_.lower() in words or head.lower_ in words:
            return head.i
    for c in verb.children:
        if c.dep_ in ("npadvmod", "advmod") and c.lower_ in words:
            return c.i
    return None


# "could not agree", "cannot change": a negated modal of ability says the event did not happen.
_ABILITY = frozenset({"can", "could", "ca"})


def _hypothetical(verb: Token, words: frozenset[str]) -> int | None:
    negated = bool(negation_tokens(verb))
    for a in _aux(verb):
        if a.lower_ in words and a.tag_ == "MD" and not (negated and a.lower_ in _ABILITY):
            return a.i
    if _imperative(verb):
        return verb.i
    # A conditional or open-question marker on the verb's clause or a clause above it, or a
    # head verb that only considers or wishes the action ("mulling whether to give").
    t = verb
    for _ in range(8):
        for c in t.children:
            if c.dep_ in ("mark", "advmod") and c.lower_ in words and c.i < t.i:
                return c.i
        if t.dep_ not in CLAUSE_DEPS or t.head.i == t.i:
            break
        head = t.head
        if t.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in words and head.pos_ == "VERB":
            return head.i
        t = head
    if verb.sent[-1].text == "?" or any(tok.text == "?" for tok in verb.subtree):
        return verb.sent[-1].i
    return None


def _imperative(verb: Token) -> bool:
    """An order or a plea, not an event: a bare verb without subject or auxiliary heading its
    sentence or a clause of it ("don't hold federal workers hostage")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("do", "n't", "not") for c in verb.children)


def _historical(verb: Token, words: frozenset[str]) -> int | None:
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in words:
            return c.i
    # "the two and a half years since Moscow launched": a clause on a time noun via "since".
    if verb.dep_ in ("relcl", "acl", "advcl", "pcomp") and any(c.lower_ in words for c in verb.children):
        return verb.i
    prev = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > verb.sent.start else None
    if prev is not None and prev.lower_ in words and verb.dep_ in ("pcomp", "advcl", "relcl", "acl", "pobj"):
        return prev.i
    # Past perfect: "had launched".
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ == "VBD" for a in _aux(verb)):
        return verb.i
    return None


def _reported(verb: Token, words: frozenset[str], beliefs: frozenset[str] = frozenset()) -> int | None:
    """The event is what someone else says or believes: a complement of a reporting verb or of
    a verb or noun of belief (``beliefs``), or the main clause of "..., X said"."""
    claims = words | beliefs
    t = verb
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in claims:
            return t.head.i
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in claims and any(c.dep_ == "auxpass" for c in t.head.children):
            return t.head.i  # "X is said to ..."
        if (noun := _allegation(t, claims)) is not None:
            return noun.i
        if t.dep_ not in CLAUSE_DEPS or t.head.i == t.i:
            break
        t = t.head
    for c in verb.children:
        if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in words and c.i > verb.i:
            return c.i
    return None


def _allegation(clause: Token, words: frozenset[str]) -> Token | None:
    """The noun of allegation or belief whose content the clause is ("allegations Trump tried
    to", "the claim that Gondor attacked"): the noun it hangs from, or, as the parser often
    hangs such a clause on the verb, the noun right before it. The clause needs a subject of
    its own ("the report published by X" tells about the report)."""
    if clause.dep_ not in ("acl", "advcl", "ccomp") or not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    ):
        return None
    candidates = [clause.head]
    before = clause.left_edge.i - 1
    if before >= clause.sent.start:
        candidates.append(clause.doc[before])
    for noun in candidates:
        if noun.pos_ == "NOUN" and noun.i < clause.i and noun.lemma_.lower() in words:
            return noun
    return None
