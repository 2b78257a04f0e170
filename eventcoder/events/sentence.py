"""One sentence as the event coder sees it: its tokens, their dictionary words and the actor
mentions the actors stage found in it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..article import Article

if TYPE_CHECKING:  # the lexicon's readers need SentenceView: import for types only
    from .lexicon import EventLexicon
    from .quoted import QuotedRanges

# Typographic variants folded to the dictionaries' ASCII spelling.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def word_of(token: Token) -> str:
    """The dictionary form of a token: upper case, ASCII quotes (``n't`` -> ``N'T``)."""
    return token.text.translate(_FOLD).upper()


@dataclass
class Mention:
    """Consecutive tokens of one coded actor: ``start``/``end`` are doc token indices (end
    exclusive). ``new`` marks an uncoded noun phrase taken as an actor by the
    ``new_actor_length`` option, whose code is its quoted text.
    """

    start: int
    end: int
    actor: str | None
    code: str | None
    new: bool = False

    def contains(self, i: int) -> bool:
        """Is token ``i`` part of the mention?"""
        return self.start <= i < self.end


@dataclass
class SentenceView:
    """Tokens ``sent.start`` .. ``sent.end`` of the doc with their words and the mentions of
    coded actors (uncoded persons are no actors to PETRARCH: they stay plain words)."""

    sent: SpacySpan
    words: dict[int, str]
    mentions: list[Mention]
    lex: EventLexicon
    quoted: QuotedRanges  # the article's direct quotations
    ignored: set[int] = field(default_factory=set)  # tokens of comma clauses PETRARCH skips
    by_token: dict[int, Mention] = field(default_factory=dict)
    chunks: list[tuple[int, int]] = field(default_factory=list)  # noun phrases (start, end)
    lemmas: dict[int, str] = field(default_factory=dict)  # upper-case lemmas
    pos: dict[int, str] = field(default_factory=dict)
    where: dict[str, list[int]] = field(default_factory=dict)  # word or lemma -> positions
    places: set[int] = field(default_factory=set)  # tokens of places and of actors named by one

    @classmethod
    def build(
        cls,
        sent: SpacySpan,
        token_actor: dict[int, str],
        article: Article,
        lex: EventLexicon,
        quoted: QuotedRanges,
        chunks: list[tuple[int, int]] | None = None,
    ) -> SentenceView:
        """``chunks``: the doc's noun chunks (computed once per doc by the caller)."""
        words = {t.i: word_of(t) for t in sent}
        mentions: list[Mention] = []
        current: Mention | None = None
        for t in sent:
            aid = token_actor.get(t.i)
            if aid is not None and current is not None and current.actor == aid and current.end == t.i:
                current.end = t.i + 1
                continue
            actor = article.actor(aid) if aid is not None else None
            if actor is not None and actor.code:
                current = Mention(t.i, t.i + 1, aid, actor.code)
                mentions.append(current)
            else:
                current = None
        view = cls(sent, words, mentions, lex, quoted)
        if chunks is None:
            chunks = [(c.start, c.end) for c in sent.noun_chunks]
        # The doc's chunks are in order: take this sentence's slice (filtering them all for every
        # sentence made long articles quadratic).
        lo = bisect.bisect_left(chunks, (sent.start, -1))
        hi = bisect.bisect_left(chunks, (sent.end, -1), lo)
        view.chunks = [(a, b) for a, b in chunks[lo:hi] if b <= sent.end]
        for t in sent:
            view.lemmas[t.i] = t.lemma_.upper()
            view.pos[t.i] = t.pos_
        for i, w in words.items():
            view.where.setdefault(w, []).append(i)
            lem = view.lemmas[i]
            if lem != w:
                view.where.setdefault(lem, []).append(i)
        view.index()
        return view

    def index(self) -> None:
        """Rebuild the token -> mention index."""
        self.by_token = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    @property
    def start(self) -> int:
        """The sentence's first token index."""
        return self.sent.start

    @property
    def end(self) -> int:
        """The index after the sentence's last token."""
        return self.sent.end

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token ``i``, or None."""
        return self.by_token.get(i)

    def chunk_at(self, i: int, ending: bool) -> tuple[int, int] | None:
        """The noun phrase ending (``ending``) or starting at token ``i``."""
        for start, end in self.chunks:
            if (end - 1 if ending else start) == i:
                return (start, end)
        return None

    def mentions_in(self, indices: set[int] | range) -> list[Mention]:
        """Mentions with a token among ``indices``, in text order (ignored tokens excluded)."""
        out = []
        for m in self.mentions:
            if any(i in indices and i not in self.ignored for i in range(m.start, m.end)):
                out.append(m)
        return out

    def wordset(self) -> set[str]:
        """The sentence's words and their lemmas (a pattern needs all its words here)."""
        return set(self.where)
