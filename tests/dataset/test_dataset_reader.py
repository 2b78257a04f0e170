"""A dataset folder read back: as articles, into the store, and with SQL (DuckDB)."""

from __future__ import annotations

import pytest
from coded_articles import china, moscow_times, prisoner_swap

from eventcoder.dataset import import_dataset, query, read_batches
from eventcoder.dataset.layout import Layout, open_existing
from eventcoder.dataset.tasks import write_parts
from eventcoder.errors import DatasetError
from eventcoder.store import Store

META = {"eventcoder": "test", "settings": {"batch_size": 2}}


@pytest.fixture
def dataset(tmp_path):
    root = str(tmp_path / "ds")
    layout = Layout(root)
    layout.prepare(META)
    write_parts(layout, "batch1", [moscow_times(), china()])
    write_parts(layout, "batch2", [prisoner_swap()])
    return root


def test_batches_come_back_as_the_articles_written(dataset):
    back = [a.to_dict() for batch in read_batches(dataset) for a in batch]
    expected = [a.to_dict() for a in (moscow_times(), china(), prisoner_swap())]
    assert sorted(back, key=lambda a: a["id"]) == sorted(expected, key=lambda a: a["id"])


def test_sql_sees_each_table_with_its_partition_columns(dataset):
    columns, rows = query(dataset, "select year, month, count(*) from events group by 1, 2 order by 1, 2")
    assert columns[:2] == ["year", "month"]
    by_month = {(y, m): n for y, m, n in rows}
    articles = (moscow_times(), china(), prisoner_swap())
    expected: dict[tuple[int, int], int] = {}
    for a in articles:
        key = (int(a.published[:4]), int(a.published[5:7]))
        expected[key] = expected.get(key, 0) + len(a.events)
    assert by_month == {k: v for k, v in expected.items() if v}
    _, [(cameo, kind)] = query(dataset, "select cameo, typeof(trigger_start) from events limit 1")
    assert isinstance(cameo, str) and kind == "BIGINT"


def test_an_empty_table_answers_no_rows(tmp_path):
    root = str(tmp_path / "empty")
    Layout(root).prepare(META)
    assert query(root, "select count(*) from quotes") == (["count_star()"], [(0,)])


def test_bad_sql_is_one_line_naming_the_query(dataset):
    with pytest.raises(DatasetError, match=r"^query: .*nope"):
        query(dataset, "select * from nope")


def test_import_loads_the_store_and_again_changes_nothing(dataset, tmp_path):
    with Store(tmp_path / "x.db") as store:
        first = import_dataset(dataset, store)
        again = import_dataset(dataset, store)
        assert store.stats()["articles"] == 3
        assert store.stats()["events"] == sum(len(a.events) for a in (moscow_times(), china(), prisoner_swap()))
    assert (first.inserted, again.inserted, again.unchanged) == (3, 0, 3)


def test_half_written_files_are_invisible_and_cleaned(dataset):
    layout = Layout(dataset)
    stray = layout.path("events", "year=2024", "month=08", ".part-batch3.parquet.0123.tmp")
    layout.fs.pipe(stray, b"half a file")
    assert query(dataset, "select count(*) from events")[1][0][0] > 0
    layout.remove_temporaries()
    assert not layout.fs.exists(stray)


def test_a_dataset_is_not_continued_with_other_settings(dataset):
    with pytest.raises(DatasetError, match=r"coded with other settings \(settings\)"):
        Layout(dataset).prepare({"eventcoder": "test", "settings": {"batch_size": 3}})


def test_a_folder_of_other_files_is_not_taken(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(DatasetError, match="folder is not empty and holds no eventcoder dataset"):
        Layout(str(tmp_path)).prepare(META)
    with pytest.raises(DatasetError, match="no eventcoder dataset here"):
        open_existing(str(tmp_path))
