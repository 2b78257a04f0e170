"""Request bodies over the limit are refused with 413 before they are read (declared or streamed)."""

from __future__ import annotations

import json
import select
import socket
from urllib.parse import urlsplit

import pytest

from eventcoder.web import create_app
from eventcoder.web.limits import DEFAULT_MAX_BODY, BodyLimit

MB = 1024 * 1024


def test_default_limit_is_10_mib():
    assert DEFAULT_MAX_BODY == 10 * MB


def test_declared_length_over_the_limit(store, client_for, token):
    with client_for(create_app(store, token=token, max_body=1000)) as c:
        response = c.post("/api/articles", content=b"x" * 1001, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 413
        assert response.json() == {
            "error": {"status": 413, "message": "request body of 1001 bytes is over the limit of 1000 bytes"}
        }
        assert response.headers["connection"] == "close"
        # Any route: a GET carrying a large body is refused the same way.
        assert c.request("GET", "/api/stats", content=b"x" * 5000).status_code == 413


def test_streamed_body_over_the_limit(store, client_for, token):
    def chunks():
        for _ in range(50):
            yield b"x" * 100

    with client_for(create_app(store, token=token, max_body=1000)) as c:
        response = c.post("/api/articles", content=chunks(), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413
    assert response.json() == {"error": {"status": 413, "message": "request body over the limit of 1000 bytes"}}


def test_body_at_the_limit_goes_through(store, client_for, token):
    body = json.dumps({"text": ""}).encode()
    with client_for(create_app(store, token=token, max_body=len(body))) as c:
        response = c.post("/api/articles", content=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422  # read and judged on its content, not refused for its size
    assert response.json()["error"]["message"] == "body: record has no text"


async def _call(middleware, headers: list[tuple[bytes, bytes]]) -> list[dict]:
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    await middleware(scope, receive, send)
    return sent


@pytest.mark.parametrize("value", [b"ten", b"-5"])
def test_unreadable_content_length_is_400(value):
    import anyio

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        raise AssertionError("the app was called")

    sent = anyio.run(_call, BodyLimit(app, 100), [(b"content-length", value)])
    assert sent[0]["status"] == 400
    assert json.loads(sent[1]["body"]) == {"error": {"status": 400, "message": "Content-Length is not a number"}}


def _read_response(sock: socket.socket) -> tuple[int, dict, bytes]:
    data = b""
    sock.settimeout(20)
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    while len(body) < int(headers.get("content-length", 0)):
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def _post_raw(base: str, head: str, chunks, token: str) -> tuple[int, dict, bytes, int]:
    """Send a request head then body chunks until the server answers; return the answer and bytes sent."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    sent = 0
    with socket.create_connection((host, port), timeout=20) as sock:
        sock.sendall((head.format(token=token) + "\r\n").encode())
        for chunk in chunks:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: stop sending
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        status, headers, body = _read_response(sock)
    return status, headers, body, sent


def test_a_64_mb_body_is_refused_by_a_real_server(store, serve, token):
    app = create_app(store, token=token)
    total = 64 * MB
    with serve(app) as base:
        # Declared length: refused from the headers alone.
        head = (
            "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {total}\r\n"
        )
        status, headers, body, sent = _post_raw(base, head, (b"x" * MB for _ in range(64)), token)
        assert status == 413
        assert json.loads(body)["error"]["status"] == 413
        assert sent < total

        # Chunked, no length: counted as it streams, refused once over 10 MiB.
        head = (
            "POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        )
        chunk = f"{MB:x}\r\n".encode() + b"x" * MB + b"\r\n"
        status, headers, body, sent = _post_raw(base, head, (chunk for _ in range(64)), token)
        assert status == 413
        assert json.loads(body) == {
            "error": {"status": 413, "message": "request body over the limit of 10485760 bytes"}
        }
        assert sent < total

        # The server is still up and answering.
        import httpx

        assert httpx.get(f"{base}/api/stats", timeout=20).json()["articles"] == 4
