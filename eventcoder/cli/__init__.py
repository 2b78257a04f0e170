"""The command line: thin commands over the library.

Each command parses its arguments, calls one library function and prints. Library errors
become one ``file:line: reason`` line on stderr; exit 1 when input was rejected, 2 for
usage errors, 0 otherwise.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventcoder")
def cli() -> None:
    """eventcoder: political event data from news articles, every fact tied to its text."""


def main() -> None:
    """The ``eventcoder`` command: library errors become one line on stderr and exit 2."""
    from ..errors import EventcoderError
    from . import commands  # noqa: F401  (registers the commands)
    from .common import fail

    try:
        cli(prog_name="eventcoder")
    except EventcoderError as exc:  # raised while click reads defaults (a bad EVENTCODER_* variable)
        fail(str(exc))
