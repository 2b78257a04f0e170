from pathlib import Path

import pytest

from eventcoder.errors import SettingsError
from eventcoder.settings import Settings, describe, markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name, *_ in describe() if f"`{name}`" not in text]
    assert missing == []


def test_the_docs_are_what_the_table_generates():
    assert DOCS.read_text(encoding="utf-8") == markdown(), "docs/settings.md is stale: run `make docs`"


def test_environment_then_overrides(monkeypatch):
    monkeypatch.setenv("EVENTCODER_BATCH_SIZE", "7")
    monkeypatch.setenv("EVENTCODER_REQUIRE_DYAD", "false")
    s = Settings.load(workers=3)
    assert (s.batch_size, s.require_dyad, s.workers) == (7, False, 3)
    assert Settings.load(batch_size=9).batch_size == 9


@pytest.mark.parametrize(
    ("options", "expected"),
    [({"require_dyad": "False"}, False), ({"require_dyad": True}, True), ({}, True), (None, True)],
)
def test_per_record_options(options, expected):
    assert Settings().with_options(options).require_dyad is expected


def test_unknown_setting_is_an_error():
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        Settings.load(colour="red")
    with pytest.raises(SettingsError, match="cannot read 'many' as int"):
        Settings().with_options({"new_actor_length": "many"})


def test_the_tuning_file_reads_and_a_missing_key_is_named(tmp_path):
    from eventcoder.errors import SettingsError
    from eventcoder.tuning import TUNING_FILE, read_tuning

    tuning = read_tuning()
    assert (tuning.confidence_pattern, tuning.confidence_verb_default) == (0.8, 0.6)
    assert "at" in tuning.event_place_prepositions and "at" not in tuning.locative_prepositions
    broken = tmp_path / "tuning.toml"
    broken.write_text(TUNING_FILE.read_text(encoding="utf-8").replace("pattern = 0.8", ""), encoding="utf-8")
    with pytest.raises(SettingsError, match="missing key 'confidence.pattern'"):
        read_tuning(broken)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"workers": 0}, r"setting workers: 0 is less than 1"),
        ({"batch_size": "32"}, r"setting batch_size: '32' is not a whole number"),
        ({"plain": 1}, r"setting plain: 1 is not true or false"),
        ({"actors": "a.txt"}, r"setting actors: 'a.txt' is not a list of paths"),
        ({"model": None}, r"setting model: None is not text"),
    ],
)
def test_values_are_checked_against_the_table(values, message):
    with pytest.raises(SettingsError, match=message):
        Settings(**values)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"comma_min": -1}, r"setting comma_min: -1 is less than 0"),
        ({"comma_min": [2]}, r"setting comma_min: \[2\] is not a whole number"),
        ({"require_dyad": "perhaps"}, r"setting require_dyad: cannot read 'perhaps' as bool"),
        ({"new_actor_length": True}, r"setting new_actor_length: True is not a whole number"),
    ],
)
def test_per_record_options_are_checked(options, message):
    with pytest.raises(SettingsError, match=message):
        Settings().with_options(options)
