"""The ASGI app: a JSON API over the store's query functions, and the web page at ``/``.

Endpoints stay thin: parse the parameters, call one ``Store`` method, return its result.
Errors are translated in ``errors.py``; request bodies are capped in ``limits.py``.
"""

from __future__ import annotations

import json
import secrets
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import __version__
from ..ingest.limits import Limits
from ..ingest.records import record_article
from ..pipeline import code_batch
from ..settings import Settings
from ..store import Store
from . import errors
from .guard import Guard
from .limits import DEFAULT_MAX_BODY, BodyLimit

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 2**62  # SQLite's OFFSET is a signed 64-bit integer; past this no store has rows anyway

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[str | None, Query(description="from this day on (YYYY-MM-DD, YYYY-MM or YYYY), inclusive")]
Until = Annotated[str | None, Query(description="up to this day (YYYY-MM-DD, YYYY-MM or YYYY), inclusive")]


class IngestRecord(BaseModel):
    """An article to code: the fields of a JSON Lines input record (only ``text`` is required)."""

    text: str = Field(description="the article body")
    id: str | None = Field(None, description="article id; default: a hash of the URL, else of the text")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")
    outlet: str | None = None
    byline: str | None = None
    options: dict[str, bool | int] | None = Field(
        None, description="per-record PETRARCH coding options (require_dyad, new_actor_length, comma_*)"
    )


_bearer = HTTPBearer(auto_error=False, description="the token given to `eventcoder serve --token`")


def create_app(
    store: Store | str | Path,
    *,
    token: str | None = None,
    settings: Settings | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> FastAPI:
    """The app over ``store`` (a Store, or a database path opened here and closed at shutdown).

    ``token``: the Bearer token that allows ``POST /api/articles``; without one, writing is
    refused. ``settings``: how posted articles are coded. ``max_body``: request body limit in bytes.
    """
    settings = settings or Settings.load()
    owned = not isinstance(store, Store)
    db: Store = store if isinstance(store, Store) else Store(store, create=False, settings=settings)
    coding = threading.Lock()  # one article coded at a time: the spaCy pipeline is not shared safely

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owned:
            db.close()

    app = FastAPI(
        title="eventcoder",
        version=__version__,
        description="Political event data coded from news articles, every fact tied to its text. "
        'Lists are pages `{"items": [...], "total": n}`; errors are `{"error": {"status": n, "message": "..."}}`.',
        lifespan=lifespan,
        # The Swagger and ReDoc pages load their scripts from a CDN: offline they are blank, and the
        # CSP forbids them. /openapi.json is the description; docs/api.md the manual.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = db
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(Guard, settings=settings, router=app.router)  # outermost: added last

    @app.get("/api/articles", summary="Articles by words of the title or text")
    def list_articles(
        q: Annotated[str | None, Query(description="words that must all occur in the title or text")] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return db.articles(q=q, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id:path}", summary="One article with its actors, events, quotes, times, places")
    def get_article(article_id: str) -> dict[str, Any]:
        article = db.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return article

    @app.get("/api/events", summary="Coded events, newest first")
    def list_events(
        source: Annotated[str | None, Query(description="source actor code prefix (RUS matches RUSGOV)")] = None,
        target: Annotated[str | None, Query(description="target actor code prefix")] = None,
        actor: Annotated[str | None, Query(description="source or target: code prefix or a word of the name")] = None,
        cameo: Annotated[str | None, Query(description="CAMEO event code prefix (04 matches 040-046)")] = None,
        plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
        modality: Annotated[
            str | None, Query(description="asserted, negated, future, hypothetical, reported, historical")
        ] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return db.events(
            source=source, target=target, actor=actor, cameo=cameo, plover=plover, modality=modality,
            since=since, until=until, limit=limit, offset=offset,
        )  # fmt: skip

    @app.get("/api/quotes", summary="Quotes by speaker and words")
    def list_quotes(
        speaker: Annotated[str | None, Query(description="any name, variant or mention of the speaker")] = None,
        q: Annotated[str | None, Query(description="words that must all occur in the quote")] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return db.quotes(speaker=speaker, q=q, since=since, until=until, limit=limit, offset=offset)

    @app.get("/api/actors", summary="Actors across articles (grouped by key), with counts")
    def list_actors(
        q: Annotated[str | None, Query(description="part of a name, variant, key, or a code prefix")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return db.actors(q=q, limit=limit, offset=offset)

    @app.get("/api/dyads", summary="Per period: events, Goldstein sum and count per quad class of a dyad")
    def list_dyads(
        source: Annotated[str | None, Query(description="source actor code prefix")] = None,
        target: Annotated[str | None, Query(description="target actor code prefix")] = None,
        interval: Annotated[str, Query(description="day, week or month")] = "day",
        since: Since = None,
        until: Until = None,
    ) -> dict[str, Any]:
        return db.dyads(source=source, target=target, interval=interval, since=since, until=until)

    @app.get("/api/network", summary="Who acted on whom in a time window: nodes and weighted edges")
    def get_network(
        since: Since = None,
        until: Until = None,
        limit: Annotated[int, Query(ge=1, le=200, description="most active actors kept")] = 40,
    ) -> dict[str, Any]:
        return db.network(since=since, until=until, limit=limit)

    @app.get("/api/stats", summary="How many articles, events, quotes and actors the store holds")
    def get_stats() -> dict[str, int]:
        return db.stats()

    @app.post(
        "/api/articles",
        summary="Code and store one article (needs the Bearer token)",
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": IngestRecord.model_json_schema()}},
            }
        },
    )
    async def post_article(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> JSONResponse:
        _authorise(token, request, credentials)  # before a byte of the body is read
        raw = await request.body()
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise HTTPException(422, f"body: not JSON ({exc})") from None
        except RecursionError:
            raise HTTPException(422, "body: JSON nested too deeply") from None
        article = record_article(record, "body", None, Limits.of(settings))  # InputError -> 422

        def code_and_store() -> dict[str, Any]:
            with coding:
                code_batch([article], settings)
            result = db.write_batch([article])
            status = "replaced" if result.replaced else "inserted" if result.inserted else "unchanged"
            return {"id": article.id, "status": status, "events": len(article.events), "quotes": len(article.quotes)}

        body = await run_in_threadpool(code_and_store)
        return JSONResponse(body, status_code=200 if body["status"] == "unchanged" else 201)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _authorise(token: str | None, request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    """401 without credentials, 403 with wrong ones or when the server has no token at all."""
    if not token:
        raise HTTPException(403, "writing is disabled: start `eventcoder serve` with --token or EVENTCODER_TOKEN")
    if credentials is None:
        if request.headers.get("authorization"):
            raise HTTPException(401, "the Authorization header must be `Bearer <token>`",
                                headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        raise HTTPException(401, "missing `Authorization: Bearer <token>`", headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(403, "wrong token")
