import pytest

from eventcoder.cues import read_cues
from eventcoder.events.modality import modality

CUES = read_cues()


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
    m = modality(token, CUES)
    assert (m.value, m.negated) == (value, negated)


def test_a_time_well_before_publication_is_historical(nlp):
    doc = nlp("Russia attacked Ukraine.")
    assert modality(doc[1], CUES, historical_time=True).value == "historical"
    assert modality(doc[1], CUES).cue is None


@pytest.mark.parametrize(
    ("text", "verb", "value", "cue"),
    [
        # attempts: the act was tried, not necessarily done
        ("Gondor tried to attack Arnor.", "attack", "hypothetical", "tried"),
        ("A judge dismissed a lawsuit attempting to prevent the count.", "prevent", "hypothetical", "attempting"),
        ("The charge stemmed from allegations Trump tried to pressure Ukraine.", "pressure", "hypothetical", "tried"),
        # beliefs and allegations: someone's claim, like the complement of "said"
        ("Officials believe the prince ordered the killing.", "ordered", "reported", "believe"),
        # denying the allegation of an act denies the act: coded negated (cameo-conventions.md: denials)
        ("Gondor denied the allegation that it attacked Arnor.", "attacked", "negated", "denied"),
        ("North Korea denied that it had attacked South Korea.", "attacked", "negated", "denied"),
        # ... a clause with no subject of its own is no allegation's content
        ("The report published by Gondor criticised Arnor.", "criticised", "asserted", None),
        # ... and a belief after the verb does not make it a report ("..., X said")
        ("He told the BBC that police suspect the attackers.", "told", "asserted", None),
        # an indirect question
        ("He wondered how the US can train people.", "train", "hypothetical", "wondered"),
        # a vote decides an act ahead
        ("The council voted to disband its police force.", "disband", "future", "voted"),
    ],
)
def test_attempts_beliefs_questions(nlp, text, verb, value, cue):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    m = modality(token, CUES)
    assert (m.value, doc[m.cue].text if m.cue is not None else None) == (value, cue)
