"""A coded corpus as a partitioned Parquet dataset that DuckDB, pandas and Spark read in place.

Written batch by batch by the workers of a Dask cluster (:mod:`eventcoder.distributed`), or
by anything that runs :func:`~eventcoder.dataset.tasks.run_task`; read back as articles
(:func:`read_batches`), into the SQLite store (:func:`import_dataset`) or with SQL
(:func:`query`). The layout is in :mod:`.layout`, the columns in :mod:`.schema` and
docs/scale.md. This package does not import dask.
"""

from __future__ import annotations

from .reader import ImportSummary, connect, import_dataset, query, read_batches
from .schema import SCHEMAS, TABLES

__all__ = ["SCHEMAS", "TABLES", "ImportSummary", "connect", "import_dataset", "query", "read_batches"]
