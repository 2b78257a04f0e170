"""Event ontologies: CAMEO labels, PLOVER type/mode/contexts, Goldstein scale, quad class,
and the PETRARCH internal coding ontology (PICO) that gives negated codes.

Everything is read from the tables in ``eventcoder/data/ontology`` (see its README for
origins and licences); a bad row is a ``DictionaryError`` naming file and line.

A code missing from a table takes the value of its nearest coded parent: ``1246`` -> ``124``
-> ``120`` -> ``12``. Codes that are not CAMEO (the validation suites use ``901``, ``174K``...)
walk up the same way and may end with no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..article import Event
from ..datafiles import data_file
from ..dictionaries.lines import read_text
from ..errors import DictionaryError

DATA = data_file("ontology")

# PICO's negation offset: PETRARCH-2 negates a code by subtracting it (PETRtree.get_lower).
NEGATION = 0xFFFF

_LABEL = re.compile(r"^LABEL([iI]?):\s*(\w+)\s*=\s*(.*)$")
_ROOT_LABEL = re.compile(r"^//\s*(\d\d)\s*[:=]\s*(.+)$")
_PLOVER = re.compile(r"^(\d{2,4})\s*:\s*([^#]*?)\s*(?:#.*)?$")
_PICO = re.compile(r"^(\d{2,4}|---)\s*:\s*([-+0-9a-fA-Fx\s]+?)\s*(?:#.*)?$")
_HEX_TERM = re.compile(r"([-+]?)\s*(0x[0-9a-fA-F]+|\d+)")


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER reading of a CAMEO code."""

    event: str
    mode: str | None
    contexts: tuple[str, ...]


@dataclass
class Ontology:
    """The loaded tables. Build with :func:`load`."""

    labels: dict[str, str] = field(default_factory=dict)
    goldstein: dict[str, float] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)  # CAMEO root ("12") -> quad class
    plover: dict[str, Plover] = field(default_factory=dict)
    pico: dict[str, int] = field(default_factory=dict)
    intent: dict[str, str] = field(default_factory=dict)  # CAMEO root -> "express intent" code
    _reverse: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        # First code of a PICO value wins: 046 and 044 share 0xB010, 044 comes first.
        self._reverse = {}
        for code, value in self.pico.items():
            self._reverse.setdefault(value, code)

    # -- lookups -------------------------------------------------------------------

    def label(self, code: str) -> str | None:
        """The CAMEO label of ``code`` (of its nearest labelled parent)."""
        return _walk(self.labels, code)

    def plover_of(self, code: str) -> Plover | None:
        """PLOVER event type, mode and contexts of a CAMEO code (None for statements, 01x)."""
        return _walk(self.plover, code)

    def goldstein_of(self, code: str) -> float | None:
        """The Goldstein score of a CAMEO code (nearest coded parent), or None."""
        return _walk(self.goldstein, code)

    def quad_of(self, code: str) -> int | None:
        """The Phoenix quad class of a CAMEO code (0-4), or None."""
        return self.quads.get(root_of(code))

    def fill(self, event: Event) -> None:
        """Set ``root``, ``plover``, ``mode``, ``contexts``, ``goldstein`` and ``quad`` from
        ``event.cameo`` (each from the nearest coded parent when the code itself is missing)."""
        code = event.cameo
        event.root = root_of(code)
        p = self.plover_of(code)
        event.plover = p.event if p else None
        event.mode = p.mode if p else None
        event.contexts = list(p.contexts) if p else []
        event.goldstein = self.goldstein_of(code)
        event.quad = self.quad_of(code)

    # -- negation ------------------------------------------------------------------

    def negate(self, code: str, *, future: bool = False) -> str | None:
        """The code of the negated action, by PETRARCH-2's convention; None if there is none.

        1. A negated *future* cooperative action ("will not meet") is a refusal of the intent:
           the code first becomes its intent code (``intent_codes.tsv``: 04x -> 036).
        2. PETRARCH-2 negates the PICO value by subtracting 0xFFFF: "not disapprove" (110)
           becomes diplomatic cooperation (050), "not coerce" (170) 057, "not say" 011.
        3. A negated intent (PICO 0x3xyz) is the refusal of what was intended: the rejection
           offset plus the lower digits, 036 (0x3010) -> 125 (-0xFFFF + 0x0010); lower digits
           are dropped until a code fits, else 120 (Reject).
        Anything else (a rejection, a material act, an unknown code) has no negated code: None,
        and the event keeps its code with ``negated`` set.
        """
        if future:
            code = self.intent.get(root_of(code), code)
        value = self.pico_of(code)
        if not value or value < 0:
            return None
        flipped = self._reverse.get(value - NEGATION)
        if flipped is not None:
            return flipped
        if value >> 12 != 0x3:
            return None
        rest = value & 0x0FFF
        for mask in (0x0FFF, 0x0FF0, 0x0F00):
            found = self._reverse.get(-NEGATION + (rest & mask))
            if found is not None:
                return found
        return self._reverse.get(-NEGATION)

    def pico_of(self, code: str) -> int | None:
        """The PICO value of ``code`` (of its nearest parent)."""
        return _walk(self.pico, code)


