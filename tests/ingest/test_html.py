"""HTML pages through trafilatura: main text as paragraphs, metadata, pages without an article."""

from __future__ import annotations

import gzip

import pytest

from eventcoder.ingest import Rejection, article_id, read_inputs

URL = "https://www.reuters.com/world/africa/kenya-ethiopia-sign-water-deal-2023-05-02/"
P1 = (
    "Kenya and Ethiopia signed an agreement on Tuesday to share the waters of the Omo river, ending a "
    "dispute that had strained relations between the neighbours for more than a decade."
)
P2 = (
    "The deal was signed in Addis Ababa by the two countries' foreign ministers, who said it would protect "
    "farmers and herders on both sides of the border during droughts."
)
P3 = (
    '"This is a day for our peoples," Kenya\'s foreign minister told reporters after the ceremony, adding '
    "that a joint commission would meet every six months to review the water flows."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kenya and Ethiopia sign border water deal | Reuters</title>
<meta property="og:title" content="Kenya and Ethiopia sign border water deal">
<meta property="og:site_name" content="Reuters">
<meta property="og:url" content="{URL}">
<meta name="author" content="Jane Mwangi">
<meta property="article:published_time" content="2023-05-02T09:30:00Z">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main>
<article>
<h1>Kenya and Ethiopia sign border water deal</h1>
<p class="byline">By Jane Mwangi</p>
<p>{P1}</p>
<p>{P2}</p>
<p>{P3}</p>
</article>
</main>
<footer><p>Copyright 2023 Reuters. All rights reserved.</p></footer>
</body>
</html>
"""


def test_news_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (art,) = read_inputs([str(path)])
    assert art.text == f"{P1}\n\n{P2}\n\n{P3}"
    assert art.title == "Kenya and Ethiopia sign border water deal"
    assert art.url == URL
    assert art.published == "2023-05-02"
    assert art.byline == "Jane Mwangi"
    assert art.outlet == "Reuters"
    assert art.path == str(path)
    assert art.id == article_id(given=None, url=URL, text="")


def test_unknown_site_takes_its_site_name(tmp_path):
    page = PAGE.replace(URL, "https://example-news.com/2023/05/02/water").replace(
        'content="Reuters"', 'content="Example News"'
    )
    path = tmp_path / "page.htm.gz"
    path.write_bytes(gzip.compress(page.encode("utf-8")))
    (art,) = read_inputs([str(path)])
    assert (art.outlet, art.url, art.text) == (
        "Example News",
        "https://example-news.com/2023/05/02/water",
        f"{P1}\n\n{P2}\n\n{P3}",
    )


def test_declared_legacy_charset(tmp_path):
    text = "Москва заявила в пятницу, что министр иностранных дел не встретится со своим коллегой в Нью-Йорке."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>Москва</title></head><body><article><p>{text}</p></article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    (art,) = read_inputs([str(path)])
    assert art.text == text


@pytest.mark.parametrize(
    "page",
    [
        '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>',
        "<html><head><title>Page</title></head><body><header><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/w'>World</a></li></ul></nav></header></body></html>",
        "<html><body></body></html>",
    ],
)
def test_page_without_article_text(tmp_path, page):
    path = tmp_path / "nav.html"
    path.write_text(page, encoding="utf-8")
    assert list(read_inputs([str(path)])) == [Rejection(str(path), "no article text found in HTML")]


def test_bare_fragment_is_read_as_a_page(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text(f"<p>{P1}</p>\n<p>{P2}</p>\n", encoding="utf-8")
    (art,) = read_inputs([str(path)])
    assert (art.text, art.title, art.url, art.outlet) == (f"{P1}\n\n{P2}", None, None, None)
