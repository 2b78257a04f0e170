"""eventcoder: political event data from news articles, every fact tied to its text."""

from .article import Actor, Article, Event, Participant, Place, Quote, Span, TimeExpr
from .pipeline import code_articles, code_batch
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Participant",
    "Place",
    "Quote",
    "Settings",
    "Span",
    "TimeExpr",
    "__version__",
    "code_articles",
    "code_batch",
]
