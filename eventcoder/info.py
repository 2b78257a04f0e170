"""What `eventcoder info` reports: versions, the model, the dictionaries and settings."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from . import __version__
from .settings import Settings

DATA = Path(__file__).resolve().parent / "data"


def describe(settings: Settings | None = None) -> dict[str, str]:
    """A flat mapping of facts about this installation, in display order."""
    settings = settings or Settings.load()
    out = {
        "eventcoder": __version__,
        "python": platform.python_version(),
        "spacy": metadata.version("spacy"),
        "model": settings.model,
    }
    try:
        import spacy.util

        meta = spacy.util.get_package_version(settings.model)
        out["model version"] = meta or "unknown (a path?)"
    except Exception:  # a model given as a path has no package metadata
        out["model version"] = "unknown"
    bundled = DATA / "dictionaries"
    for kind in ("actors", "agents", "verbs", "discards"):
        chosen = getattr(settings, kind)
        out[f"{kind} dictionaries"] = ", ".join(chosen) if chosen else f"bundled ({bundled})"
    if settings.extra_actors:
        out["extra actors"] = ", ".join(settings.extra_actors)
    out["database"] = settings.db
    return out
