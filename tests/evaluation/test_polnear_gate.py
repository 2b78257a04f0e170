"""A quality gate: quote scores on the first PolNeAR texts of ../shared (read there, never copied).

Floors sit a little below the measured values (25 texts: direct content F1 0.885, speaker right
0.874; all attributions content-and-speaker F1 0.540), so that a drop fails.
"""

from __future__ import annotations

from eventcoder.evaluation.quotes import evaluate


def test_polnear_floors(shared, nlp):
    report = evaluate(shared / "corpora" / "polnear-train", limit=25)
    assert report.documents == 25 and report.rejected == []
    assert report.direct.content.f1 >= 0.83
    assert report.direct.speaker_accuracy >= 0.84
    assert report.all.content_speaker.f1 >= 0.49
