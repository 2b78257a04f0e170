"""The filters have one definition (eventcoder/store/filters.py): the command-line options, the
API query parameters, the SQL and the help texts all come from it, and agree with each other."""

from __future__ import annotations

import ast
import json
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from coded_articles import filled_store

from eventcoder.cli import (
    cli,
    commands,  # noqa: F401  (registers the commands)
)
from eventcoder.errors import QueryError
from eventcoder.store import ArticleFilters, EventFilters, QuoteFilters
from eventcoder.web import create_app

with warnings.catch_warnings():
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

# Each filters class, the commands that take it and the endpoint that takes it.
USERS = [
    (EventFilters, ["events", "export"], "/api/events"),
    (QuoteFilters, ["quotes"], "/api/quotes"),
    (ArticleFilters, [], "/api/articles"),
]
PAGING = {"limit", "offset"}
# Parameters that order a list rather than filter it (the event table sorts by a column).
ORDER = {"/api/events": ["sort", "unique"]}  # not filters: the order, and one item per fused event


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "f.db"
    filled_store(path).close()
    return path


@pytest.fixture(scope="module")
def api(db):
    with TestClient(create_app(db), base_url="http://localhost") as client:  # the Host guard answers localhost
        yield client


def _filter_options(command: str, names: list[str]) -> list[tuple[str, list[str], str | None]]:
    """(destination, option strings, help) of the options of ``command`` that are filters."""
    params = cli.commands[command].params
    return [(p.name, p.opts, getattr(p, "help", None)) for p in params if p.name in names]


@pytest.mark.parametrize(("cls", "command_names", "path"), USERS)
def test_cli_options_are_the_declared_filters(cls, command_names, path):
    declared = [(name, [spec.option_name(name)], spec.help) for name, spec in cls.specs()]
    for command in command_names:
        assert _filter_options(command, cls.names()) == declared, command


@pytest.mark.parametrize(("cls", "command_names", "path"), USERS)
def test_api_parameters_are_the_declared_filters(api, cls, command_names, path):
    params = api.get("/openapi.json").json()["paths"][path]["get"]["parameters"]
    others = PAGING | set(ORDER.get(path, []))
    got = [(p["name"], p["in"], p["description"]) for p in params if p["name"] not in others]
    assert got == [(name, "query", spec.help) for name, spec in cls.specs()]
    assert {p["name"] for p in params} - set(cls.names()) == others


@pytest.mark.parametrize(("cls", "command_names", "path"), USERS)
def test_each_filter_adds_its_own_declared_condition(cls, command_names, path):
    for name, spec in cls.specs():
        checked = cls(**{name: spec.example})
        value = getattr(checked, name)
        sql, args = spec.sql((value, True) if spec.words else value)
        where = checked.where()
        assert (where.parts, where.args) == ([sql], args), name
    assert cls().where().sql == ""


def test_no_filter_is_declared_by_hand():
    """Outside filters.py, the layers that serve filters take them whole: no parameter or
    option named after a filter that only a filter has."""
    only_filters = {"actor", "cameo", "plover", "modality", "speaker"}
    package = Path(__file__).resolve().parent.parent / "eventcoder"
    found = []
    for folder in ("store", "cli", "web", "export"):
        for path in (package / folder).rglob("*.py"):
            if path.name == "filters.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.arguments):
                    names = {a.arg for a in node.args + node.kwonlyargs + node.posonlyargs}
                    found += [f"{path.name}: parameter {n}" for n in names & only_filters]
                elif isinstance(node, ast.Constant) and node.value in {f"--{n}" for n in only_filters}:
                    found.append(f"{path.name}: option {node.value}")
    assert found == []


def _cli_total(command: str, db, option: str, value: str) -> int:
    runner = CliRunner()
    if command == "export":
        result = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl", option, value])
        assert result.exit_code == 0, result.output
        return len([json.loads(line) for line in result.stdout.splitlines()])
    result = runner.invoke(cli, [command, "--db", str(db), "--limit", "1", option, value])
    assert result.exit_code == 0, result.output
    return int(re.search(r"\d+ of (\d+)", result.stderr)[1])


@pytest.mark.parametrize(("cls", "command_names", "path"), USERS)
def test_every_filter_selects_the_same_rows_everywhere(db, api, cls, command_names, path):
    """Each filter's example, alone, through the store, the API and each command: one total,
    and a real selection (some rows, not all)."""
    from eventcoder.store import Store

    with Store(db) as store:
        query = {EventFilters: store.events, QuoteFilters: store.quotes, ArticleFilters: store.articles}[cls]
        everything = query()["total"]
        for name, spec in cls.specs():
            total = query(**{name: spec.example})["total"]
            assert 0 < total < everything, (name, spec.example, total, everything)
            assert query(cls(**{name: spec.example}))["total"] == total
            assert api.get(path, params={name: spec.example}).json()["total"] == total, name
            for command in command_names:
                assert _cli_total(command, db, spec.option_name(name), spec.example) == total, (command, name)


@pytest.mark.parametrize("cls", [EventFilters, QuoteFilters, ArticleFilters])
def test_unknown_filters_are_named_with_the_known_ones(cls):
    with pytest.raises(QueryError, match=rf"unknown \w+ filter 'colour'; known: {', '.join(cls.names())}$"):
        cls.of({"colour": "red"})


def test_filters_are_checked_and_normalised_when_built():
    f = EventFilters(source=" RUS ", modality="NEGATED", since="2024-09", until="2024-09", plover="")
    assert (f.source, f.modality, f.since, f.until, f.plover) == ("RUS", "negated", "2024-09-01", "2024-09-30", None)
    with pytest.raises(QueryError, match=r"since \(2024-10\) is after until \(2024-09\)"):
        QuoteFilters(since="2024-10", until="2024-09")
    with pytest.raises(QueryError, match=r"cameo: 'x1' is not a CAMEO event code prefix"):
        EventFilters(cameo="x1")
    with pytest.raises(QueryError, match=r"source: 42 is not text"):
        EventFilters(source=42)


def test_the_python_api_takes_dates(db):
    from datetime import date

    from eventcoder.store import Store

    assert EventFilters(since=date(2024, 9, 2)).since == "2024-09-02"
    with Store(db) as store:
        assert store.events(since=date(2024, 10, 1))["total"] == store.events(since="2024-10")["total"] == 2
        with pytest.raises(QueryError, match="not both"):
            store.events(EventFilters(source="RUS"), target="USA")


@pytest.mark.parametrize(("cls", "command_names", "path"), USERS)
def test_the_api_docs_list_every_filter(cls, command_names, path):
    docs = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    row = next(line for line in docs.splitlines() if line.startswith(f"| `GET {path}` |"))
    params = re.findall(r"`(\w+)`", row.split("|")[2])
    assert params == [*cls.names(), "limit", "offset", *ORDER.get(path, [])]
