"""``briefing check``: every problem in facts, sources, charts, releases and pages in one run,
without building HTML; also what a build that cannot load its facts or releases reports, so
that its pages' problems are not left for a second run."""

from __future__ import annotations

from collections.abc import Callable

from briefing.data.releases import load_releases
from briefing.facts import yamlio
from briefing.facts.loading import load
from briefing.facts.model import Fact, FactBook, Record
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem
from briefing.render.pages import PageRenderer
from briefing.render.urls import SiteUrls

BACKGROUND = "background"


def check(
    paths: Paths,
    config: Callable[[FactBook], list[Problem]] | None = None,
    docs: Callable[[], list[Problem]] | None = None,
) -> list[Problem]:
    """Every problem in facts, sources, charts, releases and pages, without building HTML,
    root causes first: the ``config`` that names the folders and pages (given the facts, which
    generate pages), then what ``load`` finds, then the pages' with what the config finds in
    ``docs``. Pages are checked against whatever facts and charts are valid, and say nothing
    of those whose own problems are reported."""
    book, found = load(paths)
    problems = sorted(set(config(book))) if config else []
    problems.extend(found)
    try:
        load_releases(paths)
    except BriefingError as err:
        problems.extend(err.problems)
    renderer = PageRenderer(book, SiteUrls())
    on_pages: list[Problem] = docs() if docs else []
    cited: set[str] = set()
    shown: set[str] = set()
    for page in sorted(paths.docs_dir.rglob("*.md")):
        src_uri = page.relative_to(paths.docs_dir).as_posix()
        text = yamlio.read_text(page, paths.rel(page), on_pages)
        if text is None:
            continue
        result = renderer.render(text, paths.rel(page), src_uri)
        on_pages.extend(result.problems)
        cited.update(result.cited)
        shown.update(result.charts)
    problems.extend(sorted(set(on_pages)))
    if problems:
        return problems  # which facts go uncited is only known once all else is sound
    for spec in book.charts.values():
        if spec.id not in shown:
            problems.append(
                Problem(
                    spec.path,
                    spec.line,
                    f"chart '{spec.id}' is shown on no page; "
                    f'add {{{{ chart("{spec.id}") }}}} to a chapter, or delete it',
                )
            )
    records: list[Record] = [*book.facts.values(), *book.claims.values()]
    for record in records:
        if record.id not in cited and BACKGROUND not in record.tags:
            what = "fact" if isinstance(record, Fact) else "claim"
            problems.append(
                Problem(
                    record.path,
                    record.line,
                    f"{what} '{record.id}' is cited by no page; cite it in a chapter, "
                    f"or tag it '{BACKGROUND}' to list it on the facts page only",
                )
            )
    return sorted(problems)
