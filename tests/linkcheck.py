"""A checker over built HTML: every internal link and anchor must resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text("utf-8"))
    return collector


def broken_links(site: Path) -> list[str]:
    """Every internal link in ``site`` whose file or anchor does not exist, as page -> href."""
    parsed = {p: _parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, found in parsed.items():
        for href in found.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            rel = page.relative_to(site).as_posix()
            base = "" if parts.path.startswith("/") else posixpath.dirname(rel)
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
            target = target if parts.path else rel
            path = site / target
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                broken.append(f"{rel} -> {href} (no file)")
                continue
            anchor = unquote(parts.fragment)
            if anchor and path.suffix == ".html":
                ids = parsed[path].ids if path in parsed else _parse(path).ids
                if anchor not in ids:
                    broken.append(f"{rel} -> {href} (no anchor)")
    return broken


def broken_pdf_links(pdf: Path) -> tuple[int, list[str]]:
    """How many internal links ``pdf`` has, and those whose named destination does not exist
    (as "page N -> name"). Links to other files or the web are not followed."""
    from pypdf import PdfReader  # only the PDF checks need it

    reader = PdfReader(pdf)
    names = set(reader.named_destinations)
    count, broken = 0, []
    for number, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot["/A"].get_object() if "/A" in annot else {}
            dest = annot.get("/Dest", action.get("/D") if action.get("/S") == "/GoTo" else None)
            if dest is None:
                continue
            count += 1
            if not isinstance(dest, str):  # an explicit [page /XYZ ...]: it points at a page
                continue
            if dest not in names:
                broken.append(f"page {number} -> {dest}")
    return count, broken
