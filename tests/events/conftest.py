"""Inputs for the events tests, built by hand: a parsed text, actors named by the test (not by
the actors stage), and small verb dictionaries written in the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.article import Actor, Article
from eventcoder.dictionaries.verbs import read_verbs
from eventcoder.events import Resources, lexicon, ontology
from eventcoder.events.apply import code_article
from eventcoder.nlp import Context
from eventcoder.settings import Settings


def mark_actors(doc, article: Article, actors: dict[str, str]) -> dict[int, str]:
    """Each name of ``actors`` (name -> code) becomes an actor; every occurrence of its words
    in the doc becomes a mention."""
    token_actor: dict[int, str] = {}
    for n, (name, code) in enumerate(actors.items(), 1):
        aid = f"a{n}"
        article.actors.append(Actor(id=aid, name=name, code=code))
        words = name.split()
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i : i + len(words)]] == words:
                for j in range(i, i + len(words)):
                    token_actor[j] = aid
    return token_actor


@pytest.fixture
def verbs_file(tmp_path: Path):
    def write(text: str, name: str = "verbs.txt"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return read_verbs(p)

    return write


@pytest.fixture
def code(nlp):
    """``code(text, actors, verbs, published=..., **options) -> Article`` with its events."""

    def run(text: str, actors: dict[str, str], verbs, published: str = "2024-09-20", times=(), **options) -> Article:
        article = Article(id="t", text=text, published=published)
        article.times = list(times)
        doc = nlp(text)
        token_actor = mark_actors(doc, article, actors)
        ctx = Context(article, doc, Settings().with_options(options), token_actor=token_actor)
        code_article(ctx, Resources(verbs, ontology.load(), lexicon.load()))
        return article

    return run


def triples(article: Article) -> list[tuple]:
    """(source code, target code, CAMEO) of the article's events, sorted."""
    return sorted(
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in article.events
    )
