"""Request body limit, enforced before the body is read.

A declared ``Content-Length`` over the limit is refused at once, without reading a byte of
the body; a body without one (chunked) is counted as it streams in and refused as soon as it
passes the limit, so a 64 MB upload never sits in memory.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

DEFAULT_MAX_BODY = 10 * 1024 * 1024  # 10 MiB


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes", headers={"Connection": "close"})


class BodyLimit:
    """ASGI middleware: 413 (JSON error shape) for request bodies over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared == -1:
            await error_response(400, "Content-Length is not a number")(scope, receive, send)
            return
        if declared is not None and declared > self.max_bytes:
            # "Connection: close": the server will not read the rest of what the client sends.
            response = error_response(
                413, f"request body of {declared} bytes is over the limit of {self.max_bytes} bytes",
                headers={"Connection": "close"},
            )  # fmt: skip
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the endpoint's body read; the app's handler turns it into the 413.
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)


def _content_length(scope: Scope) -> int | None:
    """The declared body size; None when absent, -1 when unreadable."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                n = int(value)
            except ValueError:
                return -1
            return n if n >= 0 else -1
    return None
