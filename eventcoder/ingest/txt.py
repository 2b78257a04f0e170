"""The layout of a news article saved as text: header, caption, body, related lines, URL trailer.

A recognised layout (see /work/shared/seed for the model) is::

    Title line
    By <u>AFP</u>                     byline (markup stripped)
    September 20, 2024                date line
    Caption of the photo. Name / EPA / TASS     caption ending in a photo credit
    Body paragraph ...
    Related article: ...              link to another story
    Body paragraph ...
    Original url:
    https://www.example.com/2024/09/20/some-sto ry-a86423   (URL broken by whitespace)

Everything but the body paragraphs is metadata. Without a byline or date line the file is
taken as plain text: a short first line without final period is the title when more
paragraphs follow, everything else is body. Body paragraphs are never altered inside; they
are joined with one blank line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .dates import read_dateline

_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BYLINE = re.compile(r"^by\s*:?\s+(?P<name>\S.*)$", re.I)
# A byline names people or agencies; "By the end of the week, talks had collapsed." does not.
_SENTENCE_LIKE_BYLINE = re.compile(r"\w{4,}[.!?]$")
_ENDS_ON_WORD = re.compile(r"\w[\"'\u201d\u2019\u00bb)\]]*$")
# A photo credit at the end of a caption: "Martial Trezzini / EPA / TASS", "REUTERS/Evgenia
# Novozhenina", "(AP Photo/Evan Vucci)". Its last word ends without a period, so a sentence
# ending in "EU/UN." is not a credit.
_CREDIT_WORDS = r"[A-Z][\w'\u2019.&-]*(?:\s+[A-Z][\w'\u2019.&-]*){0,4}"
_CREDIT_TAIL = re.compile(rf"\(?(?:{_CREDIT_WORDS}\s*/\s*)+{_CREDIT_WORDS}(?<!\.)\)?$")
_CREDIT_LABEL = re.compile(r"(?:^|[\s(])(?:photo(?:graph)?|image|picture|credit)s?\s*(?::|by\s)\s*\S", re.I)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|content|coverage|reading))?|read\s+more|read\s+also"
    r"|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?)\s*:",
    re.I,
)
# Labels of the article's own URL; a bare "Source:" or "Link:" in the body cites another page.
_URL_LABEL = re.compile(r"^(?:original\s+(?:url|link)|(?:source|article)\s+url|url)\s*:\s*(?P<rest>.*)$", re.I | re.S)
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_MAX_HEADER_LINE = 300  # characters of a title, byline or date line
_MAX_CAPTION = 300
_MAX_CREDIT = 100
_MAX_URL_PIECES = 4  # a URL broken by whitespace into more pieces than this is not taken as one
_MAX_PLAIN_TITLE = 200
_MAX_PLAIN_TITLE_WORDS = 30


@dataclass
class TxtArticle:
    """The parts of a text article: its body and the metadata found around it."""

    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text`` (separated by blank lines), ends trimmed, inside untouched."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def strip_markup(s: str) -> str:
    """``s`` without HTML tags and entities, whitespace collapsed (for header lines)."""
    return " ".join(html.unescape(_TAG.sub("", s)).split())


def byline(paragraph: str) -> str | None:
    """The author(s) of a ``By ...`` line, or None if the paragraph is not a byline."""
    if "\n" in paragraph or len(paragraph) > _MAX_HEADER_LINE:
        return None
    m = _BYLINE.match(strip_markup(paragraph))
    if not m:
        return None
    name = m["name"].strip()
    if not name[0].isupper() or len(name.split()) > 12 or _SENTENCE_LIKE_BYLINE.search(name):
        return None
    return name


def dateline(paragraph: str) -> str | None:
    """The ``YYYY-MM-DD`` date of a paragraph that is only a date, else None."""
    if "\n" in paragraph or len(paragraph) > _MAX_HEADER_LINE:
        return None
    return read_dateline(strip_markup(paragraph))


def is_caption(paragraph: str) -> bool:
    """A photo caption: short, and ending in a photo credit or a line without a finished sentence.

    "Without a finished sentence" means the line stops on a word ("Ministers at the signing
    in Addis Ababa"); a line ending in ":" or "," leads into the text that follows and is body.
    """
    if len(paragraph) > _MAX_CAPTION:
        return False
    if is_credit(paragraph, whole=False):
        return True
    return "\n" not in paragraph and bool(_ENDS_ON_WORD.search(paragraph))


def is_credit(paragraph: str, *, whole: bool = True) -> bool:
    """A photo credit (``whole``: the paragraph is only a credit, else it ends in one)."""
    if whole and len(paragraph) > _MAX_CREDIT:
        return False
    tail = _CREDIT_TAIL.search(paragraph)
    if tail and (not whole or tail.start() == 0):
        return True
    label = _CREDIT_LABEL.search(paragraph)
    return label is not None and (not whole or label.start() == 0)


def parse(text: str) -> TxtArticle:
    """Split a text article (newlines already ``\\n``) into its body and metadata."""
    paras = _explode_header(paragraphs(text))
    art = TxtArticle(body="")
    start = _read_header(paras, art)
    if start is not None:
        start = _skip_caption(paras, start)
    else:
        start = 0
        if _plain_title(paras):
            art.title = paras[0]
            start = 1
    rest = _take_url(paras[start:], art)
    body = [p for p in rest if not _is_related(p)]
    art.body = "\n\n".join(body)
    return art


def _read_header(paras: list[str], art: TxtArticle) -> int | None:
    """Fill title, byline and date from the leading paragraphs; the index after them, or None."""
    i = 0
    title = None
    if paras and _title_like(paras[0]) and byline(paras[0]) is None and dateline(paras[0]) is None:
        title = strip_markup(paras[0])
        i = 1
    found = False
    while i < len(paras):
        by = byline(paras[i]) if art.byline is None else None
        day = dateline(paras[i]) if by is None and art.published is None else None
        if by is None and day is None:
            break
        art.byline = by or art.byline
        art.published = day or art.published
        found = True
        i += 1
    if not found:
        art.byline = art.published = None
        return None
    art.title = title
    return i


def _skip_caption(paras: list[str], i: int) -> int:
    """The index after the photo caption (and its credit line) at ``paras[i]``, if there is one.

    The first short paragraph after a recognised header is a caption when it looks like one
    or when a bare credit line follows it. The last paragraph is never taken: it is body.
    """
    credit_follows = i + 2 < len(paras) and is_credit(paras[i + 1])
    if i + 1 < len(paras) and (is_caption(paras[i]) or (credit_follows and len(paras[i]) <= _MAX_CAPTION)):
        i += 1
        if i + 1 < len(paras) and is_credit(paras[i]):
            i += 1
    return i


def _explode_header(paras: list[str]) -> list[str]:
    """Split a first paragraph written as consecutive header lines (title, byline, date)."""
    if not paras:
        return paras
    lines = [ln.strip() for ln in paras[0].split("\n")]
    if not 2 <= len(lines) <= 4 or any(len(ln) > _MAX_HEADER_LINE for ln in lines):
        return paras
    if all(byline(ln) or dateline(ln) for ln in lines[1:]):
        return lines + paras[1:]
    return paras


def _title_like(p: str) -> bool:
    return "\n" not in p and len(p) <= _MAX_HEADER_LINE


def _plain_title(paras: list[str]) -> bool:
    """A plain text's first paragraph is its title if it is one short line without final period."""
    if len(paras) < 2:
        return False
    first = paras[0]
    return (
        "\n" not in first
        and len(first) <= _MAX_PLAIN_TITLE
        and len(first.split()) <= _MAX_PLAIN_TITLE_WORDS
        and not first.endswith((".", ",", ";", ":"))
        and not _URL_LABEL.match(first)
        and not _is_related(first)
    )


def _is_related(p: str) -> bool:
    return "\n" not in p and len(p) <= _MAX_HEADER_LINE and bool(_RELATED.match(p))


def _take_url(paras: list[str], art: TxtArticle) -> list[str]:
    """Remove the ``Original url:`` trailer and keep its URL, repaired.

    The label may start a paragraph or a line inside one; the URL follows it on the same
    line(s) or in the next paragraph. Lines before the label stay body, untouched. A URL
    without the label stays body: articles end with links they cite ("Online: http://...").
    """
    for i, p in enumerate(paras):
        lines = p.split("\n")
        for k, line in enumerate(lines):
            m = _URL_LABEL.match(line.strip())
            if not m:
                continue
            rest = " ".join([m["rest"], *lines[k + 1 :]]).strip()
            next_used = not rest and i + 1 < len(paras)
            url = _repair_url(paras[i + 1] if next_used else rest)
            if url is None:
                continue
            art.url = url
            head = "\n".join(lines[:k]).rstrip()
            return paras[:i] + ([head] if head else []) + paras[i + 1 + next_used :]
    return paras


def _repair_url(s: str) -> str | None:
    """A URL broken by whitespace, joined again; None if ``s`` is not one URL."""
    pieces = s.split()
    if not pieces or len(pieces) > _MAX_URL_PIECES:
        return None
    url = "".join(pieces)
    return url if _URL.fullmatch(url) else None
