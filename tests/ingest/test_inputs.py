"""read_inputs: files, folders, globs, stdin and gzip, in order, with one rejection per bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
import random

import pytest

from eventcoder.article import Article
from eventcoder.ingest import Rejection, read_inputs
from eventcoder.ingest.inputs import file_format

from .test_html import PAGE
from .test_html import URL as HTML_URL

GOOD_TXT = (
    "Kenya and Ethiopia Sign Water Deal\n\n"
    "Kenya and Ethiopia signed an agreement on Tuesday to share the waters of the Omo river.\n\n"
    "The deal was signed in Addis Ababa by the two foreign ministers.\n"
)
LATIN1_TXT = "Talks in Zürich\n\nThe Café Odeon in Zürich hosted the talks on Monday.\n"
RANDOM = random.Random(7).randbytes(2048)


def _line(**record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _truncated_gzip(content: str) -> bytes:
    data = gzip.compress(content.encode())
    return data[: len(data) // 2]


def _show(items) -> list:
    """Articles as (path, id or title), rejections as their one-line message."""
    return [str(i) if isinstance(i, Rejection) else (i.path, i.title or i.id) for i in items]


@pytest.fixture
def corpus(tmp_path):
    """A folder with five good articles, three bad inputs and files a folder walk skips."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a-good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (root / "b-empty.txt").write_bytes(b"")
    (root / "c-random.txt").write_bytes(RANDOM)
    (root / "d-latin1.txt").write_bytes(LATIN1_TXT.encode("latin-1"))
    (root / "e-records.jsonl").write_text(
        '{"id": "j1", "text": \n\n' + _line(id="j2", title="Record two", text="Second record text."),
        encoding="utf-8",
    )
    (root / "sub" / "f-records.jsonl.gz").write_bytes(
        gzip.compress(_line(id="g1", title="Gzipped record", text="Gzipped record text.").encode())
    )
    (root / "sub" / "g-page.html").write_text(PAGE, encoding="utf-8")
    # Skipped inside a folder: hidden files and folders, unknown extensions.
    (root / ".hidden.txt").write_text("Hidden article text.", encoding="utf-8")
    (root / ".git" / "notes.txt").write_text("Not an article.", encoding="utf-8")
    (root / "README.md").write_text("# About this corpus", encoding="utf-8")
    (root / "photo.jpg").write_bytes(RANDOM)
    return root


def test_folder_gives_the_good_articles_and_one_rejection_per_bad_file(corpus):
    items = list(read_inputs([str(corpus)]))
    c = str(corpus)
    assert _show(items) == [
        (f"{c}/a-good.txt", "Kenya and Ethiopia Sign Water Deal"),
        f"{c}/b-empty.txt: empty file",
        f"{c}/c-random.txt: binary data, not text",
        (f"{c}/d-latin1.txt", "Talks in Zürich"),
        f"{c}/e-records.jsonl:1: invalid JSON: Expecting value at column 22",
        (f"{c}/e-records.jsonl", "Record two"),
        (f"{c}/sub/f-records.jsonl.gz", "Gzipped record"),
        (f"{c}/sub/g-page.html", "Kenya and Ethiopia sign border water deal"),
    ]
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 5
    assert len({a.id for a in articles}) == 5
    assert articles[1].text == "The Café Odeon in Zürich hosted the talks on Monday."
    assert articles[4].url == HTML_URL


def test_folder_given_with_a_trailing_slash_keeps_the_spelling(corpus):
    paths = [i.path for i in read_inputs([str(corpus) + "/"]) if isinstance(i, Article)]
    assert paths[0] == f"{corpus}/a-good.txt"


