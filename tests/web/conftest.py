"""Fixtures for the API and browser tests: a filled store, an in-process client, a real server."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn
from coded_articles import filled_store

with warnings.catch_warnings():
    # Starlette 1.x warns that it prefers the httpx2 package; httpx (pinned) works the same.
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from eventcoder.web import create_app

TOKEN = "s3cret-token"


@pytest.fixture
def token() -> str:
    return TOKEN


@pytest.fixture
def store(tmp_path):
    s = filled_store(tmp_path / "web.db")
    yield s
    s.close()


@pytest.fixture
def client_for():
    """``with client_for(app) as c:`` an in-process client (a 500 comes back as a response, as from a server)."""
    return lambda app: TestClient(app, base_url="http://localhost", raise_server_exceptions=False)


@pytest.fixture
def client(store, client_for) -> Iterator[TestClient]:
    with client_for(create_app(store, token=TOKEN)) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(app, port: int | None = None) -> Iterator[str]:
    """Serve ``app`` with a real uvicorn server on loopback (in a thread); yields its base URL."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@pytest.fixture
def serve():
    """``with serve(app) as url:`` runs the app on a real uvicorn server."""
    return running


@pytest.fixture
def port() -> int:
    """A free TCP port on loopback."""
    return free_port()
