"""The data flow goes one way: a module imports only modules of its own layer or to its left."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "eventcoder"

# ingest -> article -> nlp -> actors -> times/places -> events -> quotes -> store -> cli/api/web
LAYERS = {
    "article": 0,
    "errors": 0,
    "settings": 0,
    "tuning": 0,
    "datafiles": 0,
    "cues": 0,
    "schema": 0,
    "ingest": 1,
    "nlp": 2,
    "dictionaries": 3,
    "actors": 4,
    "timex": 5,
    "places": 5,
    "events": 6,
    "quotes": 7,
    "pipeline": 8,
    "store": 9,
    "run": 10,
    "progress": 10,
    "evaluation": 10,
    "evaluate": 10,
    "api": 10,
    "export": 10,
    "dataset": 10,
    "distributed": 10,
    "info": 10,
    "cli": 11,
    "web": 11,
}


def _layer_of(module: str) -> int | None:
    top = module.split(".")[0]
    return LAYERS.get(top)


def _imports(path: Path) -> list[str]:
    rel = path.relative_to(PKG).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        is_pkg = True
    else:
        is_pkg = False
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = parts if is_pkg else parts[:-1]
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = ".".join(base + ([node.module] if node.module else []))
            if node.module is None:
                out += [".".join(base + [a.name]) for a in node.names]
            else:
                out.append(target)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            out += [n[len("eventcoder.") :] for n in names if n.startswith("eventcoder.")]
    return [m for m in out if m]


def test_every_module_has_a_layer():
    tops = {p.relative_to(PKG).parts[0].removesuffix(".py") for p in PKG.rglob("*.py")}
    tops.discard("__init__")
    tops.discard("__main__")
    assert sorted(t for t in tops if t not in LAYERS) == []


def test_imports_flow_one_way():
    bad = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] in ("__init__.py", "__main__.py"):
            continue
        own = _layer_of(rel.parts[0].removesuffix(".py"))
        for module in _imports(path):
            layer = _layer_of(module)
            if layer is not None and own is not None and layer > own:
                bad.append(f"{rel} imports {module}")
    assert bad == []
