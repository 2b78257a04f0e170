"""Coreference inside one article: candidate mentions joined into actors.

- The same dictionary entry (with the same agents) is one actor.
- A person no dictionary knows joins an earlier person by full name, by surname (or any
  subset of the name: "Ryabkov" after "Sergei Ryabkov"), or as a near miss of the surname
  (one transposition or a small edit, same first letter) when the new mention brings no
  conflicting code: "Rybakov" joins Ryabkov and is recorded as a variant. A name found in a
  dictionary is never a near miss, so two dictionary people never merge.
- "the minister" refers back to the last named person whose title holds "minister".
- A titled person whose title names no country takes the country of the last person with
  the same title words, else the country most mentioned so far in the article.
- Surnames alone, bracketed clarifications ("him [Blinken]"), personal pronouns (nearest
  preceding person) and subject "it" (nearest preceding state or organisation).
- "his U.S. counterpart": the country of the group with the role of the possessor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.distance import OSA
from spacy.tokens import Doc, Token

from ..dictionaries import ActorEntry, norm
from .codes import append
from .mentions import Mention
from .resources import ActorResources

PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
NONPERSON_KINDS = {"country", "organisation", "place", "group"}
# Links of a word that only modifies another noun; and of nouns that "it" may stand for.
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "poss"}
THING_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"}
# Pronouns a bracketed name may clarify ("him [Blinken]", "thank you [Bill de Blasio]").
BRACKETED = PERSONAL | {"it", "its", "they", "them", "their", "you", "your", "we", "us", "our"}


@dataclass
class Build:
    """An actor being assembled from its mentions."""

    key: str
    kind: str | None
    code: str | None
    rule: str
    entry: ActorEntry | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    names: Counter = field(default_factory=Counter)  # person name forms seen -> count
    name_norms: set = field(default_factory=set)  # tuples of normalised name tokens
    surnames: set = field(default_factory=set)
    variants: list[str] = field(default_factory=list)
    title_words: set = field(default_factory=set)
    title: str | None = None
    from_dictionary: bool = False
    needs_country: list[str] | None = None  # agent codes waiting for a country
    counterpart_of: int | None = None
    country_from: str | None = None
    composed_name: str | None = None

    @property
    def first(self) -> int:
        """The first token of the actor's first mention."""
        return min(s for s, _ in self.spans)

    def is_person(self) -> bool:
        """Does the actor name a person?"""
        return self.kind == "person" or bool(self.names)


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _org_key(name: str) -> str:
    """The key of an organisation known by its name only ("ORG:EMERGENCIES_MINISTRY")."""
    return "ORG:" + "_".join(norm(w) for w in name.split() if any(c.isalnum() for c in w))


# Verbs that take a dummy subject "it" for a clause that follows ("it is possible that",
# "it seems that", "making it impossible to").
EXPLETIVE_HEADS = {"be", "seem", "appear", "happen", "become", "remain", "look", "sound", "make", "take"}
EXPLETIVE_MARKS = {"that", "to", "if", "whether", "as", "for"}


def _expletive(t: Token) -> bool:
    """``t`` ("it") is a dummy subject: its verb or adjective has a clause after it."""
    h = t.head
    if h.lemma_ not in EXPLETIVE_HEADS and h.pos_ != "ADJ":
        return False
    for x in [h, *(c for c in h.children if c.dep_ in ("acomp", "attr", "ccomp") and c.pos_ == "ADJ")]:
        for c in x.children:
            if c.dep_ in ("ccomp", "xcomp", "advcl", "csubj") and c.i > t.i:
                if any(m.dep_ in ("mark", "aux") and m.lower_ in EXPLETIVE_MARKS for m in c.children):
                    return True
    return False


