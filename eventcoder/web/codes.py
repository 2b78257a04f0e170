"""Names of the codes the web page shows beside them: CAMEO event labels and PLOVER event types.

CAMEO labels come from the event ontology (``CAMEO_codefile.txt``); PLOVER types and their
definitions from the PLOVER manual extract (``plover_v2_event_types_modes_extracted.tsv``,
CC BY-SA 4.0, see ``eventcoder/data/ontology/README.md``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Any

from ..errors import DictionaryError
from ..events import ontology

PLOVER_TABLE = ontology.DATA / "plover_v2_event_types_modes_extracted.tsv"
_REPLACE = {"---": "—", "``": '"', "''": '"'}
_LATEX = re.compile(r"\\(?:begin|end)\{\w+\}|\\item|\\\w+\{([^}]*)\}|``|''|---")


def _plain(definition: str) -> str:
    """The first sentence of a PLOVER definition without its LaTeX markup."""
    text = _LATEX.sub(lambda m: _REPLACE.get(m.group(0), m.group(1) or ""), definition)
    text = " ".join(text.split())
    end = re.search(r"(?<=[a-z)])\. ", text)
    return text[: end.start() + 1] if end else text


def read_plover(path=PLOVER_TABLE) -> dict[str, dict[str, str]]:
    """PLOVER event type -> {"category": "verbal conflict", "definition": first sentence}."""
    out: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#"))
        reader = csv.DictReader(rows, delimiter="\t")
        for number, row in enumerate(reader, 2):
            event_type = (row.get("event_type") or "").strip()
            if not event_type or row.get("event_definition") is None:
                raise DictionaryError(str(path), number, "expected event_type and event_definition columns")
            if not row.get("mode"):
                category = (row.get("quad_category") or "").strip().lower()
                out[event_type] = {"category": category, "definition": _plain(row["event_definition"])}
    return out


@lru_cache(maxsize=1)
def code_names() -> dict[str, Any]:
    """``{"cameo": {"010": "Make statement", ...}, "plover": {"REJECT": {...}}}`` for the page."""
    return {"cameo": dict(sorted(ontology.load().labels.items())), "plover": read_plover()}
