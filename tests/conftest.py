"""Shared fixtures: the spaCy model (loaded once) and ../shared (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that need it skip when the project is cloned alone."""
    if not (SHARED / "README.md").exists():
        pytest.skip("../shared is absent (a clone of the project alone): this test reads data from it")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from eventcoder import nlp as nlp_mod
    from eventcoder.settings import Settings

    return nlp_mod.load(Settings().model)


@pytest.fixture
def seed_article(shared):
    """The seed article as ingest reads it (body, published 2024-09-20)."""
    from eventcoder.ingest.inputs import read_file

    return next(read_file(str(shared / "seed" / "moscow-times-2024-09-20.txt")))
