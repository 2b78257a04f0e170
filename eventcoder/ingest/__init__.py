"""Ingest: files, folders, globs and stdin to :class:`~eventcoder.article.Article` objects.

Readers per format: ``.txt`` news layout (:mod:`.txt`), ``.html`` through trafilatura
(:mod:`.html`), ``.jsonl``/``.ndjson`` and ``.csv`` records (:mod:`.records`), each also
gzipped. Bad input never raises: it becomes a :class:`Rejection` naming the file (and line)
and the reason, and reading goes on.
"""

from __future__ import annotations

from .ids import article_id
from .inputs import read_inputs
from .rejection import Rejection

__all__ = ["Rejection", "article_id", "read_inputs"]
