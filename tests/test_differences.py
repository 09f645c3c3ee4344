"""Where sources differ: the generated page, and the links to it from a number's card, its
facts-page row, its note (on the site and in the PDF) and the caption of a chart showing it.

A tiny site: production and sales (market.yaml) recorded as a case of different scopes,
production with a rival (another fact on its measure stating another value), sales in a
chart, production cited on the home page.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from html import unescape
from types import MappingProxyType

import jsonschema
import pytest

from briefing.facts.jsonschema import json_schema
from briefing.facts.model import Fact, FactBook
from briefing.facts.units import Unit
from conftest import CITES_ALL, FACTS, SALES, Project, project_factory
from pdfread import norm, read_pdf

ProjectFactory = Callable[..., Project]

# Another fact on production's measure that states another value: a rival pair.
RIVAL = (
    FACTS[: FACTS.index("- id: parts")]
    .replace("market.production.2024", "market.output.2024")
    .replace("value: 31280000", "value: 31440000")
)
CHART = """\
sales:
  title: Sales
  alt: Sales in one bar
  facts: [market.sales.2024]
  mark: bar
  x: label
  y: value
"""
CASE = """\
output-and-sales:
  facts: [market.production.2024, market.sales.2024]
  kind: different-scopes
  title: Production and sales count different things
  explanation: >-
    Production counts vehicles built; sales count vehicles sold.

    Neither is the other.
"""
TITLE = "Production and sales count different things"
INDEX = '# Home\n\n{{ fact("market.production.2024") }} were made.\n\n{{ chart("sales") }}\n'
NAV = "  - Where sources differ: differences.md\n"


def site(project: ProjectFactory, case: str | None = CASE, pdf: bool = False) -> Project:
    """The tiny site described above, built (without the case file when ``case`` is None)."""
    proj = project(index=INDEX, facts=FACTS + SALES + RIVAL, pdf=pdf)
    proj.write("mkdocs.yml", (proj.root / "mkdocs.yml").read_text("utf-8") + NAV)
    proj.write("facts/charts.yaml", CHART)
    if case is not None:
        proj.write("facts/disagreements.yaml", case)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    return proj


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The tiny site with its case built once, for the tests that only read it."""
    return site(project_factory(tmp_path_factory.mktemp("differences")))


