"""Fused events over HTTP: ``/api/events?unique=true`` and ``/api/events/{id}`` with its reports."""

from __future__ import annotations

import dataclasses

from coded_articles import moscow_times
from test_app import assert_error


def test_unique_events_count_the_reports_of_one_act(store, client):
    copy = dataclasses.replace(moscow_times(), id="copy", url="https://wire.example/copy", outlet="Wire")
    store.write_batch([copy])
    page = client.get("/api/events", params={"unique": "true", "source": "RUS", "cameo": "125"}).json()
    [item] = [i for i in page["items"] if i["source"] == "RUS"]
    assert (item["mentions"], item["articles"], item["stories"], item["sources"]) == (2, 2, 1, 2)
    assert (item["base"], item["target"], item["modality"]) == ("125", "USAGOV", "happened")

    fused = client.get(f"/api/events/{item['id']}").json()
    assert [(r["article_id"], r["event_id"], r["outlet"]) for r in fused["reports"]] == [
        ("copy", "e1", "Wire"), ("mt-2024-09-20", "e1", "The Moscow Times"),
    ]  # fmt: skip
    text = moscow_times().text
    for report in fused["reports"]:
        for span in (report["trigger"], report["sentence"]):
            assert text[span["start"] : span["end"]] == span["text"]
    assert fused["reports"][0]["copy_of"] == "copy" or fused["reports"][1]["copy_of"] == "copy"


def test_plain_and_unique_listings_differ_by_the_copies(store, client):
    store.write_batch([dataclasses.replace(moscow_times(), id="copy", outlet="Wire")])
    plain = client.get("/api/events").json()["total"]
    unique = client.get("/api/events", params={"unique": "true"}).json()["total"]
    assert plain - unique == len(moscow_times().events)


def test_an_unknown_fused_event_is_a_404(client):
    assert_error(client.get("/api/events/u0000"), 404, "no fused event with id 'u0000'")
