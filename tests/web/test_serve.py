"""`eventcoder serve` as a user runs it: a subprocess listening on loopback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
from coded_articles import filled_store

ENTRY = "from eventcoder.cli import main; main()"


@pytest.fixture
def db(tmp_path):
    filled_store(tmp_path / "serve.db").close()
    return tmp_path / "serve.db"


def serve(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", ENTRY, "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            httpx.get(base + "/api/stats", timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("serve did not come up within 60 s")


def test_serve_on_loopback_with_the_token_from_the_environment(db, port):
    env = {**os.environ, "EVENTCODER_TOKEN": "from-env"}
    proc = serve(["--db", str(db), "--port", str(port)], env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base, proc)
        assert "/api/events" in httpx.get(base + "/openapi.json").json()["paths"]
        assert httpx.get(base + "/").headers["content-type"].startswith("text/html")
        assert httpx.get(base + "/api/events", params={"source": "RUS"}).json()["total"] == 4
        refused = httpx.post(base + "/api/articles", json={"text": "x"})
        assert refused.status_code == 401
        wrong = httpx.post(base + "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        # The environment's token is accepted: the body is then judged (no text -> 422), not the caller.
        judged = httpx.post(base + "/api/articles", json={"title": "t"}, headers={"Authorization": "Bearer from-env"})
        assert (judged.status_code, judged.json()["error"]["message"]) == (422, "body: record has no text")
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert f"eventcoder: serving {db} on http://127.0.0.1:{port}/ (writing on)" in err


def test_serve_refuses_a_missing_database(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", ENTRY, "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"eventcoder: {tmp_path / 'none.db'}: no such database "
        f"(code articles into it first: eventcoder code FILES --db {tmp_path / 'none.db'})"
    )
    assert not (tmp_path / "none.db").exists()
