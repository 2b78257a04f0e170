"""Stage: times. Temporal expressions normalised against the publication date.

Candidates are spaCy's DATE/TIME entities and the matches of our own patterns (weekday and
month names, relative words); each is resolved by rules into an ISO 8601 value:

- ``said Friday``: a weekday is read by the tense of the verb that governs it: past ->
  the latest such day on or before publication, future -> the next one on or after it,
  otherwise the nearest one;
- ``this weekend`` -> ``2024-09-21/2024-09-22`` (granularity ``range``); ``next week`` ->
  that week as a Monday/Sunday range (granularity ``week``); ``last month`` -> ``2024-08``;
- ``in March`` -> the March before or after publication, by tense; explicit dates with or
  without a year; ``yesterday``/``today``/``tomorrow``; ``last year``;
- ``two and a half years since``/``ago`` -> an approximate past month (``2022-03``,
  granularity ``approximate``);
- a dateline at the top of the body (``MOSCOW, Sept. 20 (Reuters) -``).

An article without a publication date gets only the expressions that need no anchor.
``EVENT_GRANULARITIES`` are the values precise enough to date an event.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Token

from .article import TimeExpr
from .cues import read_cues
from .nlp import Context
from .settings import Settings

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr})
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2,
}  # fmt: skip

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|a couple of)"  # noqa: E501
_UNIT = r"(?:day|week|month|year|decade)s?"

# Our own candidates; spaCy's DATE entities add the rest (and are checked by the same rules).
PATTERNS = re.compile(
    "|".join(
        [
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",  # September 20, 2024 / Sept. 20
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b",  # 20 September 2024
            r"\b\d{4}-\d{2}-\d{2}\b",  # 2024-09-20
            rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}(?:,?\s+\d{{4}})?\b",  # March 2022, March
            rf"\b(?:(?:last|next|this|coming|past)\s+)?{_DAY}\b",
            r"\b(?:last|next|this|coming|past)\s+(?:weekend|week|month|year)\b",
            r"\b(?:yesterday|today|tomorrow|tonight)\b",
            rf"\b{_NUM}(?:\s+and\s+a\s+half)?\s+{_UNIT}\s+(?:ago|since|earlier|later|from\s+now)\b",
        ]
    ),
    re.IGNORECASE,
)
DATELINE = re.compile(rf"^\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z .]+)?,\s*({_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)")

MONTH_PREPOSITIONS = {
    "in",
    "since",
    "until",
    "by",
    "of",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "from",
    "through",
}


# Granularities precise enough to date an event (YYYY-MM-DD, or YYYY-MM when approximate).
EVENT_GRANULARITIES = ("day", "month", "approximate")


@dataclass
class Resolved:
    value: str
    granularity: str


@dataclass(frozen=True)
class Resources:
    """What the times stage loads: the future words of modality.tsv (auxiliaries such as
    "will" and heads such as "expected to" that point a clause to the future)."""

    future: frozenset[str]


def load(settings: Settings) -> Resources:
    """The future cue words; the date rules themselves are compiled at import."""
    return Resources(read_cues()["future"])


def apply(ctx: Context, res: Resources) -> None:
    """Add ``TimeExpr``s for every temporal expression that can be normalised."""
    article = ctx.article
    anchor = _parse_iso(article.published)
    found: dict[tuple[int, int], TimeExpr] = {}
    for start, end in _candidates(ctx.doc, article.text):
        text = article.text[start:end]
        if _ambiguous_month(article.text, start, end):
            continue
        resolved = resolve(text, anchor, _tense(ctx.doc, start, end, res.future), _after(article.text, end))
        if resolved is None:
            continue
        found[(start, end)] = TimeExpr(start, end, text, resolved.value, resolved.granularity)
    article.times = sorted(_drop_nested(found.values()), key=lambda t: t.start)


def resolve(text: str, anchor: date | None, tense: str | None, after: str = "") -> Resolved | None:
    """Normalise one expression; ``tense`` is past|future|None, ``after`` the word that follows."""
    t = " ".join(text.lower().replace("\u2019", "'").split())
    t = re.sub(r"^(?:the|on|in|of|at|since|by|from|until|during)\s+", "", t)
    explicit = _explicit(t, anchor, tense)
    if explicit or anchor is None:
        return explicit
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return Resolved(anchor.isoformat(), "day")
    if t == "yesterday":
        return Resolved((anchor - timedelta(days=1)).isoformat(), "day")
    if t == "tomorrow":
        return Resolved((anchor + timedelta(days=1)).isoformat(), "day")
    m = re.fullmatch(
        rf"(?:(last|next|this|coming|past)\s+)?({_DAY.lower()})(?:\s+(?:morning|afternoon|evening|night))?", t
    )
    if m:
        return Resolved(_weekday(anchor, WEEKDAYS[m.group(2)], m.group(1), tense).isoformat(), "day")
    m = re.fullmatch(r"(this|last|next|coming|past)\s+(weekend|week|month|year)", t)
    if m:
        return _relative_period(anchor, m.group(1), m.group(2))
    m = re.fullmatch(rf"({_NUM})(\s+and\s+a\s+half)?\s+({_UNIT})(\s+(?:ago|since|earlier))?", t)
    if m and (m.group(4) or after in ("ago", "since", "earlier")):
        return _ago(anchor, m.group(1), bool(m.group(2)), m.group(3))
    return None


def _explicit(t: str, anchor: date | None, tense: str | None) -> Resolved | None:
    """Dates written out: with a day, a month, a year, or a combination."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(rf"(?:{_DAY.lower()},?\s+)?({_MONTH.lower()})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", t)
    if m:
        return _month_day(m.group(1), int(m.group(2)), m.group(3), anchor, tense)
    m = re.fullmatch(
        rf"(?:{_DAY.lower()},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH.lower()})(?:,?\s+(\d{{4}}))?", t
    )
    if m:
        return _month_day(m.group(2), int(m.group(1)), m.group(3), anchor, tense)
    m = re.fullmatch(rf"(?:(?:early|mid|late)[- ])?({_MONTH.lower()})(?:,?\s+(\d{{4}}))?", t)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        if m.group(2):
            return Resolved(f"{int(m.group(2)):04d}-{month:02d}", "month")
        if anchor is None:
            return None
        return Resolved(f"{_year_of_month(anchor, month, tense):04d}-{month:02d}", "month")
    m = re.fullmatch(r"(?:the\s+)?(?:year\s+)?((?:19|20)\d{2})", t)
    if m:
        return Resolved(m.group(1), "year")
    m = re.fullmatch(r"(?:the\s+)?((?:19|20)\d)0s", t)
    if m:
        return Resolved(m.group(1), "decade")
    return None


