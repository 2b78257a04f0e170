"""Validation suites in PETRARCH's XML format: reading, coding and scoring.

A suite holds ``<Sentence date id category>`` records, each with ``<EventCoding sourcecode
targetcode eventcode>`` gold events (or ``noevents="True"``, or ``error="..."``) and its
``<Text>``; ``<Config option value>`` changes a coding option for the records after it;
``<Environment>`` names the dictionaries (``<Verbfile>``, ``<Actorfile>``...), relative to the
suite. Records marked ``sentence="false"`` or ``evaluate="false"`` are the suites' own "not
expected to work" records: they are listed but not scored. The files are read leniently (the
UniversalPetrarch suite is not well-formed XML: a comment holds ``--``).

A record is right when the set of (source, target, CAMEO) triples of its events equals the
gold set; a missing source or target is ``---``; a compound code ``A/B`` stands for A and B. A
record with ``noevents`` or an ``error`` expects no event, except ``bad_input_parse``, which
tests PETRARCH's reader of the supplied parse tree (eventcoder parses the text itself): those
are not applicable. The records are coded as ``eventcoder code`` codes them (every stage, the
record's options), through the same run function: the score is what users get.
"""

from __future__ import annotations

import glob
import html
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..article import Article, Event
from ..errors import InputError, SettingsError
from ..ingest import Rejection
from ..run import code_inputs
from ..settings import NAMES, Settings

