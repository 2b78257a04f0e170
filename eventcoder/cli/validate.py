"""`eventcoder validate`: run a PETRARCH-style validation suite and print its scores."""

from __future__ import annotations

import json

import click

from ..evaluation import realnews
from ..evaluation.validate import format_report, run
from ..settings import Settings
from . import cli
from .common import library_errors


@cli.command("validate")
@click.argument("suite", type=click.Path(dir_okay=False))
@click.option(
    "--dicts",
    "prefix",
    metavar="PREFIX",
    help="dictionaries PREFIX*actors*, *agents*, *verbs*, *discards* (default: the suite's <Environment>)",
)
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
@click.option("--failures", is_flag=True, help="list the records coded wrong")
@click.option("--model", default=None, help="spaCy pipeline to load")
@library_errors
def validate_cmd(suite: str, prefix: str | None, as_json: bool, failures: bool, model: str | None) -> None:
    """Code every record of SUITE as `eventcoder code` does and score it.

    SUITE is PETRARCH XML (per-category pass rates and event precision, recall and F1; a
    record is right when its (source, target, CAMEO) triples equal the gold ones), or a
    real-news gold set in JSON Lines (.jsonl: event precision and recall per split, see
    docs/coding-conventions.md)."""
    if suite.endswith(".jsonl"):
        summary = realnews.run(suite, Settings.load(model=model)).summary()
        text = realnews.format_report(summary, failures=failures)
    else:
        summary = run(suite, prefix, Settings.load(model=model)).summary()
        text = format_report(summary, failures=failures)
    click.echo(json.dumps(summary, indent=2) if as_json else text)
