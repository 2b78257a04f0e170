"""`eventcoder code`: code articles into the store and/or JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from ..progress import Progress, count_inputs
from ..run import code_inputs
from ..settings import Settings, describe, option_name
from . import cli
from .common import library_errors, open_store


def setting_options(f: Callable) -> Callable:
    """One option per setting of eventcoder/settings.py, named, typed and explained by its row.

    Every option defaults to None (not given), so ``Settings.load`` applies the environment
    and then the options that were given.
    """
    for s in reversed(describe()):
        name = option_name(s.name)
        default = "none" if s.default == [] else s.default
        help = f"{s.help}  [default: {default}; env EVENTCODER_{s.name.upper()}]"
        if s.type == "bool":
            option = click.option(f"{name}/--no-{name[2:]}", s.name, default=None, help=help)
        elif s.type.startswith("list"):
            path = click.Path(dir_okay=False)
            option = click.option(name, s.name, multiple=True, type=path, metavar="PATH", help=help)
        elif s.type == "int":
            option = click.option(name, s.name, type=click.IntRange(s.minimum), metavar="N", help=help)
        else:
            option = click.option(name, s.name, help=help)
        f = option(f)
    return f


@cli.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", "jsonl_path", metavar="PATH|-", help="also write one JSON object per article here")
@click.option("--no-store", is_flag=True, help="do not write to the database")
@click.option("--recode", is_flag=True, help="code again articles the store already holds (replacing them)")
@click.option("--dask", metavar="ADDRESS|local[:N]", help="code on a Dask cluster into --dataset (docs/scale.md)")
@click.option("--dataset", metavar="DIR", help="with --dask: the Parquet dataset folder the workers write")
@setting_options
@library_errors
def code_cmd(inputs, jsonl_path, no_store, recode, **opts) -> None:
    """Code INPUTS (files, folders, globs, or - for JSON Lines on stdin).

    Formats by extension, each also gzipped: .txt (news article layout, or bare with
    --plain), .html/.htm, .jsonl/.ndjson, .csv. Bad inputs are named on stderr as
    `file[:line]: reason`; the rest is still coded. Exit code 1 when anything was rejected.
    Every setting (docs/settings.md) is an option.
    """
    dask, dataset = opts.pop("dask"), opts.pop("dataset")
    # A list option not given (an empty tuple) leaves the setting to the environment.
    opts = {name: (list(value) or None) if isinstance(value, tuple) else value for name, value in opts.items()}
    settings = Settings.load(**opts)
    if dask or dataset:  # the distributed engine, imported only when asked for
        from .dataset import code_on_dask

        code_on_dask(inputs, settings, dask, dataset, conflicting=bool(jsonl_path or no_store or recode))
    store = None if no_store else open_store(settings.db, must_exist=False)
    jsonl = None
    if jsonl_path == "-":
        jsonl = sys.stdout
    elif jsonl_path:
        jsonl = open(jsonl_path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    progress = Progress(count_inputs(inputs), sys.stderr)
    try:
        summary = code_inputs(
            inputs,
            settings,
            store=store,
            jsonl=jsonl,
            stdin=sys.stdin,
            recode=recode,
            on_reject=lambda r: click.echo(str(r), err=True),
            on_progress=progress.update,
        )
    finally:
        progress.close()
        if jsonl not in (None, sys.stdout):
            jsonl.close()
        if store is not None:
            store.close()
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.rejected else 0)
