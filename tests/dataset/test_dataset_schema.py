"""The dataset's tables: the trip article -> rows -> Parquet -> article keeps every field."""

from __future__ import annotations

import io
from datetime import date

import pyarrow.parquet as pq
import pytest
from coded_articles import china, moscow_times, prisoner_swap

from eventcoder.article import Article
from eventcoder.dataset.schema import (
    SCHEMAS,
    TABLES,
    UNKNOWN,
    articles_from,
    join_date,
    partition,
    rows,
    split_date,
    table,
)


@pytest.mark.parametrize(
    ("value", "day", "granularity"),
    [("2024-09-20", date(2024, 9, 20), "day"), ("2022-03", date(2022, 3, 1), "month"),
     ("2019", date(2019, 1, 1), "year"), (None, None, None)],
)  # fmt: skip
def test_dates_split_and_join(value, day, granularity):
    assert split_date(value) == (day, granularity)
    assert join_date(day, granularity) == value


@pytest.mark.parametrize("value", ["20 September 2024", "2024-9-20", "2024-W38"])
def test_a_date_of_another_form_is_an_error_not_a_silent_loss(value):
    with pytest.raises(ValueError, match="is not YYYY, YYYY-MM or YYYY-MM-DD"):
        split_date(value)


def _through_parquet(articles: list[Article]) -> list[Article]:
    tables = {}
    for name, table_rows in rows(articles).items():
        buf = io.BytesIO()
        pq.write_table(table(name, table_rows), buf)
        tables[name] = pq.read_table(io.BytesIO(buf.getvalue())).to_pylist()
    return articles_from(tables)


def test_every_field_survives_the_trip():
    originals = [moscow_times(), china(), prisoner_swap()]
    back = _through_parquet(originals)
    assert [a.to_dict() for a in back] == [a.to_dict() for a in originals]
    # The hand-built articles exercise what can be absent: a participant, a location, a speaker.
    events = [e for a in originals for e in a.events]
    assert any(e.target is None for e in events) and any(e.location for e in events)
    assert any(q.speaker for a in originals for q in a.quotes)


def test_columns_are_typed():
    assert str(SCHEMAS["events"].field("cameo").type) == "string"
    assert str(SCHEMAS["events"].field("date").type) == "date32[day]"
    for name in TABLES:
        for f in SCHEMAS[name]:
            if f.name.endswith(("_start", "_end")) or f.name in ("start", "end"):
                assert str(f.type) == "int64", (name, f.name)


def test_rows_of_a_table_match_its_schema():
    art = moscow_times()
    out = rows([art])
    assert len(out["events"]) == len(art.events) and len(out["quotes"]) == len(art.quotes)
    for name in TABLES:
        assert set(out[name][0]) == set(SCHEMAS[name].names), name


def test_partition_is_the_publication_month_or_null():
    art = prisoner_swap()
    assert partition(art) == ("2024", "08")
    art.published = None
    assert partition(art) == (UNKNOWN, UNKNOWN)