def near_miss(a: str, b: str) -> bool:
    """One transposition or small edit between two surnames of five letters or more."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    limit = 1 if min(len(a), len(b)) < 9 else 2
    return OSA.distance(a, b) <= limit


class Resolver:
    def __init__(
        self,
        doc: Doc,
        res: ActorResources,
        day: date | None,
        toks: list[str],
        located: list[tuple[int, str]] | None = None,
    ) -> None:
        self.doc = doc
        self.res = res
        self.day = day
        self.toks = toks
        # (token, country) of the cities named as locations: no actors, but they tell which
        # country the article is about.
        self.located = located or []
        self.builds: list[Build] = []
        self.by_key: dict[str, Build] = {}
        self.token_build: dict[int, Build] = {}
        # One pass over the tokens for what the later passes look at.
        self.namelike: list[int] = []  # proper nouns and PERSON tokens: surname candidates
        self.pronouns_at: list[int] = []  # personal pronouns and "it"
        self.brackets_at: list[int] = []  # a pronoun followed by "["
        self.wordish: list[bool] = []
        prev = None
        for t in doc:
            self.wordish.append(t.is_alpha or "-" in t.text)
            if t.pos_ in ("PROPN", "X") or t.ent_type_ == "PERSON":
                self.namelike.append(t.i)
            if t.pos_ == "PRON" and (t.lower_ in PERSONAL or t.lower_ == "it"):
                self.pronouns_at.append(t.i)
            if prev is not None and t.text == "[" and prev.pos_ == "PRON" and prev.lower_ in BRACKETED:
                self.brackets_at.append(prev.i)
            prev = t

    # -- helpers ------------------------------------------------------------------------

    def _name_norm(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(self.toks[i] for i in range(start, end) if self.wordish[i])

    def _add(self, b: Build, start: int, end: int) -> None:
        if (start, end) not in b.spans:
            b.spans.append((start, end))
        for i in range(start, end):
            self.token_build.setdefault(i, b)

    def _new(self, key: str, kind: str | None, code: str | None, rule: str, m: Mention | None = None) -> Build:
        b = Build(key, kind, code, rule)
        if m is not None:
            b.entry = m.entry
            b.from_dictionary = m.entry is not None
        self.builds.append(b)
        self.by_key[key] = b
        return b

    def _note_name(self, b: Build, m: Mention) -> None:
        if m.name_tokens is None:
            return
        s, e = m.name_tokens
        nn = self._name_norm(s, e)
        if not nn:
            return
        b.names[_text(self.doc, s, e)] += 1
        b.name_norms.add(nn)
        b.surnames.add(nn[-1])

    def _note_title(self, b: Build, m: Mention) -> None:
        if m.title is None:
            return
        s, e = m.title
        b.title_words |= {self.doc[i].lower_ for i in range(s, e) if self.doc[i].is_alpha}
        b.title_words |= {self.doc[i].lemma_.lower() for i in range(s, e) if self.doc[i].is_alpha}
        if b.title is None:
            b.title = _text(self.doc, s, e)

    def _persons_before(self, pos: int) -> list[Build]:
        """Person actors mentioned before token ``pos``, most recent first."""
        seen = [(max(s for s, _ in b.spans if s < pos), b) for b in self.builds if b.is_person() and b.first < pos]
        return [b for _, b in sorted(seen, key=lambda x: -x[0])]

    # -- pass 1: mentions -----------------------------------------------------------------

    def add_mentions(self, mentions: list[Mention]) -> None:
        """Join each mention to the actor it names, or start a new actor."""
        for m in mentions:
            if m.kind == "entry":
                b = self._entry(m)
            elif m.kind == "person":
                b = self._person(m)
            else:
                b = self._agent(m)
            for s, e in m.parts:
                self._add(b, s, e)

    def _entry(self, m: Mention) -> Build:
        e = m.entry
        assert e is not None
        key = f"{e.key}~{m.code}" if m.composed and m.code else e.key
        if m.org:
            key = _org_key(m.org)
        b = self.by_key.get(key)
        if b is None:
            b = self._new(key, "organisation" if m.org else e.kind, m.code, m.rule, m)
            if m.org:
                b.composed_name = m.org
            elif m.composed:
                b.composed_name = m.display or _text(self.doc, m.start, m.end)
        self._note_name(b, m)
        self._note_title(b, m)
        if b.code is None and m.code is not None:
            b.code, b.rule = m.code, m.rule
        if m.needs_country and b.code is None and m.agents:
            b.needs_country = [a.code for a in m.agents if not a.prefix]
        self._add(b, m.start, m.end)
        return b

    def _person(self, m: Mention) -> Build:
        s, e = m.name_tokens or (m.start, m.end)
        nn = self._name_norm(s, e)
        target = None
        variant = False
        if nn:
            for b in self._persons_before(m.start):
                if any(set(nn) <= set(full) and nn[-1] == full[-1] for full in b.name_norms):
                    target = b
                    break
            if target is None and not m.code:
                for b in self._persons_before(m.start):
                    if any(near_miss(nn[-1], sn) for sn in b.surnames) and self._first_names_agree(nn, b):
                        target, variant = b, True
                        break
        if target is None:
            key = "PERSON:" + "_".join(nn) if nn else f"PERSON@{m.start}"
            target = self.by_key.get(key) or self._new(key, "person", m.code, m.rule, m)
        if variant:
            form = _text(self.doc, s, e)
            if form not in target.variants:
                target.variants.append(form)
            target.rule += f"; near miss {form!r}"
        else:
            self._note_name(target, m)
        self._note_title(target, m)
        if target.code is None and m.code is not None:
            target.code, target.rule = m.code, m.rule
        if m.needs_country and target.code is None and m.agents:
            target.needs_country = [a.code for a in m.agents if not a.prefix]
            target.rule = m.rule
        if m.counterpart_of is not None and target.code in (None, m.country_from):
            target.counterpart_of = m.counterpart_of
            target.country_from = m.country_from
        self._add(target, m.start, m.end)
        return target

    @staticmethod
    def _first_names_agree(nn: tuple[str, ...], b: Build) -> bool:
        if len(nn) < 2:
            return True
        return any(len(full) < 2 or full[0] == nn[0] for full in b.name_norms)

    def _agent(self, m: Mention) -> Build:
        head = self.doc[m.head]
        if m.definite and head.tag_ in ("NN", "NNP"):
            lemma = head.lemma_.lower()
            for b in self._persons_before(m.start):
                if lemma in b.title_words:
                    self._add(b, m.start, m.end)
                    return b
        key = _org_key(m.org) if m.org else f"AGENT:{m.code}:{head.lemma_.lower()}"
        known = self.by_key.get(key)
        if known is not None:
            b = known
        else:
            # A named plural ("Houthi rebels") is a group, a named singular an organisation.
            named = m.org and head.tag_ not in ("NNS", "NNPS")
            b = self._new(key, "organisation" if named else "group", m.code, m.rule, m)
            b.composed_name = m.org
        self._note_title(b, m)
        self._add(b, m.start, m.end)
        return b

    # -- pass 2: countries for titled persons ---------------------------------------------

    def fill_countries(self) -> None:
        """Give actors coded by a title alone the country their mention names."""
        for b in self.builds:
            if b.code is not None or b.needs_country is None:
                continue
            country, why = None, ""
            for p in self._persons_before(b.first):
                c, _ = self.res.sectors.split(p.code)
                if c and (b.title_words & p.title_words) - {"deputy", "vice", "first", "senior", "top"}:
                    country, why = c, f"country of {self._name(p)} (same title)"
                    break
            if country is None:
                before: Counter = Counter()
                anywhere: Counter = Counter()
                for p in self.builds:
                    c, _ = self.res.sectors.split(p.code)
                    if c:
                        before[c] += sum(1 for s, _ in p.spans if s < b.first)
                        anywhere[c] += len(p.spans)
                for at, c in self.located:
                    before[c] += at < b.first
                    anywhere[c] += 1
                if before and before.most_common(1)[0][1] > 0:
                    country, why = before.most_common(1)[0][0], "country most mentioned before"
                elif anywhere:
                    country, why = anywhere.most_common(1)[0][0], "country most mentioned in the article"
            if country:
                code = country
                for part in b.needs_country:
                    code = append(code, part)
                b.code = code
                b.rule += f"; {why}"

    # -- pass 3: surnames, brackets, pronouns, counterparts -------------------------------

    def surnames(self) -> None:
        """Join a surname alone to the one person of the article who bears it."""
        owners: dict[str, set[int]] = {}
        for idx, b in enumerate(self.builds):
            for sn in b.surnames:
                owners.setdefault(sn, set()).add(idx)
        if not owners:
            return
        persons = [b for b in self.builds if b.is_person()]
        for i in self.namelike:
            if i in self.token_build:
                continue
            who = owners.get(self.toks[i])
            if who and len(who) == 1:
                b = self.builds[next(iter(who))]
                self._add(b, i, i + 1)
                b.names[self.doc[i].text] += 1
                continue
            # A misspelt surname that no dictionary and no entity recogniser took.
            if not self.doc[i].text[:1].isupper():
                continue
            near = [b for b in persons if b.first < i and any(near_miss(self.toks[i], sn) for sn in b.surnames)]
            if len(near) == 1:
                b = near[0]
                self._add(b, i, i + 1)
                if self.doc[i].text not in b.variants:
                    b.variants.append(self.doc[i].text)
                    b.rule += f"; near miss {self.doc[i].text!r}"

    def brackets(self) -> None:
        """Resolve bracketed names in quotes ('[Blinken]') to their actor."""
        doc = self.doc
        for i in self.brackets_at:
            if i in self.token_build:
                continue
            j = i + 2
            while j < len(doc) and doc[j].text != "]":
                b = self.token_build.get(j)
                if b is not None:
                    self._add(b, i, i + 1)
                    break
                j += 1

    def pronouns(self) -> None:
        """Resolve personal pronouns to the nearest fitting actor before them."""
        doc = self.doc
        for i in self.pronouns_at:
            if i in self.token_build:
                continue
            t = doc[i]
            if t.text[:1].isupper() and not t.is_sent_start:
                continue  # part of a title: "Her Majesty", "His Holiness"
            if t.lower_ in PERSONAL:
                cands = self._persons_before(i)
                if cands:
                    self._add(cands[0], i, i + 1)
            elif t.dep_ in ("nsubj", "nsubjpass") and not _expletive(t):
                best = None
                floor = t.sent.start - 60
                for b in self.builds:
                    if b.kind in NONPERSON_KINDS or (b.kind is None and not b.is_person()):
                        before = [(s, e) for s, e in b.spans if floor <= s < i]
                        if not before:
                            continue
                        s, e = max(before)
                        root = doc[s:e].root
                        # "it" stands for one thing: not for "people" or "the rebels", nor
                        # for a name that only modifies another noun ("a Berlin non-profit").
                        if root.tag_ in ("NNS", "NNPS") or root.dep_ in MODIFIER_DEPS:
                            continue
                        if best is None or s > best[0]:
                            best = (s, b, e)
                if best and not self._thing_between(best[2], i):
                    self._add(best[1], i, i + 1)

    def _thing_between(self, start: int, end: int) -> bool:
        """A singular common noun that is no actor stands between an antecedent and "it" as
        subject or object ("China reported cases of the virus. It spreads"): "it" may mean
        that thing, and no resolution is better than a wrong one."""
        doc = self.doc
        return any(
            doc[k].tag_ == "NN" and doc[k].dep_ in THING_DEPS and k not in self.token_build for k in range(start, end)
        )

    def counterparts(self) -> None:
        """Code a counterpart ('his U.S. counterpart') as the country it names."""
        for b in self.builds:
            if b.counterpart_of is None or not b.country_from or b.code not in (None, b.country_from):
                continue
            other = self.token_build.get(b.counterpart_of)
            if other is None or other is b:
                continue
            _, sector = self.res.sectors.split(other.code)
            if sector:
                b.code = b.country_from + sector
                b.rule += f"; counterpart of {self._name(other)}"

    def _name(self, b: Build) -> str:
        if b.names:
            return max(b.names.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], len(kv[0])))[0]
        if b.entry is not None:
            return b.entry.name
        s, e = b.spans[0]
        return _text(self.doc, s, e)

    def run(self, mentions: list[Mention]) -> list[Build]:
        """Resolve the mentions into actors: entries, countries, surnames, brackets, pronouns, counterparts."""
        self.add_mentions(mentions)
        self.fill_countries()
        self.surnames()
        self.brackets()
        self.pronouns()
        self.counterparts()
        return self.builds
