"""Stable article ids: the given id, else a hash of the URL, else of the normalised text."""

from __future__ import annotations

import hashlib
import unicodedata


def article_id(*, given: str | None, url: str | None, text: str) -> str:
    """The given id, else a hash of the URL, else of the normalised text.

    The text is normalised (NFC, runs of whitespace collapsed to one space, ends trimmed) so
    that the same article saved with other line breaks or Unicode composition keeps its id.
    Hashes are 16 hex digits of BLAKE2b, stable across runs, platforms and Python versions.
    """
    if given is not None and str(given).strip():
        return str(given)
    if url is not None and url.strip():
        key = "url:" + url.strip()
    else:
        key = "text:" + " ".join(unicodedata.normalize("NFC", text).split())
    # The "url:"/"text:" prefix keeps a URL and a text that happen to be equal apart.
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
