"""The fusion evaluation set (tests/quality/fusion): copy detection and event fusion above their floors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from eventcoder.evaluation.fusion import FusionScore, load_acts, score
from eventcoder.run import code_inputs
from eventcoder.settings import Settings
from eventcoder.store import Store

HERE = Path(__file__).parent
FLOORS = tomllib.loads((HERE / "floors.toml").read_text(encoding="utf-8"))["fusion"]
SET = HERE / FLOORS["set"]
_scores: list[FusionScore] = []


def _score(tmp_path_factory: pytest.TempPathFactory) -> FusionScore:
    if not _scores:
        db = tmp_path_factory.mktemp("fusion") / "fusion.db"
        with Store(db) as store:
            summary = code_inputs([str(SET / "articles.jsonl")], Settings.load(), store=store)
            assert summary.rejected == 0
            _scores.append(score(store, SET))
    return _scores[0]


@pytest.mark.slow
@pytest.mark.parametrize("floor", [k for k in FLOORS if k != "set"])
def test_fusion_score_is_above_its_floor(tmp_path_factory, floor: str) -> None:
    part, metric = floor.split("_")
    result = _score(tmp_path_factory)
    value = getattr(getattr(result, part), metric)
    detail = result.missed_copies if part == "copies" else result.missed_fusions + result.false_fusions
    assert value >= FLOORS[floor], f"fusion set {part} {metric} {value:.4f} < {FLOORS[floor]} ({detail[:10]})"


@pytest.mark.slow
def test_look_alike_articles_are_not_merged(tmp_path_factory) -> None:
    assert _score(tmp_path_factory).merged_different == []


def test_the_hand_listed_acts_cover_twenty_stories() -> None:
    acts = load_acts(SET / "events.toml")
    assert len({a.story for a in acts}) >= 20


def test_the_set_is_what_its_script_writes(tmp_path, shared, monkeypatch) -> None:
    """Running make_variants.py again (same seed) writes the committed files byte for byte."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_variants", SET / "make_variants.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in ("articles.jsonl", "stories.json"):
        assert (tmp_path / name).read_bytes() == (SET / name).read_bytes(), name
