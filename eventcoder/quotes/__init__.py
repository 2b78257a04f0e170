"""Stage: quotes. Who said what: direct and reported speech, its speaker, cue and event.

1. ``marks`` finds the quoted passages from quotation marks alone (several sentences and
   paragraphs, straight, curly, guillemets, single quotes).
2. ``attribution`` finds the reporting cues on the parse with their speakers and the
   clauses they govern.
3. Here each passage is tied to a cue: the cue whose clause holds it (``said that Lavrov had
   a "colossal program"``: a partial quote), the cue right after or before it in the same
   paragraph (``"...," Rybakov said``; ``Trump said: "..."``), a name and a colon, else the
   speaker of the quote just before (a quote that goes on in the next sentence). A clause a
   cue governs with no quotation marks in it is indirect speech (``said that ...``).
4. Each speaker is resolved to an actor through ``ctx.token_actor`` (the actors stage maps
   pronouns and name variants there), so that "he" and "Rybakov" are the actor they stand for;
   without actors the speaker's mention and name are still given.
5. The events stage codes speech acts like any verb, with its dictionary and PETRARCH's
   nesting rules: "X told Y", "X accused Y" are events; a bare "X said ..." is a quote, not an
   event (with ``require_dyad`` off the events stage keeps one-sided statements). A quote whose
   cue the events stage coded is linked both ways with that event.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..article import Event, Participant, Quote
from ..nlp import Context
from ..settings import Settings
from ..tuning import TUNING
from . import attribution, lexicon, marks
from .attribution import Attribution
from .lexicon import Cue, Lexicon

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
MAX_GAP_AFTER = TUNING.max_gap_after  # words between a quote's end and the cue after it (tuning.toml)
MAX_GAP_BEFORE = TUNING.max_gap_before  # words between a cue and the quote after it
COLON = Cue("010", "speech")


@dataclass(frozen=True)
class Resources:
    """What the quotes stage loads once: the cue lexicons."""

    lexicon: Lexicon


def load(settings: Settings) -> Resources:
    """The cue lexicons (reporting verbs and quote patterns)."""
    return Resources(lexicon.load())


@dataclass
class _Found:
    """A quote being assembled: content span, directness and the attribution it came from."""

    start: int
    end: int
    direct: bool
    att: Attribution | None
    speaker: Token | None
    rule: str
    outer_end: int = 0  # end of the passage with its closing mark (direct quotes)


def apply(ctx: Context, res: Resources) -> None:
    """Add the article's quotes and their statement events."""
    text, doc = ctx.article.text, ctx.doc
    passages = marks.find(text)
    quoted = attribution.SpanIndex((p.open, p.outer_end) for p in passages)
    paras = [m.span() for m in marks.PARAGRAPH.finditer(text)]
    para_starts = [s for s, _ in paras]

    def para(i: int) -> int:
        return bisect.bisect_right(para_starts, i) - 1

    atts: list[Attribution] = []
    for sent in doc.sents:
        atts.extend(attribution.find(doc, sent, res.lexicon, quoted))
    atts.extend(_colons(ctx, paras))
    atts = [a for a in atts if not _negated(a, quoted)]
    atts.sort(key=lambda a: a.cue_start)
    for a in atts:  # what a cue governs stays in its paragraph (the parser may run a sentence on)
        ps, pe = paras[para(a.cue_start)] if paras else (0, len(text))
        a.content = [(max(s, ps), min(e, pe)) for s, e in a.content if s < pe and e > ps]
        if a.speaker is None:
            a.speaker = _speaker_between(doc, a, passages, para)

    found: list[_Found] = []
    used: set[int] = set()  # attributions whose content is covered by passages
    previous: _Found | None = None
    cue_starts = [a.cue_start for a in atts]

    def near(p: marks.Passage) -> list[Attribution]:
        # Only cues from the paragraph two before the passage to its last one can tie to it (content
        # is clipped to its cue's paragraph): looking at every cue for every passage was quadratic.
        lo_par, hi_par = para(p.open) - 2, para(p.end) + 1
        lo = paras[lo_par][0] if lo_par >= 0 else 0
        hi = paras[hi_par][0] if 0 <= hi_par < len(paras) else len(text)
        return atts[bisect.bisect_left(cue_starts, lo) : bisect.bisect_left(cue_starts, hi)]

    for p in passages:
        att, rule = _attribute(p, near(p), doc, text, para, quoted)
        if att is None and previous is not None and previous.att is not None and _continues(p, previous, text, para):
            att, rule = previous.att, "previous quote"
            speaker = previous.speaker
        else:
            speaker = att.speaker if att else None
        if att is None or speaker is None:
            continue  # scare quotes, titles, and quotes whose speaker the text does not give
        f = _Found(p.start, _content_end(text, p), True, att, speaker, rule, p.outer_end)
        used.add(id(att))
        found.append(f)
        previous = f
    for att in atts:
        if id(att) in used or att.speaker is None:
            continue
        for start, end in att.content:
            if any(s < end and start < e for s, e in quoted):
                continue
            found.append(_Found(start, end, False, att, att.speaker, "indirect"))
    found.sort(key=lambda f: f.start)
    _emit(ctx, found)


