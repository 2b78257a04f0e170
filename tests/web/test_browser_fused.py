"""The web page shows how often a fused event was reported, and links each report's sentence."""

from __future__ import annotations

import dataclasses

import pytest
from coded_articles import moscow_times
from test_browser import browser, page, problems, site  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def store(store):  # noqa: F811  (the filled store plus a copy of the Moscow Times article)
    store.write_batch([dataclasses.replace(moscow_times(), id="copy", url="https://wire.example/c", outlet="Wire")])
    return store


def test_reported_n_times_links_each_report(page):  # noqa: F811
    page.click("#tabs button[data-tab=events]")
    page.wait_for_selector("#events-table tbody tr[data-event]")
    line = page.locator('#events-table tbody tr[data-article="copy"][data-event="e1"] .fused')
    assert line.inner_text() == "reported 2 times in 2 articles from 2 outlets"
    line.locator("a").click()
    page.wait_for_selector('#events-table tbody tr[data-article="copy"][data-event="e1"] .fused li')
    links = line.locator("li a")
    assert links.count() == 2
    assert "Moscow on Friday ruled out a meeting" in links.nth(1).inner_text()
    links.nth(1).click()  # opens the other report in the reader
    page.wait_for_selector("#reader-title")
    assert page.is_visible("#tab-reader")
