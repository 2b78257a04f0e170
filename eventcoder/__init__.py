"""eventcoder: political event data from news articles, every fact tied to its text.

The Python API (docs/python.md)::

    import eventcoder
    article = eventcoder.code("Russia rejected a meeting with the United States.", published="2024-09-20")
    for e in article.events:
        print(e.source.code, e.cameo, e.target.code)
"""

from .api import StoreReader, code, code_many, open, to_dataframe
from .article import Actor, Article, Event, Participant, Place, Quote, Span, TimeExpr
from .errors import EventcoderError, InputError, QueryError, SettingsError, StoreError
from .pipeline import code_articles, code_batch
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "EventcoderError",
    "InputError",
    "Participant",
    "Place",
    "QueryError",
    "Quote",
    "Settings",
    "SettingsError",
    "Span",
    "StoreError",
    "StoreReader",
    "TimeExpr",
    "__version__",
    "code",
    "code_articles",
    "code_batch",
    "code_many",
    "open",
    "to_dataframe",
]