def text(html: str) -> str:
    """What a reader reads of some HTML: tags dropped, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def section(html: str, anchor: str) -> str:
    """The differences page from the heading holding ``anchor`` to the next heading."""
    match = re.search(
        rf'<h3[^>]*><span class="case-anchor" id="{anchor}">.*?(?=<h[23]|</article)', html, re.S
    )
    assert match, anchor
    return match.group(0)


def test_the_page_shows_each_case_and_each_measure_sources_differ_on(built: Project) -> None:
    proj = built
    page = proj.html("differences/index.html")
    case = section(page, "case-output-and-sales")
    assert text(case).startswith(
        f"{TITLE} Different scopes: the figures count different things or places. "
        "The editors' explanation Production counts vehicles built; sales count vehicles "
        "sold. Neither is the other. 31.28 million vehicles — China's automobile production, "
        "undated; reported 13 Jul 2025 (actual) · Demo source , Demo Press, 2025-07-13: 31.28 million and 31.44 million "
        "units See the passage 31.44 million vehicles — China's automobile sales"
    )
    # The explanation is marked as the editors' own, in two paragraphs.
    assert re.search(
        r'<div class="admonition analysis difference-explanation">\s*'
        r"<p class=\"admonition-title\">The editors' explanation</p>\s*"
        r"<p>Production counts vehicles built; sales count vehicles sold.</p>\s*"
        r"<p>Neither is the other.</p>",
        case,
    )
    assert 'href="../facts/#market.production.2024"' in case
    assert 'href="../sources/demo/#q-market.sales.2024"' in case
    # Two facts with rivals, one measure: listed once, each fact in it.
    assert page.count('class="case-anchor" id="measure-') == 1
    measure = section(page, "measure-market.output.2024")
    assert text(measure).startswith(
        "China's automobile production, undated; reported 13 Jul 2025, China 31.44 million vehicles — China's "
        "automobile production, undated; reported 13 Jul 2025 (actual)"
    )
    assert "31.28 million vehicles" in text(measure)
    # In the navigation, and found by search through its headings and explanation.
    assert '<a href="differences/" class="md-nav__link">' in proj.html("index.html")
    index = json.loads(proj.html("search/search_index.json"))
    found = [d for d in index["docs"] if d["location"].startswith("differences/")]
    assert any("Neither is the other" in d["text"] for d in found)
    assert any(d["title"] == TITLE for d in found)


def test_a_number_in_a_case_links_to_it_from_card_row_note_and_chart(built: Project) -> None:
    proj = built
    home = proj.html("index.html")
    case = 'href="differences/#case-output-and-sales"'
    card = re.search(r'<briefing-card class="fact-card".*?</briefing-card>', home, re.S)
    assert card
    assert f'<a class="card-differ" {case}>Where sources differ: {TITLE}</a>' in card.group(0)
    assert (
        '<a class="card-differ" href="differences/#measure-market.output.2024">Where sources '
        "differ: China&#x27;s automobile production, undated; reported 13 Jul 2025, China</a>"
    ) in card.group(0)
    # The rival's mark leads to its measure on the page, the rival figure in its label.
    assert re.search(
        r'<a class="differ" href="differences/#measure-market.output.2024" '
        r'aria-label="Sources differ: 31.44 million vehicles"[^>]*>≠</a>',
        home,
    )
    assert "(sources differ" not in home
    caption = re.search(r"<figcaption>.*?</figcaption>", home, re.S)
    assert caption
    assert (
        f'<span class="chart-differ">Where sources differ: <a {case}>{TITLE}</a>.</span>'
    ) in caption.group(0)
    notes = re.search(r'<div class="source-notes">.*?</details>', home, re.S)
    assert notes
    assert notes.group(0).count(f"Where sources differ: <a {case}>{TITLE}</a>.") == 2
    rows = proj.html("facts/index.html")
    row = re.search(r'<tr id="market.sales.2024".*?</tr>', rows, re.S)
    assert row
    assert (
        '<span class="differ">Where sources differ: <a href="../differences/#case-output-and-'
        f'sales">{TITLE}</a></span>'
    ) in row.group(0)
    parts = re.search(r'<tr id="parts.exports.2024".*?</tr>', rows, re.S)
    assert parts and "differences/" not in parts.group(0)  # in no case, on no rival measure


def test_without_a_disagreements_file_the_page_says_what_it_found(
    project: ProjectFactory,
) -> None:
    proj = project()  # no rivals either
    proj.write("mkdocs.yml", (proj.root / "mkdocs.yml").read_text("utf-8") + NAV)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = text(proj.html("differences/index.html"))
    assert "Recorded by the editors The editors have recorded no case." in page
    assert "No two sources state one measure differently." in page
    assert "Where sources differ" not in proj.html("index.html").split("</nav>")[-1]


def test_a_case_may_name_a_claim_which_links_to_it_as_a_fact_does(
    project: ProjectFactory,
) -> None:
    claim = (
        "- id: exports.russia.plunge\n"
        "  claim: Chinese carmakers' direct exports to Russia plunged this year\n"
        "  source: demo\n"
        '  quote: "Chinese carmakers\' direct exports to Russia plunged"\n'
        "  kind: actual\n"
    )
    case = CASE.replace("market.sales.2024]", "exports.russia.plunge]")
    index = CITES_ALL + 'Exports to Russia fell.{{ claim("exports.russia.plunge") }}\n'
    proj = project(facts=FACTS + claim, index=index)
    proj.write("mkdocs.yml", (proj.root / "mkdocs.yml").read_text("utf-8") + NAV)
    proj.write("facts/disagreements.yaml", case)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    listed = section(proj.html("differences/index.html"), "case-output-and-sales")
    assert (
        '<li><a href="../facts/#exports.russia.plunge">Chinese carmakers&#x27; direct exports to '
        "Russia plunged this year</a> — "
    ) in listed
    assert '<a href="../sources/demo/#q-exports.russia.plunge">See the passage</a>' in listed
    # Its card, its note and its row on the facts page lead to the case.
    link = f'href="differences/#case-output-and-sales">Where sources differ: {TITLE}</a>'
    home = proj.html("index.html")
    card = re.search(
        r'<span class="fact cites" data-cites="exports.russia.plunge">.*?</briefing-card>',
        home,
        re.S,
    )
    assert card and f'<a class="card-differ" {link}' in card.group(0)
    notes = re.search(r'<div class="source-notes">.*?</details>', home, re.S)
    assert notes
    assert notes.group(0).count('Where sources differ: <a href="differences/#case-output-') == 2
    row = re.search(r'<tr id="exports.russia.plunge".*?</tr>', proj.html("facts/index.html"))
    assert row and f'<a href="../differences/#case-output-and-sales">{TITLE}</a>' in row.group(0)


def test_the_pdf_prints_where_sources_differ_under_the_chart(
    project: ProjectFactory,
) -> None:
    proj = site(project, pdf=True)
    pdf = norm(read_pdf(proj.root / "build" / "pdf" / "briefing.pdf").text)
    # under the chart; the notes leave the case to it (compact print notes)
    assert pdf.count(f"Where sources differ: {TITLE}.") == 1


def test_the_schema_of_the_disagreements_file_is_what_the_check_asks() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing.cli.main", "schema", "disagreements"],
        capture_output=True,
        text=True,
        check=True,
    )
    schema = json.loads(done.stdout)
    assert schema == json_schema("disagreements")
    valid = {"x": {"facts": ["a.b"], "kind": "caveat", "title": "T", "explanation": "E"}}
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(valid))
    wrong = {"x": {"facts": ["a.b"], "kind": "other", "title": "T"}}
    errors = sorted(e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(wrong))
    assert errors == [
        "'explanation' is a required property",
        "'other' is not one of "
        + str(
            ["different-bases", "different-periods", "different-scopes", "contradiction", "caveat"]
        ),
    ]


def test_a_measure_is_one_group_however_many_of_its_facts_agree() -> None:
    """Two facts that agree (16 million, 16.0 million) and one that does not (16.5 million):
    one group of three, the same for each of them; a fact on another measure is in none."""
    unit = Unit("vehicles", "count", "vehicle", "vehicles")

    def fact(fid: str, value: float, period: str = "2025") -> Fact:
        return Fact(fid, "NEV sales", value, unit, period, "forecast", "China", None, None, "", 1)

    facts = [
        fact("a.one", 16000000),
        fact("a.two", 16000000.0),
        fact("a.three", 16500000),
        fact("b.other", 1, period="2024"),
    ]
    book = FactBook(
        MappingProxyType({f.id: f for f in facts}), MappingProxyType({}), MappingProxyType({})
    )
    assert [[f.id for f in group] for group in book.rival_groups()] == [
        ["a.one", "a.three", "a.two"]
    ]
    assert {f.id: [g.id for g in book.rival_group(f)] for f in facts} == {
        "a.one": ["a.one", "a.three", "a.two"],
        "a.two": ["a.one", "a.three", "a.two"],
        "a.three": ["a.one", "a.three", "a.two"],
        "b.other": [],
    }
