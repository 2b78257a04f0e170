"""The quotes stage: quotes, speakers, cues and statement events."""

from __future__ import annotations

import pytest

from eventcoder import places, quotes, timex
from eventcoder.article import Article
from eventcoder.nlp import Context
from eventcoder.pipeline import code_batch
from eventcoder.settings import Settings


def _check_spans(article: Article) -> None:
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.speaker:
            assert article.text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue:
            assert article.text[q.cue.start : q.cue.end] == q.cue.text


def test_seed(seed_article):
    (art,) = code_batch([seed_article], Settings())
    _check_spans(art)
    by_text = {q.text: q for q in art.quotes}
    wanted = [
        "Of course not. What is there to talk about with him [Blinken]?",
        "colossal program of meetings",
        "do not concern Ukraine",
        "Of course, the maniacal focus of our opponents on the topic of support for Ukraine is not going anywhere",
    ]
    got = [by_text[w] for w in wanted]
    actor_ids = {q.speaker.actor for q in got}
    assert len(actor_ids) == 1 and None not in actor_ids
    assert art.actor(actor_ids.pop()).name == "Sergei Ryabkov"
    assert [q.speaker.text for q in got] == ["Deputy Foreign Minister Sergei Ryabkov", "Ryabkov", "Ryabkov", "Rybakov"]
    assert [q.cue.text for q in got] == ["saying", "said", "said", "said"]
    assert [q.direct for q in got] == [True, True, True, True]
    assert (got[0].via, got[1].via) == ("Russian state media", None)
    # "Moscow said Friday": the opening paragraph as reported speech of Russia
    first = art.quotes[0]
    assert (first.direct, first.speaker.text, first.cue.text) == (False, "Moscow", "said")
    assert first.text.startswith("Russian Foreign Minister Sergei Lavrov will not meet")


def test_seed_bare_statements_are_quotes_not_events(seed_article):
    """With require_dyad (the default), "X said ..." is a quote: every event has both sides."""
    (art,) = code_batch([seed_article], Settings())
    assert len(art.quotes) == 7
    assert all(e.source is not None and e.target is not None for e in art.events)
    assert not any(e.cameo == "010" for e in art.events)


