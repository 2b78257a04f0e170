"""`eventcoder validate` on a small suite with its own dictionaries, written here."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)

DICTS = {
    "Mini.actors.txt": "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n",
    "Mini.agents.txt": "GOVERNMENT [~GOV]\n",
    "Mini.verbs.txt": "--- RESTORE [064] ---\nRESTORE\n\n--- WELCOME [041] ---\nWELCOME\n",
    "Mini.discards.txt": "BASEBALL\n",
}

SUITE = """\
<Validation>
<Sentences>
<Sentence date="19950101" id="R-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="R-2" category="DEMO">
<EventCoding sourcecode="GONGOV" targetcode="OSG" eventcode="041"></EventCoding>
<Text>The government of Gondor welcomed talks with Osgiliath.</Text>
</Sentence>
<Sentence date="19950101" id="R-3" category="ERROR">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Arnor is about to restore baseball ties with Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="R-4" category="PATTERN">
<EventCoding sourcecode="ARN" targetcode="OSG" eventcode="041"></EventCoding>
<Text>Gondor welcomed talks with Osgiliath.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def setup(tmp_path: Path) -> tuple[Path, str]:
    for name, text in DICTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    suite = tmp_path / "suite.xml"
    suite.write_text(SUITE, encoding="utf-8")
    return suite, str(tmp_path / "Mini.")


def test_report(tmp_path):
    suite, prefix = setup(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(suite), "--dicts", prefix, "--failures"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == "records: 4 (4 scored)"
    assert lines[3:7] == [
        "DEMO              2 / 2          100.0%",
        "ERROR             1 / 1          100.0%",
        "PATTERN           0 / 1            0.0%",
        "ALL               3 / 4           75.0%   (all 4 records: 75.0%)",
    ]
    assert lines[7] == "events: precision 0.667  recall 0.667  F1 0.667  (tp 2, fp 1, fn 1)"
    assert lines[-1] == "FAIL R-4 [PATTERN] gold [['ARN', 'OSG', '041']] coded [['GON', 'OSG', '041']]"


def test_json(tmp_path):
    suite, prefix = setup(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(suite), "--dicts", prefix, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["right"], summary["scored"], summary["accuracy"]) == (3, 4, 0.75)
    assert summary["events"] == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667}


def test_bad_input_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "missing.xml")])
    assert result.exit_code == 2
    assert result.output.startswith(f"eventcoder: {tmp_path / 'missing.xml'}: cannot read the suite")
    assert "Traceback" not in result.output
