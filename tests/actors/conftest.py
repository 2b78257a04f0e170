"""Fixtures of the actors tests: the stage's resources, and coding one text."""

from __future__ import annotations

import pytest

from eventcoder import actors
from eventcoder.article import Article
from eventcoder.nlp import Context
from eventcoder.settings import Settings


@pytest.fixture(scope="session")
def bundled():
    """Resources with the bundled dictionaries (compiled once, then from the disk cache)."""
    return actors.load(Settings())


@pytest.fixture(scope="session")
def petr(shared):
    """Resources with PETRARCH-2's validation dictionaries (Arnor = ARN, Gondor = GON...)."""
    v = shared / "validation" / "petrarch2"
    settings = Settings(
        actors=[str(v / "PETR.Validate.actors.txt")],
        agents=[str(v / "PETR.Validate.agents.txt")],
        discards=[str(v / "PETR.Validate.discards.txt")],
    )
    return actors.load(settings)


@pytest.fixture(scope="session")
def code_text(nlp):
    """code_text(text, resources, published) -> the Context after the actors stage."""

    def run(text: str, res, published: str | None = "2024-09-20") -> Context:
        article = Article(id="t", text=text, published=published)
        ctx = Context(article, nlp(text), Settings())
        actors.apply(ctx, res)
        return ctx

    return run
