"""The plugin's PDF side: placeholders so links to the PDFs validate, a download link for each
on every page, and the PDFs themselves once the site is written.

Kept apart from the event handlers so each handler calls it in a line or two.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from briefing.buildcache import MISSING, BuildCache, key
from briefing.data.citation import Publication
from briefing.facts.dates import build_moment
from briefing.facts.model import FactBook
from briefing.pdf import briefings as bf
from briefing.pdf.briefings import Briefing
from briefing.pdf.document import Chapter, Imprint, Targets, print_chapter, print_html
from briefing.pdf.kept import KeptPdfs, fonts_soon, pdf_key
from briefing.render.markup import Partials
from briefing.render.urls import SiteUrls

if TYPE_CHECKING:
    from briefing.pdf.writer import Written

log = get_plugin_logger(__name__)


class PdfBriefings:
    """The briefings of one build; ``only`` names the one ``briefing pdf NAME`` asked for.

    With ``skip`` (``mkdocs serve``, which rebuilds on every save and should reload in under a
    second) the links stay but no PDF is written: ``briefing pdf`` writes them. A PDF whose
    inputs did not change is copied from ``kept`` (see pdf/kept.py); the others are drawn, up
    to ``workers`` at once.
    """

    def __init__(
        self,
        briefings: list[Briefing],
        kept: KeptPdfs,
        printed: BuildCache,
        *,
        only: str | None = None,
        skip: bool = False,
        workers: int = 1,
    ) -> None:
        self.briefings = briefings
        self.kept = kept
        self.printed = printed  # each chapter's print HTML, by what it is made from
        self.only = only
        self.skip = skip
        self.workers = workers
        # The fonts' digest is worked out while MkDocs renders the pages.
        self.fonts = fonts_soon() if self.writes else None

    @property
    def writes(self) -> bool:
        """Whether this build writes a PDF, and so needs the chapters' HTML kept."""
        return bool(self.briefings) and not self.skip

    def add_placeholders(self, files: Files, config: MkDocsConfig, generated: set[str]) -> None:
        """Check the briefings against the pages they may print (any page not generated), and
        add an empty file for each PDF so that links to it validate; the PDF overwrites it
        after the build."""
        printable = [f.src_uri for f in files.documentation_pages() if f.src_uri not in generated]
        problems = bf.problems(self.briefings, printable)
        if problems:
            raise PluginError("briefings in mkdocs.yml:\n" + "\n".join(problems))
        for briefing in self.briefings:
            files.append(File.generated(config, briefing.file, content=b""))
        if self.skip and self.briefings:
            log.info("PDFs are not written while serving; run: briefing pdf")

    def add_links(self, env: Any) -> None:
        """Hand the theme what its download links show."""
        env.globals["briefing_pdfs"] = [
            {"file": b.file, "label": b.link_text, "title": f"{b.title}: {b.link_text} (PDF)"}
            for b in self.briefings
        ]

    def _printer(self, file: str) -> Callable[[int, Chapter, Targets], str]:
        """``print_chapter``, kept across builds: a chapter's print HTML is a function of its
        number, its HTML, title and URL and where its links land (and this code)."""

        def printed(index: int, chapter: Chapter, targets: Targets) -> str:
            made_from = (index, chapter.title, chapter.html, chapter.url, repr(targets))
            slot, slot_key = f"print:{file}:{index}", key("print", repr(made_from))
            html = self.printed.get(slot, slot_key)
            if html is MISSING:
                html = print_chapter(index, chapter, targets)
                self.printed.put(slot, slot_key, html)
            return str(html)

        return printed

    def write(
        self,
        config: MkDocsConfig,
        chapters: dict[str, Chapter],
        nav_order: list[str],
        book: FactBook,
        urls: SiteUrls,
        publication: Publication,
        partials: Partials,
    ) -> list[Written]:
        """Write each briefing (or the one asked for) into the site folder: the unchanged
        copied from the kept ones, the others drawn (and kept)."""
        chosen = [] if self.skip else bf.select(self.briefings, self.only)
        if not chosen or self.fonts is None:
            return []
        fonts = self.fonts.result()
        site = Path(config.site_dir)
        imprint = Imprint(publication, built=build_moment())
        order = [src for src in nav_order if src in chapters]
        todo: list[tuple[Briefing, str, str]] = []
        for briefing in chosen:
            pages = [chapters[src] for src in briefing.chapters(order) if src in chapters]
            html = print_html(
                briefing, pages, book, urls, imprint, self._printer(briefing.file), partials
            )
            key = pdf_key(html, site, fonts)
            if self.kept.copy_to(briefing.file, key, site / briefing.file):
                log.info("%s: unchanged, the one drawn before is reused", briefing.file)
            else:
                log.info(
                    "writing %s (%s, %s)", briefing.file, bf.PAPERS[briefing.paper], briefing.layout
                )
                todo.append((briefing, html, key))
        if not todo:
            return []
        from briefing.pdf.writer import write_pdfs  # WeasyPrint: only when a PDF is drawn

        documents = [(html, site / briefing.file) for briefing, html, _ in todo]
        written = write_pdfs(documents, site, self.workers)
        for (briefing, _, key), done in zip(todo, written, strict=True):
            self.kept.keep(briefing.file, key, done.path)
            log.info("%s: %d pages in %.1f s", briefing.file, done.pages, done.seconds)
        return written
