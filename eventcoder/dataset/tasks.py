"""Inputs split into tasks of ``batch_size`` articles, and one task run: read, code, write its parts.

A task is a list of slices ``(path, first, end)``: items ``first`` to ``end - 1`` of what
:func:`eventcoder.ingest.inputs.read_file` yields for ``path`` (an article file is one item; a
JSON Lines or CSV file one per record, rejected lines included). The items of all inputs, in
the order the single-machine run reads them, are cut into consecutive tasks of
``batch_size`` items, so a task is the same batch ``eventcoder code --workers 1`` would code.

:func:`run_task` is what a worker runs. It never returns the articles: it writes them as
Parquet parts and returns its manifest entry (counts and rejections), which it also writes.
Nothing here imports dask: the engine is in :mod:`eventcoder.distributed`.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import fsspec

from ..article import Article
from ..ingest import Rejection
from ..ingest.inputs import NO_MATCH, NO_SUCH, USE, file_format, read_file
from ..pipeline import code_batch_safely
from ..settings import Settings
from .layout import Layout
from .schema import TABLES, partition, rows, table

Slice = tuple[str, int, int]


@dataclass(frozen=True)
class Task:
    """One input batch: its slices of input files and a key naming its parts."""

    slices: tuple[Slice, ...]

    @property
    def key(self) -> str:
        """A stable key of the task's input slices (its part names derive from it)."""
        blob = json.dumps(self.slices, ensure_ascii=False).encode("utf-8")
        return hashlib.blake2b(blob, digest_size=10).hexdigest()

    @property
    def size(self) -> int:
        """How many articles the task holds."""
        return sum(end - first for _, first, end in self.slices)


def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def expand(inputs: list[str]) -> tuple[list[str], list[Rejection]]:
    """The input files named by files, folders (recursively, sorted) and globs, and the names
    that match nothing. Local paths are expanded exactly as ``eventcoder code`` does; URLs
    (``s3://…``) through fsspec."""
    files: list[str] = []
    rejected: list[Rejection] = []
    for given in inputs:
        found = _expand_url(given) if _is_url(given) else _expand_local(given)
        if isinstance(found, Rejection):
            rejected.append(found)
        else:
            files.extend(found)
    return files, rejected


def _expand_local(given: str) -> list[str] | Rejection:
    if given == "-":
        return Rejection(given, "standard input cannot be coded on a cluster; save it to a file")
    if not given.strip():
        return Rejection(repr(given), "empty path")
    if os.path.isdir(given):
        return _folder(given)
    if os.path.lexists(given):
        return [given]
    if glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            return Rejection(given, NO_MATCH)
        out: list[str] = []
        for match in matches:
            found = _folder(match) if os.path.isdir(match) else [match]
            if isinstance(found, Rejection):
                return found
            out.extend(found)
        return out
    return Rejection(given, NO_SUCH)


def _folder(folder: str) -> list[str] | Rejection:
    # The order of ingest's folder reader: by path components, hidden entries skipped.
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith(".") and file_format(name)[0] is not None:
                path = os.path.join(root, name)
                found.append((os.path.relpath(path, folder).split(os.sep), path))
    if not found:
        return Rejection(folder, f"no article files in this folder ({USE})")
    return [path for _, path in sorted(found)]


def _expand_url(given: str) -> list[str] | Rejection:
    fs, path = fsspec.core.url_to_fs(given)
    protocol = given.split("://", 1)[0]
    if fs.isdir(path):
        names = [p for p in fs.find(path) if file_format(p.rsplit("/", 1)[-1])[0] is not None]
        names = [p for p in names if not any(part.startswith(".") for part in p[len(path) :].split("/"))]
        if not names:
            return Rejection(given, f"no article files in this folder ({USE})")
    elif fs.exists(path):
        return [given]
    elif glob.has_magic(path):
        names = fs.glob(path)
        if not names:
            return Rejection(given, NO_MATCH)
    else:
        return Rejection(given, NO_SUCH)
    return [f"{protocol}://{p}" for p in sorted(names)]


def has_records(path: str) -> bool:
    """Whether a file holds many articles (JSON Lines, CSV) rather than one."""
    return file_format(path.rsplit("/", 1)[-1])[0] in ("jsonl", "csv")


