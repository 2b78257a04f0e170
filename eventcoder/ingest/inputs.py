"""From what the user named (files, folders, globs, ``-``) to articles and rejections, in order."""

from __future__ import annotations

import errno
import glob
import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, TextIO

from ..article import Article
from ..errors import InputError
from . import txt
from .decoding import BAD_GZIP, decode, decode_line, gunzip, looks_binary, normalise_newlines
from .html import read_html
from .ids import article_id
from .outlets import outlet_for
from .records import read_csv, read_json_lines
from .rejection import Rejection

Item = Article | Rejection

# Extension -> format; each may also be gzipped (".gz" after it).
FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
USE = "use .txt, .html, .jsonl, .csv, optionally .gz"
NO_SUCH = "no such file or directory"
NO_MATCH = "no file matches this pattern"
STDIN = "-"


def read_inputs(inputs: Iterable[str], *, plain: bool = False, stdin: TextIO | None = None) -> Iterator[Item]:
    """Expand files, folders (recursively, sorted), globs, and '-' (JSON Lines on stdin); yield articles and
    rejections in order, never raise for bad input.

    ``plain``: ``.txt`` files are bare text taken exactly as they are (no layout detection, no
    newline conversion), so offsets are the file's characters (after a byte-order mark).
    ``stdin``: the stream ``-`` reads (default ``sys.stdin``).
    """
    for given in inputs:
        if given == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        yield from _read_named(given, plain)


def _read_named(given: str, plain: bool) -> Iterator[Item]:
    # os.path.isdir and lexists answer False for names the system cannot even look up
    # (too long, NUL inside): those end as "no such file or directory".
    if not given.strip():
        yield Rejection(repr(given), "empty path")
    elif os.path.isdir(given):
        yield from _read_folder(given, plain)
    elif os.path.lexists(given):
        yield from read_file(given, plain=plain)
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield Rejection(given, NO_MATCH)
        for match in matches:
            yield from _read_folder(match, plain) if os.path.isdir(match) else read_file(match, plain=plain)
    else:
        yield Rejection(given, NO_SUCH)


def _read_folder(folder: str, plain: bool) -> Iterator[Item]:
    """The supported files under ``folder``, sorted by path; hidden and other files skipped."""
    found: list[tuple[list[str], str | Rejection]] = []

    def unreadable(e: OSError) -> None:
        where = e.filename if isinstance(e.filename, str) else folder
        found.append((os.path.relpath(where, folder).split(os.sep), Rejection(where, _os_reason(e))))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and file_format(name)[0] is not None:
                path = os.path.join(root, name)
                found.append((os.path.relpath(path, folder).split(os.sep), path))
    if not found:
        yield Rejection(folder, f"no article files in this folder ({USE})")
    for _, item in sorted(found, key=lambda pair: pair[0]):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, plain=plain)


def file_format(name: str) -> tuple[str | None, bool]:
    """The format of a file name (``txt``, ``html``, ``jsonl``, ``csv`` or None) and whether it is gzipped."""
    base, ext = os.path.splitext(name.lower())
    gz = ext == ".gz"
    if gz:
        ext = os.path.splitext(base)[1]
    return FORMATS.get(ext), gz


def read_file(path: str, *, plain: bool = False) -> Iterator[Item]:
    """The articles of one file (``path`` as the user gave it), or rejections saying why not."""
    kind, gz = file_format(os.path.basename(path))
    if kind is None:
        yield Rejection(path, _unsupported(path))
        return
    try:
        if kind == "jsonl":
            yield from _read_jsonl_file(path, gz)
            return
        with open(path, "rb") as f:
            data = f.read()
        if gz:
            data = gunzip(data, path)
        if kind == "csv":
            yield from read_csv(normalise_newlines(decode(data, path)), path, path)
        elif kind == "html":
            yield read_html(data, path, path)
        else:
            yield _read_txt(data, path, plain)
    except InputError as e:
        yield Rejection(e.where, e.reason)
    except OSError as e:
        yield Rejection(path, _os_reason(e))


def _read_txt(data: bytes, path: str, plain: bool) -> Article:
    text = decode(data, path)
    if plain:
        return Article(id=article_id(given=None, url=None, text=text), text=text, path=path)
    parts = txt.parse(normalise_newlines(text))
    if not parts.body.strip():
        raise InputError(path, "no article text after the title and header")
    return Article(
        id=article_id(given=None, url=parts.url, text=parts.body),
        text=parts.body,
        path=path,
        url=parts.url,
        title=parts.title,
        published=parts.published,
        outlet=outlet_for(parts.url),
        byline=parts.byline,
    )


def _read_jsonl_file(path: str, gz: bool) -> Iterator[Item]:
    with open(path, "rb") as raw:
        if not gz:
            yield from read_json_lines(_binary_lines(raw), path, path)
            return
        try:
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield from read_json_lines(_binary_lines(stream), path, path)
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:  # bad header, truncated, corrupt data
            raise InputError(path, BAD_GZIP) from e


def _binary_lines(stream: IO[bytes] | gzip.GzipFile) -> Iterator[tuple[int, str | None]]:
    """Numbered decoded lines of a byte stream (None for binary data), the BOM dropped."""
    for number, raw in enumerate(stream, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        yield number, decode_line(raw)


def _read_stdin(stream: TextIO | None) -> Iterator[Item]:
    """JSON Lines on standard input, read as bytes when possible so any encoding is handled."""
    if stream is None:
        yield Rejection(STDIN, "no standard input")
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        lines: Iterable[tuple[int, str | None]] = _binary_lines(buffer)
    else:
        lines = _text_lines(stream)
    try:
        for item in read_json_lines(lines, "<stdin>", None):
            if isinstance(item, Rejection) and item.where == "<stdin>":
                item = Rejection(STDIN, "empty input" if item.reason == "empty file" else item.reason)
            yield item
    except (OSError, UnicodeError) as e:
        yield Rejection(STDIN, f"cannot read standard input: {e}")


def _text_lines(stream: TextIO) -> Iterator[tuple[int, str | None]]:
    for number, line in enumerate(stream, 1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        yield number, None if looks_binary(line) else line


def _unsupported(path: str) -> str:
    name = os.path.basename(path).lower()
    base, ext = os.path.splitext(name)
    if ext == ".gz":
        ext = os.path.splitext(base)[1] + ext
    if not ext:
        return f"unsupported file type: no extension ({USE})"
    return f"unsupported file type '{ext}' ({USE})"


def _os_reason(e: Exception) -> str:
    if isinstance(e, FileNotFoundError):
        return NO_SUCH
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, OSError) and e.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if isinstance(e, OSError) and e.strerror:
        return e.strerror.lower()
    return str(e).lower() or type(e).__name__
