"""Which PDF briefings a project makes, and the checks on them before anything is rendered.

A briefing is a file name, a cover (title, subtitle) and the pages it prints; the plugin reads
them from mkdocs.yml, ``briefing pdf`` picks one by name. Bad settings are reported together,
as sentences that say what to change, never as a traceback.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from briefing.facts.periods import MONTHS

PAPERS = {"a4": "A4", "letter": "letter"}  # option value -> CSS page size
LAYOUTS = ("report", "brief")


@dataclass(frozen=True)
class Briefing:
    """One PDF: where it goes, what its cover says, which pages it prints and how."""

    file: str  # relative to the site folder, e.g. pdf/briefing.pdf
    title: str
    subtitle: str = ""
    pages: tuple[str, ...] = ()  # relative to docs/; empty: every chapter in nav order
    paper: str = "a4"
    layout: str = "report"  # report: cover and contents pages; brief: a title block, then text
    label: str = ""  # the site's download link text
    keywords: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """What ``briefing pdf NAME`` calls it: the file name without folder and suffix."""
        return PurePosixPath(self.file).stem

    @property
    def link_text(self) -> str:
        return self.label or self.name.replace("-", " ").replace("_", " ").capitalize()

    def chapters(self, nav_order: Sequence[str]) -> list[str]:
        """The pages this briefing prints, in its order."""
        return list(self.pages) if self.pages else list(nav_order)


def problems(briefings: Sequence[Briefing], pages: Sequence[str]) -> list[str]:
    """Every mistake in the briefings' settings, given the pages that can be printed."""
    found = []
    for briefing in briefings:
        path = PurePosixPath(briefing.file)
        if (
            path.suffix != ".pdf"
            or path.is_absolute()
            or ".." in path.parts
            or "\\" in briefing.file
        ):
            found.append(
                f"briefing file '{briefing.file}' must be a relative path inside the site "
                "ending in .pdf, such as pdf/briefing.pdf"
            )
        for page in briefing.pages:
            if page not in pages:
                found.append(
                    f"briefing '{briefing.name}' lists page '{page}', which is not a page of "
                    f"docs/ that can be printed; use one of: {', '.join(pages)}"
                )
    for file, count in sorted(Counter(b.file for b in briefings).items()):
        if count > 1:
            found.append(f"{count} briefings write '{file}'; give each its own file")
    names = Counter(b.name for b in {b.file: b for b in briefings}.values())
    for name, count in sorted(names.items()):
        if count > 1:
            found.append(
                f"{count} briefings are named '{name}' (their file names without folder); "
                "rename one so `briefing pdf NAME` can tell them apart"
            )
    return found


def select(briefings: Sequence[Briefing], name: str | None) -> list[Briefing]:
    """The briefing called ``name`` (all of them for None); an unknown name lists the known."""
    if name is None:
        return list(briefings)
    chosen = [b for b in briefings if name in (b.name, b.file)]
    if not chosen:
        known = ", ".join(b.name for b in briefings) or "none are configured"
        raise LookupError(f"no briefing named '{name}'; the briefings are: {known}")
    return chosen


def long_date(date: str) -> str:
    """A date as a reader writes it: "2025-07" -> "July 2025", "2025-03-11" -> "11 March 2025"."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"
