"""Reading TABARI/PETRARCH dictionary files line by line, with their comments removed.

The formats share one comment syntax (PETRARCH's ``read_FIN_line``): ``<!-- ... -->`` blocks,
possibly spanning lines, lines opening with ``<!`` or ``#``, and ``#`` (or KEDS's ``;``) up to
the end of a line. Every line keeps its 1-based number so that a bad entry can be reported as
``file:line: reason``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import DictionaryError


def read_text(path: str | Path) -> str:
    """The file's text (UTF-8, else cp1252); a missing file is a DictionaryError."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DictionaryError(str(path), None, f"cannot read the dictionary: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old TABARI files were written in Windows code pages.
        return raw.decode("cp1252", errors="replace")


def content_lines(path: str | Path, *, semicolon_comments: bool = True) -> Iterator[tuple[int, str]]:
    """(line number, line without comments) for every line of the file that still holds something."""
    return text_lines(read_text(path), semicolon_comments=semicolon_comments)


def text_lines(text: str, *, semicolon_comments: bool = True) -> Iterator[tuple[int, str]]:
    """(line number, line without comments) for every line of ``text`` that still holds something.

    Comments are ``<!-- ... -->`` blocks (possibly spanning lines; PETRARCH also writes a sloppy
    ``<! -- ... -->``), and ``#`` (or KEDS's ``;``) up to the end of the line when it is not
    inside a word nor inside ``[...]`` (``[###]`` is a code). Leading
    whitespace is kept (it marks date-restriction lines in actor files); trailing whitespace
    is removed.
    """
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_block:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_block = False
        while "<!" in line:
            head, _, tail = line.partition("<!")
            end = tail.find("-->")
            if end < 0:
                in_block = True
                line = head
                break
            line = head + tail[end + 3 :]
        line = strip_comment(line, semicolons=semicolon_comments).rstrip()
        if line.strip():
            yield number, line


def strip_comment(line: str, *, semicolons: bool = True) -> str:
    """The line without its end-of-line comment: ``#`` not inside a word nor inside ``[...]``
    (``[###]`` is a code), or (``semicolons``) KEDS's ``;``."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif depth == 0 and ((semicolons and ch == ";") or (ch == "#" and (i == 0 or not line[i - 1].isalnum()))):
            return line[:i]
    return line


def words(phrase: str) -> tuple[str, ...]:
    """The words of a dictionary phrase: ``_`` and blanks both separate words; upper case."""
    return tuple(w for w in phrase.replace("_", " ").upper().split() if w)


def loose_gaps(phrase: str) -> frozenset[int]:
    """Where a phrase lets other words intervene: ``i`` = after its ``i``-th word (0-based).

    PETRARCH's connectors: ``_`` joins consecutive words, a blank lets words come between
    them (``ITHILEN TELEVISION`` matches "Ithilen state-run television").
    """
    out = set()
    n = 0
    for part in phrase.strip().split():
        n += len([w for w in part.split("_") if w])
        out.add(n - 1)
    return frozenset(g for g in out if 0 <= g < n - 1)
