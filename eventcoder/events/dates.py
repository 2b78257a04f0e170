"""The date of a coded event.

1. A time expression of the event's own clause (``ctx.article.times``, filled by the times
   stage), or, for background clauses (``the two and a half years since Moscow launched``),
   one on the noun the clause hangs from;
2. for an event that is announced, refused or only considered (future, negated,
   hypothetical), the time of the clause that reports it (``..., Moscow said Friday``): the
   refusal happened when it was said;
3. else the publication date.

When the times stage found nothing in the article (it may be absent), weekday names and
explicit dates are read here, relative to the publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Token

from ..article import Article, TimeExpr
from .syntax import CLAUSE_DEPS, clause_tokens

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EXPLICIT = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_RE})\.?)"
    rf"(?:,?\s+(?P<y>\d{{4}}))?\b",
    re.IGNORECASE,
)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
# Events only announced, refused or considered are dated when they were said.
_SAID_WHEN = ("future", "negated", "hypothetical")


def event_date(article: Article, verb: Token, modality: str) -> str | None:
    """The event's date (``YYYY-MM-DD`` or approximate ``YYYY-MM``), see the module doc."""
    own = _clause_time(article, verb)
    if own is not None and modality not in _SAID_WHEN:
        return own
    reporting = _reporting_time(article, verb)
    if reporting is not None and modality in _SAID_WHEN:
        return reporting
    if own is not None and modality not in _SAID_WHEN:
        return own
    return article.published


def historical_time(article: Article, verb: Token) -> bool:
    """Is the verb's own time expression more than a month before publication?"""
    own = _clause_time(article, verb)
    pub = _iso(article.published)
    when = _iso(own)
    return pub is not None and when is not None and (pub - when).days > 31


def _clause_time(article: Article, verb: Token) -> str | None:
    tokens = clause_tokens(verb)
    if verb.dep_ in ("relcl", "acl", "advcl", "pcomp") or (verb.head.pos_ in ("NOUN", "ADP") and verb.head.i != verb.i):
        # A background clause on a time noun: "the two and a half years since ... launched".
        head = verb.head
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("NOUN", "NUM"):
            tokens |= {t.i for t in head.subtree if t.i < verb.i and t.i not in {x.i for x in verb.subtree}}
    return _time_in(article, verb, tokens)


def _reporting_time(article: Article, verb: Token) -> str | None:
    """The time of the verb that reports this one (``Moscow said Friday``)."""
    t = verb
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.i != t.i:
            return _time_in(article, t.head, clause_tokens(t.head))
        if t.dep_ not in CLAUSE_DEPS or t.head.i == t.i:
            break
        t = t.head
    for c in verb.children:
        if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i:
            found = _time_in(article, c, clause_tokens(c))
            if found is not None:
                return found
    return None


def _time_in(article: Article, verb: Token, tokens: set[int]) -> str | None:
    doc = verb.doc
    spans = sorted((doc[i].idx, doc[i].idx + len(doc[i])) for i in tokens)
    if not spans:
        return None
    times = article.times or _own_times(article, doc, tokens)
    for t in sorted(times, key=lambda x: x.start):
        if not _DAY_VALUE.match(t.value or ""):
            continue
        if any(s <= t.start < e or (t.start <= s and s < t.end) for s, e in spans):
            return t.value
    return None


def _own_times(article: Article, doc, tokens: set[int]) -> list[TimeExpr]:
    """Weekday names and explicit dates among ``tokens`` (used without the times stage)."""
    pub = _iso(article.published)
    out: list[TimeExpr] = []
    if pub is None:
        return out
    for i in sorted(tokens):
        tok = doc[i]
        wd = _WEEKDAYS.get(tok.lower_)
        if wd is None:
            continue
        past = _past_context(tok)
        delta = (pub.weekday() - wd) % 7 if past else -((wd - pub.weekday()) % 7)
        day = pub - timedelta(days=delta)
        out.append(TimeExpr(tok.idx, tok.idx + len(tok), tok.text, day.isoformat(), "day"))
    start = min(doc[i].idx for i in tokens)
    end = max(doc[i].idx + len(doc[i]) for i in tokens)
    for m in _EXPLICIT.finditer(doc.text, start, end):
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day_n = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y")) if m.group("y") else pub.year
        try:
            day = date(year, month, day_n)
        except ValueError:
            continue
        out.append(TimeExpr(m.start(), m.end(), m.group(0), day.isoformat(), "day"))
    return out


def _past_context(tok: Token) -> bool:
    v = tok
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    if v.tag_ in ("VBD", "VBN"):
        return True
    return not any(c.lower_ in ("will", "shall", "'ll", "wo") for c in v.children)


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01")
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
