"""The token trie and normalisation."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries.matcher import Match, Trie, norm, pattern_text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Élysée", "ELYSEE"),
        ("Erdoğan", "ERDOGAN"),
        ("People’s", "PEOPLE'S"),
        ("U.S.", "U.S."),
        ("al–Qaeda", "AL-QAEDA"),
    ],
)
def test_norm(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize(
    "pattern,text",
    [(("U.S.", "SECRETARY"), "U.S. Secretary"), (("ST.", "PETERSBURG"), "St. Petersburg"), (("AL-QAEDA",), "Al-Qaeda")],
)
def test_pattern_text(pattern, text):
    assert pattern_text(pattern) == text


def test_longest_match_and_replacement():
    t = Trie()
    t.add(["NEW", "ZEALAND"], 1)
    t.add(["ZEALAND"], 2)
    t.add(["NEW"], 3)
    t.add(["NEW"], 4)  # a later identical phrase replaces the earlier
    toks = ["THE", "NEW", "ZEALAND", "NEW", "X", "ZEALAND"]
    assert t.find_all(toks) == [Match(1, 3, 1), Match(3, 4, 4), Match(5, 6, 2)]
    assert t.longest(toks, 0) is None
    assert t.size == 3
