"""Coding on a Dask cluster into a Parquet dataset: ``eventcoder code INPUTS --dask ADDRESS --dataset DIR``.

The client expands the inputs, has the workers count the records of JSON Lines and CSV files,
cuts the items into tasks of ``batch_size`` (:mod:`eventcoder.dataset.tasks`) and submits the
tasks not yet in the dataset's manifest. Each worker loads the model and dictionaries once
(the per-process caches of :mod:`eventcoder.pipeline`, warmed when it joins), runs the same
``code_batch_safely`` as ``eventcoder code``, and writes its parts itself: the client only
sees counts and rejections. A task lost with a worker is rescheduled by Dask; a run killed
as a whole is finished by running it again.

This is the only module that imports dask; the single-machine path never loads it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from . import __version__
from .dataset.layout import REJECTIONS, Layout
from .dataset.tasks import Task, count_items, expand, plan, run_task
from .errors import DatasetError
from .ingest import Rejection
from .run import RunSummary
from .settings import Settings

# Settings that do not change what is coded (where the SQLite store is, local processes).
_NOT_CODING = ("db", "workers")


def dataset_meta(settings: Settings) -> dict[str, Any]:
    """What a dataset records about its coding, so that a rerun cannot mix two codings."""
    coding = {k: v for k, v in asdict(settings).items() if k not in _NOT_CODING}
    return {"eventcoder": __version__, "settings": coding}


def parse_address(spec: str) -> tuple[str | None, int | None]:
    """``local`` / ``local:N`` -> (None, N or None: one per core); anything else is a scheduler address."""
    if spec == "local":
        return None, None
    if spec.startswith("local:"):
        n = spec.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise DatasetError(f"--dask {spec}: expected local:N with N >= 1 worker processes")
        return None, int(n)
    return spec, None


def connect(spec: str) -> Client:
    """A client of the scheduler at ``spec``, or of a new LocalCluster for ``local[:N]``."""
    address, n = parse_address(spec)
    if address is not None:
        try:
            return Client(address, timeout="30s")
        except (OSError, TimeoutError) as e:
            raise DatasetError(f"--dask {spec}: cannot reach the scheduler ({e})") from None
    # One thread per process: spaCy and the stages are CPU-bound Python. The dashboard takes a
    # free port: 8787 may be another cluster's on a shared machine.
    cluster = LocalCluster(
        n_workers=n or os.cpu_count() or 1, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return Client(cluster)


class Preload(WorkerPlugin):
    """Loads the model and dictionaries on every worker, including one that replaces a dead worker."""

    name = "eventcoder-preload"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Any) -> None:
        """Load the model and the stages' resources once, when the worker starts."""
        preload(self.settings)


def preload(settings: Settings) -> int:
    """Fill this process's caches of model and resources; return its pid."""
    from . import nlp
    from .pipeline import load_stages

    nlp.load(settings.model)
    load_stages(settings)
    return os.getpid()


