"""Export events from the store: csv, jsonl, parquet, or GDELT 2.0's tab-separated event table.

``write_events(store, fmt, out, **filters)`` streams every event matching the filters of
``Store.events`` (oldest first) into ``out`` and returns how many it wrote. Columns are
documented in docs/export.md.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import QueryError
from ..store import Store
from . import gdelt

FORMATS = ("csv", "jsonl", "parquet", "gdelt")

# Rows per parquet row group: bounded memory however large the export.
_PARQUET_BATCH = 10_000


def _part(side: str, key: str) -> Callable[[dict], Any]:
    return lambda e: (e.get(side) or {}).get(key)


def _loc(key: str) -> Callable[[dict], Any]:
    return lambda e: (e.get("location") or {}).get(key)


# The flat table of csv and parquet: (column, parquet type, value).
COLUMNS: list[tuple[str, str, Callable[[dict], Any]]] = [
    ("article_id", "string", lambda e: e["article_id"]),
    ("event_id", "string", lambda e: e["id"]),
    ("day", "string", lambda e: e.get("day")),
    ("date", "string", lambda e: e.get("date")),
    ("published", "string", lambda e: e.get("published")),
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

# Keys of the detail items that jsonl leaves out: jsonl items are the API's event items
# plus the sentence text.
_DETAIL_ONLY = ("is_root", "stored_at", "source_country", "target_country", "outlet")


def flat(item: dict[str, Any]) -> dict[str, Any]:
    """One event item as the flat csv/parquet row."""
    return {name: get(item) for name, _, get in COLUMNS}


def write_events(store: Store, fmt: str, out: str | Path | IO, *, header: bool | None = None, **filters: Any) -> int:
    """Write every event matching ``filters`` to ``out`` (a path or an open file); return the count.

    ``header``: csv writes one unless ``header=False``; gdelt writes none unless ``header=True``
    (GDELT's own files have none). Parquet needs a path or a binary stream.
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
            return _delimited(items, stream, [c[0] for c in COLUMNS], lambda e: list(flat(e).values()),
                              header is not False, ",")  # fmt: skip
        return _delimited(items, stream, gdelt.COLUMNS, gdelt.row, header is True, "\t")


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


def _delimited(
    items: Iterator[dict], stream: IO, columns: list[str], values: Callable[[dict], list], header: bool, sep: str
) -> int:
    if sep == "\t":
        # GDELT: plain tab-separated values, no quoting (gdelt.row already removed tabs/newlines).
        writer = csv.writer(stream, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, quotechar=None,
                            lineterminator="\n")  # fmt: skip
    else:
        writer = csv.writer(stream, lineterminator="\n")
    if header:
        writer.writerow(columns)
    n = 0
    for item in items:
        writer.writerow(["" if v is None else v for v in values(item)])
        n += 1
    return n


def _parquet(items: Iterator[dict], stream: IO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "double": pa.float64(), "int64": pa.int64(), "bool": pa.bool_()}
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
