"""Site URLs of pages, computed the way MkDocs does, without importing MkDocs."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

FACTS_PAGE = "facts.md"
CHANGES_PAGE = "changes.md"  # what changed since the last release
SOURCES_INDEX = "sources/index.md"
DIFFERENCES_PAGE = "differences.md"  # where sources differ: recorded cases and rival facts
CITE_PAGE = "cite.md"  # how to cite the briefing, its publisher and licences
CITATION_BIB = "data/citation.bib"
CITATION_JSON = "data/citation.json"  # CSL-JSON
CHARTS_JS = "assets/charts.js"  # the loader every chart page carries
VEGA_JS = "assets/vega.js"  # vega-embed bundle, fetched by the loader on first use
EXPLORER_JS = "assets/explorer.js"  # the facts page's filters, loaded by that page only


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def case_anchor(case_id: str) -> str:
    """A recorded disagreement's anchor on the differences page."""
    return f"case-{case_id}"


def measure_anchor(first_id: str) -> str:
    """The anchor of a measure sources state differently, by the first id of its facts."""
    return f"measure-{first_id}"


@dataclass(frozen=True)
class SiteUrls:
    """Maps a page's source path (``sources/x.md``) to its URL and links between pages."""

    directory_urls: bool = True

    def page(self, src_uri: str) -> str:
        return _page_url(src_uri, self.directory_urls)

    def link(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative href from one page to another (and an anchor on it)."""
        return relative_url(self.page(to_src), self.page(from_src)) + (
            f"#{anchor}" if anchor else ""
        )


@lru_cache(maxsize=65536)  # pages link to the same few pages again and again
def _page_url(src_uri: str, directory_urls: bool) -> str:
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if posixpath.basename(stem) in {"index", "README"}:
        folder = posixpath.dirname(stem)
        if directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def base_folder(base: str) -> str:
    """The folder a relative link on the page at ``base`` (a site-relative URL) starts from."""
    return base if base.endswith("/") or not base else posixpath.dirname(base) + "/"


@lru_cache(maxsize=65536)
def relative_url(target: str, base: str) -> str:
    """``target`` as seen from a page at ``base`` (both site-relative URLs)."""
    rel = posixpath.relpath("/" + target, "/" + base_folder(base))
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/"
    return rel
