"""The Python API: docs/python.md's examples run as doctests, plus what they do not show."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import eventcoder
from eventcoder.errors import SettingsError

DOC = Path(__file__).resolve().parent.parent / "docs" / "python.md"


def test_the_documented_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the examples write example.db in the working directory
    result = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted >= 10
    assert result.failed == 0


def test_coding_the_same_text_twice_gives_the_same_article():
    text = "Russia rejected a meeting with the United States on Friday."
    assert eventcoder.code(text, published="2024-09-20") == eventcoder.code(text, published="2024-09-20")


def test_an_unknown_table_is_a_settings_error():
    with pytest.raises(SettingsError, match="unknown table 'event'"):
        eventcoder.to_dataframe([], "event")
