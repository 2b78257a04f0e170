"""The web page in a real browser: Debian's headless chromium driven by Playwright.

A real uvicorn server serves the app on loopback; the test filters events, opens an article
from the table, checks its highlights and tooltip, draws the timeline and the network, and
searches quotes. Screenshots go to tests/_artifacts/ (gitignored).

Needs /usr/bin/chromium (`apt-get install -y chromium`); Playwright's own browser download is
never used (no network).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coded_articles import MT_TEXT

from eventcoder.web import create_app

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent.parent / "_artifacts"


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def problems() -> list[str]:
    """Page errors, console errors and failed requests seen during the test (must stay empty)."""
    return []


@pytest.fixture
def page(browser, store, serve, problems):
    with serve(create_app(store)) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.on("pageerror", lambda err: problems.append(f"page error: {err}"))
        pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
        pg.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
        pg.goto(base + "/")
        yield pg
        context.close()
        assert problems == []


def test_filter_events_open_article_timeline(page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_selector("#articles-list li[data-id]")
    assert page.inner_text("#stats") == "4 articles · 9 events · 3 quotes · 8 actors"

    # Events: filter by source prefix; the pager reports the total.
    page.click("#tabs button[data-tab=events]")
    page.wait_for_selector("#events-table tbody tr[data-event]")
    assert page.inner_text("#events-pager .page-info") == "1–9 of 9"
    page.fill("#events-form input[name=source]", "RUS")
    page.click("#events-form button[type=submit]")
    # Locator assertions, not wait_for_function: the page's CSP forbids the eval that one uses.
    expect(page.locator("#events-pager .page-info")).to_have_text("1–4 of 4")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 4
    assert all(code.startswith("RUS") for code in rows.locator("td:nth-child(2) .code").all_inner_texts())

    # Open the article from the table: the reader shows it with its highlights.
    page.click('#events-table tbody tr[data-article="mt-2024-09-20"][data-event="e1"]')
    page.wait_for_selector("#reader-title")
    assert page.is_visible("#tab-reader") and not page.is_visible("#tab-events")
    assert page.inner_text("#reader-title") == "Moscow Rules Out Meeting Between Lavrov, Blinken at UN Assembly"
    assert page.inner_text("#reader-body") == MT_TEXT
    assert page.locator("#reader-body .ann-trigger").all_inner_texts() == ["ruled out", "told", "rejected"]
    assert page.locator("#reader-body .ann-actor").all_inner_texts()[:3] == [
        "Moscow",
        "Sergei Lavrov",
        "Antony Blinken",
    ]
    assert "There are no such plans," in "".join(page.locator("#reader-body .ann-quote").all_inner_texts())
    assert page.url.endswith("#article/mt-2024-09-20")

    # Hovering a trigger shows its codes, modality and rule.
    page.hover('#reader-body [data-events~="e1"]')
    tip = page.inner_text("#tip")
    assert "CAMEO 125" in tip and "PLOVER REJECT" in tip and "modality: asserted" in tip
    assert "rule: CAMEO.2.0.txt:2001 RULE_OUT" in tip
    page.screenshot(path=str(ARTIFACTS / "reader.png"), full_page=True)

    # The dyad timeline.
    page.click("#tabs button[data-tab=timeline]")
    page.fill("#timeline-form input[name=source]", "RUS")
    page.fill("#timeline-form input[name=target]", "USA")
    page.select_option("#timeline-form select[name=interval]", "week")
    page.click("#timeline-form button[type=submit]")
    # A chart drawn before the form was sent may still be on screen: wait for the weekly one.
    expect(page.locator("#timeline-chart svg rect.bar")).to_have_count(8)
    assert page.locator("#timeline-chart rect.bar").count() == 8
    assert page.locator("#timeline-chart rect.bar-pos").count() == 8 - 1  # empty weeks draw a zero bar
    assert page.locator("#timeline-chart rect.bar-neg").count() == 1
    assert page.inner_text("#timeline-summary").startswith("RUS → USA: 2 events in 8 weeks")
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)


def test_network_and_quotes(page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.click("#tabs button[data-tab=network]")
    page.click("#network-form button[type=submit]")
    page.wait_for_selector("#network-chart svg g.node")
    assert page.locator("#network-chart g.node").count() == 6
    assert page.locator("#network-chart path.edge").count() == 5
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)

    page.click("#tabs button[data-tab=quotes]")
    page.fill("#quotes-form input[name=speaker]", "Ryabkov")
    page.click("#quotes-form button[type=submit]")
    expect(page.locator("#quotes-pager .page-info")).to_have_text("1–2 of 2")
    assert page.locator("#quotes-list blockquote").all_inner_texts() == [
        "“There are no such plans,”",
        "Washington had rejected talks with Moscow on arms control",
    ]
    assert "Sergei Ryabkov (named “Rybakov”)" in page.locator("#quotes-list .who").nth(1).inner_text()
    page.locator("#quotes-list li").nth(1).locator("a").click()
    page.wait_for_selector("#reader-title")
    assert page.locator('#reader-body [data-quotes~="q2"]').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "quotes.png"), full_page=True)


def test_a_bad_filter_shows_the_api_error(page, problems):
    page.click("#tabs button[data-tab=events]")
    page.fill("#events-form input[name=since]", "2024-13-01")
    page.click("#events-form button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "since: '2024-13-01' is not a valid date (month must be in 1..12)"
    # The browser logs the 422 itself; it is the expected answer here.
    assert problems == ["Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"]
    problems.clear()
    page.fill("#events-form input[name=since]", "2024-09")
    page.click("#events-form button[type=submit]")
    page.wait_for_selector("#error", state="hidden")
    assert page.inner_text("#events-pager .page-info") == "1–5 of 5"
