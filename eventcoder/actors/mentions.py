"""From groups of phrases to candidate actor mentions, coded.

Each group (see :mod:`.groups`) is coded as TABARI/PETRARCH do: the head actor's own code
when the head is a coded actor, else the country (or actor) composed with the agents'
codes. A mention running over punctuation is cut into spans of one mention ("Rod
Blagojevich, the former governor"); agents that only modify another noun are no actor
("monarch butterflies").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token

from ..dictionaries import ActorEntry, AgentEntry
from .codes import compose
from .groups import Group, phrase_root, plural
from .items import Item, capitalised, is_country_code
from .resources import ActorResources

FORMER = {"former", "ex", "ex-"}
COUNTERPART = {"counterpart", "counterparts", "opposite"}
# Dependents in front of a phrase that belong to its part of a mention ("the former governor");
# not a possessor ("Heather Heyer's mother": Heyer is an actor of her own).
PART_MODIFIERS = {"det", "amod", "compound", "nummod", "nmod", "punct", "advmod"}


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
    org: str | None = None  # the organisation's own name, when the mention is one
    display: str | None = None  # the name of a composed actor when it is not the mention's text
    parts: list[tuple[int, int]] = field(default_factory=list)  # more spans of the same mention

    def tokens(self) -> range:
        """The mention's token indices."""
        return range(self.start, self.end)


def _modifies_thing(h: Token, g: Group) -> bool:
    """The group's head is a common noun outside its phrases, which are singular nouns
    modifying it ("monarch butterflies", "a police station"). An adjective still codes the
    noun, as in PETRARCH ("the official news agency" is ---GOV)."""
    if h.pos_ != "NOUN" or any(h.i in it for it in [*g.items, *g.pp]):
        return False
    # A plural noun in front names people ("women chess players"), a singular one a kind.
    doc = h.doc
    return all(
        doc[it.end - 1].pos_ in ("NOUN", "PROPN")
        and not plural(doc[it.end - 1])
        and phrase_root(doc, it).dep_ == "compound"
        for it in g.items
    )


