from eventcoder.cli.render import article_markup, table


def test_table_aligns_and_cuts():
    out = table(["a", "bb"], [["xyz", "1"], ["q", "x" * 70]])
    lines = out.splitlines()
    assert lines[0] == "a    bb"
    assert lines[1] == "---  " + "-" * 60
    assert lines[2] == "xyz  1"
    assert lines[3] == "q    " + "x" * 59 + "…"


def test_article_markup_plain_text_and_legend():
    article = {
        "id": "x",
        "title": "T",
        "published": "2024-09-20",
        "text": "Moscow said no.",
        "actors": [
            {"id": "a1", "name": "Russia", "code": "RUS", "mentions": [{"start": 0, "end": 6, "text": "Moscow"}]}
        ],
        "events": [],
        "quotes": [],
    }
    import click

    out = click.unstyle(article_markup(article))
    assert out.splitlines()[:4] == ["T", "2024-09-20", "", "Moscow said no."]
    assert "    a1  RUS        Russia  (1 mentions)" in out
