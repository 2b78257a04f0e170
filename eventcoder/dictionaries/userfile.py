"""Reader of the user actor format: CSV or TOML, one actor (or one period of one) a row.

Columns / keys: ``name`` (required), ``aliases`` (CSV: separated by ``;``; TOML: a list),
``code`` (required; CAMEO, e.g. ``USAGOV``, or ``---`` for a known but uncoded actor),
``from`` and ``to`` (``YYYY-MM-DD``, inclusive, optional), and optionally ``role``
(``Secretary of State``) and ``kind`` (person, country, organisation, group, place).

Several rows with the same name are one actor with several date-restricted codes, tried in
file order. CSV lines starting with ``#`` are comments. TOML::

    [[actor]]
    name = "Antony Blinken"
    aliases = ["Tony Blinken", "Blinken"]
    code = "USAGOV"
    from = 2021-01-26
    to = 2025-01-20
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import DictionaryError
from .actors import ActorCode, ActorEntry, as_date, entry_key
from .lines import read_text, words

COLUMNS = ("name", "aliases", "code", "from", "to", "role", "kind")
KINDS = {"person", "country", "organisation", "group", "place"}
_CODE = re.compile(r"^([A-Z0-9]{3,}(/[A-Z0-9]{3,})*|---)$")


def is_user_file(path: str | Path) -> bool:
    """True for the user formats (``.csv``, ``.toml``); other files are TABARI actor files."""
    return Path(path).suffix.lower() in (".csv", ".toml")


def _date(value: Any, where: str, line: int | None, column: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return as_date(str(value))
    except ValueError:
        raise DictionaryError(where, line, f"{column} {value!r} is not a date YYYY-MM-DD") from None


def _row(
    rec: dict[str, Any], where: str, line: int | None, src: str, by_name: dict[str, ActorEntry], out: list[ActorEntry]
) -> None:
    unknown = set(rec) - set(COLUMNS)
    if unknown:
        raise DictionaryError(where, line, f"unknown column {sorted(unknown)[0]!r}; known: {', '.join(COLUMNS)}")
    name = str(rec.get("name") or "").strip()
    if not name:
        raise DictionaryError(where, line, "name is required")
    code = str(rec.get("code") or "").strip().upper()
    if not _CODE.match(code):
        raise DictionaryError(where, line, f"code {code!r} is not a CAMEO code (letters/digits, e.g. USAGOV) or ---")
    start = _date(rec.get("from"), where, line, "from")
    end = _date(rec.get("to"), where, line, "to")
    if start and end and end < start:
        raise DictionaryError(where, line, f"to {end} is before from {start}")
    aliases = rec.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in (x.strip() for x in aliases.split(";")) if a]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DictionaryError(where, line, "aliases must be a list of names")
    kind = (str(rec.get("kind") or "").strip().lower()) or None
    if kind and kind not in KINDS:
        raise DictionaryError(where, line, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    role = (str(rec.get("role") or "").strip()) or None
    acode = ActorCode(code, start, end, line or 0, role, src)
    entry = by_name.get(name.upper())
    if entry is None:
        pattern = words(name)
        entry = ActorEntry(name, [pattern], [], src, entry_key(pattern), role=role, kind=kind)
        by_name[name.upper()] = entry
        out.append(entry)
    entry.codes.append(acode)
    entry.kind = entry.kind or kind
    for alias in aliases:
        p = words(alias)
        if p and p not in entry.patterns:
            entry.patterns.append(p)


def read_user_actors(path: str | Path) -> list[ActorEntry]:
    """Entries of a user actor file (``.csv`` or ``.toml``). Raises DictionaryError on a bad row."""
    where = str(path)
    name = Path(path).name
    text = read_text(path)
    out: list[ActorEntry] = []
    by_name: dict[str, ActorEntry] = {}
    if Path(path).suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DictionaryError(where, None, f"not valid TOML: {exc}") from None
        rows = data.get("actor")
        if not isinstance(rows, list) or set(data) - {"actor"}:
            raise DictionaryError(where, None, "expected [[actor]] tables only")
        lines = _toml_table_lines(text)
        for i, rec in enumerate(rows):
            line = lines[i] if i < len(lines) else None
            _row(rec, where, line, f"{name}:{line}" if line else name, by_name, out)
        return out
    # CSV: '#' comment lines are blanked (not removed) so line numbers stay right.
    clean = "\n".join("" if ln.lstrip().startswith("#") else ln for ln in text.splitlines())
    reader = csv.reader(io.StringIO(clean), skipinitialspace=True)
    header: list[str] | None = None
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if header is None:
            header = [h.strip().lower() for h in row]
            if "name" not in header or "code" not in header:
                raise DictionaryError(where, line, "the header must name the columns name and code")
            continue
        if len(row) > len(header):
            raise DictionaryError(where, line, f"{len(row)} fields but {len(header)} columns")
        rec = {k: (row[i] if i < len(row) else "") for i, k in enumerate(header) if k}
        _row(rec, where, line, f"{name}:{line}", by_name, out)
    if header is None:
        raise DictionaryError(where, None, "empty file: expected a header line name,aliases,code,from,to")
    return out


def _toml_table_lines(text: str) -> list[int]:
    """Line numbers of the ``[[actor]]`` headers, to report a bad table where it starts."""
    return [i for i, ln in enumerate(text.splitlines(), 1) if ln.strip().startswith("[[actor]]")]
