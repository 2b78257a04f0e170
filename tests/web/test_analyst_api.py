"""What the web page's analyst views ask of the API: quad/statement/article filters, sorting,
the csv of the current filter, map points, code names, actors as source and target, HEAD /."""

from __future__ import annotations

import csv
import io

import pytest
from coded_articles import all_articles

from eventcoder.export import COLUMNS


def _events():
    return [(a, e) for a in all_articles() for e in a.events]


@pytest.mark.parametrize("quad", [0, 1, 2, 3, 4])
def test_quad_filter(client, quad):
    items = client.get("/api/events", params={"quad": quad, "limit": 100}).json()["items"]
    assert sorted((i["article_id"], i["id"]) for i in items) == sorted(
        (a.id, e.id) for a, e in _events() if e.quad == quad
    )


def test_statements_filter_splits_the_events(client):
    without = client.get("/api/events", params={"statements": "false", "limit": 100}).json()
    only = client.get("/api/events", params={"statements": "true", "limit": 100}).json()
    assert only["total"] == sum(1 for _, e in _events() if e.root == "01") > 0
    assert without["total"] + only["total"] == len(_events())
    assert all(i["root"] != "01" for i in without["items"]) and all(i["root"] == "01" for i in only["items"])


def test_article_filter(client):
    body = client.get("/api/events", params={"article": "wn-china"}).json()
    assert body["total"] == len(next(a for a in all_articles() if a.id == "wn-china").events)
    assert {i["article_id"] for i in body["items"]} == {"wn-china"}


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [("cameo", "cameo", False), ("-cameo", "cameo", True), ("goldstein", "goldstein", False),
     ("-goldstein", "goldstein", True), ("day", "day", False)],
)  # fmt: skip
def test_sorting(client, sort, key, reverse):
    items = client.get("/api/events", params={"sort": sort, "limit": 100}).json()["items"]
    values = [i[key] for i in items if i[key] is not None]
    assert len(items) == len(_events())
    assert values == sorted(values, reverse=reverse)
    assert all(i[key] is None for i in items[len(values) :])  # missing values last


def test_bad_sort_and_quad_are_422(client):
    r = client.get("/api/events", params={"sort": "colour"})
    assert r.status_code == 422 and "sort: 'colour' is not one of day, source" in r.json()["error"]["message"]
    assert client.get("/api/events", params={"quad": 7}).status_code == 422


def test_csv_of_the_current_filter(client):
    r = client.get("/api/events.csv", params={"source": "RUS", "statements": "false"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == [name for name, _, _ in COLUMNS]
    expected = {
        (a.id, e.id) for a, e in _events() if e.source and (e.source.code or "").startswith("RUS") and e.root != "01"
    }
    assert {(r["article_id"], r["event_id"]) for r in rows} == expected
    bad = client.get("/api/events.csv", params={"since": "2024-02-31"})
    assert bad.status_code == 422


def test_map_points_are_the_event_places_and_the_article_places(client):
    body = client.get("/api/map").json()
    located = [(a, e) for a, e in _events() if e.location and e.location.get("lat") is not None]
    assert sum(p["events"] for p in body["events"]) == len(located) > 0
    names = {p["name"] for p in body["events"]}
    assert names == {e.location["name"] for _, e in located}
    place_mentions = [p for a in all_articles() for p in a.places if p.lat is not None]
    assert sum(p["mentions"] for p in body["places"]) == len(place_mentions)
    none = client.get("/api/map", params={"source": "ZZZ"}).json()
    assert none == {"events": [], "places": []}


def test_code_names(client):
    body = client.get("/api/codes").json()
    assert body["cameo"]["010"] == "Make statement" and body["cameo"]["125"].startswith("Reject")
    assert body["plover"]["REJECT"]["category"] == "verbal conflict"
    assert body["plover"]["ASSAULT"]["definition"]


def test_actors_count_events_as_source_and_as_target(client):
    items = client.get("/api/actors", params={"limit": 100}).json()["items"]
    russia = next(i for i in items if i["key"] == "russia")
    keys = {}
    for a in all_articles():
        for x in a.actors:
            keys[(a.id, x.id)] = x.key
    as_source = sum(1 for a, e in _events() if e.source and keys.get((a.id, e.source.actor)) == "russia")
    as_target = sum(1 for a, e in _events() if e.target and keys.get((a.id, e.target.actor)) == "russia")
    assert (russia["events_as_source"], russia["events_as_target"]) == (as_source, as_target)


def test_head_of_the_page_is_200(client):
    r = client.head("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html") and r.content == b""
