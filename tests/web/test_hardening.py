"""The API against hostile clients (issue 14): 4xx with a reason instead of 500s, bounded answers,
security headers, a Host check, HEAD and OPTIONS, and deadlines for slow clients."""

from __future__ import annotations

import dataclasses
import json
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from coded_articles import all_articles

from eventcoder.settings import Settings
from eventcoder.store import Store
from eventcoder.web import create_app
from eventcoder.web.server import config

STATIC = Path(__file__).resolve().parents[2] / "eventcoder" / "web" / "static"


def assert_error(response, status: int, message: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert message in response.json()["error"]["message"], response.json()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/events?offset=9223372036854775808", "offset: Input should be less than or equal to"),
        ("/api/actors?q=" + "a" * 50_000, "q: 50,000 characters, over the limit of 1,000 (setting max_query_chars)"),
        ("/api/events?actor=" + "%25" * 2000, "actor: 2,000 characters, over the limit of 1,000"),
        ("/api/articles?q=%00", "q: holds a control character (such as NUL); send text"),
        ("/api/quotes?speaker=a%00b", "speaker: holds a control character"),
    ],
)
def test_hostile_query_parameters_are_422_and_keep_the_connection(client, url, message):
    assert_error(client.get(url), 422, message)
    assert client.get("/api/stats").status_code == 200


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"text": "Russia criticised Ukraine.", "published": "9999-12-31"}',
         "body: date '9999-12-31' is out of the supported range 0100-01-01 to 9899-12-31"),
        ('{"text": "Russia criticised Ukraine.", "published": "0001-01-01"}', "body: date '0001-01-01' is out"),
        ('{"text": "Russia \\ud800 criticised Ukraine."}',
         "body: field 'text' is not valid Unicode text (a lone surrogate \\ud800)"),
        ('{"text": "Russia criticised Ukraine.", "title": "\\udcff"}', "body: field 'title' is not valid Unicode"),
        ("[" * 100_000 + "]" * 100_000, "body: JSON nested too deeply"),
        ('{"text": "Russia criticised Ukraine.", "options": {"comma_min": [1, 2]}}',
         "body: options: option comma_min: [1, 2] is not a whole number"),
        ('{"text": "Russia criticised Ukraine.", "options": {"require_dyad": {"x": 1}}}',
         "body: options: option require_dyad: {'x': 1} is not true or false"),
        ('{"text": "Russia criticised Ukraine.", "options": {"model": "xx"}}',
         "body: options: option 'model' cannot be set per record"),
        ('{"text": "Russia \\u0000 criticised Ukraine."}', "body: field 'text' holds a NUL character"),
    ],
)  # fmt: skip
def test_hostile_bodies_are_422(client, token, body, message):
    response = client.post("/api/articles", content=body.encode(), headers={"Authorization": f"Bearer {token}"})
    assert_error(response, 422, message)


def test_article_over_the_length_limit_is_refused_with_the_setting(store, client_for, token):
    with client_for(create_app(store, token=token, settings=Settings.load(max_article_chars=100))) as c:
        response = c.post(
            "/api/articles", json={"text": "Talks went on. " * 10}, headers={"Authorization": f"Bearer {token}"}
        )
    assert_error(
        response, 422, "body: article text of 150 characters is over the limit of 100 (setting max_article_chars)"
    )


def test_the_schema_lists_the_options(client):
    schema = client.get("/openapi.json").json()["paths"]["/api/articles"]["post"]["requestBody"]
    assert "options" in schema["content"]["application/json"]["schema"]["properties"]


def test_dyads_are_capped_in_periods(tmp_path, client_for):
    articles = all_articles()
    first = articles[0]
    events = [
        dataclasses.replace(first.events[0], date="0001-01-03"),
        dataclasses.replace(first.events[1], date="9998-06-01"),
    ]
    with Store(tmp_path / "d.db") as db:
        db.write_batch([dataclasses.replace(first, events=events)])
        with client_for(create_app(db)) as c:
            assert_error(
                c.get("/api/dyads?interval=day"),
                422,
                "periods of a day from 0001-01-03 to 9998-06-01: over the limit of 10,000 (setting max_periods)",
            )
            assert_error(c.get("/api/dyads?interval=month"), 422, "119,970 periods of a month from 0001-01-01")
            ok = c.get("/api/dyads?interval=day&since=9998-01-01")
            assert ok.status_code == 200 and ok.json()["total"] == 1


