"""Phrases found in a parsed document: the first step of the actors stage.

Dictionary phrases (actors and agents) are found with the compiled tries, the longest first
(a phrase written with blanks lets modifiers come between its words: "Ithilen state-run
television"); persons that no dictionary knows come from spaCy's PERSON entities. Phrases
that are only part of a longer name are dropped ("Costa Sur", "the Gulf of Mexico") or
widened to the organisation they name ("the Emergencies Ministry").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..dictionaries import norm
from .resources import ActorResources

# Words that may come between the words of a loose dictionary phrase ("Ithilen state-run
# television" for ITHILEN TELEVISION): modifiers of the next word, never a clause.
SKIPPABLE_POS = {"ADJ", "NOUN", "PROPN", "ADV", "NUM"}
# spaCy entity labels of names, and those of names of things (places, events, laws, works).
NAME_ENTS = {"ORG", "FAC", "LOC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
# Lowercase words inside place and person names ("Davao del Sur", "Costa del Sol").
NAME_PARTICLES = {"de", "del", "della", "da", "di", "do", "dos", "das", "du", "van", "von", "der", "al", "el", "la"}
# Function words a mention never ends with.
TRAILING_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART"}


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
    person: bool = False  # names a person (a PERSON entity, or a person in the dictionary)
    org: tuple[int, int] | None = None  # tokens of the organisation name it is part of
    state: bool = False  # a bare country code (a state, not one of its parts)

    def __contains__(self, i: int) -> bool:
        return self.start <= i < self.end


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

    def skippable(j: int, k: int) -> bool:
        # Words j:k may stand between two words of a loose phrase when they modify the
        # word after them (they lie in its subtree, to its left).
        a, b = (j, k) if at is None else (at[j], at[k])
        return doc[b].left_edge.i <= a and all(_skippable(doc[i]) for i in range(a, b))

    cands: list[Item] = []
    for j, w in enumerate(words):
        for trie, root, kind in ((d.actor_trie, aroot, "actor"), (d.agent_trie, groot, "agent")):
            if w not in root:
                continue
            hit = trie.longest(words, j, skippable)
            if not hit:
                continue
            s, e = (j, hit[0]) if at is None else (at[j], at[hit[0] - 1] + 1)
            if at is not None and (j > 0 and at[j - 1] == s or hit[0] < len(at) and at[hit[0]] == e - 1):
                continue  # the phrase starts or ends inside a token
            if kind == "actor" and not _has_case(doc, s, e):
                continue
            # A phrase ending in a preposition ("EMBASSY_IN", "AMBASSADOR_TO") names the
            # role; what follows is another phrase (the place, the host country).
            while e - s > 1 and doc[e - 1].pos_ in TRAILING_POS and doc[e - 1].is_lower:
                e -= 1
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
        if not _stance_target(doc, c.start):
            items.append(c)
    items += _nationality_plurals(doc, res, toks, taken)
    # How often the recogniser calls each one-word name a person and something else: a
    # project or company read once as a PERSON ("the EastMed signing ceremony") is no person.
    votes = Counter((e.text, e.label_ == "PERSON") for e in doc.ents if len(e) == 1)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) == 1 and votes[(ent.text, False)] >= votes[(ent.text, True)]:
            continue
        s, e = ent.start, ent.end
        while s < e and (not doc[s].is_alpha or doc[s].is_lower and doc[s].pos_ in TRAILING_POS):
            s += 1
        while e > s and (not doc[e - 1].is_alpha or doc[e - 1].is_lower and doc[e - 1].pos_ in TRAILING_POS):
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
                and is_country_code(res, d.actors[it.ref].code_on(None))
            ]
        )
        # A country that is a first name ("Doris Day", "Jordan Peterson"): a proper noun
        # opening the person's name with the rest of the name, not a title, after it.
        inner += [
            it
            for it in items
            if it.kind == "actor"
            and it.start == s
            and it.end < e
            and not taken[it.end]
            and doc[it.start].tag_ == "NNP"
            and is_country_code(res, d.actors[it.ref].code_on(None))
        ]
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
            items.append(Item(s, e, "person", person=True))
    for it in items:
        if it.kind == "actor":
            it.person = _names_person(doc, res, it)
            it.state = is_territory(res, d.actors[it.ref].code_on(None))
    items.sort(key=lambda c: c.start)
    items = [it for it in items if not _place_modifier(doc, res, toks, it, items)]
    items = _outlet_names(doc, res, toks, items)
    return _names_in_names(doc, res, items)


def _outlet_names(doc: Doc, res: ActorResources, toks: list[str], items: list[Item]) -> list[Item]:
    """A name right after an outlet word in lower case ("Greek daily Kathimerini", "the
    tabloid Bild") names a news outlet, not a person: the word becomes its agent (media)
    and the name the organisation's name."""
    if not res.outlets:
        return items
    out: list[Item] = []
    for it in items:
        w = it.start - 1
        if it.kind == "person" and w >= 0 and doc[w].is_lower and toks[w] in res.outlets:
            if not any(w in x for x in items):
                out.append(Item(w, w + 1, "agent", res.outlets[toks[w]], org=(it.start, it.end)))
                continue
        out.append(it)
    return out


# "pro-Beijing camp", "anti-government protests": what a group supports or opposes.
STANCE_PREFIXES = {"pro", "anti"}


def _stance_target(doc: Doc, start: int) -> bool:
    """The phrase at ``start`` follows "pro-"/"anti-": it names what a group supports or
    opposes, not the group (nor an actor of its own)."""
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        return doc[start - 2].lower_ in STANCE_PREFIXES and not doc[start - 2].whitespace_
    return False


# Endings of nationality nouns read off their adjective: "Serbians", "Israelis", "Greeks".
NATIONALITY_ENDINGS = ("AN", "I", "K", "SH", "CH")


def _nationality_plurals(doc: Doc, res: ActorResources, toks: list[str], taken: list[bool]) -> list[Item]:
    """A nationality plural no dictionary knows ("Serbians protested") is that country's
    people: the country's adjective ("SERBIAN") and the agents' word for people (PEOPLE),
    two phrases over one token, composed like "Serbian people"."""
    d = res.dicts
    people = d.agent_trie.longest(["PEOPLE"], 0)
    if people is None:
        return []
    out: list[Item] = []
    for t in doc:
        w = toks[t.i]
        if taken[t.i] or not w.endswith("S") or not t.text[:1].isupper() or t.tag_ not in ("NNS", "NNPS"):
            continue
        if t.dep_ in ("compound", "amod", "nmod", "poss") or t.ent_type_ not in ("NORP", "PERSON", ""):
            continue
        single = w[:-1]
        if not single.endswith(NATIONALITY_ENDINGS):
            continue
        hit = d.actor_trie.longest([single], 0)
        if hit is None or hit[0] != 1 or not is_country_code(res, d.actors[hit[1]].code_on(None)):
            continue
        taken[t.i] = True
        # The agent first: it heads the group, the country lends it the country.
        out += [Item(t.i, t.i + 1, "agent", people[1]), Item(t.i, t.i + 1, "actor", hit[1])]
    return out


def _place_modifier(doc: Doc, res: ActorResources, toks: list[str], it: Item, items: list[Item]) -> bool:
    """A city (or capital) that only says where something is: "Berlin-based", "St. John's
    Episcopal Church". It stays an actor when it owns an actor or agent ("Beijing's Foreign
    Ministry") or a thing ("Moscow's decision").

    ``items``: all the phrases found (a head inside one of them is an actor or agent).
    """
    if it.kind != "actor" or it.org is not None:
        return False
    places = res.dicts.places
    if tuple(toks[it.start : it.end]) not in places and tuple(toks[it.start : it.end + 1]) not in places:
        return False
    root = next((doc[i] for i in range(it.end - 1, it.start - 1, -1) if not it.start <= doc[i].head.i < it.end), None)
    if root is None or root.head.i == root.i:
        return False
    h = root.head
    if root.dep_ == "npadvmod" and h.tag_ == "VBN":
        return True  # "Berlin-based", "Paris-headquartered"
    # A possessive city before a proper name is part of that name (a building, an
    # organisation); before a common noun it acts ("Moscow's decision"). A city before a
    # noun ("Moscow officials", "a Berlin non-profit") lends its country to an agent.
    if root.dep_ != "poss" or h.i < it.end or any(h.i in x for x in items):
        return False
    return h.pos_ == "PROPN" and h.text[:1].isupper()


def capitalised(t: Token) -> bool:
    """A capitalised word (a name's word), not a determiner opening the sentence."""
    return t.is_alpha and t.text[:1].isupper() and t.lower_ not in ("the", "a", "an")


def _names_in_names(doc: Doc, res: ActorResources, items: list[Item]) -> list[Item]:
    """Phrases that are only part of a longer name, dropped or widened to that name.

    - A country or city right after another capitalised word of the same name is no actor
      ("Costa Sur" is a power plant, "Grand Bahama" an island, "Nikki Holland" a person).
    - Inside the name of a thing (spaCy's FAC, LOC, EVENT, LAW, WORK_OF_ART, PRODUCT: "the
      Gulf of Mexico", "the Paris Agreement") no phrase is an actor.
    - A person's name followed by another word of a longer name is no person ("Mahan Air",
      "Karl Marx Avenue"), nor a name after a storm's title ("Hurricane Humberto", an EVENT).
    - Phrases inside an organisation's name with more words of its own (spaCy's ORG: "the
      Emergencies Ministry", "the Federal Aviation Office of Germany") are that
      organisation: ``Item.org`` holds the name's tokens, which become the mention.
    """
    d = res.dicts
    at: dict[int, Item] = {i: it for it in items for i in range(it.start, it.end)}
    drop: set[int] = set()
    added: list[Item] = []
    for it in items:
        if it.kind != "actor" or it.start == 0:
            continue
        code = d.actors[it.ref].code_on(None)
        if code not in d.countries and tuple(norm(t.text) for t in doc[it.start : it.end]) not in d.places:
            continue
        prev = doc[it.start - 1]
        joined = prev.lower_ in NAME_PARTICLES and prev.is_lower and it.start >= 2
        if joined:
            prev = doc[it.start - 2]  # "Davao del Sur": the particle joins two words of a name
        # The word is part of the same name: it modifies the phrase, or spaCy sees one
        # entity running through both ("Costa Sur", even when the parse goes astray). Not at
        # the start of a sentence, where a capitalised adjective fools the tagger and the
        # entity recogniser alike ("Evil Mordor").
        modifies = prev.dep_ in ("compound", "nmod", "amod") and it.start <= prev.head.i < it.end
        one_entity = prev.ent_iob_ in ("B", "I") and doc[it.start].ent_iob_ == "I"
        if (
            (prev.i not in at or joined)
            and not prev.is_sent_start
            and prev.pos_ == "PROPN"
            and capitalised(prev)
            and (modifies or one_entity)
        ):
            drop.add(id(it))
    for ent in doc.ents:
        if ent.label_ not in NAME_ENTS:
            continue
        inside = [it for it in items if ent.start <= it.start and it.end <= ent.end and id(it) not in drop]
        if not inside:
            continue
        extra = [t.i for t in ent if t.i not in at and capitalised(t)]
        if not extra:
            continue
        if ent.label_ != "ORG":
            for it in inside:
                if it.kind != "person" or ent.label_ == "EVENT" or any(i >= it.end for i in extra):
                    drop.add(id(it))
            continue
        s, e = ent.start, ent.end
        while s < e and (doc[s].pos_ == "DET" or doc[s].is_punct):
            s += 1
        # spaCy's name may run into a bracketed abbreviation or an aside: stop before it.
        cut = next((i for i in range(s + 1, e) if doc[i].is_punct and doc[i].text not in ("-", ".", "&", "'")), e)
        e = cut
        while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct or doc[e - 1].pos_ in TRAILING_POS):
            e -= 1
        for it in inside:
            if it.kind == "person":
                if any(i >= it.end for i in extra):
                    drop.add(id(it))
            else:
                it.org = (s, e)
        last = e - 1
        if last in extra and _norm_at(doc, last) in res.outlets and any(_is_place(res, x) for x in inside):
            # "Cyprus Mail", "China Daily": a country or city named with an outlet word is
            # that country's media, not the state.
            added.append(Item(last, e, "agent", res.outlets[_norm_at(doc, last)], org=(s, e)))
        elif not any(it.kind == "agent" for it in inside) and any(_is_place(res, x) for x in inside):
            # "Greek Energy Forum", "Democratic Rally in Cyprus": an organisation named with a
            # country or city word is that country's organisation of the sector its head noun
            # gives (organisations.txt), not the state.
            root = next((i for i in range(s, e) if not s <= doc[i].head.i < e or doc[i].head.i == i), None)
            if root is not None and root in extra and _norm_at(doc, root) in res.org_heads:
                added.append(Item(root, root + 1, "agent", res.org_heads[_norm_at(doc, root)], org=(s, e)))
    kept = [it for it in items if id(it) not in drop] + added
    kept.sort(key=lambda c: c.start)
    return kept


