"""The facts page as an explorer, in Chromium: filters, the live count, permalinks, downloads.

Expected numbers come from the rows' own data attributes in the page, so the tests hold as
facts are added; what they check is that the filters show exactly the matching rows.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import VIEWPORT, Tab, await_target

ROWS = "table.facts-table tbody tr"
COUNT = "form.fact-filters .fact-count"


def matching(page: Page, **wanted: str) -> list[str]:
    """Ids of the rows whose data attributes match every ``wanted`` filter."""
    return [
        row.get_attribute("id") or ""
        for row in page.locator(ROWS).all()
        if all(row.get_attribute(f"data-{name}") == value for name, value in wanted.items())
    ]


def visible_rows(page: Page) -> list[str]:
    return [row.get_attribute("id") or "" for row in page.locator(f"{ROWS}:visible").all()]


def choose(page: Page, name: str, value: str) -> None:
    page.locator(f'form.fact-filters select[name="{name}"]').select_option(value)


def open_facts(tab: Tab, base: str, rest: str = "") -> int:
    """Open the facts page; return how many facts it lists."""
    tab.open(urljoin(base, f"facts/{rest}"))
    expect(tab.page.locator("form.fact-filters")).to_be_visible()
    return tab.page.locator(ROWS).count()


@pytest.mark.browser
def test_a_filter_narrows_the_rows_and_the_count(tab: Tab, served_site: str) -> None:
    total = open_facts(tab, served_site)
    page = tab.page
    expect(page.locator(COUNT)).to_have_text(f"{total} of {total} facts")

    choose(page, "kind", "forecast")
    forecasts = matching(page, kind="forecast")
    assert 0 < len(forecasts) < total
    expect(page.locator(COUNT)).to_have_text(f"{len(forecasts)} of {total} facts")
    assert visible_rows(page) == forecasts
    assert urlsplit(page.url).query == "kind=forecast"
    # A topic without forecasts loses its heading and table too.
    hidden = page.locator("table.facts-table:not(:visible)")
    assert hidden.count() > 0
    expect(hidden.first.locator("xpath=preceding-sibling::h2[1]")).to_be_hidden()
    assert tab.page_errors == [] and tab.console_errors == []


@pytest.mark.browser
def test_filters_combine_and_clear(tab: Tab, served_site: str) -> None:
    total = open_facts(tab, served_site)
    page = tab.page
    source = page.locator('select[name="source"] option').nth(1).get_attribute("value") or ""
    choose(page, "source", source)
    choose(page, "kind", "actual")
    both = matching(page, source=source, kind="actual")
    assert 0 < len(both) < len(matching(page, source=source))
    assert visible_rows(page) == both
    expect(page.locator(COUNT)).to_have_text(f"{len(both)} of {total} facts")

    periods = page.locator('select[name="period"] option').all()[1:]
    values = [option.get_attribute("value") or "" for option in periods]
    none = next(p for p in values if not matching(page, source=source, kind="actual", period=p))
    choose(page, "period", none)
    expect(page.locator(COUNT)).to_have_text(f"0 of {total} facts")
    assert visible_rows(page) == []

    page.get_by_role("button", name="Show all").click()
    expect(page.locator(COUNT)).to_have_text(f"{total} of {total} facts")
    assert len(visible_rows(page)) == total
    assert urlsplit(page.url).query == ""
    for name in ("topic", "source", "period", "kind"):
        expect(page.locator(f'select[name="{name}"]')).to_have_value("")


@pytest.mark.browser
def test_filters_in_the_query_string_are_restored(tab: Tab, served_site: str) -> None:
    total = open_facts(tab, served_site, "?topic=nev&kind=forecast")
    page = tab.page
    wanted = matching(page, topic="nev", kind="forecast")
    assert wanted
    assert visible_rows(page) == wanted
    expect(page.locator(COUNT)).to_have_text(f"{len(wanted)} of {total} facts")
    expect(page.locator('select[name="topic"]')).to_have_value("nev")


@pytest.mark.browser
def test_a_permalink_shows_and_highlights_its_row_whatever_the_filters(
    tab: Tab, served_site: str
) -> None:
    tab.open(urljoin(served_site, "facts/"))
    fact_id = matching(tab.page, kind="forecast")[0]
    # Opened directly, with filters in the URL that would hide the row, and the search's
    # highlight parameter, which the explorer leaves alone.
    total = open_facts(tab, served_site, f"?kind=actual&h=sales#{fact_id}")
    page = tab.page
    row = page.locator(f'[id="{fact_id}"]')
    expect(row).to_be_visible()
    expect(row).to_be_in_viewport()
    await_target(page, fact_id)
    outline = row.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid", outline
    expect(page.locator(COUNT)).to_have_text(f"{total} of {total} facts")
    expect(page.locator('select[name="kind"]')).to_have_value("")
    assert urlsplit(page.url)[3:] == ("h=sales", fact_id)

    # Following a permalink inside the page, after filtering it away, shows it again.
    choose(page, "kind", "actual")
    expect(row).to_be_hidden()
    page.evaluate("id => { location.hash = id; }", fact_id)
    expect(row).to_be_visible()
    expect(row).to_be_in_viewport()
    expect(page.locator(COUNT)).to_have_text(f"{total} of {total} facts")


@pytest.mark.browser
def test_rivals_are_shown_on_their_rows(tab: Tab, served_site: str) -> None:
    open_facts(tab, served_site)
    differ = tab.page.locator(".facts-table .differ").first
    expect(differ).to_have_text(re.compile(r"^Where sources differ: .+$"))
    link = differ.locator("a").first
    target = urljoin(tab.page.url, link.get_attribute("href") or "")
    assert urlsplit(target).path.endswith("/differences/"), target
    title = link.inner_text()
    link.click()
    expect(tab.page).to_have_url(target)
    case = tab.page.locator(f'[id="{urlsplit(target).fragment}"]')
    expect(case).to_be_in_viewport()
    expect(case.locator("xpath=..")).to_contain_text(title)  # the heading the anchor sits in


@pytest.mark.browser
def test_without_javascript_every_fact_shows_and_the_form_is_hidden(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(served_site, "facts/?kind=forecast"))
        expect(page.locator("form.fact-filters")).to_be_hidden()
        rows = page.locator(ROWS)
        assert rows.count() > 0
        assert len(visible_rows(page)) == rows.count()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("where", ["facts/", "methodology/"])
def test_download_links_resolve(tab: Tab, served_site: str, where: str) -> None:
    tab.open(urljoin(served_site, where))
    links = tab.page.locator(".md-content a[href*='data/']")
    hrefs = {urljoin(tab.page.url, a.get_attribute("href") or "") for a in links.all()}
    names = {urlsplit(href).path.rsplit("/", 1)[-1] for href in hrefs}
    assert {"facts.csv", "claims.csv", "facts.json", "datapackage.json"} <= names, names
    for href in hrefs:
        response = tab.page.request.get(href)
        assert response.status == 200, href
        assert response.body(), href
    package = tab.page.request.get(urljoin(served_site, "data/datapackage.json")).json()
    assert [r["path"] for r in package["resources"]] == ["facts.csv", "claims.csv", "facts.json"]


def test_filter_labels_stay_out_of_the_search_index(real_site: Path) -> None:
    index = json.loads((real_site / "search" / "search_index.json").read_text("utf-8"))
    facts_page = [doc for doc in index["docs"] if doc["location"].startswith("facts/")]
    assert facts_page
    assert not [doc["location"] for doc in facts_page if "All topics" in doc["text"]]
