"""`code --dask`: a LocalCluster of worker processes gives what `--workers 1` gives, and survives faults.

One LocalCluster (2 worker processes) serves the module. Inputs are Wikinews articles from
../shared plus a malformed JSON Lines file and an empty file, so every run also rejects.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventcoder.dataset import query
from eventcoder.dataset.layout import REJECTIONS, Layout
from eventcoder.run import code_inputs
from eventcoder.settings import Settings

distributed = pytest.importorskip("distributed")

from eventcoder.distributed import code_on_cluster, parse_address  # noqa: E402

BATCH = 2
ARTICLES = 12


def _wikinews(shared: Path, n: int, skip: int = 0) -> list[dict[str, str]]:
    csv.field_size_limit(2**31 - 1)
    with open(shared / "corpora" / "wikinews" / "wikinews_2019.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))[skip : skip + n]


def _write_inputs(folder: Path, rows: list[dict[str, str]], extra: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True)
    with open(folder / "news.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["url", "date", "title", "text"])
        writer.writeheader()
        writer.writerows(rows)
    # A malformed line, then a good record: the line is rejected, the record coded.
    (folder / "more.jsonl").write_text("{not json\n" + json.dumps({**extra, "published": extra["date"]}) + "\n")
    (folder / "empty.txt").write_text("")
    return [str(folder)]


@pytest.fixture(scope="module")
def inputs(shared, tmp_path_factory) -> list[str]:
    rows = _wikinews(shared, ARTICLES + 1)
    return _write_inputs(tmp_path_factory.mktemp("in") / "news", rows[:ARTICLES], rows[ARTICLES])


def _direct(inputs: list[str], batch_size: int) -> tuple[dict[str, dict], list[str]]:
    out, rejected = io.StringIO(), []
    code_inputs(inputs, Settings.load(batch_size=batch_size), jsonl=out, on_reject=lambda r: rejected.append(str(r)))
    articles = [json.loads(line) for line in out.getvalue().splitlines()]
    return {a["id"]: a for a in articles}, rejected


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def clean(inputs, client, tmp_path_factory) -> str:
    root = str(tmp_path_factory.mktemp("clean") / "ds")
    code_on_cluster(inputs, Settings.load(batch_size=BATCH), root, client)
    return root


def _dataset_articles(root: str) -> dict[str, dict]:
    from eventcoder.dataset import read_batches

    return {a.id: a.to_dict() for batch in read_batches(root) for a in batch}


def _content(root: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two datasets with equal content are the same data."""
    return {name: sorted(query(root, f"select * from {name}")[1], key=repr) for name in ("articles", "events",
            "quotes", "actors")}  # fmt: skip


def _assert_same_articles(got: dict[str, dict], want: dict[str, dict]) -> None:
    assert sorted(got) == sorted(want)
    for article_id, expected in want.items():
        for key in expected:  # field by field, so a failure names the field
            assert got[article_id][key] == expected[key], (article_id, key)


def test_cluster_codes_what_workers_1_codes(inputs, clean):
    want, rejected = _direct(inputs, BATCH)
    _assert_same_articles(_dataset_articles(clean), want)
    layout = Layout(clean)
    lines = layout.fs.cat(layout.path(REJECTIONS)).decode().splitlines()
    assert lines == rejected


def test_malformed_input_is_rejected_and_the_rest_coded(inputs, clean):
    folder = inputs[0]
    layout = Layout(clean)
    rejected = layout.fs.cat(layout.path(REJECTIONS)).decode().splitlines()
    assert [line.split(": ", 1)[0] for line in rejected] == [f"{folder}/empty.txt", f"{folder}/more.jsonl:1"]
    assert rejected[1].startswith(f"{folder}/more.jsonl:1: invalid JSON")
    assert query(clean, "select count(*) from articles")[1] == [(ARTICLES + 1,)]


def test_no_row_is_doubled(clean):
    for name, key in (("events", "event_id"), ("quotes", "quote_id"), ("actors", "actor_id")):
        [(total, distinct)] = query(clean, f"select count(*), count(distinct (article_id, {key})) from {name}")[1]
        assert total == distinct > 0, name


def test_a_worker_killed_mid_run_is_replaced_and_nothing_doubles(inputs, clean, client, tmp_path):
    root = str(tmp_path / "ds")
    pids = list(client.run(os.getpid).values())
    errors: list[BaseException] = []

    def run() -> None:
        try:
            code_on_cluster(inputs, Settings.load(batch_size=BATCH), root, client)
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            errors.append(e)

    worker = threading.Thread(target=run)
    worker.start()
    finished = _wait_for_batches(Layout(root), 1)
    os.kill(pids[0], signal.SIGKILL)
    worker.join(timeout=300)
    assert not worker.is_alive() and not errors
    assert finished < len(Layout(clean).manifest()), "the run ended before the worker was killed"
    assert _content(root) == _content(clean)


def test_client_killed_then_run_again_equals_a_clean_run(inputs, clean, client, tmp_path):
    root = str(tmp_path / "ds")
    cmd = [sys.executable, "-m", "eventcoder", "code", *inputs, "--dask", "local:2", "--dataset", root,
           "--batch-size", str(BATCH)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        finished = _wait_for_batches(Layout(root), 2, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the client and its LocalCluster, all at once
        proc.wait()
    assert finished < len(Layout(clean).manifest()), "the run ended before the client was killed"
    kept = Layout(root).manifest()
    summary = code_on_cluster(inputs, Settings.load(batch_size=BATCH), root, client)
    # The batches the killed run finished were kept, not coded again.
    assert summary.skipped == sum(e["articles"] for e in kept.values())
    assert summary.coded + summary.skipped == ARTICLES + 1
    assert _content(root) == _content(clean)


def _wait_for_batches(layout: Layout, n: int, proc: subprocess.Popen | None = None) -> int:
    """Wait until ``n`` batches are in the manifest; return how many there are then."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        done = len(layout.fs.glob(layout.path("_manifest", "*.json")))  # finished, not half-written
        if done >= n:
            return done
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the run exited ({proc.returncode}) before writing {n} batches")
        time.sleep(0.05)
    pytest.fail(f"no {n} batches written in 300 s")


@pytest.mark.parametrize(("spec", "parsed"), [("local", (None, None)), ("local:3", (None, 3)),
                                              ("tcp://10.0.0.1:8786", ("tcp://10.0.0.1:8786", None))])  # fmt: skip
def test_dask_addresses(spec, parsed):
    assert parse_address(spec) == parsed


@pytest.mark.slow
def test_sixty_wikinews_articles_on_two_workers_equal_workers_1(shared, client, tmp_path):
    inputs = _write_inputs(tmp_path / "in", _wikinews(shared, 59, skip=20), _wikinews(shared, 1, skip=79)[0])
    want, rejected = _direct(inputs, 8)
    root = str(tmp_path / "ds")
    code_on_cluster(inputs, Settings.load(batch_size=8), root, client)
    assert len(want) == 60
    _assert_same_articles(_dataset_articles(root), want)
