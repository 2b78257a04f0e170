"""The real-news gold set: whole articles coded as users code them, scored with recall.

The gold file (``tests/quality/realnews/gold.jsonl``) holds one article a line: ``id``,
``text`` (or ``path``, a file read as ``eventcoder code`` reads it, relative to the gold
file), ``published``, ``title``, ``url``, ``outlet``, ``split`` (``dev`` or ``test``) and the
annotated ``sentences``: character spans of the text, each with every event a careful CAMEO
coder codes in it (``source``, ``target``, ``cameo``, ``modality``, ``trigger`` span),
annotated blind, twice, then adjudicated (docs/coding-conventions.md).

Each article is coded whole, through the same run as ``eventcoder code``; the events whose
trigger lies in an annotated sentence are scored against that sentence's gold. An event
matches a gold event of its sentence when source and target agree at country+sector level
(the first six characters of their codes, ``---`` for none) and the CAMEO codes agree at
their three-digit base; each gold event matches once. Precision is matched / coded, recall
matched / gold, per split. Verbal (quad classes 1 and 3: statements, appeals, demands,
threats ...) and material events (quad 2 and 4) are also scored apart, and the modality of
matched events is compared.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, Event
from ..errors import InputError
from ..events import ontology
from ..ingest import Rejection
from ..ingest.inputs import read_file
from ..settings import Settings
from .quotes import PRF
from .validate import code_records

NULL = "---"
SPLITS = ("dev", "test")
MODALITIES = ("asserted", "negated", "future", "hypothetical", "reported", "historical")

Key = tuple[str, str, str]


@dataclass(frozen=True)
class GoldEvent:
    """One event of the gold: codes, modality and its trigger span."""

    source: str
    target: str
    cameo: str
    modality: str
    start: int
    end: int

    @property
    def key(self) -> Key:
        """What a match compares (see :func:`event_key`)."""
        return event_key(self.source, self.target, self.cameo)


@dataclass
class GoldSentence:
    """An annotated sentence: its span and every event whose trigger lies in it."""

    id: str
    start: int
    end: int
    events: list[GoldEvent]


@dataclass
class GoldArticle:
    """An article of the gold set, ready to code, with its annotated sentences."""

    article: Article
    split: str
    sentences: list[GoldSentence]


def event_key(source: str | None, target: str | None, cameo: str) -> Key:
    """What a match compares: country+sector of each side, the CAMEO three-digit base."""
    return ((source or NULL)[:6], (target or NULL)[:6], cameo[:3])


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Read the gold file; a bad line is an InputError naming ``file:line``."""
    path = Path(path)
    out: list[GoldArticle] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            out.append(_gold_article(json.loads(line), path.parent, where))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise InputError(where, f"bad gold record: {type(e).__name__}: {e}") from e
    return out


def _gold_article(d: dict[str, Any], base: Path, where: str) -> GoldArticle:
    if "path" in d:
        found = read_file(str(base / d["path"]))
        first = next(found)
        if isinstance(first, Rejection):
            raise InputError(where, f"cannot read {d['path']}: {first.reason}")
        article = Article(id=d["id"], text=first.text, published=d.get("published") or first.published)
    else:
        article = Article(id=d["id"], text=d["text"], published=d.get("published"))
    article.title, article.url, article.outlet = d.get("title"), d.get("url"), d.get("outlet")
    if d["split"] not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    sentences = []
    for s in d["sentences"]:
        if not 0 <= s["start"] < s["end"] <= len(article.text):
            raise ValueError(f"sentence {s['id']} is outside the text")
        events = []
        for e in s["events"]:
            t = e["trigger"]
            if article.text[t["start"] : t["end"]] != t["text"] or not s["start"] <= t["start"] < s["end"]:
                raise ValueError(f"sentence {s['id']}: trigger {t['text']!r} is not at {t['start']}")
            if e["modality"] not in MODALITIES:
                raise ValueError(f"sentence {s['id']}: unknown modality {e['modality']!r}")
            events.append(GoldEvent(e["source"], e["target"], str(e["cameo"]), e["modality"], t["start"], t["end"]))
        sentences.append(GoldSentence(s["id"], s["start"], s["end"], events))
    return GoldArticle(article, d["split"], sentences)


def _counts(tp: int, coded: int, gold: int) -> PRF:
    """Matched, coded and gold events (one match counts for both sides)."""
    return PRF(tp_pred=tp, tp_gold=tp, predicted=coded, gold=gold)


def _scores(counts: PRF) -> dict[str, float | int]:
    """Precision, recall, F1 and the counts."""
    return {**counts.as_dict(), "tp": counts.tp_pred, "coded": counts.predicted}


