"""End to end on the article eventcoder was started from (AFP via The Moscow Times, read from ../shared).

Each assertion is something a user of event data expects from this story; the issues that
asked for them are noted beside each group.
"""

from __future__ import annotations

import pytest

from eventcoder.ingest import read_inputs
from eventcoder.pipeline import code_batch
from eventcoder.schema import problems
from eventcoder.settings import Settings


@pytest.fixture(scope="module")
def seed(shared):
    [article] = list(read_inputs([str(shared / "seed" / "moscow-times-2024-09-20.txt")]))
    code_batch([article], Settings.load())
    return article


def _actor_of(article, words):
    """The actor one of whose mentions reads ``words``."""
    found = {a.id: a for a in article.actors for m in a.mentions if m.text == words}
    assert len(found) == 1, f"{words!r} is a mention of {sorted(found)}"
    return next(iter(found.values()))


def test_metadata_and_body(seed):  # issue 2
    assert seed.title == "Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly"
    assert seed.published == "2024-09-20"
    assert seed.byline == "AFP"
    assert seed.outlet == "The Moscow Times"
    assert seed.url == (
        "https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-meeting-between-lavrov-blinken-at-un-assembly-a86423"
    )
    for metadata in ("Martial Trezzini", "EPA / TASS", "Related article", "Shadow Fleet", "Original url", "https://"):
        assert metadata not in seed.text
    assert seed.text.startswith("Russian Foreign Minister Sergei Lavrov will not meet")


def test_output_contract(seed):  # issue 2
    assert problems(seed.to_dict()) == []
    assert len(seed.events) >= 2 and len(seed.quotes) >= 2


def test_actors(seed):  # issue 3
    assert _actor_of(seed, "Lavrov").code == "RUSGOV"
    blinken = _actor_of(seed, "Blinken")
    assert blinken.code == "USAGOV"
    ryabkov = _actor_of(seed, "Ryabkov")
    assert ryabkov.code == "RUSGOV"
    assert _actor_of(seed, "Rybakov") is ryabkov
    assert "Rybakov" in ryabkov.variants
    assert not [a for a in seed.actors if "Rybakov" in a.name]
    assert _actor_of(seed, "Moscow").code.startswith("RUS")
    assert _actor_of(seed, "Washington").code.startswith("USA")
    assert _actor_of(seed, "Ukraine").code == "UKR"
    assert _actor_of(seed, "Russian state media").code in ("RUSMED", "RUSGOVMED")
    assert _actor_of(seed, "United Nations General Assembly").code == "IGOUNO"
    him = seed.text.index("him [Blinken]")
    assert [a for a in seed.actors for m in a.mentions if m.start == him] == [blinken]


def _code(part):
    return part.code if part else "---"


def test_events(seed):  # issue 4
    rejects = [e for e in seed.events if e.cameo == "125"]
    assert [(_code(e.source)[:3], _code(e.target)[:3], e.plover, e.date) for e in rejects] == [
        ("RUS", "USA", "REJECT", "2024-09-20")
    ]
    assert rejects[0].location["text"] == "New York" and rejects[0].location["country"] == "USA"
    invasion = [e for e in seed.events if e.root in ("17", "18", "19") and _code(e.source)[:3] == "RUS"]
    assert invasion and all(_code(e.target)[:3] == "UKR" and e.modality == "historical" for e in invasion)
    strike = seed.text.index("strike targets")
    asserted_attacks = [
        e for e in seed.events if e.root in ("18", "19", "20") and e.modality == "asserted" and e.sentence.end > strike
    ]
    assert [e for e in asserted_attacks if e.sentence.start <= strike < e.sentence.end] == []
    for e in seed.events:
        assert e.goldstein is not None and e.quad is not None and e.trigger.text and e.rule


def test_quotes(seed):  # issue 5
    wanted = [
        "Of course not. What is there to talk about with him [Blinken]?",
        "colossal program of meetings",
        "do not concern Ukraine",
        "Of course, the maniacal focus of our opponents",
    ]
    ryabkov = _actor_of(seed, "Ryabkov")
    for words in wanted:
        [quote] = [q for q in seed.quotes if q.text.startswith(words)]
        assert quote.speaker is not None and quote.speaker.actor == ryabkov.id, words
        assert quote.cue is not None and quote.cue.text
    first = next(q for q in seed.quotes if q.text.startswith(wanted[0]))
    assert first.direct is True
    assert first.via == "Russian state media"
    last = next(q for q in seed.quotes if q.text.startswith(wanted[3]))
    assert last.speaker.text == "Rybakov"


def test_times_and_places(seed):  # issue 5
    times = {t.text: t.value for t in seed.times}
    assert times["Friday"] == "2024-09-20"
    assert times["Sunday"] == "2024-09-22"
    assert times["this weekend"] == "2024-09-21/2024-09-22"
    places = {p.text: p for p in seed.places}
    assert places["New York"].country == "USA"
    assert {"Gaza", "Lebanon", "Sudan"} <= set(places)
