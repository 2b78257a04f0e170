"""The web page in a real browser: Debian's headless chromium driven by Playwright.

A real uvicorn server serves the app on loopback; the tests filter events, open an article
from the table, check its highlights and tooltip, draw the timeline, the network and the map,
list actors, sort, download the CSV of a filter, go Back through the address, and lay every
tab out at 1280 and at 400 px. Screenshots go to tests/_artifacts/ (gitignored):
`<tab>-1280.png` and `<tab>-400.png` for each tab, and a few of particular states.

Needs /usr/bin/chromium (`apt-get install -y chromium`); Playwright's own browser download is
never used (no network).
"""

from __future__ import annotations

import csv
import io
import re
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


def _watch(pg, problems: list[str]) -> None:
    pg.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    pg.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))


@pytest.fixture
def site(browser, store, serve, problems):
    """``open_page(width, hash)``: a new page of that width at that address of a served app."""
    with serve(create_app(store)) as base:
        contexts = []

        def open_page(width: int = 1280, hash: str = "") -> object:
            context = browser.new_context(viewport={"width": width, "height": 900})
            contexts.append(context)
            pg = context.new_page()
            _watch(pg, problems)
            pg.goto(base + "/" + hash)
            return pg

        yield open_page
        for context in contexts:
            context.close()
        assert problems == []


@pytest.fixture
def page(site):
    return site(1280)


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
    assert page.url.endswith("#article/mt-2024-09-20?event=e1")

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


# -- the analyst views: names, filters in the address, sorting, CSV, actors, map, narrow screens


def _page_info(page, which: str) -> str:
    return page.inner_text(f"#{which}-pager .page-info")


def _wait_info(page, which: str, text: str) -> None:
    expect(page.locator(f"#{which}-pager .page-info")).to_have_text(text, timeout=10_000)


