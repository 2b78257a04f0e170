"""The options of `eventcoder code` are the settings table: one per setting, and they reach the coder."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)
from eventcoder.settings import describe, option_name

# Options of `code` that are about the run, not settings.
# Where a run reads and writes, not how it codes: options of the run, not settings.
RUN_OPTIONS = {"inputs", "jsonl_path", "no_store", "recode", "dask", "dataset", "help"}


def test_one_option_per_setting_with_its_help():
    params = {p.name: p for p in cli.commands["code"].params}
    assert set(params) - RUN_OPTIONS == {s.name for s in describe()}
    for s in describe():
        option = params[s.name]
        assert option.opts == [option_name(s.name)]
        assert option.help.startswith(s.help), s.name
        assert f"env EVENTCODER_{s.name.upper()}" in option.help
        assert option.multiple == s.type.startswith("list")
        if s.type == "bool":
            assert option.secondary_opts == [f"--no-{s.name.replace('_', '-')}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "0"], r"Invalid value for '--workers': 0 is not in the range x>=1"),
        (["--comma-min", "-2"], r"Invalid value for '--comma-min': -2 is not in the range x>=0"),
        (["--batch-size", "many"], r"Invalid value for '--batch-size': 'many' is not a valid integer"),
    ],
)
def test_bad_values_are_usage_errors(args, message):
    result = CliRunner().invoke(cli, ["code", "-", "--no-store", *args], input="")
    assert result.exit_code == 2
    assert re.search(message, result.stderr), result.stderr


def test_a_bad_environment_value_names_the_setting(monkeypatch):
    monkeypatch.setenv("EVENTCODER_BATCH_SIZE", "0")
    result = CliRunner().invoke(cli, ["code", "-", "--no-store"], input="")
    assert (result.exit_code, result.stderr) == (2, "eventcoder: setting batch_size: 0 is less than 1\n")


def test_a_petrarch_option_reaches_the_coder(monkeypatch):
    """require_dyad off keeps the one-sided event that the default drops; the option wins
    over the environment, which wins over the default."""
    record = json.dumps({"id": "r1", "text": "Russia criticised the decision on Monday."}) + "\n"

    def events(*args: str) -> list[tuple]:
        result = CliRunner().invoke(cli, ["code", "-", "--no-store", "--jsonl", "-", *args], input=record)
        assert result.exit_code == 0, result.stderr
        (article,) = [json.loads(line) for line in result.stdout.splitlines()]
        return [(e["source"]["code"], e["cameo"], e["target"]) for e in article["events"]]

    one_sided = [("RUS", "111", None)]
    assert events() == []
    assert events("--no-require-dyad") == one_sided
    monkeypatch.setenv("EVENTCODER_REQUIRE_DYAD", "false")
    assert events() == one_sided
    assert events("--require-dyad") == []
