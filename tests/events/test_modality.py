import pytest

from eventcoder.events.modality import modality


@pytest.mark.parametrize(
    ("text", "verb", "value", "negated"),
    [
        ("Russia attacked Ukraine on Monday.", "attacked", "asserted", False),
        ("Lavrov will not meet Blinken.", "meet", "negated", True),
        ("Lavrov did not meet Blinken.", "meet", "negated", True),
        ("Lavrov will meet Blinken on Sunday.", "meet", "future", False),
        ("Arnor is about to restore ties with Gondor.", "restore", "future", False),
        ("Russia could attack Ukraine.", "attack", "hypothetical", False),
        ("If Russia attacks Ukraine, the West will respond.", "attacks", "hypothetical", False),
        ("Washington is mulling whether to give Ukraine the green light.", "give", "hypothetical", False),
        ("Tensions have grown since Moscow launched its invasion.", "launched", "historical", False),
        ("Russia attacked Ukraine, officials said.", "attacked", "reported", False),
        ("Officials said that Russia attacked Ukraine.", "attacked", "reported", False),
        ("Will Russia attack Ukraine?", "attack", "hypothetical", False),
        ("Russia could not agree with Ukraine.", "agree", "negated", True),
        ("Russia can't agree with Ukraine.", "agree", "negated", True),
        ("Don't hold the workers hostage.", "hold", "hypothetical", True),
        ("Hold the talks in Geneva.", "Hold", "hypothetical", False),
    ],
)
def test_modality(nlp, text, verb, value, negated):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    m = modality(token)
    assert (m.value, m.negated) == (value, negated)


def test_a_time_well_before_publication_is_historical(nlp):
    doc = nlp("Russia attacked Ukraine.")
    assert modality(doc[1], historical_time=True).value == "historical"
    assert modality(doc[1]).cue is None