def _name_modifier(t: Token, start: int, end: int, g: Group) -> bool:
    """A capitalised proper noun modifying the phrase ``start:end`` and in none of its items."""
    return (
        (t.pos_ == "PROPN" or t.ent_type_ == "NORP")
        and capitalised(t)
        and t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
        and t.dep_ in ("compound", "nmod")
        and start <= t.head.i < end
        and not any(t.i in it for it in g.items)
    )


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
        heads = [it for it in direct if it.kind == "person" or not is_country_code(res, code_of[id(it)])]
        follower = None
        base: Item | None
        if head_item is not None and head_item.kind == "actor" and not head_item.person:
            # A title the parser made the head ("Vice President of the United States Joe
            # Biden"): the name right after it is the actor.
            follower = next((it for it in direct if it.person and it.start == head_item.end), None)
        if follower is not None:
            base = follower
        elif head_item is not None and head_item.kind != "agent":
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
        base_is_country = base is not None and base.kind == "actor" and is_country_code(res, code_of[id(base)])
        for it in direct:
            if it is base:
                continue
            if it.kind == "actor" and is_country_code(res, code_of[id(it)]) and (not base_is_country or ags):
                absorbed.append(it)
            else:
                separate.append(it)
        country = next((code_of[id(it)] for it in absorbed), None)
        titles: list[Item] = []
        if base is not None and base.person:
            # A coded title just before the name ("Secretary of State" is a Phoenix entry,
            # "US President" too) is the person's office: one mention, the person's own code
            # when the dictionary has one; a possessor ("Putin's spokesman") lends its country.
            near = {i for x in g.items for i in range(x.start, x.end)}
            for it in sorted((x for x in separate if x.kind == "actor"), key=lambda x: -x.start):
                code, dep = code_of[id(it)], phrase_root(doc, it).dep_
                joined = all(i in near for i in range(it.end, base.start))
                if it.end <= base.start and joined and dep != "poss" and code and not is_country_code(res, code):
                    separate.remove(it)
                    absorbed.append(it)
                    titles.append(it)
                    country = code
                elif dep == "poss" and country is None and code:
                    country = res.sectors.split(code)[0]
            pp_actor = next((x for x in g.pp if x.kind == "actor" and code_of[id(x)]), None)
            coded = base.kind == "actor" and code_of[id(base)] is not None
            if country is None and not coded and not used_pp and pp_actor is not None and ags:
                # "the mayor of New Orleans, LaToya Cantrell": the title's country.
                country = res.sectors.split(code_of[id(pp_actor)])[0]
                absorbed.append(pp_actor)
        if not used_pp:
            # A prepositional actor the group did not take is part of the title when it
            # stands inside the mention ("President of Argentina Alberto Fernández"), else
            # an actor of its own.
            inner = [x for x in [base, *ags] if x is not None]
            lo, hi = min(x.start for x in inner), max(x.end for x in inner)
            for x in g.pp:
                if x not in absorbed:
                    (absorbed if lo < x.start and x.end <= hi else separate).append(x)
        out.extend(_single(doc, it, res, day) for it in separate)
        former = any(c.lower_ in FORMER and c.dep_ == "amod" for c in h.children) or any(
            doc[i].lower_ in FORMER for it in ags for i in range(max(it.start - 1, 0), it.start)
        )
        suffix = [agents[it.ref] for it in ags if not agents[it.ref].prefix]
        prefix = [agents[it.ref] for it in ags if agents[it.ref].prefix]
        # A nationality plural ("Serbians") is an agent and a country over one token: the
        # agent heads it.
        head_is_base = base is not None and h.i in base and (head_item is None or head_item.kind != "agent")
        lent = {id(x) for x in g.borrowed}
        span_items = [x for x in [base, *absorbed, *ags] if x is not None] + (list(g.pp) if used_pp else [])
        span_items = [x for x in span_items if id(x) not in lent] or span_items
        start = min(x.start for x in span_items)
        end = max(x.end for x in span_items)
        org = None
        if g.org is not None:
            # The organisation's whole name is the mention; it is an actor of its own unless
            # a dictionary names it (then the name is only written longer).
            start, end = min(start, g.org[0]), max(end, g.org[1])
            if base is None or base.kind == "actor" and is_country_code(res, code_of[id(base)]):
                org = doc[g.org[0] : g.org[1]].text
        elif min(span_items, key=lambda x: x.start).kind == "agent":
            # Names before an agent name its organisation or group ("Time magazine", "Houthi
            # rebels", "Sea-Eye spokesperson") or a title's portfolio ("Emergencies Minister").
            named = start
            while named > 0:
                t = doc[named - 1]
                if _name_modifier(t, named, end, g):
                    named -= 1
                elif t.text == "-" and named > 1 and capitalised(doc[named - 2]) and not doc[named - 2].whitespace_:
                    named -= 2  # a hyphenated name: "Sea-Eye spokesperson"
                else:
                    break
            if named < start:
                start = named
                org = doc[start:end].text if base is None else None
        title_items = ags or titles
        title = (min(a.start for a in title_items), max(a.end for a in title_items)) if title_items else None
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in h.children)
        m = Mention(start, end, "agent", None, "", head=h.i, title=title, definite=definite)
        m.agents = [agents[it.ref] for it in ags]
        m.country_from = country
        m.org = org
        if lent:
            words = [doc[x.start : x.end].text for x in sorted(g.borrowed, key=lambda x: x.start)]
            m.display = " ".join([*words, doc[start:end].text])
        # The part that names the actor: the agents when they take their actor from a
        # prepositional phrase ("activists ... in Arnor"), else the actor's own phrase.
        anchor = min(x.start for x in ags) if ags and (base is None or used_pp) else (base or g.items[0]).start
        _split_at_punctuation(doc, m, g, anchor, separate)
        if base is None:
            m.code = compose(country, [a.code for a in suffix], [a.code for a in prefix], former)
            # Agents and no actor ("a senior official"): PETRARCH's ---GOV. Not when the
            # agents only modify another noun: "monarch butterflies", "a police station".
            m.kind = "agent"
            m.rule = "agents " + ", ".join(a.source for a in m.agents)
            if m.code is not None and not (country is None and org is None and _modifies_thing(h, g)):
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
        if entry.kind == "person" or base.end - base.start >= 2 and base.person:
            m.name_tokens = (base.start, base.end)
        if head_is_base and own is not None and not (is_country_code(res, own) and suffix):
            m.code = compose(own, [], [a.code for a in prefix]) if prefix else own
            m.composed = bool(prefix) and m.code != own
            m.rule = src + ("".join(f" + agent {a.source}" for a in prefix) if m.composed else "")
        else:
            b = own if own is not None else country
            m.code = compose(b, [a.code for a in suffix], [a.code for a in prefix], former)
            # The head's own entry with a title ("Bree Prime Minister Romendacil", coded BRE)
            # is still that actor; agents heading the group make another ("Russian state media").
            # A named person coded from a title ("the Speaker of the House Nancy Pelosi", in
            # no term the dictionary knows) is still that person.
            m.composed = (
                m.code != own
                and bool(suffix or prefix or former)
                and not (head_is_base and not prefix)
                and not base.person
            )
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


