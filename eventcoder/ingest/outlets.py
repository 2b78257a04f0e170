"""Outlet names from URLs, through the table eventcoder/data/outlets.tsv (domain -> name)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..datafiles import data_file
from ..errors import DictionaryError

TABLE = data_file("outlets.tsv")

_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*")  # also internationalised names
_DOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


def read_table(path: Path) -> dict[str, str]:
    """Read an outlet table: ``domain<TAB>name`` lines, ``#`` comments and blank lines skipped.

    Raises DictionaryError naming the file and line of a bad entry (wrong number of
    fields, a domain that is not a lowercase host name, an empty name, a repeated domain).
    """
    table: dict[str, str] = {}
    shown = str(path)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 2:
                raise DictionaryError(shown, number, f"expected 'domain<TAB>name', found {len(fields)} field(s)")
            domain, name = fields[0].strip(), fields[1].strip()
            if not _DOMAIN.fullmatch(domain):
                raise DictionaryError(shown, number, f"{domain!r} is not a lowercase domain name")
            if not name:
                raise DictionaryError(shown, number, f"no outlet name for {domain}")
            if domain in table:
                raise DictionaryError(shown, number, f"{domain} is listed twice")
            table[domain] = name
    return table


@lru_cache(maxsize=1)
def _bundled() -> dict[str, str]:
    return read_table(TABLE)


def host_of(url: str) -> str | None:
    """The lowercase host of ``url`` without ``www.`` (a URL without scheme is accepted), or None."""
    url = url.strip()
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
    if not host or not _HOST.fullmatch(host):
        return None
    return host.removeprefix("www.")


def known_outlet(url: str | None, table: dict[str, str] | None = None) -> str | None:
    """The table's name for the host of ``url`` or its nearest listed parent domain, else None."""
    host = host_of(url) if url else None
    if host is None:
        return None
    table = _bundled() if table is None else table
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    return None


def outlet_for(url: str | None, table: dict[str, str] | None = None) -> str | None:
    """The outlet of ``url``: the table's name, else the host itself (``example-news.com``)."""
    return known_outlet(url, table) or (host_of(url) if url else None)
