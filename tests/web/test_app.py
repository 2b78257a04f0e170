"""The HTTP API in-process: every endpoint, every error case, the page and its assets."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from coded_articles import CN_TEXT, all_articles, moscow_times

from eventcoder.web import create_app
from eventcoder.web.app import STATIC

ENDPOINTS = {
    "/api/articles": {"get", "post"},
    "/api/articles/{article_id}": {"get"},
    "/api/events": {"get"},
    "/api/events.csv": {"get"},
    "/api/map": {"get"},
    "/api/codes": {"get"},
    "/api/events/{unique_id}": {"get"},
    "/api/quotes": {"get"},
    "/api/actors": {"get"},
    "/api/dyads": {"get"},
    "/api/network": {"get"},
    "/api/stats": {"get"},
}


def assert_error(response, status: int, message: str) -> None:
    """The one error shape, with the status and a message matching ``message`` (a regex)."""
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert re.search(message, body["error"]["message"]), body["error"]["message"]


def test_openapi_lists_the_endpoints(client):
    doc = client.get("/openapi.json").json()
    assert {path: set(ops) for path, ops in doc["paths"].items()} == ENDPOINTS
    events_params = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert events_params == {
        "source",
        "target",
        "actor",
        "cameo",
        "plover",
        "modality",
        "since",
        "until",
        "quad",
        "statements",
        "article",
        "sort",
        "limit",
        "offset",
        "unique",
    }
    post = doc["paths"]["/api/articles"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["required"] == ["text"]
    assert post["security"] == [{"HTTPBearer": []}]


def test_the_page_and_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert sorted(assets) == ["/static/app.css", "/static/js/main.js"]
    js = sorted(p.name for p in (STATIC / "js").glob("*.js"))
    for name in ["app.css", *[f"js/{n}" for n in js]]:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
    # Every module a script imports is served too.
    for path in (STATIC / "js").glob("*.js"):
        for imported in re.findall(r'from "\./([^"]+)"', path.read_text()):
            assert (STATIC / "js" / imported).exists(), f"{path.name} imports a missing {imported}"


def test_assets_load_nothing_from_the_network():
    # Users run this offline: no CDN, no remote fonts. The SVG namespace is a name, not a fetch.
    for path in Path(STATIC).rglob("*"):
        if path.is_file():
            urls = set(re.findall(r"https?://[^\s\"'`)<>]+", path.read_text()))
            assert urls <= {"http://www.w3.org/2000/svg"}, (path.name, urls)


def test_events_filter_by_source_prefix_and_paginate(client):
    page = client.get("/api/events", params={"source": "RUS", "limit": 3}).json()
    assert page["total"] == 4
    assert [(e["article_id"], e["id"]) for e in page["items"]] == [
        ("mt-2024-09-20", "e1"), ("mt-2024-09-20", "e2"), ("wn-swap", "e1"),
    ]  # fmt: skip
    assert all(e["source"]["code"].startswith("RUS") for e in page["items"])
    rest = client.get("/api/events", params={"source": "RUS", "limit": 3, "offset": 3}).json()
    assert (rest["total"], [e["id"] for e in rest["items"]]) == (4, ["e3"])


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"target": "usa"}, 3),
        ({"actor": "Lavrov"}, 1),
        ({"cameo": "12"}, 2),
        ({"plover": "REJECT"}, 2),
        ({"modality": "negated"}, 1),
        ({"since": "2024-09-02", "until": "2024-09-30"}, 2),
        ({}, 9),
    ],
)
def test_event_filters(client, params, total):
    assert client.get("/api/events", params=params).json()["total"] == total


def test_quotes_by_speaker(client):
    page = client.get("/api/quotes", params={"speaker": "Ryabkov"}).json()
    assert page["total"] == 2
    assert [q["text"] for q in page["items"]] == [
        "There are no such plans,",
        "Washington had rejected talks with Moscow on arms control",
    ]
    assert client.get("/api/quotes", params={"q": "summit"}).json()["items"][0]["article_id"] == "wn-china"


def test_articles_by_text(client):
    page = client.get("/api/articles", params={"q": "Lavrov"}).json()
    assert [a["id"] for a in page["items"]] == ["mt-2024-09-20", "wn-swap"]
    assert page["total"] == 2


def test_one_article_with_its_spans(client):
    article = client.get("/api/articles/mt-2024-09-20").json()
    assert article == moscow_times().to_dict()
    text = article["text"]
    spans = [m for a in article["actors"] for m in a["mentions"]] + [e["trigger"] for e in article["events"]]
    spans += [{"start": q["start"], "end": q["end"], "text": q["text"]} for q in article["quotes"]]
    assert len(spans) == 12
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_article_ids_with_slashes_and_unicode(client, store):
    article = all_articles()[1]
    article.id = "2024/10/Пекин ü"
    store.write_batch([article])
    response = client.get("/api/articles/" + quote(article.id, safe=""))
    assert response.status_code == 200
    assert response.json()["text"] == CN_TEXT


def test_actors_dyads_network_stats(client):
    actors = client.get("/api/actors", params={"q": "lavrov"}).json()
    assert [a["key"] for a in actors["items"]] == ["sergey_lavrov"]
    dyads = client.get("/api/dyads", params={"source": "RUS", "target": "USA", "interval": "month"}).json()
    assert [(d["period"], d["events"], d["goldstein"]) for d in dyads["items"]] == [
        ("2024-08", 1, 7.0),
        ("2024-09", 1, -5.0),
    ]
    assert dyads["total"] == 2
    network = client.get("/api/network", params={"limit": 2}).json()
    assert [n["id"] for n in network["nodes"]] == ["russia", "united_states"]
    assert client.get("/api/stats").json() == {
        "articles": 4,
        "events": 9,
        "quotes": 3,
        "actors": 8,
        "stories": 4,
        "copies": 0,
        "unique_events": 9,
    }


@pytest.mark.parametrize(
    ("method", "url", "status", "message"),
    [
        ("get", "/api/events?since=2024-13-45", 422, r"since: '2024-13-45' is not a valid date"),
        ("get", "/api/events?since=last%20week", 422, r"since: 'last week' is not a date; use YYYY-MM-DD"),
        ("get", "/api/events?until=2024-02-30", 422, r"until: '2024-02-30'"),
        ("get", "/api/events?since=2024-10&until=2024-09", 422, r"since \(2024-10\) is after until \(2024-09\)"),
        ("get", "/api/events?modality=sure", 422, r"modality: 'sure' is not one of"),
        ("get", "/api/events?cameo=x1", 422, r"cameo: 'x1' is not a CAMEO event code prefix"),
        ("get", "/api/events?limit=5000", 422, r"limit: Input should be less than or equal to 1000"),
        ("get", "/api/events?limit=ten", 422, r"limit: Input should be a valid integer"),
        ("get", "/api/events?offset=-1", 422, r"offset: Input should be greater than or equal to 0"),
        ("get", "/api/quotes?since=2024-00-01", 422, r"since: '2024-00-01' is not a valid date"),
        ("get", "/api/articles?until=tomorrow", 422, r"until: 'tomorrow' is not a date"),
        ("get", "/api/dyads?interval=year", 422, r"interval: 'year' is not one of day, week, month"),
        ("get", "/api/dyads?source=RUS&since=2024-1-1", 422, r"since: '2024-1-1' is not a date"),
        ("get", "/api/network?limit=0", 422, r"limit: Input should be greater than or equal to 1"),
        ("get", "/api/articles/no-such-article", 404, r"no article with id 'no-such-article'"),
        ("get", "/api/nothing-here", 404, r"not found: /api/nothing-here"),
        ("get", "/static/nothing.js", 404, r"not found"),
        ("delete", "/api/events", 405, r"method DELETE not allowed on /api/events"),
        ("put", "/api/articles", 405, r"method PUT not allowed"),
    ],
)
def test_errors_have_one_json_shape(client, method, url, status, message):
    assert_error(client.request(method, url), status, message)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?source=%25&target=_&actor=%22&plover=%27",
        "/api/events?since=&until=&cameo=&modality=",
        "/api/events?offset=999999999",
        "/api/quotes?speaker=%00&q=%E2%80%9C",
        "/api/articles?q=NEAR(%22a%22%20b)&limit=0",
        "/api/actors?q=%5C",
        "/api/dyads?source=%F0%9F%98%80&interval=week",
        "/api/articles/%2F..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%00",
        "/api/events?limit=99999999999999999999999",
    ],
)
def test_odd_client_input_is_never_a_500(client, url):
    response = client.get(url)
    assert response.status_code < 500, response.text
    assert response.headers["content-type"] == "application/json"


# -- writing ---------------------------------------------------------------------------------


def test_write_refused_when_no_token_is_configured(store, client_for):
    with client_for(create_app(store)) as c:
        response = c.post(
            "/api/articles", json={"text": "Russia criticised Ukraine."}, headers={"Authorization": "Bearer x"}
        )
    assert_error(response, 403, r"writing is disabled: start `eventcoder serve` with --token or EVENTCODER_TOKEN")


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        ({}, 401, r"missing `Authorization: Bearer <token>`"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, r"must be `Bearer <token>`"),
        ({"Authorization": "Bearer"}, 401, r"must be `Bearer <token>`"),
        ({"Authorization": "Bearer wrong"}, 403, r"wrong token"),
        ({"Authorization": "Bearer s3cret-token-and-more"}, 403, r"wrong token"),
    ],
)
def test_write_refused_without_the_right_token(client, headers, status, message):
    response = client.post("/api/articles", json={"text": "Russia criticised Ukraine."}, headers=headers)
    assert_error(response, status, message)
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/stats").json()["articles"] == 4


def test_the_token_is_checked_before_the_body(client):
    # An unauthorised client learns nothing about what the server would make of its body.
    response = client.post("/api/articles", content=b"{not json", headers={"Content-Type": "application/json"})
    assert_error(response, 401, r"missing `Authorization")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", r"body: not JSON \(Expecting property name"),
        (b"\xff\xfe\x00garbage", r"body: not JSON"),
        (b"[1, 2]", r"body: record is not a JSON object but"),
        (b'{"title": "no text"}', r"body: record has no text"),
        (b'{"text": "  "}', r"body: record has no text"),
        (b'{"text": 42}', r"body: field 'text' must be a string"),
        (b'{"text": "Russia criticised Ukraine.", "published": "someday"}', r"body: cannot read date 'someday'"),
        (b'{"text": "Russia criticised Ukraine.", "id": ["a"]}', r"body: field 'id' must be a string"),
        (b"", r"body: not JSON"),
    ],
)
def test_bad_bodies_are_422(client, token, body, message):
    response = client.post("/api/articles", content=body, headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 422, message)


def test_write_with_the_token_codes_and_stores(client, token):
    """The real pipeline (spaCy + dictionaries) codes the posted article; the store keeps it."""
    record = {
        "text": "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
        '"We discussed Ukraine," Lavrov told reporters.',
        "url": "https://example.org/lavrov-wang",
        "title": "Lavrov meets Wang Yi",
        "published": "2024-04-08",
    }
    auth = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/articles", json=record, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    from eventcoder.ingest import article_id

    assert body["id"] == article_id(given=None, url=record["url"], text=record["text"])
    assert body["status"] == "inserted"
    stored = client.get(f"/api/articles/{body['id']}").json()
    assert stored["text"] == record["text"] and stored["title"] == "Lavrov meets Wang Yi"
    assert (len(stored["events"]), len(stored["quotes"])) == (body["events"], body["quotes"])
    for actor in stored["actors"]:
        for m in actor["mentions"]:
            assert record["text"][m["start"] : m["end"]] == m["text"]
    assert client.get("/api/articles", params={"q": "Wang"}).json()["items"][0]["id"] == body["id"]
    # The same article again changes nothing.
    again = client.post("/api/articles", json=record, headers=auth)
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    assert client.get("/api/stats").json()["articles"] == 5
