"""The plugin's PDF side: placeholders so links to the PDFs validate, a download link for each
on every page, and the PDFs themselves once the site is written.

Kept apart from the event handlers so each handler calls it in a line or two.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from briefing.facts.dates import build_moment
from briefing.facts.model import FactBook
from briefing.pdf import briefings as bf
from briefing.pdf.briefings import Briefing
from briefing.pdf.document import Chapter, Imprint, print_html
from briefing.render.urls import SiteUrls

if TYPE_CHECKING:
    from briefing.pdf.writer import Written

log = get_plugin_logger(__name__)
THEME = Path(__file__).resolve().parent.parent / "theme"


class PdfBriefings:
    """The briefings of one build; ``only`` names the one ``briefing pdf NAME`` asked for.

    With ``skip`` (``mkdocs serve``, which rebuilds on every save and should reload in under a
    second) the links stay but no PDF is written: ``briefing pdf`` writes them.
    """

    def __init__(
        self, briefings: list[Briefing], only: str | None = None, skip: bool = False
    ) -> None:
        self.briefings = briefings
        self.only = only
        self.skip = skip

    @property
    def writes(self) -> bool:
        """Whether this build writes a PDF, and so needs the chapters' HTML kept."""
        return bool(self.briefings) and not self.skip

    def add_theme(self, config: MkDocsConfig) -> None:
        """Put the download links into the theme, after a site's own custom_dir."""
        if self.briefings and str(THEME) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))

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

    def write(
        self,
        config: MkDocsConfig,
        chapters: dict[str, Chapter],
        nav_order: list[str],
        book: FactBook,
        urls: SiteUrls,
    ) -> list[Written]:
        """Write each briefing (or the one asked for) into the site folder."""
        chosen = [] if self.skip else bf.select(self.briefings, self.only)
        if not chosen:
            return []
        from briefing.pdf.writer import write_pdf  # WeasyPrint: only when a PDF is written

        site = Path(config.site_dir)
        imprint = Imprint(
            lang=str(config.theme.get("language") or "en"),
            author=config.site_author or config.site_name,
            built=build_moment(),
        )
        order = [src for src in nav_order if src in chapters]
        written = []
        for briefing in chosen:
            log.info(
                "writing %s (%s, %s)", briefing.file, bf.PAPERS[briefing.paper], briefing.layout
            )
            pages = [chapters[src] for src in briefing.chapters(order) if src in chapters]
            html = print_html(briefing, pages, book, urls, imprint)
            done = write_pdf(html, site, site / briefing.file)
            log.info("%s: %d pages in %.1f s", briefing.file, done.pages, done.seconds)
            written.append(done)
        return written