def read_items(path: str, plain: bool, cwd: str | None = None) -> Iterator[Article | Rejection]:
    """The items of one input file, read through fsspec when it is a URL.

    ``cwd``: the client's working folder, against which a relative path is read (a worker's
    own may differ); articles and rejections still name the path as given.
    """
    if not _is_url(path):
        real = os.path.join(cwd, path) if cwd and not os.path.isabs(path) else path
        yield from _relabel(read_file(real, plain=plain), real, path)
        return
    # The readers take a local path: a remote file is copied to a temporary one first.
    suffix = "".join(f".{p}" for p in path.rsplit("/", 1)[-1].split(".")[1:])
    with tempfile.TemporaryDirectory() as tmp:
        local = os.path.join(tmp, "input" + suffix)
        try:
            fs, remote = fsspec.core.url_to_fs(path)
            fs.get(remote, local)
        except OSError as e:
            yield Rejection(path, f"cannot read: {e}")
            return
        yield from _relabel(read_file(local, plain=plain), local, path)


def _relabel(items: Iterator[Article | Rejection], real: str, shown: str) -> Iterator[Article | Rejection]:
    for item in items:
        if real == shown:
            yield item
        elif isinstance(item, Rejection):
            yield Rejection(shown + item.where[len(real) :] if item.where.startswith(real) else item.where, item.reason)
        else:
            item.path = shown
            yield item


def count_items(path: str, plain: bool, cwd: str | None = None) -> int:
    """How many items (articles and rejections) a file yields: run where the file is near."""
    return sum(1 for _ in read_items(path, plain, cwd))


def plan(files: list[str], count: Callable[[list[str]], list[int]], batch_size: int) -> list[Task]:
    """Cut the items of ``files`` into tasks of ``batch_size`` consecutive items.

    ``count`` answers the item counts of the record files (on the cluster, so that the
    client does not read the data).
    """
    records = [f for f in files if has_records(f)]
    sizes = dict(zip(records, count(records), strict=True))
    tasks: list[Task] = []
    current: list[Slice] = []
    room = batch_size
    for path in files:
        n, first = sizes.get(path, 1), 0
        while first < n:
            take = min(room, n - first)
            current.append((path, first, first + take))
            first += take
            room -= take
            if room == 0:
                tasks.append(Task(tuple(current)))
                current, room = [], batch_size
    if current:
        tasks.append(Task(tuple(current)))
    return tasks


def run_task(task: Task, settings: Settings, root: str, cwd: str | None = None) -> dict[str, Any]:
    """Read, code and write one input batch; return (and record) its manifest entry.

    ``cwd`` is the client's working folder (relative input paths are read against it).
    Idempotent: a task already in the manifest is not coded again, and one coded again
    after a crash replaces its parts, so no row is ever doubled.
    """
    layout = Layout(root)
    done = layout.manifest_entry(task.key)
    if layout.fs.exists(done):
        return layout.read_json(done)
    started = time.perf_counter()
    articles: dict[str, Article] = {}
    rejections: list[str] = []
    repeated = 0
    for path, first, end in task.slices:
        for item in islice(read_items(path, settings.plain, cwd), first, end):
            if isinstance(item, Rejection):
                rejections.append(str(item))
            elif item.id in articles:
                repeated += 1  # the same id twice in a batch is coded once
            else:
                articles[item.id] = item
    coded: list[Article] = []
    for result in code_batch_safely(list(articles.values()), settings) if articles else []:
        if isinstance(result, Rejection):
            rejections.append(str(result))
        else:
            coded.append(result)
    parts = write_parts(layout, task.key, coded)
    entry = {
        "task": task.key,
        "slices": [list(s) for s in task.slices],
        "articles": len(coded),
        "skipped": repeated,
        "events": sum(len(a.events) for a in coded),
        "quotes": sum(len(a.quotes) for a in coded),
        "words": sum(len(a.text.split()) for a in coded),
        "rejections": rejections,
        "parts": parts,
        "seconds": round(time.perf_counter() - started, 3),
    }
    layout.write_json(done, entry)
    return entry


def write_parts(layout: Layout, key: str, articles: list[Article]) -> list[str]:
    """Write the articles' rows as one part per table and (year, month); return their paths
    relative to the dataset folder."""
    by_month: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for a in articles:
        by_month[partition(a)].append(a)
    written = []
    for (year, month), group in sorted(by_month.items()):
        for name, table_rows in rows(group).items():
            if not table_rows:
                continue
            path = layout.part(name, year, month, key)
            layout.write_table(path, table(name, table_rows))
            written.append(path[len(layout.root) + 1 :])
    return written


__all__ = ["TABLES", "Task", "count_items", "expand", "plan", "read_items", "run_task"]
