"""`make bench-long`: coding time against article length, ordinary prose and quote-heavy text.

Each size is coded in a fresh process (so the peak memory is that article's), with
``max_article_chars`` raised to let it through. Prose is Wikinews articles from ../shared run
together; quote-heavy text is the seed article (seven quotes in 3,900 characters) repeated.
Prints seconds, words/s and peak RSS per size, and the quote-heavy/prose time ratio.
Linear coding keeps words/s flat as the size grows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "wikinews"
SEED = SHARED / "seed" / "moscow-times-2024-09-20.txt"
SIZES = (10_000, 100_000, 1_000_000)


def text_of(kind: str, size: int) -> str:
    """``size`` characters of prose or quote-heavy text, cut at a paragraph end when possible."""
    from eventcoder.ingest import Rejection, read_inputs

    if kind == "quotes":
        sources = [SEED]
    else:
        sources = sorted(CORPUS.glob("*.csv"))
    parts: list[str] = []
    total = 0
    while total < size:
        for item in read_inputs([str(p) for p in sources]):
            if isinstance(item, Rejection):
                continue
            parts.append(item.text)
            total += len(item.text) + 2
            if total >= size:
                break
    text = "\n\n".join(parts)[:size]
    cut = text.rfind("\n\n")
    return text[:cut] if cut > size * 0.9 else text


def one(kind: str, size: int) -> dict:
    """Code one article of ``size`` characters in this process; its time, words and peak memory."""
    from eventcoder.article import Article
    from eventcoder.pipeline import code_batch
    from eventcoder.settings import Settings

    settings = Settings.load(max_article_chars=max(size, Settings().max_article_chars))
    code_batch([Article(id="warm", text='Russia said on Monday it would talk. "Yes," he said.')], settings)
    text = text_of(kind, size)
    article = Article(id="long", text=text)
    t0 = time.perf_counter()
    code_batch([article], settings)
    seconds = time.perf_counter() - t0
    return {
        "kind": kind, "chars": len(text), "words": len(text.split()), "seconds": seconds,
        "quotes": len(article.quotes), "events": len(article.events),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes in characters")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return 0
    if not CORPUS.exists() or not SEED.exists():
        print(f"bench-long: {SHARED} is absent: the texts come from its Wikinews corpus and seed", file=sys.stderr)
        return 2
    print(f"{'text':<7} {'chars':>9} {'words':>8} {'seconds':>8} {'words/s':>8} {'quotes':>6} {'peak RSS':>9}")
    times: dict[tuple[str, int], float] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        for kind in ("prose", "quotes"):
            run = subprocess.run(
                [sys.executable, __file__, "--one", kind, str(size)], capture_output=True, text=True, check=False
            )
            if run.returncode != 0:
                print(f"{kind:<7} {size:>9,} failed: {run.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(run.stdout)
            times[kind, size] = r["seconds"]
            print(
                f"{kind:<7} {r['chars']:>9,} {r['words']:>8,} {r['seconds']:>8.1f} {r['words'] / r['seconds']:>8,.0f}"
                f" {r['quotes']:>6,} {r['rss_mb']:>6,} MB",
                flush=True,
            )
        if ("prose", size) in times and ("quotes", size) in times:
            ratio = times["quotes", size] / times["prose", size]
            print(f"        quote-heavy / prose time at {size:,} characters: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
