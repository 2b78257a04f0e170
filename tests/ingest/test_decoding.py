"""Bytes to text: byte-order marks, UTF-8, the cp1252/latin-1 fallback, binary and empty data."""

from __future__ import annotations

import codecs
import gzip
import random

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest.decoding import decode, decode_line, gunzip, normalise_newlines

RANDOM = random.Random(20240920).randbytes(4096)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café talks in Zürich.".encode(), "Café talks in Zürich."),
        (codecs.BOM_UTF8 + "Café talks.".encode(), "Café talks."),
        ("Café talks in Zürich.".encode("latin-1"), "Café talks in Zürich."),
        # cp1252 quotes and dash, which latin-1 would read as control characters.
        ("\u201cNo,\u201d he said \u2014 twice.".encode("cp1252"), "\u201cNo,\u201d he said \u2014 twice."),
        # A UTF-8 file with one stray cp1252 byte keeps its UTF-8 letters.
        ("Zürich ".encode() + "café".encode("cp1252"), "Zürich café"),
        ("Москва ".encode() + "café".encode("cp1252"), "Москва café"),
        (
            "Die Größe der Straße, façade, élève, Ångström.".encode("latin-1"),
            "Die Größe der Straße, façade, élève, Ångström.",
        ),
        (codecs.BOM_UTF16_LE + "Café talks.".encode("utf-16-le"), "Café talks."),
        (codecs.BOM_UTF16_BE + "Café talks.".encode("utf-16-be"), "Café talks."),
        ("Москва заявила.".encode(), "Москва заявила."),
        (b"Line one\r\nline two\r\n", "Line one\r\nline two\r\n"),  # newlines are the caller's business
    ],
)
def test_decode(data, expected):
    assert decode(data, "a.txt") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "empty file"),
        (codecs.BOM_UTF8 + b"\n\n", "empty file"),
        ("\u3000\n".encode(), "empty file"),
        (RANDOM, "binary data, not text"),
        (RANDOM[:64].replace(b"\x00", b"a"), "binary data, not text"),
        (b"text with a NUL\x00 inside", "binary data, not text"),
        (b"\x01\x02\x03\x04 abc", "binary data, not text"),
        (
            "Москва заявила в пятницу, что встречи не будет.".encode("cp1251"),
            "text is neither UTF-8 nor plausible cp1252/latin-1 (save it as UTF-8)",
        ),
    ],
)
def test_undecodable(data, reason):
    with pytest.raises(InputError) as err:
        decode(data, "dir/a.txt")
    assert (err.value.where, err.value.reason) == ("dir/a.txt", reason)


def test_declared_encoding_is_tried_before_the_cp1252_fallback():
    data = "<p>Москва заявила.</p>".encode("cp1251")
    assert decode(data, "a.html", declared="windows-1251") == "<p>Москва заявила.</p>"
    # A declaration that is wrong or unknown does not stop a plausible cp1252 reading.
    assert decode("Café".encode("cp1252"), "a.html", declared="no-such-codec") == "Café"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'{"text": "ok"}\n', '{"text": "ok"}\n'),
        ('{"text": "Café"}\n'.encode("latin-1"), '{"text": "Café"}\n'),
        (b"\x00\x01\x02\x03garbage\n", None),
    ],
)
def test_decode_line(raw, expected):
    assert decode_line(raw) == expected


def test_gunzip():
    assert gunzip(gzip.compress(b"abc"), "a.txt.gz") == b"abc"
    for bad in (b"not gzip at all", gzip.compress(b"abc" * 100)[:-12]):
        with pytest.raises(InputError) as err:
            gunzip(bad, "a.txt.gz")
        assert str(err.value) == "a.txt.gz: not a valid gzip file"


def test_normalise_newlines():
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"
