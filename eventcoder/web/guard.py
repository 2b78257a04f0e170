"""The app's outer guard (ASGI middleware): Host check, security headers, HEAD and OPTIONS,
query parameter limits and the request body deadline.

- **Host**: only the names of ``allowed_hosts`` are answered (421 otherwise), so a web page
  on another site cannot reach the local API through DNS rebinding.
- **Headers**: every response carries a Content-Security-Policy (nothing but this origin's
  scripts, styles and data: images; no framing), ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``.
- **HEAD** is answered as GET without the body; **OPTIONS** lists the methods of the path.
- **Query parameters** longer than ``max_query_chars`` or holding control characters are a 422
  before any endpoint runs (SQLite refuses LIKE patterns over 50,000 bytes; NUL truncates them).
- **Body deadline**: a client that does not finish sending its body within
  ``request_timeout`` seconds gets a 408 and the connection is closed (slow-body clients
  cannot hold a worker). Slow headers are cut by the server protocol (``server.py``).
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import parse_qsl

from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..settings import Settings
from .errors import error_response

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
        b" object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class RequestTimeout(HTTPException):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            408, f"request body not received within {seconds} s (setting request_timeout)", {"Connection": "close"}
        )


def host_name(header: str) -> str:
    """The host of a Host header, without its port: ``[::1]:8000`` -> ``[::1]``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware, outermost: see the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, router: ASGIApp | None = None) -> None:
        self.app = app
        self.router = router
        self.settings = settings
        names = [h.strip().lower() for h in settings.allowed_hosts.split(",") if h.strip()]
        self.any_host = "*" in names
        self.hosts = set(names)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        headers = dict(scope.get("headers", ()))
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if not self.any_host and host not in self.hosts:
            message = f"host {host!r} is not served here (setting allowed_hosts)"
            await error_response(421, message)(scope, receive, send)
            return
        problem = self._query_problem(scope)
        if problem:
            await error_response(422, problem)(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS":
            await self._options(scope, receive, send)
            return
        if method == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        await self.app(scope, _deadline(receive, self.settings.request_timeout), send)

    def _query_problem(self, scope: Scope) -> str | None:
        # The server bounds the request line (h11: 16 KiB), so parsing it all is cheap.
        raw = scope.get("query_string", b"").decode("latin-1")
        for name, value in parse_qsl(raw, keep_blank_values=True, errors="replace"):
            if len(value) > self.settings.max_query_chars:
                return (
                    f"{name}: {len(value):,} characters, over the limit of {self.settings.max_query_chars:,}"
                    " (setting max_query_chars)"
                )
            if _CONTROL.search(value):
                return f"{name}: holds a control character (such as NUL); send text"
        return None

    async def _options(self, scope: Scope, receive: Receive, send: Send) -> None:
        methods: set[str] = set()
        for route in getattr(self.router, "routes", []):
            match, _ = route.matches({**scope, "method": "GET"})
            if match != Match.NONE:
                methods.update(getattr(route, "methods", None) or {"GET"})
        if not methods:
            await error_response(404, f"not found: {scope['path']}")(scope, receive, send)
            return
        if "GET" in methods:
            methods.add("HEAD")
        methods.add("OPTIONS")
        allow = ", ".join(sorted(methods)).encode()
        await send({"type": "http.response.start", "status": 204, "headers": [(b"allow", allow)]})
        await send({"type": "http.response.body", "body": b""})


def _with_headers(send: Send) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sender


def _without_body(send: Send) -> Send:
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return sender


def _deadline(receive: Receive, seconds: int) -> Receive:
    """``receive`` that raises RequestTimeout once the body has taken ``seconds`` in all."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    complete = False  # after the body, receive() only waits for a disconnect: no deadline then

    async def receiver() -> Message:
        nonlocal complete
        if complete:
            return await receive()
        left = deadline - loop.time()
        try:
            message = await asyncio.wait_for(receive(), timeout=max(left, 0.001))
        except TimeoutError:
            raise RequestTimeout(seconds) from None
        complete = message["type"] != "http.request" or not message.get("more_body", False)
        return message

    return receiver
