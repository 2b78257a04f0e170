import pytest

from eventcoder.article import Article, TimeExpr
from eventcoder.events.dates import event_date, historical_time


def verb_of(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "verb", "modality", "expected"),
    [
        # published Friday 2024-09-20; no times stage: weekdays and dates are read here
        ("Russia attacked Ukraine on Monday.", "attacked", "asserted", "2024-09-16"),
        ("Russia attacked Ukraine on September 12, 2024.", "attacked", "asserted", "2024-09-12"),
        ("Russia attacked Ukraine.", "attacked", "asserted", "2024-09-20"),
        # a refusal is dated when it was said, not when the meeting would have been
        ("Lavrov will not meet Blinken this weekend, Moscow said Wednesday.", "meet", "negated", "2024-09-18"),
        ("Lavrov will meet Blinken on Sunday, Moscow said Wednesday.", "meet", "future", "2024-09-18"),
    ],
)
def test_event_date(nlp, text, verb, modality, expected):
    article = Article(id="t", text=text, published="2024-09-20")
    doc = nlp(text)
    assert event_date(article, verb_of(doc, verb), modality) == expected


def test_times_of_the_times_stage_come_first(nlp):
    text = "Tensions grew in the two and a half years since Moscow launched its invasion."
    article = Article(id="t", text=text, published="2024-09-20")
    start = text.index("two")
    article.times = [
        TimeExpr(start, start + len("two and a half years since"), "two and a half years since", "2022-03", "month")
    ]
    doc = nlp(text)
    launched = verb_of(doc, "launched")
    assert event_date(article, launched, "historical") == "2022-03"
    assert historical_time(article, launched) is True


def test_no_publication_date(nlp):
    article = Article(id="t", text="Russia attacked Ukraine on Monday.")
    doc = nlp(article.text)
    assert event_date(article, doc[1], "asserted") is None