def root_of(code: str) -> str:
    """The CAMEO root (first two characters) of a code: ``1246`` -> ``12``."""
    return code[:2]


def parents(code: str) -> list[str]:
    """``code`` and its parents, nearest first: ``1246`` -> [1246, 124, 120, 12]."""
    out = [code]
    if len(code) == 4:
        out.append(code[:3])
    if len(code) >= 3 and code[:3] != code[:2] + "0":
        out.append(code[:2] + "0")
    if len(code) >= 2:
        out.append(code[:2])
    seen: list[str] = []
    for c in out:
        if c not in seen:
            seen.append(c)
    return seen


def _walk(table: dict, code: str):
    for c in parents(code):
        if c in table:
            return table[c]
    return None


# -- readers -----------------------------------------------------------------------


def _lines(path: Path):
    for number, line in enumerate(read_text(path).splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("~~~"):
            break  # TABARI's end-of-file mark
        if stripped:
            yield number, stripped


def read_labels(path: Path) -> dict[str, str]:
    """``LABEL: 010= Make statement`` rows (``LABELi`` rows only fill gaps) and root labels."""
    labels: dict[str, str] = {}
    weak: dict[str, str] = {}
    for number, line in _lines(path):
        m = _LABEL.match(line)
        if m:
            (weak if m.group(1) else labels).setdefault(m.group(2), m.group(3).strip())
            continue
        m = _ROOT_LABEL.match(line)
        if m:
            labels.setdefault(m.group(1), m.group(2).strip().capitalize())
            continue
        if not line.startswith("//"):
            raise DictionaryError(str(path), number, f"expected 'LABEL: CODE= text', got {line!r}")
    for code, text in weak.items():
        labels.setdefault(code, text)
    return labels


def read_goldstein(path: Path) -> tuple[dict[str, float], dict[str, int]]:
    """(code -> Goldstein score, root -> quad class) from ``goldstein_quad.phoenix.tsv``."""
    scores: dict[str, float] = {}
    quads: dict[str, int] = {}
    for number, line in _lines(path):
        if line.startswith("#") or line.startswith("cameo_code"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise DictionaryError(str(path), number, f"expected 3 tab-separated columns, got {len(parts)}")
        code, score, quad = parts
        try:
            scores[code] = float(score)
            quads.setdefault(root_of(code), int(quad))
        except ValueError:
            raise DictionaryError(str(path), number, f"bad number in {line!r}") from None
    return scores, quads


def read_plover(path: Path, known_contexts: dict[str, str] | None = None) -> dict[str, Plover]:
    """``030: AGREE,  , diplomatic # comment`` rows; root rows ``03: AGREE``. First row wins.

    Contexts are separated by ``;`` and mapped to PLOVER v2 labels when ``known_contexts``
    (``political_institutions`` -> ``political-institutions``) knows them.
    """
    table: dict[str, Plover] = {}
    for number, line in _lines(path):
        if line.startswith("#"):
            continue
        m = _PLOVER.match(line)
        if not m:
            raise DictionaryError(str(path), number, f"expected 'CODE: EVENT, mode, contexts', got {line!r}")
        code, body = m.group(1), m.group(2)
        parts = [p.strip() for p in body.split(",")]
        event = parts[0].upper()
        if not event.isalpha():
            raise DictionaryError(str(path), number, f"bad PLOVER event type {parts[0]!r}")
        mode = parts[1] if len(parts) > 1 and parts[1] else None
        contexts: list[str] = []
        for raw in ",".join(parts[2:]).split(";"):
            name = raw.strip()
            if name:
                contexts.append((known_contexts or {}).get(_context_key(name), name))
        table.setdefault(code, Plover(event, mode, tuple(contexts)))
    return table


def _context_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "_", name.strip().lower())


def read_contexts(path: Path) -> dict[str, str]:
    """PLOVER v2 context names -> labels (``Political Institutions`` -> ``political-institutions``)."""
    out: dict[str, str] = {}
    for number, line in _lines(path):
        if line.startswith("#") or line.startswith("context_name"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise DictionaryError(str(path), number, "expected 'name<TAB>label<TAB>description'")
        out[_context_key(parts[0])] = parts[1].strip()
        out[_context_key(parts[1])] = parts[1].strip()
    return out


def read_pico(path: Path) -> dict[str, int]:
    """``036:0x3010`` rows of the PETRARCH internal coding ontology (sums of hex terms)."""
    table: dict[str, int] = {}
    for number, line in _lines(path):
        if line.startswith("#"):
            continue
        m = _PICO.match(line)
        if not m:
            raise DictionaryError(str(path), number, f"expected 'CODE:0xVALUE', got {line!r}")
        terms = _HEX_TERM.findall(m.group(2))
        if not terms:
            raise DictionaryError(str(path), number, f"no value in {line!r}")
        value = 0
        for sign, term in terms:
            n = int(term, 16) if term.lower().startswith("0x") else int(term)
            value += -n if sign == "-" else n
        table.setdefault(m.group(1), value)
    return table


def read_intent(path: Path) -> dict[str, str]:
    """``root<TAB>intent code`` rows of ``intent_codes.tsv``."""
    out: dict[str, str] = {}
    for number, line in _lines(path):
        if line.startswith("#") or line.startswith("root\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].isdigit() or not parts[1].isdigit():
            raise DictionaryError(str(path), number, "expected 'root<TAB>intent code<TAB>why'")
        out[parts[0]] = parts[1]
    return out


def read(directory: Path = DATA) -> Ontology:
    """Read every table of ``directory``."""
    contexts = read_contexts(directory / "plover_v2_contexts_extracted.tsv")
    plover = read_plover(directory / "CAMEO2PLOVER-2021.txt", contexts)
    for code, p in read_plover(directory / "CAMEO2PLOVER-supplement.txt", contexts).items():
        plover.setdefault(code, p)
    scores, quads = read_goldstein(directory / "goldstein_quad.phoenix.tsv")
    return Ontology(
        labels=read_labels(directory / "CAMEO_codefile.txt"),
        goldstein=scores,
        quads=quads,
        plover=plover,
        pico=read_pico(directory / "PETR.Internal.Coding.Ontology.txt"),
        intent=read_intent(directory / "intent_codes.tsv"),
    )


ROOT_GROUPS = DATA / "root_groups.tsv"


def read_root_groups(path: Path = ROOT_GROUPS) -> dict[str, frozenset[str]]:
    """group name -> CAMEO roots (``root_groups.tsv``); a bad row is a DictionaryError naming file and line."""
    out: dict[str, frozenset[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        parts = line.split("\t")
        roots = parts[1].split() if len(parts) >= 2 else []
        if len(parts) < 2 or not parts[0].strip() or not roots or not all(len(r) == 2 and r.isdigit() for r in roots):
            raise DictionaryError(str(path), number, "expected 'group<TAB>two-digit roots<TAB>why'")
        out[parts[0].strip()] = frozenset(roots)
    return out


@lru_cache(maxsize=1)
def load() -> Ontology:
    """The bundled ontology, read once per process."""
    return read()
