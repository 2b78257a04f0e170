"""`code --dask` usage errors, `query` and `import` through the CLI runner (no cluster started)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from coded_articles import china, moscow_times, prisoner_swap

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)
from eventcoder.dataset.layout import Layout
from eventcoder.dataset.tasks import write_parts


@pytest.fixture
def dataset(tmp_path):
    root = str(tmp_path / "ds")
    layout = Layout(root)
    layout.prepare({"eventcoder": "test", "settings": {}})
    write_parts(layout, "b1", [moscow_times(), china(), prisoner_swap()])
    return root


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dask", "local:2"], "--dask and --dataset go together"),
        (["--dataset", "out"], "--dask and --dataset go together"),
        (["--dask", "local:2", "--dataset", "out", "--no-store"], "--dask writes the --dataset only"),
        (["--dask", "local:0", "--dataset", "out"], "--dask local:0: expected local:N with N >= 1"),
    ],
)
def test_code_dask_usage_errors_are_one_line(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Russia met China.")
    result = CliRunner().invoke(cli, ["code", "a.txt", *args])
    assert result.exit_code == 2
    assert result.output.startswith(f"eventcoder: {message}") and result.output.count("\n") == 1


def test_query_prints_a_table(dataset):
    result = CliRunner().invoke(
        cli, ["query", dataset, "select cameo, count(*) as n from events group by 1 order by 2 desc, 1"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["cameo", "n"] and set(lines[1]) <= {"-", " "}
    events = [e for a in (moscow_times(), china(), prisoner_swap()) for e in a.events]
    assert sum(int(line.split()[1]) for line in lines[2:]) == len(events)


def test_query_as_jsonl_and_errors(dataset, tmp_path):
    result = CliRunner().invoke(cli, ["query", dataset, "select count(*) as n from quotes", "--format", "jsonl"])
    assert json.loads(result.output) == {"n": sum(len(a.quotes) for a in (moscow_times(), china(), prisoner_swap()))}
    bad = CliRunner().invoke(cli, ["query", dataset, "select nothing from nowhere"])
    assert bad.exit_code == 2 and bad.output.startswith("eventcoder: query: ")
    missing = CliRunner().invoke(cli, ["query", str(tmp_path / "none"), "select 1"])
    assert missing.exit_code == 2 and "no eventcoder dataset here" in missing.output


def test_import_then_events(dataset, tmp_path):
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["import", dataset, "--db", db])
    assert result.exit_code == 0, result.output
    assert "imported 3 articles (3 new" in result.output
    events = CliRunner().invoke(cli, ["events", "--db", db, "--format", "jsonl"])
    total = sum(len(a.events) for a in (moscow_times(), china(), prisoner_swap()))
    assert len(events.output.splitlines()) == total
