"""docs/scale.md names every column of every table of the dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.dataset import SCHEMAS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "scale.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_column_is_documented(name):
    section = DOC.split(f"**{name}**:", 1)[1].split("\n\n", 1)[0]
    missing = [f.name for f in SCHEMAS[name] if f"`{f.name}`" not in section]
    assert not missing, f"docs/scale.md, table {name}: undocumented columns {missing}"