def _day(y: int, mo: int, d: int) -> Resolved | None:
    try:
        return Resolved(date(y, mo, d).isoformat(), "day")
    except ValueError:
        return None


def _month_day(month_name: str, day: int, year: str | None, anchor: date | None, tense: str | None) -> Resolved | None:
    month = MONTHS[month_name.rstrip(".")]
    if year:
        return _day(int(year), month, day)
    if anchor is None:
        return None
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            pass
    if not candidates:
        return None
    return Resolved(_pick(anchor, candidates, tense).isoformat(), "day")


def _pick(anchor: date, candidates: list[date], tense: str | None) -> date:
    """The candidate the tense points to: past -> latest on/before, future -> first on/after."""
    before = [c for c in candidates if c <= anchor]
    after = [c for c in candidates if c >= anchor]
    if tense == "past" and before:
        return max(before)
    if tense == "future" and after:
        return min(after)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def _year_of_month(anchor: date, month: int, tense: str | None) -> int:
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year


def _weekday(anchor: date, weekday: int, modifier: str | None, tense: str | None) -> date:
    delta = weekday - anchor.weekday()
    if modifier == "last" or modifier == "past":
        return anchor - timedelta(days=(-delta) % 7 or 7)
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=delta % 7 or 7)
    if modifier == "this":
        tense = tense or "future"
    candidates = [anchor + timedelta(days=d) for d in ((delta % 7) - 7, delta % 7)]
    return _pick(anchor, candidates, tense)


