"""Assembling one printable document from rendered chapters.

Each chapter's ids are prefixed so they stay unique in one document. Links are re-aimed at
what the PDF holds: a citation at the chapter's numbered note, a link to another chapter of
the briefing at that chapter, a link to a source page at the source's entry in the appendix;
a link to anything else loses its target but keeps its text. A link re-aimed inside the
document is marked ``data-xref``: print.css follows it with the page it lands on.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import urlsplit

from markupsafe import Markup

from briefing.data.citation import Publication, bibtex, suggested
from briefing.facts.model import Fact, FactBook, Source
from briefing.pdf.briefings import PAPERS, Briefing, long_date
from briefing.pdf.inert import inert
from briefing.pdf.printable import flattened, site_only_removed
from briefing.problems import visible
from briefing.render.markup import PACKAGE, Partials
from briefing.render.urls import SiteUrls, base_folder, source_page

_ID = re.compile(r'\bid="([^"]+)"')
_CITE = re.compile(r'<a href="[^"]*" data-note="(\d+)"')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')
_A_HREF = re.compile(r'(<a\b[^>]*?)\shref="(?!#)([^"]*)"')
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")(?![a-z][a-z0-9+.-]*:|/)([^"]+)"')
_NOTES_HEADING = re.compile(r'(<h2[^>]*>)Sources(</h2>\s*<details class="notes-box"[^>]*>)')
_CITED = re.compile(r'data-(?:fact|cites)="([^"]+)"')  # a fact's number, a claim()/cite() marker
_CHART = re.compile(r'data-chart="([^"]+)"')
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)


@dataclass(frozen=True)
class Chapter:
    """One page of the site as it goes into a PDF."""

    title: str
    html: str
    url: str = ""  # the page's URL in the site, e.g. exports/: its relative links start there

    @classmethod
    def from_html(cls, html: str, fallback: str, url: str = "") -> Chapter:
        """A chapter titled by its first heading, as the reader sees it on the page."""
        match = _H1.search(html)
        title = _TAG.sub("", _PERMALINK.sub("", match.group(1))).strip() if match else ""
        return cls(unescape(title) or fallback, html, url)


@dataclass(frozen=True)
class Imprint:
    """What every briefing of a build says about itself: the publication and when it was
    built."""

    publication: Publication
    built: dt.datetime


def _resolve(base: str, path: str) -> str:
    """A relative URL seen from the page at ``base``, as a path from the site's root."""
    return posixpath.normpath(posixpath.join("/" + base_folder(base), path)).lstrip("/")


def _page_key(path: str) -> str:
    """One spelling per page: exports/, exports/index.html and exports all mean the same."""
    path = path.removesuffix("index.html").rstrip("/")
    return "" if path == "." else path


@dataclass
class Targets:
    """Where links of the site land in the PDF: chapters by prefix, sources by anchor."""

    chapters: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def href(self, base: str, href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href  # outside the site: the reader's viewer may open it
        key = _page_key(_resolve(base, parts.path)) if parts.path else _page_key(base)
        if key in self.chapters:
            return f"#{self.chapters[key]}{parts.fragment or 'chapter'}"
        if key in self.sources:
            return f"#{self.sources[key]}"
        return None


def print_chapter(index: int, chapter: Chapter, targets: Targets) -> str:
    """The chapter's HTML made self-contained inside one document, and inert: no code or
    style of its own (see inert.py)."""
    prefix = f"c{index}-"
    html = _CITE.sub(
        lambda m: f'<a href="#{prefix}note-{m.group(1)}" data-note="{m.group(1)}"',
        site_only_removed(chapter.html),
    )
    html = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', html)
    html = _LOCAL_HREF.sub(
        lambda m: f'href="#{m.group(1) if m.group(1).startswith(prefix) else prefix + m.group(1)}"',
        html,
    )

    def relink(m: re.Match[str]) -> str:
        target = targets.href(chapter.url, unescape(m.group(2)))
        if target is None:
            return m.group(1)
        # A link to another part of this document prints the page it lands on (print.css).
        xref = " data-xref" if target.startswith("#") else ""
        return f'{m.group(1)} href="{escape(target)}"{xref}'

    html = _A_HREF.sub(relink, html)
    html = _IMG_SRC.sub(lambda m: f'{m.group(1)}{_resolve(chapter.url, m.group(2))}"', html)
    return inert(flattened(_NOTES_HEADING.sub(r"\1Notes\2", html)))


def cited_sources(chapters: Iterable[Chapter], book: FactBook) -> list[Source]:
    """The sources behind every fact and claim the chapters cite, directly or through derived
    facts."""
    ids: set[str] = set()
    for chapter in chapters:
        ids.update(rid for cited in _CITED.findall(chapter.html) for rid in cited.split())
        for chart in _CHART.findall(chapter.html):
            spec = book.charts.get(chart)
            if spec is not None:
                ids.update(f.id for f in spec.facts)
    sources: set[str] = set()
    while ids:
        record = book.record(ids.pop())
        if record is not None:
            sources.update([record.source] if record.source else [])
            ids.update(record.derived_from if isinstance(record, Fact) else ())
    return sorted((book.sources[s] for s in sources), key=lambda s: s.title.casefold())


def print_html(
    briefing: Briefing,
    chapters: list[Chapter],
    book: FactBook,
    urls: SiteUrls,
    imprint: Imprint,
    printed: Callable[[int, Chapter, Targets], str] = print_chapter,
    partials: Partials = PACKAGE,
) -> str:
    """The whole document: cover or title block, contents, chapters, sources appendix, from
    ``print.html`` and ``print.css``, which a site may override as it does any partial.

    ``printed`` makes each chapter's part (``print_chapter``, or the same kept from a build
    before: parsing the chapters to make them inert is most of the time here)."""
    env = partials.environment(finalize=_shown)
    env.filters["long_date"] = long_date
    template = env.get_template("print.html")
    css = partials.source("print.css")
    sources = cited_sources(chapters, book) or sorted(
        book.sources.values(), key=lambda s: s.title.casefold()
    )
    targets = Targets(
        chapters={_page_key(ch.url): f"c{i}-" for i, ch in enumerate(chapters, 1)},
        sources={_page_key(urls.page(source_page(s.id))): f"source-{s.id}" for s in sources},
    )
    return template.render(
        briefing=briefing,
        paper=PAPERS[briefing.paper],
        lang=imprint.publication.language,
        author=", ".join(imprint.publication.creators),
        pub=imprint.publication,
        citation=suggested(imprint.publication),
        bibtex=bibtex(imprint.publication),
        created=imprint.built.strftime("%Y-%m-%dT%H:%M:%SZ"),
        built=long_date(imprint.built.date().isoformat()),
        as_of=long_date(max(s.published for s in sources)) if sources else "",
        css=Markup(css),
        chapters=[
            {
                "id": f"c{i}-chapter",
                "title": ch.title,
                "html": Markup(printed(i, ch, targets)),
            }
            for i, ch in enumerate(chapters, 1)
        ],
        sources=sources,
    )


def _shown(value: object) -> object:
    """Text printed into the document with its control characters shown, as on the site
    (the chapters' HTML, from the site, already shows them)."""
    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value
