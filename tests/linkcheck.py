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
