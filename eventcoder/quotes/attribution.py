"""Attributions on the dependency parse: reporting cues, their speakers and their content.

A cue is a reporting verb of the lexicons (``said``, ``told``, ``denied``...), the phrase
``according to``, or a colon after a name (``Lewandowski: ...``). Its speaker is the verb's
subject; a participle or coordinated verb (``..., adding``) takes the subject of the verb it
hangs on; a relative ``who`` stands for its antecedent; ``X quoted Y as saying`` has the
speaker Y, quoted via X; a passive takes its ``by`` agent. Its content is the clause it
governs (``said that ...``): that clause is indirect speech unless quotation marks make it
direct.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .lexicon import Cue as LexCue
from .lexicon import Lexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents that belong to a speaker's name ("Deputy Foreign Minister Sergei Ryabkov",
# "Russian state media", "the minister").
NAME_DEPS = ("compound", "flat", "amod", "det", "nmod", "poss", "case")
RELATIVE = {"who", "that", "which", "whom"}
# Words that open an adverbial clause, which tells when or why something was said, not what.
ADVERBIAL = {"when", "while", "because", "after", "before", "as", "since", "although", "though", "if", "until", "once"}
QUOTE_VERBS = {"quote", "cite"}  # X quoted Y as saying: the speaker is Y, the medium X


@dataclass
class Attribution:
    """A cue with its speaker and content as found on the parse (token indices, char spans)."""

    cue_start: int  # character span of the cue
    cue_end: int
    lemma: str  # the lexicon key that matched ("say", "according to", ":")
    lex: LexCue
    speaker: Token | None = None  # head token of the speaker mention
    via: Token | None = None  # head token of the medium ("Russian state media")
    content: list[tuple[int, int]] = field(default_factory=list)  # governed clauses (chars)
    verb: Token | None = None  # the cue's head token (None for a colon)
    sentence: SpacySpan | None = None


def find(doc: Doc, sent: SpacySpan, lex: Lexicon, quoted: list[tuple[int, int]]) -> list[Attribution]:
    """The attributions of one sentence; tokens inside quoted passages are content, not cues."""
    out: list[Attribution] = []
    for tok in sent:
        if _inside(tok, quoted):
            continue
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            att = _according(doc, tok, lex, sent)
            if att:
                out.append(att)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
            continue
        lemma = tok.lemma_.lower()
        cue = lex.lookup(lemma, low)
        if cue is None or (tok.pos_ == "AUX" and lemma != "say"):
            continue
        if lemma in QUOTE_VERBS and _as_saying(tok) is not None:
            continue  # "quoted Y as saying": the cue is "saying", handled there
        att = Attribution(tok.idx, tok.idx + len(tok), lemma, cue, verb=tok, sentence=sent)
        att.speaker, att.via = speaker_of(tok)
        if att.speaker is not None and att.speaker.lemma_.lower() in lex.messages:
            att.speaker = _issuer(att.speaker) or att.speaker
        if att.speaker is not None and _inside(att.speaker, quoted):
            att.speaker = _inverted_subject(tok, quoted)  # '"... #Cologne," tweeted a user': misparsed
        att.content = _content(tok, sent, lex) if cue.kind != "adjacent" else []
        out.append(att)
    return out


def _issuer(message: Token) -> Token | None:
    """Who issued a message: the subject of the verb the message is the object of."""
    if message.dep_ in ("dobj", "pobj") and message.head.pos_ in ("VERB", "AUX", "ADP"):
        verb = message.head if message.head.pos_ != "ADP" else message.head.head
        subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i != message.i:
            return subj
    return None


def _inverted_subject(verb: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """The noun after the verb in '"...," said X' when the parser took a word of the quote as subject."""
    for c in verb.rights:
        if (
            c.dep_ in ("dobj", "nsubj", "attr", "npadvmod", "oprd")
            and c.pos_ in ("NOUN", "PROPN")
            and not _inside(c, quoted)
        ):
            return c
    return None


class SpanIndex(list):
    """Character spans ``(start, end)`` (a list, as before) that also answer "which holds offset i"
    in log time: ``_inside`` asks it for every token, and a scan per token made attribution
    quadratic in the number of quotes (a 200k-character article took minutes)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        super().__init__(spans)
        ordered = sorted(self)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def holds(self, i: int) -> bool:
        """Is character offset ``i`` inside one of the spans?"""
        k = bisect.bisect_right(self.starts, i) - 1
        return k >= 0 and self.reach[k] > i


def _inside(tok: Token, spans: list[tuple[int, int]]) -> bool:
    if isinstance(spans, SpanIndex):
        return spans.holds(tok.idx)
    return any(s <= tok.idx < e for s, e in spans)


def _as_saying(verb: Token) -> Token | None:
    for c in verb.children:
        if c.lower_ == "as":
            for g in c.children:
                if g.pos_ == "VERB":
                    return g
        if c.dep_ in ("advcl", "xcomp", "oprd") and c.pos_ == "VERB" and any(g.lower_ == "as" for g in c.children):
            return c
    return None


