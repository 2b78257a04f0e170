"""Reading a dataset back: as articles (batch by batch), into the SQLite store, or through DuckDB."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..article import Article
from ..errors import DatasetError
from .layout import Layout, open_existing
from .schema import SCHEMAS, TABLES, articles_from


def read_batches(root: str) -> Iterator[list[Article]]:
    """The dataset's articles, one input batch (one ``articles`` part) at a time, in part order.

    The events, quotes and actors of a batch are in the parts of the same name in the other
    tables, so memory holds one batch, however large the dataset.
    """
    layout = open_existing(root)
    for path in layout.parts("articles"):
        rel = path[len(layout.root) + 1 :].split("/", 1)[1]
        tables = {"articles": _rows(layout, path)}
        for name in ("events", "quotes", "actors"):
            other = layout.path(name, rel)
            tables[name] = _rows(layout, other) if layout.fs.exists(other) else []
        yield articles_from(tables)


def _rows(layout: Layout, path: str) -> list[dict[str, Any]]:
    try:
        with layout.fs.open(path, "rb") as f:
            return pq.read_table(f).to_pylist()
    except (OSError, pa.ArrowInvalid) as e:
        raise DatasetError(f"{path}: cannot read this part ({e})") from None


@dataclass
class ImportSummary:
    """What ``eventcoder import`` did."""

    articles: int = 0
    inserted: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    quotes: int = 0

    def line(self) -> str:
        """The closing line of ``eventcoder import``."""
        return (
            f"imported {self.articles} articles ({self.inserted} new, {self.unchanged} already stored, "
            f"{self.replaced} replaced): {self.events} events, {self.quotes} quotes"
        )


def import_dataset(root: str, store: Any) -> ImportSummary:
    """Load a dataset into the store (an :class:`eventcoder.store.Store`), one transaction per
    batch; importing again changes nothing."""
    summary = ImportSummary()
    for batch in read_batches(root):
        result = store.write_batch(batch)
        summary.articles += len(batch)
        summary.inserted += result.inserted
        summary.unchanged += result.unchanged
        summary.replaced += result.replaced
        summary.events += sum(len(a.events) for a in batch)
        summary.quotes += sum(len(a.quotes) for a in batch)
    return summary


def connect(root: str) -> Any:
    """A DuckDB connection where each table of the dataset is a view (``events``, ``articles``…),
    with its ``year`` and ``month`` partition columns."""
    import duckdb

    layout = open_existing(root)
    con = duckdb.connect()
    for name in TABLES:
        if not layout.parts(name):
            # An empty table still has its columns: a query on it answers no rows, not an error.
            con.register(f"_empty_{name}", SCHEMAS[name].empty_table())
            con.execute(f"CREATE VIEW {name} AS SELECT *, NULL::BIGINT AS year, NULL::BIGINT AS month "
                        f"FROM _empty_{name}")  # fmt: skip
            continue
        pattern = f"{layout.url.rstrip('/')}/{name}/*/*/part-*.parquet".replace("'", "''")
        con.execute(
            f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', hive_partitioning = true, "
            "hive_types = {'year': BIGINT, 'month': BIGINT})"
        )
    return con


def query(root: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Run ``sql`` over the dataset's views; return the column names and rows."""
    import duckdb

    con = connect(root)
    try:
        result = con.execute(sql)
        columns = [d[0] for d in result.description or []]
        return columns, result.fetchall()
    except duckdb.Error as e:
        raise DatasetError(f"query: {str(e).splitlines()[0]}") from None
    finally:
        con.close()
