"""The API query parameters of the filters, derived from their one declaration.

``filter_params(EventFilters)`` is a FastAPI dependency whose query parameters are the fields
of ``EventFilters`` (same names, the declared help as their description) and whose value is the
checked filters object: a malformed value raises ``QueryError``, answered as a 422.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query

from ..store.filters import Filters

F = TypeVar("F", bound=Filters)


def filter_query(cls: type[Filters], name: str) -> Any:
    """The annotated type of the query parameter of filter ``name`` of ``cls``."""
    spec = cls.spec(name)
    return Annotated[str | None, Query(description=spec.help, examples=[spec.example])]


def filter_params(cls: type[F]) -> Any:
    """``Depends`` on a function of the filters' query parameters that returns ``cls(**them)``."""

    def dependency(**values: str | None) -> F:
        return cls(**values)

    # FastAPI reads the parameters from the signature: give it one parameter per filter.
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=filter_query(cls, name))
            for name in cls.names()
        ],
        return_annotation=cls,
    )
    return Depends(dependency)
