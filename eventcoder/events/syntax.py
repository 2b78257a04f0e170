"""What the dependency parse says about a verb: its subject, its domain, its conjuncts.

spaCy's English pipelines use ClearNLP labels: ``nsubj``/``nsubjpass`` subjects, ``agent``
(``by``) for the agent of a passive, ``dobj``/``dative`` objects, ``prep``/``pobj``, ``xcomp``
and ``ccomp`` complements, ``conj`` coordination, ``relcl``/``acl`` clauses on nouns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp")
# Clauses on a verb that start a domain of their own (not searched for the verb's target).
_OWN_CLAUSES = ("conj", "parataxis")


def is_verb(token: Token) -> bool:
    """A content verb (not an auxiliary): a candidate trigger."""
    if token.dep_ in ("aux", "auxpass"):
        return False
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def is_predicative(verb: Token) -> bool:
    """A verb with an object and an object predicate: "called it unlikely", "called its actions
    defensive" (not a resultative without object: "was shot dead")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    return any(g.pos_ == "ADJ" and g.i > o.i and g.dep_ in ("acl", "amod") for o in objects for g in o.children)


def is_passive(verb: Token) -> bool:
    """A passive verb: a passive subject or auxiliary, or a participle with a ``by`` agent."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)
    )


def subjects(verb: Token) -> list[Token]:
    """The verb's own subject heads (``nsubj``/``nsubjpass``), also when the parser hung
    them on its auxiliary ("The Philippines was ... criticized")."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not out:
        for a in verb.children:
            if a.dep_ in ("aux", "auxpass") and a.i < verb.i:
                out.extend(c for c in a.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


def agents(verb: Token) -> list[Token]:
    """The nouns of a passive's ``by`` phrase."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def inherited_subject(verb: Token) -> tuple[list[Token], str]:
    """Subject heads of a verb that has none of its own, and how they were found.

    An infinitive or adjective complement (``Arnor is about to restore``, ``vowed to wage``),
    a coordinated verb (``condemned ... and promised``) and an adverbial clause take the
    subject of the word they depend on; ``relcl``/``acl`` clauses take the noun they modify.
    """
    v = verb
    for _ in range(6):
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return [v.head], "modified noun"
        if v.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep") and v.head.i != v.i:
            v = v.head
            own = subjects(v)
            if own:
                return own, "inherited"
            continue
        break
    return [], ""


def own_phrases(verb: Token, tokens: Iterable[int]) -> set[int]:
    """``tokens`` minus those in the verb's complements and clauses (predicates, infinitives,
    clauses of their own): what is left are its objects and prepositional phrases."""
    blocked: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl", "conj", "parataxis", "relcl", "acl"):
            blocked |= subtree_indices(c)
    for t in verb.subtree:
        if t.dep_ in ("pcomp", "relcl", "acl", "ccomp", "advcl") and t.i != verb.i:
            blocked |= subtree_indices(t)
    return set(tokens) - blocked


def subtree_indices(token: Token) -> set[int]:
    """The indices of the token's subtree."""
    return {t.i for t in token.subtree}


def phrase_root(verb: Token) -> Token:
    """The head of the verb phrase a verb completes: ``is`` for ``Arnor is about to restore``
    (PETRARCH's verb phrase also holds what hangs from there: "..., years after X did Y")."""
    t = verb
    for _ in range(6):
        if t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return t


def domain(verb: Token, skip: Iterable[Token] = ()) -> set[int]:
    """Token indices of the verb's phrase (from its ``phrase_root``): the subtree minus
    coordinated clauses (they are coded on their own) and minus ``skip`` subtrees (the
    subject)."""
    root = phrase_root(verb)
    out = subtree_indices(root)
    for c in root.children:
        if c.dep_ in _OWN_CLAUSES and c.pos_ in ("VERB", "AUX") and c.i != verb.i:
            out -= subtree_indices(c)
    for c in verb.children:
        if c.dep_ in _OWN_CLAUSES and c.pos_ in ("VERB", "AUX"):
            out -= subtree_indices(c)
    for s in list(skip) + subjects(root):
        out -= subtree_indices(s)
    return out


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it (``A, B and C``), in text order."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out = [first]
    stack = [first]
    while stack:
        t = stack.pop()
        for c in t.children:
            # An apposition heading a list is an item of it ("Mordor, the Shire, Fornost and
            # Bree" parsed as Mordor <- appos Shire <- conj Fornost...).
            if c.dep_ == "conj" or (c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def clause_of(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the token itself for a verb)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def ancestors_until_clause(verb: Token) -> Iterator[Token]:
    """The verbs governing ``verb`` through complement clauses, nearest first."""
    t = verb
    while t.head.i != t.i and t.dep_ in CLAUSE_DEPS:
        t = t.head
        yield t


def clause_tokens(verb: Token) -> set[int]:
    """The verb's own clause: its subtree without embedded clauses."""
    out = {verb.i}
    stack = [c for c in verb.children]
    while stack:
        t = stack.pop()
        if t.dep_ in CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"):
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out
