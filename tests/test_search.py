"""Material's search as a reader uses it, in Debian's Chromium over localhost (the real site,
built once and served by the ``served_site`` fixture): what it finds, where its results land,
and that its index is downloaded only once the reader starts to search."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from conftest import SEARCH_WORD, Tab, collapse

INDEX = "search/search_index.json"
PHONE: ViewportSize = {"width": 390, "height": 844}  # Material's search is a dialog there


@pytest.mark.browser
def test_search_finds_the_exports_chapter(tab: Tab, served_site: str) -> None:
    tab.open(served_site)
    page = tab.page
    # The home page does not contain the word, so a hit can only come from the index.
    assert SEARCH_WORD.lower() not in collapse(page.locator(".md-content").inner_text()).lower()

    query = page.locator("input.md-search__input")
    query.click()
    expect(query).to_be_focused()
    query.press_sequentially(SEARCH_WORD, delay=20)

    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    hits = [
        (urlsplit(urljoin(page.url, link.get_attribute("href") or "")).path, link.inner_text())
        for link in page.locator(".md-search-result__item a").all()
    ]
    to_exports = [text for path, text in hits if path == "/exports/"]
    assert to_exports, f"no search result links to /exports/: {hits}"
    assert any(SEARCH_WORD.lower() in text.lower() for text in to_exports), to_exports
    assert tab.page_errors == []


SEARCHES = [  # query, and a result it must offer: a fact's permalink or a page
    ("Russia", "/facts/#markets.russia.direct_exports.decline.2025"),
    ("solid-state", "/facts/#technology.saic.solid_state.mass_production"),
    ("Nexperia", "/facts/#parts.nexperia.chips_processed_in_china.share"),
    ("4.91", "/facts/#exports.vehicles.2023"),
    ("BYD", "/facts/#exports.overseas_sales.byd.2024"),
    ("Chery", "/facts/#exports.company.chery-2025"),  # a cell of a table source
    ("Thuan Thai", "/sources/scmp-2025-factories/"),  # words only a source's text has
]


def search_results(page: Page, found: Callable[[list[str]], bool]) -> list[str]:
    """Where the search results shown link to, as path#fragment (the query string dropped),
    once ``found`` holds for them or 10 s have passed. Material renders results as each typed
    letter is searched, so they are read whole, in one go, until the last query's are in."""
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    deadline = time.monotonic() + 10
    while True:
        hrefs = page.eval_on_selector_all(
            ".md-search-result__item a", "links => links.map(a => a.getAttribute('href') || '')"
        )
        results = [
            urlsplit(urljoin(page.url, h)).path
            + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
            for h in hrefs
        ]
        if found(results) or time.monotonic() > deadline:
            return results
        page.wait_for_timeout(100)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_finds_numbers_and_passages(
    tab: Tab, served_site: str, query: str, expected: str
) -> None:
    tab.open(served_site)
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    results = search_results(tab.page, lambda shown: expected in shown)
    assert expected in results, results
    # Following the result lands on the fact's row (or the passage's page).
    path, _, fragment = expected.partition("#")
    match = f'[href$="#{fragment}"]' if fragment else f'[href*="{path}?"]'
    target = tab.page.locator(f".md-search-result__item a{match}").first
    if not target.is_visible():  # folded under "N more on this page", as a reader sees it
        target.locator("xpath=ancestor::details[1]/summary").click()
    target.click()
    landed = urlsplit(tab.page.url)
    assert landed.path + (f"#{landed.fragment}" if landed.fragment else "") == expected
    if landed.fragment:
        expect(tab.page.locator(f'[id="{landed.fragment}"]')).to_be_visible()


def start_search(page: Page, how: str) -> None:
    """Start to search as a reader does: a click in the field, a shortcut key, or (on a phone)
    the search button, which opens the search dialog."""
    if how == "click":
        page.locator("input.md-search__input").click()
    elif how == "phone":
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.keyboard.press(how)


@pytest.mark.browser
@pytest.mark.parametrize("how", ["click", "/", "s", "phone"])
def test_search_index_loads_only_when_the_reader_starts_to_search(
    tab: Tab, served_site: str, how: str
) -> None:
    page = tab.page
    if how == "phone":
        page.set_viewport_size(PHONE)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    tab.open(urljoin(served_site, "exports/"))
    index = urljoin(served_site, INDEX)
    # Loaded and settled: Material's search is set up (its worker fetched), its index is not.
    assert any("/workers/search." in url for url in requested), requested
    assert index not in requested

    with page.expect_request(index):
        start_search(page, how)
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(SEARCH_WORD, delay=20)
    results = search_results(page, lambda shown: any(r.startswith("/exports/") for r in shown))
    assert any(r.startswith("/exports/") for r in results), results
    assert requested.count(index) == 1
    assert tab.console_errors == []
    assert tab.page_errors == []


@pytest.mark.browser
def test_search_result_highlights_the_words_on_the_page_it_opens(
    tab: Tab, served_site: str
) -> None:
    tab.open(served_site)
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(SEARCH_WORD, delay=20)
    word = SEARCH_WORD.lower()  # a section's result links with what it matched, lowercased
    tab.page.locator(f'.md-search-result__item a[href*="exports/?h={word}#"]').first.click()
    # A fresh page: its highlight needs the index at once, before any search.
    expect(tab.page).to_have_url(re.compile(rf"/exports/\?h={word}#"))
    mark = tab.page.locator(".md-content mark[data-md-highlight]").first
    expect(mark).to_have_text(re.compile(SEARCH_WORD, re.I))
    assert tab.page_errors == []


@pytest.mark.browser
def test_search_finds_chinese_words_in_sources(tab: Tab, served_site: str) -> None:
    # 新摘商业评论 (New Business Review) is in a source's publisher line and text; the index
    # holds it cut into words, so one of them is enough to find it.
    tab.open(urljoin(served_site, "?q=商业"))
    results = search_results(tab.page, lambda shown: "/sources/36kr-2025-08-revival/" in shown)
    assert "/sources/36kr-2025-08-revival/" in results, results