def code_on_cluster(
    inputs: list[str],
    settings: Settings,
    dataset: str,
    client: Client,
    *,
    on_reject: Callable[[Rejection | str], None] = lambda r: None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> RunSummary:
    """Code ``inputs`` on the cluster of ``client`` into the dataset folder ``dataset``.

    Batches already in the dataset's manifest are not coded again. ``on_reject`` sees each
    rejection of this run; ``on_progress(items_done, items_total)`` is called as batches end.
    Rejections of the whole dataset go to ``DIR/rejections.jsonl``. A batch that fails
    (a worker killed again and again) leaves the others written; the error names how many
    and says to run again.
    """
    started = time.perf_counter()
    cwd = os.getcwd()  # workers read relative inputs against the client's folder, not theirs
    if "://" not in dataset:
        dataset = os.path.abspath(dataset)
    layout = Layout(dataset)
    layout.prepare(dataset_meta(settings))
    layout.remove_temporaries()
    files, unreadable = expand(inputs)
    for r in unreadable:
        on_reject(r)
    client.register_plugin(Preload(settings))

    def count(paths: list[str]) -> list[int]:
        return client.gather(client.map(count_items, paths, plain=settings.plain, cwd=cwd, pure=False)) if paths else []

    tasks = plan(files, count, settings.batch_size)
    entries = layout.manifest()
    todo = [t for t in tasks if t.key not in entries]
    summary = RunSummary()
    summary.skipped = sum(entries[t.key]["articles"] for t in tasks if t.key in entries)
    total, done = sum(t.size for t in todo), 0
    on_progress(0, total)
    # A task's key names its dataset too: two runs on one scheduler must not share results.
    prefix = "eventcoder-" + hashlib.blake2b(dataset.encode("utf-8"), digest_size=4).hexdigest()
    futures = {client.submit(run_task, t, settings, dataset, cwd, key=f"{prefix}-{t.key}"): t for t in todo}
    failed: list[tuple[Task, BaseException]] = []
    for future in as_completed(futures):
        task = futures[future]
        try:
            entry = future.result()
        except Exception as e:  # noqa: BLE001 - any failure of one batch; the rest goes on
            failed.append((task, e))
            future.release()
            continue
        future.release()
        entries[task.key] = entry
        for line in entry["rejections"]:
            on_reject(line)
        summary.coded += entry["articles"]
        summary.events += entry["events"]
        summary.quotes += entry["quotes"]
        summary.words += entry["words"]
        done += task.size
        on_progress(done, total)
    rejections = [str(r) for r in unreadable]
    rejections += [line for t in tasks if t.key in entries for line in entries[t.key]["rejections"]]
    summary.rejected = len(rejections)
    summary.skipped += sum(entries[t.key]["skipped"] for t in tasks if t.key in entries)
    layout.write_lines(layout.path(REJECTIONS), rejections)
    summary.seconds = time.perf_counter() - started
    if failed:
        task, error = failed[0]
        where = ", ".join(f"{p}[{a}:{b}]" for p, a, b in task.slices)
        raise DatasetError(
            f"{len(failed)} of {len(todo)} batches failed (first: {where}: {type(error).__name__}: {error}); "
            f"the others are in {dataset}: run the command again to finish"
        )
    return summary


class Progress:
    """A bar with total and ETA on a terminal; otherwise a log line every ``every`` seconds."""

    def __init__(self, every: float = 10.0) -> None:
        self.every = every
        self.bar: Any = None
        self.last = 0.0
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        if sys.stderr.isatty():
            if self.bar is None:
                from tqdm import tqdm

                self.bar = tqdm(total=total, unit=" articles", file=sys.stderr, leave=False)
            self.bar.update(done - self.bar.n)
            return
        now = time.perf_counter()
        if not done:  # the work starts now: cluster start-up and planning do not count in the rate
            self.started = now
        if done and (now - self.last >= self.every or done == total):
            self.last = now
            rate = done / (now - self.started)
            eta = (total - done) / rate if rate else 0.0
            print(f"eventcoder: {done}/{total} articles, {rate:.1f} articles/s, ETA {eta:.0f} s", file=sys.stderr)

    def close(self) -> None:
        """Leave the bar on screen and stop logging."""
        if self.bar is not None:
            self.bar.close()


def run(inputs: list[str], settings: Settings, dataset: str, spec: str, on_reject: Callable[[Any], None]) -> RunSummary:
    """What ``eventcoder code --dask SPEC --dataset DIR`` does: connect, code, close."""
    progress = Progress()
    client = connect(spec)
    try:
        return code_on_cluster(inputs, settings, dataset, client, on_reject=on_reject, on_progress=progress)
    finally:
        progress.close()
        cluster = client.cluster
        client.close()
        if cluster is not None and spec.startswith("local"):
            # Our own workers: a nanny that kills one slow to exit is no news for the user.
            logging.getLogger("distributed.nanny").setLevel(logging.ERROR)
            cluster.close()
