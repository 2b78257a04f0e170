"""Dictionaries read, merged and compiled into tries, cached on disk between runs.

``compile_dictionaries(...)`` reads every file (TABARI actor files, user CSV/TOML files,
agent and discard files), merges user entries into the dictionary entries they name, and
builds one trie per kind. The result is pickled in the user cache directory
(``$EVENTCODER_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventcoder``, else ``~/.cache/eventcoder``)
under a key made of the files' paths, sizes and modification times, the eventcoder version
and the tokenizer's name, so a warm start only unpickles. An unwritable cache is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError
from ..settings import cache_dir
from .actors import ActorEntry, read_actors
from .agents import AgentEntry, read_agents
from .discards import Discard, read_discards
from .matcher import Match, Trie, build_trie, norm, pattern_text, with_gaps
from .places import country_codes, geonames_version, place_patterns
from .userfile import is_user_file, read_user_actors

# Bump when the compiled layout changes (the readers' sources are in the key already).
FORMAT = 5
_READERS = ("actors", "agents", "discards", "userfile", "lines", "matcher", "compiled", "places")


@dataclass
class Dictionaries:
    """Compiled dictionaries: entries and their tries (refs index the entry lists).

    ``places``: the token keys of actor phrases that name a city or region inside a country
    rather than the country (``("NEW", "YORK")``; see :mod:`eventcoder.dictionaries.places`);
    ``countries``: the ISO alpha-3 codes of real countries.
    """

    actors: list[ActorEntry]
    agents: list[AgentEntry]
    discards: list[Discard]
    actor_trie: Trie
    agent_trie: Trie
    discard_trie: Trie
    files: list[str] = field(default_factory=list)
    places: frozenset[tuple[str, ...]] = frozenset()
    countries: frozenset[str] = frozenset()

    def match(self, tokens: Sequence[str]) -> list[tuple[str, Match]]:
        """Actor and agent phrases in normalised ``tokens``: ``("actor"|"agent", Match)``.

        Longest match first, left to right; at equal length an actor wins over an agent
        (PETRARCH tries the actor dictionary first).
        """
        out: list[tuple[str, Match]] = []
        i, n = 0, len(tokens)
        aroot, groot = self.actor_trie.root, self.agent_trie.root
        while i < n:
            t = tokens[i]
            a = self.actor_trie.longest(tokens, i) if t in aroot else None
            g = self.agent_trie.longest(tokens, i) if t in groot else None
            if a and (not g or a[0] >= g[0]):
                out.append(("actor", Match(i, a[0], a[1])))
                i = a[0]
            elif g:
                out.append(("agent", Match(i, g[0], g[1])))
                i = g[0]
            else:
                i += 1
        return out

    def match_discards(self, tokens: Sequence[str]) -> list[Match]:
        """The discard phrases found in the tokens."""
        return self.discard_trie.find_all(tokens)


def _stamp(path: str) -> list:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise DictionaryError(path, None, f"cannot read the dictionary: {exc.strerror or exc}") from None
    return [str(Path(path).resolve()), st.st_size, st.st_mtime_ns]


def cache_key(actor_files: Sequence[str], agent_files: Sequence[str], discard_files: Sequence[str], tag: str) -> str:
    """The key of a compiled dictionary set: the files' contents, the readers' sources, the version."""
    from .. import __version__

    # The readers' own sources are part of the key: a changed reader recompiles.
    code = [str(Path(__file__).with_name(f"{m}.py")) for m in _READERS]
    data = [
        FORMAT,
        __version__,
        geonames_version(),
        tag,
        [_stamp(p) for p in code],
        [_stamp(p) for p in actor_files],
        [_stamp(p) for p in agent_files],
        [_stamp(p) for p in discard_files],
    ]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:24]


def merge_actor_files(paths: Sequence[str]) -> list[ActorEntry]:
    """All entries of the actor files, in order; user entries join the entries they name.

    A user entry (CSV/TOML) whose name, or an alias of two words or more, is a phrase of an
    entry read before it, extends that entry: its codes are tried first, its aliases added.
    Otherwise it is a new entry.
    """
    entries: list[ActorEntry] = []
    by_pattern: dict[tuple[str, ...], ActorEntry] = {}
    for path in paths:
        if is_user_file(path):
            for e in read_user_actors(path):
                probes = [e.patterns[0]] + [p for p in e.patterns[1:] if len(p) >= 2]
                target = next((by_pattern[p] for p in probes if p in by_pattern), None)
                if target is not None:
                    target.merge(e, first=True)
                    for p in e.patterns:
                        by_pattern[p] = target
                    continue
                entries.append(e)
                for p in e.patterns:
                    by_pattern[p] = e
        else:
            for e in read_actors(path):
                entries.append(e)
                for p in e.patterns:
                    by_pattern[p] = e
    return entries


def compile_dictionaries(
    actor_files: Sequence[str],
    agent_files: Sequence[str],
    discard_files: Sequence[str],
    tokenize: Callable[[list[str]], list[list[str]]],
) -> Dictionaries:
    """Read and compile (no cache). Later phrases replace earlier identical ones."""
    actors = merge_actor_files(actor_files)
    agents: list[AgentEntry] = [a for p in agent_files for a in read_agents(p)]
    discards: list[Discard] = [d for p in discard_files for d in read_discards(p)]
    # Which entry each phrase points to: the last one that has it (PETRARCH overwrites).
    actor_items = [(with_gaps(p, e.loose.get(p, ())), i) for i, e in enumerate(actors) for p in e.patterns]
    actor_trie = build_trie(actor_items, tokenize)
    return Dictionaries(
        actors=actors,
        agents=agents,
        discards=discards,
        actor_trie=actor_trie,
        agent_trie=build_trie(((a.pattern, i) for i, a in enumerate(agents)), tokenize),
        discard_trie=build_trie(((d.pattern, i) for i, d in enumerate(discards)), tokenize),
        files=[*actor_files, *agent_files, *discard_files],
        places=_place_keys(actors, actor_trie, tokenize),
        countries=country_codes(),
    )


def _place_keys(
    actors: list[ActorEntry], trie: Trie, tokenize: Callable[[list[str]], list[list[str]]]
) -> frozenset[tuple[str, ...]]:
    """Token keys of the phrases naming a place, kept when the phrase still points to the
    entry that made it a place (a later entry may have taken the phrase over)."""
    pairs = place_patterns(actors)
    keys = set()
    for (_, ref), toks in zip(pairs, tokenize([pattern_text(p) for p, _ in pairs]), strict=True):
        key = [norm(t) for t in toks]
        hit = trie.longest(key, 0) if key else None
        if hit == (len(key), ref):
            keys.add(tuple(key))
    return frozenset(keys)


def load_dictionaries(
    actor_files: Sequence[str],
    agent_files: Sequence[str],
    discard_files: Sequence[str],
    tokenizer: Callable[[], Callable[[list[str]], list[list[str]]]],
    tag: str,
    use_cache: bool = True,
) -> Dictionaries:
    """Compiled dictionaries from the cache when it is fresh, else compiled and cached.

    ``tokenizer()`` is called only on a cache miss (it may load a spaCy model); ``tag``
    names it in the cache key (e.g. the model name).
    """
    key = cache_key(actor_files, agent_files, discard_files, tag)
    path = cache_dir() / f"dictionaries-{key}.pickle"
    if use_cache:
        try:
            with open(path, "rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, Dictionaries):
                return cached
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # absent, stale layout or unreadable: compile again
    compiled = compile_dictionaries(actor_files, agent_files, discard_files, tokenizer())
    if use_cache:
        _write_cache(path, compiled)
    return compiled


def _write_cache(path: Path, compiled: Dictionaries) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".dictionaries-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: concurrent workers never read half a file
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only home or full disk only costs the next start its compile time
