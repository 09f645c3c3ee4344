"""Assembling one printable document from rendered chapters.

Each chapter's ids are prefixed so they stay unique in one document; citation links, which
on the site point to a source page, point to the chapter's own numbered notes instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from importlib import resources

import jinja2
from markupsafe import Markup

from briefing.model import FactBook

_ID = re.compile(r'\bid="([^"]+)"')
_CITE = re.compile(r'<a href="[^"]*" data-note="(\d+)"')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')
_OTHER_HREF = re.compile(r'(<a\b[^>]*?)\shref="(?!#|https?:|mailto:)[^"]*"')
_SVG_REF = re.compile(r'(url\(#|href="#)(chart-)')


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)


@dataclass(frozen=True)
class Chapter:
    """One page of the site as it goes into a PDF."""

    title: str
    html: str

    @classmethod
    def from_html(cls, html: str, fallback: str) -> Chapter:
        """A chapter titled by its first heading, as the reader sees it on the page."""
        match = _H1.search(html)
        title = _TAG.sub("", _PERMALINK.sub("", match.group(1))).strip() if match else ""
        return cls(unescape(title) or fallback, html)


def print_chapter(index: int, chapter: Chapter) -> str:
    """The chapter's HTML made self-contained inside one document."""
    prefix = f"c{index}-"
    html = _CITE.sub(
        lambda m: f'<a href="#{prefix}note-{m.group(1)}" data-note="{m.group(1)}"', chapter.html
    )
    html = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', html)
    html = _LOCAL_HREF.sub(
        lambda m: f'href="#{m.group(1) if m.group(1).startswith(prefix) else prefix + m.group(1)}"',
        html,
    )
    html = _SVG_REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", html)
    return _OTHER_HREF.sub(r"\1", html)


def print_html(
    chapters: list[Chapter], book: FactBook, title: str, subtitle: str, build_date: str
) -> str:
    """The whole document: cover, contents, chapters, sources appendix."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(
        resources.files("briefing").joinpath("templates/print.html").read_text("utf-8")
    )
    as_of = max((s.published for s in book.sources.values()), default="")
    css = resources.files("briefing").joinpath("templates/print.css").read_text("utf-8")
    return template.render(
        title=title,
        subtitle=subtitle,
        as_of=as_of,
        build_date=build_date,
        css=Markup(css),
        chapters=[
            {"id": f"c{i}-chapter", "title": ch.title, "html": Markup(print_chapter(i, ch))}
            for i, ch in enumerate(chapters, 1)
        ],
        sources=sorted(book.sources.values(), key=lambda s: s.id),
    )
