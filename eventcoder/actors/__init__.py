"""Stage: actors (to be built by its issue)."""

from __future__ import annotations

from typing import Any

from ..nlp import Context
from ..settings import Settings


def load(settings: Settings) -> Any:
    return None


def apply(ctx: Context) -> None:
    return None
