"""`eventcoder validate`: run a PETRARCH-style validation suite and print its scores."""

from __future__ import annotations

import json

import click

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
    """Code every record of SUITE (PETRARCH XML) and print per-category pass rates and event
    precision, recall and F1. A record is right when its (source, target, CAMEO) triples
    equal the gold ones."""
    report = run(suite, prefix, Settings.load(model=model))
    summary = report.summary()
    if as_json:
        click.echo(json.dumps(summary, indent=2))
    else:
        click.echo(format_report(summary, failures=failures))
