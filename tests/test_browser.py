"""The built site as a reader sees it: Debian's Chromium, driven by Playwright, over localhost.

Every test opens pages of the real site (built once by `briefing build`, served by the
``served_site`` fixture) and asserts what shows on screen: the home page, a citation landing
on its highlighted quote, a clean console and no request leaving the site (the search has
tests of its own, in test_search).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import axe_playwright_python  # only for the axe-core it bundles (axe.min.js)
import pytest
from playwright.sync_api import Browser, Locator, Page, Request, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import SEARCH_WORD, VIEWPORT, Project, Tab, collapse, hostile_project, settle

HOME_TITLE = "China's automobile industry going global"
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def first_source_url(tab: Tab, base: str) -> str:
    """The absolute URL of the first source listed on the sources index."""
    tab.open(urljoin(base, "sources/"))
    link = tab.page.locator("ul.source-list a").first
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    assert href, "the first entry of the sources index has no link"
    return urljoin(tab.page.url, href)


@pytest.mark.browser
def test_home_page_renders(tab: Tab, served_site: str) -> None:
    tab.open(served_site)
    page = tab.page

    title = page.locator(".md-content h1")
    expect(title).to_have_count(1)
    expect(title).to_be_visible()
    # The heading's text is the title plus Material's permalink sign.
    expect(title).to_have_text(re.compile(rf"^{re.escape(HOME_TITLE)}¶?$"))

    nav = page.locator("nav.md-nav--primary")
    expect(nav.get_by_role("link", name="Exports and markets", exact=True)).to_be_visible()

    fact = page.locator("span.fact[data-fact]").first  # a number, not a claim's marker
    expect(fact).to_be_visible()
    expect(fact).to_contain_text(re.compile(r"\d"))
    expect(fact.locator("sup.cite a")).to_be_visible()

    assert tab.console_errors == []
    assert tab.page_errors == []


@pytest.mark.browser
def test_citation_lands_on_highlighted_quote(tab: Tab, served_site: str) -> None:
    tab.open(urljoin(served_site, "exports/"))
    page = tab.page

    # A number quoted from a text (a table cell's card names its cell, and lands on it).
    link = page.locator("span.fact[data-fact]:has(.card-quote) sup.cite a").first
    expect(link).to_be_visible()
    fact = link.locator("xpath=ancestor::span[contains(concat(' ', @class, ' '), ' fact ')][1]")
    expect(fact).to_have_count(1)
    fact_id = fact.get_attribute("data-fact")
    quote = collapse(fact.locator(".fact-card .card-quote").text_content())
    assert fact_id, "the cited number has no data-fact id"
    assert quote, f"fact {fact_id} shows no quote in its title"

    link.click()  # the citation lands on its note, opening the notes
    expect(page.locator(f'[id="note-{link.get_attribute("data-note")}"]')).to_be_visible()
    fact.hover()  # the card's passage link leads to the highlighted quote
    fact.locator(".fact-card a.card-link").click()
    expect(page).to_have_url(re.compile(r"/sources/[^/#?]+/#q-"))
    landed = urlsplit(page.url)
    assert re.fullmatch(r"/sources/[^/]+/", landed.path), page.url
    assert landed.fragment == f"q-{fact_id}", page.url

    anchor = page.locator(f'[id="q-{fact_id}"]')
    expect(anchor).to_have_count(1)
    # Records whose quotes start at the same place stack their (empty) anchors before one
    # mark; the first element after them must be the highlighted quote, marked for this fact.
    mark = anchor.locator(
        "xpath=following-sibling::*[not(self::a[@class='quote-anchor' and not(node())])][1]"
    )
    expect(mark).to_have_count(1)
    tag, classes = mark.evaluate("el => [el.tagName.toLowerCase(), el.className]")
    assert (tag, classes.split()) == ("mark", ["quote"]), f"after the anchor: <{tag} {classes}>"
    assert fact_id in (mark.get_attribute("data-facts") or "").split()
    shown = collapse(mark.text_content())
    assert quote in shown, f"quote {quote!r} is not in the highlighted text {shown!r}"

    # The browser scrolls to the fragment on load; give it a moment, then measure (on a
    # timeout the assertions below say where the mark is).
    height = VIEWPORT["height"]
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "([el, h]) => { const t = el.getBoundingClientRect().top; return t >= 0 && t < h; }",
            arg=[mark.element_handle(), height],
            timeout=5000,
        )
    box = mark.bounding_box()
    assert box is not None, "the highlighted quote is not rendered"
    assert 0 <= box["y"] < height, f"the quote is off screen: top={box['y']}, viewport={height}"
    header = page.locator("header.md-header").bounding_box()
    assert header is not None
    assert box["y"] >= header["y"] + header["height"] - 1, "the quote is hidden under the header"
    expect(mark).to_be_visible()


@pytest.mark.browser
def test_page_actions_download_both_pdf_briefings(tab: Tab, served_site: str) -> None:
    tab.open(urljoin(served_site, "exports/"))
    page = tab.page
    actions = page.locator("nav.briefing-downloads a")
    expect(actions).to_have_count(2)
    expect(actions.nth(0)).to_have_text("Full briefing")
    expect(actions.nth(1)).to_have_text("Executive brief")
    for i in range(2):
        expect(actions.nth(i)).to_be_visible()
        href = actions.nth(i).get_attribute("href")
        assert href
        response = page.request.get(urljoin(page.url, href))
        assert response.ok, href
        assert response.headers["content-type"] == "application/pdf", href
        assert response.body().startswith(b"%PDF-"), href


@pytest.mark.browser
@pytest.mark.parametrize("where", ["exports/", "facts/", "a source page"])
def test_no_console_errors(tab: Tab, served_site: str, where: str) -> None:
    url = first_source_url(tab, served_site) if where == "a source page" else where
    tab.open(urljoin(served_site, url))
    expect(tab.page.locator(".md-content h1")).to_be_visible()
    assert tab.console_errors == []
    assert tab.page_errors == []


@pytest.mark.browser
def test_no_request_leaves_the_site(tab: Tab, served_site: str) -> None:
    requested: list[str] = []

    def on_request(request: Request) -> None:
        requested.append(request.url)

    tab.page.on("request", on_request)
    source = first_source_url(tab, served_site)
    for url in (served_site, urljoin(served_site, "exports/"), source):
        tab.open(url)
        expect(tab.page.locator(".md-content h1")).to_be_visible()
    box = tab.page.locator("input.md-search__input")  # the search index waits for a search
    box.click()
    box.press_sequentially(SEARCH_WORD, delay=20)
    expect(tab.page.locator(".md-search-result__item").first).to_be_visible()

    # The recorder sees what the pages load, the search index included.
    assert urljoin(served_site, "search/search_index.json") in requested, requested
    outside = [url for url in requested if not url.startswith((served_site, *LOCAL_SCHEMES))]
    assert outside == []


@pytest.mark.browser
def test_chart_is_drawn_with_javascript_disabled(browser: Browser, served_site: str) -> None:
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(urljoin(served_site, "exports/"))
        chart = page.locator("figure.chart").first
        chart.scroll_into_view_if_needed()
        svg = chart.locator(".chart-svg > svg")
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150, box
        # Real marks and axis labels, not an empty frame.
        assert svg.locator(".role-mark path, .role-mark rect").count() >= 1
        expect(svg.locator(".role-axis-label text").first).to_be_visible()
        expect(chart.locator("figcaption a[download]")).to_have_count(3)
    finally:
        context.close()


@pytest.mark.browser
def test_chart_tooltip_loads_vega_from_the_site_only_when_needed(
    tab: Tab, served_site: str
) -> None:
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    tab.open(urljoin(served_site, "sources/"))  # a page without charts loads no chart code
    assert not [url for url in requested if url.endswith(("/charts.js", "/vega.js"))]

    tab.open(urljoin(served_site, "exports/"))
    vega = urljoin(served_site, "assets/vega.js")
    assert urljoin(served_site, "assets/charts.js") in requested
    assert vega not in requested  # not before the reader reaches for a chart

    chart = tab.page.locator("figure.chart").first
    chart.scroll_into_view_if_needed()
    chart.hover()
    expect(chart).to_have_attribute("data-interactive", "ready")
    assert vega in requested
    point = chart.locator(".mark-symbol.role-mark path").first  # a line's point, or a dot
    point.hover()
    tooltip = tab.page.locator("#vg-tooltip-element")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(shown_value(point))  # the hovered point's own value
    expect(tooltip).to_contain_text("Source")
    # A line's own tooltip would name its first point wherever it is hovered: only the
    # points carry one.
    spec = json.loads(chart.locator("script.chart-spec").text_content() or "{}")
    drawn = spec["vconcat"][0]  # the chart, framed by its title above and its source below
    layers = [(layer["mark"]["type"], "tooltip" in layer["encoding"]) for layer in drawn["layer"]]
    assert layers == [("line", False), ("point", True)], layers
    assert tab.page_errors == []
    assert tab.console_errors == []


def shown_value(mark: Locator) -> str:
    """The value a chart's mark states in its accessible label (``Value: 4.91 million ...``)."""
    label = mark.get_attribute("aria-label") or ""
    found = re.search(r"(?:^|; )Value: ([^;]+)", label)
    assert found, f"the mark states no value: {label!r}"
    return found[1]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_follows_the_palette(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(urljoin(served_site, "exports/"))
        label = page.locator("figure.chart .role-axis-label text").first
        expect(label).to_be_visible()
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        fill = label.evaluate("el => getComputedStyle(el).fill")
        # Text is light on the dark palette and dark on the light one: it stays readable.
        assert (
            luminance(fill) - luminance(background) > 0.3
            if scheme == "dark"
            else (luminance(background) - luminance(fill) > 0.3)
        ), (scheme, fill, background)
    finally:
        context.close()


def luminance(css_color: str) -> float:
    """Relative brightness (0 black, 1 white) of an ``rgb(...)``/``rgba(...)`` colour."""
    r, g, b = (int(v) for v in re.findall(r"\d+", css_color)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.browser
def test_fact_card_opens_on_hover(tab: Tab, served_site: str) -> None:
    tab.open(urljoin(served_site, "nev/"))
    # A number quoted from a text (a table cell's card names its cell instead of a quote).
    fact = tab.page.locator(".md-content span.fact[data-fact]:has(.card-quote)").first
    card = fact.locator(".fact-card")
    expect(card).to_be_hidden()
    fact.hover()
    expect(card).to_be_visible()
    expect(card.locator(".card-value")).to_have_text(
        collapse(fact.locator(".card-value").text_content())
    )
    expect(card.locator(".card-meta")).to_contain_text(
        re.compile(r"· (actual|estimate|forecast|target|threshold|rank|plan) ·")
    )
    expect(card.locator(".card-quote")).not_to_be_empty()
    expect(card.locator(".card-source")).to_contain_text(re.compile(r"\d{4}"))
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"], box
    card.locator("a.card-link").click()  # the card stays open on the way to its link
    expect(tab.page).to_have_url(re.compile(r"/sources/[^/]+/#q-"))


@pytest.mark.browser
def test_fact_card_opens_on_keyboard_focus_and_is_read_with_the_number(
    tab: Tab, served_site: str
) -> None:
    tab.open(urljoin(served_site, "nev/"))
    page = tab.page
    for _ in range(120):  # Tab through the page until a citation has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('sup.cite a')"):
            break
    else:
        pytest.fail("Tab never reached a citation")
    link = page.locator("sup.cite a:focus")
    card_id = link.get_attribute("aria-describedby")
    assert card_id, "the citation is not described by its card"
    card = page.locator(f'[id="{card_id}"]')
    expect(card).to_be_visible()
    page.keyboard.press("Tab")  # into the card: its link to the passage
    expect(card.locator("a.card-link")).to_be_focused()
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()


# The card's own opacity times every ancestor's: what the reader sees through it.
SEEN_OPACITY = """(card) => { let o = 1;
  for (let el = card; el; el = el.parentElement) o *= Number(getComputedStyle(el).opacity);
  return o; }"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_fact_card_is_opaque_and_opens_by_keyboard_and_touch(
    browser: Browser, served_site: str, scheme: str, size: tuple[int, int]
) -> None:
    width, height = size
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme=scheme, has_touch=True
    )
    try:
        page = context.new_page()
        settle(page, urljoin(served_site, "nev/"))
        for _ in range(120):  # Tab through the page until a number (its card's button) has focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.md-content .fact-value')"):
                break
        else:
            pytest.fail("Tab never reached a cited number")
        card_id = page.locator(".md-content .fact-value:focus").get_attribute("aria-controls")
        button = page.locator(f'.md-content .fact-value[aria-controls="{card_id}"]')
        card = page.locator(f'[id="{card_id}"]')
        page.keyboard.press("Escape")
        expect(card).to_be_hidden()
        expect(button).to_be_focused()
        page.keyboard.press("Enter")
        expect(card).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "true")
        assert card.evaluate(SEEN_OPACITY) == 1
        background = card.evaluate("(c) => getComputedStyle(c).backgroundColor")
        assert background not in ("transparent", "rgba(0, 0, 0, 0)"), background
        assert not background.startswith("rgba"), background  # no see-through colour either
        text = card.evaluate("(c) => getComputedStyle(c.querySelector('.card-value')).color")
        assert abs(luminance(text) - luminance(background)) > 0.5, (scheme, text, background)
        page.keyboard.press("Enter")  # the same key closes it
        expect(button).to_have_attribute("aria-expanded", "false")
        page.keyboard.press(" ")
        expect(card).to_be_visible()
        page.keyboard.press("Tab")  # past the citation into the card, then Escape: closed, focus
        page.keyboard.press("Tab")  # back on the number
        expect(card.locator("a.card-link")).to_be_focused()
        page.keyboard.press("Escape")
        expect(card).to_be_hidden()
        expect(button).to_be_focused()
        page.locator(".md-content h1").click()  # away: nothing hovered or focused
        expect(card).to_be_hidden()
        button.tap()  # touch opens it; a tap elsewhere closes it
        expect(card).to_be_visible()
        expect(button).to_have_attribute("aria-expanded", "true")
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
        assert serious_axe_violations(page) == []  # with the card open
        page.locator(".md-content h1").tap()
        expect(card).to_be_hidden()
    finally:
        context.close()


@pytest.mark.browser
def test_site_opened_from_disk_navigates_and_cites(tab: Tab, real_site: Path) -> None:
    requested: list[str] = []
    tab.page.on("request", lambda request: requested.append(request.url))
    tab.page.goto((real_site / "index.html").as_uri())
    page = tab.page
    page.locator("nav.md-nav--primary").get_by_role("link", name="Exports and markets").click()
    expect(page).to_have_url(re.compile(r"/exports/index\.html$"))
    expect(page.locator(".md-content h1")).to_contain_text("Exports and markets")
    chart = page.locator("figure.chart .chart-svg > svg").first
    expect(chart).to_be_visible()
    # A number quoted from a text: its citation lands on the passage, highlighted.
    fact = page.locator("span.fact[data-fact]:has(.card-quote)").first
    fact_id = fact.get_attribute("data-fact")
    assert fact_id, "the cited number has no data-fact id"
    cite = fact.locator("sup.cite a")
    cite.click()  # to its note, opened; the note's link to the passage
    note = page.locator(f'[id="note-{cite.get_attribute("data-note")}"]')
    expect(note).to_be_visible()
    note.locator("a.note-passage").first.click()
    expect(page).to_have_url(re.compile(rf"/sources/[^/]+/index\.html#q-{re.escape(fact_id)}$"))
    mark = page.locator(f'mark.quote[data-facts~="{fact_id}"]').first
    expect(mark).to_be_visible()
    outside = [url for url in requested if not url.startswith(("file:", *LOCAL_SCHEMES))]
    assert outside == []
    assert tab.page_errors == []


# Accessibility and the Content-Security-Policy, on every kind of page.
PAGE_KINDS = {
    "home": "",
    "chapter with charts": "exports/",
    "key figures": "key-figures/",
    "facts": "facts/",
    "sources index": "sources/",
    "source page": "sources/gz-autoshow-2024/",
}
AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as its address relative to the site's root."""
    pages = sorted(path.parent.relative_to(site).as_posix() for path in site.rglob("index.html"))
    return ["" if page == "." else f"{page}/" for page in pages]


# What overflows the screen: the page's own width past the viewport's, in CSS px.
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# Words of a heading, a table cell or a tile that a line break cuts in two ("compani es"): a
# word's text on more than one line. Hashes and addresses may break; words may not.
BROKEN_WORDS = """() => { const broken = [];
  for (const box of document.querySelectorAll('.md-content :is(h1, h2, h3, th, td, .tile)')) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[A-Za-z][a-z]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      } } }
  return broken; }"""


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_no_page_overflows_or_breaks_a_word_at_either_size_in_either_palette(
    browser: Browser, served_site: str, real_site: Path, size: tuple[int, int]
) -> None:
    # Wide tables scroll inside their own box; a long hash or address breaks in its column.
    width, height = size
    pages = site_pages(real_site)
    assert len(pages) > 20 and "facts/" in pages and "sources/" in pages, pages
    context = browser.new_context(viewport={"width": width, "height": height})
    wide: list[str] = []
    try:
        page = context.new_page()
        for path in pages:
            page.goto(urljoin(served_site, path), wait_until="load")
            page.evaluate("document.fonts.ready.then(() => true)")
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                overflow = page.evaluate(OVERFLOW)
                if overflow > 0:
                    wide.append(f"{path or 'home'} ({scheme}): {overflow} px too wide")
            if broken := page.evaluate(BROKEN_WORDS):
                wide.append(f"{path or 'home'}: words broken mid-word: {broken[:5]}")
    finally:
        context.close()
    assert wide == []


# Records every CSP violation the page reports, from before its first script runs.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def serious_axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one per node."""
    page.evaluate(AXE_JS)
    violations = page.evaluate("axe.run(document).then((r) => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in violations
        if v["impact"] in ("serious", "critical")
        for node in v["nodes"]
    ]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_axe_finds_no_serious_violation(
    browser: Browser, served_site: str, kind: str, scheme: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme)
    try:
        page = context.new_page()
        settle(page, urljoin(served_site, PAGE_KINDS[kind]))
        expect(page.locator(".md-content h1")).to_be_visible()
        assert serious_axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_with_a_tooltip_or_the_search_open(
    browser: Browser, served_site: str, scheme: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme)
    try:
        page = context.new_page()
        settle(page, urljoin(served_site, "exports/"))
        chart = page.locator("figure.chart").first
        chart.scroll_into_view_if_needed()
        chart.hover()
        expect(chart).to_have_attribute("data-interactive", "ready")
        chart.locator(".mark-symbol.role-mark path").first.hover()
        expect(page.locator("#vg-tooltip-element")).to_be_visible()
        assert serious_axe_violations(page) == [], "with a chart's tooltip open"
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(SEARCH_WORD, delay=20)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert serious_axe_violations(page) == [], "with the search overlay open"
    finally:
        context.close()


def csp_of(page: Page) -> str:
    meta = page.locator('head meta[http-equiv="Content-Security-Policy"]')
    expect(meta).to_have_count(1)
    return meta.get_attribute("content") or ""


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_has_a_strict_csp_and_breaks_none_of_it(
    tab: Tab, served_site: str, kind: str
) -> None:
    tab.page.add_init_script(CSP_LISTENER)
    tab.open(urljoin(served_site, PAGE_KINDS[kind]))
    expect(tab.page.locator(".md-content h1")).to_be_visible()
    policy = csp_of(tab.page)
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, policy
    assert "http" not in policy and "*" not in policy, policy  # no remote origin
    assert tab.page.evaluate("window.__cspViolations") == []
    assert tab.console_errors == []


@pytest.mark.browser
def test_csp_holds_with_interactive_chart_tooltip_and_search(tab: Tab, served_site: str) -> None:
    tab.page.add_init_script(CSP_LISTENER)
    tab.open(urljoin(served_site, "exports/"))
    chart = tab.page.locator("figure.chart").first
    chart.scroll_into_view_if_needed()
    chart.hover()  # loads Vega and swaps in the interactive chart
    expect(chart).to_have_attribute("data-interactive", "ready")
    chart.locator(".mark-symbol.role-mark path").first.hover()
    tooltip = tab.page.locator("#vg-tooltip-element")
    expect(tooltip).to_be_visible()  # styled by briefing.css, not by a <style> Vega injects
    expect(tooltip).to_contain_text("Source")
    assert tooltip.evaluate("el => getComputedStyle(el).position") == "fixed"

    box = tab.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(SEARCH_WORD, delay=20)
    expect(tab.page.locator(".md-search-result__item").first).to_be_visible()

    assert tab.page.evaluate("window.__cspViolations") == []
    assert tab.console_errors == []
    assert tab.page_errors == []


@pytest.mark.browser
def test_csp_blocks_what_it_should(tab: Tab, served_site: str) -> None:
    """The policy is enforced, not decorative: an injected inline script is refused."""
    tab.page.add_init_script(CSP_LISTENER)
    tab.open(urljoin(served_site, "facts/"))
    tab.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    assert tab.page.evaluate("window.__ran === undefined")
    violations = tab.page.evaluate("window.__cspViolations")
    assert any(v.startswith("script-src") for v in violations), violations


@pytest.mark.browser
def test_hostile_text_runs_no_script_and_injects_no_element(
    browser: Browser, project: Callable[..., Project]
) -> None:
    proj = hostile_project(project)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for rel in ("index.html", "sources/demo/index.html", "facts/index.html"):
            page.goto((proj.root / "build" / rel).as_uri())
            content = page.locator(".md-content")
            expect(content).to_contain_text("<script>alert(1)</script>")
            for injected in (
                "script:not([src]):not([type])",
                "img[src='x']",
                "b",
                "a[href^='javascript:']",
            ):
                assert content.locator(injected).count() == 0, (rel, injected)
            page.locator("span.fact, mark.quote, tr").first.hover()
        assert dialogs == []
    finally:
        context.close()


# Each facts table's first rows, as a phone lays them out: width, and each cell's label.
ROW_BOXES = """() => [...document.querySelectorAll(".facts-table tbody tr, .claims-table tbody tr")]
  .slice(0, 40).map((row) => ({
    width: row.getBoundingClientRect().width,
    labels: [...row.cells].map((cell) => [cell.dataset.label,
      getComputedStyle(cell, "::before").content, cell.getBoundingClientRect().width > 0]),
  }))"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_facts_page_lists_cards_on_a_phone(browser: Browser, served_site: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    try:
        page = context.new_page()
        settle(page, urljoin(served_site, "facts/"))
        header = page.locator(".facts-table thead").first.bounding_box()
        assert header is None or header["width"] <= 1  # the header row is read, not shown
        rows = page.evaluate(ROW_BOXES)
        assert len(rows) >= 10
        for row in rows:
            assert 0 < row["width"] < 390, row
            for label, shown, visible in row["labels"]:
                assert label and shown == f'"{label}: "' and visible, row
        assert serious_axe_violations(page) == []
    finally:
        context.close()
