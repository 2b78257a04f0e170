"""Sources and targets: actor mentions found through the parse.

A source not named by a pattern is the verb's subject (the ``by`` agent of a passive), else
the subject of the clause it depends on; a target is the passive subject, else the first actor
after the verb in its phrase (PETRARCH's reading of the verb phrase). Coordinated actors come
along (``Gondor and Osgiliath``, ``the ambassadors of Arnor, Osgiliath and Gondor``).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon, syntax
from .sentence import Mention, SentenceView
from .triggers import Trigger


def _mention_head(view: SentenceView, m: Mention) -> Token:
    doc = view.sent.doc
    for i in range(m.start, m.end):
        if not (m.start <= doc[i].head.i < m.end) or doc[i].head.i == i:
            return doc[i]
    return doc[m.end - 1]


_CLAUSES_ON_NOUNS = ("relcl", "acl", "ccomp", "advcl", "conj", "cc", "parataxis")


def mentions_under(view: SentenceView, head: Token) -> Mention | None:
    """The mention containing ``head``, else the first mention in its phrase (not in clauses
    hanging from it, nor in its own conjuncts)."""
    m = view.mention_at(head.i)
    if m is not None and head.i not in view.ignored:
        return m
    blocked: set[int] = set()
    for c in head.children:
        if c.dep_ in _CLAUSES_ON_NOUNS:
            blocked |= syntax.subtree_indices(c)
    found = view.mentions_in(syntax.subtree_indices(head) - blocked)
    return found[0] if found else None


def expand(view: SentenceView, mention: Mention) -> list[Mention]:
    """The mention and the mentions coordinated with it (``Gondor and Osgiliath``,
    ``the ambassadors of Arnor, Osgiliath and Gondor``)."""
    doc = view.sent.doc
    out: list[Mention] = [mention]
    head = _mention_head(view, mention)
    heads = [head] + [doc[i] for i in range(mention.start, mention.end)]
    # A mention inside a larger noun ("the European Union (EU)", "Ithilen's sheep"): the
    # coordination is on that noun.
    anchor = head
    while anchor.dep_ in ("compound", "nmod", "appos", "poss", "amod") and anchor.head.i != anchor.i:
        anchor = anchor.head
        heads.append(anchor)
    for h in heads:
        for c in syntax.conjuncts(h):
            if mention.contains(c.i):
                continue
            m = mentions_under(view, c)
            if m is not None and m not in out:
                out.append(m)
    return sorted(out, key=lambda m: m.start)


def _phrase_mentions(view: SentenceView, head: Token) -> list[Mention]:
    """Mentions of a noun phrase and of the phrases coordinated with it ("the information
    ministry of Gondor and the Nasgul")."""
    out: list[Mention] = []
    for c in syntax.conjuncts(head):
        m = mentions_under(view, c)
        if m is not None:
            out.extend(x for x in expand(view, m) if x not in out)
    return sorted(out, key=lambda m: m.start)


def same(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return False
    if a is b or (a.actor is not None and a.actor == b.actor):
        return True
    return a.code is not None and a.code == b.code


def default_sources(view: SentenceView, verb: Token, used: list[Mention]) -> list[Mention]:
    """Source mentions from the syntax (see the module doc), expanded over conjuncts."""
    candidates: list[list[Token]] = []
    if syntax.is_passive(verb):
        candidates.append(syntax.agents(verb))
    else:
        candidates.append(syntax.subjects(verb))
        candidates.append(syntax.inherited_subject(verb)[0])
        # A complement clause takes the subject of the clause above when its own is
        # unusable ("Ethiopia indicated it deplored Libya", "X noted that Y regretted").
        t = verb
        for _ in range(4):
            if t.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or t.head.i == t.i:
                break
            if t.dep_ == "ccomp" and t.i < t.head.i:
                break  # "X welcomed Y, the agency said": the agency is not X
            t = t.head
            candidates.append(syntax.agents(t) if syntax.is_passive(t) else syntax.subjects(t))
    for heads in candidates:
        for h in heads:
            if verb.dep_ in ("relcl", "acl") and h.i == verb.head.i and _inside_list(verb):
                # "..., Knapp, who founded the party; and Gunzburger": the clause is on one
                # item of the list only.
                m = mentions_under(view, h)
                found = [m] if m is not None and not any(same(m, u) for u in used) else []
            else:
                found = [m for m in _phrase_mentions(view, h) if not any(same(m, u) for u in used)]
            if found:
                return found
    return []


def _inside_list(clause: Token) -> bool:
    """Does a clause on a noun stand between items of that noun's list ("A, who ..., and B")?"""
    end = max(t.i for t in clause.subtree)
    return any(c.i > end for c in syntax.conjuncts(clause.head))


def default_targets(view: SentenceView, trig: Trigger, lower: list[int], avoid: list[Mention]) -> list[Mention]:
    """Target mentions: the passive subject, else the first actor after the verb."""
    verb = trig.verb
    if syntax.is_passive(verb):
        heads = syntax.subjects(verb) or syntax.inherited_subject(verb)[0]
        for h in heads:
            found = [m for m in _phrase_mentions(view, h) if not any(same(m, a) for a in avoid)]
            if found:
                return found
        return []
    return first_after(view, trig, lower, avoid)


# Prepositions that say where something happened ("visited the wounded in hospital", "was
# murdered in the consulate"). Not "at": "fired at the police" names the target.
LOCATIVE = frozenset({"in", "near", "outside", "inside", "within"})


def is_located(view: SentenceView, m: Mention, verb: Token) -> bool:
    """Is the mention a building or institution (``locative_nouns.tsv``) in a locative phrase of
    the verb's clause ("visiting the wounded in hospital", "murdered in the Saudi consulate",
    "challenge the oath in court")? That is where the event happened, not a participant. A
    country or city stays a target, as PETRARCH reads it ("appealed for peace in Ithilen")."""
    head = _mention_head(view, m)
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE:
        return False
    if head.lemma_.lower() not in lexicon.locative_nouns() and head.lower_ not in lexicon.locative_nouns():
        return False
    return syntax.clause_of(head.head) == verb


def content_clauses(verb: Token, considered: bool) -> set[int]:
    """Tokens of the clauses that say what the verb says, thinks or wants: a finite complement
    but its subject ("said the plane [came from Bishkek]"), and for a verb that only
    considers or wishes (``considered``) its whole complement ("mulling [whether to give
    Ukraine ...]"). The actors there are the content's, not the verb's target."""
    out: set[int] = set()
    for c in verb.children:
        if considered and c.dep_ in ("ccomp", "xcomp") and c.i > verb.i:
            out |= syntax.subtree_indices(c)
        elif c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and (subj := syntax.subjects(c)):
            # The clause's subject is what it is about: "Arnor believes [Dagolath] can cope" is
            # Arnor's statement on Dagolath (PETRARCH's reading); the rest is content.
            out |= syntax.subtree_indices(c) - {i for s in subj for i in syntax.subtree_indices(s)}
    return out


def first_after(view: SentenceView, trig: Trigger, lower: list[int], avoid: list[Mention]) -> list[Mention]:
    """The first actor after the verb in its clause, with its conjuncts; not a place of the
    verb's phrase ("visiting the wounded in hospital")."""
    for m in view.mentions_in(set(lower)):
        if m.start <= trig.last or any(same(m, a) for a in avoid):
            continue
        if is_located(view, m, trig.verb):
            continue
        # Its conjuncts come along even when one is also the source ("between Calenardhon
        # and Gondor" after "Arnor and Gondor"): the pairs drop self-events.
        return expand(view, m)
    return []


def new_actor(view: SentenceView, head: Token, limit: int) -> Mention | None:
    """An uncoded noun phrase of at most ``limit`` words taken as an actor (PETRARCH's
    ``new_actor_length``): the noun with its modifiers and ``of`` phrase, no clauses."""
    if limit <= 0 or head.pos_ not in ("NOUN", "PROPN"):
        return None
    blocked: set[int] = set()
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "ccomp", "advcl", "conj", "cc", "parataxis") or (
            c.dep_ == "prep" and c.lower_ != "of"
        ):
            blocked |= syntax.subtree_indices(c)
    toks = [t for t in head.subtree if t.i not in blocked and not t.is_punct and t.dep_ != "case"]
    if not toks or len(toks) > limit or any(view.mention_at(t.i) for t in toks):
        return None
    toks.sort(key=lambda t: t.i)
    text = " ".join(view.words[t.i] for t in toks)
    return Mention(toks[0].i, toks[-1].i + 1, None, f'"{text}"', new=True)


def new_target(view: SentenceView, trig: Trigger, lower: list[int], limit: int) -> list[Mention]:
    """The first object noun phrase after the verb as a new actor, if it is short enough
    (a longer phrase is not searched for a shorter one inside it)."""
    doc = view.sent.doc
    for i in lower:
        t = doc[i]
        if t.dep_ in ("dobj", "pobj", "dative", "attr") and i not in view.ignored and i > trig.last:
            m = new_actor(view, t, limit)
            return [m] if m is not None else []
    return []


def clause_subjects(verbs: list[Token]) -> set[int]:
    """Tokens of the subjects of the verbs' complement clauses: what a statement is about
    ('He noted, "[The government] has always claimed ..."', "called for [NATO] to ...")."""
    out: set[int] = set()
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("ccomp", "parataxis") or _for_clause(c):
                for subj in syntax.subjects(c):
                    out |= syntax.subtree_indices(subj)
    return out


def _for_clause(c: Token) -> bool:
    return c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)


