"""The ASGI app: a JSON API over the store's query functions, and the web page at ``/``.

Endpoints stay thin: parse the parameters, call one ``Store`` method, return its result.
Errors are translated in ``errors.py``; request bodies are capped in ``limits.py``.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.exceptions import HTTPException

from .. import __version__
from ..ingest.limits import Limits
from ..settings import Settings
from ..store import ArticleFilters, EventFilters, QuoteFilters, Store
from . import errors, posting
from .codes import code_names
from .filters import filter_params
from .guard import Guard
from .limits import DEFAULT_MAX_BODY, BodyLimit

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 2**62  # SQLite's OFFSET is a signed 64-bit integer; past this no store has rows anyway

Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
# The filters' query parameters, and those of dyads and network, derive from eventcoder/store/filters.py.
EventQuery = Annotated[EventFilters, filter_params(EventFilters)]
Sort = Annotated[
    str | None,
    Query(description="day, source, target, cameo, plover, goldstein, modality, trigger or article; a leading - sorts"
          " descending (default -day)"),
]  # fmt: skip
Unique = Annotated[bool, Query(description="one item per fused event (the reports of one act), with its counts")]
QuoteQuery = Annotated[QuoteFilters, filter_params(QuoteFilters)]
ArticleQuery = Annotated[ArticleFilters, filter_params(ArticleFilters)]
Source = Annotated[str | None, Query(description=EventFilters.spec("source").help)]
Target = Annotated[str | None, Query(description=EventFilters.spec("target").help)]
Since = Annotated[str | None, Query(description=EventFilters.spec("since").help)]
Until = Annotated[str | None, Query(description=EventFilters.spec("until").help)]


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
    def list_articles(filters: ArticleQuery, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return db.articles(filters, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id:path}", summary="One article with its actors, events, quotes, times, places")
    def get_article(article_id: str) -> dict[str, Any]:
        article = db.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return article

    @app.get("/api/events", summary="Coded events, newest first (or by `sort`)")
    def list_events(
        filters: EventQuery, sort: Sort = None, limit: Limit = 50, offset: Offset = 0, unique: Unique = False
    ) -> dict[str, Any]:
        if unique:  # one item per fused event, newest first
            return db.unique_events(filters, limit=limit, offset=offset)
        return db.events(filters, sort=sort, limit=limit, offset=offset)

    @app.get("/api/events.csv", summary="Every event matching the filters as csv (the columns of `eventcoder export`)")
    def events_csv(filters: EventQuery) -> StreamingResponse:
        from ..export import csv_lines

        return StreamingResponse(
            iterate_in_threadpool(csv_lines(db.iter_events(filters, detail=True))),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="events.csv"'},
        )

    @app.get("/api/map", summary="Places of the events matching the filters, and places their articles mention")
    def get_map(filters: EventQuery) -> dict[str, Any]:
        return db.map_points(filters)

    @app.get("/api/codes", summary="Names of CAMEO event codes and PLOVER event types")
    def get_codes() -> dict[str, Any]:
        return code_names()

    @app.get("/api/events/{unique_id}", summary="One fused event with its member reports (article, sentence)")
    def get_unique_event(unique_id: str) -> dict[str, Any]:
        item = db.unique_event(unique_id)
        if item is None:
            raise HTTPException(404, f"no fused event with id {unique_id!r}")
        return item

    @app.get("/api/quotes", summary="Quotes by speaker and words")
    def list_quotes(filters: QuoteQuery, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return db.quotes(filters, limit=limit, offset=offset)

    @app.get("/api/actors", summary="Actors across articles (grouped by key), with counts")
    def list_actors(
        q: Annotated[str | None, Query(description="part of a name, variant, key, or a code prefix")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return db.actors(q=q, limit=limit, offset=offset)

    @app.get("/api/dyads", summary="Per period: events, Goldstein sum and count per quad class of a dyad")
    def list_dyads(
        source: Source = None,
        target: Target = None,
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
        summary="Code and store one article, or several as JSON Lines (needs the Bearer token)",
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": IngestRecord.model_json_schema()},
                    "application/x-ndjson": {
                        "schema": {"type": "string", "description": "several articles, one JSON object per line"}
                    },
                },
            }
        },
    )
    async def post_article(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> JSONResponse:
        _authorise(token, request, credentials)  # before a byte of the body is read
        raw = await request.body()
        json_lines = posting.is_json_lines(request.headers.get("content-type"))
        items = posting.read_body(raw, json_lines=json_lines, limits=Limits.of(settings))  # InputError -> 422

        def code_and_store() -> dict[str, Any]:
            with coding:
                return posting.code_posted(items, settings, db)

        status, body = posting.response(await run_in_threadpool(code_and_store), json_lines=json_lines)
        return JSONResponse(body, status_code=status)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
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
