"""`make bench`: the coder against the bare spaCy parse, in one run, on Wikinews articles.

Prints words/s of a bare ``nlp.pipe`` with the same model and of the full coder
(``code_batch``: parse + every stage), their ratio (goal: coder time <= 1.4x bare parse),
and each stage's share of the NLP time (goals: actors <= 10%, quotes+times+places <= 15%).
Timings are taken in one run on the same texts, so the ratios hold on a noisy machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventcoder import nlp as nlp_mod  # noqa: E402
from eventcoder.ingest import Rejection, read_inputs  # noqa: E402
from eventcoder.pipeline import code_batch, load_stages  # noqa: E402
from eventcoder.settings import Settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=60000, help="word budget of the benchmark texts")
    ap.add_argument("--repeat", type=int, default=2, help="timed passes of each side (best is kept)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"bench: {CORPUS} is absent: the benchmark reads the Wikinews corpus from ../shared", file=sys.stderr)
        return 2
    settings = Settings.load()
    articles, words = [], 0
    for item in read_inputs([str(p) for p in sorted(CORPUS.glob("*.csv"))]):
        if isinstance(item, Rejection):
            continue
        n = len(item.text.split())
        if n > 3000:  # the long interviews would dominate; news articles are the workload
            continue
        articles.append(item)
        words += n
        if words >= args.words:
            break
    texts = [a.text for a in articles]
    print(f"{len(articles)} Wikinews articles, {words:,} words, model {settings.model}")

    t0 = time.perf_counter()
    load_stages(settings)
    nlp = nlp_mod.load(settings.model)
    print(f"start-up (model + dictionaries, warm cache): {time.perf_counter() - t0:.2f} s")

    import spacy

    bare_nlp = spacy.load(settings.model)  # the bare parse: every component of the model
    list(bare_nlp.pipe(texts[:5]))
    list(nlp.pipe(texts[:5]))

    def timed(fn) -> float:
        best = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t)
        return best

    bare = timed(lambda: list(bare_nlp.pipe(texts, batch_size=settings.batch_size)))

    results: list[list] = []

    def coder() -> None:
        results.clear()
        batch_articles = [_fresh(a) for a in articles]
        for i in range(0, len(batch_articles), settings.batch_size):
            results.append(code_batch(batch_articles[i : i + settings.batch_size], settings))

    coded = timed(coder)
    print(f"bare nlp.pipe : {words / bare:8,.0f} words/s ({bare:.1f} s)")
    print(f"coder         : {words / coded:8,.0f} words/s ({coded:.1f} s)")
    print(f"ratio coder/bare time: {coded / bare:.2f}x (goal <= 1.4x)")
    _fusion(results, coded, timed)

    # Stage shares: parse once, then time each stage over the same docs.
    docs = list(nlp.pipe(texts, batch_size=settings.batch_size))
    parse = timed(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)))
    loaded = load_stages(settings)
    spent = {stage.stage.name: 0.0 for stage in loaded}
    for article, doc in zip(articles, docs, strict=False):
        ctx = nlp_mod.Context(_fresh(article), doc, settings)
        for stage in loaded:
            t = time.perf_counter()
            stage.apply(ctx)
            spent[stage.stage.name] += time.perf_counter() - t
    print(f"NLP parse (pipeline components in use): {parse:.2f} s")
    for name, secs in spent.items():
        print(f"  stage {name:<7}: {secs:6.2f} s = {100 * secs / parse:5.1f}% of NLP time")
    qtp = spent["quotes"] + spent["times"] + spent["places"]
    print(f"  actors: {100 * spent['actors'] / parse:.1f}% (goal <= 10%)")
    print(f"  quotes+times+places: {100 * qtp / parse:.1f}% (goal <= 15%)")
    return 0


def _fusion(results: list[list], coded: float, timed) -> None:
    """Story clusters and fused events (issue 12): their share of the coder's time (goal <= 5%).

    The incremental cost is what ``write_batch`` spends on them (MinHash, band lookups, the
    regrouped keys); ``fuse --rebuild`` recomputes both from scratch over the same articles and
    bounds it from above.
    """
    import tempfile

    from eventcoder.article import Article
    from eventcoder.store import Store, fusion, stories

    batches = [[a for a in batch if isinstance(a, Article)] for batch in results]
    spent = {"stories": 0.0, "fusion": 0.0}

    def clocked(name: str, fn):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t

        return wrapper

    with tempfile.TemporaryDirectory() as tmp:
        originals = {}
        for module, names in ((stories, ("signature", "add", "forget", "relabel")),
                              (fusion, ("add_events", "keys_of", "refresh"))):  # fmt: skip
            for name in names:
                originals[(module, name)] = getattr(module, name)
                setattr(module, name, clocked("stories" if module is stories else "fusion", getattr(module, name)))
        try:
            with Store(Path(tmp) / "bench.db") as store:
                t = time.perf_counter()
                for batch in batches:
                    store.write_batch(batch)
                write = time.perf_counter() - t
        finally:
            for (module, name), fn in originals.items():
                setattr(module, name, fn)
        with Store(Path(tmp) / "bench.db") as store:
            rebuild = timed(lambda: store.fuse(rebuild=True))
            counts = store.fuse()
    incremental = spent["stories"] + spent["fusion"]
    found = f"{counts['stories']} stories, {counts['copies']} copies, {counts['unique_events']} unique events"
    print(f"store write: {write:.2f} s, stories {spent['stories']:.2f} s, fusion {spent['fusion']:.2f} s ({found})")
    print(
        f"  fusion (stories + unique events) while writing: {100 * incremental / coded:.1f}% of coder time (goal <= 5%)"
    )
    print(f"  fuse --rebuild of the same articles: {rebuild:.2f} s = {100 * rebuild / coded:.1f}% of coder time")


def _fresh(article):
    from dataclasses import replace

    return replace(article, actors=[], events=[], quotes=[], times=[], places=[])


if __name__ == "__main__":
    sys.exit(main())
