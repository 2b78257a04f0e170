from pathlib import Path

import pytest

from eventcoder.article import Event, Span
from eventcoder.errors import DictionaryError
from eventcoder.events import ontology
from eventcoder.events.ontology import Plover, parents, read_pico, read_plover


def event(code: str) -> Event:
    span = Span(0, 4, "meet")
    return Event(id="e1", cameo=code, root="", trigger=span, sentence=span)


@pytest.mark.parametrize(
    ("code", "root", "plover", "mode", "contexts", "goldstein", "quad"),
    [
        ("125", "12", "REJECT", "meet", ["diplomatic"], -5.0, 3),
        ("036", "03", "AGREE", None, ["diplomatic"], 4.0, 1),
        ("192", "19", "COERCE", "seize", ["military"], -9.5, 4),
        ("010", "01", None, None, [], 0.0, 0),  # statements have no PLOVER type
        ("023", "02", "REQUEST", "assist", [], 3.4, 0),  # from the supplement
        ("0834", "08", "CONCEDE", None, ["political-institutions"], 5.0, 2),
        ("1246", "12", "REJECT", "yield", ["military"], -5.0, 3),
    ],
)
def test_fill(code, root, plover, mode, contexts, goldstein, quad):
    e = event(code)
    ontology.load().fill(e)
    assert (e.root, e.plover, e.mode, e.contexts, e.goldstein, e.quad) == (
        root,
        plover,
        mode,
        contexts,
        goldstein,
        quad,
    )


def test_missing_codes_take_the_nearest_coded_parent():
    onto = ontology.load()
    assert parents("1246") == ["1246", "124", "120", "12"]
    assert parents("036") == ["036", "030", "03"]
    assert onto.goldstein_of("174K") == onto.goldstein_of("174")
    assert onto.plover_of("174K") == Plover("COERCE", "deport", ("legal",))
    assert onto.label("125") == "Reject proposal to meet, discuss, negotiate"
    e = event("901")  # a validation-suite code that is no CAMEO code
    ontology.load().fill(e)
    assert (e.root, e.plover, e.goldstein, e.quad) == ("90", None, None, None)


@pytest.mark.parametrize(
    ("code", "future", "negated"),
    [
        ("110", False, "050"),  # not disapprove -> diplomatic cooperation (PICO - 0xFFFF)
        ("170", False, "057"),
        ("010", False, "011"),
        ("015", False, "016"),
        ("036", False, "125"),  # not intend to meet -> reject meeting
        ("031", False, "121"),
        ("040", True, "125"),  # "will not meet": intent to meet, refused
        ("040", False, None),  # "did not meet": no negated code
        ("190", False, None),
        ("125", False, None),  # a rejection has no negation
        ("---", False, None),
    ],
)
def test_negate(code, future, negated):
    assert ontology.load().negate(code, future=future) == negated


def test_readers_report_file_and_line(tmp_path: Path):
    bad = tmp_path / "pico.txt"
    bad.write_text("# header\n010:0x1000\n011:zz\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"pico.txt:3: expected 'CODE:0xVALUE'"):
        read_pico(bad)
    good = tmp_path / "ok.txt"
    good.write_text("120:-0xFFFF#Reject\n125:-0xFFFF+0x0010\n", encoding="utf-8")
    assert read_pico(good) == {"120": -0xFFFF, "125": -0xFFFF + 0x10}
    plover = tmp_path / "plover.txt"
    plover.write_text("03: AGREE\n030: AGREE,  , diplomatic # intent\n031 AGREE\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"plover.txt:3: expected 'CODE: EVENT, mode, contexts'"):
        read_plover(plover)