def test_security_headers_on_every_answer(client):
    for url in ("/", "/api/stats", "/api/nothing", "/static/js/main.js", "/api/events?limit=x"):
        headers = client.get(url).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""])
def test_other_host_names_are_refused(client, host):
    assert_error(client.get("/api/stats", headers={"Host": host}), 421, "is not served here (setting allowed_hosts)")


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:1234", "[::1]:8000", "LOCALHOST"])
def test_local_host_names_are_answered(client, host):
    assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_allowed_hosts_setting(store, client_for):
    app = create_app(store, settings=Settings.load(allowed_hosts="events.example.org"))
    with client_for(app) as c:
        assert c.get("/api/stats", headers={"Host": "events.example.org"}).status_code == 200
        assert c.get("/api/stats", headers={"Host": "localhost"}).status_code == 421
    with client_for(create_app(store, settings=Settings.load(allowed_hosts="*"))) as c:
        assert c.get("/api/stats", headers={"Host": "anything.example"}).status_code == 200


def test_no_page_loads_scripts_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200


def test_head_and_options(client):
    head = client.head("/api/stats")
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(client.get("/api/stats").content)
    assert client.head("/").status_code == 200
    options = client.options("/api/articles")
    assert options.status_code == 204
    assert options.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert client.options("/api/stats").headers["allow"] == "GET, HEAD, OPTIONS"
    assert client.options("/api/nothing").status_code == 404


@pytest.mark.skipif(shutil.which("node") is None, reason="node is absent: the page's URL check is not run")
def test_the_page_links_only_web_urls():
    script = (
        f"import {{ safeHref }} from {json.dumps(str(STATIC / 'js' / 'dom.js'))};"
        "console.log(JSON.stringify(['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'vbscript:x',"
        " 'https://example.org/a', 'http://x.org', '/relative', null].map(safeHref)));"
    )
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [None, None, None, None, "https://example.org/a", "http://x.org", None, None]


# -- slow clients, against a real server --------------------------------------------------------


@pytest.fixture
def quick_server(store, port):
    """A real uvicorn server as `eventcoder serve` configures it, with 1 s request deadlines."""
    settings = Settings.load(request_timeout=1, keep_alive_timeout=1)
    server = uvicorn.Server(config(create_app(store, token="t", settings=settings), settings, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline
        time.sleep(0.02)
    yield port
    server.should_exit = True
    thread.join(timeout=20)


def _closed_within(sock: socket.socket, seconds: float) -> tuple[bool, bytes]:
    """Whether the server closes ``sock`` within ``seconds``, and what it sent before."""
    sock.settimeout(seconds)
    got = b""
    try:
        while chunk := sock.recv(4096):
            got += chunk
    except TimeoutError:
        return False, got
    return True, got


@pytest.mark.parametrize("sent", [b"", b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n"])
def test_slow_headers_are_cut_off(quick_server, sent):
    with socket.create_connection(("127.0.0.1", quick_server)) as sock:
        sock.sendall(sent)
        closed, got = _closed_within(sock, 5)
    assert closed, "a client that never finishes its headers keeps its connection"
    assert got.startswith(b"HTTP/1.1 408 ")


def test_slow_body_is_cut_off(quick_server):
    with socket.create_connection(("127.0.0.1", quick_server)) as sock:
        sock.sendall(
            b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
            b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text": '
        )
        closed, got = _closed_within(sock, 5)
    assert closed, "a client that never finishes its body keeps its connection"
    assert got.startswith(b"HTTP/1.1 408 ")
    assert b"request body not received within 1 s (setting request_timeout)" in got


def test_idle_keep_alive_is_closed(quick_server):
    with socket.create_connection(("127.0.0.1", quick_server)) as sock:
        sock.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        closed, got = _closed_within(sock, 5)
    assert closed and got.startswith(b"HTTP/1.1 200 ")
