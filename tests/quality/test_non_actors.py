"""Pronouns, quantifiers and common nouns are never a source, target or speaker (unless
resolved to a named actor): checked on 150 Wikinews articles coded as `eventcoder code` does."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from eventcoder.article import Article, Participant
from eventcoder.pipeline import code_articles
from eventcoder.settings import Settings

# Words that name nobody: personal and relative pronouns, quantifiers, and the nouns real news
# put where a speaker stands ("reports said", "a statement said").
NON_ACTORS = frozenset(
    """i me you he him she her it we us they them who whom which that this these those one ones some
    many several all both each others another someone somebody anyone anybody everyone nobody
    report reports statement statements tweet tweets criticism source sources study studies
    """.split()
)
_DETERMINERS = ("a ", "an ", "the ")


def _named(article: Article, p: Participant, *, speaker: bool = False) -> str:
    """Who the participant is: its actor's name, else its own name (a speaker's: only that;
    an unresolved "he" keeps its span but names nobody), else its text, lower case."""
    actor = article.actor(p.actor) if p.actor else None
    name = (actor.name if actor else p.name or ("" if speaker else p.text)).lower().strip()
    for d in _DETERMINERS:
        name = name.removeprefix(d)
    return name


@pytest.mark.slow
def test_no_pronoun_or_common_noun_is_an_actor(shared: Path) -> None:
    csv.field_size_limit(sys.maxsize)
    rows: list[dict[str, str]] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(shared / "corpora" / "wikinews" / name, encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    articles = (Article(id=str(i), text=r["text"], published=r["date"][:10]) for i, r in enumerate(rows[:150]))
    bad: list[str] = []
    coded = 0
    for batch in code_articles(articles, Settings()):
        for a in batch:
            assert isinstance(a, Article), a
            coded += 1
            for e in a.events:
                for role, p in (("source", e.source), ("target", e.target)):
                    if p is not None and _named(a, p) in NON_ACTORS:
                        bad.append(f"article {a.id} event {e.id} {role}: {p.text!r}")
            for q in a.quotes:
                if q.speaker is not None and _named(a, q.speaker, speaker=True) in NON_ACTORS:
                    bad.append(f"article {a.id} quote {q.id} speaker: {q.speaker.text!r}")
    assert coded == 150
    assert bad == [], "\n".join(bad)
