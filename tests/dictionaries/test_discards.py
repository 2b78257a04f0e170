"""Discard lists."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries import read_discards
from eventcoder.errors import DictionaryError


def test_sentence_and_story_discards(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("# Story-level discards start with '+'\nMONTHS LATER\n+World Golf Championships   # pas\n+ESPN2\n")
    got = [(d.pattern, d.story, d.source) for d in read_discards(p)]
    assert got == [
        (("MONTHS", "LATER"), False, "d.txt:2"),
        (("WORLD", "GOLF", "CHAMPIONSHIPS"), True, "d.txt:3"),
        (("ESPN2",), True, "d.txt:4"),
    ]


@pytest.mark.parametrize(
    "line,reason", [("BASEBALL [SPT]", "discard phrases take no [code]"), ("+", "empty discard phrase")]
)
def test_bad_discard(tmp_path, line, reason):
    p = tmp_path / "d.txt"
    p.write_text(f"OK\n{line}\n")
    with pytest.raises(DictionaryError) as err:
        read_discards(p)
    assert str(err.value) == f"{p}:2: {reason}"
