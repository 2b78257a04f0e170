"""Stage: actors. Every mention in the article resolved to a coded, current actor.

``load(settings)`` compiles the dictionaries (cached on disk); ``apply(ctx)`` finds the
mentions in ``ctx.doc`` (dictionary phrases, titles and agents, unknown persons), joins them
into actors (coreference, misspellings, pronouns), codes each actor as of the article's date,
and fills ``ctx.article.actors`` and ``ctx.token_actor``. See docs/dictionaries.md and
docs/dev/actors-api.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..article import Actor, Span
from ..dictionaries import ActorEntry, as_date, norm
from ..nlp import Context, Discards
from ..settings import Settings
from ..tuning import TUNING
from .groups import group_items, split_locations
from .items import find_items
from .mentions import compose_groups
from .resolve import Build, Resolver
from .resources import ActorResources
from .resources import load as _load

NO_COUNTRY = "---"  # the country part of a code with no country

__all__ = ["ActorResources", "Lookup", "apply", "find_actors", "load", "lookup"]


def load(settings: Settings) -> ActorResources:
    """The compiled dictionaries and tables for these settings (cached on disk)."""
    return _load(settings)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return as_date(published)
    except ValueError:
        return None


def find_actors(
    doc: Doc, res: ActorResources, published: str | None, toks: list[str] | None = None
) -> tuple[list[Actor], dict[int, str], list[tuple[int, int, str]]]:
    """Actors of a parsed text: (actors, token -> actor id, [(start, end, actor id)]).

    ``toks``: the tokens already normalised (:func:`~eventcoder.dictionaries.norm`), if at hand.
    """
    day = _day(published)
    toks = toks if toks is not None else [norm(t.text) for t in doc]
    items = find_items(doc, res, toks)
    groups, located = split_locations(doc, group_items(doc, items), res, toks, day)
    mentions = compose_groups(doc, groups, res, day)
    builds = Resolver(doc, res, day, toks, located).run(mentions)
    builds = [b for b in builds if b.spans]
    builds.sort(key=lambda b: b.first)
    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    spans: list[tuple[int, int, str]] = []
    claimed: dict[int, int] = {}  # token -> length of the mention that holds it
    text = doc.text  # built on each access: once per document
    for n, b in enumerate(builds, 1):
        aid = f"a{n}"
        actors.append(_actor(doc, text, b, aid, res, day))
        for s, e in sorted(b.spans):
            spans.append((s, e, aid))
            for i in range(s, e):
                # A token inside two mentions goes to the shorter one (the more specific).
                if i not in claimed or e - s < claimed[i]:
                    claimed[i] = e - s
                    token_actor[i] = aid
    _trim_runs(doc, token_actor)
    spans.sort()
    infer_nationality(actors)
    return actors, token_actor, spans


def home_country(actors: list[Actor]) -> str | None:
    """The country an article is about: the one that holds most of its country-coded actor
    mentions, when it holds enough of them (``tuning.toml``: actors.home_share, home_min)."""
    counts = Counter(a.country for a in actors if a.country for _ in a.mentions)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= TUNING.home_min and n >= TUNING.home_share * sum(counts.values()) else None


def infer_nationality(actors: list[Actor]) -> None:
    """Give groups without a country ("police", "prosecutors", "people": ``---COP``) the
    article's country, when it is about one country: in a story about Sweden, "prosecutors"
    are SWEJUD (cameo-conventions.md, inferred nationality). Named organisations keep their code."""
    home = home_country(actors)
    if home is None:
        return
    for a in actors:
        if a.code and a.code.startswith(NO_COUNTRY) and a.kind == "group":
            a.code = home + a.code[len(NO_COUNTRY) :]
            a.country = home
            a.rule = f"{a.rule or 'agent'}; country of the article ({home})"


# What a run of one actor's tokens never starts or ends with, once a shorter mention inside a
# longer one took its tokens ("Borat actor and | producer Sacha Baron Cohen", "Hunter Biden |
# 's former business partner").
_EDGE_POS = {"ADP", "CCONJ", "SCONJ", "PART", "PUNCT"}


def _trim_runs(doc: Doc, token_actor: dict[int, str]) -> None:
    """Leave the function words at the edges of each run of one actor's tokens unassigned."""
    i, n = 0, len(doc)
    while i < n:
        aid = token_actor.get(i)
        if aid is None:
            i += 1
            continue
        j = i
        while j + 1 < n and token_actor.get(j + 1) == aid:
            j += 1
        s, e = i, j
        while s < e and (doc[s].pos_ in _EDGE_POS or doc[s].tag_ == "POS") and not doc[s].text[:1].isupper():
            del token_actor[s]
            s += 1
        while e > s and doc[e].pos_ in _EDGE_POS | {"DET"} and not doc[e].text[:1].isupper():
            del token_actor[e]
            e -= 1
        i = j + 1


