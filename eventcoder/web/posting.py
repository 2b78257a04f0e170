"""``POST /api/articles``: the request body read as input, coded by the same run as the command line.

A JSON body is one article, read like one line of a ``.jsonl`` input; a JSON Lines body
(``Content-Type: application/x-ndjson``) is several, read exactly like a ``.jsonl`` file. Both
go through :func:`eventcoder.run.code_items`, so an article that a stage cannot code is a
rejection with its reason, as it is for ``eventcoder code``, never a server error.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..article import Article
from ..errors import InputError
from ..ingest import Rejection
from ..ingest.limits import Limits
from ..ingest.records import read_json_lines, record_article
from ..run import code_items
from ..settings import Settings
from ..store import Store, WriteResult

WHERE = "body"  # how rejections name the body ("body:3" is its third line)
JSON_LINES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")


def is_json_lines(content_type: str | None) -> bool:
    """Whether the body is JSON Lines (several articles) rather than one JSON object."""
    return (content_type or "").split(";")[0].strip().lower() in JSON_LINES


def read_body(raw: bytes, *, json_lines: bool, limits: Limits | None = None) -> list[Article | Rejection]:
    """The articles of the body, and the rejections of its bad lines.

    Raises ``InputError`` when the body as a whole is unusable: not JSON, or for one JSON
    article any reason it cannot be coded, or a JSON Lines body that is empty or binary.
    """
    if not json_lines:
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(WHERE, f"not JSON ({exc})") from None
        except RecursionError:
            raise InputError(WHERE, "JSON nested too deeply") from None
        return [record_article(record, WHERE, None, limits)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(WHERE, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    numbered = enumerate(text.splitlines(), start=1)
    items: list[Article | Rejection] = list(read_json_lines(numbered, WHERE, None, limits))
    whole = [r for r in items if isinstance(r, Rejection) and r.where == WHERE]
    if whole:
        raise InputError(WHERE, whole[0].reason)
    return items


def code_posted(items: list[Article | Rejection], settings: Settings, store: Store) -> dict[str, Any]:
    """Code and store the posted articles: ``{"articles": [...], "rejected": [...], "skipped": n}``.

    ``articles``: ``{"id", "status", "events", "quotes"}`` per stored article (status:
    inserted, replaced or unchanged); ``rejected``: ``{"where", "reason"}`` per line or article
    that could not be coded; ``skipped``: articles whose id came earlier in the same body.
    """
    articles: list[dict[str, Any]] = []
    rejected: list[dict[str, str]] = []

    def stored(batch: list[Article], result: WriteResult) -> None:
        for article, status in zip(batch, result.statuses, strict=True):
            articles.append(
                {"id": article.id, "status": status, "events": len(article.events), "quotes": len(article.quotes)}
            )

    # recode: an article posted again is coded again, and the store says whether it changed.
    # One process: the server codes in its own threads, never in a pool of forked workers.
    summary = code_items(
        items,
        replace(settings, workers=1),
        store=store,
        recode=True,
        on_reject=lambda r: rejected.append({"where": r.where, "reason": r.reason}),
        on_stored=stored,
    )
    return {"articles": articles, "rejected": rejected, "skipped": summary.skipped}


def response(outcome: dict[str, Any], *, json_lines: bool) -> tuple[int, dict[str, Any]]:
    """The status and body of the answer to ``code_posted``'s ``outcome``.

    JSON Lines: the outcome, 201 when any article was inserted or replaced, else 200. One
    article: its ``{"id", "status", "events", "quotes"}``, 201 (inserted or replaced) or 200
    (unchanged); ``InputError`` (a 422) with the reason when it was rejected.
    """
    written = any(a["status"] != "unchanged" for a in outcome["articles"])
    if json_lines:
        return (201 if written else 200), outcome
    if outcome["rejected"]:
        raise InputError(WHERE, outcome["rejected"][0]["reason"])
    return (201 if written else 200), outcome["articles"][0]
