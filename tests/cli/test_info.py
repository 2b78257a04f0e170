"""`eventcoder info`: versions, dictionaries, and the stages with what they require and assign."""

from __future__ import annotations

from click.testing import CliRunner

from eventcoder.cli import cli, commands  # noqa: F401  (commands registers them)


def test_info_lists_the_stages_in_order():
    result = CliRunner().invoke(cli, ["info"])
    assert result.exit_code == 0, result.output
    stages = [line.split(":")[0] for line in result.output.splitlines() if line.startswith("stage ")]
    assert stages == ["stage actors", "stage times", "stage places", "stage events", "stage quotes"]
    assert "stage quotes: requires doc, article.actors" in result.output
    assert "assigns article.quotes; adds to article.events" in result.output
