"""`eventcoder code`: code articles into the store and/or JSON Lines."""

from __future__ import annotations

import sys

import click

from ..run import code_inputs
from ..settings import Settings
from . import cli
from .common import db_option, library_errors, open_store


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", "jsonl_path", metavar="PATH|-", help="also write one JSON object per article here")
@db_option
@click.option("--no-store", is_flag=True, help="do not write to the database")
@click.option("--plain", is_flag=True, default=None, help="take each .txt as bare text, exactly as it is")
@click.option("--workers", type=click.IntRange(1), default=None, help="processes coding in parallel")
@click.option("--batch-size", type=click.IntRange(1), default=None, help="articles per batch and transaction")
@click.option("--model", default=None, help="spaCy pipeline to load")
@click.option("--actors", multiple=True, type=click.Path(dir_okay=False), help="actor dictionary (replaces bundled)")
@click.option("--agents", multiple=True, type=click.Path(dir_okay=False), help="agent dictionary (replaces bundled)")
@click.option("--verbs", multiple=True, type=click.Path(dir_okay=False), help="verb dictionary (replaces bundled)")
@click.option("--discards", multiple=True, type=click.Path(dir_okay=False), help="discards (replace bundled)")
@click.option("--extra-actors", multiple=True, type=click.Path(dir_okay=False), help="actor file added to the rest")
@click.option("--recode", is_flag=True, help="code again articles the store already holds (replacing them)")
@library_errors
def code_cmd(inputs, jsonl_path, db, no_store, recode, **opts) -> None:
    """Code INPUTS (files, folders, globs, or - for JSON Lines on stdin).

    Formats by extension, each also gzipped: .txt (news article layout, or bare with
    --plain), .html/.htm, .jsonl/.ndjson, .csv. Bad inputs are named on stderr as
    `file[:line]: reason`; the rest is still coded. Exit code 1 when anything was rejected.
    """
    for key in ("actors", "agents", "verbs", "discards", "extra_actors"):
        opts[key] = list(opts[key]) or None
    settings = Settings.load(db=db, **opts)
    store = None if no_store else open_store(settings.db, must_exist=False)
    jsonl = None
    if jsonl_path == "-":
        jsonl = sys.stdout
    elif jsonl_path:
        jsonl = open(jsonl_path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    progress = _Progress()
    try:
        summary = code_inputs(
            inputs,
            settings,
            store=store,
            jsonl=jsonl,
            stdin=sys.stdin,
            recode=recode,
            on_reject=lambda r: click.echo(str(r), err=True),
            on_batch=progress.update,
        )
    finally:
        progress.close()
        if jsonl not in (None, sys.stdout):
            jsonl.close()
        if store is not None:
            store.close()
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.rejected else 0)


class _Progress:
    """A progress bar on stderr for interactive runs; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", file=sys.stderr, leave=False)

    def update(self, batch) -> None:
        if self.bar is not None:
            self.bar.update(len(batch))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