@dataclass
class SplitScore:
    """The scores of one split: all events, verbal and material apart, modality of matches."""

    events: PRF = field(default_factory=PRF)
    verbal: PRF = field(default_factory=PRF)
    material: PRF = field(default_factory=PRF)
    modality_right: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _verbal(cameo: str, onto: ontology.Ontology) -> bool:
    return onto.quad_of(cameo) in (1, 3)


def _match(
    gold: list[GoldEvent], coded: list[Event]
) -> tuple[list[tuple[GoldEvent, Event]], list[GoldEvent], list[Event]]:
    left = list(gold)
    pairs, extra = [], []
    for e in coded:
        k = event_key(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        g = next((g for g in left if g.key == k), None)
        if g is None:
            extra.append(e)
        else:
            left.remove(g)
            pairs.append((g, e))
    return pairs, left, extra


def score(gold: list[GoldArticle], coded: list[Article | Rejection]) -> dict[str, SplitScore]:
    """Score coded articles (in the gold's order) against the gold, per split."""
    onto = ontology.load()
    out = {s: SplitScore() for s in SPLITS}
    for g, a in zip(gold, coded, strict=True):
        part = out[g.split]
        events = a.events if isinstance(a, Article) else []
        for s in g.sentences:
            mine = [e for e in events if s.start <= e.trigger.start < s.end]
            pairs, missed, extra = _match(s.events, mine)
            for kind, counts in (("verbal", part.verbal), ("material", part.material)):
                want = kind == "verbal"
                counts.add(
                    _counts(
                        sum(_verbal(g2.cameo, onto) == want for g2, _ in pairs),
                        sum(_verbal(e.cameo, onto) == want for e in mine),
                        sum(_verbal(g2.cameo, onto) == want for g2 in s.events),
                    )
                )
            part.events.add(_counts(len(pairs), len(mine), len(s.events)))
            part.modality_right += sum(gm.modality == e.modality for gm, e in pairs)
            for gm in missed:
                part.errors.append({"sentence": s.id, "kind": "missed", "event": list(gm.key), "modality": gm.modality})
            for e in extra:
                k = event_key(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
                part.errors.append({"sentence": s.id, "kind": "extra", "event": list(k), "trigger": e.trigger.text})
    return out


@dataclass
class Report:
    """The scores of a gold file, as ``eventcoder validate GOLD.jsonl`` prints them."""

    path: str
    splits: dict[str, SplitScore]
    rejected: list[str]

    def summary(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict (``eventcoder validate --json``)."""
        out: dict[str, Any] = {"gold": self.path, "rejected": self.rejected}
        for name, part in self.splits.items():
            out[name] = {
                "events": _scores(part.events),
                "verbal": _scores(part.verbal),
                "material": _scores(part.material),
                "modality_of_matched": round(part.modality_right / part.events.tp_pred, 4)
                if part.events.tp_pred
                else 0.0,
                "errors": Counter(e["kind"] for e in part.errors),
                "failures": part.errors,
            }
        return out


def run(path: str | Path, settings: Settings | None = None) -> Report:
    """Code every article of the gold file as ``eventcoder code`` does and score it."""
    gold = read_gold(path)
    coded = code_records([g.article for g in gold], settings or Settings.load())
    rejected = [f"{r.where}: {r.reason}" for r in coded if isinstance(r, Rejection)]
    return Report(str(path), score(gold, coded), rejected)


def format_report(summary: dict[str, Any], failures: bool = False) -> str:
    """The human-readable report."""
    lines = [f"gold: {summary['gold']}"]
    lines.append(f"{'part':<6} {'events':<8} {'P':>6} {'R':>6} {'F1':>6}   {'tp':>4} {'coded':>6} {'gold':>5}")
    for name in SPLITS:
        part = summary[name]
        for kind in ("events", "verbal", "material"):
            s = part[kind]
            lines.append(
                f"{name:<6} {kind:<8} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}"
                f"   {s['tp']:>4} {s['coded']:>6} {s['gold']:>5}"
            )
        lines.append(f"{name:<6} modality of matched events right: {part['modality_of_matched']:.3f}")
    for r in summary["rejected"]:
        lines.append(f"rejected: {r}")
    if failures:
        for name in SPLITS:
            for e in summary[name]["failures"]:
                detail = e.get("trigger") or e.get("modality")
                lines.append(f"{name} {e['sentence']} {e['kind']}: {' '.join(e['event'])} ({detail})")
    return "\n".join(lines)
