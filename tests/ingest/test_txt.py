"""The .txt news layout: header, caption, body, related lines and URL trailer; plain text fallback."""

from __future__ import annotations

import re

import pytest

from eventcoder.ingest import Rejection, read_inputs
from eventcoder.ingest.txt import TxtArticle, is_caption, is_credit, parse

SEED_URL = (
    "https://www.themoscowtimes.com/2024/09/20/moscow-rules-out-meeting-between-lavrov-blinken-at-un-assembly-a86423"
)

P1 = "Kenya and Ethiopia signed a water-sharing agreement on Tuesday, ending a long dispute."
P2 = "The deal was signed in Addis Ababa by the two foreign ministers."
P3 = '"This is a day for our peoples," the Kenyan minister said.'


def test_seed_article(shared):
    items = list(read_inputs([str(shared / "seed" / "moscow-times-2024-09-20.txt")]))
    assert len(items) == 1
    art = items[0]
    assert art.title == "Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly"
    assert art.published == "2024-09-20"
    assert art.byline == "AFP"
    assert art.outlet == "The Moscow Times"
    assert art.url == SEED_URL
    assert art.path == str(shared / "seed" / "moscow-times-2024-09-20.txt")
    assert art.text.startswith("Russian Foreign Minister Sergei Lavrov will not meet his U.S. counterpart")
    assert art.text.endswith("including policies on Israel, Iran and North Korea.")
    for metadata in ("Martial Trezzini", "Related article", "U.K. Slaps", "Original url", "https://", "<u>"):
        assert metadata not in art.text
    paragraphs = art.text.split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[3] == (
        "Russia, now one of the most sanctioned countries in the world, has seen ties with the West severely "
        "damaged by its war against Ukraine."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\n\nKenya, Ethiopia Sign Water Deal\n\nBy <b>Reuters</b>\n\nMay 2, 2023\n\n"
            "Ministers at the signing in Addis Ababa. Tiksa Negeri / REUTERS\n\n"
            f"{P1}\n\nRelated article: Drought Hits Horn of Africa\n\n{P2}\n\n{P3}\n\n"
            "Original url:\n\nhttps://www.reuters.com/world/africa/kenya-ethiopia-sign-water-d eal-2023-05-02/\n",
            TxtArticle(
                f"{P1}\n\n{P2}\n\n{P3}",
                "Kenya, Ethiopia Sign Water Deal",
                "Reuters",
                "2023-05-02",
                "https://www.reuters.com/world/africa/kenya-ethiopia-sign-water-deal-2023-05-02/",
            ),
            id="full-layout",
        ),
        pytest.param(
            f"Kenya, Ethiopia Sign Water Deal\nBy Jane Mwangi and Tom Otieno\n2 May 2023\n\n{P1}\n\n{P2}\n",
            TxtArticle(f"{P1}\n\n{P2}", "Kenya, Ethiopia Sign Water Deal", "Jane Mwangi and Tom Otieno", "2023-05-02"),
            id="header-lines-in-one-paragraph",
        ),
        pytest.param(
            f"Water Deal\n\nMay 2, 2023\n\nBy AFP\n\nMinisters at the signing in Addis Ababa\n\n{P1}\n\n{P2}",
            TxtArticle(f"{P1}\n\n{P2}", "Water Deal", "AFP", "2023-05-02"),
            id="date-before-byline-caption-without-sentence-end",
        ),
        pytest.param(
            f"Water Deal\n\nBy AFP\n\nMinisters at the signing.\n\nTiksa Negeri / Reuters\n\n{P1}",
            TxtArticle(P1, "Water Deal", "AFP"),
            id="caption-then-credit-line",
        ),
        pytest.param(
            f"Water Deal\n\nBy AFP\n\n{P1}\n\n{P2}",
            TxtArticle(f"{P1}\n\n{P2}", "Water Deal", "AFP"),
            id="no-caption-first-paragraph-kept",
        ),
        pytest.param(
            f"Friday, January 4, 2019\n\n{P1}\n\n{P2}",
            TxtArticle(f"{P1}\n\n{P2}", None, None, "2019-01-04"),
            id="dateline-only",
        ),
        pytest.param(
            f"Water Deal\n\n{P1}\n\n{P2}\n\nOnline:\n\nhttp://example-poll.com.\n",
            TxtArticle(f"{P1}\n\n{P2}\n\nOnline:\n\nhttp://example-poll.com.", "Water Deal"),
            id="plain-title-and-cited-link-kept",
        ),
        pytest.param(
            f"{P1}\n\n{P2}\n\nOriginal URL: https://apnews.com/article/water\n",
            TxtArticle(f"{P1}\n\n{P2}", url="https://apnews.com/article/water"),
            id="plain-url-label-on-one-line",
        ),
        pytest.param(
            f"{P1}\n\n{P2}\nOriginal url: https://apnews.com/article/wa\nter-deal\n\n{P3}",
            TxtArticle(f"{P1}\n\n{P2}\n\n{P3}", url="https://apnews.com/article/water-deal"),
            id="plain-url-label-inside-a-paragraph",
        ),
        pytest.param(
            f"{P1}\n\n{P2}\n\nSource: Reuters and AFP",
            TxtArticle(f"{P1}\n\n{P2}\n\nSource: Reuters and AFP"),
            id="source-without-url-is-body",
        ),
        pytest.param(
            f"{P1}\n\nSource: https://gov.example/report.pdf\n\n{P2}",
            TxtArticle(f"{P1}\n\nSource: https://gov.example/report.pdf\n\n{P2}"),
            id="cited-source-link-is-body",
        ),
        pytest.param(
            f"Water Deal\n\nBy the end of the week, talks had collapsed.\n\n{P2}",
            TxtArticle(f"By the end of the week, talks had collapsed.\n\n{P2}", "Water Deal"),
            id="by-sentence-is-not-a-byline",
        ),
    ],
)
def test_layouts(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"{P1}\n\n{P2}\n\n{P3}", id="paragraphs"),
        pytest.param("Talks on water resumed in Addis Ababa", id="one-short-line"),
        pytest.param("The president said on Monday that the\ngovernment would not resign.\n\nMore.", id="wrapped"),
        pytest.param("Breaking news:\n\nThe talks collapsed.", id="colon-line"),
        pytest.param("  Indented first paragraph\n  goes on here.\n\n\n\nSecond   paragraph.  ", id="spacing"),
        pytest.param(f"{P1}\n{P2}\n{P3}", id="one-paragraph"),
    ],
)
def test_plain_text_without_title_is_all_body(text):
    parts = parse(text)
    assert parts.title is None
    assert _words(parts.body) == _words(text)


