"""Build the fusion evaluation set: syndicated variants of Wikinews articles, and look-alikes.

Run once (``python tests/quality/fusion/make_variants.py``); it writes ``articles.jsonl`` (the
articles to code, one a line, in the format ``eventcoder code`` reads) and ``stories.json``
(which articles are copies of which, and which pairs are different articles on one topic).
Everything is drawn with a fixed seed, so running it again writes the same files.

- Stories: ``N_STORIES`` Wikinews articles (CC BY 2.5, credited in ATTRIBUTION.md), each
  printed again by two or three made-up outlets the way wire copy is: another headline, one or
  two paragraphs dropped, paragraphs reordered, an agency tag on the lead, "Related article"
  lines and agency boilerplate added, a few words edited. One copy is published a day later.
- Look-alikes: the ``N_PAIRS`` pairs of different Wikinews articles whose words overlap most
  (the same topic, often the same actors): they must stay in separate stories.

The hand-listed fused events of each story are in ``events.toml`` (README.md says how).
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parents[2].parent / "shared"
SEED = 20261203
N_STORIES = 34
N_PAIRS = 10

OUTLETS = ["Wire Daily", "The Evening Ledger", "Global Dispatch", "Capital Courier", "The Morning Syndicate"]
AGENCIES = ["AFP", "AP", "Reuters", "dpa"]
HEADLINES = ["{t}", "UPDATE 1-{t}", "{t}: what we know", "{t}, officials say", "Live: {t}"]
BOILERPLATE = [
    "(Reporting by staff; editing by the news desk)",
    "Copyright {agency}. All rights reserved. This material may not be published, broadcast or redistributed.",
    "{agency} contributed to this report.",
    "Follow us for more news on this story.",
]
# Edits a sub-editor makes: a word for another, without changing who did what.
SYNONYMS = {
    "said": "stated", "announced": "declared", "people": "persons", "government": "administration",
    "officials": "authorities", "about": "around", "after": "following", "before": "prior to",
    "also": "additionally", "however": "but", "large": "big", "many": "numerous", "several": "a number of",
    "began": "started", "told": "informed", "help": "assist", "show": "demonstrate", "near": "close to",
}  # fmt: skip
_DATELINE = re.compile(r"^\w+day, \w+ \d{1,2}, \d{4}\s*$")
_WORD = re.compile(r"\b[a-z]{4,}\b")


def corpus() -> list[dict]:
    """The Wikinews rows, 2019 then 2020, with the dateline paragraph removed and paragraphs split."""
    csv.field_size_limit(sys.maxsize)
    rows: list[dict] = []
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(SHARED / "corpora/wikinews" / name, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                paras = [p.strip() for p in re.split(r"\n\s*\n", r["text"]) if p.strip()]
                if paras and _DATELINE.match(paras[0]):
                    paras = paras[1:]
                rows.append({"url": r["url"].replace("//wiki/", "/wiki/"), "date": r["date"][:10],
                             "title": r["title"], "paras": paras})  # fmt: skip
    return rows


def edit_words(rng: random.Random, text: str, n: int) -> str:
    """Replace ``n`` words by a synonym (or, when none applies, leave the text as it is)."""
    spots = [m for m in _WORD.finditer(text) if m.group() in SYNONYMS]
    for m in sorted(rng.sample(spots, min(n, len(spots))), key=lambda m: -m.start()):
        text = text[: m.start()] + SYNONYMS[m.group()] + text[m.end() :]
    return text


def variant(rng: random.Random, row: dict, k: int, others: list[str], drop: int) -> dict:
    """One syndicated copy of ``row``: the k-th outlet's version."""
    paras = list(row["paras"])
    body = list(range(1, len(paras)))
    for i in sorted(rng.sample(body, min(drop, max(len(body) - 2, 0))), reverse=True):
        del paras[i]
    if len(paras) > 3 and rng.random() < 0.6:  # two later paragraphs swapped
        i, j = rng.sample(range(1, len(paras)), 2)
        paras[i], paras[j] = paras[j], paras[i]
    agency = rng.choice(AGENCIES)
    paras[0] = f"({agency}) — " + paras[0]
    paras = [edit_words(rng, p, 1) if rng.random() < 0.4 else p for p in paras]
    paras.insert(rng.randrange(1, len(paras)), "Related article: " + rng.choice(others))
    paras.append(rng.choice(BOILERPLATE).format(agency=agency))
    published = date.fromisoformat(row["date"]) + timedelta(days=1 if k == 2 else 0)
    outlet = OUTLETS[(k + rng.randrange(len(OUTLETS))) % len(OUTLETS)]
    slug = re.sub(r"\W+", "-", row["title"].lower()).strip("-")[:60]
    return {
        "url": f"https://{outlet.lower().replace(' ', '')}.example/{published.isoformat()}/{slug}-{k}",
        "title": rng.choice(HEADLINES[1:]).format(t=row["title"]),
        "published": published.isoformat(),
        "outlet": outlet,
        "text": "\n\n".join(paras),
    }


def original(row: dict) -> dict:
    return {
        "url": row["url"], "title": row["title"], "published": row["date"], "outlet": "Wikinews",
        "text": "\n\n".join(row["paras"]),
    }  # fmt: skip


def _words(row: dict) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", " ".join([row["title"], *row["paras"]]))}


def look_alikes(rows: list[dict], exclude: set[int]) -> list[tuple[int, int]]:
    """The ``N_PAIRS`` most word-overlapping pairs of different articles, each article used once."""
    words = [_words(r) for r in rows]
    scored = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if rows[i]["title"] == rows[j]["title"]:
                continue
            scored.append((len(words[i] & words[j]) / len(words[i] | words[j]), i, j))
    pairs: list[tuple[int, int]] = []
    used = set(exclude)
    for _, i, j in sorted(scored, reverse=True):
        if i not in used and j not in used:
            pairs.append((i, j))
            used |= {i, j}
        if len(pairs) == N_PAIRS:
            break
    return pairs


def main() -> None:
    rng = random.Random(SEED)
    rows = corpus()
    pool = [
        i
        for i, r in enumerate(rows)
        if 5 <= len(r["paras"]) <= 14 and 150 <= sum(len(p.split()) for p in r["paras"]) <= 900
    ]
    chosen = sorted(rng.sample(pool, N_STORIES))
    titles = [r["title"] for r in rows]
    articles: list[dict] = []
    stories: dict[str, list[str]] = {}
    for n, i in enumerate(chosen):
        sid = f"s{n:02d}"
        members = [dict(original(rows[i]), id=f"{sid}-0")]
        copies = 3 if n % 3 == 0 else 2
        for k in range(1, copies + 1):
            v = variant(rng, rows[i], k, [t for t in titles if t != rows[i]["title"]], drop=1 if k < 3 else 2)
            members.append(dict(v, id=f"{sid}-{k}"))
        articles += members
        stories[sid] = [m["id"] for m in members]
    different = []
    for n, (i, j) in enumerate(look_alikes(rows, set(chosen))):
        a, b = dict(original(rows[i]), id=f"p{n:02d}-a"), dict(original(rows[j]), id=f"p{n:02d}-b")
        articles += [a, b]
        different.append([a["id"], b["id"]])
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    sources = sorted(
        {rows[i]["url"] for i in chosen} | {rows[k]["url"] for p in look_alikes(rows, set(chosen)) for k in p}
    )
    (HERE / "stories.json").write_text(
        json.dumps({"stories": stories, "different": different, "sources": sources}, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
