"""Every chart of the real site as a reader sees it in Chromium, on a phone and a laptop: each
piece of its text renders at 11 CSS px or more (its drawn size times the scale the page shows
the drawing at), and no chart runs off the screen."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, ViewportSize

from conftest import settle

MIN_PX = 11
VIEWPORTS: dict[str, ViewportSize] = {
    "phone": {"width": 390, "height": 844},
    "laptop": {"width": 1366, "height": 900},
}
# Each text of each chart: its chart, its words, its size as rendered, and how far right the
# drawing reaches on the screen.
MEASURE = """() => [...document.querySelectorAll('figure.chart .chart-svg > svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => ({
    chart: svg.closest('figure').dataset.chart,
    text: t.textContent.trim(),
    px: parseFloat(getComputedStyle(t).fontSize) * scale,
    right: box.right,
  }));
})"""


def chart_pages(site: Path) -> list[str]:
    """The site's pages that show a chart, as paths under the site."""
    return sorted(
        str(page.parent.relative_to(site)) + "/"
        for page in site.rglob("index.html")
        if '<figure class="chart"' in page.read_text("utf-8")
    )


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_chart_s_text_renders_at_eleven_px_or_more(
    browser: Browser, real_site: Path, served_site: str, viewport: str
) -> None:
    size = VIEWPORTS[viewport]
    context = browser.new_context(viewport=size)
    try:
        page = context.new_page()
        charts: set[str] = set()
        small: list[str] = []
        for path in chart_pages(real_site):
            settle(page, urljoin(served_site, path))
            for text in page.evaluate(MEASURE):
                charts.add(text["chart"])
                if text["px"] < MIN_PX:
                    small.append(f"{path} {text['chart']}: {text['text']!r} at {text['px']:.1f} px")
                assert text["right"] <= size["width"], (path, text["chart"], text["right"])
        assert len(charts) >= 10, charts
        assert small == []
    finally:
        context.close()
