"""From what the user named (files, folders, globs, ``-``) to articles and rejections, in order."""

from __future__ import annotations

import errno
import fnmatch
import glob
import gzip
import os
import stat
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
from .limits import Limits, display
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


def read_inputs(
    inputs: Iterable[str], *, plain: bool = False, stdin: TextIO | None = None, limits: Limits | None = None
) -> Iterator[Item]:
    """Expand files, folders (recursively, sorted), globs, and '-' (JSON Lines on stdin); yield articles and
    rejections in order, never raise for bad input.

    ``plain``: ``.txt`` files are bare text taken exactly as they are (no layout detection, no
    newline conversion), so offsets are the file's characters (after a byte-order mark).
    ``stdin``: the stream ``-`` reads (default ``sys.stdin``). ``limits``: the size limits
    (default: those of the default settings). Paths in articles and rejections are shown with
    :func:`display` (one printable line, storable as UTF-8).
    """
    limits = limits or Limits()
    for given in inputs:
        if given == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, limits)
            continue
        yield from _read_named(given, plain, limits)


def _read_named(given: str, plain: bool, limits: Limits) -> Iterator[Item]:
    # os.path.isdir and lexists answer False for names the system cannot even look up
    # (too long, NUL inside): those end as "no such file or directory".
    if not given.strip():
        yield Rejection(repr(given), "empty path")
    elif os.path.isdir(given):
        yield from _read_folder(given, plain, limits)
    elif os.path.lexists(given):
        yield from read_file(given, plain=plain, limits=limits)
    elif glob.has_magic(given):
        matches = sorted(_glob(given))
        if not matches:
            yield Rejection(display(given), NO_MATCH)
        for match in matches:
            if os.path.isdir(match):
                yield from _read_folder(match, plain, limits)
            else:
                yield from read_file(match, plain=plain, limits=limits)
    else:
        yield Rejection(display(given), NO_SUCH)


def _glob(pattern: str) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, except that ``**`` does not follow symbolic links
    to folders: through a link loop (``d/sub/loop -> d``) glob's walk never ends."""
    if "**" not in pattern:
        return glob.glob(pattern)  # a fixed depth: finite even through links
    parts = pattern.split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = os.sep.join(parts[:fixed]) or (os.sep if pattern.startswith(os.sep) else "")
    wanted = [p for p in parts[fixed:] if p]
    matches = []
    for folder, dirs, files in os.walk(root or os.curdir, followlinks=False):
        dirs.sort()
        rel = os.path.relpath(folder, root or os.curdir)
        rel_parts = [] if rel == os.curdir else rel.split(os.sep)
        for name in (*dirs, *files):
            if _glob_match(wanted, [*rel_parts, name]):
                matches.append(os.path.join(root, *rel_parts, name) if root else os.path.join(*rel_parts, name))
    return matches


