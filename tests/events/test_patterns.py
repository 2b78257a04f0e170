"""Reading patterns around a verb: ties, gaps, synonym sets, actors, PETRARCH-2 phrases."""

import pytest

from .conftest import triples

PETRARCH1 = """\
&CURRENCY
+DOLLARS
+SWISS FRANCS
&NEGATIVE
+DID N'T
+WO N'T

--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY UNJUSTLY * [123]
- HEAVILY * [122]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [903]

--- CLASH [223] ---
CLASH
- &NEGATIVE * OVER EFFORTS [904]
- UNEXPECTEDLY_&NEGATIVE * [906]

--- BARGAIN [031] ---
BARGAIN
- * FOR_ASYLUM [174]

--- CELEBRATE [181] ---
CELEBRATE
- * IFTAR AT ^ ^ + [044]
"""

PETRARCH2 = """\
--- ABANDON [1121] ---
ABANDON
- * EFFORT [080]
- * {NEW ECONOMIC RELATIONS} [1951]

--- BARGAIN [031] ---
BARGAIN
- * (FOR ASYLUM) [1032]
- * ASYLUM [1033]

--- ALLOW [080] ---
ALLOW
- RECENTLY * [025]
"""

ACTORS = {"Arnor": "ARN", "Gondor": "GON", "Eriador": "ERI", "Osgiliath": "OSG", "Gollum": "HOB"}


def _codes(article):
    return sorted({e.cameo for e in article.events})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor was heavily and unjustly criticized by Gondor.", ["123"]),
        ("Arnor was heavily criticized by Gondor.", ["122"]),
        ("Arnor was criticized by Gondor.", ["121"]),
        ("Arnor will contribute a million swiss francs to Gondor.", ["903"]),
        ("Arnor will contribute a million swiss gold francs to Gondor.", ["070"]),
        ("Arnor didn't clash over the efforts of Gondor.", ["904"]),
        ("Arnor unexpectedly won't clash with Gondor.", ["906"]),
        ("Gollum will bargain for asylum in Gondor.", ["174"]),
        ("Gollum will bargain for political asylum in Gondor.", ["031"]),
    ],
)
def test_petrarch1_reading(code, verbs_file, text, expected):
    assert _codes(code(text, ACTORS, verbs_file(PETRARCH1))) == expected


def test_skipped_actors_and_noun_phrases(code, verbs_file):
    art = code("Arnor has celebrated Iftar at Osgiliath with Eriador and Gondor.", ACTORS, verbs_file(PETRARCH1))
    assert triples(art) == [("ARN", "GON", "044")]
    art = code("Arnor has celebrated Iftar at Osgiliath with the elders of Gondor.", ACTORS, verbs_file(PETRARCH1))
    assert triples(art) == [("ARN", "GON", "044")]  # ^ skips the uncoded noun phrase "the elders"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gollum abandoned efforts to stop a parade in Gondor.", ["080"]),  # EFFORT matches its plural
        ("Gollum abandoned new global economic relations with Gondor.", ["1951"]),
        ("Gollum abandoned new economic trade relations with Gondor.", ["1121"]),  # head tied to its modifier
        ("Gollum will bargain for asylum in Gondor.", ["1032"]),
        ("Gollum will bargain for foreign asylum in Gondor.", ["1033"]),  # only determiners inside (FOR ...)
        ("Gollum recently allowed that Gondor is a pleasant place.", ["080"]),  # not an adverb before the verb
    ],
)
def test_petrarch2_reading(code, verbs_file, text, expected):
    assert _codes(code(text, ACTORS, verbs_file(PETRARCH2))) == expected
