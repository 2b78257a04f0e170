import re
from pathlib import Path

import pytest

from eventcoder.errors import SettingsError
from eventcoder.settings import Settings, describe, markdown, record_options

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


@pytest.mark.parametrize(("raw", "message"), [("0", "batch_size: 0 is less than 1"),
                                              ("-1", "batch_size: -1 is less than 1"),
                                              ("many", "cannot read 'many' as int")])  # fmt: skip
def test_bad_batch_size_from_the_environment_is_refused(monkeypatch, raw, message):
    monkeypatch.setenv("EVENTCODER_BATCH_SIZE", raw)
    with pytest.raises(SettingsError, match=message):
        Settings.load()


def test_every_limit_has_a_minimum_and_is_checked():
    for name in ("workers", "max_article_chars", "max_input_bytes", "max_query_chars", "max_periods"):
        with pytest.raises(SettingsError, match=f"setting {name}: 0 is less than 1"):
            Settings.load(**{name: 0})
    with pytest.raises(SettingsError, match="setting batch_size: '3' is not a whole number"):
        Settings.load(batch_size="3")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"comma_min": [1, 2]}, "option comma_min: [1, 2] is not a whole number"),
        ({"comma_min": True}, "option comma_min: True is not a whole number"),
        ({"comma_min": 1.5}, "option comma_min: 1.5 is not a whole number"),
        ({"comma_min": -3}, "option comma_min: -3 is below the minimum of 0"),
        ({"require_dyad": {"x": 1}}, "option require_dyad: {'x': 1} is not true or false"),
        ({"require_dyad": 1}, "option require_dyad: 1 is not true or false"),
        ({"model": "xx_evil"}, "option 'model' cannot be set per record"),
        ({"db": "/tmp/other.db"}, "option 'db' cannot be set per record"),
        ({"colour": 1}, "unknown option 'colour'"),
    ],
)
def test_record_options_are_type_checked(options, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        Settings().with_options(options)
    with pytest.raises(SettingsError, match=re.escape(message)):
        record_options(options)


def test_record_options_read_strings_as_the_environment_does():
    assert record_options({"require_dyad": "no", "comma_max": "5"}) == {"require_dyad": False, "comma_max": 5}


def test_petrarch_run_control_options_are_accepted_and_ignored():
    assert record_options({"stop_on_error": True, "write_actor_text": "false", "require_dyad": False}) == {
        "require_dyad": False
    }
    assert Settings().with_options({"stop_on_error": True}) == Settings()
