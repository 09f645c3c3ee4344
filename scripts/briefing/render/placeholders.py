"""What one page's rendering produced, and the placeholders its generated markup waits behind.

A cited number, a marker, a chart or the notes is markup the chapter's Jinja makes before
Markdown runs; Markdown is given a short placeholder instead (letters and digits, which its
syntax leaves be), and the page's Markdown extension (``briefing.render.extension``) puts
each one's markup through Python-Markdown's own HTML stash. So ``page.content`` is the final
page for every plugin, and the table of contents reads a heading's number as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.problems import Problem

TOKEN = re.compile(r"briefingstash(\d+)x")


@dataclass(frozen=True)
class Stashed:
    """One placeholder's markup, and the plain text a heading's entry in the table of
    contents (and its id) reads of it ("" for a marker or a block)."""

    html: str
    text: str


@dataclass
class PageRender:
    """What rendering one page produced: Markdown, what it cited in order, problems."""

    path: str  # as shown in messages, e.g. docs/exports.md
    src_uri: str  # relative to docs/, e.g. exports.md
    markdown: str = ""
    # the ids each citation rests on (one, or several for a cite()) -> its note number
    citations: dict[tuple[str, ...], int] = field(default_factory=dict)
    charts: list[str] = field(default_factory=list)  # chart ids, in the order shown
    tables: list[str] = field(default_factory=list)  # table sources shown, by id
    tiles: list[str] = field(default_factory=list)  # facts shown as tiles, by id
    checked: list[str] = field(default_factory=list)  # ids its sentences were checked against
    cards: int = 0  # cards on the page, each with its own id
    problems: list[Problem] = field(default_factory=list)
    stash: list[Stashed] = field(default_factory=list)  # a placeholder's number -> its markup
    as_of: str = ""  # the freshness line, under the page's first heading (or on top)

    def cite(self, ids: tuple[str, ...]) -> int:
        return self.citations.setdefault(ids, len(self.citations) + 1)

    @property
    def cited(self) -> set[str]:
        """Every fact and claim id the page cites, alone or with others."""
        return {rid for ids in self.citations for rid in ids}

    def stashed(self, html: str, text: str = "") -> str:
        """A placeholder for ``html`` (``text`` is what the table of contents reads of it)."""
        self.stash.append(Stashed(html, text))
        return f"briefingstash{len(self.stash) - 1}x"
