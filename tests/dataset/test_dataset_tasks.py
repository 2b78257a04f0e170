"""Inputs cut into tasks, and one task run as a worker runs it (no cluster needed)."""

from __future__ import annotations

import json

from eventcoder.article import Article
from eventcoder.dataset.layout import Layout
from eventcoder.dataset.tasks import Task, count_items, expand, plan, read_items, run_task
from eventcoder.ingest import Rejection, read_inputs
from eventcoder.settings import Settings

STORY = (
    "Title {n}\n\nBy Reuters\n\n2024-09-{n:02d}\n\n"
    "Russian Foreign Minister Sergei Lavrov met Chinese President Xi Jinping in Beijing on Friday for talk {n}. "
    "Russia accused Ukraine of attacking civilians.\n"
)


def _inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for n in (1, 2):
        (folder / f"story{n}.txt").write_text(STORY.format(n=n + 10))
    (folder / "sub" / "empty.txt").write_text("")
    good = {"id": "rec1", "text": STORY.format(n=20).split("\n\n", 3)[3], "published": "2024-10-01"}
    (folder / "records.jsonl").write_text("{broken\n" + json.dumps(good) + "\n")
    (folder / ".hidden.txt").write_text("not read")
    return folder


def test_expansion_reads_files_in_the_order_of_the_single_machine_run(tmp_path):
    folder = _inputs(tmp_path)
    files, rejected = expand([str(folder), str(tmp_path / "missing.txt"), str(tmp_path / "*.csv")])
    single = [i for i in read_inputs([str(folder)])]
    seen: list[str] = []
    for item in single:
        where = item.path if not isinstance(item, Rejection) else item.where.split(":")[0]
        if where not in seen:
            seen.append(where)
    assert files == seen
    assert [str(r) for r in rejected] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / '*.csv'}: no file matches this pattern",
    ]


def test_tasks_are_consecutive_batches_across_files():
    files = ["a.txt", "b.csv", "c.txt", "d.jsonl"]
    counts = {"b.csv": 5, "d.jsonl": 2}
    tasks = plan(files, lambda paths: [counts[p] for p in paths], batch_size=3)
    assert [t.slices for t in tasks] == [
        (("a.txt", 0, 1), ("b.csv", 0, 2)),
        (("b.csv", 2, 5),),
        (("c.txt", 0, 1), ("d.jsonl", 0, 2)),
    ]
    assert len({t.key for t in tasks}) == 3 and tasks[0].key == Task(tasks[0].slices).key


def test_a_task_codes_writes_its_parts_and_records_its_rejections(tmp_path):
    folder = _inputs(tmp_path)
    files, _ = expand([str(folder)])
    [task] = plan(files, lambda paths: [count_items(p, False) for p in paths], batch_size=10)
    root = str(tmp_path / "ds")
    layout = Layout(root)
    layout.prepare({"eventcoder": "test", "settings": {}})
    entry = run_task(task, Settings(), root)
    records = folder / "records.jsonl"
    # Rejected lines are named file:line, in the order of the input, and the rest is coded.
    assert [r.split(": ")[0] for r in entry["rejections"]] == [f"{records}:1", str(folder / "sub" / "empty.txt")]
    assert entry["articles"] == 3 and entry["events"] > 0
    assert sorted(entry["parts"])[0].startswith("actors/year=2024/month=09/part-")
    assert layout.manifest() == {task.key: entry}
    # Run again (a retried task): the manifest answers, nothing is coded or written twice.
    before = {p: layout.fs.info(layout.path(p))["mtime"] for p in entry["parts"]}
    assert run_task(task, Settings(), root) == entry
    assert {p: layout.fs.info(layout.path(p))["mtime"] for p in entry["parts"]} == before


def test_urls_are_read_through_fsspec_and_named_as_given():
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/news/a.txt", STORY.format(n=11).encode())
    fs.pipe("/news/b.jsonl", b'{"text": ""}\n')
    fs.pipe("/news/.hidden.txt", b"not read")
    files, rejected = expand(["memory://news", "memory://news/*.csv", "memory://nothing.txt"])
    assert files == ["memory:///news/a.txt", "memory:///news/b.jsonl"]
    assert [str(r) for r in rejected] == [
        "memory://news/*.csv: no file matches this pattern",
        "memory://nothing.txt: no such file or directory",
    ]
    [article] = read_items(files[0], plain=False)
    assert isinstance(article, Article) and article.path == "memory:///news/a.txt" and article.title == "Title 11"
    [rejection] = read_items(files[1], plain=False)
    assert str(rejection) == "memory:///news/b.jsonl:1: record has no text"
