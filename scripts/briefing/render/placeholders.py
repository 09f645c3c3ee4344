"""Placeholders: what Markdown and the search index are not given, and put in after them.

A cited number is markup (the number, its citation and its card), but Markdown is not given it:
it gets a short placeholder, and ``unstash`` puts the markup in once Markdown has made the HTML.
Python-Markdown spends most of a page's time on inline HTML, and a page of facts is mostly
that; the placeholder also keeps the markup out of reach of Markdown's own syntax. What the
search index would skip anyway (citations, cards, source notes, chart drawings) waits longer
(``PageRender.later``): it goes in after the index has read the page, which it would only slow
down (each fact has an index entry of its own).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from briefing.problems import Problem

# A placeholder is letters and digits, which Markdown leaves be; one that waits for the search
# index is also a comment, which the indexer skips (as text it would be a word in the index).
_STASHED = re.compile(r"briefingstash\d+x")
_LATER = re.compile(r"<!--briefingstash\d+x-->")  # a literal start: found as fast as a word
_HEADING_END = re.compile(r"</h[1-6]>")
_IN_ATTRIBUTE = re.compile(r'="[^"<>]*?briefingstash\d+x[^"<>]*"')


@dataclass
class PageRender:
    """What rendering one page produced: Markdown, what it cited in order, problems."""

    path: str  # as shown in messages, e.g. docs/exports.md
    src_uri: str  # relative to docs/, e.g. exports.md
    markdown: str = ""
    # the ids each citation rests on (one, or several for a cite()) -> its note number
    citations: dict[tuple[str, ...], int] = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)  # chart ids, in the order shown
    cards: int = 0  # cards on the page, each with its own id
    problems: list[Problem] = field(default_factory=list)
    stash: dict[str, tuple[str, str]] = field(default_factory=dict)  # token -> (html, text)
    later: dict[str, tuple[str, str]] = field(default_factory=dict)  # the same, after search
    as_of: str = ""  # the freshness line's placeholder (see ``with_as_of_and_notes``)
    notes: str = ""  # the source notes' placeholder (the same)

    def cite(self, ids: tuple[str, ...]) -> int:
        return self.citations.setdefault(ids, len(self.citations) + 1)

    @property
    def cited(self) -> set[str]:
        """Every fact and claim id the page cites, alone or with others."""
        return {rid for ids in self.citations for rid in ids}

    def stashed(self, html: str, text: str, *, after_search: bool = False) -> str:
        """A placeholder for ``html`` (``text`` where markup cannot go, as in a heading's
        entry in the table of contents)."""
        token = f"briefingstash{len(self.stash) + len(self.later)}x"
        if after_search:
            token = f"<!--{token}-->"
        (self.later if after_search else self.stash)[token] = (html, text)
        return token


def unstash(html: str, stash: dict[str, tuple[str, str]], *, plain: bool = False) -> str:
    """The page's HTML with every placeholder replaced by its markup (or its plain text).

    A placeholder inside an attribute (a heading's id, which Markdown made from its text, and
    links to it) becomes the slug of its text instead: ``output-of-3128-million-vehicles``.
    """
    if not stash:
        return html
    if not plain:
        html = _IN_ATTRIBUTE.sub(lambda m: slugged(m[0], stash), html)
    return _STASHED.sub(lambda m: stash[m[0]][plain] if m[0] in stash else m[0], html)


def place_later(html: str, later: dict[str, tuple[str, str]]) -> str:
    """The page's HTML with what waited for the search index (``PageRender.later``) put in."""
    return _LATER.sub(lambda m: later[m[0]][0] if m[0] in later else m[0], html) if later else html


def slugged(text: str, stash: dict[str, tuple[str, str]]) -> str:
    """``text`` (an id, an attribute) with each placeholder as the slug of its plain text."""

    def slug(match: re.Match[str]) -> str:
        return slugify(html.unescape(stash[match[0]][1]), "-") if match[0] in stash else match[0]

    return _STASHED.sub(slug, text)


def with_as_of_and_notes(html: str, page: PageRender) -> str:
    """A chapter's HTML with the placeholders of its freshness line (under its first heading,
    or on top) and of its source notes (where a word stood for them under "Sources"). As
    comments they go into the HTML, not the Markdown, which would parse each as an HTML block."""
    if page.notes:
        word = as_word(page.notes)
        alone = f"<p>{word}</p>"
        html = html.replace(alone if alone in html else word, page.notes, 1)
    if page.as_of:
        heading = _HEADING_END.search(html)
        at = heading.end() if heading else 0
        html = f"{html[:at]}\n{page.as_of}\n{html[at:]}"
    return html


def as_word(placeholder: str) -> str:
    """A placeholder that waits for the search index, as the plain word Markdown leaves be."""
    return placeholder.removeprefix("<!--").removesuffix("-->")
