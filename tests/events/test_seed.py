"""The seed article (../shared/seed): what issue 4 asks of its events."""

from __future__ import annotations

import pytest

from eventcoder.ingest import read_inputs
from eventcoder.pipeline import code_batch
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def seed(shared):
    [article] = list(read_inputs([str(shared / "seed" / "moscow-times-2024-09-20.txt")]))
    code_batch([article], Settings.load())
    return article


def coded(article):
    """The events coded from the verb dictionary (not the statements of the quotes stage)."""
    return [e for e in article.events if not e.rule.startswith("quote")]


def test_russia_rejects_meeting_the_united_states(seed):
    [e] = [e for e in coded(seed) if e.trigger.text == "meet"]
    assert (e.cameo, e.plover, e.date) == ("125", "REJECT", "2024-09-20")
    assert e.source.code.startswith("RUS") and e.target.code.startswith("USA")
    assert (e.negated, e.modality) == (True, "negated")
    assert e.source.text == "Russian Foreign Minister Sergei Lavrov"
    assert e.target.text == "U.S. counterpart Antony Blinken"
    assert e.rule.startswith("CAMEO.2.0.txt:") and "MEET" in e.rule


def test_the_invasion_is_background(seed):
    [e] = [e for e in coded(seed) if "invasion" in e.trigger.text]
    assert e.source.code.startswith("RUS") and e.target.code.startswith("UKR")
    assert "17" <= e.cameo[:2] <= "19"
    assert e.modality == "historical"
    assert e.date is not None and e.date < "2024"  # approximate: two and a half years before


def test_washington_mulling_is_no_asserted_attack(seed):
    sentence = seed.text.index("Washington is currently mulling")
    for e in coded(seed):
        if e.sentence.start <= sentence < e.sentence.end and e.root in ("18", "19", "20"):
            assert e.modality != "asserted", e


def test_every_event_is_complete(seed):
    assert seed.events
    for e in seed.events:
        assert e.goldstein is not None and e.quad is not None, e
        assert e.rule and seed.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.modality in ("asserted", "negated", "future", "hypothetical", "reported", "historical")
        for p in (e.source, e.target):
            if p is not None:
                assert seed.text[p.start : p.end] == p.text
