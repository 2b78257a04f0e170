"""A compiled phrase matcher over actor, agent and discard dictionaries (a token trie).

Patterns are re-tokenised with the same tokenizer as the documents (``al-Qaeda`` is three
spaCy tokens), and both sides are compared on a normalised form (upper case, accents and
curly quotes folded), so matching one document costs one dictionary walk per token and
nothing per dictionary entry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

END = "\0"  # trie key holding the payload of a complete pattern
GAP = "\1"  # trie key (and pattern word) where other words may come between two words
MAX_GAP = 4  # at most this many tokens between the words of a loose phrase

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u00b4": "'"})


def norm(text: str) -> str:
    """The matching form of a token: upper case, no accents, straight quotes and dashes."""
    t = text.translate(_FOLD)
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return t.upper()


def pattern_text(pattern: Sequence[str]) -> str:
    """How a dictionary phrase is written in running text, for the tokenizer.

    Title case keeps spaCy's abbreviation rules working (``St.`` and ``Mr.`` stay one token,
    ``ST.`` would not); acronyms with several dots (``U.S.``) keep their case.
    """
    out = []
    for w in pattern:
        if w.count(".") >= 2:
            out.append(w)
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary phrase found at tokens ``start:end``; ``ref`` is the payload stored with it."""

    start: int
    end: int
    ref: int


class Trie:
    """Token trie: ``add(tokens, ref)`` then ``longest(tokens, i)`` / ``find_all(tokens)``."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0

    def add(self, tokens: Sequence[str], ref: int) -> None:
        """Store ``ref`` for the phrase; a later phrase with the same tokens replaces it."""
        node = self.root
        for t in tokens:
            node = node.setdefault(t, {})
        if END not in node:
            self.size += 1
        node[END] = ref

    def longest(
        self, tokens: Sequence[str], i: int, gap: Callable[[int, int], bool] | None = None
    ) -> tuple[int, int] | None:
        """(end, ref) of the longest phrase starting at token ``i``, or None.

        Where a phrase lets words intervene (a ``GAP`` key), ``gap(j, k)`` says whether
        tokens ``j:k`` may be skipped; without ``gap`` the words must be consecutive.
        """
        return self._walk(self.root, tokens, i, gap)

    def _walk(
        self, node: dict, tokens: Sequence[str], j: int, gap: Callable[[int, int], bool] | None
    ) -> tuple[int, int] | None:
        best = None
        n = len(tokens)
        while True:
            loose = node.get(GAP)
            if loose is not None:
                # Try every allowed number of skipped tokens (0: the words are adjacent).
                for k in range(j, min(n - 1, j + MAX_GAP) + 1):
                    if k > j and (gap is None or not gap(j, k)):
                        continue
                    hit = self._walk(loose, tokens, k, gap)
                    if hit and (best is None or hit[0] > best[0]):
                        best = hit
            if j >= n:
                break
            child = node.get(tokens[j])
            if child is None:
                break
            node = child
            j += 1
            ref = node.get(END)
            if ref is not None and (best is None or j > best[0]):
                best = (j, ref)
        return best

    def find_all(self, tokens: Sequence[str]) -> list[Match]:
        """Longest matches, left to right, not overlapping."""
        out = []
        i = 0
        n = len(tokens)
        root = self.root
        while i < n:
            if tokens[i] in root:
                hit = self.longest(tokens, i)
                if hit:
                    out.append(Match(i, hit[0], hit[1]))
                    i = hit[0]
                    continue
            i += 1
        return out


def build_trie(
    items: Iterable[tuple[Sequence[str], int]], tokenize: Callable[[list[str]], list[list[str]]], batch: int = 4096
) -> Trie:
    """A trie of ``(pattern words, ref)`` items, patterns re-tokenised by ``tokenize``.

    ``tokenize`` takes a list of texts and returns their token texts (e.g. through spaCy's
    ``tokenizer.pipe``); items are tokenised in batches. A ``GAP`` word in a pattern (words
    may intervene there) is kept as a ``GAP`` key between the tokens of its neighbours.
    """
    trie = Trie()
    pending: list[tuple[Sequence[str], int]] = []

    def flush() -> None:
        chunks = [_chunks(p) for p, _ in pending]
        texts = [pattern_text(c) for cs in chunks for c in cs]
        tokenised = iter(tokenize(texts))
        for (_, ref), cs in zip(pending, chunks, strict=True):
            key: list[str] = []
            for n, _chunk in enumerate(cs):
                toks = [norm(t) for t in next(tokenised)]
                if n and key and toks:
                    key.append(GAP)
                key.extend(toks)
            if key:
                trie.add(key, ref)
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return trie


def _chunks(pattern: Sequence[str]) -> list[list[str]]:
    """The runs of consecutive words of a pattern, split at its ``GAP`` words."""
    out: list[list[str]] = [[]]
    for w in pattern:
        if w == GAP:
            out.append([])
        else:
            out[-1].append(w)
    return [c for c in out if c]


def with_gaps(pattern: Sequence[str], gaps: Iterable[int]) -> tuple[str, ...]:
    """The pattern with a ``GAP`` word after each word position in ``gaps``."""
    at = set(gaps)
    out: list[str] = []
    for i, w in enumerate(pattern):
        out.append(w)
        if i in at and i < len(pattern) - 1:
            out.append(GAP)
    return tuple(out)
