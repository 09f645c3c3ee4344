"""WeasyPrint, restricted to files inside the build: a PDF never fetches from the network."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from briefing.buildcache import cycles_paused
from briefing.charts.drawing import _die_with_parent


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


def write_pdfs(documents: Sequence[tuple[str, Path]], base: Path, workers: int) -> list[Written]:
    """Each (HTML, target) drawn, up to ``workers`` at once: the longest in this process, the
    others in spawned worker processes meanwhile (WeasyPrint holds the interpreter lock, so
    threads would not help; spawned, as for charts). One document, or one worker, draws here
    in turn: a worker's start and its import of WeasyPrint cost more than a short PDF."""
    if workers < 2 or len(documents) < 2:
        return [write_pdf(html, base, target) for html, target in documents]
    longest = max(range(len(documents)), key=lambda i: len(documents[i][0]))
    with ProcessPoolExecutor(
        max_workers=min(workers - 1, len(documents) - 1),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        jobs = {
            i: pool.submit(write_pdf, html, base, target)
            for i, (html, target) in enumerate(documents)
            if i != longest
        }
        html, target = documents[longest]
        done = {longest: write_pdf(html, base, target)}
        done.update((i, job.result()) for i, job in jobs.items())
    return [done[i] for i in range(len(documents))]
