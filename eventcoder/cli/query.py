"""Reading the store: `events`, `quotes`, `show`, `stats`, `info`."""

from __future__ import annotations

import csv
import json
import sys

import click

from . import cli
from .common import db_option, event_filters, library_errors, open_store, quote_filters
from .render import article_markup, table

FORMATS = click.Choice(["table", "csv", "jsonl"])

EVENT_COLUMNS = [
    ("date", lambda e: e.get("date") or ""),
    ("source", lambda e: _code(e.get("source"))),
    ("cameo", lambda e: e["cameo"]),
    ("plover", lambda e: e.get("plover") or ""),
    ("target", lambda e: _code(e.get("target"))),
    ("modality", lambda e: e.get("modality") or ""),
    ("trigger", lambda e: e["trigger"]["text"]),
    ("article", lambda e: e.get("title") or e.get("article_id") or ""),
]
QUOTE_COLUMNS = [
    ("speaker", lambda q: (q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text") or "?"),
    ("direct", lambda q: "yes" if q.get("direct") else "no"),
    ("quote", lambda q: q["text"]),
    ("article", lambda q: q.get("title") or q.get("article_id") or ""),
]


def _code(part: dict | None) -> str:
    if not part:
        return "---"
    return part.get("code") or part.get("text") or "---"


def _emit(items: list[dict], columns, fmt: str, total: int) -> None:
    if fmt == "jsonl":
        for item in items:
            click.echo(json.dumps(item, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow([name for name, _ in columns])
        for item in items:
            writer.writerow([get(item) for _, get in columns])
    else:
        click.echo(table([name for name, _ in columns], [[str(get(i)) for _, get in columns] for i in items]))
        click.echo(f"{len(items)} of {total}", err=True)


@cli.command("events")
@db_option
@event_filters
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@library_errors
def events_cmd(db, fmt, **filters) -> None:
    """List coded events, newest first."""
    with open_store(db) as store:
        page = store.events(**filters)
    _emit(page["items"], EVENT_COLUMNS, fmt, page["total"])


@cli.command("quotes")
@db_option
@quote_filters
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@library_errors
def quotes_cmd(db, fmt, **filters) -> None:
    """List quotes with their speakers."""
    with open_store(db) as store:
        page = store.quotes(**filters)
    _emit(page["items"], QUOTE_COLUMNS, fmt, page["total"])


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
@click.option("--json", "as_json", is_flag=True, help='print {"articles": n, "events": n, "quotes": n, "actors": n}')
@library_errors
def stats_cmd(db, as_json) -> None:
    """Count what the store holds."""
    with open_store(db) as store:
        stats = store.stats()
    if as_json:
        click.echo(json.dumps(stats))
    else:
        for key, value in stats.items():
            click.echo(f"{key:>9}: {value}")


@cli.command("info")
@library_errors
def info_cmd() -> None:
    """Versions, the spaCy model and the dictionaries in use."""
    from ..info import describe

    for key, value in describe().items():
        click.echo(f"{key}: {value}")
