"""The Parquet dataset: `code --dask --dataset` (the engine lives in eventcoder.distributed),
`import DIR` into the store, and `query DIR SQL` through DuckDB."""

from __future__ import annotations

import csv
import json
import sys

import click

from ..settings import Settings
from . import cli
from .common import db_option, fail, library_errors, open_store
from .render import table


def code_on_dask(inputs: tuple[str, ...], settings: Settings, dask: str | None, dataset: str | None,
                 *, conflicting: bool) -> None:  # fmt: skip
    """`eventcoder code INPUTS --dask SPEC --dataset DIR`: never returns (exits with the run's code)."""
    if not dask or not dataset:
        return fail("--dask and --dataset go together: --dask ADDRESS|local[:N] --dataset DIR")
    if conflicting:
        fail("--dask writes the --dataset only: drop --jsonl, --no-store and --recode "
             "(load the dataset with `eventcoder import DIR --db FILE`)")  # fmt: skip
    from .. import distributed

    summary = distributed.run(list(inputs), settings, dataset, dask, lambda r: click.echo(str(r), err=True))
    click.echo(summary.line().replace("already stored", "already in the dataset"), err=True)
    if summary.rejected:
        click.echo(f"{summary.rejected} rejected inputs, listed in {dataset.rstrip('/')}/rejections.jsonl", err=True)
    sys.exit(1 if summary.rejected else 0)


@cli.command("import")
@click.argument("dataset", metavar="DIR")
@db_option
@library_errors
def import_cmd(dataset: str, db: str) -> None:
    """Load the Parquet dataset DIR (written by `code --dask`) into the store, so that `events`,
    `quotes`, `show` and `serve` work on it. Importing again changes nothing."""
    from ..dataset import import_dataset

    store = open_store(db, must_exist=False)
    try:
        summary = import_dataset(dataset, store)
    finally:
        store.close()
    click.echo(summary.line(), err=True)


@cli.command("query")
@click.argument("dataset", metavar="DIR")
@click.argument("sql")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@library_errors
def query_cmd(dataset: str, sql: str, fmt: str) -> None:
    """Run SQL over the Parquet dataset DIR with DuckDB. The tables articles, events, quotes and
    actors are views, with the year and month partition columns."""
    from ..dataset import query

    columns, rows = query(dataset, sql)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    else:
        click.echo(table(columns, [["" if v is None else str(v) for v in row] for row in rows]))