def _split_at_punctuation(doc: Doc, m: Mention, g: Group, anchor: int, others: list[Item]) -> None:
    """A mention running over punctuation ("Rod Blagojevich, the former governor") becomes
    several spans of one mention: the part with the actor's name (or the group's head), and
    the others in ``m.parts``. ``others``: the group's phrases that are separate actors."""
    # The group's phrases, less those that are actors of their own ("Heather Heyer's").
    keep = {i for it in [*g.items, *g.pp] if it not in others for i in range(it.start, it.end)}
    if g.org:
        keep.update(range(*g.org))
    cuts = [i for i in range(m.start, m.end) if i not in keep and _separator(doc[i])]
    if not cuts:
        return
    segments = []
    s = m.start
    for c in [*cuts, m.end]:
        if s < c:
            segments.append(_trim(doc, s, c, keep))
        s = c + 1
    segments = [(a, b) for a, b in segments if a < b and any(i in keep for i in range(a, b))]
    if not segments:
        return
    main = next((x for x in segments if x[0] <= anchor < x[1]), segments[0])
    m.start, m.end = main
    m.parts = [x for x in segments if x != main]
    if m.name_tokens is not None and not (m.start <= m.name_tokens[0] < m.end):
        m.name_tokens = None


def _separator(t: Token) -> bool:
    """What separates noun phrases: punctuation (a comma, a dash set off by spaces, brackets)
    and verbs ("Senator Amy Klobuchar of Minnesota secured delegates": a misparse)."""
    if t.pos_ in ("VERB", "AUX"):
        # A verb heading a clause; a participle modifying a noun stays ("the acting Prime
        # Minister", "Iran-backed militia").
        return t.dep_ not in ("amod", "compound", "nmod", "npadvmod", "acl")
    if not t.is_punct:
        return False
    if t.text in ("-", "'", ".", "&"):
        return bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    return True


def _trim(doc: Doc, s: int, e: int, keep: set[int]) -> tuple[int, int]:
    """The part of ``s:e`` from its first to its last phrase, with the words modifying it in
    front ("the former governor"), not what merely stands beside it ("as well as")."""
    inside = [i for i in range(s, e) if i in keep]
    if not inside:
        return s, s
    a, b = inside[0], inside[-1] + 1
    while a > s and a <= doc[a - 1].head.i < b and doc[a - 1].dep_ in PART_MODIFIERS:
        a -= 1
    return a, b


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