def adverbial_clauses(verbs: list[Token], verbal: bool = False) -> set[int]:
    """Tokens of the participle and purpose clauses of the verbs ("held a press conference
    [discussing Iran]", "gathered in Cairo [to discuss Libya]"): they tell why or how, and
    their actors are no targets of the verb (but "called for [NATO] to increase spending"
    names whom the call is for)."""
    out: set[int] = set()
    for verb in verbs:
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for c in verb.children:
            if c.dep_ != "advcl" or c.i < verb.i:
                continue
            # After an object an infinitive may be the object's ("signed an accord to supply
            # Gondor": the parser cannot tell), so only a participle or an infinitive after
            # an intransitive verb is taken for a clause of purpose or manner.
            if c.tag_ == "VBG" or not has_object or verbal:
                out |= syntax.subtree_indices(c)
                if _for_clause(c):
                    for subj in syntax.subjects(c):
                        out -= syntax.subtree_indices(subj)
        if verbal:
            # Said, asked, met about something: a participle or infinitive on the object
            # says what it is about ("held a press conference discussing Iran", "announced
            # an initiative to be unveiled at the UN"); a passive participle names who
            # ("welcomed memos sent by Bree") and stays.
            for c in verb.children:
                if c.dep_ not in ("dobj", "dative", "attr", "prep"):
                    continue
                for t in c.subtree:
                    if t.dep_ == "acl" and (
                        t.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
                    ):
                        out |= syntax.subtree_indices(t)
    return out
