from eventcoder.article import Actor, Article, Event, Participant, Quote
from eventcoder.schema import problems


def _article() -> Article:
    a = Article(id="x1", text="Moscow said Friday it rejects talks.", published="2024-09-20")
    a.actors.append(Actor(id="a1", name="Russia", code="RUS", mentions=[a.span(0, 6)]))
    a.events.append(
        Event(
            id="e1",
            cameo="125",
            root="12",
            trigger=a.span(22, 29),
            sentence=a.span(0, 36),
            source=Participant("a1", "RUS", 0, 6, "Moscow"),
            goldstein=-5.0,
            quad=3,
            date="2024-09-20",
        )
    )
    a.quotes.append(
        Quote(
            id="q1",
            start=19,
            end=35,
            text="it rejects talks",
            direct=False,
            speaker=Participant("a1", "RUS", 0, 6, "Moscow", "Russia"),
            cue=a.span(7, 11),
        )
    )
    return a


def test_a_good_record_has_no_problems():
    assert problems(_article().to_dict()) == []


def test_round_trip_through_from_dict():
    d = _article().to_dict()
    assert Article.from_dict(d).to_dict() == d


def test_span_off_its_text_is_reported():
    d = _article().to_dict()
    d["events"][0]["trigger"]["text"] = "rejected"
    assert problems(d) == ["events/e1/trigger: text 'rejected' is not text[22:29]"]


def test_schema_errors_name_the_field():
    d = _article().to_dict()
    d["events"][0]["modality"] = "maybe"
    del d["published"]
    out = problems(d)
    assert (
        "events/0/modality: 'maybe' is not one of ['asserted', 'negated', 'future', 'hypothetical', 'reported', "
        "'historical']" in out
    )
    assert "<root>: 'published' is a required property" in out
