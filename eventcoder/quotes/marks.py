"""Quoted passages found from quotation marks alone (no parse).

Handles straight and curly double quotes, guillemets, and single quotes used as quotes
(top level only: a single quote inside a double-quoted passage is part of it). A paragraph
that opens a quote without closing it continues into the next paragraph when that one opens
with a quotation mark (the newspaper convention for quotes over several paragraphs); a quote
left open otherwise ends with its paragraph. Quotation marks inside markup tags
(``<tweet author="...">``) are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "\u201c\u00ab\u201e"  # “ « „
CLOSE_DOUBLE = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
OPEN_SINGLE = "\u2018"  # ‘
CLOSE_SINGLE = "\u2019"  # ’ (also the apostrophe)
QUOTE_CHARS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT + OPEN_SINGLE + CLOSE_SINGLE + "'"
TAG = re.compile(r"<[^<>\n]*>")
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage: ``open``/``close`` are the positions of its marks (close may be None)."""

    open: int
    close: int | None
    start: int  # content start (after the opening mark and spaces)
    end: int  # content end (before the closing mark and spaces)
    single: bool = False  # delimited by single quotes
    paragraphs: int = 1
    width: int = 1  # characters of the closing mark ('' has two)

    @property
    def outer_end(self) -> int:
        """The end of the passage with its closing mark."""
        return self.close + self.width if self.close is not None else self.end


FILLER = "\x00"  # the second apostrophe of a '' mark
CARRIED = -1  # the open quote carried over from the paragraph before


def find(text: str) -> list[Passage]:
    """Every quoted passage of ``text``, in order."""
    # Two apostrophes stand for a double quotation mark (''as the Times writes''): read them
    # as one mark and a filler, so that every offset stays that of the text.
    text = text.replace("''", '"' + FILLER)
    tags = [m.span() for m in TAG.finditer(text)]
    paragraphs = [m.span() for m in PARAGRAPH.finditer(text) if m.group().strip()]
    out: list[Passage] = []
    carry: int | None = None  # the opening mark of a quote continued from the paragraph before
    carry_pars = 1
    for i, (ps, pe) in enumerate(paragraphs):
        here = len(out)  # passages found before this paragraph end before it
        continuing = carry is not None and _first_mark(text, ps, pe) is not None
        if carry is not None and not continuing:  # no reopening mark: the quote ended with the paragraph before
            out.append(_passage(text, carry, None, end=paragraphs[i - 1][1], paragraphs=carry_pars))
            carry = None
        pairs, dangling = _doubles(text, ps, pe, tags, continuing)
        for o, c in pairs:
            if o is None and carry is not None:
                out.append(_passage(text, carry, c, paragraphs=carry_pars + 1))
                carry = None
            elif o is not None:
                out.append(_passage(text, o, c))
        if dangling == CARRIED:
            carry_pars += 1
            continue
        if dangling is not None:
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            if nxt and _first_mark(text, *nxt) is not None:
                carry, carry_pars = dangling, 1
            else:
                out.append(_passage(text, dangling, None, end=pe))
        out.extend(_singles(text, ps, pe, tags, [p for p in out[here:] if p.outer_end > ps]))
    if carry is not None:
        out.append(_passage(text, carry, None, end=paragraphs[-1][1], paragraphs=carry_pars))
    # a passage says something: marks around nothing but marks and spaces are no quote
    return sorted((p for p in out if any(ch.isalnum() for ch in text[p.start : p.end])), key=lambda p: p.open)


def _first_mark(text: str, ps: int, pe: int) -> int | None:
    """The position of an opening double quotation mark at the start of a paragraph."""
    i = ps
    while i < pe and text[i] in " \t":
        i += 1
    return i if i < pe and (text[i] in OPEN_DOUBLE or text[i] == STRAIGHT) else None


def _in_tag(i: int, tags: list[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in tags)


def _doubles(
    text: str, ps: int, pe: int, tags: list[tuple[int, int]], continuing: bool
) -> tuple[list[tuple[int | None, int]], int | None]:
    """Pairs (open, close) of double marks in one paragraph, and the mark left open.

    When ``continuing``, the paragraph's first mark reopens the quote carried from the
    paragraph before: the mark that closes it is returned as ``(None, close)``, and
    ``CARRIED`` is returned as the open mark when it stays open to the paragraph's end.
    """
    pairs: list[tuple[int | None, int]] = []
    reopen = _first_mark(text, ps, pe) if continuing else None
    open_at: int | None = CARRIED if continuing else None
    for i in range(ps, pe):
        ch = text[i]
        if i == reopen or (ch not in OPEN_DOUBLE and ch not in CLOSE_DOUBLE and ch != STRAIGHT) or _in_tag(i, tags):
            continue
        before = text[i - 1] if i > ps else " "
        if open_at is None:
            if ch in CLOSE_DOUBLE and not (before.isspace() or before in "([\u2014\u2013-"):
                continue  # a stray closing mark
            open_at = i
        elif ch in OPEN_DOUBLE and open_at != CARRIED:
            open_at = i  # two openings in a row: the first was stray
        else:
            pairs.append((None if open_at == CARRIED else open_at, i))
            open_at = None
    return pairs, open_at


_APOSTROPHE_BEFORE = re.compile(r"\w")


def _singles(text: str, ps: int, pe: int, tags: list[tuple[int, int]], doubles: list[Passage]) -> list[Passage]:
    """Single-quoted passages outside double-quoted ones in one paragraph."""
    inside = [(p.open, p.outer_end) for p in doubles]
    out: list[Passage] = []
    open_at: int | None = None
    for i in range(ps, pe):
        ch = text[i]
        if ch not in (OPEN_SINGLE, CLOSE_SINGLE, "'") or _in_tag(i, tags) or any(s <= i < e for s, e in inside):
            continue
        before = text[i - 1] if i > ps else " "
        after = text[i + 1] if i + 1 < pe else " "
        if open_at is None:
            opening = (before.isspace() or before in "([—–-:") and (
                after.isalpha() or after.isdigit() and ch == OPEN_SINGLE
            )
            if opening and not re.match(r"\d\ds\b|em\b|til\b|cause\b|n\b", text[i + 1 : i + 6]):
                open_at = i
        else:
            closing = not before.isspace() and (
                after.isspace() or after in ".,;:!?)—–-" or after in CLOSE_DOUBLE + STRAIGHT
            )
            if closing and not (before.isalpha() and after.isalpha()):
                if before == "s" and after.isspace() and text[i + 1 : i + 2] == " " and _more_singles(text, i + 1, pe):
                    continue  # "voters' views": a plural possessive, the real close comes later
                out.append(_passage(text, open_at, i, single=True))
                open_at = None
    return out


def _more_singles(text: str, i: int, pe: int) -> bool:
    return any(ch in (CLOSE_SINGLE, "'") for ch in text[i:pe])


def _passage(
    text: str, o: int, c: int | None, end: int | None = None, single: bool = False, paragraphs: int = 1
) -> Passage:
    start = o + 1
    stop = c if c is not None else (end if end is not None else len(text))
    while start < stop and (text[start].isspace() or text[start] == FILLER):
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    width = 2 if c is not None and text[c + 1 : c + 2] == FILLER else 1
    return Passage(o, c, start, stop, single, paragraphs, width)
