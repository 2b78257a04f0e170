import pytest

from eventcoder.errors import DictionaryError
from eventcoder.events import lexicon


@pytest.mark.parametrize(
    ("lemma", "dependents", "matched", "expected"),
    [
        ("accord", {"to"}, False, True),
        ("accord", {"to"}, True, True),  # "always": even when a pattern matched
        ("accord", set(), False, False),  # "to accord with Gondor": the with-word is missing
        ("swear", {"in"}, False, True),
        ("die", set(), False, True),
        ("die", {"in"}, True, False),  # "died in clashes": a pattern matched
        ("attack", set(), False, False),
    ],
)
def test_non_event(lemma, dependents, matched, expected):
    assert lexicon.load().non_event(lemma, dependents, matched=matched) is expected


def test_non_events_bad_row_names_file_and_line(tmp_path):
    p = tmp_path / "non_events.tsv"
    p.write_text("# c\nverb\twith\twhen\twhy\naccord\tto\tsometimes\tx\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"non_events.tsv:3"):
        lexicon.non_events(p)


def test_locative_nouns_bad_row_names_file_and_line(tmp_path):
    p = tmp_path / "locative_nouns.tsv"
    p.write_text("noun\nhospital\nfield hospital\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"locative_nouns.tsv:3"):
        lexicon.locative_nouns(p)
    assert "consulate" in lexicon.locative_nouns()


def test_root_groups_read_and_a_bad_row_names_file_and_line(tmp_path):
    from eventcoder.events.ontology import read_root_groups

    groups = read_root_groups()
    assert groups["attack"] == {"18", "19", "20"} and "12" in groups["verbal"]
    p = tmp_path / "root_groups.tsv"
    p.write_text("group\troots\twhy\nverbal\t01 2x\twhy\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"root_groups.tsv:2: expected 'group<TAB>two-digit roots"):
        read_root_groups(p)
