"""Word lists of the events stage, read from ``eventcoder/data/events``.

- ``light_verbs.tsv``: "Moscow launched its full-scale invasion of Ukraine": ``launch`` only
  carries the event, the noun ``invasion`` names it; the event is coded as the dictionary verb
  of the noun (INVADE).
- ``reciprocal.tsv``: cooperation codes a compound source without a target has among its
  members ("Gondor and Osgiliath met").
- ``locative_nouns.tsv``: buildings and institutions that after "in" say where, not who.
- ``venue_nouns.tsv``: gatherings and services whose place phrase is their venue, not a party.
- ``non_events.tsv``: verb senses that are no event between actors ("according to",
  "was sworn in", "served as mayor").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..cues import read_cues
from ..datafiles import data_file
from ..dictionaries.lines import read_text
from ..errors import DictionaryError
from .ontology import read_root_groups
from .senses import Sense, read_senses

DATA = data_file("events")
LIGHT_VERBS = DATA / "light_verbs.tsv"
RECIPROCAL = DATA / "reciprocal.tsv"
NON_EVENTS = DATA / "non_events.tsv"
LOCATIVE_NOUNS = DATA / "locative_nouns.tsv"
VENUE_NOUNS = DATA / "venue_nouns.tsv"
PLACE_TARGETS = DATA / "place_targets.tsv"


@dataclass(frozen=True)
class LightVerbs:
    """Verbs that only carry an event, and the event nouns they take."""

    light: frozenset[str]  # verb lemmas
    nouns: dict[str, tuple[str, ...]]  # event noun -> words of its verb ("crack down")


def light_verbs(path: Path = LIGHT_VERBS) -> LightVerbs:
    """Read the table; a bad row is a DictionaryError naming file and line."""
    light: set[str] = set()
    nouns: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if parts[0] == "light" and len(parts) >= 2 and parts[1]:
            light.add(parts[1].lower())
        elif parts[0] == "noun" and len(parts) >= 3 and parts[1] and parts[2]:
            nouns[parts[1].lower()] = tuple(parts[2].upper().split())
        else:
            raise DictionaryError(str(path), number, "expected 'light<TAB>verb' or 'noun<TAB>noun<TAB>verb'")
    return LightVerbs(frozenset(light), nouns)


def reciprocal(path: Path = RECIPROCAL) -> tuple[str, ...]:
    """CAMEO codes or prefixes of a ``code<TAB>why`` table (reciprocal.tsv: mutual cooperation)."""
    out: list[str] = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code = line.split("\t")[0].strip()
        if not code.isdigit():
            raise DictionaryError(str(path), number, "expected 'code<TAB>why' with a numeric CAMEO code")
        out.append(code)
    return tuple(out)


@dataclass(frozen=True)
class NonEvent:
    """A verb sense that is no event: ``verb`` (lemma) with the word ``with`` hanging from it
    (None: any use); ``always`` False means only when no pattern of the verb matched."""

    verb: str
    with_: str | None
    always: bool


def non_events(path: Path = NON_EVENTS) -> dict[str, tuple[NonEvent, ...]]:
    """verb lemma -> its non-event senses; a bad row is a DictionaryError naming file and line."""
    out: dict[str, list[NonEvent]] = {}
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("verb\t"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 3 or not parts[0] or not parts[1] or parts[2] not in ("always", "default"):
            raise DictionaryError(str(path), number, "expected 'verb<TAB>with-word or -<TAB>always|default<TAB>why'")
        verb = parts[0].lower()
        with_ = None if parts[1] == "-" else parts[1].lower()
        out.setdefault(verb, []).append(NonEvent(verb, with_, parts[2] == "always"))
    return {k: tuple(v) for k, v in out.items()}


def locative_nouns(path: Path = LOCATIVE_NOUNS) -> frozenset[str]:
    """Nouns of buildings and institutions; a bad row is a DictionaryError naming file and line."""
    return _nouns(path)


def venue_nouns(path: Path = VENUE_NOUNS) -> frozenset[str]:
    """Nouns of gatherings and services whose place phrase is their venue ("a meet on Crete");
    a bad row is a DictionaryError naming file and line."""
    return _nouns(path)


def _nouns(path: Path) -> frozenset[str]:
    """One noun (letters only) a line, after comments and the ``noun`` header."""
    out: set[str] = set()
    for number, line in enumerate(read_text(path).splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#") or word == "noun":
            continue
        if "\t" in word or " " in word or not word.isalpha():
            raise DictionaryError(str(path), number, "expected one noun a line (letters only)")
        out.add(word.lower())
    return frozenset(out)


@dataclass(frozen=True)
class EventLexicon:
    """Every word list and table of the events stage, read once by its ``load``."""

    light: LightVerbs
    reciprocal: tuple[str, ...]
    non_events: dict[str, tuple[NonEvent, ...]]
    locative: frozenset[str]
    venue: frozenset[str]
    senses: dict[str, tuple[Sense, ...]]
    cues: dict[str, frozenset[str]]  # modality cue words by kind (modality.tsv)
    roots: dict[str, frozenset[str]]  # groups of CAMEO roots (ontology/root_groups.tsv)
    place_targets: tuple[str, ...]  # codes whose place's country is their target (place_targets.tsv)

    def takes_place_as_target(self, code: str | None) -> bool:
        """Does an event of this code without a named target take its place's country?"""
        return code is not None and any(code.startswith(p) for p in self.place_targets)

    def in_group(self, code: str | None, group: str) -> bool:
        """Is the CAMEO code's root in the group (``verbal``, ``attack``...)?"""
        return code is not None and code[:2] in self.roots[group]

    def is_reciprocal(self, code: str | None) -> bool:
        """Is ``code`` one of mutual cooperation (``reciprocal.tsv``)?"""
        return code is not None and any(code.startswith(p) for p in self.reciprocal)

    def non_event(self, verb_lemma: str, dependents: set[str], *, matched: bool) -> bool:
        """Is this use of the verb no event? ``dependents``: the lower-case words hanging from it;
        ``matched``: a pattern of the verb matched (then only ``always`` senses apply)."""
        for sense in self.non_events.get(verb_lemma.lower(), ()):
            if sense.always or not matched:
                if sense.with_ is None or sense.with_ in dependents:
                    return True
        return False


def load() -> EventLexicon:
    """Read every table of ``eventcoder/data/events``; a bad row is a DictionaryError naming file and line."""
    return EventLexicon(
        light=light_verbs(),
        reciprocal=reciprocal(),
        non_events=non_events(),
        locative=locative_nouns(),
        venue=venue_nouns(),
        senses=read_senses(),
        cues=read_cues(),
        roots=read_root_groups(),
        place_targets=reciprocal(PLACE_TARGETS),
    )
