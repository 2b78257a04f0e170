"""Outlets from URLs through eventcoder/data/outlets.tsv, and the table's reader."""

from __future__ import annotations

import pytest

from eventcoder.errors import DictionaryError
from eventcoder.ingest.outlets import TABLE, outlet_for, read_table


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-a86423", "The Moscow Times"),
        ("https://en.wikinews.org//wiki/Magnitogorsk_apartment_building", "Wikinews"),
        ("https://edition.cnn.com/2024/09/20/world/index.html", "CNN"),
        ("https://www.bbc.co.uk/news/world-europe-1", "BBC"),
        ("https://news.bbc.co.uk/2/hi/europe/1.stm", "BBC"),
        ("http://WWW.Reuters.com:443/world/", "Reuters"),
        ("www.apnews.com/article/x", "Associated Press"),
        ("https://abcnews.go.com/International/story", "ABC News"),
        ("https://example-news.com/2024/story", "example-news.com"),
        ("https://www.example-news.com/2024/story", "example-news.com"),
        ("https://go.com/x", "go.com"),  # only abcnews.go.com is listed, not its parent
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_outlet_for(url, expected):
    assert outlet_for(url) == expected


def test_bundled_table_lists_the_common_outlets():
    table = read_table(TABLE)
    assert len(table) >= 40
    for domain, name in [
        ("themoscowtimes.com", "The Moscow Times"),
        ("reuters.com", "Reuters"),
        ("kyivindependent.com", "The Kyiv Independent"),
        ("tass.com", "TASS"),
        ("politico.com", "Politico"),
    ]:
        assert table[domain] == name


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("# comment\nreuters.com\tReuters\nbbc.com BBC\n", 3, "expected 'domain<TAB>name', found 1 field(s)"),
        ("Reuters.com\tReuters\n", 1, "'Reuters.com' is not a lowercase domain name"),
        ("\nreuters.com\t \n", 2, "no outlet name for reuters.com"),
        ("reuters.com\tReuters\nreuters.com\tReuters Ltd\n", 2, "reuters.com is listed twice"),
        ("reuters.com\tReuters\tUK\n", 1, "expected 'domain<TAB>name', found 3 field(s)"),
    ],
)
def test_bad_table_entries_name_file_and_line(tmp_path, content, line, reason):
    path = tmp_path / "outlets.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        read_table(path)
    assert str(err.value) == f"{path}:{line}: {reason}"


def test_a_custom_table_is_used(tmp_path):
    path = tmp_path / "outlets.tsv"
    path.write_text("# mine\n\nexample-news.com\tExample News\n", encoding="utf-8")
    assert outlet_for("https://live.example-news.com/x", read_table(path)) == "Example News"
