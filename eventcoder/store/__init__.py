"""The embedded store: SQLite schema, named migrations, the one write path, the queries.

See docs/dev/store-api.md. ``Store(path)`` opens (creating and migrating) a database;
``Store.write_batch(articles)`` is the only way rows are written; the query methods return
pages ``{"items": [...], "total": n}`` and raise ``QueryError`` on malformed parameters.
"""

from ..errors import QueryError, StoreError
from .filters import ArticleFilters, EventFilters, QuoteFilters
from .params import INTERVALS, MODALITIES
from .store import Store, WriteResult

__all__ = [
    "INTERVALS",
    "MODALITIES",
    "ArticleFilters",
    "EventFilters",
    "QueryError",
    "QuoteFilters",
    "Store",
    "StoreError",
    "WriteResult",
]
