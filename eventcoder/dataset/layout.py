"""Where things are in a dataset folder, and how they are written so that a crash leaves no half file.

```
DIR/_dataset.json                       format, eventcoder version, the settings that shape it
DIR/_manifest/<task>.json               one per finished input batch: its counts and rejections
DIR/<table>/_common_metadata            the table's Arrow schema (Spark and pyarrow read it)
DIR/<table>/year=YYYY/month=MM/part-<task>.parquet
DIR/rejections.jsonl                    every rejected input, ``file:line: reason``
```

A part is named after its input batch, so coding the batch again (a retried task, a rerun
after a crash) replaces the part instead of adding rows. Each file is written under a hidden
temporary name (``.part-….tmp``, which no reader lists) and then renamed. The folder can be
any fsspec URL (``s3://bucket/dir``) whose filesystem is installed.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem

from ..errors import DatasetError
from .schema import SCHEMAS, TABLES

FORMAT = 1
META = "_dataset.json"
MANIFEST = "_manifest"
REJECTIONS = "rejections.jsonl"


class Layout:
    """A dataset folder on some filesystem: paths of its parts and atomic writes."""

    def __init__(self, root: str) -> None:
        self.url = root
        self.fs: AbstractFileSystem
        self.fs, self.root = fsspec.core.url_to_fs(root)
        self.root = self.root.rstrip("/")

    def path(self, *parts: str) -> str:
        """A path under the dataset's root."""
        return "/".join([self.root, *parts])

    def part(self, table: str, year: str, month: str, task: str) -> str:
        """The path of one Parquet part of a table's partition."""
        return self.path(table, f"year={year}", f"month={month}", f"part-{task}.parquet")

    def manifest_entry(self, task: str) -> str:
        """The manifest entry that marks a task as finished."""
        return self.path(MANIFEST, f"{task}.json")

    # -- atomic writes ---------------------------------------------------------------------

    def _atomic(self, final: str, write: Any) -> None:
        folder, name = final.rsplit("/", 1)
        self.fs.makedirs(folder, exist_ok=True)
        tmp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"
        try:
            with self.fs.open(tmp, "wb") as f:
                write(f)
            self.fs.mv(tmp, final)
        except BaseException:
            if self.fs.exists(tmp):
                self.fs.rm(tmp)
            raise

    def write_table(self, final: str, table: pa.Table) -> None:
        """Write a Parquet part atomically (a temporary name, then a rename)."""
        self._atomic(final, lambda f: pq.write_table(table, f, compression="zstd"))

    def write_json(self, final: str, value: Any) -> None:
        """Write a JSON file atomically."""
        data = json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")
        self._atomic(final, lambda f: f.write(data))

    def write_lines(self, final: str, lines: list[str]) -> None:
        """Write text lines atomically."""
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        self._atomic(final, lambda f: f.write(data))

    # -- reading ------------------------------------------------------------------------------

    def read_json(self, path: str) -> Any:
        """Read a JSON file of the dataset."""
        with self.fs.open(path, "rb") as f:
            return json.loads(f.read().decode("utf-8"))

    def manifest(self) -> dict[str, dict[str, Any]]:
        """The finished input batches: task key -> its manifest entry."""
        folder = self.path(MANIFEST)
        if not self.fs.exists(folder):
            return {}
        out = {}
        for path in self.fs.glob(folder + "/*.json"):
            entry = self.read_json(path)
            out[entry["task"]] = entry
        return out

    def parts(self, table: str) -> list[str]:
        """The part files of ``table``, sorted (hidden temporary files are not parts)."""
        return sorted(p for p in self.fs.glob(self.path(table, "*", "*", "part-*.parquet")))

    def remove_temporaries(self) -> None:
        """Delete half-written files left by a killed run (never read, but they take space)."""
        for path in self.fs.glob(self.path("**", ".*.tmp")):
            self.fs.rm(path)

    # -- the folder's identity ---------------------------------------------------------------------

    def prepare(self, meta: dict[str, Any]) -> None:
        """Create the folder, or check that it holds a dataset made with the same ``meta``.

        Continuing a dataset with other settings (another batch size, other dictionaries)
        would mix two codings and name batches differently: that is refused.
        """
        meta = {"format": FORMAT, **meta}
        if self.fs.exists(self.path(META)):
            old = self.read_json(self.path(META))
            if old != meta:
                diff = sorted(k for k in set(old) | set(meta) if old.get(k) != meta.get(k))
                raise DatasetError(
                    f"{self.url}: this dataset was coded with other settings ({', '.join(diff)}); "
                    "run with the same settings to finish it, or code into a new folder"
                )
            return
        if self.fs.exists(self.root) and self.fs.ls(self.root):
            raise DatasetError(f"{self.url}: folder is not empty and holds no eventcoder dataset; use a new folder")
        self.fs.makedirs(self.root, exist_ok=True)
        for name in TABLES:
            self.fs.makedirs(self.path(name), exist_ok=True)
            with self.fs.open(self.path(name, "_common_metadata"), "wb") as f:
                pq.write_metadata(SCHEMAS[name], f)
        self.write_json(self.path(META), meta)


def open_existing(root: str) -> Layout:
    """A dataset folder that must exist and hold a dataset (for import and query)."""
    layout = Layout(root)
    if not layout.fs.exists(layout.path(META)):
        raise DatasetError(f"{root}: no eventcoder dataset here (code into it first: eventcoder code FILES --dask "
                           f"local --dataset {root})")  # fmt: skip
    meta = layout.read_json(layout.path(META))
    if meta.get("format") != FORMAT:
        raise DatasetError(f"{root}: dataset format {meta.get('format')!r}, this eventcoder reads format {FORMAT}")
    return layout