def test_seed_statement_events(seed_article):
    """Without require_dyad the events stage keeps one-sided statements; quotes link to them."""
    (art,) = code_batch([seed_article], Settings().with_options({"require_dyad": False}))
    events = {e.id: e for e in art.events}
    assert [int(e.id[1:]) for e in art.events] == list(range(1, len(art.events) + 1))
    linked = [(q.cue.text, events[q.event].cameo, events[q.event].source.code) for q in art.quotes if q.event]
    assert linked == [("insists", "100", "RUS"), ("said", "010", "RUSGOV"), ("said", "010", "RUSGOV")]
    for q in art.quotes:
        if q.event is not None:
            e = events[q.event]
            assert e.trigger.start <= q.cue.start < e.trigger.end
            assert e.source.actor == q.speaker.actor
    for e in art.events:
        if e.quote is not None:
            assert next(q for q in art.quotes if q.id == e.quote).event == e.id
    ryabkov = next(q for q in art.quotes if q.text == "colossal program of meetings")
    # the two partial quotes of one "said" are one statement
    assert next(q for q in art.quotes if q.text == "do not concern Ukraine").event == ryabkov.event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (content, direct, speaker mention, cue, via)
        ("The president said the talks had failed.", [("the talks had failed", False, "The president", "said", None)]),
        (
            '"We will not give up," said Senator Jane Smith.',
            [("We will not give up", True, "Senator Jane Smith", "said", None)],
        ),
        (
            "Senator Jane Smith told reporters that the bill was dead.",
            [("that the bill was dead", False, "Senator Jane Smith", "told", None)],
        ),
        (
            "The economy is growing, according to the central bank.",
            [("The economy is growing", False, "the central bank", "according to", None)],
        ),
        (
            'Reuters quoted Prime Minister Viktor Orban as saying: "Hungary will veto the package."',
            [("Hungary will veto the package.", True, "Prime Minister Viktor Orban", "saying", "Reuters")],
        ),
        ('Angela Merkel: "We will manage this."', [("We will manage this.", True, "Angela Merkel", ":", None)]),
        (
            'Angela Merkel spoke in Berlin on Monday.\n\n"This is a historic day for Europe," she said.',
            [("This is a historic day for Europe", True, "she", "said", None)],
        ),
        (
            '"The first paragraph opens the quote.\n\n"The second one goes on," Senator Jane Smith said.',
            [
                (
                    'The first paragraph opens the quote.\n\n"The second one goes on',
                    True,
                    "Senator Jane Smith",
                    "said",
                    None,
                )
            ],
        ),
        (
            "\u00abWe will not yield\u00bb, President Emmanuel Macron said.",
            [("We will not yield", True, "President Emmanuel Macron", "said", None)],
        ),
        (
            "The minister called the plan 'a dangerous gamble' on Tuesday.",
            [("a dangerous gamble", True, "The minister", "called", None)],
        ),
        (
            '"It is a mistake," said Jane Smith, a senator from Ohio. "We should start over."',
            [
                ("It is a mistake", True, "Jane Smith", "said", None),
                ("We should start over.", True, "Jane Smith", "said", None),
            ],
        ),
        (  # the speaker in the sentence before
            'Senator Jane Smith spoke to reporters on Monday. "We will never surrender."',
            [("We will never surrender.", True, "Senator Jane Smith", "spoke", None)],
        ),
        (  # the speaker in the sentence after
            '"We will win." Jane Smith said that on Monday.',
            [("We will win.", True, "Jane Smith", "said", None)],
        ),
        (  # a negation inside the quote does not negate the cue
            '"Absolutely not," he said of the plan.',
            [("Absolutely not", True, "he", "said", None)],
        ),
        ("Smith did not say that the bill was dead.", []),  # a negated cue reports nothing
        ('Fans waved "Make America Great Again" hats.', []),  # nobody is said to have said it
    ],
)
def test_attributions(text, expected):
    (art,) = code_batch([Article("t", text, published="2024-09-20")], Settings())
    _check_spans(art)
    got = [(q.text, q.direct, q.speaker.text, q.cue.text if q.cue else None, q.via) for q in art.quotes]
    assert got == expected


def test_a_quote_links_to_the_event_of_its_cue():
    """ "X told Y ...": the events stage codes the cue; the quote is linked to that event."""
    text = 'Russian President Vladimir Putin told Ukrainian President Volodymyr Zelensky that "the talks are over."'
    (art,) = code_batch([Article("t", text, published="2024-09-20")], Settings())
    (q,) = art.quotes
    (e,) = [e for e in art.events if e.id == q.event]
    assert (e.source.code, e.target.code, e.quote, e.trigger.text) == ("RUSGOV", "UKRGOV", q.id, "told")


def test_without_actors(nlp):
    """With no actors stage, the speaker's mention and name still come from the parse."""
    text = 'Prime Minister Keir Starmer said: "We will act."\n\nHe added that the plan was ready.'
    settings = Settings()
    article = Article("t", text, published="2024-09-20")
    ctx = Context(article, nlp(text), settings)
    timex.apply(ctx, timex.load(settings))
    places.apply(ctx, places.load(settings))
    quotes.apply(ctx, quotes.load(settings))
    got = [(q.text, q.speaker.actor, q.speaker.name, q.speaker.text, q.event) for q in article.quotes]
    assert got == [
        ("We will act.", None, "Keir Starmer", "Prime Minister Keir Starmer", None),
        ("that the plan was ready", None, None, "He", None),
    ]
    assert article.events == []  # quotes make no events: the events stage codes speech acts
