"""Sources and targets: actor mentions found through the parse.

A source not named by a pattern is the verb's subject (the ``by`` agent of a passive), else
the subject of the clause it depends on; a target is the passive subject, else the first actor
after the verb in its phrase (PETRARCH's reading of the verb phrase). Coordinated actors come
along (``Gondor and Osgiliath``, ``the ambassadors of Arnor, Osgiliath and Gondor``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tuning import TUNING
from . import syntax
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
            if mention.contains(c.i) or c.i == h.i:
                # The noun the mention modifies is no item of a list: its other modifiers
                # ("[Brussels]-based [media] network") are not coordinated with it.
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
    """Do two mentions name the same actor?"""
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


def default_targets(
    view: SentenceView, trig: Trigger, lower: list[int], avoid: list[Mention], named: frozenset[int] = frozenset()
) -> list[Mention]:
    """Target mentions: the passive subject, else the first actor after the verb."""
    verb = trig.verb
    if syntax.is_passive(verb):
        heads = syntax.subjects(verb) or syntax.inherited_subject(verb)[0]
        for h in heads:
            found = [m for m in _phrase_mentions(view, h) if not any(same(m, a) for a in avoid)]
            if found:
                return found
        return []
    return first_after(view, trig, lower, avoid, named)


# Prepositions that say where something happened ("visited the wounded in hospital", "was
# murdered in the consulate"). Not "at": "fired at the police" names the target.
LOCATIVE = TUNING.locative_prepositions  # tuning.toml


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
    if head.lemma_.lower() not in view.lex.locative and head.lower_ not in view.lex.locative:
        return False
    return syntax.clause_of(head.head) == verb


# A place after these prepositions on the verb itself says where the event happened ("received
# treatment in New Zealand"); after "on"/"at" a verb may name its party ("sanctions on Iran",
# "fired at Gondor"), so only a venue noun takes those as places ("a meet on Crete").
_VERB_PLACE_PREPS = frozenset({"in", "inside", "near", "outside", "within", "across", "throughout"})
_VENUE_PREPS = frozenset({"in", "on", "at"})
# Prepositions of comparison and role: "decriminalization of drugs like Portugal" compares,
# "resigned as the governor of Puerto Rico" names a role; neither names a party.
_COMPARISON = frozenset({"like", "unlike"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def place_phrase(view: SentenceView, m: Mention) -> tuple[Token, Token]:
    """The noun phrase the mention names or modifies, and that phrase's governing token: the
    mention's head, climbing over modifiers ("a [Delaware] computer repair shop"), appositions
    and an uncoded noun's ``of`` ("the city of [Omsk]")."""
    head = _mention_head(view, m)
    for _ in range(8):
        up = head.head
        if up.i == head.i:
            break
        if head.dep_ in ("compound", "amod", "nmod", "appos", "npadvmod"):
            head = up
        elif (
            head.dep_ == "pobj" and up.lower_ == "of" and up.head.pos_ == "NOUN" and view.mention_at(up.head.i) is None
        ):
            head = up.head
        else:
            break
    return head, head.head


def _in_role(view: SentenceView, m: Mention, verb: Token, named: frozenset[int]) -> bool:
    """Does the mention lie in an "as" phrase of the verb ("resigned as the governor of Puerto
    Rico"), the role of its subject?"""
    t = _mention_head(view, m)
    for _ in range(12):
        if t.head.i == t.i or t.i == verb.i:
            return False
        if t.dep_ == "prep" and t.lower_ == "as" and t.head.i == verb.i:
            return t.i not in named
        t = t.head
    return False


