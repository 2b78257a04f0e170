"""The document model: an Article owns its text; every annotation is an offset span into it.

Offsets are end-exclusive Python string indices into ``Article.text`` (the body), so for
every span ``article.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A character range of the article body with its text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        """The span ``body[start:end]``."""
        return cls(start, end, body[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Actor:
    """One participant of an article (person, group, state...), with all its mentions."""

    id: str  # article-local id: "a1", "a2", ...
    name: str  # canonical name ("Sergei Ryabkov", "Russia")
    code: str | None  # CAMEO code as of the article date ("RUSGOV"), None if uncoded
    country: str | None = None  # ISO alpha-3 / CAMEO country part ("RUS")
    sector: str | None = None  # CAMEO role/sector part ("GOV", "MED")
    role: str | None = None  # human readable role ("government", "media", "Deputy Foreign Minister")
    key: str | None = None  # canonical cross-article key (same person -> same key)
    kind: str | None = None  # person | country | organisation | place | group
    mentions: list[Span] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # spellings seen that are not the canonical name
    rule: str | None = None  # how the actor was coded (dictionary entry, title, metonymy...)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        d = asdict(self)
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d


@dataclass(slots=True)
class Participant:
    """Who takes part in an event (its source or target) or speaks a quote: the actor (if
    resolved), its code, the mention span, and for a speaker the name the text gives."""

    actor: str | None
    code: str | None
    start: int
    end: int
    text: str
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event with its provenance."""

    id: str
    cameo: str
    root: str
    trigger: Span
    sentence: Span
    source: Participant | None = None
    target: Participant | None = None
    plover: str | None = None
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    goldstein: float | None = None
    quad: int | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted|negated|future|hypothetical|reported|historical
    date: str | None = None  # ISO date (YYYY-MM-DD) or approximate (YYYY-MM)
    location: dict[str, Any] | None = None  # a place dict (see Place.to_dict) or None
    rule: str | None = None  # which dictionary / verb block / pattern line fired
    confidence: float = 0.5
    quote: str | None = None  # id of the quote this statement event belongs to

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        d = asdict(self)
        d["trigger"] = self.trigger.to_dict()
        d["sentence"] = {"start": self.sentence.start, "end": self.sentence.end}
        return d


@dataclass(slots=True)
class Quote:
    """Reported speech: the content span, its speaker and cue."""

    id: str
    start: int
    end: int
    text: str
    direct: bool
    speaker: Participant | None = None
    cue: Span | None = None
    via: str | None = None  # the medium that quoted it ("Russian state media")
    event: str | None = None  # id of the linked statement event

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        d = asdict(self)
        d["speaker"] = self.speaker.to_dict() if self.speaker else None
        d["cue"] = self.cue.to_dict() if self.cue else None
        return d


@dataclass(slots=True)
class TimeExpr:
    """A normalised temporal expression: ISO 8601 value (a range is ``A/B``)."""

    start: int
    end: int
    text: str
    value: str
    granularity: str  # day|week|month|year|range|...

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        return asdict(self)


@dataclass(slots=True)
class Place:
    """A geocoded place mention."""

    start: int
    end: int
    text: str
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None = None  # country|city|admin1|...

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (docs/output-format.md)."""
        return asdict(self)


@dataclass
class Article:
    """One news article. ``text`` is the body every offset refers to."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    byline: str | None = None
    options: dict[str, Any] = field(default_factory=dict)  # per-record coding options
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # Where it was read ("file", "file:line", "<stdin>:3"), so a late rejection can name it; not output.
    origin: str | None = field(default=None, compare=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return Span.of(self.text, start, end)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        """The output contract (docs/output-format.md, data/article.schema.json)."""
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "byline": self.byline,
            "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "times": [t.to_dict() for t in self.times],
            "places": [p.to_dict() for p in self.places],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild an article (with its annotations) from its output dict."""

        def span(x: dict | None) -> Span | None:
            """The span ``text[start:end]``."""
            return Span(x["start"], x["end"], x["text"]) if x else None

        def part(x: dict | None) -> Participant | None:
            return Participant(**x) if x else None

        art = cls(
            id=d["id"],
            text=d["text"],
            path=d.get("path"),
            url=d.get("url"),
            title=d.get("title"),
            published=d.get("published"),
            outlet=d.get("outlet"),
            byline=d.get("byline"),
        )
        for a in d.get("actors", []):
            a = dict(a)
            a["mentions"] = [span(m) for m in a.get("mentions", [])]
            art.actors.append(Actor(**a))
        for e in d.get("events", []):
            e = dict(e)
            s = e["sentence"]
            e["sentence"] = Span(s["start"], s["end"], d["text"][s["start"] : s["end"]])
            e["trigger"] = span(e["trigger"])
            e["source"] = part(e.get("source"))
            e["target"] = part(e.get("target"))
            art.events.append(Event(**e))
        for q in d.get("quotes", []):
            q = dict(q)
            q["speaker"] = Participant(**q["speaker"]) if q.get("speaker") else None
            q["cue"] = span(q.get("cue"))
            art.quotes.append(Quote(**q))
        art.times = [TimeExpr(**t) for t in d.get("times", [])]
        art.places = [Place(**p) for p in d.get("places", [])]
        return art
