"""The printed briefings read as print: nothing only the site can do, cross-references that
give the page they lead to, and no heading left alone at the foot of a page.

What is web-only is whatever the site's partials and chapters mark ``class="web-only"``, read
from the built site, so a newly marked thing is checked without editing this file.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pdfread import Pdf, norm, outline


class _Marked(HTMLParser):
    """The text of each element marked web-only (option labels aside: they name topics the
    chapters name too), and every heading's text."""

    def __init__(self) -> None:
        super().__init__()
        self.phrases: list[str] = []
        self.headings: list[str] = []
        self._open: list[tuple[str, int]] = []  # (tag, depth) of a marked element or heading
        self._text: list[list[str]] = []
        self._depth = 0
        self._skip = 0
        self._permalink = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "img", "input", "meta", "link", "wbr", "hr", "source"}:
            return
        self._depth += 1
        classes = (dict(attrs).get("class") or "").split()
        if tag in {"option", "select"} or "headerlink" in classes:
            self._skip += 1
        if "web-only" in classes or re.fullmatch(r"h[1-4]", tag):
            self._open.append((tag, self._depth))
            self._text.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "img", "input", "meta", "link", "wbr", "hr", "source"}:
            return
        if self._open and self._open[-1][1] == self._depth:
            opened, _ = self._open.pop()
            text = norm(unescape("".join(self._text.pop())))
            (self.headings if re.fullmatch(r"h[1-4]", opened) else self.phrases).append(text)
        if tag in {"option", "select"} or (self._skip and tag == "a"):
            self._skip = max(0, self._skip - 1)
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            for text in self._text:
                text.append(data)


def _marked(real_site: Path) -> _Marked:
    parser = _Marked()
    for page in sorted(real_site.rglob("index.html")):
        parser.feed(page.read_text("utf-8"))
    return parser


def test_no_web_only_phrase_is_printed(real_site: Path, full: Pdf, brief: Pdf) -> None:
    phrases = {p for p in _marked(real_site).phrases if len(p.split()) >= 3}
    # the chapters' "click the number" line and the partials' downloads and filters, at least
    assert any(p.startswith("Click the small number") for p in phrases), phrases
    assert any(p.startswith("Download every fact") for p in phrases), phrases
    assert any(p.startswith("Data:") for p in phrases), phrases
    for pdf in (full, brief):
        for phrase in phrases:
            assert phrase not in pdf.text, phrase
    assert "→ Sources" not in full.text + brief.text


def test_a_cross_reference_gives_the_page_its_chapter_starts_on(full: Pdf) -> None:
    # A chapter's bookmark gives the page it starts on (the home page's sections share some
    # chapters' titles, so sections are not read).
    starts = {
        norm(title).casefold(): page
        for level, title, page in outline(full)
        if level == 1 and len(title.split()) >= 2
    }
    found = []
    for title, number in re.findall(r"([A-Z][\w' ,]{3,60}?) \(see page (\d+)\)", full.text):
        words = title.casefold().split()
        named = [" ".join(words[i:]) for i in range(len(words))]
        target = next((starts[n] for n in named if n in starts), None)
        if target is not None:
            found.append((title, int(number), target))
    assert found, "no cross-reference to a chapter reads '(see page N)'"
    for title, number, target in found:
        assert number == target, (title, number, target)


def _page_lines(pdf_path: Path) -> list[list[str]]:
    """Each page's lines as pdftotext reads them, without the footer's page number."""
    text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [norm(line) for line in page.splitlines()
         if line.strip() and not re.fullmatch(r"Page \d+ of \d+", line.strip())]
        for page in text.split("\f")
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["briefing", "executive-brief"])
def test_no_page_ends_with_a_heading(real_site: Path, name: str) -> None:
    headings = {h for h in _marked(real_site).headings if h} | {"Notes", "Sources"}
    pages = _page_lines(real_site / "pdf" / f"{name}.pdf")
    assert len(pages) >= 2
    for number, lines in enumerate(pages[:-1], 1):
        if not lines:
            continue
        ends = {" ".join(lines[-k:]) for k in (1, 2, 3)}
        assert not ends & headings, (name, number, ends & headings)
