"""WeasyPrint, restricted to files inside the build: a PDF never fetches from the network."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher


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


def write_pdf(html: str, base: Path, target: Path) -> Path:
    """Render ``html`` (relative URLs resolved against ``base``) to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=str(base), url_fetcher=LocalFetcher(base)).write_pdf(target)
    return target
