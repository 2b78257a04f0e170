import pytest

from eventcoder.events.quoted import find_quoted

TEXT = 'He said "we will go" today.\n\u201cIt runs on\nHe left.'


@pytest.mark.parametrize(
    ("offset", "inside"),
    [
        (TEXT.index("we"), True),
        (TEXT.index("go"), True),
        (TEXT.index("today"), False),
        (TEXT.index("He said"), False),
        (TEXT.index("runs"), True),  # an open quote runs to the end of its paragraph
        (TEXT.index("left"), False),  # not beyond it
    ],
)
def test_find_quoted(offset, inside):
    assert find_quoted(TEXT).contains(offset) is inside


def test_ranges():
    assert find_quoted(TEXT).ranges == [(9, 19), (29, 39)]
