"""`eventcoder actors lookup NAME [--date YYYY-MM-DD]`: what a name codes to, and why."""

from __future__ import annotations

from datetime import date

import click

from . import cli
from .common import fail, library_errors


@cli.group("actors")
def actors_group() -> None:
    """Actor dictionaries: look names up."""


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "always"
    return f"{start.isoformat() if start else '...'} to {end.isoformat() if end else '...'}"


@actors_group.command("lookup")
@click.argument("name")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="code as of this date (default: undated or latest code)")
@click.option("--actors", "actor_files", multiple=True, help="actor dictionary replacing the bundled ones (repeatable)")
@click.option("--agents", "agent_files", multiple=True, help="agent dictionary replacing the bundled one (repeatable)")
@click.option("--extra-actors", "extra", multiple=True, help="actor file added to the dictionaries (repeatable)")
@library_errors
def lookup_command(name: str, day: str | None, actor_files, agent_files, extra) -> None:
    """Show what NAME codes to: dictionary entry, code on --date, file:line."""
    from ..actors import lookup
    from ..dictionaries import as_date
    from ..settings import Settings

    if day is not None:
        try:
            as_date(day)
        except ValueError:
            fail(f"--date {day!r}: expected YYYY-MM-DD")
    settings = Settings.load(
        actors=list(actor_files) or None, agents=list(agent_files) or None, extra_actors=list(extra) or None
    )
    res = lookup(name, day, settings)
    when = res.day.isoformat() if res.day else "no date"
    for e in res.entries:
        code = e.code_on(res.day)
        click.echo(f"{name} -> {code or '(no code)'} on {when}")
        click.echo(f"  entry {e.name} [{e.key}] {e.source}")
        for c in e.codes:
            mark = "*" if c is e.current(res.day) else " "
            role = f"  {c.role}" if c.role else ""
            click.echo(f"  {mark} {c.code:<12} {_period(c.start, c.end):<26} {c.source}{role}")
    if not res.entries:
        click.echo(f"{name}: no dictionary entry with exactly this name")
    for a in res.actors:
        mentions = ", ".join(repr(m.text) for m in a.mentions)
        click.echo(f"  as text: {mentions} -> {a.code or '(uncoded)'} ({a.kind}; {a.rule})")
