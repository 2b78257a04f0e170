"""Phrases grouped by the noun they modify, and what coordination and prepositions share.

The dependency tree is climbed from each phrase through compound, amod, nmod, poss, appos
and flat links to the noun it modifies: "Russian Foreign Minister Sergei Lavrov" is one
group headed by Lavrov, "Russian state media" one headed by media. The parser's common
slips are mended here: a title and the name it cut off ("the Speaker of the House Nancy
Pelosi"), a second country hung on the agent ("lawmakers in Arnor and Gondor"), a list read
as an apposition. Cities named as locations ("in New York") leave the groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..tuning import TUNING
from .items import Item
from .resources import ActorResources

# Dependency links from a modifier to the noun it modifies, inside one noun phrase.
CLIMB = {"compound", "amod", "nmod", "poss", "appos", "flat", "nn"}
# Prepositions whose object lends its actor to an agent ("activists in Arnor").
PP_PREPS = {"of", "in", "from", "at"}
# Prepositions after which a city names where something happens ("the General Assembly in
# New York", "talks at the UN in Geneva"), not an actor. "to", "from" and "at" are left out:
# the destination of a visit and what is fired at are targets in event data.
LOCATIVE = TUNING.actor_place_prepositions  # tuning.toml


def phrase_root(doc: Doc, item: Item) -> Token:
    """The token of the phrase whose head lies outside it (the phrase's own head)."""
    for i in range(item.end - 1, item.start - 1, -1):
        h = doc[i].head.i
        if h < item.start or h >= item.end or h == i:
            return doc[i]
    return doc[item.end - 1]


def _climb(tok: Token, states: frozenset[int] = frozenset()) -> Token:
    """The noun ``tok`` modifies. ``states``: tokens of countries and territories, which
    take no apposition ("Gondor and Dagolath, the Osgiliath newspaper al-Raya said", "the
    last delegate from American Samoa, her first delegate": misparses)."""
    seen = 0
    while tok.dep_ in CLIMB and tok.head.i != tok.i and seen < 12:
        if tok.dep_ == "appos" and plural(tok) != plural(tok.head):
            # "Nancy Pelosi, ..., protesters in Hong Kong": a list the parser read as an
            # apposition; an apposition agrees in number with its noun.
            break
        if tok.dep_ == "appos" and tok.head.i in states:
            h = tok.head
            if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.i != h.head.i:
                # "the mayor of New Orleans, LaToya Cantrell": the name is the mayor's.
                tok = h.head.head
                seen += 1
                continue
            break
        tok = tok.head
        seen += 1
    return tok


def plural(t: Token) -> bool:
    """Is the token a plural noun?"""
    return t.tag_ in ("NNS", "NNPS")


@dataclass
class Group:
    head: Token
    items: list[Item] = field(default_factory=list)
    pp: list[Item] = field(default_factory=list)
    # Further actors conjoined to the PP actor: "the ambassadors of Arnor, Osgiliath and Gondor"
    # is one compound actor ARNGOV/OSGGOV/GONGOV, as TABARI writes compound actors.
    alts: list[list[Item]] = field(default_factory=list)
    org: tuple[int, int] | None = None  # tokens of the organisation name the group is
    # Items shared from a conjoined group ("Danish" in "the Danish media and government"):
    # they code the group but are not part of its mention.
    borrowed: list[Item] = field(default_factory=list)


def _listed_after(doc: Doc, h: Token, c: Token) -> bool:
    """``c`` follows ``h``'s phrase with only a comma or a conjunction between them."""
    between = range(h.i + 1, c.left_edge.i)
    return all(doc[i].dep_ in ("cc", "punct") or doc[i].head.i == h.i and doc[i].dep_ == "compound" for i in between)


def _conjuncts(tok: Token) -> list[Token]:
    """The tokens conjoined to ``tok`` ("Arnor, Osgiliath and Gondor": Osgiliath, Gondor)."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def group_items(doc: Doc, items: list[Item]) -> list[Group]:
    """Items grouped by the noun they modify; then what coordination and prepositions share.

    - An agent group with no actor takes the actors of an "of/in/from/at" phrase ("human
      rights activists in Arnor"); conjoined actors give one group each ("the ambassadors of
      Arnor, Osgiliath and Gondor": three groups).
    - An agent group with no actor conjoined to a group with actors shares its actors and
      modifying agents ("Danish Islamist media and government": the government is Danish).
    """
    by_head: dict[int, Group] = {}
    states = frozenset(i for it in items if it.state for i in range(it.start, it.end))
    # The phrases of one organisation's name are one group, headed by the name's head.
    climbed = [_climb(phrase_root(doc, Item(*it.org, "org") if it.org else it), states) for it in items]
    inside = {i: k for k, it in enumerate(items) for i in range(it.start, it.end)}
    for k, it in enumerate(items):
        h = climbed[k]
        other = inside.get(h.i, k)
        if other != k and not items[other].org and not it.org:
            # A modifier the parser hung on a word inside another phrase ("a Berlin non -
            # profit": Berlin on "non") modifies that phrase: it joins the phrase's group.
            h = climbed[other]
        g = by_head.setdefault(h.i, Group(h))
        g.items.append(it)
        g.org = g.org or it.org
    owner: dict[int, Group] = {}  # token -> group whose head phrase covers it
    for g in by_head.values():
        for it in g.items:
            if g.head.i in it:
                for i in range(it.start, it.end):
                    owner[i] = g
        owner.setdefault(g.head.i, g)
    # A title inside a group owns its tokens too: "Prime Minister of India Narendra Modi"
    # takes "of India" although Modi heads the group.
    for g in by_head.values():
        for it in g.items:
            if it.kind == "agent":
                for i in range(it.start, it.end):
                    owner.setdefault(i, g)

    def bare_agents(g: Group, prep: str) -> bool:
        # Agents with no actor; or a title and the name of its holder, who takes the country
        # of an "of"/"from" phrase ("the mayor of New Orleans, LaToya Cantrell", "Senator
        # Marco Rubio of Florida"); compose_groups uses it only when the name has no code.
        head = next((it for it in g.items if g.head.i in it), None)
        if not any(it.kind == "agent" for it in g.items):
            return False
        if head is not None and (head.kind == "agent" or head.person) and prep in ("of", "from"):
            return all(it.kind == "agent" or it.person for it in g.items)
        return all(it.kind == "agent" for it in g.items)

    # A name right after a title's prepositional phrase is the title holder, whatever the
    # parser hangs on what: "US Ambassador to Germany Richard Grenell" is one person.
    for g in list(by_head.values()):
        h = g.head
        if h.dep_ != "pobj" or h.head.dep_ != "prep" or not any(it.person and h.i in it for it in g.items):
            continue
        prep = h.head
        target = owner.get(prep.head.i)
        if target is None or target is g or prep.head.i not in by_head or target.pp:
            continue
        title = next((it for it in target.items if prep.head.i in it), None)
        if title is None or title.kind != "agent":
            continue
        if max(it.end for it in target.items) != prep.i or min(it.start for it in g.items) != prep.i + 1:
            continue
        target.items.extend(g.items)
        for it in g.items:
            for i in range(it.start, it.end):
                owner[i] = target
        del by_head[h.i]

    for g in list(by_head.values()):
        h = g.head
        if h.i not in by_head or h.dep_ != "pobj" or h.head.dep_ != "prep" or h.head.lower_ not in PP_PREPS:
            continue
        target = owner.get(h.head.head.i)
        if target is None or target is g or not bare_agents(target, h.head.lower_) or target.pp:
            continue
        if any(it.kind == "agent" for it in g.items):
            continue
        target.pp.extend(g.items)
        del by_head[h.i]
        # Actors conjoined to the PP object; the parser often hangs the second one on the
        # agent instead ("lawmakers in Arnor and Gondor": Gondor a conjunct of lawmakers):
        # a conjunct of the agent that follows the PP object is one of its actors too.
        conj = _conjuncts(h) + [c for c in _conjuncts(target.head) if c.i > h.i and _listed_after(doc, h, c)]
        for c in conj:
            joined = by_head.get(c.i)
            if joined is not None and joined is not target and all(it.kind == "actor" for it in joined.items):
                target.alts.append(list(joined.items))
                del by_head[c.i]
    # A title whose holder's name the parser hung elsewhere ("the Speaker of the House Nancy
    # Pelosi", "energy minister Georgios Lakkotrypis" read as conjuncts): a group of agents
    # followed at once by a group headed by a name is one group.
    # So is a country the parser cut from the title after it ("between Trump and Ukraine
    # President Volodymyr Zelensky": Ukraine read as a conjunct of Trump).
    starting = {it.start: (g, it) for g in by_head.values() for it in g.items}
    for g in sorted(by_head.values(), key=lambda g: min(it.start for it in g.items)):
        last = max(g.items, key=lambda it: it.end)
        nxt, first = starting.get(last.end, (None, None))
        if nxt is None or first is None or nxt is g or g.head.i not in by_head or nxt.head.i not in by_head:
            continue
        if g.pp or nxt.pp or nxt.org or g.org:
            continue
        titled = last.kind == "agent" or last.kind == "actor" and not last.person and not last.state
        if titled and first.person and all(it.start >= last.end for it in nxt.items):
            into, gone = g, nxt
        elif len(g.items) == 1 and last.state and first.kind == "agent" and any(it.person for it in nxt.items):
            into, gone = nxt, g
        else:
            continue
        into.items.extend(gone.items)
        for it in gone.items:
            starting[it.start] = (into, it)
            for i in range(it.start, it.end):
                owner[i] = into
        del by_head[gone.head.i]
    for g in list(by_head.values()):
        h = g.head
        if h.dep_ != "conj" or g.pp or g.org or not any(it.kind == "agent" for it in g.items):
            continue
        if any(it.kind != "agent" and not it.person for it in g.items):
            continue  # it has actors of its own
        lead = owner.get(h.head.i)
        if lead is None or lead is g:
            continue
        # What the lead conjunct's head noun carries: its countries and organisations, and
        # the agents modifying a head agent ("Danish Islamist media and government"), not a
        # person nor that person's title ("Cypriot president Nicos Anastasiades and energy
        # minister Georgios Lakkotrypis": the minister is Cypriot, not Anastasiades).
        head_item = next((it for it in lead.items if lead.head.i in it), None)
        actors = [it for it in lead.items if it.kind != "agent" and not it.person and it is not head_item]
        if not actors and not lead.pp:
            continue
        modifiers = []
        if head_item is not None and head_item.kind == "agent":
            modifiers = [it for it in lead.items if it.kind == "agent" and it is not head_item]
        g.items = actors + modifiers + g.items
        g.borrowed = actors + modifiers
        g.pp = list(lead.pp)
        g.alts = [list(a) for a in lead.alts]
    return sorted(by_head.values(), key=lambda g: (min(it.start for it in g.items + g.pp), g.head.i))


def split_locations(
    doc: Doc, groups: list[Group], res: ActorResources, toks: list[str], day: date | None
) -> tuple[list[Group], list[tuple[int, str]]]:
    """Groups without the cities named as locations, and those cities' (token, country code).

    A group that is only a phrase naming a city or region (``Dictionaries.places``), as the
    object of a locative preposition ("in New York", "at the UN in Geneva"), or conjoined to
    one ("in Moscow and Kyiv"), is a place. A city that acts ("New York sued", "Moscow
    said") or owns something ("Moscow's decision") stays an actor.
    """
    places = res.dicts.places
    kept: list[Group] = []
    located: list[tuple[int, str]] = []
    for g in groups:
        it = g.items[0] if len(g.items) == 1 and not g.pp and not g.alts else None
        if it is None or it.kind != "actor" or g.head.i not in it or tuple(toks[it.start : it.end]) not in places:
            kept.append(g)
            continue
        t = g.head
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
            code = res.dicts.actors[it.ref].code_on(day)
            if code:
                located.append((it.start, code[:3]))
            continue
        kept.append(g)
    return kept, located
