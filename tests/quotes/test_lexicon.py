"""The cue lexicon readers."""

from __future__ import annotations

import pytest

from eventcoder.errors import DictionaryError
from eventcoder.quotes import lexicon


def test_bundled():
    lex = lexicon.load()
    assert lex.lookup("say", "said") == lexicon.Cue("010", "speech")
    assert lex.lookup("deny", "denied") == lexicon.Cue("016", "speech")
    assert lex.lookup("accuse", "accused") == lexicon.Cue("112", "speech")
    assert lex.lookup("clarify", "clarified") == lexicon.Cue("010", "speech")  # from the verb list only
    assert lex.lookup("continue", "continued") == lexicon.Cue("010", "adjacent")  # not "continued to rise"
    assert lex.lookup("ensure", "ensured") is None  # switched off
    assert lex.lookup("eat", "ate") is None
    assert "statement" in lex.messages


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("say\t010", "expected 'cue<TAB>CAMEO code<TAB>kind'"),
        ("say\t999\tspeech", "unknown CAMEO code '999'"),
        ("say\t010\tshout", "unknown kind 'shout': one of speech, thought, evidence, adjacent, ignore"),
        ("Say\t010\tspeech", "bad cue 'Say': lower-case words expected"),
        ("tell\t010\tspeech", "cue 'tell' listed twice"),
    ],
)
def test_bad_cue_line(tmp_path, line, reason):
    path = tmp_path / "cues.tsv"
    path.write_text(f"# a comment\ntell\t010\tspeech\n{line}\n", encoding="utf-8")
    codes = {"010", "016"}
    with pytest.raises(DictionaryError) as err:
        lexicon.read_cue_table(path, codes)
    assert str(err.value) == f"{path}:3: {reason}"


def test_bad_verb_line(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text("said\n\nSaid it\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        lexicon.read_verb_list(path)
    assert str(err.value) == f"{path}:3: expected one lower-case word, got 'Said it'"


def test_cameo_codes():
    codes = lexicon.read_cameo_codes(lexicon.data_path("../ontology/CAMEO_codefile.txt"))
    assert {"010", "016", "112", "0211"} <= codes
