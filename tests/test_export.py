"""Exports: csv, jsonl, parquet and GDELT 2.0 event-table rows, through the library and the CLI."""

from __future__ import annotations

import csv
import io
import json

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
    "article_id": "wn-swap", "event_id": "e1", "day": "2024-08-01", "date": "2024-08-01", "published": "2024-08-02",
    "source_code": "RUS", "source_name": "Russia", "source_country": "RUS", "source_text": "Russia",
    "target_code": "USA", "target_name": "United States", "target_country": "USA", "target_text": "the United States",
    "cameo": "0841", "root": "08", "plover": "RETREAT", "mode": "", "contexts": "", "goldstein": "7.0", "quad": "2",
    "modality": "asserted", "negated": "False", "confidence": "0.5", "trigger": "exchanged",
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
    assert types["article_id"] == "string" and types["geonameid"] == "int64"
    first = table.slice(0, 1).to_pylist()[0]
    assert (first["article_id"], first["event_id"], first["goldstein"], first["quad"]) == ("wn-swap", "e1", 7.0, 2)
    assert (first["lat"], first["geonameid"], first["negated"], first["mode"]) == (39.91987, 323786, False, None)


def test_parquet_with_no_match_is_an_empty_readable_file(store, tmp_path):
    assert write_events(store, "parquet", tmp_path / "none.parquet", source="ZZZ") == 0
    table = pq.read_table(tmp_path / "none.parquet")
    assert table.num_rows == 0 and table.schema.names == [name for name, _, _ in COLUMNS]


def test_gdelt_rows(store):
    text = export(store, "gdelt")
    rows = [line.split("\t") for line in text.splitlines()]
    assert len(rows) == 9 and all(len(r) == 61 for r in rows)
    row = dict(zip(gdelt.COLUMNS, rows[0], strict=True))
    event_id = row.pop("GlobalEventID")
    added = row.pop("DATEADDED")
    assert event_id.isdigit() and 0 < int(event_id) < 2**63
    assert len(added) == 14 and added.isdigit()
    expected = dict.fromkeys(gdelt.COLUMNS[1:-2], "")
    expected.update(
        SQLDATE="20240801", MonthYear="202408", Year="2024", FractionDate="2024.6603",
        Actor1Code="RUS", Actor1Name="RUSSIA", Actor1CountryCode="RUS",
        Actor2Code="USA", Actor2Name="UNITED STATES", Actor2CountryCode="USA",
        IsRootEvent="1", EventCode="0841", EventBaseCode="084", EventRootCode="08", QuadClass="2", GoldsteinScale="7",
        NumMentions="1", NumSources="1", NumArticles="1",
        ActionGeo_Type="4", ActionGeo_FullName="Ankara, Turkey", ActionGeo_CountryCode="TU",
        ActionGeo_Lat="39.9199", ActionGeo_Long="32.8543", ActionGeo_FeatureID="323786",
        SOURCEURL="https://en.wikinews.org/wiki/Prisoner_swap",
    )  # fmt: skip
    assert row == expected
    # Lavrov's event is not in the lead paragraph; the event ids are distinct and stable.
    lavrov = dict(zip(gdelt.COLUMNS, rows[2], strict=True))
    assert (lavrov["Actor1Code"], lavrov["Actor1Type1Code"], lavrov["IsRootEvent"]) == ("RUSGOV", "GOV", "0")
    assert len({r[0] for r in rows}) == 9
    assert export(store, "gdelt").splitlines()[0].split("\t")[0] == event_id


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
        (None, "the crowd", None, ["", "THE CROWD", "", "", "", "", "", "", "", ""]),
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
