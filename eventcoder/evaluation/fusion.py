"""Scoring copy detection and event fusion against the fusion evaluation set (tests/quality/fusion).

``score(store, folder)`` reads the gold of the set (``stories.json``: which articles are copies
of which, and pairs of different articles on one topic; ``events.toml``: the hand-listed acts
of each story) and compares a store holding the coded ``articles.jsonl``:

- copy detection: pairs of articles; a pair is predicted when both have the same ``story`` and
  gold when both belong to one story of stories.json.
- event fusion: pairs of coded events that report a hand-listed act (its sentence holds one of
  the act's words, its base code and, when given, its country+sector key match); a pair is
  gold when both report the same act, predicted when both are members of one unique event.
  Events that report no listed act (coding errors, unlisted acts) are left out of both sides,
  so the score is that of fusion, not of the coder.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import Store
from ..store.fusion import fusion_key
from .quotes import PRF


@dataclass(frozen=True)
class Act:
    """One hand-listed real-world event of a story."""

    story: str
    index: int
    base: str
    words: tuple[str, ...]
    key: str | None = None


@dataclass
class FusionScore:
    """Pair counts of copy detection and of event fusion, with the pairs that went wrong."""

    copies: PRF = field(default_factory=PRF)
    fusion: PRF = field(default_factory=PRF)
    merged_different: list[tuple[str, str]] = field(default_factory=list)
    missed_copies: list[tuple[str, str]] = field(default_factory=list)
    false_fusions: list[tuple[str, str]] = field(default_factory=list)
    missed_fusions: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Precision, recall and counts as a JSON-ready dict."""

        def prf(c: PRF) -> dict[str, float | int]:
            return {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "gold": c.gold,
                    "predicted": c.predicted}  # fmt: skip

        return {
            "copies": prf(self.copies), "fusion": prf(self.fusion), "merged_different": self.merged_different,
            "missed_copies": self.missed_copies, "false_fusions": self.false_fusions,
            "missed_fusions": self.missed_fusions,
        }  # fmt: skip


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def load_acts(path: Path) -> list[Act]:
    """The acts of ``events.toml``; a malformed entry is an ``InputError`` naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), str(exc)) from None
    acts = []
    for story, entries in data.items():
        for i, entry in enumerate(entries):
            if not re.fullmatch(r"\d{3}", str(entry.get("base", ""))) or not entry.get("words"):
                raise InputError(str(path), f"[[{story}]] #{i + 1}: needs a 3-digit base and words")
            acts.append(Act(story, i, entry["base"], tuple(_norm(w) for w in entry["words"]), entry.get("key")))
    return acts


def _act_of(acts: list[Act], story: str, base: str, key: str, sentence: str) -> Act | None:
    """The listed act a coded event reports; acts with a key are tried first (they are narrower)."""
    text = _norm(sentence)
    for act in sorted((a for a in acts if a.story == story), key=lambda a: a.key is None):
        if act.base != base or (act.key and not key.startswith(act.key + "|")):
            continue
        if any(w in text for w in act.words):
            return act
    return None


def _pairs(groups: dict[Any, list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}  # type: ignore[misc]


def _count(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> PRF:
    hits = len(predicted & gold)
    return PRF(tp_pred=hits, tp_gold=hits, predicted=len(predicted), gold=len(gold))


def score(store: Store, folder: str | Path) -> FusionScore:
    """Score the stories and unique events of ``store`` (holding the set's articles) against its gold."""
    folder = Path(folder)
    gold = json.loads((folder / "stories.json").read_text(encoding="utf-8"))
    acts = load_acts(folder / "events.toml")
    story_of = {aid: sid for sid, members in gold["stories"].items() for aid in members}
    conn = store._conn()
    labels = dict(conn.execute("SELECT id, story FROM articles").fetchall())
    ids = sorted(set(story_of) | {a for pair in gold["different"] for a in pair})
    missing = [a for a in ids if a not in labels]
    if missing:
        raise InputError(
            str(store.path), f"the evaluation articles are not all stored (missing {', '.join(missing[:5])})"
        )
    out = FusionScore()
    predicted_copies = _pairs({s: [a for a in ids if labels[a] == s] for s in set(labels[a] for a in ids)})
    gold_copies = _pairs(gold["stories"])
    out.copies = _count(predicted_copies, gold_copies)
    out.missed_copies = sorted(gold_copies - predicted_copies)
    out.merged_different = [tuple(p) for p in gold["different"] if labels[p[0]] == labels[p[1]]]

    by_act: dict[Act, list[str]] = {}
    by_unique: dict[str, list[str]] = {}
    rows = conn.execute(
        "SELECT e.article_id, e.id, e.cameo, e.source_code, e.target_code, e.modality, f.unique_id,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " JOIN fusion_members f ON f.article_id = e.article_id AND f.event_id = e.id"
    ).fetchall()
    for aid, eid, cameo, source, target, modality, unique_id, sentence in rows:
        if aid not in story_of:
            continue
        act = _act_of(acts, story_of[aid], cameo[:3], fusion_key(source, target, cameo, modality), sentence)
        if act is None:
            continue
        mention = f"{aid}/{eid}"
        by_act.setdefault(act, []).append(mention)
        by_unique.setdefault(unique_id, []).append(mention)
    predicted, gold_pairs = _pairs(by_unique), _pairs(by_act)
    out.fusion = _count(predicted, gold_pairs)
    out.false_fusions = sorted(predicted - gold_pairs)
    out.missed_fusions = sorted(gold_pairs - predicted)
    return out
