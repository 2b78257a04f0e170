"""uvicorn, configured so that no client can hold a connection open indefinitely.

uvicorn closes idle keep-alive connections (``keep_alive_timeout``) but waits forever for
the headers of a request: a client that connects and sends one byte a minute (slowloris)
keeps its connection, and enough of them exhaust the server. ``TimedH11Protocol`` closes a
connection whose request headers are not complete ``request_timeout`` seconds after the
connection opened or the previous response ended, with a 408. The body has the same
deadline, enforced by the app (``guard.py``).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..settings import Settings


def _timeout_response(seconds: int) -> bytes:
    body = json.dumps(
        {
            "error": {
                "status": 408,
                "message": f"request headers not received within {seconds} s (setting request_timeout)",
            }
        }  # fmt: skip
    ).encode()
    head = (
        "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode() + body


class TimedH11Protocol(H11Protocol):
    """H11Protocol with a deadline for each request's headers (``header_timeout`` seconds)."""

    header_timeout = 30

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:
            if self._header_timer is None:
                self._arm()  # bytes of the next request's headers: its clock starts now
        else:
            self._disarm()  # headers complete: the body has the app's deadline

    def on_response_complete(self) -> None:
        super().on_response_complete()  # arms keep_alive_timeout for the idle wait

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._header_timer = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _expired(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            if self.cycle is None or self.cycle.response_complete:
                self.transport.write(_timeout_response(self.header_timeout))
            self.transport.close()


def protocol(settings: Settings) -> type[TimedH11Protocol]:
    """The protocol class with this run's header deadline."""
    return type("TimedH11Protocol", (TimedH11Protocol,), {"header_timeout": settings.request_timeout})


def config(app: Any, settings: Settings, host: str, port: int, **extra: Any) -> uvicorn.Config:
    """The uvicorn configuration of ``eventcoder serve`` (and of the tests that run a real server)."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol(settings),
        timeout_keep_alive=settings.keep_alive_timeout,
        log_level="warning",
        **extra,
    )
