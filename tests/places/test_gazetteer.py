"""The gazetteer: alias table reader, index keys and ranking."""

from __future__ import annotations

import pytest

from eventcoder.errors import DictionaryError
from eventcoder.places import gazetteer


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


@pytest.mark.parametrize(
    ("name", "context", "geonameid", "country", "feature"),
    [
        ("New York", set(), 5128581, "USA", "city"),  # New York City, not the state
        ("New York", {"USA"}, 5128581, "USA", "city"),
        ("Washington", set(), 4140963, "USA", "city"),  # the capital, not the state or the English town
        ("Paris", {"USA"}, 2988507, "FRA", "city"),  # context does not outweigh a capital of millions
        ("Gaza", set(), 281133, "PSE", "city"),
        ("Lebanon", set(), 272103, "LBN", "country"),
        ("Sudan", set(), 366755, "SDN", "country"),
        ("the United States", set(), 6252001, "USA", "country"),
        ("U.S.", set(), 6252001, "USA", "country"),
        ("Britain", set(), 2635167, "GBR", "country"),
        ("Europe", set(), 6255148, None, "continent"),
        ("Texas", set(), 4736286, "USA", "admin1"),
    ],
)
def test_best(gaz, name, context, geonameid, country, feature):
    e = gazetteer.best(gaz, name, context)
    assert (e.geonameid, e.country, e.feature) == (geonameid, country, feature)


@pytest.mark.parametrize("name", ["Kremlin", "West", "WAS"])
def test_unknown(gaz, name):
    assert gazetteer.best(gaz, name, set()) is None


def test_primary_only_skips_translations(gaz):
    assert gazetteer.best(gaz, "White House", set()).name == "Casablanca"  # a translation of its name
    assert gazetteer.best(gaz, "White House", set(), primary_only=True) is None


def test_countries_have_a_point(gaz):
    e = gazetteer.best(gaz, "Russia", set())
    assert e.lat is not None and 50 < e.lat < 60 and 30 < e.lon < 70  # the population centre, west of the Urals


@pytest.mark.parametrize(("name", "k"), [("The  Netherlands", "netherlands"), ("Cote d\u2019Ivoire", "cote d'ivoire")])
def test_key(name, k):
    assert gazetteer.key(name) == k


@pytest.mark.parametrize(
    ("line", "reason"),
    [("Atlantis", "expected 'alias<TAB>ISO alpha-2 code'"), ("Atlantis\tATL", "expected 'alias<TAB>ISO alpha-2 code'")],
)
def test_bad_alias_line(tmp_path, line, reason):
    path = tmp_path / "aliases.tsv"
    path.write_text(f"# comment\nU.S.\tUS\n{line}\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        gazetteer.read_aliases(path)
    assert str(err.value) == f"{path}:3: {reason}"


def test_unknown_country_code(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("Atlantis\tQQ\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        gazetteer.build(gazetteer.read_aliases(path), str(path))
    assert str(err.value) == f"{path}:1: unknown country code 'QQ'"


def test_cache_is_written_and_read(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path))
    built = gazetteer.load()
    (cached,) = tmp_path.glob("gazetteer-*.pickle")
    again = gazetteer.load()
    assert cached.exists() and again.index == built.index
