"""``briefing pdf``: the PDF briefings alone, put into the site folder without rebuilding it.

A PDF prints the site's pages as MkDocs renders them (Markdown extensions, heading ids,
charts, citations), so the one faithful source of its chapters is MkDocs' own build. It runs
here in-process, into a temporary folder, with the plugin told to write only the briefing
asked for; the PDF is then moved into the site folder and the rest of the temporary site is
thrown away. Rendering the HTML costs about two seconds on this site; reimplementing it would
risk a PDF that says something the site does not.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from briefing.pdf.briefings import select
from briefing.plugin.config import configured_briefings
from briefing.plugin.plugin import BriefingPlugin
from briefing.sitedir import MARKER, mark, refusal, site_inputs


class PdfError(Exception):
    """What stops ``briefing pdf`` before it builds, said for the person who typed it."""


def build_pdfs(root: Path, name: str | None, say: Callable[[str], None]) -> list[Path]:
    """Write the briefing called ``name`` (every one for None); return the files written."""
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    plugin = config.plugins.get("briefing")
    if not isinstance(plugin, BriefingPlugin):
        raise PdfError("mkdocs.yml does not use the briefing plugin")
    briefings = configured_briefings(plugin.config, config)
    if not plugin.config.enabled or not briefings:
        raise PdfError("PDFs are switched off in mkdocs.yml (the briefing plugin's enabled or pdf)")
    try:
        chosen = select(briefings, name)
    except LookupError as err:
        raise PdfError(str(err)) from None
    say(f"rendering the site's pages for {', '.join(b.file for b in chosen)}")
    search = config.plugins.get("material/search")
    if search is not None:  # its index goes with the rest of the site: a second saved
        search.config.enabled = False
    site = Path(config.site_dir)
    paths = plugin.paths_in(config)
    why = refusal(site, root, site_inputs(paths))
    if why is not None:
        raise PdfError(f"site_dir '{paths.rel(site)}' is refused: {why}")
    with tempfile.TemporaryDirectory(prefix=".build-pdf-", dir=root) as staging:
        config.site_dir = staging
        plugin.only_pdf = name
        build(config)
        written = []
        if not (site / MARKER).is_file():  # a site folder of its own, which a build may replace
            mark(site)
        for briefing in chosen:
            target = site / briefing.file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(Path(staging) / briefing.file, target)
            written.append(target)
    return written