def speaker_of(verb: Token) -> tuple[Token | None, Token | None]:
    """(speaker head, via head) of a reporting verb."""
    # X quoted Y as saying / Y was quoted by X as saying
    head: Token | None = verb.head
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "as":
        head = verb.head.head
    elif verb.dep_ in ("advcl", "xcomp", "oprd") and any(c.lower_ == "as" for c in verb.children):
        pass
    else:
        head = None
    if head is not None and head.lemma_.lower() in QUOTE_VERBS:
        obj = _child(head, ("dobj",))
        subj = _child(head, ("nsubj",))
        if obj is not None:
            return _resolve_relative(obj), _resolve_relative(subj) if subj is not None else None
        passive = _child(head, ("nsubjpass",))
        agent = _child(head, ("agent",))
        by = _child(agent, ("pobj",)) if agent is not None else None
        if passive is not None:
            return _resolve_relative(passive), by
    subj = _subject(verb)
    return (_resolve_relative(subj) if subj is not None else None), None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb (inherited through participles and coordination), ``who`` resolved."""
    subj = _subject(verb)
    return _resolve_relative(subj) if subj is not None else None


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subj = _child(verb, SUBJECTS)
    if subj is not None:
        if subj.dep_ == "nsubjpass":
            agent = _child(verb, ("agent",))
            by = _child(agent, ("pobj",)) if agent is not None else None
            return by  # "was told by X" -> X; "was quoted" alone has no speaker here
        return subj
    agent = _child(verb, ("agent",))
    if agent is not None:
        return _child(agent, ("pobj",))
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head, depth + 1)  # "quashed rumors by tweeting that": who quashed
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "acl", "ccomp") and verb.head.i != verb.i:
        if verb.dep_ == "ccomp" and verb.tag_ != "VBG":
            return None  # a clause with no subject of its own is no speech act
        if verb.dep_ == "acl":  # "a statement saying", "officials speaking on condition..."
            return verb.head if verb.head.pos_ in ("NOUN", "PROPN", "PRON") else None
        return _subject(verb.head, depth + 1)
    return None


def _resolve_relative(tok: Token) -> Token:
    """``who`` in ``X, who said ...`` stands for X."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _child(tok: Token | None, deps: tuple[str, ...]) -> Token | None:
    if tok is None:
        return None
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _content(verb: Token, sent: SpacySpan, lex: Lexicon) -> list[tuple[int, int]]:
    """The clauses a reporting verb governs, as character spans."""
    out = []
    for c in verb.children:
        if _is_participle_cue(c, lex):
            continue  # "said, adding ...": another speech act of the same speaker
        if c.dep_ == "ccomp" or (c.dep_ == "parataxis" and c.i > verb.i and _has_verb(c)):
            if c.left_edge.lower_ in ADVERBIAL and verb.lemma_.lower() != "ask":
                continue  # "saying when asked ...": a circumstance, not what was said
            out.append(_span(c))
    if not out and verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and _child(verb, SUBJECTS) is not None:
        # "The economy is strong, he said": the clause the verb interrupts or follows
        head = verb.head
        lo = head.left_edge.i
        hi = verb.left_edge.i
        if hi > lo:
            out.append(_trim(sent.doc, lo, hi))
    return [s for s in out if s[1] > s[0]]


def _is_participle_cue(tok: Token, lex: Lexicon) -> bool:
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("ccomp", "advcl", "xcomp", "conj")
        and _child(tok, SUBJECTS) is None
        and lex.lookup(tok.lemma_.lower(), tok.lower_) is not None
    )


def _has_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _span(tok: Token) -> tuple[int, int]:
    return _trim(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Character span of tokens lo..hi-1 without edge punctuation."""
    while lo < hi and doc[lo].is_punct and doc[lo].text not in ("\u201c", '"', "\u2018"):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ("\u201d", '"', "\u2019", "?", "!"):
        hi -= 1
    if hi <= lo:
        return (0, 0)
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def _according(doc: Doc, tok: Token, lex: Lexicon, sent: SpacySpan) -> Attribution | None:
    to = doc[tok.i + 1]
    pobj = _child(to, ("pobj",)) or _child(tok, ("pobj",))
    if pobj is None:
        return None
    cue = lex.cues.get("according to")
    if cue is None:
        return None
    att = Attribution(tok.idx, to.idx + len(to), "according to", cue, speaker=pobj, verb=tok, sentence=sent)
    # the content: the clause "according to X" modifies, without the phrase itself
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    phrase_lo, phrase_hi = tok.left_edge.i, max(tok.right_edge.i, pobj.right_edge.i) + 1
    parts = [(lo, phrase_lo), (phrase_hi, hi)]
    lo2, hi2 = max(parts, key=lambda p: p[1] - p[0])
    if hi2 - lo2 >= 2:
        att.content = [_trim(doc, lo2, hi2)]
    return att


def mention_tokens(head: Token) -> tuple[int, int]:
    """Token range [lo, hi) of the name around a speaker head ("Deputy Foreign Minister Sergei Ryabkov")."""
    lo = hi = head.i
    for c in head.lefts:
        if c.dep_ in NAME_DEPS and c.i < head.i:
            lo = min(lo, c.left_edge.i if c.dep_ in ("compound", "amod", "nmod") else c.i)
    for c in head.rights:
        if c.dep_ in ("flat", "compound") and c.i == hi + 1:
            hi = c.i
    # a name runs up to the head without punctuation: '"...hunky-dory," Gene Sperling' is
    # "Gene Sperling" even when the parser hangs a word of the quote on the name
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):
        if doc[i].is_punct and doc[i].text not in ".-&'":
            lo = i + 1
            break
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ == "case"):
        lo += 1
    return lo, hi + 1
