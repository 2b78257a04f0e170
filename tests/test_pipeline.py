"""The stage table and the per-batch function: order, contract, idempotence."""

from __future__ import annotations

import dataclasses
import json

import pytest

from eventcoder import pipeline
from eventcoder.article import Article
from eventcoder.nlp import Context
from eventcoder.pipeline import INPUTS, STAGES, PipelineError, Stage, check_stages, code_batch
from eventcoder.settings import Settings


def test_every_stage_requires_only_what_earlier_stages_assign():
    available = set(INPUTS)
    for stage in STAGES:
        assert set(stage.requires) | set(stage.extends) <= available, stage.name
        assert not set(stage.assigns) & available, stage.name
        available |= set(stage.assigns)
    # every annotation of an article is assigned by exactly one stage
    annotations = {f"article.{n}" for n in ("actors", "times", "places", "events", "quotes")}
    assert annotations <= available


def test_stage_fields_name_real_fields():
    context = {f.name for f in dataclasses.fields(Context)}
    article = {f"article.{f.name}" for f in dataclasses.fields(Article)}
    for stage in STAGES:
        for name in (*stage.requires, *stage.assigns, *stage.extends):
            assert name in context | article, (stage.name, name)


def _noop(*args: object) -> None:
    return None


def test_a_stage_that_requires_what_comes_later_is_refused():
    events, actors = (
        Stage("events", ("article.actors",), ("article.events",), _noop, _noop),
        Stage("actors", ("doc",), ("article.actors",), _noop, _noop),
    )
    with pytest.raises(PipelineError, match="stage events requires article.actors, which no earlier stage assigns"):
        check_stages([events, actors])
    check_stages([actors, events])
    with pytest.raises(PipelineError, match="no such field 'article.nothing'"):
        check_stages([Stage("x", ("article.nothing",), (), _noop, _noop)])
    with pytest.raises(PipelineError, match="assigns article.actors, already assigned"):
        check_stages([actors, actors])


def test_coding_twice_gives_identical_json(seed_article):
    (once,) = code_batch([seed_article], Settings())
    first = json.dumps(once.to_dict(), sort_keys=True)
    (twice,) = code_batch([once], Settings())
    assert twice is once
    assert json.dumps(twice.to_dict(), sort_keys=True) == first
    assert len(once.events) > 0 and len(once.quotes) > 0


def test_resources_are_cached_by_the_settings_their_load_reads(tmp_path):
    a = pipeline.load_stages(Settings())
    b = pipeline.load_stages(Settings().with_options({"require_dyad": False}))  # read by no load
    assert all(x.resources is y.resources for x, y in zip(a, b, strict=True))
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- ACCUSE   [112] ---\nACCUSE\n", encoding="utf-8")
    c = pipeline.load_stages(Settings.load(verbs=[str(verbs)]))
    changed = [x.stage.name for x, y in zip(a, c, strict=True) if x.resources is not y.resources]
    assert changed == ["events"]
