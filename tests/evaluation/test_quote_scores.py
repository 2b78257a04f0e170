"""Quote scoring on hand-built predictions and gold attributions, and the CLI end to end."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventcoder.article import Actor, Article, Participant, Quote, Span
from eventcoder.cli import cli
from eventcoder.cli import evaluate as _evaluate  # noqa: F401  (registers the command)
from eventcoder.evaluation.brat import Attribution
from eventcoder.evaluation.quotes import evaluate, is_direct, predicted_attributions, score_document

#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345
TEXT = '"We will win," Smith said. "And soon." Jones said the plan failed. He agreed.'
GOLD = [
    Attribution("E1", ((15, 20),), ((21, 25),), ((0, 14), (27, 38))),  # direct, two parts
    Attribution("E2", ((39, 44),), ((45, 49),), ((50, 65),)),  # indirect
    Attribution("E3", ((67, 69),), ((70, 76),), ()),  # no content: not scored
]


def _article(quotes: list[Quote], actors: list[Actor] | None = None) -> Article:
    return Article("t", TEXT, quotes=quotes, actors=actors or [])


def _q(qid, start, end, direct, speaker=None, cue=None, actor=None) -> Quote:
    sp = (
        Participant(actor, None, speaker[0], speaker[1], TEXT[speaker[0] : speaker[1]], TEXT[speaker[0] : speaker[1]])
        if speaker
        else None
    )
    cu = Span(cue[0], cue[1], TEXT[cue[0] : cue[1]]) if cue else None
    return Quote(qid, start, end, TEXT[start:end], direct, sp, cu)


def test_direct_is_a_quotation_mark_in_gold_content():
    assert [is_direct(TEXT, g) for g in GOLD] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "direct"),
    [("''Yes,'' he said.", True), ("\u00abOui\u00bb, dit-il.", True), ("He said the voters' mood was grim.", False)],
)
def test_direct_marks(text, direct):
    assert is_direct(text, Attribution("E1", (), (), ((0, len(text)),))) is direct


def test_quotes_sharing_a_cue_are_one_attribution():
    art = _article([_q("q1", 1, 13, True, (15, 20), (21, 25)), _q("q2", 28, 37, True, (15, 20), (21, 25))])
    (p,) = predicted_attributions(art)
    assert (p.content, p.source, p.cue, p.direct) == (((1, 13), (28, 37)), ((15, 20),), ((21, 25),), True)


def test_perfect():
    art = _article(
        [
            _q("q1", 1, 13, True, (15, 20), (21, 25)),
            _q("q2", 28, 37, True, (15, 20), (21, 25)),
            _q("q3", 50, 65, False, (39, 44), (45, 49)),
        ]
    )
    s = score_document(TEXT, predicted_attributions(art), GOLD)
    assert s.content.as_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "predicted": 2, "gold": 2}
    assert (s.content_exact.tp_pred, s.content_speaker.tp_pred, s.speaker_right) == (2, 2, 2)
    assert (s.source_exact.tp_pred, s.cue_exact.tp_pred) == (2, 2)


def test_partial_overlap_wrong_speaker_and_extra():
    art = _article(
        [
            _q("q1", 1, 13, True, (39, 44), (45, 49)),  # E1's first part, given to Jones
            _q("q3", 50, 58, False, (39, 44), (45, 49)),  # "the plan": part of E2
            _q("q4", 70, 76, False, (67, 69), (70, 76)),  # no gold content there
        ]
    )
    s = score_document(TEXT, predicted_attributions(art), GOLD)
    # q1 and q3 share a cue: one attribution, overlapping both E1 (11 characters) and E2 (8);
    # it is matched one-to-one with E1, the larger overlap, where Jones is the wrong speaker
    assert (s.content.tp_pred, s.content.predicted, s.content.gold) == (1, 2, 2)
    assert s.content_exact.tp_pred == 0
    assert s.speaker_right == 0


def test_speaker_right_through_the_actor():
    """'He' is right when his actor has a mention overlapping the gold source."""
    actor = Actor("a1", "Smith", None, mentions=[Span(15, 20, "Smith"), Span(67, 69, "He")])
    art = _article([_q("q1", 1, 13, True, (67, 69), (70, 76), actor="a1")], [actor])
    s = score_document(TEXT, predicted_attributions(art), GOLD)
    assert (s.content.tp_pred, s.speaker_right) == (1, 1)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = '"We will win the vote," Senator Jane Smith said.\n\nThe governor said the plan had failed badly.\n'
    (tmp_path / "text" / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "one.ann").write_text(
        'T1\tContent 0 23\t"We will win the vote,"\n'
        "T2\tSource 24 42\tSenator Jane Smith\n"
        "T3\tCue 43 47\tsaid\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
        "T4\tSource 50 62\tThe governor\n"
        "T5\tCue 63 67\tsaid\n"
        "T6\tContent 68 95\tthe plan had failed badly\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n",
        encoding="utf-8",
    )
    return tmp_path


def test_evaluate_codes_and_scores(corpus):
    report = evaluate(corpus)
    assert report.documents == 1
    assert report.direct.content.as_dict() == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "predicted": 1, "gold": 1}
    assert report.all.content_speaker.as_dict()["f1"] == 1.0
    assert (report.all.content_exact.tp_pred, report.all.source_exact.tp_pred, report.all.cue_exact.tp_pred) == (
        2,
        2,
        2,
    )


def test_cli_json(corpus):
    result = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert (d["documents"], d["direct"]["speaker_accuracy"], d["all"]["content"]["f1"]) == (1, 1.0, 1.0)


def test_cli_table(corpus):
    result = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "documents: 1"
    assert "  content (overlap)       1.000  1.000  1.000      1      1" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--part", "5/5"],
            "eventcoder: --part 5/5: expected K/N with 0 <= K < N (documents whose sorted index is K modulo N)",
        ),
        (
            ["--part", "x"],
            "eventcoder: --part x: expected K/N with 0 <= K < N (documents whose sorted index is K modulo N)",
        ),
    ],
)
def test_cli_usage_errors(corpus, args, message):
    result = CliRunner().invoke(cli, ["eval", "quotes", str(corpus), *args])
    assert (result.exit_code, result.output.strip()) == (2, message)


def test_cli_not_a_corpus(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "quotes", str(tmp_path)])
    assert (result.exit_code, result.output.strip()) == (
        2,
        f"eventcoder: {tmp_path}: not a BRAT attribution corpus: text/ is missing",
    )
