"""WeasyPrint, restricted to files inside the build: a PDF never fetches from the network."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from briefing.buildcache import cycles_paused


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    """Fetches data: URLs and files under one folder; refuses everything else."""

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not path.is_relative_to(self.root):
                raise ValueError(f"refusing to read {path}: outside {self.root}")
        return super().fetch(url, headers)


@dataclass(frozen=True)
class Written:
    """A PDF on disk, with what a briefer wants to know about it."""

    path: Path
    pages: int
    seconds: float


def write_pdf(html: str, base: Path, target: Path) -> Written:
    """Render ``html`` (relative URLs resolved against ``base``) to ``target``.

    WeasyPrint writes no file identifier by default and takes its dates from the document's
    ``dcterms`` meta, so the same HTML always gives the same bytes.
    """
    start = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    with cycles_paused():
        document = HTML(string=html, base_url=str(base), url_fetcher=LocalFetcher(base)).render()
        document.write_pdf(target, pdf_variant="pdf/ua-1")
    return Written(target, len(document.pages), time.perf_counter() - start)
