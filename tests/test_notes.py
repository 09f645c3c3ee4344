"""A chapter's notes: grouped by source, each quote once, collapsed on the site and opened by
click, keyboard or a citation, compact in print (under a fifth of the PDF's pages)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, expect

from conftest import Project, settle
from test_browser import serious_axe_violations

TWICE = (
    '# Home\n\nOutput was {{ fact("market.production.2024") }}.\n\n'
    'Parts {{ fact("parts.exports.2024") }}.\n\n'
    'Both at once.{{ cite("parts.exports.2024", "market.production.2024") }}\n'
)


def test_a_quote_cited_twice_is_printed_once_under_its_source(
    project: Callable[..., Project],
) -> None:
    proj = project(index=TWICE)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    box = re.search(r'<details class="notes-box"[^>]*>(.*?)</details>', page, re.S)
    assert box, "no collapsed notes"
    groups = re.findall(r'<section class="note-group">(.*?)</section>', box.group(1), re.S)
    assert len(groups) == 1  # one source, one entry with its title, date and archived copy
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", groups[0])).split())
    assert text.startswith("Demo Press, Jul 2025 : Demo source , 13 Jul 2025. Archived copy .")
    assert text.count("31.28 million and 31.44 million units") == 1
    assert text.count("about USD150 billion") == 1
    assert "3 As note 2 . As note 1 ." in text


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_notes_start_collapsed_and_open_by_click_keyboard_and_citation(
    browser: Browser, served_site: str, scheme: str, size: tuple[int, int]
) -> None:
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        page = context.new_page()
        settle(page, urljoin(served_site, "nev/"))
        box = page.locator(".md-content details.notes-box")
        summary = box.locator("summary")
        first = box.locator("ol.note-list > li").first
        expect(summary).to_be_visible()
        expect(first).to_be_hidden()
        summary.click()
        expect(first).to_be_visible()
        summary.click()
        expect(first).to_be_hidden()
        summary.focus()
        page.keyboard.press("Enter")
        expect(first).to_be_visible()
        page.keyboard.press(" ")
        expect(first).to_be_hidden()
        marker = page.locator(".md-content sup.cite a").nth(2)
        number = marker.get_attribute("data-note")
        marker.evaluate("(a) => a.click()")  # as a reader's click, whatever card hovers over it
        note = page.locator(f'[id="note-{number}"]')
        expect(note).to_be_visible()
        expect(note).to_be_in_viewport()
        assert serious_axe_violations(page) == []  # with the notes open
        size_of = "(e) => parseFloat(getComputedStyle(e).fontSize)"
        body = page.locator(".md-content .md-typeset > p").first.evaluate(size_of)
        assert note.evaluate(size_of) < body
    finally:
        context.close()
