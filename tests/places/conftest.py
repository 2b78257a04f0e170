from __future__ import annotations

import pytest

from eventcoder.ingest.inputs import read_file


@pytest.fixture
def seed_article(shared):
    """The seed article as ingest reads it (body, published 2024-09-20)."""
    return next(read_file(str(shared / "seed" / "moscow-times-2024-09-20.txt")))