@pytest.mark.parametrize(
    "text",
    [
        f"Water Deal Signed\n\n{P1}\n\n{P2}",
        f"Will the Water Deal Hold?\n\n{P1}",
        f"\n\n  Water Deal Signed  \n\n{P1}",
    ],
)
def test_plain_text_short_first_line_is_the_title(text):
    parts = parse(text)
    assert parts.title is not None
    assert _words(parts.title + " " + parts.body) == _words(text)
    assert parts.body.startswith("Kenya and Ethiopia")


def test_paragraph_inside_is_kept_as_is():
    body = "A paragraph  with   odd spacing\n   and a hard-wrapped line."
    assert parse(f"Title Line\n\nBy AFP\n\n{body}\n\nLast.").body == f"{body}\n\nLast."


def test_caption_is_never_the_whole_body():
    assert parse("Water Deal\n\nBy AFP\n\nMinisters at the signing in Addis Ababa").body == (
        "Ministers at the signing in Addis Ababa"
    )


@pytest.mark.parametrize(
    ("paragraph", "caption"),
    [
        ("U.S. Secretary of State Antony Blinken and Sergei Lavrov. Martial Trezzini / EPA / TASS", True),
        ("Protesters in Tbilisi on Sunday. REUTERS/Irakli Gedenidze", True),
        ("President Biden speaks. (AP Photo/Evan Vucci)", True),
        ("Ministers at the signing. Photo: Reuters", True),
        ("Ministers at the signing in Addis Ababa", True),
        ("Ministers signed the deal on Tuesday.", False),
        ('"What is there to talk about?" he said.', False),
        ("The EU said it backed the plan, as did the EU/UN.", False),
        ("The ministers made three demands:", False),
        ("A wrapped line of body text\nthat goes on", False),
        ("x" * 301, False),
    ],
)
def test_is_caption(paragraph, caption):
    assert is_caption(paragraph) is caption


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        ("Martial Trezzini / EPA / TASS", True),
        ("Photo: Sergei Bobylev / TASS", True),
        ("Ministers at the signing. Martial Trezzini / EPA", False),
        ("Talks resumed.", False),
    ],
)
def test_is_credit(paragraph, credit):
    assert is_credit(paragraph) is credit


def test_header_only_file_is_rejected(tmp_path):
    path = tmp_path / "header.txt"
    path.write_text("Water Deal\n\nBy AFP\n\nMay 2, 2023\n", encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Rejection(str(path), "no article text after the title and header")]


def _words(s: str) -> list[str]:
    return re.findall(r"\S+", s)
