"""`make bench-scale`: the same Wikinews articles coded on a LocalCluster of 1, then 2 workers, in one run.

Prints articles/s for each, the scaling efficiency ``t1 / (2 * t2)`` (goal >= 0.8 on two
cores), each worker's memory (resident set, measured in the worker after the run, and its
peak), and the load average, since a machine shared with other work depresses the figures.
Model loading is done before the clock starts (once per worker, as on a real cluster) and
reported apart. Each run writes a fresh dataset in a temporary folder; the runs of 1 and 2
workers are alternated ``--repeat`` times and the best of each is kept.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventcoder.settings import Settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"


def _articles(n: int) -> list[dict[str, str]]:
    """The first ``n`` Wikinews articles of at most 3,000 words (as `make bench` takes them)."""
    csv.field_size_limit(2**31 - 1)
    out: list[dict[str, str]] = []
    for path in sorted(CORPUS.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            out += [r for r in csv.DictReader(f) if r["text"].strip() and len(r["text"].split()) <= 3000]
    return out[:n]


def _memory() -> tuple[int, int]:
    """This process's resident set now and at its peak, in bytes (run in a worker)."""
    import resource

    import psutil

    return psutil.Process().memory_info().rss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _start(workers: int, settings: Settings):
    from distributed import Client, LocalCluster

    from eventcoder.distributed import preload

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    )
    client = Client(cluster)
    t = time.perf_counter()
    client.run(preload, settings)
    print(f"  {workers} worker(s): model and dictionaries loaded in {time.perf_counter() - t:.1f} s")
    return cluster, client


def _cpu() -> float:
    """CPU seconds this process has used (run in a worker)."""
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _timed(client, inputs: list[str], settings: Settings, out: Path) -> tuple[float, int, float]:
    from eventcoder.distributed import code_on_cluster

    load = os.getloadavg()[0]
    cpu = sum(client.run(_cpu).values())
    t = time.perf_counter()
    summary = code_on_cluster(inputs, settings, str(out), client)
    seconds = time.perf_counter() - t
    cpu = sum(client.run(_cpu).values()) - cpu
    workers = len(client.scheduler_info()["workers"])
    print(f"  {workers} worker(s): {summary.coded} articles in {seconds:.1f} s = {summary.coded / seconds:.2f} "
          f"articles/s, workers' CPU {cpu:.1f} s (load average at start {load:.2f})")  # fmt: skip
    return seconds, summary.coded, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--batch-size", type=int, default=4, help="articles per task (small: the two workers end together)")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs of each, alternated (the best is kept)")
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.WARNING)  # not the clusters' INFO lines
    if not CORPUS.exists():
        print(f"bench-scale: {CORPUS} is absent: it reads the Wikinews corpus from ../shared", file=sys.stderr)
        return 2
    rows = _articles(args.articles)
    settings = Settings.load(batch_size=args.batch_size)
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows)} Wikinews articles, {words:,} words, batch size {settings.batch_size}, model {settings.model}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        news = Path(tmp) / "news.csv"
        with open(news, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        # Both clusters up, runs alternated: a burst of other work on the machine hits both alike.
        clusters = {n: _start(n, settings) for n in (1, 2)}
        try:
            runs: dict[int, list[tuple[float, int, float]]] = {1: [], 2: []}
            for r in range(args.repeat):
                for n, (_, client) in clusters.items():
                    runs[n].append(_timed(client, [str(news)], settings, Path(tmp) / f"{n}-{r}"))
            memory = {n: list(client.run(_memory).values()) for n, (_, client) in clusters.items()}
        finally:
            logging.getLogger("distributed").setLevel(logging.ERROR)  # closing our own clusters is no news
            for cluster, client in clusters.values():
                client.close()
                cluster.close()
    (t1, n1, cpu1), (t2, n2, cpu2) = min(runs[1]), min(runs[2])
    mem1, mem2 = memory[1], memory[2]
    if n1 != n2:
        print(f"bench-scale: 1 worker coded {n1} articles, 2 workers {n2}", file=sys.stderr)
        return 1
    mib = 2**20
    print(f"1 worker : {n1 / t1:6.2f} articles/s ({t1:.1f} s) = {t1 / n1 * 1000:.0f} ms per article per core")
    print(f"2 workers: {n2 / t2:6.2f} articles/s ({t2:.1f} s)")
    print(f"scaling efficiency t1 / (2 * t2) = {t1 / (2 * t2):.2f} (goal >= 0.8)")
    # Work done, not time waited: near 1 when the second worker adds no overhead, whatever
    # else the machine runs (then a low efficiency above is other work taking the cores).
    print(f"CPU seconds per article: 1 worker {cpu1 / n1:.3f}, 2 workers {cpu2 / n2:.3f} (ratio {cpu1 / cpu2:.2f})")
    for name, memory in (("1 worker ", mem1), ("2 workers", mem2)):
        print(f"memory per worker, {name}: " + ", ".join(f"{rss / mib:.0f} MiB (peak {peak / mib:.0f} MiB)"
                                                          for rss, peak in memory))  # fmt: skip
    print(f"load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