def test_inputs_are_read_in_the_order_given(corpus):
    items = read_inputs([str(corpus / "d-latin1.txt"), str(corpus / "a-good.txt")])
    assert [a.title for a in items] == ["Talks in Zürich", "Kenya and Ethiopia Sign Water Deal"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("README.md", "unsupported file type '.md' (use .txt, .html, .jsonl, .csv, optionally .gz)"),
        ("photo.jpg", "unsupported file type '.jpg' (use .txt, .html, .jsonl, .csv, optionally .gz)"),
        ("Makefile", "unsupported file type: no extension (use .txt, .html, .jsonl, .csv, optionally .gz)"),
        ("dump.tar.gz", "unsupported file type '.tar.gz' (use .txt, .html, .jsonl, .csv, optionally .gz)"),
    ],
)
def test_named_file_with_unknown_extension(tmp_path, name, reason):
    path = tmp_path / name
    path.write_bytes(b"content")
    assert list(read_inputs([str(path)])) == [Rejection(str(path), reason)]


def test_hidden_file_named_explicitly_is_read(corpus):
    (art,) = read_inputs([str(corpus / ".hidden.txt")])
    assert art.text == "Hidden article text."


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("missing-folder/a.jsonl", "no such file or directory"),
        ("*.nothing", "no file matches this pattern"),
        ("nowhere/**/*.txt", "no file matches this pattern"),
    ],
)
def test_missing_inputs(tmp_path, monkeypatch, given, reason):
    monkeypatch.chdir(tmp_path)
    assert list(read_inputs([given])) == [Rejection(given, reason)]


def test_empty_folder(tmp_path):
    (tmp_path / "only.md").write_text("notes", encoding="utf-8")
    assert _show(read_inputs([str(tmp_path)])) == [
        f"{tmp_path}: no article files in this folder (use .txt, .html, .jsonl, .csv, optionally .gz)"
    ]


def test_glob_matches_files_and_folders_sorted(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    assert _show(read_inputs(["*.txt"])) == [
        ("a-good.txt", "Kenya and Ethiopia Sign Water Deal"),
        "b-empty.txt: empty file",
        "c-random.txt: binary data, not text",
        ("d-latin1.txt", "Talks in Zürich"),
    ]
    assert _show(read_inputs(["**/*.gz"])) == [("sub/f-records.jsonl.gz", "Gzipped record")]
    assert _show(read_inputs(["su*"])) == [
        ("sub/f-records.jsonl.gz", "Gzipped record"),
        ("sub/g-page.html", "Kenya and Ethiopia sign border water deal"),
    ]


# mtime=0: the gzip bytes are in the test ids, which every xdist worker must collect alike.
@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt.gz", gzip.compress(GOOD_TXT.encode(), mtime=0), "Kenya and Ethiopia Sign Water Deal"),
        ("a.TXT.GZ", gzip.compress(GOOD_TXT.encode(), mtime=0), "Kenya and Ethiopia Sign Water Deal"),
        ("a.jsonl.gz", gzip.compress(_line(id="z", title="Zipped", text="Zipped text.").encode(), mtime=0), "Zipped"),
        ("a.csv.gz", gzip.compress(b"id,title,text\n1,Zipped row,Row text.\n", mtime=0), "Zipped row"),
        ("a.txt.gz", b"plain bytes, not gzip", "{p}: not a valid gzip file"),
        ("a.jsonl.gz", b"plain bytes, not gzip", "{p}: not a valid gzip file"),
        ("a.txt.gz", gzip.compress(GOOD_TXT.encode() * 50, mtime=0)[:-20], "{p}: not a valid gzip file"),
        (
            "a.jsonl.gz",
            _truncated_gzip("".join(_line(title="x", text=f"Record {n}.") for n in range(3000))),
            "{p}: not a valid gzip file",
        ),
        ("a.txt.gz", gzip.compress(b"", mtime=0), "{p}: empty file"),
        ("a.jsonl.gz", gzip.compress(b"\n\n", mtime=0), "{p}: empty file"),
        ("a.txt.gz", gzip.compress(RANDOM, mtime=0), "{p}: binary data, not text"),
    ],
)
def test_gzip_variants(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    got = [str(i) if isinstance(i, Rejection) else i.title for i in read_inputs([str(path)])]
    # A truncated JSON Lines stream yields the lines before the damage, then the rejection.
    assert got[-1] == expected.format(p=path)
    assert all(g == "x" or g is None for g in got[:-1])


def test_truncated_gzip_json_lines_keep_the_records_before_the_damage(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    path.write_bytes(_truncated_gzip("".join(_line(id=f"r{n}", text=f"Record {n}.") for n in range(3000))))
    items = list(read_inputs([str(path)]))
    assert items[-1] == Rejection(str(path), "not a valid gzip file")
    assert [a.id for a in items[:-1]] == [f"r{n}" for n in range(len(items) - 1)]
    assert 100 < len(items) < 3000


def test_plain_txt_is_taken_exactly_as_it_is(tmp_path):
    raw = "Title Line\r\n\r\nBy AFP\r\n\r\n  Body  text, \u00e9t\u00e9.\r\nOriginal url: https://x.com/a\r\n"
    path = tmp_path / "plain.txt"
    path.write_bytes(raw.encode("utf-8"))
    (art,) = read_inputs([str(path)], plain=True)
    assert art.text == raw
    assert (art.title, art.byline, art.url, art.published, art.outlet) == (None, None, None, None, None)
    start = raw.index("Body")
    assert art.text[start : start + 4] == "Body"
    # Without --plain the same file is a laid-out article.
    (laid_out,) = read_inputs([str(path)])
    assert (laid_out.title, laid_out.byline, laid_out.url) == ("Title Line", "AFP", "https://x.com/a")
    assert laid_out.text == "Body  text, \u00e9t\u00e9."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xef\xbb\xbfBody text.\n", "Body text.\n"),
        ("Caf\u00e9\rna\u00efve\n".encode("latin-1"), "Caf\u00e9\rna\u00efve\n"),
    ],
)
def test_plain_decoding_drops_only_the_bom(tmp_path, content, expected):
    path = tmp_path / "p.txt"
    path.write_bytes(content)
    (art,) = read_inputs([str(path)], plain=True)
    assert art.text == expected


