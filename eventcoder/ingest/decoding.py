"""Bytes to text: gzip, byte-order marks, UTF-8 with a cp1252/latin-1 fallback, binary detection.

Every function here raises :class:`~eventcoder.errors.InputError` with one of the reasons
below, so that readers can turn it into a rejection naming the file.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from ..errors import InputError

EMPTY = "empty file"
BINARY = "binary data, not text"
BAD_GZIP = "not a valid gzip file"
NOT_TEXT = "text is neither UTF-8 nor plausible cp1252/latin-1 (save it as UTF-8)"

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, DEL and
# the C1 range: text files almost never hold them, random bytes hold ~1 in 8.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05
# Western legacy text has accented letters here and there among ASCII ("Café", "Größe"):
# rarely three non-UTF-8 bytes in a row. Cyrillic cp1251, Greek cp1253 and the like write
# whole words in such bytes; read as cp1252 they would become mojibake, so they are refused.
_LEGACY_RUN = re.compile("\ufffd{3,}")
_MAX_LEGACY_RUN_WORDS = 0.1
_LEGACY_ERRORS = "eventcoder-cp1252-fallback"


def _legacy_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252, bytes cp1252 leaves undefined as latin-1."""
    assert isinstance(err, UnicodeDecodeError)
    chunk = err.object[err.start : err.end]
    out = []
    for b in chunk:
        byte = bytes([b])
        try:
            out.append(byte.decode("cp1252"))
        except UnicodeDecodeError:
            out.append(byte.decode("latin-1"))
    return "".join(out), err.end


codecs.register_error(_LEGACY_ERRORS, _legacy_fallback)


def gunzip(data: bytes, where: str, limit: int | None = None) -> bytes:
    """The decompressed content of gzip ``data``; with ``limit``, at most ``limit + 1`` bytes of it
    (so a gzip bomb is never inflated: the caller refuses what is longer than ``limit``)."""
    try:
        if limit is None:
            return gzip.decompress(data)
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as stream:
            return stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:  # BadGzipFile is an OSError; EOFError: truncated
        raise InputError(where, BAD_GZIP) from e


def looks_binary(text: str) -> bool:
    """True when ``text`` holds NUL or too many control characters to be prose."""
    if "\x00" in text:
        return True
    if not text:
        return False
    return len(_CONTROL.findall(text)) / len(text) > _MAX_CONTROL_SHARE


def decode(data: bytes, where: str, *, declared: str | None = None) -> str:
    """Decode a file's bytes to text; raise InputError for empty or binary content.

    A byte-order mark decides the encoding (and is dropped). Otherwise UTF-8; bytes that
    are not UTF-8 are read as cp1252 (latin-1 for the five bytes cp1252 leaves undefined),
    which is what legacy western text files are. ``declared`` is an encoding the content
    names itself (an HTML ``<meta charset>``), tried before the cp1252 fallback.
    """
    if not data.strip():
        raise InputError(where, EMPTY)
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputError(where, BINARY)
        text = _decode_unmarked(data, where, declared)
    if looks_binary(text):
        raise InputError(where, BINARY)
    if not text.strip():
        raise InputError(where, EMPTY)
    return text


def decode_line(raw: bytes) -> str | None:
    """Decode one line of a JSON Lines stream; None if it is binary data."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors=_LEGACY_ERRORS)
    return None if looks_binary(text) else text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_with_bom(data: bytes) -> str | None:
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8":
                return body.decode("utf-8", errors=_LEGACY_ERRORS)
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                return None  # a chance match of the mark: judge the bytes as unmarked
    return None


def _decode_unmarked(data: bytes, where: str, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back as for undeclared text
    text = data.decode("utf-8", errors=_LEGACY_ERRORS)
    if looks_binary(text):
        raise InputError(where, BINARY)
    words = data.decode("utf-8", errors="replace").split()
    if sum(1 for w in words if _LEGACY_RUN.search(w)) > _MAX_LEGACY_RUN_WORDS * len(words):
        raise InputError(where, NOT_TEXT)
    return text
