"""The BRAT standoff reader (PolNeAR layout), on files built by hand."""

from __future__ import annotations

import pytest

from eventcoder.errors import InputError
from eventcoder.evaluation.brat import Attribution, read_ann, read_corpus

TEXT = '"We will win," Smith said. Jones said that the plan failed.\n'
ANN = (
    'T1\tContent 0 14\t"We will win,"\n'
    "T2\tSource 15 20\tSmith\n"
    "T3\tCue 21 25\tsaid\n"
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "#1\tAnnotatorNotes T1\ta note\n"
    "T5\tSource 27 32\tJones\n"
    "T6\tCue 33 37\tsaid\n"
    "T7\tContent 38 48;53 59\tthat the p\nfailed\n"
    "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n"
)


def test_read_ann(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(ANN, encoding="utf-8")
    assert read_ann(path, TEXT) == [
        Attribution("E1", ((15, 20),), ((21, 25),), ((0, 14),)),
        Attribution("E2", ((27, 32),), ((33, 37),), ((38, 48), (53, 59))),
    ]


@pytest.mark.parametrize(
    ("ann", "line", "reason"),
    [
        ("T1\tContent 0 x\tabc\n", 1, "malformed T line: expected 'T<n><TAB>Type START END[;START END]<TAB>text'"),
        ("T1\tContent 0 500\tabc\n", 1, "span 0-500 lies outside the text (60 characters)"),
        ('T1\tContent 0 4\t"We \nE1\tAttribution:T1 Source:T9\n', 2, "E1 names T9, which no T line defines"),
        ('T1\tContent 0 4\t"We \nE1\tAttribution:T1 Source\n', 2, "malformed argument 'Source': expected Role:T<n>"),
    ],
)
def test_bad_lines(tmp_path, ann, line, reason):
    path = tmp_path / "a.ann"
    path.write_text(ann, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_ann(path, TEXT)
    assert str(err.value) == f"{path}:{line}: {reason}"


def test_read_corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "text" / "a.txt").write_text("No attribution here.\r\n", encoding="utf-8")
    (tmp_path / "text" / "c.txt").write_text("Orphan.\n", encoding="utf-8")
    (tmp_path / "attributions" / "a_1f2e.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "b_4b22.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "b_d473.ann").write_text("", encoding="utf-8")  # a second annotator: not read
    docs, rejected = read_corpus(tmp_path)
    assert [(d.name, len(d.attributions)) for d in docs] == [("a", 0), ("b", 2)]
    assert docs[0].text == "No attribution here.\r\n"  # offsets count every character
    assert rejected == [f"{tmp_path / 'text' / 'c.txt'}: no annotation file in {tmp_path / 'attributions'}"]


def test_not_a_corpus(tmp_path):
    with pytest.raises(InputError) as err:
        read_corpus(tmp_path)
    assert str(err.value) == f"{tmp_path}: not a BRAT attribution corpus: text/ is missing"