def _actor(doc: Doc, text: str, b: Build, aid: str, res: ActorResources, day: date | None) -> Actor:
    b.code = res.sectors.grammatical(b.code)
    country, sector = res.sectors.split(b.code)
    mentions = []
    for s, e in sorted(b.spans):
        start = doc[s].idx
        end = doc[e - 1].idx + len(doc[e - 1].text)
        mentions.append(Span(start, end, text[start:end]))
    kind = b.kind or _kind(doc, b, country, sector, res)
    name = _canonical(doc, b)
    variants = list(b.variants)
    for form in b.names:
        if len(form.split()) > 1 and form.lower() != name.lower() and form not in variants:
            variants.append(form)
    role = None
    if b.entry is not None and b.composed_name is None:
        role = b.entry.role_on(day) if day else b.entry.role
    role = role or b.title or res.sectors.label(sector)
    key = b.key
    return Actor(
        id=aid,
        name=name,
        code=b.code,
        country=country,
        sector=sector,
        role=role,
        key=key,
        kind=kind,
        mentions=mentions,
        variants=variants,
        rule=b.rule,
    )


def _canonical(doc: Doc, b: Build) -> str:
    if b.composed_name:
        words = b.composed_name.split()
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words) or b.composed_name
    if b.entry is not None:
        return b.entry.name
    if b.names:
        # The fullest name seen, most often: "Sergei Ryabkov" over "Ryabkov".
        return max(b.names.items(), key=lambda kv: (len(kv[0].split()), kv[1]))[0]
    s, e = b.spans[0]
    words = doc[s:e].text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _kind(doc: Doc, b: Build, country: str | None, sector: str | None, res: ActorResources) -> str:
    if b.composed_name:
        return "group"
    if country and not sector:
        return "country"
    if b.names:
        return "person"
    ents = Counter(doc[i].ent_type_ for s, e in b.spans for i in range(s, e) if doc[i].ent_type_)
    if ents.get("PERSON"):
        return "person"
    if sector in res.sectors.international or ents.get("ORG"):
        return "organisation"
    if ents.get("GPE") or ents.get("LOC") or ents.get("FAC"):
        return "place"
    return "group"


def apply(ctx: Context, res: ActorResources) -> None:
    """Fill ``ctx.article.actors``, ``ctx.token_actor``, ``ctx.actor_mentions`` and ``ctx.discards``."""
    toks = [norm(t.text) for t in ctx.doc]
    actors, token_actor, spans = find_actors(ctx.doc, res, ctx.article.published, toks)
    ctx.article.actors = actors
    ctx.token_actor = token_actor
    ctx.actor_mentions = spans
    ctx.discards = discards(ctx.doc, res, toks)


def discards(doc: Doc, res: ActorResources, toks: list[str] | None = None) -> Discards:
    """The discard phrases found: the whole story, or the sentences (start token) they are in."""
    if toks is None:
        toks = [norm(t.text) for t in doc]
    out = Discards()
    for m in res.dicts.match_discards(toks):
        d = res.dicts.discards[m.ref]
        if d.story:
            out.story = True
        else:
            out.sentences.add(doc[m.start].sent.start)
    return out


@dataclass
class Lookup:
    """What a name codes to: the dictionary entries named exactly so, and the text coding."""

    name: str
    day: date | None
    entries: list[ActorEntry]
    actors: list[Actor]


def lookup(name: str, day: str | None, settings: Settings) -> Lookup:
    """Entries whose phrase is ``name`` (any case), and the actors found in ``name`` as a text.

    ``day`` is ``YYYY-MM-DD`` (None: the codes without a date restriction, else the latest).
    """
    from .. import nlp as nlp_mod

    res = load(settings)
    d = _day(day)
    nlp = nlp_mod.load(settings.model)
    doc = nlp(name)
    toks = [norm(t.text) for t in doc]
    entries: list[ActorEntry] = []
    hit = res.dicts.actor_trie.longest(toks, 0) if toks else None
    if hit and hit[0] == len(toks):
        entries.append(res.dicts.actors[hit[1]])
    actors, _, _ = find_actors(doc, res, d.isoformat() if d else None)
    return Lookup(name, d, entries, actors)