def _relative_period(anchor: date, which: str, unit: str) -> Resolved:
    step = {"this": 0, "coming": 1, "next": 1, "last": -1, "past": -1}[which]
    if unit == "weekend":
        saturday = anchor + timedelta(days=5 - anchor.weekday())
        if anchor.weekday() == 6:  # a Sunday belongs to the weekend that began the day before
            saturday -= timedelta(days=7)
        saturday += timedelta(days=7 * step)
        return Resolved(f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "range")
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * step)
        return Resolved(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "week")
    if unit == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        return Resolved(f"{y:04d}-{m + 1:02d}", "month")
    return Resolved(f"{anchor.year + step:04d}", "year")


def _ago(anchor: date, number: str, half: bool, unit: str) -> Resolved | None:
    n = float(number) if number[0].isdigit() else NUMBER_WORDS.get(number)
    if n is None:
        return None
    n += 0.5 if half else 0
    unit = unit.rstrip("s")
    if unit in ("day", "week"):
        return Resolved((anchor - timedelta(days=round(n * (7 if unit == "week" else 1)))).isoformat(), "day")
    months = round(n * {"month": 1, "year": 12, "decade": 120}[unit])
    y, m = divmod(anchor.year * 12 + anchor.month - 1 - months, 12)
    if unit == "month" or months % 12:
        return Resolved(f"{y:04d}-{m + 1:02d}", "approximate")
    return Resolved(f"{y:04d}", "year")


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")}
    spans.update((m.start(), m.end()) for m in PATTERNS.finditer(text))
    m = DATELINE.match(text)
    if m:
        spans.add(m.span(1))
    out = []
    for start, end in spans:
        # trim leading/trailing function words and punctuation the entity may carry
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _drop_nested(times: Any) -> list[TimeExpr]:
    """Keep the longest resolved expression where candidates overlap."""
    kept: list[TimeExpr] = []
    for t in sorted(times, key=lambda t: (-(t.end - t.start), t.start)):
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return kept


def _ambiguous_month(text: str, start: int, end: int) -> bool:
    """A bare month name that may be a word ("may", "march"): kept only capitalised after a preposition."""
    word = text[start:end]
    if word.lower().rstrip(".") not in MONTHS:
        return False
    if not word[0].isupper():
        return True
    if word.lower() not in ("may", "march", "mar"):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
    return not (before and before.group(1).lower() in MONTH_PREPOSITIONS)


def _after(text: str, end: int) -> str:
    m = re.match(r"\s+(\w+)", text[end : end + 20])
    return m.group(1).lower() if m else ""


def _tense(doc: Doc, start: int, end: int, future: frozenset[str]) -> str | None:
    """past|future|None for the clause that governs the expression at ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb: Token | None = span.root
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head if verb.head != verb else None
    if verb is None:
        return None
    return _verb_tense(verb, future)


def _verb_tense(verb: Token, future: frozenset[str]) -> str | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & future or "to" in aux and _future_head(verb, future):
        return "future"
    if verb.tag_ == "VBD" or {"had", "has", "have", "did", "was", "were"} & aux:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ not in ("xcomp", "ccomp", "amod", "acl"):
        return "past"
    if "to" in aux:  # an infinitive: the tense of the verb it depends on
        return _verb_tense(verb.head, future) if verb.head != verb else None
    return None


def _future_head(verb: Token, future: frozenset[str]) -> bool:
    head = verb.head
    return head != verb and (head.lemma_.lower() in future or head.lower_ in future)


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
