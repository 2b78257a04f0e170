"""Article records: JSON Lines (files and stdin) and CSV rows, each line checked on its own.

A record needs ``text``; ``id``, ``url``, ``title``, ``published`` (or ``date``), ``outlet``
and ``byline`` are optional, and a JSON record may carry ``options`` (per-record coding
options). Other fields are ignored. A bad line becomes a rejection ``file:LINE: reason``
and the lines after it are still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..article import Article
from ..errors import InputError, SettingsError
from ..settings import record_options
from .dates import MAX_DAY, MIN_DAY, normalise_date
from .decoding import BINARY, EMPTY
from .ids import article_id
from .limits import Limits
from .outlets import outlet_for
from .rejection import Rejection

_OPTIONAL = ("url", "title", "outlet", "byline")
# Article texts can be far longer than the csv module's default field limit (128 KiB).
_CSV_FIELD_LIMIT = 2**31 - 1


def record_article(record: Any, where: str, path: str | None, limits: Limits | None = None) -> Article:
    """The article of one record; raise InputError(where, reason) if it cannot be coded."""
    limits = limits or Limits()
    if not isinstance(record, Mapping):
        raise InputError(where, f"record is not a JSON object but {_json_type(record)}")
    for name in ("text", "id", *_OPTIONAL, "published", "date"):
        _check_unicode(record.get(name), name, where)
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise InputError(where, "record has no text")
    if not isinstance(text, str):
        raise InputError(where, f"field 'text' must be a string, not {_json_type(text)}")
    if "\x00" in text:
        raise InputError(where, f"field 'text' holds a NUL character ({BINARY.split(',')[0]})")
    too_long = limits.too_long(text)
    if too_long:
        raise InputError(where, too_long)
    given = record.get("id")
    if isinstance(given, bool) or not isinstance(given, str | int | None):
        raise InputError(where, f"field 'id' must be a string, not {_json_type(given)}")
    given = None if given is None or not str(given).strip() else str(given)
    fields = {name: _optional_string(record, name, where) for name in _OPTIONAL}
    published = _published(record, where)
    options = record.get("options")
    if options is None:
        options = {}
    elif not isinstance(options, Mapping):
        raise InputError(where, f"field 'options' must be an object, not {_json_type(options)}")
    try:
        options = record_options(dict(options))
    except SettingsError as e:
        raise InputError(where, f"options: {e}") from None
    url = fields["url"]
    return Article(
        id=article_id(given=given, url=url, text=text),
        text=text,
        path=path,
        url=url,
        title=fields["title"],
        published=published,
        outlet=fields["outlet"] or outlet_for(url),
        byline=fields["byline"],
        options=options,
        origin=where,
    )


def read_json_lines(
    lines: Iterable[tuple[int, str | int | None]], where: str, path: str | None, limits: Limits | None = None
) -> Iterator[Article | Rejection]:
    """Articles from numbered JSON Lines (None marks a line of binary data, which ends the read; an
    int, a line over ``limits.max_input_bytes`` of that length, which was skipped)."""
    limits = limits or Limits()
    seen = False
    for number, line in lines:
        at = f"{where}:{number}"
        if isinstance(line, int):
            seen = True
            yield Rejection(at, limits.over_bytes(f"line {number}"))
            continue
        if line is None:
            # Binary from the first line on is a binary file; later, a corrupt tail.
            yield Rejection(where if not seen else at, BINARY)
            return
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            # json's messages read "Expecting value" or "Unterminated string starting at".
            where_in_line = "column" if e.msg.endswith(" at") else "at column"
            yield Rejection(at, f"invalid JSON: {e.msg} {where_in_line} {e.colno}")
            continue
        except RecursionError:
            yield Rejection(at, "invalid JSON: nested too deeply")
            continue
        try:
            yield record_article(record, at, path, limits)
        except InputError as e:
            yield Rejection(e.where, e.reason)
    if not seen:
        yield Rejection(where, EMPTY)


def read_csv(text: str, where: str, path: str | None, limits: Limits | None = None) -> Iterator[Article | Rejection]:
    """Articles from CSV text with a header row; a row's line is the line it starts on."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    # strict: an unterminated quote is an error, not a field that swallows the rest of the file.
    reader = csv.reader(io.StringIO(text), strict=True)
    header: list[str] | None = None
    rows = 0
    last_line = 0
    try:
        for row in reader:
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            at = f"{where}:{start}"
            if header is None:
                header = [name.strip().lower() for name in row]
                if "text" not in header:
                    yield Rejection(at, f"CSV header has no 'text' column (columns: {', '.join(row)})")
                    return
                continue
            rows += 1
            if len(row) != len(header):
                yield Rejection(at, f"row has {len(row)} fields, the header has {len(header)}")
                continue
            record = {name: (cell if cell.strip() else None) for name, cell in zip(header, row, strict=True) if name}
            try:
                yield record_article(record, at, path, limits)
            except InputError as e:
                yield Rejection(e.where, e.reason)
    except csv.Error as e:
        yield Rejection(f"{where}:{last_line + 1}", f"bad CSV: {e}")
        return
    if header is not None and rows == 0:
        yield Rejection(where, "no records after the CSV header")


def _optional_string(record: Mapping, name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f"field {name!r} must be a string, not {_json_type(value)}")
    return value.strip() or None


def _published(record: Mapping, where: str) -> str | None:
    name = "published" if record.get("published") is not None else "date"
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(where, f"field {name!r} must be a date string, not {_json_type(value)}")
    if not value.strip():
        return None
    day = normalise_date(value)
    if day is None:
        raise InputError(where, f"cannot read date {value.strip()!r} (use YYYY-MM-DD)")
    if not MIN_DAY <= day <= MAX_DAY:
        raise InputError(where, f"date {day!r} is out of the supported range {MIN_DAY} to {MAX_DAY}")
    return day


def _check_unicode(value: Any, name: str, where: str) -> None:
    """JSON may escape a lone surrogate (``"\\udcff"``): no valid text holds one, and it cannot be stored."""
    if not isinstance(value, str):
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        bad = ord(value[e.start])
        raise InputError(where, f"field {name!r} is not valid Unicode text (a lone surrogate \\u{bad:04x})") from None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
