"""What the commands share: option groups, error translation, the store opener."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import EventcoderError
from ..settings import Settings, describe
from ..store.filters import ArticleFilters, EventFilters, Filters, QuoteFilters

DB_HELP = next(s.help for s in describe() if s.name == "db")


def db_option(f: Callable) -> Callable:
    # Read when a command runs, not when the CLI is imported: a bad EVENTCODER_* variable is then
    # reported as a usage error (see main), never as a traceback at import.
    """The ``--db PATH`` option, its default read when the command runs."""
    return click.option(
        "--db", default=lambda: Settings.load().db, show_default="$EVENTCODER_DB or eventcoder.db", help=DB_HELP
    )(f)


def filter_options(cls: type[Filters]) -> Callable[[Callable], Callable]:
    """Decorator: one option per filter of ``cls`` (an ``EventFilters``-like class), named and
    explained by the filter's declaration; the command receives them as keyword arguments."""

    def decorate(f: Callable) -> Callable:
        for name, spec in reversed(cls.specs()):
            f = click.option(spec.option_name(name), name, metavar=spec.metavar, help=spec.help)(f)
        return f

    return decorate


# The filters of `events` and `export`, of `quotes`, of article lists: eventcoder/store/filters.py.
event_filters = filter_options(EventFilters)
quote_filters = filter_options(QuoteFilters)
article_filters = filter_options(ArticleFilters)


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
    """Open the store at ``path`` for a command; a missing database is a one-line error (``fail``)."""
    from pathlib import Path

    from ..store import Store

    if must_exist and not Path(path).exists():
        fail(f"{path}: no such database (code articles into it first: eventcoder code FILES --db {path})")
    return Store(path)
