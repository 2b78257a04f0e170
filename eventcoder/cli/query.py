"""Reading the store: `events`, `quotes`, `show`, `stats`, `fuse`, `info`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from . import cli
from .common import article_filters, db_option, event_filters, library_errors, open_store, quote_filters
from .render import article_markup, cut, table

FORMATS = click.Choice(["table", "csv", "jsonl"])


def listing_options(f: Callable) -> Callable:
    """The paging and output options every listing command takes: --limit, --offset, --format."""
    f = click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)(f)
    f = click.option("--offset", type=click.IntRange(0), default=0)(f)
    return click.option("--limit", type=click.IntRange(1), default=50, show_default=True)(f)


# (column, value, width in the terminal table: None = csv/jsonl only, 0 = the table's cap).
# The table stays narrow enough to read; csv and jsonl carry every column, with the article
# id to pass to `eventcoder show`.
Column = tuple[str, Callable[[dict], Any], int | None]

EVENT_COLUMNS: list[Column] = [
    ("date", lambda e: e.get("date") or "", 0),
    ("source", lambda e: _code(e.get("source")), 0),
    ("source_name", lambda e: e.get("source_name") or "", 20),
    ("cameo", lambda e: e["cameo"], 0),
    ("plover", lambda e: e.get("plover") or "", 0),
    ("target", lambda e: _code(e.get("target")), 0),
    ("target_name", lambda e: e.get("target_name") or "", 20),
    ("modality", lambda e: e.get("modality") or "", 0),
    ("trigger", lambda e: e["trigger"]["text"], 20),
    ("article", lambda e: e["article_id"], None),
    ("title", lambda e: e.get("title") or "", None),
]
UNIQUE_COLUMNS: list[Column] = [
    ("date", lambda u: u.get("first_day") or "", 0),
    ("source", lambda u: u["source"], 0),
    ("cameo", lambda u: u["base"], 0),
    ("target", lambda u: u["target"], 0),
    ("modality", lambda u: u["modality"], 0),
    ("mentions", lambda u: u["mentions"], 0),
    ("articles", lambda u: u["articles"], 0),
    ("stories", lambda u: u["stories"], 0),
    ("sources", lambda u: u["sources"], 0),
    ("id", lambda u: u["id"], 0),
    ("trigger", lambda u: u.get("trigger") or "", None),
    ("article", lambda u: u["article_id"], None),
    ("title", lambda u: u.get("title") or "", None),
]
QUOTE_COLUMNS: list[Column] = [
    ("speaker", lambda q: (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text") or "?", 20),
    ("direct", lambda q: "yes" if q.get("direct") else "no", 0),
    ("quote", lambda q: q["text"], 0),
    ("article", lambda q: q["article_id"], 0),
    ("title", lambda q: q.get("title") or "", None),
]
ARTICLE_COLUMNS: list[Column] = [
    ("id", lambda a: a["id"], 0),
    ("date", lambda a: a.get("published") or "", 0),
    ("outlet", lambda a: a.get("outlet") or "", 16),
    ("events", lambda a: a["events"], 0),
    ("quotes", lambda a: a["quotes"], 0),
    ("title", lambda a: a.get("title") or "", 0),
    ("url", lambda a: a.get("url") or "", None),
]


def _code(part: dict | None) -> str:
    """The participant's actor code; ``---`` when it has none (its text goes in ``*_name``)."""
    return (part or {}).get("code") or "---"


def _emit(items: list[dict], columns: list[Column], fmt: str, total: int, *, id_key: str | None = None) -> None:
    """Print ``items`` as a table (stdout, with "n of total" on stderr), csv, or jsonl.

    ``id_key``: the item key holding the article id, written first as ``article`` in jsonl.
    """
    if fmt == "jsonl":
        for item in items:
            line = {"article": item[id_key], **item} if id_key else item
            click.echo(json.dumps(line, ensure_ascii=False))
    elif fmt == "csv":
        # Every cell quoted, so spreadsheets keep codes such as CAMEO "010" as text.
        writer = csv.writer(sys.stdout, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        writer.writerow([name for name, _, _ in columns])
        for item in items:
            writer.writerow([get(item) for _, get, _ in columns])
    else:
        shown = [(name, get, width) for name, get, width in columns if width is not None]
        rows = [[cut(str(get(i)), width) for _, get, width in shown] for i in items]
        click.echo(table([name for name, _, _ in shown], rows))
        click.echo(f"{len(items)} of {total}", err=True)


@cli.command("events")
@db_option
@event_filters
@listing_options
@click.option("--unique", is_flag=True, help="one row per fused event (reports of one act merged), with counts")
@library_errors
def events_cmd(db, fmt, unique, **filters) -> None:
    """List coded events, newest first."""
    with open_store(db) as store:
        if unique:
            page = store.unique_events(**filters)
        else:
            page = store.events(**filters)
    if unique:
        _emit(page["items"], UNIQUE_COLUMNS, fmt, page["total"])
    else:
        _emit(page["items"], EVENT_COLUMNS, fmt, page["total"], id_key="article_id")


@cli.command("quotes")
@db_option
@quote_filters
@listing_options
@library_errors
def quotes_cmd(db, fmt, **filters) -> None:
    """List quotes with their speakers."""
    with open_store(db) as store:
        page = store.quotes(**filters)
    _emit(page["items"], QUOTE_COLUMNS, fmt, page["total"], id_key="article_id")


@cli.command("articles")
@db_option
@article_filters
@listing_options
@library_errors
def articles_cmd(db, fmt, **filters) -> None:
    """List stored articles, newest first: the ids to give `eventcoder show`."""
    with open_store(db) as store:
        page = store.articles(**filters)
    _emit(page["items"], ARTICLE_COLUMNS, fmt, page["total"])


@cli.command("show")
@click.argument("article_id")
@db_option
@click.option("--color/--no-color", default=None, help="highlight (default: when stdout is a terminal)")
@library_errors
def show_cmd(article_id, db, color) -> None:
    """Show one article with its actors, event triggers and quotes highlighted."""
    with open_store(db) as store:
        article = store.article(article_id)
    if article is None:
        click.echo(f"eventcoder: {article_id}: no such article in {db}", err=True)
        sys.exit(1)
    click.echo(article_markup(article), color=color)


@cli.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="print the counts (articles, ..., stories, copies) as JSON")
@library_errors
def stats_cmd(db, as_json) -> None:
    """Count what the store holds."""
    with open_store(db) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats))
    else:
        width = max(map(len, stats))
        for key, value in stats.items():
            click.echo(f"{key:>{width}}: {value}")


@cli.command("fuse")
@db_option
@click.option("--rebuild", is_flag=True, help="recompute story clusters and fused events from scratch")
@library_errors
def fuse_cmd(db, rebuild) -> None:
    """Count story clusters, copies and fused events (kept up to date by `code`; --rebuild recomputes them)."""
    with open_store(db) as store:
        counts = store.fuse(rebuild=rebuild)
    for key, value in counts.items():
        click.echo(f"{key:>13}: {value}")


@cli.command("info")
@library_errors
def info_cmd() -> None:
    """Versions, the spaCy model and the dictionaries in use."""
    from ..info import describe

    for key, value in describe().items():
        click.echo(f"{key}: {value}")
