"""`eventcoder articles`, `events`, `quotes`: the columns and formats an analyst reads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from coded_articles import all_articles, filled_store

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "q.db"
    filled_store(path).close()
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    return result


def test_articles_table_lists_ids_dates_outlets_titles_and_counts(db):
    result = run("articles", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "outlet", "events", "quotes", "title"]
    # Newest first, undated last; one line per stored article.
    ids = [line.split()[0] for line in lines[2:]]
    assert ids == ["wn-china", "mt-2024-09-20", "wn-swap", "undated"]
    mt = next(a for a in all_articles() if a.id == "mt-2024-09-20")
    row = next(line for line in lines if line.startswith("mt-2024-09-20"))
    assert row.split()[1:5] == ["2024-09-20", "The", "Moscow", "Times"]
    assert f"{len(mt.events)}  " in row and mt.title[:20] in row
    assert result.stderr == "4 of 4\n"


def test_articles_search_dates_limit_and_formats(db):
    result = run("articles", "--db", db, "--search", "Blinken", "--format", "jsonl")
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["id"] for i in items] == ["mt-2024-09-20"]
    result = run("articles", "--db", db, "--since", "2024-09", "--until", "2024-09-30", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["mt-2024-09-20"]
    assert list(rows[0]) == ["id", "date", "outlet", "events", "quotes", "title", "url"]
    result = run("articles", "--db", db, "--limit", "2", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 2


def test_articles_bad_date_is_one_line_and_exit_2(db):
    result = run("articles", "--db", db, "--since", "2024-02-31")
    assert result.exit_code == 2
    assert result.stderr.startswith("eventcoder: since: '2024-02-31' is not a valid date")


def test_events_csv_and_jsonl_carry_the_article_id_and_codes_apart_from_names(db):
    result = run("events", "--db", db, "--format", "csv", "--limit", "100")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "date", "source", "source_name", "cameo", "plover", "target", "target_name", "modality", "trigger",
        "article", "title",
    ]  # fmt: skip
    expected = {(a.id, e.trigger.text) for a in all_articles() for e in a.events}
    assert {(r["article"], r["trigger"]) for r in rows} == expected
    for r in rows:
        # A code column holds a code (or ---), never the text of an unresolved mention.
        for side in ("source", "target"):
            assert r[side] == "---" or r[side].isupper(), r
    # CAMEO codes keep their leading zero, quoted.
    assert '"0841"' in result.stdout
    jsonl = run("events", "--db", db, "--format", "jsonl", "--cameo", "12")
    for line in jsonl.stdout.splitlines():
        item = json.loads(line)
        assert item["article"] == item["article_id"] == "mt-2024-09-20"


def test_quotes_csv_has_the_article_id(db):
    result = run("quotes", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == ["speaker", "direct", "quote", "article", "title"]
    assert {r["article"] for r in rows} <= {a.id for a in all_articles()}
    assert {r["article"] for r in rows} >= {"mt-2024-09-20"}


def test_events_quad_statements_and_article_filters(db):
    result = run("events", "--db", db, "--format", "csv", "--statements", "false", "--limit", "100")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(not r["cameo"].startswith("01") for r in rows)
    statements = run("events", "--db", db, "--format", "csv", "--statements", "true", "--limit", "100")
    rest = list(csv.DictReader(io.StringIO(statements.stdout)))
    assert len(rows) + len(rest) == sum(len(a.events) for a in all_articles())
    conflict = run("events", "--db", db, "--format", "csv", "--quad", "4", "--limit", "100")
    expected = {(a.id, e.trigger.text) for a in all_articles() for e in a.events if e.quad == 4}
    assert {(r["article"], r["trigger"]) for r in csv.DictReader(io.StringIO(conflict.stdout))} == expected
    one = run("events", "--db", db, "--format", "csv", "--article", "wn-swap")
    assert {r["article"] for r in csv.DictReader(io.StringIO(one.stdout))} == {"wn-swap"}
    assert run("events", "--db", db, "--quad", "9").exit_code == 2