def test_codes_have_names_and_filters_live_in_the_address(page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.click("#tabs button[data-tab=events]")
    page.wait_for_selector("#events-table tbody tr[data-event]")
    # CAMEO and PLOVER names beside the codes.
    reject = page.locator('#events-table tbody tr[data-article="mt-2024-09-20"][data-event="e1"]')
    assert "Reject proposal to meet" in reject.locator("td").nth(2).inner_text()
    assert "verbal conflict" in reject.locator("td").nth(3).inner_text()

    # Quad and statement filters change the address; the table follows.
    page.select_option("#events-form select[name=quad]", "3")
    page.click("#events-form button[type=submit]")
    _wait_info(page, "events", "1–3 of 3")
    assert "#events?quad=3" in page.url
    page.select_option("#events-form select[name=quad]", "")
    page.select_option("#events-form select[name=statements]", "false")
    page.click("#events-form button[type=submit]")
    _wait_info(page, "events", "1–8 of 8")
    assert page.url.endswith("#events?statements=false")

    # Back restores the previous filter, form included; Forward the next one.
    page.go_back()
    _wait_info(page, "events", "1–3 of 3")
    assert page.input_value("#events-form select[name=quad]") == "3"
    page.go_forward()
    _wait_info(page, "events", "1–8 of 8")
    assert page.input_value("#events-form select[name=quad]") == ""

    # A pasted link opens the same view in a fresh page.
    fresh = page.context.new_page()
    fresh.goto(page.url.split("#")[0] + "#events?source=RUS&statements=false")
    _wait_info(fresh, "events", "1–3 of 3")
    assert fresh.input_value("#events-form input[name=source]") == "RUS"

    # The open article is in the address too, and Back returns to the filtered table.
    page.click('#events-table tbody tr[data-event="e1"][data-article="wn-swap"]')
    page.wait_for_selector("#reader-title")
    assert page.url.endswith("#article/wn-swap?event=e1")
    page.go_back()
    _wait_info(page, "events", "1–8 of 8")
    assert page.is_visible("#tab-events")


def test_sorting_and_the_csv_of_the_current_filter(page):
    page.goto(page.url.split("#")[0] + "#events?source=RUS")
    _wait_info(page, "events", "1–4 of 4")
    page.click("#events-table th[data-sort=cameo] button")
    expect(page).to_have_url(re.compile(r"sort=cameo"))
    expect(page.locator("#events-table th[data-sort=cameo]")).to_have_attribute("aria-sort", "ascending")
    codes = page.locator("#events-table tbody td:nth-child(3) .code").all_inner_texts()
    assert codes == sorted(codes) and len(codes) == 4
    page.click("#events-table th[data-sort=cameo] button")
    expect(page).to_have_url(re.compile(r"sort=-cameo"))
    expect(page.locator("#events-table th[data-sort=cameo]")).to_have_attribute("aria-sort", "descending")
    assert page.locator("#events-table tbody td:nth-child(3) .code").all_inner_texts() == sorted(codes, reverse=True)

    # Download CSV: exactly the events of the filter, in the export's columns.
    link = page.locator("#events-csv")
    assert link.inner_text() == "Download CSV (4 events)"
    with page.expect_download() as info:
        link.click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 4 and all(r["source_code"].startswith("RUS") for r in rows)
    assert info.value.suggested_filename == "events.csv"


def test_actors_tab_links_to_their_events(page):
    page.click("#tabs button[data-tab=actors]")
    page.wait_for_selector("#actors-table tbody tr[data-key]")
    assert _page_info(page, "actors") == "1–8 of 8"
    russia = page.locator('#actors-table tbody tr[data-key="russia"]')
    assert russia.locator("td").nth(1).inner_text() == "RUS"
    assert [russia.locator("td").nth(i).inner_text() for i in (6, 7)] == ["2", "2"]
    page.screenshot(path=str(ARTIFACTS / "actors.png"), full_page=True)
    russia.locator("td").nth(6).locator("a").click()  # events with Russia as source
    page.wait_for_selector("#tab-events:not([hidden])")
    expect(page.locator("#events-pager .page-info")).to_have_text(re.compile(r"of 2$"))
    sources = page.locator("#events-table tbody td:nth-child(2) .code").all_inner_texts()
    assert sources == ["RUS", "RUS"]


def test_map_draws_the_outline_and_the_places(page):
    page.click("#tabs button[data-tab=map]")
    page.wait_for_selector("#map-chart svg .pt-event")
    assert page.locator("#map-chart .land path").count() > 150  # the Natural Earth countries
    assert page.locator("#map-chart .pt-event").count() == 1  # Ankara, where the swap took place
    assert page.inner_text("#map-summary").startswith("2 events at 1 place")
    page.hover("#map-chart .pt-event")
    assert "Ankara" in page.inner_text("#tip") and "2 events in 1 article" in page.inner_text("#tip")
    # The map filters like the event table.
    page.fill("#map-form input[name=source]", "CHN")
    page.click("#map-form button[type=submit]")
    expect(page.locator("#map-summary")).to_have_text(re.compile(r"^0 events"))
    assert page.locator("#map-chart .pt-event").count() == 0


def test_network_labels_never_overlap_and_it_has_a_legend(page):
    page.click("#tabs button[data-tab=network]")
    page.wait_for_selector("#network-chart svg g.node")
    assert page.is_visible("#network-legend .gradient")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('#network-chart g.node text')]
            .filter((t) => t.getAttribute('visibility') !== 'hidden')
            .map((t) => { const b = t.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })"""
    )
    assert len(boxes) >= 4
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


TABS = ["reader", "events", "timeline", "network", "quotes", "actors", "map"]
READY = {
    "reader": "#reader-title",
    "events": "#events-table tbody tr[data-event]",
    "timeline": "#timeline-chart svg",
    "network": "#network-chart svg g.node",
    "quotes": "#quotes-list li[data-quote]",
    "actors": "#actors-table tbody tr[data-key]",
    "map": "#map-chart svg .pt-event",
}
ADDRESS = {"reader": "#article/mt-2024-09-20", "timeline": "#timeline?source=RUS&target=USA&interval=week"}


@pytest.mark.parametrize("width", [1280, 400])
def test_every_tab_at_1280_and_400_px(site, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page = site(width)
    for tab in TABS:
        page.goto(page.url.split("#")[0] + ADDRESS.get(tab, f"#{tab}"))
        page.wait_for_selector(READY[tab])
        assert page.is_visible(f"#tab-{tab}")
        # Every tab button is on screen, and nothing is wider than the window.
        for box in page.locator("#tabs button").evaluate_all(
            "(bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [r.left, r.right]; })"
        ):
            assert 0 <= box[0] and box[1] <= width, (tab, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, tab
        page.screenshot(path=str(ARTIFACTS / f"{tab}-{width}.png"), full_page=True)
