"""`eventcoder eval quotes DIR`: score the quote coder on BRAT attribution annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..evaluation.quotes import evaluate, format_report
from ..settings import Settings
from . import cli
from .common import fail, library_errors


@cli.group("eval")
def eval_group() -> None:
    """Score eventcoder against gold annotations."""


def _part(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    m = re.fullmatch(r"(\d+)/(\d+)", value)
    if not m or int(m.group(2)) == 0 or int(m.group(1)) >= int(m.group(2)):
        fail(f"--part {value}: expected K/N with 0 <= K < N (documents whose sorted index is K modulo N)")
    assert m is not None
    return int(m.group(1)), int(m.group(2))


@eval_group.command("quotes")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="score only the first N documents")
@click.option("--part", default=None, metavar="K/N", help="score only the documents whose sorted index is K modulo N")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
@click.option("--model", default=None, help="spaCy pipeline to load")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="processes that code in parallel")
@library_errors
def quotes_cmd(
    folder: str, limit: int | None, part: str | None, as_json: bool, model: str | None, workers: int | None
) -> None:
    """Code the texts of FOLDER (text/*.txt with attributions/*.ann in BRAT standoff, as
    PolNeAR is laid out) and print precision, recall and F1 of content, source and cue spans,
    exact and overlapping, for direct quotes and for all attributions."""
    report = evaluate(Path(folder), Settings.load(model=model, workers=workers), limit=limit, part=_part(part))
    for line in report.rejected:
        click.echo(f"eventcoder: {line}", err=True)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(format_report(report))
    if report.rejected:
        raise SystemExit(1)
