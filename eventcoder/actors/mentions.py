"""From a parsed document to candidate actor mentions.

1. Dictionary phrases (actors and agents) are found with the compiled tries, the longest
   phrases first, and persons that no dictionary knows come from spaCy's PERSON entities.
2. Phrases that modify the same noun form a group: the dependency tree is climbed from
   each phrase through compound, amod, nmod, poss, appos and flat links to the noun they
   modify. "Russian Foreign Minister Sergei Lavrov" is one group headed by Lavrov;
   "Russian state media" one group headed by media. An agent group with no actor of its
   own takes the actor of an "of/in/from/at" phrase ("human rights activists in Arnor").
3. Each group is coded as TABARI/PETRARCH do: the head actor's own code when the head is a
   coded actor, else the country (or actor) composed with the agents' codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..dictionaries import ActorEntry, AgentEntry
from .codes import compose
from .resources import ActorResources

# Dependency links from a modifier to the noun it modifies, inside one noun phrase.
CLIMB = {"compound", "amod", "nmod", "poss", "appos", "flat", "nn"}
# Prepositions whose object lends its actor to an agent ("activists in Arnor").
PP_PREPS = {"of", "in", "from", "at"}
FORMER = {"former", "ex", "ex-"}
COUNTERPART = {"counterpart", "counterparts", "opposite"}


@dataclass
class Item:
    """A phrase found in the text: tokens ``start:end``.

    ``kind``: "actor" (``ref`` indexes the actor entries), "agent" (``ref`` indexes the
    agents) or "person" (a PERSON entity no dictionary knows; ``ref`` is -1).
    """

    start: int
    end: int
    kind: str
    ref: int = -1

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass
class Mention:
    """A candidate mention of one actor (before coreference joins mentions into actors)."""

    start: int  # token span
    end: int
    kind: str  # "entry" (dictionary), "person" (unknown person), "agent" (agents only)
    code: str | None
    rule: str
    entry: ActorEntry | None = None
    agents: list[AgentEntry] = field(default_factory=list)
    composed: bool = False  # the code adds agents to the entry's own code
    name_tokens: tuple[int, int] | None = None  # the person's name tokens (start, end)
    country_from: str | None = None  # the country code given in the group, if any
    needs_country: bool = False  # a titled person whose title names no country
    counterpart_of: int | None = None  # token index of the possessor of "counterpart"
    definite: bool = False  # "the minister": may refer back to a named person
    head: int = -1  # token index of the group's head noun
    title: tuple[int, int] | None = None  # tokens of the title (agents) in the mention

    def tokens(self) -> range:
        return range(self.start, self.end)


def _has_case(doc: Doc, start: int, end: int) -> bool:
    """True when a phrase is written with a capital or a digit (a name, not a common word)."""
    return any(any(c.isupper() or c.isdigit() for c in doc[i].text) for i in range(start, end))


def find_items(doc: Doc, res: ActorResources, toks: list[str]) -> list[Item]:
    """Dictionary phrases and unknown persons, not overlapping, in text order.

    ``toks`` are the document's tokens normalised with :func:`~eventcoder.dictionaries.norm`.
    """
    d = res.dicts
    aroot, groot = d.actor_trie.root, d.agent_trie.root
    # Words joined by "_" in the text ("Dol_Amroth", as dictionaries write them) are matched
    # as separate words; ``at`` maps each word back to its token.
    words, at = toks, None
    if any("_" in w and len(w) > 1 for w in toks):
        words, at = [], []
        for i, w in enumerate(toks):
            parts = [p for p in w.split("_") if p] or [w]
            words.extend(parts)
            at.extend([i] * len(parts))
    cands: list[Item] = []
    for j, w in enumerate(words):
        for trie, root, kind in ((d.actor_trie, aroot, "actor"), (d.agent_trie, groot, "agent")):
            if w not in root:
                continue
            hit = trie.longest(words, j)
            if not hit:
                continue
            s, e = (j, hit[0]) if at is None else (at[j], at[hit[0] - 1] + 1)
            if at is not None and (j > 0 and at[j - 1] == s or hit[0] < len(at) and at[hit[0]] == e - 1):
                continue  # the phrase starts or ends inside a token
            if kind == "actor" and not _has_case(doc, s, e):
                continue
            cands.append(Item(s, e, kind, hit[1]))
    # Longest phrases first, actors before agents: "United Nations General Assembly" (one
    # actor) beats "the United Nations" + "General Assembly".
    cands.sort(key=lambda c: (-(c.end - c.start), c.kind != "actor", c.start))
    taken = [False] * len(doc)
    items: list[Item] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        for i in range(c.start, c.end):
            taken[i] = True
        items.append(c)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while s < e and not doc[s].is_alpha:
            s += 1
        while e > s and not doc[e - 1].is_alpha:
            e -= 1
        # A place name ending a person's name ("Lloyd Austin": Phoenix codes Austin as USA)
        # is not the place: the person wins over a bare country code. Not at the start of a
        # sentence, where a capitalised adjective fools the tagger ("Evil Mordor").
        inner = (
            []
            if doc[s].is_sent_start
            else [
                it
                for it in items
                if it.kind == "actor"
                and s < it.start
                and it.end == e
                and _is_country_code(res, d.actors[it.ref].code_on(None))
            ]
        )
        for it in inner:
            items.remove(it)
            for i in range(it.start, it.end):
                taken[i] = False
        # Titles spaCy sometimes puts inside the entity are agents ("President Smith").
        while s < e and taken[s] and not any(taken[s + 1 : e]) and e - s > 1:
            s += 1
        if s < e and not any(taken[s:e]) and _has_case(doc, s, e):
            for i in range(s, e):
                taken[i] = True
            items.append(Item(s, e, "person"))
    items.sort(key=lambda c: c.start)
    return items


def _root(doc: Doc, item: Item) -> Token:
    """The token of the phrase whose head lies outside it (the phrase's own head)."""
    for i in range(item.end - 1, item.start - 1, -1):
        h = doc[i].head.i
        if h < item.start or h >= item.end or h == i:
            return doc[i]
    return doc[item.end - 1]


def _climb(tok: Token) -> Token:
    seen = 0
    while tok.dep_ in CLIMB and tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
    return tok


@dataclass
class Group:
    head: Token
    items: list[Item] = field(default_factory=list)
    pp: list[Item] = field(default_factory=list)
    # Further actors conjoined to the PP actor: "the ambassadors of Arnor, Osgiliath and Gondor"
    # is one compound actor ARNGOV/OSGGOV/GONGOV, as TABARI writes compound actors.
    alts: list[list[Item]] = field(default_factory=list)


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
    for it in items:
        h = _climb(_root(doc, it))
        by_head.setdefault(h.i, Group(h)).items.append(it)
    owner: dict[int, Group] = {}  # token -> group whose head phrase covers it
    for g in by_head.values():
        for it in g.items:
            if g.head.i in it:
                for i in range(it.start, it.end):
                    owner[i] = g
        owner.setdefault(g.head.i, g)

    def bare_agents(g: Group) -> bool:
        return any(it.kind == "agent" for it in g.items) and all(it.kind == "agent" for it in g.items)

    for g in list(by_head.values()):
        h = g.head
        if h.i not in by_head or h.dep_ != "pobj" or h.head.dep_ != "prep" or h.head.lower_ not in PP_PREPS:
            continue
        target = owner.get(h.head.head.i)
        if target is None or target is g or not bare_agents(target) or target.pp:
            continue
        if any(it.kind == "agent" for it in g.items):
            continue
        target.pp.extend(g.items)
        del by_head[h.i]
        for c in _conjuncts(h):
            other = by_head.get(c.i)
            if other is not None and all(it.kind != "agent" for it in other.items):
                target.alts.append(list(other.items))
                del by_head[c.i]
    for g in list(by_head.values()):
        h = g.head
        if h.dep_ != "conj" or not bare_agents(g) or g.pp:
            continue
        first = owner.get(h.head.i)
        if first is None or first is g:
            continue
        actors = [it for it in first.items if it.kind != "agent"]
        if not actors and not first.pp:
            continue
        modifiers = [it for it in first.items if it.kind == "agent" and first.head.i not in it]
        g.items = actors + modifiers + g.items
        g.pp = list(first.pp)
    return sorted(by_head.values(), key=lambda g: (min(it.start for it in g.items + g.pp), g.head.i))


def _is_country_code(res: ActorResources, code: str | None) -> bool:
    if not code or "/" in code or len(code) != 3:
        return False
    country, sector = res.sectors.split(code)
    return country is not None and sector is None


def compose_groups(doc: Doc, groups: list[Group], res: ActorResources, day: date | None) -> list[Mention]:
    """Code every group (one mention per group, plus separate mentions for other actors)."""
    actors, agents = res.dicts.actors, res.dicts.agents
    out: list[Mention] = []
    for g in groups:
        h = g.head
        head_item = next((it for it in g.items if h.i in it), None)
        direct = [it for it in g.items if it.kind != "agent"]
        ags = [it for it in g.items if it.kind == "agent"]
        code_of = {id(it): actors[it.ref].code_on(day) for it in direct + g.pp if it.kind == "actor"}
        # Bare country codes ("Russian", "U.S.") modify; a person or organisation is the actor.
        heads = [it for it in direct if it.kind == "person" or not _is_country_code(res, code_of[id(it)])]
        if head_item is not None and head_item.kind != "agent":
            base = head_item
        elif heads:
            base = heads[-1]
        elif direct:
            before = [it for it in direct if it.start <= h.i]
            base = (before or direct)[-1]
        elif g.pp and ags:
            base = next((it for it in g.pp if it.kind != "agent"), None)
        else:
            base = None
        used_pp = base is not None and base in g.pp
        # Other actors of the group: a bare country code ("Russian", "U.S.") is absorbed into
        # the group's actor; any other actor keeps its own mention.
        absorbed: list[Item] = []
        separate: list[Item] = []
        base_is_country = base is not None and base.kind == "actor" and _is_country_code(res, code_of[id(base)])
        for it in direct:
            if it is base:
                continue
            if it.kind == "actor" and _is_country_code(res, code_of[id(it)]) and (not base_is_country or ags):
                absorbed.append(it)
            else:
                separate.append(it)
        country = next((code_of[id(it)] for it in absorbed), None)
        if base is not None and base.kind == "person":
            # A coded title before the name ("Secretary of State" is a Phoenix entry) is the
            # person's office; a possessor ("Putin's spokesman") lends its country.
            for it in [x for x in separate if x.kind == "actor"]:
                code, dep = code_of[id(it)], _root(doc, it).dep_
                if it.end <= base.start and dep != "poss" and code and not _is_country_code(res, code):
                    separate.remove(it)
                    absorbed.append(it)
                    country = code
                elif dep == "poss" and country is None and code:
                    country = res.sectors.split(code)[0]
        out.extend(_single(doc, it, res, day) for it in separate)
        former = any(c.lower_ in FORMER and c.dep_ == "amod" for c in h.children) or any(
            doc[i].lower_ in FORMER for it in ags for i in range(max(it.start - 1, 0), it.start)
        )
        suffix = [agents[it.ref] for it in ags if not agents[it.ref].prefix]
        prefix = [agents[it.ref] for it in ags if agents[it.ref].prefix]
        head_is_base = base is not None and h.i in base
        span_items = [x for x in [base, *absorbed, *ags] if x is not None] + (list(g.pp) if used_pp else [])
        start = min(x.start for x in span_items)
        end = max(x.end for x in span_items)
        title = (min(a.start for a in ags), max(a.end for a in ags)) if ags else None
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
        m = Mention(start, end, "agent", None, "", head=h.i, title=title, definite=definite)
        m.agents = [agents[it.ref] for it in ags]
        m.country_from = country
        if base is None:
            m.code = compose(country, [a.code for a in suffix], [a.code for a in prefix], former)
            # Agents and no actor ("a senior official"): PETRARCH's ---GOV.
            m.kind = "agent"
            m.rule = "agents " + ", ".join(a.source for a in m.agents)
            if m.code is not None:
                out.append(m)
            continue
        if base.kind == "person":
            m.kind = "person"
            m.name_tokens = (base.start, base.end)
            if country or suffix or prefix:
                m.code = compose(country, [a.code for a in suffix], [a.code for a in prefix], former)
                if country is None:
                    m.code = None
                    m.needs_country = bool(suffix)
                m.rule = "title: " + ", ".join(
                    [actors[it.ref].source for it in absorbed] + [a.source for a in m.agents]
                )
            else:
                m.rule = "named person (no dictionary entry)"
            poss = next((c for c in h.children if c.dep_ == "poss"), None)
            if h.lower_ in COUNTERPART and poss is not None and not suffix:
                m.counterpart_of = poss.i
            out.append(m)
            continue
        entry = actors[base.ref]
        own = code_of[id(base)]
        m.kind, m.entry = "entry", entry
        src = entry_rule(entry, day)
        if entry.kind == "person" or base.end - base.start >= 2 and doc[base.start].ent_type_ == "PERSON":
            m.name_tokens = (base.start, base.end)
        if head_is_base and own is not None and not (_is_country_code(res, own) and suffix):
            m.code = compose(own, [], [a.code for a in prefix]) if prefix else own
            m.composed = bool(prefix) and m.code != own
            m.rule = src + ("".join(f" + agent {a.source}" for a in prefix) if m.composed else "")
        else:
            b = own if own is not None else country
            m.code = compose(b, [a.code for a in suffix], [a.code for a in prefix], former)
            # The head's own entry with a title ("Bree Prime Minister Romendacil", coded BRE)
            # is still that actor; agents heading the group make another ("Russian state media").
            m.composed = m.code != own and bool(suffix or prefix or former) and not (head_is_base and not prefix)
            m.rule = src + "".join(f" + agent {a.source}" for a in suffix + prefix)
            if own is None and b is None:
                m.needs_country = bool(suffix) and m.name_tokens is not None
            if used_pp and g.alts:
                codes = [m.code]
                for alt in g.alts:
                    a = next((x for x in alt if x.kind == "actor"), None)
                    if a is None:
                        continue
                    c = compose(actors[a.ref].code_on(day), [x.code for x in suffix], [x.code for x in prefix], former)
                    if c and c not in codes:
                        codes.append(c)
                    m.end = max(m.end, max(x.end for x in alt))
                    m.rule += f" + {actors[a.ref].source}"
                m.code = "/".join(c for c in codes if c)
                m.composed = True
        out.append(m)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def entry_rule(entry: ActorEntry, day: date | None) -> str:
    """``file:line`` of the entry, and of the code in force when it comes from elsewhere."""
    c = entry.current(day)
    if c is None or not c.source or c.source == entry.source:
        return entry.source
    return f"{entry.source} (code {c.source})"


def _single(doc: Doc, it: Item, res: ActorResources, day: date | None) -> Mention:
    if it.kind == "person":
        return Mention(
            it.start,
            it.end,
            "person",
            None,
            "named person (no dictionary entry)",
            name_tokens=(it.start, it.end),
            head=it.end - 1,
        )
    entry = res.dicts.actors[it.ref]
    m = Mention(it.start, it.end, "entry", entry.code_on(day), entry_rule(entry, day), entry=entry, head=it.end - 1)
    if doc[it.start].ent_type_ == "PERSON" or entry.kind == "person":
        m.name_tokens = (it.start, it.end)
    return m
