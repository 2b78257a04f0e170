"""JSON Lines and CSV records: one article per line or row, each bad one rejected with file:LINE."""

from __future__ import annotations

import json

import pytest

from eventcoder.article import Article
from eventcoder.errors import InputError
from eventcoder.ingest import Rejection, article_id, read_inputs
from eventcoder.ingest.records import read_csv, record_article

TEXT = "Kenya and Ethiopia signed a water-sharing agreement on Tuesday."
URL = "https://www.reuters.com/world/africa/water-deal-2023-05-02/"


def _summary(item):
    if isinstance(item, Rejection):
        return str(item)
    return (item.id, item.path, item.url, item.title, item.published, item.outlet, item.byline, item.text)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"text": TEXT}, (article_id(given=None, url=None, text=TEXT), "f", None, None, None, None, None, TEXT)),
        (
            {"id": "r1", "text": TEXT, "url": URL, "title": " Water deal ", "published": "2023-05-02T09:30:00Z"},
            ("r1", "f", URL, "Water deal", "2023-05-02", "Reuters", None, TEXT),
        ),
        (
            {"id": 7, "text": TEXT, "date": "May 2, 2023", "outlet": "Daily Nation", "url": URL, "byline": "AFP"},
            ("7", "f", URL, None, "2023-05-02", "Daily Nation", "AFP", TEXT),
        ),
        (
            {"text": TEXT, "url": URL, "id": ""},
            (article_id(given=None, url=URL, text=""), "f", URL, None, None, "Reuters", None, TEXT),
        ),
        # The text is the record's own string, offsets included: nothing is normalised.
        ({"id": "x", "text": " a\r\nb "}, ("x", "f", None, None, None, None, None, " a\r\nb ")),
        (
            {"id": "x", "text": TEXT, "published": None, "date": "2023-05-02"},
            ("x", "f", None, None, "2023-05-02", None, None, TEXT),
        ),
    ],
)
def test_record_article(record, expected):
    assert _summary(record_article(record, "f:1", "f")) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "No body"}, "record has no text"),
        ({"text": "  \n "}, "record has no text"),
        ({"text": None}, "record has no text"),
        ({"text": ["a", "b"]}, "field 'text' must be a string, not an array"),
        ({"text": TEXT, "id": True}, "field 'id' must be a string, not a boolean"),
        ({"text": TEXT, "id": {"a": 1}}, "field 'id' must be a string, not an object"),
        ({"text": TEXT, "url": 5}, "field 'url' must be a string, not a number"),
        ({"text": TEXT, "published": "xx"}, "cannot read date 'xx' (use YYYY-MM-DD)"),
        ({"text": TEXT, "date": "03/04/2024"}, "cannot read date '03/04/2024' (use YYYY-MM-DD)"),
        ({"text": TEXT, "published": 20230502}, "field 'published' must be a date string, not a number"),
        ({"text": TEXT, "options": ["x"]}, "field 'options' must be an object, not an array"),
        ([TEXT], "record is not a JSON object but an array"),
        ("just a string", "record is not a JSON object but a string"),
    ],
)
def test_bad_records(record, reason):
    with pytest.raises(InputError) as err:
        record_article(record, "f.jsonl:3", "f.jsonl")
    assert str(err.value) == f"f.jsonl:3: {reason}"


def test_options_are_copied():
    art = record_article({"text": TEXT, "options": {"require_dyad": False}}, "f:1", "f")
    assert art.options == {"require_dyad": False}


def test_jsonl_file_bad_lines_do_not_stop_the_others(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article."}),
        '{"id": "b", "text": }',
        "",
        "   ",
        json.dumps({"id": "c", "text": "Third article.", "published": "someday"}),
        "[1, 2]",
        json.dumps({"id": "d", "text": "Fourth article.", "url": URL}),
        '{"id": "e", "text": "unterminated',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = [_summary(i) if isinstance(i, Rejection) else (i.id, i.path) for i in read_inputs([str(path)])]
    assert items == [
        ("a", str(path)),
        f"{path}:2: invalid JSON: Expecting value at column 21",
        f"{path}:5: cannot read date 'someday' (use YYYY-MM-DD)",
        f"{path}:6: record is not a JSON object but an array",
        ("d", str(path)),
        f"{path}:8: invalid JSON: Unterminated string starting at column 21",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", ["{p}: empty file"]),
        ("\n\n  \n", ["{p}: empty file"]),
        ("\ufeff" + json.dumps({"id": "a", "text": "With a BOM."}) + "\r\n", ["a"]),
    ],
)
def test_jsonl_edge_files(tmp_path, content, expected):
    path = tmp_path / "x.ndjson"
    path.write_bytes(content.encode("utf-8"))
    got = [str(i) if isinstance(i, Rejection) else i.id for i in read_inputs([str(path)])]
    assert got == [e.format(p=path) for e in expected]