def _norm_at(doc: Doc, i: int) -> str:
    return norm(doc[i].text)


def _is_place(res: ActorResources, it: Item) -> bool:
    """A country, or a city standing for one (a bare country code)."""
    return it.kind == "actor" and is_country_code(res, res.dicts.actors[it.ref].code_on(None))


def _skippable(t: Token) -> bool:
    if t.text == "-":
        return True
    return t.pos_ in SKIPPABLE_POS or t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG")


def is_territory(res: ActorResources, code: str | None) -> bool:
    """A country, or a territory coded under one ("USAASM" American Samoa, "PSEGZA" Gaza):
    no role follows the country."""
    if not code or "/" in code:
        return False
    country, sector = res.sectors.split(code)
    return country is not None and (sector is None or sector not in res.sectors.labels)


def is_country_code(res: ActorResources, code: str | None) -> bool:
    """Is the code a bare country code (``RUS``)?"""
    if not code or "/" in code or len(code) != 3:
        return False
    country, sector = res.sectors.split(code)
    return country is not None and sector is None


def _names_person(doc: Doc, res: ActorResources, it: Item) -> bool:
    """A dictionary actor that names a person: user files say so; TABARI files do not, but a
    person's codes are all dated (terms of office), and spaCy may see a PERSON."""
    e = res.dicts.actors[it.ref]
    if e.kind is not None:
        return e.kind == "person"
    if it.end - it.start >= 2 and any(doc[i].ent_type_ == "PERSON" for i in range(it.start, it.end)):
        return True  # one word alone is too often a place the recogniser calls a person
    return bool(e.codes) and all(c.dated and len(c.code) > 3 for c in e.codes)
