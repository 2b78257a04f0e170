"""Scores of the quote coder on attribution annotations in BRAT standoff (PolNeAR's layout).

Each text is coded by the full pipeline as a bare-text article (``Article(id, text)``, so
offsets match the annotations). Predicted quotes that share a cue form one attribution (a
quote broken by ``he said`` is one attribution with two content parts, as gold ``Content``
and ``Content2`` are). Then, per text:

- a predicted attribution *matches* a gold one when their contents, quotation marks and
  edge punctuation aside, overlap by at least half of the shorter (one-to-one, largest
  overlaps first); *exact* when the trimmed spans are equal;
- the speaker is *right* when the predicted speaker mention, or a mention of the predicted
  speaker's actor, overlaps the gold Source span (or both have none);
- source and cue spans are scored on their own, exact and overlapping, one-to-one.

Scores are given for direct quotes (gold content holding a quotation mark; predicted
attributions with a direct quote) and for all attributions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article
from ..settings import Settings
from .brat import Attribution as Gold
from .brat import Document, read_corpus
from .validate import code_records

QUOTE_MARKS = '"\u201c\u201d\u00ab\u00bb\u2018\u201e'  # a gold content holding one is a direct quote
TRIM = QUOTE_MARKS + "\u2019' \t\n.,;:!?\u2014\u2013-"

Frags = tuple[tuple[int, int], ...]


@dataclass
class Predicted:
    """One predicted attribution: content parts, speaker spans, cue and directness."""

    content: Frags
    source: Frags  # the speaker mention
    actor_mentions: Frags  # every mention of the speaker's actor
    cue: Frags
    direct: bool


@dataclass
class PRF:
    """Counts and precision/recall/F1."""

    tp_pred: int = 0  # predictions matched
    tp_gold: int = 0  # gold items matched
    predicted: int = 0
    gold: int = 0

    def add(self, other: PRF) -> None:
        """Add another count to this one."""
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """Matched predictions over predictions."""
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items over gold items."""
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass
class Subset:
    """The scores of one subset (direct quotes, or all attributions)."""

    content: PRF = field(default_factory=PRF)
    content_exact: PRF = field(default_factory=PRF)
    source: PRF = field(default_factory=PRF)
    source_exact: PRF = field(default_factory=PRF)
    cue: PRF = field(default_factory=PRF)
    cue_exact: PRF = field(default_factory=PRF)
    content_speaker: PRF = field(default_factory=PRF)  # content matched and speaker right
    speaker_right: int = 0  # among content matches

    def add(self, other: Subset) -> None:
        """Add another count to this one."""
        for name in ("content", "content_exact", "source", "source_exact", "cue", "cue_exact", "content_speaker"):
            getattr(self, name).add(getattr(other, name))
        self.speaker_right += other.speaker_right

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched quotes whose speaker is right."""
        return self.speaker_right / self.content.tp_pred if self.content.tp_pred else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        d: dict[str, Any] = {
            name: getattr(self, name).as_dict()
            for name in ("content", "content_exact", "source", "source_exact", "cue", "cue_exact", "content_speaker")
        }
        d["speaker_accuracy"] = round(self.speaker_accuracy, 4)
        d["speaker_right"] = self.speaker_right
        return d


@dataclass
class Report:
    documents: int
    direct: Subset
    all: Subset
    rejected: list[str]

    def as_dict(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        return {
            "documents": self.documents,
            "direct": self.direct.as_dict(),
            "all": self.all.as_dict(),
            "rejected": self.rejected,
        }


def _trim(text: str, frags: Frags) -> Frags:
    out = []
    for s, e in frags:
        while s < e and text[s] in TRIM:
            s += 1
        while e > s and text[e - 1] in TRIM:
            e -= 1
        if e > s:
            out.append((s, e))
    return tuple(sorted(out))


def _length(frags: Frags) -> int:
    return sum(e - s for s, e in frags)


def _overlap(a: Frags, b: Frags) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def is_direct(text: str, gold: Gold) -> bool:
    """A gold attribution is a direct quote when its content holds a quotation mark (or two
    apostrophes, the double mark of some newspapers)."""
    return any(ch in QUOTE_MARKS for s, e in gold.content for ch in text[s:e]) or any(
        "''" in text[s:e] for s, e in gold.content
    )


def predicted_attributions(article: Article) -> list[Predicted]:
    """The article's quotes grouped by cue into attributions."""
    groups: dict[Any, list[Any]] = {}
    for q in article.quotes:
        k = (q.cue.start, q.cue.end) if q.cue else ("quote", q.id)
        groups.setdefault(k, []).append(q)
    out = []
    for quotes in groups.values():
        q0 = quotes[0]
        sp = q0.speaker
        actor = article.actor(sp.actor) if sp and sp.actor else None
        out.append(
            Predicted(
                content=tuple(sorted((q.start, q.end) for q in quotes)),
                source=((sp.start, sp.end),) if sp else (),
                actor_mentions=tuple((m.start, m.end) for m in actor.mentions) if actor else (),
                cue=((q0.cue.start, q0.cue.end),) if q0.cue else (),
                direct=any(q.direct for q in quotes),
            )
        )
    return out


