"""`make bench-serve`: 20 concurrent clients for 20 s against `eventcoder serve`, two rounds.

The server runs as a user runs it (a subprocess on 127.0.0.1 only) over a store of 200
Wikinews articles coded from ../shared (built once into a temporary folder, or ``--db``).
Each client keeps its connection alive and cycles through the read endpoints the web page
uses. Prints per round: requests/s, p50 and p99 latency, errors (any answer that is not
2xx, or a broken connection) and the server's resident memory, which must not keep growing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"
EVENTCODER = [sys.executable, "-m", "eventcoder"]


def build_store(db: Path, n: int) -> None:
    """Code the first ``n`` Wikinews articles into ``db`` (through a JSON Lines file)."""
    sys.path.insert(0, str(ROOT))
    import json

    from eventcoder.ingest import Rejection, read_inputs

    records = []
    for item in read_inputs([str(p) for p in sorted(CORPUS.glob("*.csv"))]):
        if not isinstance(item, Rejection) and len(item.text) < 20_000:
            records.append({"id": item.id, "title": item.title, "url": item.url, "published": item.published,
                            "text": item.text})  # fmt: skip
        if len(records) == n:
            break
    source = db.with_suffix(".jsonl")
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    print(f"coding {len(records)} articles into {db} ...", flush=True)
    subprocess.run([*EVENTCODER, "code", str(source), "--db", str(db)], check=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def urls(base: str) -> list[str]:
    """The mix of read requests: what the web page asks while a user browses."""
    with httpx.Client(base_url=base) as c:
        ids = [a["id"] for a in c.get("/api/articles", params={"limit": 20}).json()["items"]]
        codes = [e["source"]["code"] for e in c.get("/api/events", params={"limit": 50}).json()["items"]
                 if e.get("source") and e["source"].get("code")][:5] or ["USA"]  # fmt: skip
    mix = ["/", "/api/stats", "/api/events?limit=50", "/api/actors?limit=50", "/api/dyads?interval=month",
           "/api/network?limit=30", "/api/quotes?q=said", "/api/articles?q=government",
           "/api/quotes?speaker=minister"]  # fmt: skip
    mix += [f"/api/events?source={c}" for c in codes] + [f"/api/articles/{i}" for i in ids[:10]]
    return mix


def round_of(base: str, clients: int, seconds: float, mix: list[str]) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        mine, bad = [], []
        with httpx.Client(base_url=base, timeout=30) as c:
            for url in itertools.islice(itertools.cycle(mix), k, None):
                if time.monotonic() >= stop:
                    break
                t0 = time.perf_counter()
                try:
                    r = c.get(url)
                    if not 200 <= r.status_code < 300:
                        bad.append(f"{r.status_code} {url}")
                except httpx.HTTPError as e:
                    bad.append(f"{type(e).__name__} {url}")
                mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies), "rps": len(latencies) / elapsed, "errors": errors,
        "p50": latencies[len(latencies) // 2] * 1000, "p99": latencies[int(len(latencies) * 0.99)] * 1000,
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", help="an existing store to serve (default: 200 Wikinews articles, coded now)")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not args.db:
            if not CORPUS.exists():
                print(f"bench-serve: {CORPUS} is absent: the store is coded from ../shared", file=sys.stderr)
                return 2
            build_store(db, args.articles)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "EVENTCODER_TOKEN"}
        server = subprocess.Popen([*EVENTCODER, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                                  env=env, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    stats = httpx.get(base + "/api/stats", timeout=2).json()
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("bench-serve: the server did not start", file=sys.stderr)
                        return 2
                    time.sleep(0.2)
            mix = urls(base)
            print(f"store: {stats}; {args.clients} clients x {args.seconds:.0f} s per round, {len(mix)} URLs")
            print(f"server RSS at start: {rss_mb(server.pid):.0f} MB")
            failed = 0
            for n in range(1, args.rounds + 1):
                r = round_of(base, args.clients, args.seconds, mix)
                failed += len(r["errors"])
                print(
                    f"round {n}: {r['requests']:,} requests, {r['rps']:,.0f} req/s, p50 {r['p50']:.0f} ms,"
                    f" p99 {r['p99']:.0f} ms, {len(r['errors'])} errors, server RSS {rss_mb(server.pid):.0f} MB",
                    flush=True,
                )
                for e in sorted(set(r["errors"]))[:5]:
                    print(f"  error: {e}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
