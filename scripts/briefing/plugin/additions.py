"""What the plugin adds to MkDocs' site: the generated pages, data files and chart drawings
made from the FactBook, the plugin's style sheet and scripts, and each page's link-preview
tags."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from briefing.charts.drawing import ChartRenderer, vega_bundle
from briefing.charts.specs import chart_file
from briefing.data.citation import Publication
from briefing.data.downloads import chart_data, data_files
from briefing.data.releases import Release
from briefing.facts.model import FactBook
from briefing.paths import machine_cache
from briefing.render.cite import citation_files, cite_page
from briefing.render.generated import generated_pages, quote_styles
from briefing.render.markup import Partials
from briefing.render.meta import open_graph
from briefing.render.text import html_text
from briefing.render.urls import (
    CHARTS_JS,
    CITE_PAGE,
    EXPLORER_JS,
    SOURCES_INDEX,
    VEGA_JS,
    SiteUrls,
)

THEME = Path(__file__).resolve().parent.parent / "theme"  # the plugin's theme overrides
CSS = "assets/briefing.css"
FACTS_JS = "assets/facts.js"  # keeps fact cards on screen; they work without it
OFFLINE_JS = "assets/offline.js"  # makes links work when the site is opened from disk
SITE_SCRIPTS = (FACTS_JS, OFFLINE_JS)  # loaded by every page
# Holds the search index back until the reader searches; must run before Material's bundle.
LAZY_SEARCH_JS = "assets/lazy-search.js"

Made = tuple[dict[str, str], dict[str, str], dict[str, str | bytes], dict[str, str]]


def made_files(
    book: FactBook,
    charts: ChartRenderer,
    urls: SiteUrls,
    releases: list[Release],
    publication: Publication,
    partials: Partials,
    *,
    site_name: str,
    with_data_files: bool,
    topics: Mapping[str, str],
) -> Made:
    """The generated pages (sources, facts, what changed) and their style sheets, the data
    files, and the name of each chart's PNG in the chart cache (drawn now if it is not
    there)."""
    pages = generated_pages(
        book, urls, releases, data_files=with_data_files, partials=partials, topics=topics
    )
    data: dict[str, str | bytes] = {}
    for spec in book.charts.values():
        data.update(chart_data(spec, book.sources))
    if with_data_files:
        data.update(data_files(book, site_name))
    pngs = charts.prepare(book.charts.values())
    pages[CITE_PAGE] = cite_page(publication, urls, partials)
    data.update(citation_files(publication))
    return pages, quote_styles(book), data, {cid: png.name for cid, png in pngs.items()}


def add_site_files(
    files: Files,
    config: MkDocsConfig,
    generated: dict[str, str],
    made: dict[str, str | bytes],
    pngs: dict[str, Path],
) -> None:
    """Adds the generated pages (a source's page and the citation page reached from
    citations, not the navigation), the data files, the plugin's assets and the charts'."""
    for src_uri, content in generated.items():
        file = File.generated(config, src_uri, content=content)
        if (src_uri.startswith("sources/") and src_uri != SOURCES_INDEX) or src_uri == CITE_PAGE:
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
    for src_uri, data in made.items():
        files.append(File.generated(config, src_uri, content=data))
    files.append(File.generated(config, CSS, content=asset(CSS)))
    # Not listed in the config, and so loaded by no page but the one that asks: explorer.js.
    for script in (*SITE_SCRIPTS, LAZY_SEARCH_JS, EXPLORER_JS):
        files.append(File.generated(config, script, content=asset(script)))
    if pngs:
        files.append(File.generated(config, CHARTS_JS, content=asset(CHARTS_JS)))
        bundle = vega_bundle(machine_cache())
        files.append(File.generated(config, VEGA_JS, abs_src_path=str(bundle)))
    for chart_id, png in pngs.items():
        files.append(File.generated(config, chart_file(chart_id, "png"), abs_src_path=str(png)))


def asset(name: str) -> str:
    """One of the package's own files (a style sheet, a script), as text."""
    return resources.files("briefing").joinpath(name).read_text("utf-8")


def page_head(page: Page, config: MkDocsConfig, locale: str, partials: Partials) -> str:
    """The Open Graph tags of ``page``: its heading and the site's name, its description."""
    site = config.site_name or ""
    # page.title is HTML (MkDocs keeps the heading's entities): the tags want its text.
    heading = html_text(page.title or "")
    title = f"{heading} · {site}" if heading and not page.is_homepage else site
    described = page.meta.get("description")  # HTML text by now, see on_page_markdown
    description = html_text(str(described)) if described else config.site_description or ""
    return open_graph(title, description, site, config.site_url, page.url, locale, partials)
