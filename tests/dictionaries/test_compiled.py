"""Compiling dictionaries (user entries merged into the entries they name) and the disk cache."""

from __future__ import annotations

import os

import pytest

from eventcoder.dictionaries import compile_dictionaries, load_dictionaries, norm
from eventcoder.settings import cache_dir


@pytest.fixture()
def files(tmp_path):
    actors = tmp_path / "a.actors.txt"
    actors.write_text("SERGEY_LAVROV_\n+LAVROV\n+SERGEI_LAVROV\n\t[RUSGOV >20040309]\nRUSSIA_ [RUS]\n+RUSSIAN\n")
    user = tmp_path / "leaders.csv"
    user.write_text(
        "name,aliases,code,from,to,role,kind\n"
        "Sergei Lavrov,Sergey V. Lavrov,RUSGOV,2004-03-09,,Foreign Minister,person\n"
        "Antony Blinken,Blinken,USAGOV,2021-01-26,2025-01-20,Secretary of State,person\n"
    )
    agents = tmp_path / "a.agents.txt"
    agents.write_text("STATE_MEDIA [~GOVMED]\nFOREIGN_MINISTER [~GOV]\n")
    discards = tmp_path / "d.txt"
    discards.write_text("+World Golf Championships\n")
    return [str(actors), str(user)], [str(agents)], [str(discards)]


def tokenizer(nlp):
    return lambda texts: [[t.text for t in d] for d in nlp.tokenizer.pipe(texts)]


def test_user_entries_extend_the_entries_they_name(files, nlp):
    d = compile_dictionaries(*files, tokenizer(nlp))
    assert [e.key for e in d.actors] == ["SERGEY_LAVROV", "RUSSIA", "ANTONY_BLINKEN"]
    lavrov = d.actors[0]
    assert ("SERGEY", "V.", "LAVROV") in lavrov.patterns
    assert lavrov.codes[0].source == "leaders.csv:2"  # the user's code is tried first
    assert lavrov.role_on("2024-09-20") == "Foreign Minister"


def test_match(files, nlp):
    d = compile_dictionaries(*files, tokenizer(nlp))
    doc = nlp.make_doc("Russian state media quoted Sergey V. Lavrov and Blinken at the World Golf Championships.")
    toks = [norm(t.text) for t in doc]
    found = [(kind, doc[m.start : m.end].text) for kind, m in d.match(toks)]
    assert found == [
        ("actor", "Russian"),
        ("agent", "state media"),
        ("actor", "Sergey V. Lavrov"),
        ("actor", "Blinken"),
    ]
    assert [doc[m.start : m.end].text for m in d.match_discards(toks)] == ["World Golf Championships"]


def test_cache_is_used_and_refreshed(files, nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def factory():
        calls.append(1)
        return tokenizer(nlp)

    first = load_dictionaries(*files, factory, "test")
    second = load_dictionaries(*files, factory, "test")
    assert len(calls) == 1  # the second load only unpickled
    assert [e.key for e in second.actors] == [e.key for e in first.actors]
    assert len(list(cache_dir().glob("dictionaries-*.pickle"))) == 1
    actors_file = files[0][0]
    with open(actors_file, "a") as fh:
        fh.write("UKRAINE_ [UKR]\n")
    os.utime(actors_file, ns=(1, 1))
    third = load_dictionaries(*files, factory, "test")
    assert len(calls) == 2 and [e.key for e in third.actors] == ["SERGEY_LAVROV", "RUSSIA", "UKRAINE", "ANTONY_BLINKEN"]


def test_unwritable_cache_still_compiles(files, nlp, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(blocker / "cache"))
    d = load_dictionaries(*files, lambda: tokenizer(nlp), "test")
    assert len(d.actors) == 3


def test_loose_phrases_compile_with_their_gaps(tmp_path, nlp):
    actors = tmp_path / "a.actors.txt"
    actors.write_text("ITHILEN  [ITH]\nITHILEN TELEVISION  [ITHTV]\nITHILEN_GOVERNMENT_RADIO_  [ITHRAD]\n")
    d = compile_dictionaries([str(actors)], [], [], tokenizer(nlp))
    anything = lambda j, k: True  # noqa: E731 - the caller judges the words in between
    assert d.actor_trie.longest(["ITHILEN", "STATE", "-", "RUN", "TELEVISION"], 0, anything) == (5, 1)
    assert d.actor_trie.longest(["ITHILEN", "TELEVISION"], 0) == (2, 1)
    assert d.actor_trie.longest(["ITHILEN", "STATE", "GOVERNMENT", "RADIO"], 0, anything) == (1, 0)
