"""PETRARCH's comma-clause elimination (options ``comma_*``).

A comma-delimited clause of ``comma_min``..``comma_max`` words inside the sentence (initial:
``comma_bmin``..``comma_bmax``, from the start to the first comma; terminal:
``comma_emin``..``comma_emax``, from the last comma to the end) is skipped when coding: its
actors are not sources or targets and its verbs are not coded. A maximum of 0 turns that kind
off. As in PETRARCH-2, a clause that is part of a noun phrase (``complete, full diplomatic
ties``, ``Mordor, Rohan, Fornost and Bree``) is kept.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from ..settings import Settings

_NP_LINKS = ("conj", "amod", "compound", "appos", "nmod", "nummod", "cc", "poss")


def ignored_tokens(sent: SpacySpan, settings: Settings) -> set[int]:
    """Doc indices of the tokens of the comma clauses to skip."""
    commas = [t.i for t in sent if t.text == ","]
    if not commas:
        return set()
    end = sent.end
    while end > sent.start and sent.doc[end - 1].is_punct:
        end -= 1
    segments: list[tuple[int, int, int, int]] = []  # (start, stop, min, max)
    segments.append((sent.start, commas[0], settings.comma_bmin, settings.comma_bmax))
    for a, b in zip(commas, commas[1:], strict=False):
        segments.append((a + 1, b, settings.comma_min, settings.comma_max))
    segments.append((commas[-1] + 1, end, settings.comma_emin, settings.comma_emax))
    out: set[int] = set()
    for start, stop, low, high in segments:
        if high <= 0 or stop <= start:
            continue
        toks = [sent.doc[i] for i in range(start, stop)]
        n = sum(1 for t in toks if not t.is_punct)
        if not (low <= n <= high) or _in_noun_phrase(toks):
            continue
        out.update(range(start, stop))
    return out


def _in_noun_phrase(toks: list) -> bool:
    """Does the segment attach inside a noun phrase (a list item, an adjective, an apposition)?"""
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside and t.head.i != t.i:
            if t.dep_ in _NP_LINKS and t.head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "NUM"):
                return True
    return False


def attribution_tokens(sent: SpacySpan) -> set[int]:
    """Doc indices of "according to ..." phrases: they name who reports the event ("were
    injured, according to the Connecticut Department of ..."), not who takes part in it."""
    out: set[int] = set()
    for t in sent:
        if t.lower_ == "according" and t.dep_ == "prep" and any(c.lower_ == "to" for c in t.children):
            out.update(c.i for c in t.subtree)
    return out