def is_setting(view: SentenceView, m: Mention, verb: Token, named: frozenset[int] = frozenset()) -> bool:
    """Is the mention where (or like what) the event happened rather than a party to it? ``named``:
    tokens the matched pattern names (a preposition the pattern spells out makes an argument).

    A place is a token of ``view.places`` (places, actors named by a place) or a GPE/LOC/FAC entity.

    - a place after a locative preposition on the verb: "received treatment in New Zealand";
    - a place after in/on/at on a gathering or service (``venue_nouns.tsv``): "a meet on Crete";
    - a place modifying a building ("at a Delaware computer repair shop", ``locative_nouns.tsv``)
      or saying where something is based ("Brussels-based media");
    - an actor of a comparison ("drugs like Portugal") or of the subject's role ("resigned as
      the governor of Puerto Rico");
    - the object of "by" on an active verb (an agent of something else: "announced the tests
      by a military laboratory" as the parser hangs it).

    A place in a phrase of another noun stays a party, as PETRARCH reads it ("appealed for
    peace in Ithilen")."""
    doc = view.sent.doc
    tokens = [doc[i] for i in range(m.start, m.end)]
    place = any(t.ent_type_ in _PLACE_ENTITIES or t.i in view.places for t in tokens)
    phrase, prep = place_phrase(view, m)
    if any(t.lower_ == "based" and t.tag_ == "VBN" for t in (phrase, *[x.head for x in tokens])):
        return True
    if _in_role(view, m, verb, named):
        return True
    if phrase.dep_ != "pobj" or prep.i in named:
        return False
    if prep.lower_ in _COMPARISON:
        return True
    if prep.lower_ == "by" and prep.head.i == verb.i and not syntax.is_passive(verb):
        return True
    if not place:
        return False
    nouns = view.lex.locative
    if (
        phrase.i >= m.end  # a modifier before its noun, not "the province of Banten"
        and prep.lower_ in LOCATIVE | {"at"}
        and (phrase.lemma_.lower() in nouns or phrase.lower_ in nouns)
    ):
        return True  # the mention only modifies the building: "at a Delaware repair shop"
    if prep.head.i == verb.i and prep.lower_ in _VERB_PLACE_PREPS and _has_object(verb, prep, view):
        # "received treatment in New Zealand"; without an object the place may be the verb's
        # goal ("arrived in Gondor", "was shot dead in Osgiliath" as PETRARCH reads them).
        return True
    owner = prep.head
    return prep.lower_ in _VENUE_PREPS and owner.pos_ == "NOUN" and owner.lemma_.lower() in view.lex.venue


def _has_object(verb: Token, prep: Token, view: SentenceView) -> bool:
    """Does the verb have a direct object before the preposition, and one that is no place
    ("visiting the town of Pandeglang in the province of Banten": the place is the visit's)?"""
    return any(
        c.dep_ == "dobj"
        and c.i < prep.i
        and c.lemma_.lower() not in view.lex.locative
        and not any(t.ent_type_ in _PLACE_ENTITIES or t.i in view.places for t in c.subtree if t.i < prep.i)
        for c in verb.children
    )


def is_modifier(view: SentenceView, m: Mention) -> bool:
    """Does the mention only modify a noun that is no actor ("[Libya]-Turkey relations", "a [US]
    dollar reward", "[military] spending")? Such a phrase is about a thing, not an actor."""
    head = _mention_head(view, m)
    if head.dep_ not in ("compound", "amod", "nmod"):
        return False
    noun = head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    return noun.pos_ == "NOUN" and not m.contains(noun.i) and view.mention_at(noun.i) is None


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
        elif c.dep_ == "ccomp" and c.i > verb.i:
            # No subject to be about: "announced the tests by a laboratory [found Novichok in
            # Navalny's blood]" (the parser took the subject for the verb's object), "suggested
            # [there were not enough votes in the Senate]". The clause is content.
            out |= syntax.subtree_indices(c)
    return out


def first_after(
    view: SentenceView, trig: Trigger, lower: list[int], avoid: list[Mention], named: frozenset[int] = frozenset()
) -> list[Mention]:
    """The first actor after the verb in its clause, with its conjuncts; not a place of the
    verb's phrase ("visiting the wounded in hospital", "treatment in New Zealand")."""
    for m in view.mentions_in(set(lower)):
        if m.start <= trig.last or any(same(m, a) for a in avoid):
            continue
        if is_located(view, m, trig.verb) or is_setting(view, m, trig.verb, named):
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
                    elif t.dep_ == "pcomp" and t.tag_ == "VBG":
                        # A gerund after a preposition is the topic ("argued against re-entering
                        # the Paris Climate Accord", "concern about the nation losing its
                        # sovereignty to corporations"); only its subject may be whom it is about.
                        out |= syntax.subtree_indices(t) - {
                            i for s in syntax.subjects(t) for i in syntax.subtree_indices(s)
                        }
    return out
