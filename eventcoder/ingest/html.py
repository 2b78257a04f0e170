"""HTML pages: main text and metadata through trafilatura (no network access)."""

from __future__ import annotations

import re

from ..article import Article
from ..errors import InputError
from .dates import normalise_date
from .decoding import decode
from .ids import article_id
from .outlets import host_of, known_outlet

NO_TEXT = "no article text found in HTML"

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DOCUMENT = re.compile(r"<(?:html|body|head)\b", re.I)
# trafilatura returns navigation leftovers ("Home", "World") for pages without an article;
# an article has at least one paragraph of this many words.
_MIN_PARAGRAPH_WORDS = 5


def read_html(data: bytes, where: str, path: str | None) -> Article:
    """The article of an HTML page; raise InputError if it has no main text."""
    declared = _CHARSET.search(data[:4096])
    text = decode(data, where, declared=declared.group(1).decode("ascii") if declared else None)
    # Imported here: trafilatura and its dependencies take a noticeable time to load and
    # most runs read no HTML.
    import trafilatura
    from trafilatura.settings import Document
    from trafilatura.xml import xmltotxt

    if not _DOCUMENT.search(text[:4096]):
        # trafilatura expects a whole page and drops a bare fragment ("<p>...</p>" as saved
        # by some scrapers): give the fragment the page around it.
        text = f"<html><body>{text}</body></html>"
    try:
        doc = trafilatura.bare_extraction(
            text, with_metadata=True, include_comments=False, include_tables=True, output_format="python"
        )
    except (ValueError, TypeError, LookupError) as e:  # malformed markup lxml cannot parse
        raise InputError(where, f"cannot parse HTML: {e}") from e
    # A Document, since as_dict is left False; the dict form is for older callers.
    if not isinstance(doc, Document) or doc.body is None:
        raise InputError(where, NO_TEXT)
    title = " ".join(doc.title.split()) if doc.title else None
    paragraphs = [p.strip() for p in (xmltotxt(element, False) for element in doc.body) if p.strip()]
    # trafilatura keeps the page's <h1> as the first block: it is the title, not body.
    if paragraphs and title and " ".join(paragraphs[0].split()).casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if not any(len(p.split()) >= _MIN_PARAGRAPH_WORDS for p in paragraphs):
        raise InputError(where, NO_TEXT)
    body = "\n\n".join(paragraphs)
    url = doc.url or None
    outlet = known_outlet(url) or (doc.sitename or None) or (host_of(url) if url else None)
    return Article(
        id=article_id(given=None, url=url, text=body),
        text=body,
        path=path,
        url=url,
        title=title,
        published=normalise_date(doc.date) if doc.date else None,
        outlet=outlet,
        byline=doc.author or None,
    )