def _attribute(
    p: marks.Passage, atts: list[Attribution], doc: Doc, text: str, para: Any, quoted: list[tuple[int, int]]
) -> tuple[Attribution | None, str]:
    """The attribution a passage belongs to, and the rule that tied them.

    ``text`` is the article text (``doc.text`` is rebuilt from every token on each access).
    """
    outer = (p.open, p.outer_end)
    # 1. the clause a cue governs holds the passage (direct, or partial inside reported speech)
    holders = []
    for a in atts:
        for s, e in a.content:
            overlap = min(e, p.end) - max(s, p.start)
            if overlap > 0 and overlap >= TUNING.holder_overlap * min(e - s, p.end - p.start):
                holders.append((e - s, a))
    if holders:
        # the closest cue that names a speaker ("called it a 'paperwork error' that was reported")
        return min(holders, key=lambda h: (h[1].speaker is None, h[0]))[1], "governed"
    # 2. a cue right after the passage in the same paragraph ("...," Rybakov said)
    after = [a for a in atts if a.cue_start >= outer[1] and para(a.cue_start) == para(p.end)]
    if after:
        a = after[0]
        gap = text[outer[1] : a.cue_start]
        if _short(gap, MAX_GAP_AFTER) and not _inside_any(a.speaker, p) and not _other_content(a, p, quoted):
            return a, "cue after"
    # 3. a cue right before it (Trump said: "..."), or ending the paragraph before with a colon
    before = [a for a in atts if a.cue_end <= outer[0] and para(p.open) - para(a.cue_end) <= 1]
    if before:
        a = before[-1]
        gap = text[a.cue_end : outer[0]]
        same = para(a.cue_end) == para(p.open)
        if gap.strip() == ":" or same and _short(gap, MAX_GAP_BEFORE) and not _other_content(a, p, quoted):
            return a, "cue before"
        # the sentence just before is an attribution that says nothing itself ("Smith told reporters.")
        if same and not a.content and a.sentence is not None and not text[a.sentence.end_char : outer[0]].strip():
            return a, "sentence before"
    # 4. a clause that ends in a colon right before it (Clinton has since apologized: "...")
    if text[: p.open].rstrip().endswith(":"):
        att = _colon_clause(doc, text[: p.open].rstrip(), p)
        if att is not None:
            return att, "colon"
    return None, ""


def _speaker_between(doc: Doc, att: Attribution, passages: list[marks.Passage], para: Any) -> Token | None:
    """The speaker named between a quote and its cue when the parser gave the cue no subject.

    In '"...," Gene Sperling, a top adviser, said' the parser may hang the name inside the
    quote's clause; the noun phrase between the closing mark and the cue is the speaker.
    """
    before = [p for p in passages if p.outer_end <= att.cue_start and para(p.outer_end) == para(att.cue_start)]
    if not before:
        return None
    gap = doc.char_span(before[-1].outer_end, att.cue_start, alignment_mode="contract")
    if gap is None or not len(gap) or len(gap) > MAX_GAP_AFTER:
        return None
    nouns = [
        t
        for t in gap
        if t.pos_ in ("PROPN", "NOUN", "PRON")
        and not (t.head.i >= gap.start and t.head.i < gap.end and t.head.pos_ in ("PROPN", "NOUN"))
    ]
    return nouns[0] if nouns else None