def _glob_match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path components match pattern components (``**``: any number of folders).

    As glob: a ``*`` or ``**`` does not match names starting with a dot.
    """
    if not pattern:
        return not parts
    head = pattern[0]
    if head == "**":
        return any(
            _glob_match(pattern[1:], parts[i:])
            for i in range(len(parts) + 1)
            if not any(p.startswith(".") for p in parts[:i])
        )
    if not parts or (parts[0].startswith(".") and not head.startswith(".")):
        return False
    return fnmatch.fnmatchcase(parts[0], head) and _glob_match(pattern[1:], parts[1:])


def _read_folder(folder: str, plain: bool, limits: Limits) -> Iterator[Item]:
    """The supported files under ``folder``, sorted by path; hidden and other files skipped."""
    found: list[tuple[list[str], str | Rejection]] = []

    def unreadable(e: OSError) -> None:
        where = e.filename if isinstance(e.filename, str) else folder
        found.append((os.path.relpath(where, folder).split(os.sep), Rejection(display(where), _os_reason(e))))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and file_format(name)[0] is not None:
                path = os.path.join(root, name)
                found.append((os.path.relpath(path, folder).split(os.sep), path))
    if not found:
        yield Rejection(display(folder), f"no article files in this folder ({USE})")
    for _, item in sorted(found, key=lambda pair: pair[0]):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, plain=plain, limits=limits)


def file_format(name: str) -> tuple[str | None, bool]:
    """The format of a file name (``txt``, ``html``, ``jsonl``, ``csv`` or None) and whether it is gzipped."""
    base, ext = os.path.splitext(name.lower())
    gz = ext == ".gz"
    if gz:
        ext = os.path.splitext(base)[1]
    return FORMATS.get(ext), gz


def read_file(path: str, *, plain: bool = False, limits: Limits | None = None) -> Iterator[Item]:
    """The articles of one file (``path`` as the user gave it), or rejections saying why not."""
    limits = limits or Limits()
    shown = display(path)
    kind, gz = file_format(os.path.basename(path))
    if kind is None:
        yield Rejection(shown, _unsupported(shown))
        return
    try:
        with _open_regular(path, shown, limits, streamed=kind == "jsonl") as f:
            if kind == "jsonl":
                yield from _read_jsonl_file(f, shown, gz, limits)
                return
            data = f.read()
        if gz:
            data = gunzip(data, shown, limits.max_input_bytes)
            if len(data) > limits.max_input_bytes:
                raise InputError(shown, limits.over_bytes("decompressed content"))
        if kind == "csv":
            yield from read_csv(normalise_newlines(decode(data, shown)), shown, shown, limits)
        elif kind == "html":
            yield _checked(read_html(data, shown, shown), shown, limits)
        else:
            yield _checked(_read_txt(data, shown, plain), shown, limits)
    except InputError as e:
        yield Rejection(e.where, e.reason)
    except OSError as e:
        yield Rejection(shown, _os_reason(e))


_SPECIAL = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
            (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))  # fmt: skip


def _open_regular(path: str, shown: str, limits: Limits, *, streamed: bool) -> IO[bytes]:
    """Open a regular file for reading, refusing others before reading a byte.

    Opened non-blocking and checked with fstat (not stat, then open): a FIFO would block the
    open until a writer comes, and /dev/zero would fill memory. A file read whole over the limit
    is refused by its size (gzip: what it decompresses to is capped too); JSON Lines are
    streamed, each line capped.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _SPECIAL if test(mode)), "a special file")
            hint = "; pipe records to standard input with '-' instead" if stat.S_ISFIFO(mode) else ""
            raise InputError(shown, f"not a regular file ({kind}){hint}")
        size = os.fstat(fd).st_size
        if not streamed and size > limits.max_input_bytes:
            raise InputError(shown, limits.over_bytes(f"file of {size:,} bytes is"))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _checked(article: Article, where: str, limits: Limits) -> Article:
    reason = limits.too_long(article.text)
    if reason:
        raise InputError(where, reason)
    article.origin = where
    return article


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


def _read_jsonl_file(raw: IO[bytes], path: str, gz: bool, limits: Limits) -> Iterator[Item]:
    if not gz:
        yield from read_json_lines(_binary_lines(raw, limits.max_input_bytes), path, path, limits)
        return
    try:
        with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
            yield from read_json_lines(_binary_lines(stream, limits.max_input_bytes), path, path, limits)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:  # bad header, truncated, corrupt data
        raise InputError(path, BAD_GZIP) from e


def _binary_lines(stream: IO[bytes] | gzip.GzipFile, limit: int) -> Iterator[tuple[int, str | int | None]]:
    """Numbered decoded lines of a byte stream (None for binary data), the BOM dropped.

    A line longer than ``limit`` bytes is never held whole: it is given as its length so far
    (an int), and skipped up to its end.
    """
    number = 0
    while raw := stream.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            seen = len(raw)
            while (rest := stream.readline(1 << 16)) and not rest.endswith(b"\n"):
                seen += len(rest)
            yield number, seen + len(rest)
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        yield number, decode_line(raw)


def _read_stdin(stream: TextIO | None, limits: Limits) -> Iterator[Item]:
    """JSON Lines on standard input, read as bytes when possible so any encoding is handled."""
    if stream is None:
        yield Rejection(STDIN, "no standard input")
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        lines: Iterable[tuple[int, str | int | None]] = _binary_lines(buffer, limits.max_input_bytes)
    else:
        lines = _text_lines(stream, limits.max_input_bytes)
    try:
        for item in read_json_lines(lines, "<stdin>", None, limits):
            if isinstance(item, Rejection) and item.where == "<stdin>":
                item = Rejection(STDIN, "empty input" if item.reason == "empty file" else item.reason)
            yield item
    except (OSError, UnicodeError) as e:
        yield Rejection(STDIN, f"cannot read standard input: {e}")


def _text_lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str | int | None]]:
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            seen = len(line)
            while (rest := stream.readline(1 << 16)) and not rest.endswith("\n"):
                seen += len(rest)
            yield number, seen + len(rest)
            continue
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
