"""The ingest limits (from settings) and how a path is shown in a message.

Every input is bounded before it is held in memory: a file by its size, a gzip stream by
what it decompresses to, a JSON Lines line by its length, an article by its characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..settings import Settings

_DEFAULTS = Settings()


@dataclass(frozen=True)
class Limits:
    """``max_input_bytes``: a file (after gzip) or a JSON Lines line; ``max_article_chars``: one text."""

    max_input_bytes: int = _DEFAULTS.max_input_bytes
    max_article_chars: int = _DEFAULTS.max_article_chars

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        """The input limits of these settings."""
        return cls(max_input_bytes=settings.max_input_bytes, max_article_chars=settings.max_article_chars)

    def too_long(self, text: str) -> str | None:
        """The rejection reason for an article text over ``max_article_chars``, else None."""
        if len(text) <= self.max_article_chars:
            return None
        return (
            f"article text of {len(text):,} characters is over the limit of {self.max_article_chars:,}"
            " (setting max_article_chars); split it into several articles"
        )

    def over_bytes(self, what: str) -> str:
        """``what`` (e.g. ``line 3``) is over ``max_input_bytes``, naming the setting."""
        return f"{what} over the limit of {self.max_input_bytes:,} bytes (setting max_input_bytes)"


def display(path: str) -> str:
    """``path`` as one printable, storable line: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) become ``\\xff``, control characters ``\\n``, ``\\t``, ``\\x1b``."""
    if path.isprintable():
        try:
            path.encode("utf-8")
            return path
        except UnicodeEncodeError:
            pass
    out = []
    for ch in path:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte code - 0xDC00
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif ch in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[ch])
        elif not ch.isprintable() and ch != " ":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
