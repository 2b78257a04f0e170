"""Export events from the store: csv, jsonl, parquet, or GDELT 2.0's tab-separated event table.

``write_events(store, fmt, out, **filters)`` streams every event matching the filters of
``Store.events`` (oldest first) into ``out`` and returns how many it wrote. Columns are
documented in docs/export.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..errors import QueryError
from ..store import Store
from ..store.rows import first_day
from . import gdelt

FORMATS = ("csv", "jsonl", "parquet", "gdelt")

# Rows per parquet row group: bounded memory however large the export.
_PARQUET_BATCH = 10_000


def _part(side: str, key: str) -> Callable[[dict], Any]:
    return lambda e: (e.get(side) or {}).get(key)


def _loc(key: str) -> Callable[[dict], Any]:
    return lambda e: (e.get("location") or {}).get(key)


def _day(value: str | None) -> date | None:
    """An ISO date, week, month or year as the date of its first day (None when absent)."""
    first = first_day(value)
    return date.fromisoformat(first) if first else None


def granularity(value: str | None) -> str | None:
    """How precise an ISO date is: ``day``, ``week``, ``month`` or ``year`` (None when absent)."""
    if not value:
        return None
    value = value.split("/", 1)[0].strip()
    if _WEEK.fullmatch(value):
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(value)) if first_day(value) else None


_WEEK = re.compile(r"\d{4}-W\d{2}")

# The flat table of csv and parquet: (column, parquet type, value). Dates are real dates
# (the first day of a partial date; ``date_granularity`` says how precise the coded date was).
COLUMNS: list[tuple[str, str, Callable[[dict], Any]]] = [
    ("article_id", "string", lambda e: e["article_id"]),
    ("event_id", "string", lambda e: e["id"]),
    ("day", "date", lambda e: _day(e.get("day"))),
    ("date", "date", lambda e: _day(e.get("date"))),
    ("date_granularity", "string", lambda e: granularity(e.get("date"))),
    ("published", "date", lambda e: _day(e.get("published"))),
    ("source_code", "string", _part("source", "code")),
    ("source_name", "string", lambda e: e.get("source_name")),
    ("source_country", "string", lambda e: e.get("source_country")),
    ("source_text", "string", _part("source", "text")),
    ("target_code", "string", _part("target", "code")),
    ("target_name", "string", lambda e: e.get("target_name")),
    ("target_country", "string", lambda e: e.get("target_country")),
    ("target_text", "string", _part("target", "text")),
    ("cameo", "string", lambda e: e["cameo"]),
    ("root", "string", lambda e: e["root"]),
    ("plover", "string", lambda e: e.get("plover")),
    ("mode", "string", lambda e: e.get("mode")),
    ("contexts", "string", lambda e: ";".join(e.get("contexts") or []) or None),
    ("goldstein", "double", lambda e: e.get("goldstein")),
    ("quad", "int64", lambda e: e.get("quad")),
    ("modality", "string", lambda e: e.get("modality")),
    ("negated", "bool", lambda e: bool(e.get("negated"))),
    ("confidence", "double", lambda e: e.get("confidence")),
    ("trigger", "string", lambda e: e["trigger"]["text"]),
    ("trigger_start", "int64", lambda e: e["trigger"]["start"]),
    ("trigger_end", "int64", lambda e: e["trigger"]["end"]),
    ("sentence_start", "int64", lambda e: e["sentence"]["start"]),
    ("sentence_end", "int64", lambda e: e["sentence"]["end"]),
    ("sentence", "string", lambda e: e.get("sentence_text")),
    ("location_name", "string", _loc("name")),
    ("location_country", "string", _loc("country")),
    ("lat", "double", _loc("lat")),
    ("lon", "double", _loc("lon")),
    ("geonameid", "int64", _loc("geonameid")),
    ("quote", "string", lambda e: e.get("quote")),
    ("rule", "string", lambda e: e.get("rule")),
    ("title", "string", lambda e: e.get("title")),
    ("outlet", "string", lambda e: e.get("outlet")),
    ("url", "string", lambda e: e.get("url")),
]

# What pandas needs to read the csv back with its types (docs/export.md):
# pd.read_csv(path, dtype=CSV_DTYPES, parse_dates=CSV_DATES)
CSV_DATES = [name for name, kind, _ in COLUMNS if kind == "date"]
CSV_DTYPES = {name: "str" for name, kind, _ in COLUMNS if kind == "string"}

# Keys of the detail items that jsonl leaves out: jsonl items are the API's event items
# plus the sentence text.
_DETAIL_ONLY = ("is_root", "stored_at", "source_country", "target_country", "outlet")


def flat(item: dict[str, Any]) -> dict[str, Any]:
    """One event item as the flat csv/parquet row."""
    return {name: get(item) for name, _, get in COLUMNS}


def write_events(
    store: Store,
    fmt: str,
    out: str | Path | IO,
    *,
    header: bool | None = None,
    skipped: dict[str, int] | None = None,
    **filters: Any,
) -> int:
    """Write every event matching ``filters`` to ``out`` (a path or an open file); return the count.

    ``header``: csv writes one unless ``header=False``; gdelt writes none unless ``header=True``
    (GDELT's own files have none). Parquet needs a path or a binary stream. ``skipped``: gdelt
    leaves out events that cannot be GDELT rows (no Actor1, no date); how many for each
    reason is counted in this dict.
    """
    if fmt not in FORMATS:
        raise QueryError(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
    items = store.iter_events(detail=True, **filters)  # validates the filters before any output
    if fmt == "parquet":
        with _opened(out, binary=True) as stream:
            return _parquet(items, stream)
    with _opened(out, binary=False) as stream:
        if fmt == "jsonl":
            return _jsonl(items, stream)
        if fmt == "csv":
            return _csv(items, stream, header is not False)
        return _gdelt(gdelt.first_of_each_fused_event(items), stream, header is True, skipped)


@contextmanager
def _opened(out: str | Path | IO, *, binary: bool) -> Iterator[IO]:
    if isinstance(out, str | Path):
        with open(out, "wb") if binary else open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    elif binary and isinstance(out, io.TextIOBase) and hasattr(out, "buffer"):
        out.flush()
        yield out.buffer  # a text stream such as sys.stdout: write the bytes underneath
    else:
        yield out


def _jsonl(items: Iterator[dict], stream: IO) -> int:
    n = 0
    for item in items:
        for key in _DETAIL_ONLY:
            item.pop(key, None)
        stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_cell(value: Any) -> str:
    """Strings quoted (so "010" stays text where quotes are honoured), numbers bare, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    return '"' + str(value).replace('"', '""') + '"'


def csv_lines(items: Iterable[dict], header: bool = True) -> Iterator[str]:
    """The csv export of event items (``Store.iter_events(detail=True)``), line by line."""
    if header:
        yield ",".join(name for name, _, _ in COLUMNS) + "\n"
    for item in items:
        yield ",".join(_csv_cell(get(item)) for _, _, get in COLUMNS) + "\n"


def _csv(items: Iterator[dict], stream: IO, header: bool) -> int:
    n = -1 if header else 0
    for line in csv_lines(items, header):
        stream.write(line)
        n += 1
    return n


def _gdelt(items: Iterator[dict], stream: IO, header: bool, skipped: dict[str, int] | None) -> int:
    # Plain tab-separated values, no quoting (gdelt.row already removed tabs and newlines).
    writer = csv.writer(stream, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None,
                        lineterminator="\n")  # fmt: skip
    if header:
        writer.writerow(gdelt.COLUMNS)
    n = 0
    for item in items:
        reason = gdelt.exportable(item)
        if reason:
            if skipped is not None:
                skipped[reason] = skipped.get(reason, 0) + 1
            continue
        writer.writerow(gdelt.row(item))
        n += 1
    return n


def _parquet(items: Iterator[dict], stream: IO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "double": pa.float64(), "int64": pa.int64(), "bool": pa.bool_(),
             "date": pa.date32()}  # fmt: skip
    schema = pa.schema([(name, types[kind]) for name, kind, _ in COLUMNS])
    n = 0
    with pq.ParquetWriter(stream, schema) as writer:
        batch: list[dict] = []
        for item in items:
            batch.append(flat(item))
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        # Written even when empty, so an export with no match is still a readable file.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n