def test_plain_does_not_change_other_formats(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(_line(id="r", text="Record."), encoding="utf-8")
    assert [a.id for a in read_inputs([str(path)], plain=True)] == ["r"]


def test_stdin_json_lines():
    stdin = io.StringIO(
        "\ufeff"
        + _line(id="s1", text="From stdin.", url="https://tass.com/politics/1")
        + "\n{bad json}\n"
        + _line(text="No id here.")
    )
    items = list(read_inputs(["-"], stdin=stdin))
    assert str(items[1]) == "<stdin>:3: invalid JSON: Expecting property name enclosed in double quotes at column 2"
    assert [(a.id, a.path, a.outlet) for a in (items[0],)] == [("s1", None, "TASS")]
    assert items[2].text == "No id here."
    assert len(items) == 3


def test_stdin_bytes_in_legacy_encoding_are_decoded():
    stdin = io.TextIOWrapper(io.BytesIO(_line(id="s", text="Caf\u00e9 in Z\u00fcrich.").encode("latin-1")))
    (art,) = read_inputs(["-"], stdin=stdin)
    assert art.text == "Café in Zürich."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("", ["-: empty input"]),
        ("\n  \n", ["-: empty input"]),
        ("\x00\x01\x02\x03\x04\x05\n", ["-: binary data, not text"]),
    ],
)
def test_stdin_without_records(data, expected):
    assert [str(i) for i in read_inputs(["-"], stdin=io.StringIO(data))] == expected


def test_files_and_stdin_mixed(corpus):
    items = read_inputs([str(corpus / "a-good.txt"), "-", "missing.csv"], stdin=io.StringIO(_line(id="s", text="x")))
    assert _show(items) == [
        (str(corpus / "a-good.txt"), "Kenya and Ethiopia Sign Water Deal"),
        (None, "s"),
        "missing.csv: no such file or directory",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_TXT, encoding="utf-8")
    path.chmod(0)
    assert list(read_inputs([str(path)])) == [Rejection(str(path), "permission denied")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("txt", False)),
        ("a.HTM", ("html", False)),
        ("a.html.gz", ("html", True)),
        ("a.ndjson", ("jsonl", False)),
        ("a.csv.gz", ("csv", True)),
        ("a.gz", (None, True)),
        ("a.pdf", (None, False)),
    ],
)
def test_file_format(name, expected):
    assert file_format(name) == expected
