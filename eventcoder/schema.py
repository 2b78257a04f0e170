"""The JSON Schema of the output format, shipped in the package, and a validator."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .datafiles import data_file

SCHEMA_PATH = data_file("article.schema.json")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The article JSON Schema shipped in the package."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def problems(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the output contract: schema errors and spans off their text."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    out = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(record)]
    text = record.get("text", "")

    def check(where: str, span: dict | None) -> None:
        if span and "text" in span and text[span["start"] : span["end"]] != span["text"]:
            out.append(f"{where}: text {span['text']!r} is not text[{span['start']}:{span['end']}]")

    for a in record.get("actors", []):
        for i, m in enumerate(a.get("mentions", [])):
            check(f"actors/{a.get('id')}/mentions/{i}", m)
    for e in record.get("events", []):
        for key in ("trigger", "source", "target"):
            check(f"events/{e.get('id')}/{key}", e.get(key))
    for q in record.get("quotes", []):
        check(f"quotes/{q.get('id')}", q)
        check(f"quotes/{q.get('id')}/speaker", q.get("speaker"))
        check(f"quotes/{q.get('id')}/cue", q.get("cue"))
    for kind in ("times", "places"):
        for i, s in enumerate(record.get(kind, [])):
            check(f"{kind}/{i}", s)
    return out
