"""Build eventcoder/web/static/world-110m.json, the world outline of the web page's Map tab.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as TopoJSON in the npm
package world-atlas 2.0.2 (ISC; `npm pack world-atlas@2.0.2`, file countries-110m.json).
The countries are decoded, projected equirectangularly (x = lon + 180, y = 90 - lat, so the
map is 360 x 180 units), thinned to points at least MIN_STEP degrees apart, and written as one
SVG path per country. Antarctica is left out (no news events there worth the space).

    python tools/world_outline.py path/to/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "eventcoder" / "web" / "static" / "world-110m.json"
MIN_STEP = 0.6  # degrees between kept points of a ring


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)
    return points


def thin(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [points[0]]
    for lon, lat in points[1:]:
        if abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= MIN_STEP:
            kept.append((lon, lat))
    return kept


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Longitudes made continuous: a ring crossing the antimeridian (Russia, Fiji) does not
    jump from +180 to -180 (which would draw a line across the whole map)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    return out


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for r in rings:
        r = unwrap(thin(r))
        if len(r) < 3:
            continue
        lons = [lon for lon, _ in r]
        # Drawn once more a world-width away when it spills over an edge: the map's box clips it.
        shifts = [0] + ([360] if min(lons) < -180 else []) + ([-360] if max(lons) > 180 else [])
        for shift in shifts:
            coords = [f"{lon + shift + 180:.1f} {90 - lat:.1f}" for lon, lat in r]
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if name == "Antarctica":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        d = path([ring(r, arcs) for polygon in polygons for r in polygon])
        if d:
            countries.append({"name": name, "d": d})
    out = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2; "
        "equirectangular, x = lon + 180, y = 90 - lat",
        "width": 360,
        "height": 180,
        "countries": countries,
    }
    OUT.write_text(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