def _colon_clause(doc: Doc, before: str, p: marks.Passage) -> Attribution | None:
    """The verb of the clause a colon ends, with its subject, as the cue of the quote after it."""
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    tok = doc[colon.start - 1]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    speaker = attribution.subject_of(tok)
    if speaker is None or speaker.idx >= p.open:
        return None
    return Attribution(
        tok.idx, tok.idx + len(tok), tok.lemma_.lower(), COLON, speaker=speaker, verb=tok, sentence=tok.sent
    )


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _short(gap: str, words: int) -> bool:
    """Text between a quote and its cue: a few words, no sentence end, no other quote."""
    if _SENTENCE_END.search(gap.strip()[:-1] if gap.strip().endswith(":") else gap) or any(
        ch in marks.QUOTE_CHARS and ch not in "'\u2019" for ch in gap
    ):
        return False
    return len(gap.split()) <= words


def _inside_any(tok: Token | None, p: marks.Passage) -> bool:
    return tok is not None and p.open <= tok.idx < p.outer_end


def _other_content(a: Attribution, p: marks.Passage, quoted: list[tuple[int, int]]) -> bool:
    """The cue governs another clause (its own indirect speech), not this passage.

    A clause inside another quoted passage does not count: in '"A," he wrote, "B."' the parser
    hangs B on the cue, and A is the same speech.
    """
    for s, e in a.content:
        if e - s <= 0 or (s <= p.outer_end and p.open <= e):
            continue
        if not any(qs <= s + 1 and e - 1 <= qe for qs, qe in quoted):
            return True
    return False


def _continues(p: marks.Passage, prev: _Found, text: str, para: Any) -> bool:
    """A passage that opens a sentence right after the speaker's quote goes on with the same speaker.

    Between the two there may be the previous quote's own attribution (``"...," said X, a
    spokeswoman. "..."``) but nothing else of substance: other words may bring another speaker.
    """
    if para(p.open) - para(prev.outer_end) > 1:
        return False
    between = text[prev.outer_end : p.open]
    att = prev.att
    if att is not None and prev.outer_end <= att.cue_start < p.open:
        # skip the attribution's sentence (spaCy's sentences know "Rep." is no sentence end)
        end = att.sentence.end_char if att.sentence is not None else att.cue_end
        between = text[end : p.open] if end < p.open else ""
    if len(between.split()) > 3:
        return False
    content = text[p.start : p.end]
    return content[:1].isupper() and len(content.split()) >= 2


def _content_end(text: str, p: marks.Passage) -> int:
    """The content end without trailing punctuation that belongs to the sentence around it."""
    end = p.end
    while end > p.start and text[end - 1] in ",;:":
        end -= 1
    if end > p.start and text[end - 1] == "." and not text[p.start].isupper():
        end -= 1  # a partial quote: the period ends the host sentence, not the quote
    return end


def _negated(a: Attribution, quoted: list[tuple[int, int]]) -> bool:
    """'did not say': a negated cue reports nothing ('"Absolutely not," he said' is no negation)."""
    return a.verb is not None and any(
        c.dep_ == "neg" and not any(s <= c.idx < e for s, e in quoted) for c in a.verb.children
    )


def _colons(ctx: Context, paras: list[tuple[int, int]]) -> list[Attribution]:
    """``Name: what they said`` at the start of a paragraph or sentence."""
    doc, out = ctx.doc, []
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or ent.end >= len(doc) or doc[ent.end].text != ":":
            continue
        first = ent.start == ent.sent.start or doc[ent.start - 1].is_space or "\n" in doc[ent.start - 1].whitespace_
        if not first:
            continue
        colon = doc[ent.end]
        end = next((pe for ps, pe in paras if ps <= colon.idx < pe), len(ctx.article.text))
        start = colon.idx + 1
        while start < end and ctx.article.text[start].isspace():
            start += 1
        if end - start < 3:
            continue
        att = Attribution(colon.idx, colon.idx + 1, ":", COLON, speaker=ent.root, verb=None, sentence=ent.sent)
        att.content = [(start, end)]
        out.append(att)
    return out


