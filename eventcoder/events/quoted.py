"""Direct quotations of an article, as character ranges: an event coded from a verb inside one
is what the quoted speaker says, so its modality is ``reported`` (docs/events.md).

The quotes stage (to the right of this one) finds quotes with their speakers; the events stage
only needs to know whether a verb lies between quotation marks, which the text alone tells:
double marks pair up within a paragraph, and a quote left open runs to the paragraph's end (the
news convention for a quote going on in the next paragraph).
"""

from __future__ import annotations

import bisect

OPEN = "\u201c"
CLOSE = "\u201d"
STRAIGHT = '"'


class QuotedRanges:
    """Sorted, disjoint ``(start, end)`` character ranges inside quotation marks."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self._starts = [s for s, _ in self.ranges]

    def contains(self, offset: int) -> bool:
        """Is the character offset inside a quotation?"""
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and self.ranges[k][0] <= offset < self.ranges[k][1]


def find_quoted(text: str) -> QuotedRanges:
    """The ranges between paired double quotation marks (curly or straight), per paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        start: int | None = None
        for k, ch in enumerate(paragraph):
            if ch not in (OPEN, CLOSE, STRAIGHT):
                continue
            if start is None and ch != CLOSE:
                start = pos + k + 1
            elif start is not None and ch != OPEN:
                out.append((start, pos + k))
                start = None
        if start is not None:
            out.append((start, pos + len(paragraph)))
        pos += len(paragraph) + 1
    return QuotedRanges(out)
