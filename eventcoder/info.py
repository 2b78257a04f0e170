"""What `eventcoder info` reports: versions, the model, the dictionaries and settings."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from . import __version__
from .datafiles import DATA
from .settings import Settings


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
    from .actors.resources import AGENTS, actor_files
    from .dictionaries import BUNDLED_AGENTS, BUNDLED_DISCARDS
    from .events import DEFAULT_VERBS

    def names(paths) -> str:
        return ", ".join(_short(p) for p in paths)

    out["actor dictionaries"] = names(actor_files(settings))
    out["agent dictionaries"] = names(settings.agents or [*BUNDLED_AGENTS, AGENTS])
    out["verb dictionaries"] = names(settings.verbs or DEFAULT_VERBS)
    out["discards"] = names(settings.discards or BUNDLED_DISCARDS)
    out["database"] = settings.db
    from .pipeline import STAGES

    for stage in STAGES:
        extends = f"; adds to {', '.join(stage.extends)}" if stage.extends else ""
        needs, gives = ", ".join(stage.requires), ", ".join(stage.assigns)
        out[f"stage {stage.name}"] = f"requires {needs}; assigns {gives}{extends}"
    return out


def _short(path) -> str:
    """Bundled files by their name in the package; the user's as given."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(DATA.parent.parent))
    except ValueError:
        return str(path)
