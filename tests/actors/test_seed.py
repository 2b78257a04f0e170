"""The seed article (../shared/seed): the actors the issue requires."""

from __future__ import annotations

import pytest

CAPTION = (
    "U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov. Martial Trezzini / EPA / TASS"
)


def seed_body(shared) -> str:
    """The body as the ingest layer gives it: paragraphs between the caption and the URL line."""
    raw = (shared / "seed" / "moscow-times-2024-09-20.txt").read_text(encoding="utf-8")
    body = raw[raw.index(CAPTION) + len(CAPTION) : raw.index("Original url:")]
    paras = [p.strip() for p in body.split("\n") if p.strip() and not p.startswith("Related article:")]
    return "\n\n".join(paras)


@pytest.fixture(scope="module")
def seed(shared, code_text, bundled):
    return code_text(seed_body(shared), bundled, "2024-09-20")


def actor_of(ctx, context, nth=0, word=None):
    """The actor with a mention covering ``word`` (default: all of ``context``) in the
    ``nth`` occurrence of ``context``."""
    start = -1
    for _ in range(nth + 1):
        start = ctx.article.text.index(context, start + 1)
    word = word or context
    start += context.index(word)
    for a in ctx.article.actors:
        for m in a.mentions:
            if m.start <= start and start + len(word) <= m.end:
                return a
    raise AssertionError(f"{word!r} in {context!r} is in no actor mention")


@pytest.mark.parametrize(
    "context,nth,name,code",
    [
        ("Lavrov", 0, "Sergey Lavrov", "RUSGOV"),
        ("Lavrov", 1, "Sergey Lavrov", "RUSGOV"),
        ("Antony Blinken", 0, "Antony Blinken", "USAGOV"),
        ("Ryabkov", 0, "Sergei Ryabkov", "RUSGOV"),
        ("Ryabkov", 1, "Sergei Ryabkov", "RUSGOV"),
        ("Rybakov", 0, "Sergei Ryabkov", "RUSGOV"),
        ("Moscow said", 0, "Russian Federation", "RUS"),
        ("Washington is", 0, "United States of America", "USA"),
        ("Ukraine", 0, "Ukraine", "UKR"),
        ("Russian state media", 0, "Russian state media", "RUSGOVMED"),
        ("United Nations General Assembly", 0, "UN General Assembly", "IGOUNO"),
        ("him [Blinken]", 0, "Antony Blinken", "USAGOV"),
        ("[Blinken]", 0, "Antony Blinken", "USAGOV"),
    ],
)
def test_seed_actor(seed, context, nth, name, code):
    word = context.split()[0].strip("[]")
    a = actor_of(seed, context, nth, word)
    assert (a.name, a.code) == (name, code)


def test_no_actor_named_rybakov_and_the_variant_is_kept(seed):
    assert all("Rybakov" not in a.name for a in seed.article.actors)
    ryabkov = actor_of(seed, "Ryabkov")
    assert ryabkov.variants == ["Rybakov"]
    assert ryabkov.role == "Deputy Foreign Minister"
    assert ryabkov.kind == "person"


def test_spans_and_tokens(seed):
    text = seed.article.text
    ids = {a.id for a in seed.article.actors}
    assert [a.id for a in seed.article.actors] == [f"a{i}" for i in range(1, len(ids) + 1)]
    for a in seed.article.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    lavrov = actor_of(seed, "Lavrov")
    first = lavrov.mentions[0]
    assert first.text == "Russian Foreign Minister Sergei Lavrov"
    toks = [t.i for t in seed.doc if first.start <= t.idx < first.end]
    assert {seed.token_actor[i] for i in toks} == {lavrov.id}


def test_country_and_sector(seed):
    lavrov = actor_of(seed, "Lavrov")
    assert (lavrov.country, lavrov.sector, lavrov.key) == ("RUS", "GOV", "SERGEY_LAVROV")
    assert lavrov.rule == "Phoenix.Countries.actors.txt:39797 (code leaders.csv:34)"


def test_new_york_is_where_the_assembly_meets(seed):
    # "the United Nations General Assembly in New York": a place, not the United States.
    text = seed.article.text
    places = [i for i in range(len(text)) if text.startswith("New York", i)]
    assert len(places) == 3
    spans = [(m.start, m.end) for a in seed.article.actors for m in a.mentions]
    assert [i for i in places if any(s < i + 8 and i < e for s, e in spans)] == []
    usa = actor_of(seed, "Washington is", 0, "Washington")
    assert [m.text for m in usa.mentions] == ["the United States", "Washington", "Washington"]


def test_blinken_is_coded_from_his_title_without_the_leaders_supplement(shared, code_text):
    """Blinken is in no 2015 dictionary: without leaders.csv, "his U.S. counterpart" codes him."""
    from eventcoder import actors
    from eventcoder.actors.resources import ADDITIONS
    from eventcoder.dictionaries import BUNDLED_ACTORS
    from eventcoder.settings import Settings

    res = actors.load(Settings(actors=[*BUNDLED_ACTORS, str(ADDITIONS)]))
    ctx = code_text(seed_body(shared), res, "2024-09-20")
    blinken = actor_of(ctx, "Antony Blinken")
    assert blinken.code == "USAGOV"
    assert "leaders.csv" not in (blinken.rule or "")
