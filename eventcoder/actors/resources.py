"""What the actors stage loads once per process: compiled dictionaries and small tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from spacy.tokenizer import Tokenizer

from .. import dictionaries as dicts
from ..datafiles import data_file
from ..dictionaries import AgentEntry, Dictionaries, load_dictionaries
from ..errors import DictionaryError
from ..settings import Settings
from .codes import Sectors, read_sectors

DATA = data_file("actors")
SEATS = str(DATA / "seats.csv")
ADDITIONS = str(DATA / "additions.csv")
LEADERS = str(DATA / "leaders.csv")
SECTORS = str(DATA / "sectors.csv")
AGENTS = str(DATA / "agents.txt")
OUTLETS = str(DATA / "outlets.txt")
ORGANISATIONS = str(DATA / "organisations.txt")


@dataclass
class ActorResources:
    """The actors stage's resources (built by its ``load``, handed to its ``apply``)."""

    dicts: Dictionaries
    sectors: Sectors
    files: list[str]
    # Words that make a name a news outlet ("Mail", "daily") -> their agent's index in
    # ``dicts.agents`` (appended there, matched only beside a name: see items.py).
    outlets: dict[str, int] = field(default_factory=dict)
    # Head nouns of organisations' names ("Institute", "Party") -> their agent's index in
    # ``dicts.agents`` (appended there, used only as the head of a named organisation).
    org_heads: dict[str, int] = field(default_factory=dict)


def actor_files(settings: Settings) -> list[str]:
    """The actor files in reading order (later phrases win; user files extend entries).

    Seats of power first (any dictionary that codes the same name overrides them), then
    the bundled Phoenix dictionaries with eventcoder's additions and the current-leaders
    supplement (or the user's ``actors`` instead of all three), then ``extra_actors``.
    """
    if settings.actors:
        main = list(settings.actors)
    else:
        main = [*dicts.BUNDLED_ACTORS, ADDITIONS, LEADERS]
    return [SEATS, *main, *settings.extra_actors]


def spacy_tokenizer(model: str) -> Callable[[], Callable[[list[str]], list[list[str]]]]:
    """A factory for the model's tokenizer (only called when the cache is cold)."""

    def make() -> Callable[[list[str]], list[list[str]]]:
        from .. import nlp as nlp_mod

        tok = cast(Tokenizer, nlp_mod.load(model).tokenizer)  # spaCy types it as a plain callable
        return lambda texts: [[t.text for t in d] for d in tok.pipe(texts)]

    return make


def read_org_heads(path: str | Path, sectors: Sectors) -> list[AgentEntry]:
    """The head nouns of organisations' names (``organisations.txt``, PETRARCH agent format).

    Each entry is one word whose code is one or more sectors of ``sectors.csv`` appended to
    the country (``~EDU``); anything else is a DictionaryError naming its line.
    """
    out = []
    for e in dicts.read_agents(path):
        line = int(e.source.rsplit(":", 1)[1])
        if len(e.pattern) != 1:
            raise DictionaryError(str(path), line, f"{e.name}: one word expected (the head noun of a name)")
        blocks = [e.code[i : i + 3] for i in range(0, len(e.code), 3)]
        if e.prefix or not all(b in sectors.labels for b in blocks):
            raise DictionaryError(str(path), line, f"{e.raw_code}: expected ~SECTOR with sectors of sectors.csv")
        out.append(e)
    return out


def load(settings: Settings) -> ActorResources:
    """Compile (or load from the cache) everything the stage matches with."""
    files = actor_files(settings)
    agents = list(settings.agents) or [*dicts.BUNDLED_AGENTS, AGENTS]
    discards = list(settings.discards) or list(dicts.BUNDLED_DISCARDS)
    compiled = load_dictionaries(files, agents, discards, spacy_tokenizer(settings.model), settings.model)
    outlets = [e for e in dicts.read_agents(OUTLETS) if len(e.pattern) == 1]
    sectors = read_sectors(SECTORS)
    heads = read_org_heads(ORGANISATIONS, sectors)
    first = len(compiled.agents)
    # A copy: the compiled dictionaries may be cached and shared.
    compiled = replace(compiled, agents=[*compiled.agents, *outlets, *heads])
    words = {e.pattern[0]: first + k for k, e in enumerate(outlets)}
    org_heads = {e.pattern[0]: first + len(outlets) + k for k, e in enumerate(heads)}
    return ActorResources(compiled, sectors, files, words, org_heads)
