"""A chapter is rendered again only when something it shows changed, and then always: an
edited fact renders the pages citing it and no other, and a tile's change, a source's title
and a chart's declaration reach the pages that show them. Tiny sites, real MkDocs builds.

Speed itself is measured by `briefing bench`, not here.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from html import unescape

from briefing.facts.model import FactBook
from briefing.plugin.pagereuse import page_needs
from briefing.render.placeholders import PageRender
from conftest import FACTS, MKDOCS, Project, table_files
from test_charts import CHART, chart_project, figure

ProjectFactory = Callable[..., Project]
REUSED = re.compile(r"DEBUG\s+-\s+briefing: (\S+): as rendered before")
TWO_PAGES = MKDOCS.replace("  - Facts: facts.md\n", "  - Two: two.md\n  - Facts: facts.md\n")


def build(proj: Project) -> list[str]:
    """Build the site; the chapters it did not render again, as its log names them."""
    done = proj.run(sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose")
    assert done.returncode == 0, done.stderr
    return REUSED.findall(done.stderr)


def card_text(proj: Project, page: str = "index.html") -> str:
    cards = re.findall(r"<briefing-card\b.*?</briefing-card>", proj.html(page), re.DOTALL)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", " ".join(cards))).split())


def test_an_edited_fact_renders_again_the_page_citing_it_and_no_other(
    project: ProjectFactory,
) -> None:
    proj = project(index='# Home\n\nMade: {{ fact("market.production.2024") }}.\n')
    proj.write("mkdocs.yml", TWO_PAGES.format(pdf="false", options=""))
    proj.write("docs/two.md", '# Two\n\nParts: {{ fact("parts.exports.2024") }}.\n')
    assert build(proj) == []
    assert build(proj) == []  # nothing changed: the pages are reused without loading facts
    edited = FACTS.replace("China's automobile production", "Vehicles made in China")
    proj.write("facts/market.yaml", edited)
    assert build(proj) == ["docs/two.md"]
    assert "Vehicles made in China" in card_text(proj)
    assert "Vehicles made in China" not in card_text(proj, "two/index.html")
    proj.write("facts/market.yaml", edited.replace("auto parts exports (value)", "parts sold"))
    assert build(proj) == ["docs/index.md"]
    assert "Chinese parts sold" in card_text(proj, "two/index.html")


# The tile's fact alone; the fact before it, on the row of 2023, comes in a second file.
EXPORTS = """\
- id: exports.vehicles.{year}
  subject: China's automobile exports
  value: {value}
  unit: vehicles
  period: "{year}"
  kind: actual
  geo: China
  source: annual
  cell: {{row: "{year}", column: exports}}
"""


def test_a_tile_shows_the_change_on_a_fact_added_after_it_was_rendered(
    project: ProjectFactory,
) -> None:
    proj = project(index='# Home\n\n{{ tiles("exports.vehicles.2024") }}\n')
    for rel, text in table_files(facts=EXPORTS.format(year=2024, value=5859000)).items():
        proj.write(rel, text)
    build(proj)
    assert " on 2023" not in proj.html("index.html")
    proj.write("facts/earlier.yaml", EXPORTS.format(year=2023, value=4910000))
    assert build(proj) == []
    tile = re.search(r'<div class="tile" data-fact="exports.vehicles.2024">.*?</div>\n',
                     proj.html("index.html"), re.DOTALL)  # fmt: skip
    assert tile and "+19.3% on 2023" in unescape(re.sub(r"<[^>]+>", " ", tile[0]))


def test_an_edited_source_or_chart_declaration_shows_in_the_next_build(
    project: ProjectFactory,
) -> None:
    proj = chart_project(project)
    build(proj)
    assert "Demo source, Demo Press" in card_text(proj)
    sources = (proj.root / "facts/sources.yaml").read_text("utf-8")
    proj.write("facts/sources.yaml", sources.replace("Demo source", "Renamed source"))
    assert build(proj) == []
    assert "Renamed source, Demo Press" in card_text(proj)
    assert "Demo source" not in card_text(proj)
    proj.write("facts/charts.yaml", CHART.replace("Output in 2024", "Made and sold"))
    assert build(proj) == []
    assert "Made and sold" in figure(proj) and "Output in 2024" not in figure(proj)


def test_a_kept_page_is_checked_against_every_record_its_sentences_were_checked_against() -> None:
    """A sentence is checked against the ids its calls name: a page kept without problems
    must be rendered again when one of them changes, cited or not."""
    book = FactBook(facts={}, sources={}, units={})
    page = PageRender("docs/index.md", "index.md", citations={("a",): 1}, checked=["b", "a"])
    assert page_needs(book, page) == (("record", "a"), ("record", "b"))
