"""The real-news gold set reads, and its scorer counts what it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.article import Article, Event, Participant, Span
from eventcoder.errors import InputError
from eventcoder.evaluation.realnews import GoldArticle, GoldEvent, GoldSentence, Report, read_gold, score

GOLD = Path(__file__).parent / "realnews" / "gold.jsonl"


def test_the_gold_set_reads_and_is_split_by_article(shared: Path) -> None:
    gold = read_gold(GOLD)
    assert len(gold) >= 81  # 84 Wikinews articles and the seed
    assert sum(len(g.sentences) for g in gold) >= 400
    by_split = {s: {g.article.id for g in gold if g.split == s} for s in ("dev", "test")}
    assert not by_split["dev"] & by_split["test"]
    assert 0.25 <= len(by_split["test"]) / len(gold) <= 0.35
    seed = next(g for g in gold if g.article.id == "seed")
    assert seed.split == "dev"
    first = seed.sentences[0].events[0]
    assert (first.source, first.target, first.cameo, first.modality) == ("RUSGOV", "USAGOV", "125", "negated")


def test_a_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    good = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[1])
    good["sentences"][0]["events"] = [
        {
            "source": "A",
            "target": "B",
            "cameo": "010",
            "modality": "asserted",
            "trigger": {"start": 0, "end": 3, "text": "xyz"},
        }
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n" + json.dumps(good) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: bad gold record: .*trigger 'xyz' is not at 0"):
        read_gold(path)


def _event(text: str, word: str, source: str | None, target: str | None, cameo: str) -> Event:
    s = text.index(word)

    def part(code: str | None) -> Participant | None:
        return Participant(None, code, 0, 1, text[0]) if code else None

    return Event(
        "e", cameo, cameo[:2], Span(s, s + len(word), word), Span(0, len(text), text), part(source), part(target)
    )


def test_matching_is_at_country_sector_level_and_three_digit_base() -> None:
    text = "Gondor accused Mordor. Arnor praised Rohan. Rohan met Gondor."
    sentences = [
        GoldSentence("s1", 0, 22, [GoldEvent("GONGOV", "MOR", "1121", "asserted", 7, 14)]),
        GoldSentence("s2", 23, 43, [GoldEvent("ARN", "ROH", "051", "asserted", 29, 36)]),
        GoldSentence("s3", 44, 61, []),
    ]
    article = Article("t", text)
    article.events = [
        _event(text, "accused", "GONGOVMIL", "MOR", "112"),  # sector level, base 112: right
        _event(text, "praised", "ARN", "ROHGOV", "051"),  # target sector differs: wrong
        _event(text, "met", "ROH", "GON", "040"),  # not in the gold: wrong
    ]
    report = Report("gold.jsonl", score([GoldArticle(article, "dev", sentences)], [article]), [])
    summary = report.summary()
    assert summary["dev"]["events"] == {
        "precision": round(1 / 3, 4), "recall": 0.5, "f1": 0.4, "predicted": 3, "gold": 2, "tp": 1, "coded": 3,
    }  # fmt: skip
    assert summary["dev"]["failures"] == [
        {"sentence": "s2", "kind": "missed", "event": ["ARN", "ROH", "051"], "modality": "asserted"},
        {"sentence": "s2", "kind": "extra", "event": ["ARN", "ROHGOV", "051"], "trigger": "praised"},
        {"sentence": "s3", "kind": "extra", "event": ["ROH", "GON", "040"], "trigger": "met"},
    ]
    assert summary["test"]["events"]["gold"] == 0
