"""Hostile inputs: each is named with its reason and the good inputs around it are still read.

Undecodable names and lone surrogates, gzip bombs, special files, symlink loops, overlong
texts and lines, bad per-record options and out-of-range dates (issue 14).
"""

from __future__ import annotations

import gzip
import json
import os
import threading

import pytest

from eventcoder.article import Article
from eventcoder.ingest import Rejection, read_inputs
from eventcoder.ingest.inputs import Limits, display

GOOD = "Kenya and Ethiopia signed an agreement on Tuesday to share the waters of the Omo river.\n"


def _show(items) -> list:
    return [str(i) if isinstance(i, Rejection) else ("article", i.path, i.origin) for i in items]


def _good(folder) -> str:
    path = folder / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return str(path)


def test_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    good = _good(tmp_path)
    bad = os.path.join(os.fsencode(tmp_path), b"\xff.txt")
    with open(bad, "wb") as f:
        f.write(b"Talks resumed in Vienna on Monday.\n")
    items = list(read_inputs([str(tmp_path)]))
    shown = f"{tmp_path}/\\xff.txt"
    assert _show(items) == [("article", good, good), ("article", shown, shown)]
    for article in items:
        article.path.encode("utf-8")  # storable: no lone surrogate left


@pytest.mark.parametrize("field", ["title", "text", "byline", "url", "outlet", "id", "published"])
def test_lone_surrogate_in_a_record_is_named(tmp_path, field):
    record = {"text": "Talks resumed in Vienna on Monday.", field: "Vienna \udcff talks"}
    path = tmp_path / "r.jsonl"
    # json.dumps writes the surrogate as the escape \udcff, which json.loads reads back as one.
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    first, second = read_inputs([str(path)])
    assert str(first) == f"{path}:1: field {field!r} is not valid Unicode text (a lone surrogate \\udcff)"
    assert isinstance(second, Article)


def test_nul_in_json_text_is_named_as_in_txt(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "Talks \x00 resumed."}) + "\n", encoding="utf-8")
    assert _show(read_inputs([str(path)])) == [f"{path}:1: field 'text' holds a NUL character (binary data)"]


def test_file_name_with_a_newline_keeps_the_error_on_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    (item,) = read_inputs([str(path)])
    assert str(item) == f"{tmp_path}/two\\nlines.txt: empty file"
    assert "\n" not in str(item)
    assert display("a\tb\x1b.txt") == "a\\tb\\x1b.txt"
    assert display("Zürich.txt") == "Zürich.txt"


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.csv.gz", "bomb.html.gz", "bomb.jsonl.gz"])
def test_gzip_bomb_is_refused_at_the_limit(tmp_path, name):
    good = _good(tmp_path)
    bomb = tmp_path / name
    with gzip.open(bomb, "wb") as f:
        for _ in range(64):
            f.write(b"\0" * 65536)  # 4 MiB of zeros in a 4 KiB file
    limits = Limits(max_input_bytes=1024 * 1024)
    items = list(read_inputs([str(bomb), good], limits=limits))
    what = "line 1" if name.endswith(".jsonl.gz") else "decompressed content"
    where = f"{bomb}:1" if name.endswith(".jsonl.gz") else str(bomb)
    assert _show(items)[0] == (f"{where}: {what} over the limit of 1,048,576 bytes (setting max_input_bytes)")
    assert isinstance(items[1], Article)


def test_plain_file_over_the_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 100, encoding="utf-8")
    (item,) = read_inputs([str(big)], limits=Limits(max_input_bytes=1000))
    size = big.stat().st_size
    assert str(item) == f"{big}: file of {size:,} bytes is over the limit of 1,000 bytes (setting max_input_bytes)"


def test_long_json_line_is_refused_and_the_next_lines_read(tmp_path):
    path = tmp_path / "r.jsonl"
    lines = [json.dumps({"text": "x" * 5000}), json.dumps({"id": "ok", "text": GOOD})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], limits=Limits(max_input_bytes=1000)))
    assert _show(items)[0] == f"{path}:1: line 1 over the limit of 1,000 bytes (setting max_input_bytes)"
    assert [a.id for a in items if isinstance(a, Article)] == ["ok"]


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_article_over_max_chars_is_refused_with_its_line(tmp_path, kind):
    path = tmp_path / f"long.{kind}"
    long_text = "Talks resumed. " * 200
    if kind == "txt":
        path.write_text(long_text, encoding="utf-8")
        where = str(path)
    else:
        path.write_text(json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": long_text}) + "\n", encoding="utf-8")
        where = f"{path}:2"
    items = list(read_inputs([str(path)], limits=Limits(max_article_chars=1000)))
    assert str(items[-1]) == (
        f"{where}: article text of {len(long_text.strip()) if kind == 'txt' else len(long_text):,} characters"
        " is over the limit of 1,000 (setting max_article_chars); split it into several articles"
    )


def test_symlink_to_a_device_is_refused(tmp_path):
    good = _good(tmp_path)
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert _show(items) == [("article", good, good), f"{tmp_path}/zero.txt: not a regular file (a device)"]


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    good = _good(tmp_path)
    os.mkfifo(tmp_path / "pipe.jsonl")
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(read_inputs([str(tmp_path)])), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO hangs"
    assert _show(result) == [
        ("article", good, good),
        f"{tmp_path}/pipe.jsonl: not a regular file (a FIFO); pipe records to standard input with '-' instead",
    ]


def test_glob_through_a_symlink_loop_ends(tmp_path):
    d = tmp_path / "d"
    (d / "sub").mkdir(parents=True)
    (d / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("..", d / "sub" / "loop")  # d/sub/loop -> d
    result: list = []
    reader = threading.Thread(target=lambda: result.extend(read_inputs([f"{d}/**/*.txt"])), daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "a glob through a symlink loop never ends"
    assert _show(result) == [("article", f"{d}/sub/a.txt", f"{d}/sub/a.txt")]


def test_folder_walk_does_not_follow_a_symlink_loop(tmp_path):
    good = _good(tmp_path)
    os.symlink(".", tmp_path / "self")
    assert _show(read_inputs([str(tmp_path)])) == [("article", good, good)]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "0099-12-31"])
def test_publication_date_out_of_range_is_named(tmp_path, day):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": day}) + "\n", encoding="utf-8")
    (item,) = read_inputs([str(path)])
    assert str(item) == f"{path}:1: date {day!r} is out of the supported range 0100-01-01 to 9899-12-31"


def test_bad_record_options_are_named_with_their_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"text": GOOD}) + "\n" + json.dumps({"text": GOOD + "2", "options": {"comma_min": [1, 2]}}) + "\n",
        encoding="utf-8",
    )
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article)
    assert str(second) == f"{path}:2: options: option comma_min: [1, 2] is not a whole number"
