"""`eventcoder actors lookup` through click's runner: output and errors."""

from __future__ import annotations

from click.testing import CliRunner

from eventcoder.cli import actors as _actors  # noqa: F401  (registers the command)
from eventcoder.cli import cli


def test_lookup_with_date(nlp):
    result = CliRunner().invoke(cli, ["actors", "lookup", "Antony Blinken", "--date", "2024-09-20"])
    assert result.exit_code == 0
    assert result.output.splitlines()[:4] == [
        "Antony Blinken -> USAGOV on 2024-09-20",
        "  entry Antony Blinken [ANTONY_BLINKEN] leaders.csv:23",
        "    USAGOV       2015-01-09 to 2017-01-20   leaders.csv:23  Deputy Secretary of State",
        "  * USAGOV       2021-01-26 to 2025-01-20   leaders.csv:24  Secretary of State",
    ]


def test_lookup_composed_name(nlp):
    result = CliRunner().invoke(cli, ["actors", "lookup", "Russian state media"])
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "Russian state media: no dictionary entry with exactly this name",
        "  as text: 'Russian state media' -> RUSGOVMED (group; Phoenix.Countries.actors.txt:39285"
        " + agent Phoenix.agents.txt:1230)",
    ]


def test_lookup_bad_date():
    result = CliRunner().invoke(cli, ["actors", "lookup", "Lavrov", "--date", "2024-13-01"])
    assert result.exit_code == 2
    assert result.output == "eventcoder: --date '2024-13-01': expected YYYY-MM-DD\n"


def test_lookup_bad_dictionary(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,code\nX,US-GOV\n")
    result = CliRunner().invoke(cli, ["actors", "lookup", "X", "--extra-actors", str(bad)])
    assert result.exit_code == 2
    assert result.output == (
        f"eventcoder: {bad}:2: code 'US-GOV' is not a CAMEO code (letters/digits, e.g. USAGOV) or ---\n"
    )