def test_jsonl_binary_tail_ends_the_file(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(
        json.dumps({"id": "a", "text": "Good."}).encode() + b"\n\x00\x01\x02\x03\x04\n" + b'{"text": "never read"}\n'
    )
    got = [str(i) if isinstance(i, Rejection) else i.id for i in read_inputs([str(path)])]
    assert got == ["a", f"{path}:2: binary data, not text"]


def test_jsonl_legacy_encoded_line_is_decoded(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes('{"id": "a", "text": "Caf\u00e9 talks in Z\u00fcrich."}\n'.encode("latin-1"))
    (art,) = read_inputs([str(path)])
    assert art.text == "Café talks in Zürich."


CSV = (
    "url,date,title,text\r\n"
    '"https://en.wikinews.org//wiki/A",2019-01-04,"Title, with comma","First line\r\n\r\nsecond ""quoted"" para"\r\n'
    "\r\n"
    "https://example-news.com/b,,B,Plain row\r\n"
    "https://example-news.com/c,2019-13-45,C,Bad date\r\n"
    "https://example-news.com/d,2019-01-05,D,\r\n"
    "only,three,fields\r\n"
    'https://example-news.com/e,"January 6, 2019",E,"Multi\nline\nrow"\r\n'
)


def test_csv_rows_with_their_starting_lines():
    items = list(read_csv(CSV.replace("\r\n", "\n"), "w.csv", "w.csv"))
    assert [_summary(i) for i in items] == [
        (
            article_id(given=None, url="https://en.wikinews.org//wiki/A", text=""),
            "w.csv",
            "https://en.wikinews.org//wiki/A",
            "Title, with comma",
            "2019-01-04",
            "Wikinews",
            None,
            'First line\n\nsecond "quoted" para',
        ),
        (
            article_id(given=None, url="https://example-news.com/b", text=""),
            "w.csv",
            "https://example-news.com/b",
            "B",
            None,
            "example-news.com",
            None,
            "Plain row",
        ),
        "w.csv:7: cannot read date '2019-13-45' (use YYYY-MM-DD)",
        "w.csv:8: record has no text",
        "w.csv:9: row has 3 fields, the header has 4",
        (
            article_id(given=None, url="https://example-news.com/e", text=""),
            "w.csv",
            "https://example-news.com/e",
            "E",
            "2019-01-06",
            "example-news.com",
            None,
            "Multi\nline\nrow",
        ),
    ]


def test_csv_file_crlf_is_normalised(tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes(CSV.encode("utf-8"))
    first = next(iter(read_inputs([str(path)])))
    assert isinstance(first, Article)
    assert first.text == 'First line\n\nsecond "quoted" para'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("url,title\nhttps://a.com,A\n", ["w.csv:1: CSV header has no 'text' column (columns: url, title)"]),
        ("\n\nid,text\n", ["w.csv: no records after the CSV header"]),
        ('id,text\n1,"unterminated\n', ["w.csv:2: bad CSV: unexpected end of data"]),
        ("ID, Text \n1,Hello there.\n", ["1"]),
    ],
)
def test_csv_structure_errors(content, expected):
    got = [str(i) if isinstance(i, Rejection) else i.id for i in read_csv(content, "w.csv", "w.csv")]
    assert got == expected


def test_wikinews_csv(shared):
    folder = shared / "corpora" / "wikinews"
    items = list(read_inputs([str(folder / "wikinews_2019.csv"), str(folder / "wikinews_2020.csv")]))
    assert [i for i in items if isinstance(i, Rejection)] == []
    assert len(items) == 295
    assert len({a.id for a in items}) == 295
    assert {a.outlet for a in items} == {"Wikinews"}
    assert all(a.published and a.published[:4] in ("2019", "2020", "2021") for a in items)
    first = items[0]
    assert (
        first.url
        == "https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead"
    )
    assert first.title == "Magnitogorsk apartment building collapses after explosion, dozens dead"
    assert first.published == "2019-01-04"
    assert first.path == str(folder / "wikinews_2019.csv")
    assert first.text.startswith("Friday, January 4, 2019\xa0\n\n\nAn apartment building collapsed on Monday")
