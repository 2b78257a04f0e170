"""Exports: csv, jsonl, parquet and GDELT 2.0 event-table rows, through the library and the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from coded_articles import SWAP_TEXT, filled_store, prisoner_swap

from eventcoder.cli import cli, commands  # noqa: F401  (importing commands registers them)
from eventcoder.errors import QueryError
from eventcoder.export import COLUMNS, gdelt, write_events
from eventcoder.store import Store

OLDEST_FIRST = [
    ("wn-swap", "e1"), ("wn-swap", "e2"), ("wn-swap", "e3"), ("mt-2024-09-20", "e3"), ("mt-2024-09-20", "e1"),
    ("mt-2024-09-20", "e2"), ("wn-china", "e1"), ("wn-china", "e2"), ("undated", "e1"),
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "e.db"
    filled_store(path).close()
    return path


@pytest.fixture
def store(db):
    with Store(db) as s:
        yield s


def export(store, fmt, **kw) -> str:
    out = io.StringIO()
    write_events(store, fmt, out, **kw)
    return out.getvalue()


SWAP_E1 = {
    "article_id": "wn-swap", "event_id": "e1", "day": "2024-08-01", "date": "2024-08-01", "date_granularity": "day",
    "published": "2024-08-02",
    "source_code": "RUS", "source_name": "Russia", "source_country": "RUS", "source_text": "Russia",
    "target_code": "USA", "target_name": "United States", "target_country": "USA", "target_text": "the United States",
    "cameo": "0841", "root": "08", "plover": "RETREAT", "mode": "", "contexts": "", "goldstein": "7.0", "quad": "2",
    "modality": "asserted", "negated": "false", "confidence": "0.5", "trigger": "exchanged",
    "trigger_start": str(SWAP_TEXT.index("exchanged")), "trigger_end": str(SWAP_TEXT.index("exchanged") + 9),
    "sentence_start": "0", "sentence_end": str(SWAP_TEXT.index("\n")), "sentence": SWAP_TEXT.split("\n")[0],
    "location_name": "Ankara", "location_country": "TUR", "lat": "39.91987", "lon": "32.85427",
    "geonameid": "323786", "quote": "", "rule": "CAMEO.2.0.txt:900 EXCHANGE", "title": "Russia and US swap prisoners",
    "outlet": "Wikinews", "url": "https://en.wikinews.org/wiki/Prisoner_swap",
}  # fmt: skip


def test_csv(store):
    rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert list(rows[0]) == [name for name, _, _ in COLUMNS]
    assert [(r["article_id"], r["event_id"]) for r in rows] == OLDEST_FIRST
    assert rows[0] == SWAP_E1
    assert rows[-1]["day"] == "" and rows[-1]["published"] == ""


def test_csv_round_trips_through_pandas_with_its_types(store):
    import pandas as pd

    from eventcoder.export import CSV_DATES, CSV_DTYPES

    text = export(store, "csv")
    frame = pd.read_csv(io.StringIO(text), dtype=CSV_DTYPES, parse_dates=CSV_DATES)
    assert list(frame["cameo"]) == [r["cameo"] for r in csv.DictReader(io.StringIO(text))]
    assert "0841" in set(frame["cameo"]) and "08" in set(frame["root"])  # leading zeros kept
    assert str(frame["day"].dtype).startswith("datetime64") and str(frame["goldstein"].dtype) == "float64"
    assert frame["negated"].dtype == bool
    # Every string cell is quoted, numbers and empty cells are not: "0841" is text to any reader
    # that honours quotes.
    first = text.splitlines()[1]
    assert first.startswith('"wn-swap","e1",2024-08-01,2024-08-01,"day",2024-08-02,"RUS",')
    assert ',"0841","08","RETREAT",,,7.0,2,"asserted",false,' in first


def test_the_pandas_line_of_the_docs_reads_the_csv(store, tmp_path):
    import pandas as pd

    docs = (Path(__file__).resolve().parents[1] / "docs" / "export.md").read_text(encoding="utf-8")
    line = next(x for x in docs.splitlines() if x.startswith('events = pd.read_csv("events.csv"'))
    write_events(store, "csv", tmp_path / "events.csv")
    scope = {"pd": pd}
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(line, scope)  # noqa: S102 - the documented line, run as a reader would
    finally:
        os.chdir(cwd)
    events = scope["events"]
    assert len(events) == 9 and "0841" in set(events["cameo"]) and str(events["day"].dtype).startswith("datetime64")


def test_csv_without_header_and_filtered(store):
    text = export(store, "csv", header=False, source="RUS", target="USA")
    rows = list(csv.reader(io.StringIO(text)))
    assert [(r[0], r[1]) for r in rows] == [("wn-swap", "e1"), ("mt-2024-09-20", "e1")]


def test_csv_quotes_commas_and_newlines(tmp_path):
    article = prisoner_swap()
    article.title = 'Swap, "at last"\nin Ankara'
    with Store(tmp_path / "e.db") as store:
        store.write_batch([article])
        rows = list(csv.DictReader(io.StringIO(export(store, "csv"))))
    assert [r["title"] for r in rows] == ['Swap, "at last"\nin Ankara'] * 3


def test_jsonl_items_are_the_api_items_plus_the_sentence(store):
    lines = export(store, "jsonl", cameo="12").splitlines()
    items = [json.loads(line) for line in lines]
    api = {(e["article_id"], e["id"]): e for e in store.events(cameo="12")["items"]}
    assert [(i["article_id"], i["id"]) for i in items] == [("mt-2024-09-20", "e3"), ("mt-2024-09-20", "e1")]
    for item in items:
        sentence = item.pop("sentence_text")
        assert item == api[(item["article_id"], item["id"])]
        assert sentence.startswith(("Moscow on Friday", "Rybakov said"))


def test_parquet(store, tmp_path):
    n = write_events(store, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert n == table.num_rows == 9
    types = {f.name: str(f.type) for f in table.schema}
    assert types["goldstein"] == "double" and types["quad"] == "int64" and types["negated"] == "bool"
    assert types["day"] == types["date"] == types["published"] == "date32[day]"
    assert types["date_granularity"] == "string"
    assert types["article_id"] == "string" and types["geonameid"] == "int64"
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["article_id"], first["event_id"], first["goldstein"], first["quad"]) == ("wn-swap", "e1", 7.0, 2)
    assert (first["lat"], first["geonameid"], first["negated"], first["mode"]) == (39.91987, 323786, False, None)
    assert (first["day"], first["published"], first["date_granularity"]) == (date(2024, 8, 1), date(2024, 8, 2), "day")
    rows = table.to_pylist()
    undated = [r for r in rows if r["article_id"] == "undated"]
    assert undated and all(r["day"] is None and r["date"] is None and r["date_granularity"] is None for r in undated)


@pytest.mark.parametrize(
    ("value", "first", "granularity"),
    [("2024-09-20", "2024-09-20", "day"), ("2022-03", "2022-03-01", "month"), ("2022", "2022-01-01", "year"),
     ("2024-W38", "2024-09-16", "week"), ("2024-09-21/2024-09-22", "2024-09-21", "day"), (None, None, None),
     ("soon", None, None)],
)  # fmt: skip
def test_partial_dates_become_their_first_day_with_a_granularity(value, first, granularity):
    from eventcoder.export import COLUMNS as columns

    get = dict((name, fn) for name, _, fn in columns)
    item = {"date": value}
    assert get["date"](item) == (date.fromisoformat(first) if first else None)
    assert get["date_granularity"](item) == granularity


def test_parquet_with_no_match_is_an_empty_readable_file(store, tmp_path):
    assert write_events(store, "parquet", tmp_path / "none.parquet", source="ZZZ") == 0
    table = pq.read_table(tmp_path / "none.parquet")
    assert table.num_rows == 0 and table.schema.names == [name for name, _, _ in COLUMNS]


def test_gdelt_rows(store):
    skipped: dict[str, int] = {}
    out = io.StringIO()
    assert write_events(store, "gdelt", out, skipped=skipped) == 8
    text = out.getvalue()
    rows = [line.split("\t") for line in text.splitlines()]
    assert len(rows) == 8 and all(len(r) == 61 for r in rows)
    assert skipped == {"no date": 1}  # the undated article's event: GDELT has no event without a day
    row = dict(zip(gdelt.COLUMNS, rows[0], strict=True))
    event_id = row.pop("GlobalEventID")
    added = row.pop("DATEADDED")
    assert event_id.isdigit() and 0 < int(event_id) < 2**63
    assert len(added) == 14 and added.isdigit()
    expected = dict.fromkeys(gdelt.COLUMNS[1:-2], "")
    expected.update(
        Day="20240801", MonthYear="202408", Year="2024", FractionDate="2024.6603",
        Actor1Code="RUS", Actor1Name="RUSSIA", Actor1CountryCode="RUS",
        Actor2Code="USA", Actor2Name="UNITED STATES", Actor2CountryCode="USA",
        IsRootEvent="1", EventCode="0841", EventBaseCode="084", EventRootCode="08", QuadClass="2", GoldsteinScale="7",
        NumMentions="1", NumSources="1", NumArticles="1",
        ActionGeo_Type="4", ActionGeo_Fullname="Ankara, Turkey", ActionGeo_CountryCode="TU",
        ActionGeo_Lat="39.9199", ActionGeo_Long="32.8543", ActionGeo_FeatureID="323786",
        SOURCEURL="https://en.wikinews.org/wiki/Prisoner_swap",
    )  # fmt: skip
    assert row == expected
    # Lavrov's event is not in the lead paragraph; the event ids are distinct and stable.
    lavrov = dict(zip(gdelt.COLUMNS, rows[2], strict=True))
    assert (lavrov["Actor1Code"], lavrov["Actor1Type1Code"], lavrov["IsRootEvent"]) == ("RUSGOV", "GOV", "0")
    assert len({r[0] for r in rows}) == 8
    assert export(store, "gdelt").splitlines()[0].split("\t")[0] == event_id


# The GDELT 2.0 event codebook (V2.0, 2/19/2015), fields 1-61 with their types, as printed there.
CODEBOOK = """GlobalEventID integer; Day integer; MonthYear integer; Year integer; FractionDate float;
Actor1Code string; Actor1Name string; Actor1CountryCode string; Actor1KnownGroupCode string; Actor1EthnicCode string;
Actor1Religion1Code string; Actor1Religion2Code string; Actor1Type1Code string; Actor1Type2Code string;
Actor1Type3Code string; Actor2Code string; Actor2Name string; Actor2CountryCode string; Actor2KnownGroupCode string;
Actor2EthnicCode string; Actor2Religion1Code string; Actor2Religion2Code string; Actor2Type1Code string;
Actor2Type2Code string; Actor2Type3Code string; IsRootEvent integer; EventCode string; EventBaseCode string;
EventRootCode string; QuadClass integer; GoldsteinScale float; NumMentions integer; NumSources integer;
NumArticles integer; AvgTone float; Actor1Geo_Type integer; Actor1Geo_Fullname string; Actor1Geo_CountryCode string;
Actor1Geo_ADM1Code string; Actor1Geo_ADM2Code string; Actor1Geo_Lat float; Actor1Geo_Long float;
Actor1Geo_FeatureID string; Actor2Geo_Type integer; Actor2Geo_Fullname string; Actor2Geo_CountryCode string;
Actor2Geo_ADM1Code string; Actor2Geo_ADM2Code string; Actor2Geo_Lat float; Actor2Geo_Long float;
Actor2Geo_FeatureID string; ActionGeo_Type integer; ActionGeo_Fullname string; ActionGeo_CountryCode string;
ActionGeo_ADM1Code string; ActionGeo_ADM2Code string; ActionGeo_Lat float; ActionGeo_Long float;
ActionGeo_FeatureID string; DATEADDED integer; SOURCEURL string"""
CODEBOOK_TYPES = dict(field.split() for field in CODEBOOK.replace("\n", " ").split(";"))
# Fields every GDELT event has; the others may be empty.
REQUIRED = {"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code", "IsRootEvent", "EventCode",
            "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
            "NumArticles", "DATEADDED"}  # fmt: skip
CAMEO_ACTOR_CODE = re.compile(r"(?:[A-Z]{3})+")


def test_gdelt_columns_are_the_codebooks():
    assert gdelt.COLUMNS == list(CODEBOOK_TYPES)
    assert gdelt.TYPES == CODEBOOK_TYPES


def _check_gdelt_row(row: dict[str, str]) -> None:
    for name, value in row.items():
        if value == "":
            assert name not in REQUIRED, f"{name} is empty"
            continue
        kind = CODEBOOK_TYPES[name]
        if kind == "integer":
            assert re.fullmatch(r"-?\d+", value), f"{name}={value!r} is not an integer"
        elif kind == "float":
            float(value)
    assert 1 <= int(row["QuadClass"]) <= 4
    assert -10 <= float(row["GoldsteinScale"]) <= 10
    assert row["Day"][:6] == row["MonthYear"] and row["Day"][:4] == row["Year"]
    assert row["EventCode"].startswith(row["EventBaseCode"]) and row["EventBaseCode"].startswith(row["EventRootCode"])
    for side in ("Actor1", "Actor2"):
        code = row[f"{side}Code"]
        assert code == "" or CAMEO_ACTOR_CODE.fullmatch(code), f"{side}Code {code!r}"
        assert "-" not in code
        if not code:
            assert not row[f"{side}Name"]


def test_every_gdelt_row_follows_the_codebook(store):
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True)) for line in export(store, "gdelt").splitlines()]
    assert rows
    for row in rows:
        _check_gdelt_row(row)


def test_gdelt_leaves_out_events_without_actor1_and_strips_dashes(tmp_path):
    article = prisoner_swap()
    article.events[0].source = None  # no Actor1
    article.events[1].source.code = "---GOV"
    with Store(tmp_path / "g.db") as store:
        store.write_batch([article])
        skipped: dict[str, int] = {}
        out = io.StringIO()
        n = write_events(store, "gdelt", out, skipped=skipped)
        total = store.stats()["events"]
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True)) for line in out.getvalue().splitlines()]
    assert n == len(rows) == total - 1 and skipped == {"no Actor1": 1}
    gov = next(r for r in rows if r["Actor1Type1Code"] == "GOV" and not r["Actor1Code"].startswith("RUS"))
    assert gov["Actor1Code"] == "GOV"
    for row in rows:
        _check_gdelt_row(row)


@pytest.mark.parametrize(
    ("root", "quad"),
    [("01", 1), ("02", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("14", 3), ("15", 4), ("20", 4),
     ("00", None), ("21", None), ("9X", None)],
)  # fmt: skip
def test_gdelt_quad_class(root, quad):
    assert gdelt.quad_class(root) == quad


def test_gdelt_header_only_when_asked(store):
    assert export(store, "gdelt", header=True, source="USA").splitlines()[0].split("\t") == gdelt.COLUMNS
    assert len(gdelt.COLUMNS) == 61


@pytest.mark.parametrize(
    ("code", "name", "country", "fields"),
    [
        ("RUSGOV", "Sergei Lavrov", "RUS", ["RUSGOV", "SERGEI LAVROV", "RUS", "", "", "", "", "GOV", "", ""]),
        ("IGOUNO", "United Nations", None, ["IGOUNO", "UNITED NATIONS", "", "UNO", "", "", "", "IGO", "", ""]),
        ("RUSGOVMIL", "Russian army", None, ["RUSGOVMIL", "RUSSIAN ARMY", "RUS", "", "", "", "", "GOV", "MIL", ""]),
        ("REB", "Rebels", None, ["REB", "REBELS", "", "", "", "", "", "REB", "", ""]),
        ("---GOV", "the government", None, ["GOV", "THE GOVERNMENT", "", "", "", "", "", "GOV", "", ""]),
        ("---", "someone", None, [""] * 10),
        (None, "the crowd", None, [""] * 10),
        (None, None, None, [""] * 10),
    ],
)
def test_gdelt_actor_fields(code, name, country, fields):
    assert gdelt.actor_fields(code, name, country) == fields


@pytest.mark.parametrize(
    ("place", "fields"),
    [
        ({"name": "Russia", "country": "RUS", "feature": "country", "lat": 60.0, "lon": 100.0, "geonameid": 2017370},
         ["1", "Russia", "RS", "RS", "", "60.0000", "100.0000", "2017370"]),
        ({"name": "Boston", "country": "USA", "feature": "city", "lat": 42.35843, "lon": -71.05977,
          "geonameid": 4930956},
         ["3", "Boston, United States", "US", "", "", "42.3584", "-71.0598", "4930956"]),
        ({"name": "Bavaria", "country": "DEU", "feature": "admin1", "lat": None, "lon": None, "geonameid": None},
         ["5", "Bavaria, Germany", "GM", "", "", "", "", ""]),
        (None, [""] * 8),
    ],
)  # fmt: skip
def test_gdelt_geo_fields(place, fields):
    assert gdelt.geo_fields(place) == fields


def test_gdelt_values_never_break_the_layout(tmp_path):
    article = prisoner_swap()
    article.actors[0].name = "Russian\tFederation\n(RF)"
    article.url = "https://example.org/a\tb"
    with Store(tmp_path / "e.db") as store:
        store.write_batch([article])
        rows = [line.split("\t") for line in export(store, "gdelt", source="RUS").splitlines()]
    assert len(rows) == 2 and all(len(r) == 61 for r in rows)
    assert rows[0][6] == "RUSSIAN FEDERATION (RF)" and rows[0][-1] == "https://example.org/a b"


def test_unknown_format_and_bad_filters(store):
    with pytest.raises(QueryError, match="format: 'xml' is not one of csv, jsonl, parquet, gdelt"):
        write_events(store, "xml", io.StringIO())
    out = io.StringIO()
    with pytest.raises(QueryError, match="since: '2024-02-31' is not a valid date"):
        write_events(store, "csv", out, since="2024-02-31")
    assert out.getvalue() == ""  # nothing written before the error


# -- the CLI ---------------------------------------------------------------------------------


def test_cli_export_to_a_file(db, tmp_path):
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        cli, ["export", "--db", str(db), "--format", "gdelt", "--source", "RUS", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"eventcoder: 4 events exported to {out}\n"
    assert [line.split("\t")[5] for line in out.read_text().splitlines()] == ["RUS", "RUSGOV", "RUS", "RUSGOV"]


def test_cli_export_csv_to_stdout(db):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--cameo", "12", "--until", "2024-09-10"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["article_id"], r["event_id"]) for r in rows] == [("mt-2024-09-20", "e3")]


def test_cli_export_parquet_to_redirected_stdout(db):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0
    table = pq.read_table(io.BytesIO(result.stdout_bytes))
    assert table.num_rows == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2024-13"], "eventcoder: since: '2024-13' is not a valid date (month must be in 1..12)\n"),
        (["--modality", "sure"], "eventcoder: modality: 'sure' is not one of asserted, negated, future, "
                                 "hypothetical, reported, historical\n"),
    ],
)  # fmt: skip
def test_cli_export_bad_filters_exit_2(db, args, message):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args])
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def test_cli_export_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "none.db: no such database" in result.stderr


def test_gdelt_counts_the_reports_of_a_fused_event_once(store):
    import dataclasses

    from coded_articles import moscow_times

    before = len(export(store, "gdelt").splitlines())
    wire = dataclasses.replace(moscow_times(), id="wire-copy", url="https://wire.example/1", outlet="Wire")
    store.write_batch([wire, dataclasses.replace(wire, id="wire-copy-2", url="https://wire.example/2")])
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True)) for line in export(store, "gdelt").splitlines()]
    # The copies add no GDELT row, only counts: 3 mentions in 3 documents from 2 outlets.
    assert len(rows) == before
    reject = [r for r in rows if (r["Actor1Code"], r["EventCode"]) == ("RUS", "125")]
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in reject] == [("3", "2", "3")]
    others = [r for r in rows if r["Actor1Code"] not in ("RUS", "RUSGOV", "USA")]
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in others} == {("1", "1", "1")}
