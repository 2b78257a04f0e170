"""Story clusters: near-duplicate articles (syndicated copies) found by MinHash LSH.

An article's text becomes a set of word shingles (``SHINGLE`` consecutive lower-cased words);
its MinHash signature (``NUM_PERM`` permutations, datasketch) estimates the Jaccard similarity
of two such sets. Two articles are copies when the estimated Jaccard similarity of their
shingle sets is at least ``THRESHOLD`` (0.5: a wire story with a headline changed, a paragraph
or two dropped or moved, agency boilerplate and "Related article" lines added and a few words
edited stays well above it, while two different reports of one event share few 3-word runs
and stay far below it; tests/quality/fusion measures both).

The index is persisted in the store: the signature of every article (``story_signatures``)
and its LSH bands (``story_bands``, keyed by band number and band hash). A new article is
matched by looking up its own bands, never by scanning stored articles. A story is a connected
component of the "is a copy of" relation; its id is the id of its earliest article (by
publication date, then id), which is also every other member's ``copy_of``. Components do not
depend on the order in which articles arrive, so a rebuild gives the stored result.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.5  # estimated Jaccard similarity of word 3-shingles at or above which two articles are copies
SHINGLE = 3  # words per shingle
NUM_PERM = 128  # MinHash permutations: the standard error of the estimate is about 0.04
_SEED = 1  # MinHash seed and hashing scheme: fixed, signatures are stored
_SCHEME = "affine32"  # 32-bit hash values: a signature is NUM_PERM * 4 bytes

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> object:
    # Drawing the permutations is most of the cost of a MinHash for a short text: once per process.
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


@lru_cache(maxsize=1)
def bands() -> tuple[int, int]:
    """(b, r): b bands of r rows, datasketch's choice for ``THRESHOLD``.

    Candidates are verified against the signatures, so a false candidate costs one comparison
    while a missed one is a copy lost: misses weigh 0.9 (32 bands of 4 rows; a pair at Jaccard
    0.6 becomes a candidate with probability 0.99, at 0.5 with 0.87).
    """
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=(0.1, 0.9))
    return lsh.b, lsh.r


def shingles(text: str) -> set[bytes]:
    """The word shingles of ``text`` (the whole text as one shingle when it is shorter)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (``NUM_PERM`` uint32), None for a text without words."""
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=_permutations())
    mh.update_batch(list(grams))
    return np.asarray(mh.hashvalues, dtype=np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity the two signatures estimate."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))


def band_hashes(sig: bytes) -> list[tuple[int, int]]:
    """(band number, signed 64-bit hash of the band's rows) for each LSH band of a signature."""
    b, r = bands()
    width = 4 * r
    digests = [hashlib.blake2b(sig[i * width : (i + 1) * width], digest_size=8).digest() for i in range(b)]
    return [(i, int.from_bytes(d, "big", signed=True)) for i, d in enumerate(digests)]


# -- the store side: called by Store.write_batch inside its transaction ----------------------------
#
# story_bands(band, hash, story, article_id) keeps each article's story next to its bands, so a
# lookup reads the distinct stories of a bucket from the primary key and verifies one member of
# each: a wire story printed by hundreds of outlets costs one comparison, not hundreds.


def _signature_of(conn: sqlite3.Connection, article_id: str) -> bytes | None:
    row = conn.execute("SELECT signature FROM story_signatures WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def _is_copy(conn: sqlite3.Connection, sig: bytes, other: str) -> bool:
    other_sig = _signature_of(conn, other)
    return other_sig is not None and similarity(sig, other_sig) >= THRESHOLD


def _bucket_stories(conn: sqlite3.Connection, band: int, value: int) -> Iterator[str]:
    """The distinct stories of one bucket, one index seek each (a bucket may hold hundreds of copies)."""
    story = ""
    while row := conn.execute(
        "SELECT story FROM story_bands WHERE band = ? AND hash = ? AND story > ? ORDER BY story LIMIT 1",
        (band, value, story),
    ).fetchone():
        story = row[0]
        yield story


def _matching_stories(conn: sqlite3.Connection, sig: bytes, hashes: list[tuple[int, int]]) -> set[str]:
    """The stories holding a verified copy of ``sig`` (a member sharing a band and similar enough)."""
    found: set[str] = set()
    failed: set[str] = set()  # articles already compared and found too different
    for band, value in hashes:
        for story in list(_bucket_stories(conn, band, value)):
            if story in found:
                continue
            for (other,) in conn.execute(
                "SELECT article_id FROM story_bands WHERE band = ? AND hash = ? AND story = ?", (band, value, story)
            ):
                if other in failed:
                    continue
                if _is_copy(conn, sig, other):
                    found.add(story)
                    break
                failed.add(other)
    return found


def _members(conn: sqlite3.Connection, story: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE story = ?", (story,))]


def _order(conn: sqlite3.Connection, article_id: str) -> tuple[bool, str, str]:
    """Sort key of "earliest": published first (undated last), then id, so labels ignore arrival order."""
    published = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    return (published is None, published or "", article_id)


def _set(conn: sqlite3.Connection, article_id: str, story: str) -> None:
    conn.execute(
        "UPDATE articles SET story = ?, copy_of = ? WHERE id = ?",
        (story, None if story == article_id else story, article_id),
    )
    conn.execute("UPDATE story_bands SET story = ? WHERE article_id = ?", (story, article_id))


def _label(conn: sqlite3.Connection, component: Iterable[str]) -> set[str]:
    """Give ``component`` one story (its earliest article); return the ids whose story or copy_of changed."""
    ids = sorted(component)
    rows = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        rows += conn.execute(
            "SELECT id, published, story, copy_of FROM articles WHERE id IN (" + ",".join("?" * len(chunk)) + ")",
            chunk,
        ).fetchall()
    if not rows:
        return set()
    first = min(rows, key=lambda r: (r[1] is None, r[1] or "", r[0]))[0]
    changed = set()
    for aid, _, story, copy_of in rows:
        if story != first or copy_of != (None if aid == first else first):
            _set(conn, aid, first)
            changed.add(aid)
    return changed


def _component(conn: sqlite3.Connection, start: str) -> set[str]:
    """Every stored article linked to ``start`` by a chain of verified copies (band lookups, no scan)."""
    seen = {start}
    todo = [start]
    while todo:
        current = todo.pop()
        sig = _signature_of(conn, current)
        if sig is None:
            continue
        for band, value in band_hashes(sig):
            for (other,) in conn.execute(
                "SELECT article_id FROM story_bands WHERE band = ? AND hash = ?", (band, value)
            ).fetchall():
                if other not in seen and _is_copy(conn, sig, other):
                    seen.add(other)
                    todo.append(other)
    return seen


def forget(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """Before ``article_id`` is deleted: the other members of its story (to be relabelled after)."""
    row = conn.execute("SELECT story FROM articles WHERE id = ?", (article_id,)).fetchone()
    if not row or row[0] is None:
        return []
    return [m for m in _members(conn, row[0]) if m != article_id]


def add(conn: sqlite3.Connection, article_id: str, sig: bytes | None) -> set[str]:
    """Index a just-inserted article and join it to its story; return the ids whose story changed."""
    if sig is None:
        return _label(conn, [article_id])
    hashes = band_hashes(sig)
    stories = _matching_stories(conn, sig, hashes)  # before its own rows go in
    conn.execute("INSERT INTO story_signatures (article_id, signature) VALUES (?, ?)", (article_id, sig))
    story = article_id
    if len(stories) == 1 and _order(conn, next(iter(stories))) < _order(conn, article_id):
        story = next(iter(stories))  # a later copy joins the story as it is: nothing else changes
    conn.execute(
        "UPDATE articles SET story = ?, copy_of = ? WHERE id = ?",
        (story, None if story == article_id else story, article_id),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO story_bands (band, hash, story, article_id) VALUES (?, ?, ?, ?)",
        [(band, value, story, article_id) for band, value in hashes],
    )
    if story != article_id or not stories:
        return {article_id}
    component = {article_id}
    for other in stories:
        component.update(_members(conn, other))
    return _label(conn, component) | {article_id}


def relabel(conn: sqlite3.Connection, article_ids: Iterable[str]) -> set[str]:
    """Recompute the stories of ``article_ids`` from the index (after a member was replaced)."""
    changed: set[str] = set()
    done: set[str] = set()
    for aid in article_ids:
        if aid in done:
            continue
        component = _component(conn, aid)
        done |= component
        changed |= _label(conn, component)
    return changed


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every signature, band and story from the stored texts (the components ``add`` builds)."""
    conn.execute("DELETE FROM story_bands")
    conn.execute("DELETE FROM story_signatures")
    conn.execute("UPDATE articles SET story = NULL, copy_of = NULL")
    ids: list[str] = []
    sigs: dict[str, bytes] = {}
    buckets: dict[tuple[int, int], list[str]] = {}
    for aid, text in conn.execute("SELECT id, text FROM articles ORDER BY n").fetchall():
        ids.append(aid)
        sig = signature(text)
        if sig is None:
            continue
        sigs[aid] = sig
        conn.execute("INSERT INTO story_signatures (article_id, signature) VALUES (?, ?)", (aid, sig))
        hashes = band_hashes(sig)
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (band, hash, story, article_id) VALUES (?, ?, ?, ?)",
            [(band, value, aid, aid) for band, value in hashes],
        )
        for key in hashes:
            buckets.setdefault(key, []).append(aid)
    # Union-find over verified pairs sharing a bucket: the edges band lookups find one by one.
    parent = {aid: aid for aid in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[:i]:
                if find(a) == find(b):
                    continue
                if similarity(sigs[a], sigs[b]) >= THRESHOLD:
                    parent[find(a)] = find(b)
    components: dict[str, list[str]] = {}
    for aid in ids:
        components.setdefault(find(aid), []).append(aid)
    for component in components.values():
        _label(conn, component)


def counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """(stories, copies): story clusters, and articles that are a copy of an earlier one."""
    row = conn.execute("SELECT count(DISTINCT story), count(copy_of) FROM articles").fetchone()
    return int(row[0]), int(row[1])
