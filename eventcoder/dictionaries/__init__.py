"""Dictionaries: readers of the TABARI/PETRARCH formats and the user format, compiled matchers.

- :func:`read_actors` (TABARI/PETRARCH ``.actors`` files), :func:`read_user_actors` (CSV/TOML),
  :func:`read_agents`, :func:`read_discards`: each returns entries with their ``file:line``
  and raises :class:`~eventcoder.errors.DictionaryError` on a bad entry.
- :func:`load_dictionaries`: everything compiled into token tries, cached on disk.
- ``BUNDLED_*``: the Phoenix dictionaries shipped in ``eventcoder/data/dictionaries``.

The verb dictionaries are read by :mod:`eventcoder.dictionaries.verbs`.
"""

from __future__ import annotations

from ..datafiles import data_file
from .actors import ActorCode, ActorEntry, as_date, read_actors
from .agents import AgentEntry, read_agents
from .compiled import Dictionaries, compile_dictionaries, load_dictionaries, merge_actor_files
from .discards import Discard, read_discards
from .matcher import Match, Trie, norm
from .userfile import is_user_file, read_user_actors

DATA = data_file()
BUNDLED_DIR = DATA / "dictionaries"
BUNDLED_ACTORS = [
    str(BUNDLED_DIR / n)
    for n in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
]
BUNDLED_AGENTS = [str(BUNDLED_DIR / "Phoenix.agents.txt")]
BUNDLED_DISCARDS = [str(BUNDLED_DIR / "Phoenix.discards.txt")]

__all__ = [
    "BUNDLED_ACTORS",
    "BUNDLED_AGENTS",
    "BUNDLED_DISCARDS",
    "ActorCode",
    "ActorEntry",
    "AgentEntry",
    "Dictionaries",
    "Discard",
    "Match",
    "Trie",
    "as_date",
    "compile_dictionaries",
    "is_user_file",
    "load_dictionaries",
    "merge_actor_files",
    "norm",
    "read_actors",
    "read_agents",
    "read_discards",
    "read_user_actors",
]