def _emit(ctx: Context, found: list[_Found]) -> None:
    article = ctx.article
    events_by_att: dict[int, Event] = {}
    triggers = _Triggers(article.events)
    for n, f in enumerate(found, 1):
        qid = f"q{n}"
        speaker = _speaker(ctx, f.speaker) if f.speaker is not None else None
        cue = article.span(f.att.cue_start, f.att.cue_end) if f.att else None
        via = _name_text(ctx, f.att.via) if f.att and f.att.via is not None else None
        quote = Quote(qid, f.start, f.end, article.text[f.start : f.end], f.direct, speaker, cue, via)
        article.quotes.append(quote)
        if f.att is None or speaker is None or f.att.lex.kind not in lexicon.STATEMENT_KINDS:
            continue
        event = events_by_att.get(id(f.att)) or triggers.overlapping(f.att)
        if event is None:
            continue  # a bare "X said ...": a quote, not an event
        events_by_att[id(f.att)] = event
        if event.quote is None:
            event.quote = qid
        quote.event = event.id


class _Triggers:
    """The events of an article by trigger offset: scanning every event for every quote was
    quadratic in article length. Built once per article (quotes add no events)."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        ordered = sorted((e.trigger.start, k) for k, e in enumerate(events))
        self.starts = [s for s, _ in ordered]
        self.order = [k for _, k in ordered]
        self.longest = max((e.trigger.end - e.trigger.start for e in events), default=0)

    def overlapping(self, att: Attribution) -> Event | None:
        """The first event (in article order) whose trigger overlaps the cue."""
        lo = bisect.bisect_left(self.starts, att.cue_start - self.longest)
        hi = bisect.bisect_left(self.starts, att.cue_end)
        hits = [self.order[j] for j in range(lo, hi) if att.cue_start < self.events[self.order[j]].trigger.end]
        return self.events[min(hits)] if hits else None


def _sentence(att: Attribution, text: str) -> tuple[int, int]:
    """The cue's sentence, within its paragraph (the parser may run a sentence on past one)."""
    if att.sentence is None:
        return att.cue_start, att.cue_end
    start, end = att.sentence.start_char, att.sentence.end_char
    before = text.rfind("\n", start, att.cue_start)
    after = text.find("\n", att.cue_end, end)
    return (before + 1 if before >= 0 else start), (after if after >= 0 else end)


def _speaker(ctx: Context, head: Token) -> Participant:
    doc, article = ctx.doc, ctx.article
    lo, hi = attribution.mention_tokens(head)
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    actor_id = ctx.token_actor.get(head.i) or next(
        (ctx.token_actor[i] for i in range(lo, hi) if i in ctx.token_actor), None
    )
    actor = article.actor(actor_id)
    if actor is not None:
        name: str | None = actor.name
    elif not _names_someone(ctx, head):
        # A pronoun or common noun that resolves to no actor ("he", "reports", "officials")
        # names nobody: the mention is kept as where the text says who spoke, with no name.
        name = None
    else:
        name = _name_text(ctx, head)
    return Participant(actor_id, actor.code if actor else None, start, end, article.text[start:end], name)


def _names_someone(ctx: Context, head: Token) -> bool:
    """Does the speaker mention name someone: an actor, or a name (entity or proper noun)?"""
    lo, hi = attribution.mention_tokens(head)
    if any(i in ctx.token_actor for i in range(lo, hi)) or head.i in ctx.token_actor:
        return True
    return head.ent_type_ in NAME_LABELS or head.pos_ == "PROPN"


def _name_text(ctx: Context, head: Token) -> str:
    """The name a mention gives: its actor's, its named entity's, else the noun phrase."""
    actor = ctx.article.actor(ctx.token_actor.get(head.i))
    if actor is not None:
        return actor.name
    for ent in ctx.doc.ents:
        if ent.start <= head.i < ent.end and ent.label_ in NAME_LABELS:
            return ent.text
    lo, hi = attribution.mention_tokens(head)
    return ctx.doc[lo:hi].text
