"""The quality gate: the validation suites' scores must not drop below the pinned floors.

Each suite of floors.toml is coded once (a few hundred sentences, seconds) with its own
dictionaries; every floor is a separate test so that a failure names the score that dropped.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

FLOORS = tomllib.loads((Path(__file__).parent / "floors.toml").read_text(encoding="utf-8"))
METRICS = ("accuracy", "f1")
SUITES = {name: spec for name, spec in FLOORS.items() if name not in ("realnews", "fusion")}
_scores: dict[str, dict] = {}


def _summary(shared: Path, name: str) -> dict:
    if name not in _scores:
        from eventcoder.evaluation.validate import run

        spec = FLOORS[name]
        _scores[name] = run(shared / spec["suite"], str(shared / spec["dicts"])).summary()
    return _scores[name]


@pytest.mark.parametrize(("suite", "metric"), [(s, m) for s in SUITES for m in METRICS if m in SUITES[s]])
def test_score_is_above_its_floor(shared: Path, suite: str, metric: str) -> None:
    summary = _summary(shared, suite)
    score = summary["accuracy"] if metric == "accuracy" else summary["events"][metric]
    floor = FLOORS[suite][metric]
    failing = ", ".join(f["id"] for f in summary["failures"])
    assert score >= floor, f"{suite} {metric} {score:.4f} < floor {floor} (failing records: {failing})"


def test_floors_name_existing_suites(shared: Path) -> None:
    for name, spec in SUITES.items():
        assert (shared / spec["suite"]).exists(), name
        assert set(spec) <= {"suite", "dicts", *METRICS}, name


_realnews: dict[str, dict] = {}


def _realnews_summary() -> dict:
    if not _realnews:
        from eventcoder.evaluation.realnews import run

        _realnews.update(run(Path(__file__).parent / FLOORS["realnews"]["gold"]).summary())
    return _realnews


@pytest.mark.slow
@pytest.mark.parametrize("floor", [k for k in FLOORS["realnews"] if k != "gold"])
def test_real_news_score_is_above_its_floor(shared: Path, floor: str) -> None:
    split, metric = floor.split("_")
    summary = _realnews_summary()
    assert summary["rejected"] == []
    score = summary[split]["events"][metric]
    assert score >= FLOORS["realnews"][floor], f"real news {split} {metric} {score:.4f} < {FLOORS['realnews'][floor]}"
