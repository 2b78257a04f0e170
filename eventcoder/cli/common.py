"""What the commands share: option groups, error translation, the store opener."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import EventcoderError
from ..settings import Settings

DB_HELP = "SQLite database of the embedded store"


def db_option(f: Callable) -> Callable:
    # Read when a command runs, not when the CLI is imported: a bad EVENTCODER_* variable is then
    # reported as a usage error (see main), never as a traceback at import.
    return click.option(
        "--db", default=lambda: Settings.load().db, show_default="$EVENTCODER_DB or eventcoder.db", help=DB_HELP
    )(f)


# The event filters of `events` and `export`, declared once (the store's events() takes them).
EVENT_FILTERS = [
    click.option("--source", help="source actor code prefix (RUS matches RUSGOV)"),
    click.option("--target", help="target actor code prefix"),
    click.option("--actor", help="source or target: code prefix or name"),
    click.option("--cameo", help="CAMEO code prefix (12 matches 120-129)"),
    click.option("--plover", help="PLOVER event type"),
    click.option("--modality", help="asserted, negated, future, hypothetical, reported or historical"),
    click.option("--since", metavar="YYYY-MM-DD"),
    click.option("--until", metavar="YYYY-MM-DD"),
]


def event_filters(f: Callable) -> Callable:
    for option in reversed(EVENT_FILTERS):
        f = option(f)
    return f


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, then exit (2: usage error, 1: rejected input)."""
    click.echo(f"eventcoder: {message}", err=True)
    sys.exit(code)


def library_errors(f: Callable) -> Callable:
    """Turn library errors into one stderr line and exit code 2: never a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except EventcoderError as exc:
            fail(str(exc))
        except BrokenPipeError:  # `eventcoder events | head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper


def open_store(path: str, must_exist: bool = True):
    from pathlib import Path

    from ..store import Store

    if must_exist and not Path(path).exists():
        fail(f"{path}: no such database (code articles into it first: eventcoder code FILES --db {path})")
    return Store(path)
