"""`eventcoder export`: events as csv, jsonl, parquet or GDELT 2.0 event-table rows."""

from __future__ import annotations

import sys

import click

from . import cli
from .common import db_option, event_filters, fail, library_errors, open_store


@cli.command("export")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt"]), default="csv", show_default=True,
    help="gdelt: GDELT 2.0 event table (61 tab-separated columns, no header; events without Actor1 left out)",
)  # fmt: skip
@click.option(
    "-o", "--output", metavar="FILE", help="write here instead of stdout (required for parquet on a terminal)"
)
@click.option("--header/--no-header", default=None, help="column names first (default: csv yes, gdelt no)")
@event_filters
@library_errors
def export_cmd(db, fmt, output, header, **filters) -> None:
    """Export every event matching the filters, oldest first (columns: docs/export.md)."""
    from ..export import write_events

    if fmt == "parquet" and not output and sys.stdout.isatty():
        fail("parquet is binary: give -o FILE or redirect stdout to a file")
    skipped: dict[str, int] = {}
    with open_store(db) as store:
        n = write_events(store, fmt, output or sys.stdout, header=header, skipped=skipped, **filters)
    click.echo(f"eventcoder: {n} events exported" + (f" to {output}" if output else ""), err=True)
    if skipped:
        reasons = ", ".join(f"{count} with {reason}" for reason, count in sorted(skipped.items()))
        click.echo(f"eventcoder: {sum(skipped.values())} events left out of the GDELT table ({reasons})", err=True)