def _match(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching, largest overlaps first: (overlap, pred index, gold index) -> pairs."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _span_prf(text: str, pred: list[Frags], gold: list[Frags], exact: bool) -> PRF:
    pred = [p for p in (_trim(text, x) for x in pred) if p]
    gold = [g for g in (_trim(text, x) for x in gold) if g]
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if (p == g) if exact else _overlap(p, g) > 0:
                pairs.append((_overlap(p, g), i, j))
    n = len(_match(pairs))
    return PRF(n, n, len(pred), len(gold))


def speaker_right(pred: Predicted, gold: Gold) -> bool:
    """The predicted speaker mention, or a mention of its actor, overlaps the gold source."""
    if not gold.source:
        return not pred.source
    return _overlap(pred.source, gold.source) > 0 or _overlap(pred.actor_mentions, gold.source) > 0


def score_document(text: str, preds: list[Predicted], golds: list[Gold]) -> Subset:
    """Scores of one text's predicted attributions against its gold ones."""
    golds = [g for g in golds if g.content]
    s = Subset()
    pc = [_trim(text, p.content) for p in preds]
    gc = [_trim(text, g.content) for g in golds]
    pairs = []
    for i, p in enumerate(pc):
        for j, g in enumerate(gc):
            ov = _overlap(p, g)
            if p and g and ov >= 0.5 * min(_length(p), _length(g)):
                pairs.append((ov, i, j))
    matched = _match(pairs)
    exact = sum(1 for i, j in matched if pc[i] == gc[j])
    right = sum(1 for i, j in matched if speaker_right(preds[i], golds[j]))
    s.content = PRF(len(matched), len(matched), len(preds), len(golds))
    s.content_exact = PRF(exact, exact, len(preds), len(golds))
    s.content_speaker = PRF(right, right, len(preds), len(golds))
    s.speaker_right = right
    s.source = _span_prf(text, [p.source for p in preds if p.source], [g.source for g in golds if g.source], False)
    s.source_exact = _span_prf(text, [p.source for p in preds if p.source], [g.source for g in golds if g.source], True)
    s.cue = _span_prf(text, [p.cue for p in preds if p.cue], [g.cue for g in golds if g.cue], False)
    s.cue_exact = _span_prf(text, [p.cue for p in preds if p.cue], [g.cue for g in golds if g.cue], True)
    return s


def score(docs: list[Document], coded: Iterable[Article]) -> tuple[Subset, Subset]:
    """(direct, all) scores of coded articles against their documents."""
    direct, every = Subset(), Subset()
    for doc, article in zip(docs, coded, strict=True):
        preds = predicted_attributions(article)
        every.add(score_document(doc.text, preds, doc.attributions))
        direct.add(
            score_document(
                doc.text, [p for p in preds if p.direct], [g for g in doc.attributions if is_direct(doc.text, g)]
            )
        )
    return direct, every


def evaluate(
    folder: Path,
    settings: Settings | None = None,
    limit: int | None = None,
    part: tuple[int, int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Code the texts of a BRAT attribution corpus and score the quotes.

    ``part=(k, n)`` keeps the documents whose index in sorted name order is ``k`` modulo
    ``n`` (a held-out fold); ``limit`` keeps the first documents after that.
    """
    settings = settings or Settings.load()
    docs, rejected = read_corpus(folder)
    if part is not None:
        k, n = part
        docs = [d for i, d in enumerate(docs) if i % n == k]
    if limit is not None:
        docs = docs[:limit]
    # Coded as `eventcoder code` codes a JSON Lines input, a batch at a time for the progress.
    articles = [Article(id=d.name, text=d.text) for d in docs]
    coded: list[Article] = []
    for i in range(0, len(articles), settings.batch_size):
        batch = code_records(articles[i : i + settings.batch_size], settings)
        coded.extend(a for a in batch if isinstance(a, Article))
        if progress:
            progress(len(batch))
    direct, every = score(docs, coded)
    return Report(len(docs), direct, every, rejected)


def format_report(report: Report) -> str:
    """The report as a plain-text table."""
    lines = [f"documents: {report.documents}"]
    for title, sub in (("direct quotes", report.direct), ("all attributions", report.all)):
        lines.append("")
        lines.append(f"{title}:")
        lines.append(f"  {'':22} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
        for name, label in (
            ("content", "content (overlap)"),
            ("content_exact", "content (exact)"),
            ("source", "source (overlap)"),
            ("source_exact", "source (exact)"),
            ("cue", "cue (overlap)"),
            ("cue_exact", "cue (exact)"),
            ("content_speaker", "content and speaker"),
        ):
            prf: PRF = getattr(sub, name)
            lines.append(
                f"  {label:22} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {prf.predicted:6d} {prf.gold:6d}"
            )
        lines.append(f"  speaker right: {sub.speaker_accuracy:.3f} of {sub.content.tp_pred} matched quotes")
    return "\n".join(lines)
