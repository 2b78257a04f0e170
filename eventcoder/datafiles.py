"""Where the bundled data lives: one way to find it, for every module.

The package ships its dictionaries, lexicons, ontology tables, gazetteer aliases, tuning file
and JSON Schema under ``eventcoder/data`` (package data, so an installed wheel has them too).
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_file(*parts: str) -> Path:
    """The path of a bundled data file or folder: ``data_file("events", "senses.tsv")``."""
    return DATA.joinpath(*parts)
