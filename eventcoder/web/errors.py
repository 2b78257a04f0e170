"""One JSON error shape for every error the API returns: ``{"error": {"status": n, "message": "..."}}``.

Library errors are translated here, at the edge: a malformed parameter (``QueryError``) or an
unusable article (``InputError``, ``SettingsError``) is a 422, never a 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import InputError, QueryError, SettingsError, StoreError

log = logging.getLogger("eventcoder.web")

_REASONS = {
    400: "bad request", 401: "unauthorised", 403: "forbidden", 404: "not found", 405: "method not allowed",
    408: "request timeout", 413: "request body too large", 421: "misdirected request", 422: "invalid parameters",
    500: "internal error", 503: "store unavailable",
}  # fmt: skip


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one JSON error shape: ``{"error": {"status", "message"}}``."""
    return {"error": {"status": status, "message": message}}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON response of the error shape with that status."""
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) and exc.detail else _REASONS.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        elif exc.status_code == 405 and message == "Method Not Allowed":
            message = f"method {request.method} not allowed on {request.url.path}"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(QueryError)
    @app.exception_handler(InputError)
    @app.exception_handler(SettingsError)
    async def client_error(request: Request, exc: Exception) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not bad input: logged with its traceback, answered in the same shape.
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")
