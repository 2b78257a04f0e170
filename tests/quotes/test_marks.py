"""Quoted passages from quotation marks alone."""

from __future__ import annotations

import pytest

from eventcoder.quotes import marks


def _contents(text: str) -> list[str]:
    return [text[p.start : p.end] for p in marks.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no."', ["yes", "no."]),
        ("He said \u201cyes\u201d and \u201cno.\u201d", ["yes", "no."]),
        ("\u00abWe will not yield\u00bb, he said.", ["We will not yield"]),
        ("They called it 'a disaster' and don't care.", ["a disaster"]),
        ("They called it \u2018a disaster\u2019 and don\u2019t care.", ["a disaster"]),
        ("The voters' anger and the '90s are no quotes.", []),
        ('"A," he wrote, "B."', ["A,", "B."]),
        ("\"It's 'fake news,'\" he said.", ["It's 'fake news,'"]),  # single quotes inside are content
        ('<tweet id="12" author="x">"Hello there"</tweet>', ["Hello there"]),  # markup is no quote
        ('"First paragraph.\n\n"Second paragraph," she said.', ['First paragraph.\n\n"Second paragraph,']),
        ("''Oh my God,'' she said, ''it can't be.''", ["Oh my God,", "it can't be."]),  # the Times' marks
        ('He said "\n\n"\n\n"', []),  # marks around nothing
        ('"Left open.\n\nNext paragraph has no quote.', ["Left open."]),
        ('"Three\n\n"paragraphs\n\n"in all," he said.', ['Three\n\n"paragraphs\n\n"in all,']),
    ],
)
def test_find(text, expected):
    assert _contents(text) == expected


def test_multi_paragraph_passage_counts_paragraphs():
    (p,) = marks.find('"One.\n\n"Two.\n\n"Three."')
    assert (p.paragraphs, p.open, p.close) == (3, 0, 21)
