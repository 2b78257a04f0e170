from pathlib import Path

import pytest

from eventcoder.errors import SettingsError
from eventcoder.settings import Settings, describe

DOCS = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name, *_ in describe() if f"`{name}`" not in text]
    assert missing == []


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
