"""The token trie and normalisation."""

from __future__ import annotations

import pytest

from eventcoder.dictionaries.matcher import GAP, Match, Trie, build_trie, norm, pattern_text, with_gaps


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


def test_gap_lets_words_intervene_where_the_caller_allows():
    t = Trie()
    t.add(["ITHILEN"], 1)
    t.add(["ITHILEN", GAP, "TELEVISION"], 2)
    toks = ["ITHILEN", "STATE", "-", "RUN", "TELEVISION"]
    assert t.longest(toks, 0) == (1, 1)  # without a judge of the gap the words are consecutive
    assert t.longest(toks, 0, lambda j, k: True) == (5, 2)
    assert t.longest(toks, 0, lambda j, k: k - j < 3) == (1, 1)
    assert t.longest(["ITHILEN", "TELEVISION"], 0, lambda j, k: False) == (2, 2)
    too_far = ["ITHILEN", "A", "B", "C", "D", "E", "TELEVISION"]  # five words: more than MAX_GAP
    assert t.longest(too_far, 0, lambda j, k: True) == (1, 1)


def test_with_gaps():
    assert with_gaps(("PRINCE", "OF", "DOL", "AMROTH"), {0, 2}) == ("PRINCE", GAP, "OF", "DOL", GAP, "AMROTH")
    assert with_gaps(("LAVROV",), {0}) == ("LAVROV",)


def test_build_trie_keeps_gaps_between_retokenised_words():
    def tokenize(texts):
        return [t.replace("-", " - ").split() for t in texts]

    trie = build_trie([(("AL-QAEDA", GAP, "WING"), 7)], tokenize)
    assert trie.longest(["AL", "-", "QAEDA", "ARMED", "WING"], 0, lambda j, k: True) == (5, 7)
    assert trie.longest(["AL", "-", "QAEDA", "WING"], 0) == (4, 7)