NULL = "---"
NOT_APPLICABLE_ERRORS = ("bad_input_parse",)
_TAG = re.compile(r"<(/?)([A-Za-z]+)((?:\s+[^>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r"""([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ENV_KINDS = {"verbfile": "verbs", "actorfile": "actors", "agentfile": "agents", "discardfile": "discards"}

Triple = tuple[str, str, str]


@dataclass
class Record:
    """One ``<Sentence>`` of a suite."""

    id: str
    category: str
    date: str | None  # YYYY-MM-DD
    text: str
    gold: set[Triple]
    line: int
    options: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    evaluate: bool = True

    @property
    def applicable(self) -> bool:
        """Is the record scored (evaluated and not a parse-reader test)?"""
        return self.evaluate and self.error not in NOT_APPLICABLE_ERRORS


@dataclass
class Suite:
    path: Path
    records: list[Record]
    environment: dict[str, list[str]]  # kind (verbs, actors, agents, discards) -> files


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR.finditer(text)
    }


def _blank_comments(text: str) -> str:
    """Comments replaced by blanks of the same shape (line numbers stay right)."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _date(raw: str | None, where: str) -> str | None:
    if not raw:
        return None
    s = raw.strip()
    if not re.fullmatch(r"\d{8}", s):
        raise InputError(where, f"bad date {raw!r}: expected YYYYMMDD")
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def split_codes(code: str) -> list[str]:
    """``FRO/BIL/SAM`` -> its actors; anything else -> itself."""
    parts = [p for p in code.split("/") if p]
    return parts if len(parts) > 1 and not code.startswith('"') else [code]


def expand_triple(source: str, target: str, cameo: str) -> set[Triple]:
    """The triples a gold coding stands for (compound codes split)."""
    return {(s, t, cameo) for s in split_codes(source) for t in split_codes(target)}


def read_suite(path: str | Path) -> Suite:
    """Records, options and environment of a suite file. Raises InputError (file:line)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the suite: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    body = _blank_comments(text)
    options: dict[str, Any] = {}
    env: dict[str, list[str]] = defaultdict(list)
    records: list[Record] = []
    current: dict[str, Any] | None = None
    for m in _TAG.finditer(body):
        closing, name, attrs, empty = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
        line = body.count("\n", 0, m.start()) + 1
        where = f"{p}:{line}"
        if name == "config" and not closing:
            a = _attrs(attrs)
            opt, value = a.get("option"), a.get("value")
            # Options of the PETRARCH program itself (stop_on_error...) have no setting here.
            if opt and value is not None and opt.lower() in NAMES:
                try:
                    Settings().with_options({opt.lower(): value})
                except SettingsError as exc:
                    raise InputError(where, str(exc)) from None
                options[opt.lower()] = value
            continue
        if name in _ENV_KINDS and not closing:
            end = body.find("<", m.end())
            value = body[m.end() : end].strip() if end > 0 else ""
            if value:
                env[_ENV_KINDS[name]].append(value)
            continue
        if name == "sentence" and not closing:
            a = _attrs(attrs)
            if "id" not in a:
                raise InputError(where, "<Sentence> without an id")
            current = {
                "attrs": a,
                "line": line,
                "gold": set(),
                "noevents": False,
                "error": None,
                "text": None,
            }
            continue
        if current is None:
            continue
        if name == "eventcoding" and not closing:
            a = _attrs(attrs)
            if a.get("noevents", "").lower() == "true":
                current["noevents"] = True
            elif "error" in a:
                current["error"] = a["error"]
            elif "eventcode" in a:
                current["gold"] |= expand_triple(
                    a.get("sourcecode") or NULL, a.get("targetcode") or NULL, a["eventcode"]
                )
            continue
        if name == "text" and not closing and not empty:
            end = body.find("</Text>", m.end())
            if end < 0:
                raise InputError(where, "<Text> without </Text>")
            current["text"] = " ".join(html.unescape(text[m.end() : end]).split())
            continue
        if name == "sentence" and closing:
            a = current["attrs"]
            rid = a["id"]
            if current["text"] is None:
                raise InputError(f"{p}:{current['line']}", f"record {rid} has no <Text>")
            records.append(
                Record(
                    id=rid,
                    category=a.get("category", ""),
                    date=_date(a.get("date"), f"{p}:{current['line']}"),
                    text=current["text"],
                    gold=current["gold"],
                    line=current["line"],
                    options=dict(options),
                    error=current["error"],
                    evaluate=a.get("sentence", "true").lower() != "false"
                    and a.get("evaluate", "true").lower() != "false",
                )
            )
            current = None
    if not records:
        raise InputError(str(path), "no <Sentence> records")
    return Suite(p, records, dict(env))


def resolve_dictionaries(suite: Suite, prefix: str | None) -> dict[str, list[str]]:
    """Dictionary files for the suite: ``PREFIX*actors*`` etc. when a prefix is given, else
    the files its ``<Environment>`` names (relative to the suite)."""
    out: dict[str, list[str]] = {}
    if prefix:
        for kind in ("actors", "agents", "verbs", "discards"):
            found = sorted(f for f in glob.glob(glob.escape(prefix) + f"*{kind}*") if not f.endswith(".xml"))
            if not found:
                raise InputError(prefix, f"no {kind} dictionary matches {prefix}*{kind}*")
            out[kind] = found
        return out
    for kind, files in suite.environment.items():
        paths = [str((suite.path.parent / f).resolve()) for f in files]
        missing = [f for f in paths if not Path(f).exists()]
        if missing:
            raise InputError(
                str(suite.path), f"the {kind} dictionary {missing[0]} named in <Environment> does not exist"
            )
        out[kind] = paths
    return out


def event_triples(events: list[Event]) -> set[Triple]:
    """The (source, target, CAMEO) triples of coded events."""
    out: set[Triple] = set()
    for e in events:
        src = (e.source.code if e.source and e.source.code else NULL) if e.source else NULL
        tgt = (e.target.code if e.target and e.target.code else NULL) if e.target else NULL
        out |= expand_triple(src, tgt, e.cameo)
    return out


@dataclass
class Outcome:
    record: Record
    predicted: set[Triple]

    @property
    def right(self) -> bool:
        """Are the coded triples the gold ones?"""
        return self.predicted == self.record.gold


@dataclass
class Report:
    """Scores of one run of a suite."""

    suite: str
    outcomes: list[Outcome]
    dictionaries: dict[str, list[str]]

    def scored(self) -> list[Outcome]:
        """The outcomes of applicable records."""
        return [o for o in self.outcomes if o.record.applicable]

    def summary(self) -> dict[str, Any]:
        """The scores as a JSON-ready dict."""
        scored = self.scored()
        right = sum(o.right for o in scored)
        tp = sum(len(o.predicted & o.record.gold) for o in scored)
        fp = sum(len(o.predicted - o.record.gold) for o in scored)
        fn = sum(len(o.record.gold - o.predicted) for o in scored)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        cats: dict[str, Counter] = defaultdict(Counter)
        for o in scored:
            cats[o.record.category]["records"] += 1
            cats[o.record.category]["right"] += int(o.right)
        all_right = sum(o.right for o in self.outcomes)
        return {
            "suite": self.suite,
            "records": len(self.outcomes),
            "scored": len(scored),
            "not_scored": [
                {
                    "id": o.record.id,
                    "why": "marked not to evaluate" if not o.record.evaluate else f"error={o.record.error}",
                }
                for o in self.outcomes
                if not o.record.applicable
            ],
            "right": right,
            "accuracy": round(right / len(scored), 4) if scored else 0.0,
            "all_records_right": all_right,
            "all_records_accuracy": round(all_right / len(self.outcomes), 4),
            "events": {
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
            },
            "categories": {
                c: {"records": n["records"], "right": n["right"], "accuracy": round(n["right"] / n["records"], 4)}
                for c, n in sorted(cats.items())
            },
            "failures": [
                {
                    "id": o.record.id,
                    "category": o.record.category,
                    "gold": sorted(map(list, o.record.gold)),
                    "coded": sorted(map(list, o.predicted)),
                }
                for o in scored
                if not o.right
            ],
        }


def code_records(articles: list[Article], settings: Settings) -> list[Article | Rejection]:
    """Code the articles exactly as ``eventcoder code`` codes a JSON Lines input: each
    article becomes a record (with its ``options``), the records go through
    :func:`eventcoder.run.code_inputs`, and the JSON Lines it writes are read back. A
    record the run rejects comes back as its Rejection, in its place."""
    records = io.StringIO()
    for a in articles:
        record: dict[str, Any] = {"id": a.id, "text": a.text, "published": a.published, "title": a.title}
        record.update(url=a.url, outlet=a.outlet, options=a.options)
        records.write(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False) + "\n")
    records.seek(0)
    out = io.StringIO()
    rejected: list[Rejection] = []
    code_inputs(["-"], settings, stdin=records, jsonl=out, on_reject=rejected.append)
    coded = {a.id: a for a in (Article.from_dict(json.loads(line)) for line in out.getvalue().splitlines())}
    by_line = {r.where.rsplit(":", 1)[-1]: r for r in rejected}
    return [coded.get(a.id) or by_line.get(str(i), Rejection(a.id, "not coded")) for i, a in enumerate(articles, 1)]


def run(suite_path: str | Path, prefix: str | None = None, settings: Settings | None = None) -> Report:
    """Code every record of a suite with its dictionaries and score it."""
    suite = read_suite(suite_path)
    dicts = resolve_dictionaries(suite, prefix)
    base = settings or Settings.load()
    overrides = {k: v for k, v in dicts.items() if k in ("actors", "agents", "verbs", "discards")}
    base = Settings.load(**{**{k: getattr(base, k) for k in ("model", "batch_size")}, **overrides})
    articles = [Article(id=r.id, text=r.text, published=r.date, options=dict(r.options)) for r in suite.records]
    coded = code_records(articles, base)
    # A record the run rejects is wrong whatever its gold: it codes to its reason.
    outcomes = [
        Outcome(r, event_triples(a.events) if isinstance(a, Article) else {("rejected", a.reason, NULL)})
        for r, a in zip(suite.records, coded, strict=True)
    ]
    return Report(str(suite_path), outcomes, dicts)


def format_report(summary: dict[str, Any], failures: bool = False) -> str:
    """The human-readable report printed by ``eventcoder validate``."""
    lines = [f"suite: {summary['suite']}"]
    skipped = ", ".join(f"{x['id']} ({x['why']})" for x in summary["not_scored"])
    lines.append(
        f"records: {summary['records']} ({summary['scored']} scored"
        + (f", {len(summary['not_scored'])} not scored: {skipped})" if skipped else ")")
    )
    lines.append("category      right / records   pass rate")
    for cat, c in summary["categories"].items():
        lines.append(f"{cat:<13} {c['right']:>5} / {c['records']:<7}   {100 * c['accuracy']:6.1f}%")
    lines.append(
        f"{'ALL':<13} {summary['right']:>5} / {summary['scored']:<7}   {100 * summary['accuracy']:6.1f}%"
        f"   (all {summary['records']} records: {100 * summary['all_records_accuracy']:.1f}%)"
    )
    ev = summary["events"]
    lines.append(
        f"events: precision {ev['precision']:.3f}  recall {ev['recall']:.3f}  F1 {ev['f1']:.3f}"
        f"  (tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']})"
    )
    if failures:
        for f in summary["failures"]:
            lines.append(f"FAIL {f['id']} [{f['category']}] gold {f['gold']} coded {f['coded']}")
    return "\n".join(lines)
