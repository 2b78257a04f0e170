"""Readers for the reporting-cue lexicons in ``eventcoder/data/lexicons``.

- ``quote_verb_list.txt`` (Gender Gap Tracker, MIT): one reporting verb form a line;
- ``cue_cameo.tsv`` (eventcoder): cue lemma or phrase, CAMEO code, kind.

A bad entry raises DictionaryError with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import data_file
from ..errors import DictionaryError

VERB_LIST = "quote_verb_list.txt"
MESSAGE_NOUNS = "message_nouns.txt"
CUE_TABLE = "cue_cameo.tsv"
KINDS = ("speech", "thought", "evidence", "adjacent", "ignore")
STATEMENT_KINDS = ("speech", "thought", "adjacent")  # kinds whose quotes get a statement event


@dataclass(frozen=True)
class Cue:
    code: str  # CAMEO event code of the statement
    kind: str  # speech | thought


@dataclass
class Lexicon:
    forms: frozenset[str]  # verb forms of the verb list ("said", "tells")
    cues: dict[str, Cue] = field(default_factory=dict)  # lemma or phrase -> code and kind
    messages: frozenset[str] = frozenset()  # nouns of messages that speak for their issuer

    def lookup(self, lemma: str, form: str) -> Cue | None:
        """The cue a verb with this lemma and form is, or None."""
        cue = self.cues.get(lemma)
        if cue is None and form in self.forms:
            cue = Cue("010", "speech")
        return None if cue is None or cue.kind == "ignore" else cue


def data_path(name: str) -> Path:
    """The path of a bundled lexicon file."""
    return data_file("lexicons", name)


def read_verb_list(path: Path) -> frozenset[str]:
    """The words of a one-word-a-line list (``#`` comments allowed)."""
    forms = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not re.fullmatch(r"[a-z][a-z' -]*", word):
            raise DictionaryError(str(path), lineno, f"expected one lower-case word, got {word!r}")
        forms.add(word)
    return frozenset(forms)


def read_cue_table(path: Path, codes: set[str] | None = None) -> dict[str, Cue]:
    """Cue -> (code, kind); ``codes`` (the CAMEO codes known) checks the code column."""
    out: dict[str, Cue] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3:
            raise DictionaryError(str(path), lineno, "expected 'cue<TAB>CAMEO code<TAB>kind'")
        cue, code, kind = parts
        if not re.fullmatch(r"[a-z][a-z' -]*", cue):
            raise DictionaryError(str(path), lineno, f"bad cue {cue!r}: lower-case words expected")
        if not re.fullmatch(r"\d{3,4}", code) or (codes is not None and code not in codes):
            raise DictionaryError(str(path), lineno, f"unknown CAMEO code {code!r}")
        if kind not in KINDS:
            raise DictionaryError(str(path), lineno, f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
        if cue in out:
            raise DictionaryError(str(path), lineno, f"cue {cue!r} listed twice")
        out[cue] = Cue(code, kind)
    return out


def read_cameo_codes(path: Path) -> set[str]:
    """The event codes of CAMEO_codefile.txt (``LABEL: 010= Make statement``)."""
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"LABELi?:\s*(\d{3,4})=", line)
        if m:
            codes.add(m.group(1))
    return codes


def load(verb_list: Path | None = None, cue_table: Path | None = None) -> Lexicon:
    """The bundled lexicons (or the given files)."""
    codes = read_cameo_codes(data_file("ontology", "CAMEO_codefile.txt"))
    return Lexicon(
        read_verb_list(verb_list or data_path(VERB_LIST)),
        read_cue_table(cue_table or data_path(CUE_TABLE), codes),
        read_verb_list(data_path(MESSAGE_NOUNS)),
    )
