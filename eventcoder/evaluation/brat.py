"""Reader for attribution annotations in BRAT standoff, laid out as PolNeAR is.

A corpus folder holds ``text/NAME.txt`` and ``attributions/NAME_<annotator>.ann``. In an
``.ann`` file, ``T`` lines are text-bound spans (``T3<TAB>Content 120 211;215 230<TAB>text``;
discontinuous spans join fragments with ``;``) and ``E`` lines tie them into one attribution
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``, ``Content2:`` for a second content
part). ``#`` lines are annotator notes; other lines continue the text of the line above (a
span's text may hold a newline). Offsets are character offsets into the ``.txt`` file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

Fragments = tuple[tuple[int, int], ...]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ID = re.compile(r"^[TERAMN#]\d*\t")


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: source, cue and content as fragment tuples (possibly empty)."""

    id: str
    source: Fragments
    cue: Fragments
    content: Fragments

    def content_text(self, text: str) -> str:
        """The attribution's content, its pieces joined by spaces."""
        return " ".join(text[s:e] for s, e in self.content)


@dataclass
class Document:
    """One annotated text: its name, text and gold attributions."""

    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


def read_text(path: Path) -> str:
    """A file's text exactly as stored (no newline translation: offsets count every character)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file, checked against ``text``.

    Raises InputError (``file:line: reason``) on a malformed line, an offset beyond the text
    or an E line that names an unknown T id.
    """
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[int, str, str]] = []
    for lineno, line in enumerate(read_text(path).split("\n"), 1):
        if not _ID.match(line):
            continue  # the continuation of a span text that holds a newline
        where = f"{path}:{lineno}"
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m:
                raise InputError(where, "malformed T line: expected 'T<n><TAB>Type START END[;START END]<TAB>text'")
            frags = tuple(tuple(int(x) for x in part.split()) for part in m.group(3).split(";"))
            for s, e in frags:
                if not 0 <= s <= e <= len(text):
                    raise InputError(where, f"span {s}-{e} lies outside the text ({len(text)} characters)")
            spans[m.group(1)] = (m.group(2), frags)  # type: ignore[assignment]
        elif line.startswith("E"):
            m = _E_LINE.match(line)
            if not m:
                raise InputError(where, "malformed E line")
            events.append((lineno, m.group(1), m.group(2)))
    out = []
    for lineno, eid, args in events:
        roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for arg in args.split():
            role, _, tid = arg.partition(":")
            if not tid:
                raise InputError(f"{path}:{lineno}", f"malformed argument {arg!r}: expected Role:T<n>")
            if tid not in spans:
                raise InputError(f"{path}:{lineno}", f"{eid} names {tid}, which no T line defines")
            role = role.rstrip("0123456789")  # Content2 is a second part of the content
            if role in roles:
                roles[role].extend(spans[tid][1])
        out.append(
            Attribution(
                eid, tuple(sorted(roles["Source"])), tuple(sorted(roles["Cue"])), tuple(sorted(roles["Content"]))
            )
        )
    return out


def read_corpus(folder: Path, limit: int | None = None) -> tuple[list[Document], list[str]]:
    """Documents of a PolNeAR-like folder, in sorted name order, and the rejections.

    A text annotated by several annotators is read with the first annotation file in sorted
    order. A text without annotations or an unreadable pair is rejected with a one-line reason.
    """
    text_dir, ann_dir = folder / "text", folder / "attributions"
    for d in (text_dir, ann_dir):
        if not d.is_dir():
            raise InputError(str(folder), f"not a BRAT attribution corpus: {d.name}/ is missing")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        # NAME.ann, or NAME_<annotator>.ann when several annotators worked on NAME.txt
        stem = ann.stem if (text_dir / f"{ann.stem}.txt").exists() else re.sub(r"_[^_]+$", "", ann.stem)
        anns.setdefault(stem, ann)
    docs: list[Document] = []
    rejected: list[str] = []
    for txt in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        found = anns.get(txt.stem)
        if found is None:
            rejected.append(f"{txt}: no annotation file in {ann_dir}")
            continue
        ann = found
        try:
            text = read_text(txt)
            docs.append(Document(txt.stem, text, read_ann(ann, text)))
        except UnicodeDecodeError as exc:
            rejected.append(f"{txt}: not UTF-8 text ({exc.reason})")
        except InputError as exc:
            rejected.append(str(exc))
    return docs, rejected
