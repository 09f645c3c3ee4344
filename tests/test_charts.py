"""Charts as readers and briefers get them: inline SVG with caption, sources, alt text and
data to take away; rendered once and cached; the same drawing, as vectors, in the PDF."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from briefing.charts.drawing import set_in_type
from conftest import FACTS, SALES, Project

INDEX = (
    "# Home\n\n{{ fact('market.production.2024') }} and {{ fact('parts.exports.2024') }}.\n\n"
    '{{ chart("output") }}\n'
)
CHART = """\
output:
  title: Output in 2024
  mark: bar
  facts: [market.production.2024, market.sales.2024]
  labels:
    market.production.2024: Production
    market.sales.2024: Sales
  x: label
  y: value
  alt: Production and sales, side by side.
"""
FIGURE = re.compile(r'<figure class="chart" id="chart-output".*?</figure>', re.DOTALL)


def chart_project(project: Callable[..., Project], charts: str = CHART) -> Project:
    proj = project(index=INDEX, facts=FACTS + SALES)
    proj.write("facts/charts.yaml", charts)
    return proj


def figure(proj: Project) -> str:
    match = FIGURE.search(proj.html("index.html"))
    assert match, "no chart figure on the page"
    return match.group(0)


def test_chart_is_inline_svg_with_caption_sources_alt_and_data(
    project: Callable[..., Project],
) -> None:
    proj = chart_project(project)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    fig = figure(proj)
    assert re.search(r'<div class="chart-svg" role="img" aria-label="[^"]*">\s*<svg', fig)
    label = re.search(r'aria-label="([^"]*)"', fig)
    assert label and label.group(1) == (
        "Production and sales, side by side. Data: Production: 31.28 million vehicles (undated; reported 13 Jul 2025); "
        "Sales: 31.44 million vehicles (undated; reported 13 Jul 2025)."
    )
    caption = re.search(r"<figcaption>(.*?)</figcaption>", fig, re.DOTALL)
    assert caption
    cites = re.findall(r'<sup class="cite"><a href="([^"]+)"', caption.group(1))
    # production is note 1, as the sentence above cites it; parts exports 2; sales 3
    assert cites == ["#note-1", "#note-3"]
    page = proj.html("index.html")
    notes = dict(re.findall(r'<li id="note-(\d)">(.*?)</li>', page, re.DOTALL))
    assert 'href="sources/demo/#q-market.production.2024">See the passage' in notes["1"]
    assert 'As note <a href="#note-1">1</a>.' in notes["3"]  # the same quote, printed once
    links = dict(
        (text, href)
        for href, text in re.findall(r'<a href="([^"]+)" download>(\w+)</a>', caption.group(1))
    )
    assert sorted(links) == ["CSV", "JSON", "PNG"]
    build = proj.root / "build"
    rows = list(csv.DictReader(io.StringIO((build / links["CSV"]).read_text("utf-8"))))
    assert [(r["id"], r["label"], r["value"], r["source"]) for r in rows] == [
        ("market.production.2024", "Production", "31280000", "Demo Press"),
        ("market.sales.2024", "Sales", "31440000", "Demo Press"),
    ]
    payload = json.loads((build / links["JSON"]).read_text("utf-8"))
    assert payload["title"] == "Output in 2024"
    assert [r["text"] for r in payload["rows"]] == [
        "31.28 million vehicles",
        "31.44 million vehicles",
    ]
    assert (build / links["PNG"]).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    # The interactive version rides along, and its loader comes only with chart pages.
    spec = re.search(r'<script type="application/json" class="chart-spec">(.*?)</script>', fig)
    assert spec and json.loads(spec.group(1))["data"]["values"][0]["label"] == "Production"
    assert '<script src="assets/charts.js" defer></script>' in proj.html("index.html")
    assert "charts.js" not in proj.html("facts/index.html")
    assert (build / "assets" / "vega.js").stat().st_size > 100_000


def test_unchanged_chart_is_not_rendered_again_and_same_input_gives_same_bytes(
    project: Callable[..., Project],
) -> None:
    proj = chart_project(project)
    assert proj.mkdocs_build().returncode == 0
    cache = proj.root / ".cache" / "briefing" / "charts"
    stamps = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert sorted(p.rsplit(".", 1)[1] for p in stamps) == ["json", "png", "svg"]
    first = figure(proj)
    assert proj.mkdocs_build().returncode == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamps
    shutil.rmtree(proj.root / ".cache")  # a cold render gives the very same bytes
    assert proj.mkdocs_build().returncode == 0
    assert figure(proj) == first
    proj.write("facts/charts.yaml", CHART.replace("Output in 2024", "Output, 2024"))
    assert proj.mkdocs_build().returncode == 0
    assert len(list(cache.glob("*.svg"))) == 2  # a changed spec is a new render


def test_reference_line_series_and_two_charts_on_one_page(project: Callable[..., Project]) -> None:
    charts = (
        CHART.replace("  x: label\n", "  rule: market.production.2024\n  x: label\n")
        .replace("facts: [market.production.2024, market.sales.2024]", "facts: [market.sales.2024]")
        .replace("    market.production.2024: Production\n", "    market.production.2024: output\n")
        .replace(
            "  y: value\n", "  y: value\n  color: series\n  series:\n    market.sales.2024: All\n"
        )
    )
    charts += "again:\n" + CHART.split("\n", 1)[1]
    proj = chart_project(project, charts)
    proj.write("docs/index.md", INDEX + '\n{{ chart("again") }}\n')
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    fig = figure(proj)
    assert "31.28 million vehicles: output</text>" in fig  # the line is labelled on the chart
    rows = (proj.root / "build" / "data" / "charts" / "output.csv").read_text("utf-8")
    assert rows.splitlines()[1:] == [
        "market.sales.2024,Sales,All,China's automobile sales,31440000,vehicles,31.44 million vehicles,undated; reported 13 Jul 2025,actual,China,Demo Press,demo,31.28 million and 31.44 million units,data",
        "market.production.2024,31.28 million vehicles: output,,China's automobile production,31280000,vehicles,31.28 million vehicles,undated; reported 13 Jul 2025,actual,China,Demo Press,demo,31.28 million and 31.44 million units,reference line",
    ]
    page = proj.html("index.html")
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "chart ids must be unique on a page"
    assert page.count("assets/charts.js") == 1


def test_chart_text_is_set_in_a_font_that_has_its_glyphs(project: Callable[..., Project]) -> None:
    # Latin labels in Liberation Sans (Arial's metrics, which readers' browsers have); a chart
    # that shows Chinese in Noto Sans CJK, since the Latin font has no glyph for it.
    charts = CHART + "chinese:\n" + CHART.split("\n", 1)[1].replace("Sales\n", "销量 (sales)\n")
    proj = chart_project(project, charts)
    proj.write("docs/index.md", INDEX + '\n{{ chart("chinese") }}\n')
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    fonts = {}
    for chart_id in ("output", "chinese"):
        fig = re.search(rf'<figure class="chart" id="chart-{chart_id}".*?</figure>', page, re.S)
        assert fig, chart_id
        fonts[chart_id] = set(re.findall(r'<text [^>]*font-family="([^"]+)"', fig.group(0)))
    assert fonts == {
        "output": {"Liberation Sans, Arial, Helvetica, sans-serif"},
        "chinese": {"Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"},
    }
    assert ">销量 (sales)</text>" in page


def test_a_drawing_is_read_for_the_text_it_shows_not_its_descriptions() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="Source: 新摘 > 36Kr">'
        '<text aria-label="value &gt; 15">BYD</text><text><tspan>吉利</tspan> &amp; co</text>'
        "</g></svg>"
    )
    assert set_in_type(svg) == "BYD 吉利 & co"


# A project's module of chart functions (the plugin's chart_functions option): one panel a unit.
PANELS = """\
from briefing.charts.encodings import unit_title
from briefing.charts.registry import register


@register("panels")
def panels(spec, data):
    import altair as alt

    units = {f.unit.id: f.unit for f in spec.facts}.values()
    return alt.hconcat(*(
        alt.Chart(data).transform_filter(f"datum.unit == '{u.id}'").mark_bar()
        .encode(y=alt.Y("label:N", title=None), x=alt.X("value:Q", title=unit_title(u)))
        for u in units
    ))
"""


def test_python_chart_function_draws_facts_of_two_units(project: Callable[..., Project]) -> None:
    """A chart drawn by the project's own function, in a module mkdocs.yml names."""
    charts = (
        "mixed:\n  title: Money and output\n  alt: Two panels.\n  function: panels\n"
        "  facts: [parts.exports.2024, market.production.2024]\n"
    )
    proj = project(
        index='# Home\n\n{{ chart("mixed") }}\n', options="      chart_functions: facts/charts.py\n"
    )
    proj.write("facts/charts.yaml", charts)
    proj.write("facts/charts.py", PANELS)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    assert '<figure class="chart" id="chart-mixed"' in page
    assert ">USD</text>" in page and ">vehicles</text>" in page  # each panel's axis, its unit


def test_chart_shown_on_no_page_is_reported(project: Callable[..., Project]) -> None:
    proj = chart_project(project)
    proj.write("docs/index.md", INDEX.replace('{{ chart("output") }}', ""))
    proj.write("docs/more.md", "# More\n\n{{ fact('market.sales.2024') }}\n")
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout == (
        "facts/charts.yaml:1: chart 'output' is shown on no page; "
        'add {{ chart("output") }} to a chapter, or delete it\n'
    )


def test_real_site_has_ten_charts_each_with_caption_sources_and_data(real_site: Path) -> None:
    figures: list[tuple[Path, str]] = []
    for page in sorted(real_site.rglob("index.html")):
        html = page.read_text("utf-8")
        figures += [(page, m) for m in re.findall(r'<figure class="chart".*?</figure>', html, re.S)]
        if '<figure class="chart"' in html:
            up = "../" * len(page.parent.relative_to(real_site).parts)
            assert html.count(f'<script src="{up}assets/charts.js" defer></script>') == 1
    assert len(figures) >= 10
    for page, fig in figures:
        chart_id = re.search(r'data-chart="([^"]+)"', fig)
        assert chart_id, fig[:200]
        assert re.search(r'role="img" aria-label="[^"]{40,}">\s*<svg', fig), chart_id.group(1)
        notes = re.findall(r'<sup class="cite"><a href="#(note-\d+)"', fig)
        assert notes, chart_id.group(1)
        for note in notes:
            assert f'<li id="{note}">' in html, (chart_id.group(1), note)
        for href in re.findall(r'<a href="([^"]+)" download>', fig):
            assert (page.parent / href).resolve().is_file(), href


def test_pdf_carries_the_charts_as_vectors(real_site: Path) -> None:
    reader = PdfReader(real_site / "pdf" / "briefing.pdf")
    titles = {
        json.loads(p.read_text("utf-8"))["title"]
        for p in (real_site / "data" / "charts").glob("*.json")
    }
    assert len(titles) >= 10
    found = set()
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        shown = {t for t in titles if " ".join(t.split()) in text}
        if not shown:
            continue
        found |= shown
        xobjects = page["/Resources"].get("/XObject", {})
        images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
        assert images == [], f"chart drawn as an image on a page with {shown}"
    assert found == titles


def test_unit_names_show_their_control_characters_in_the_chart(
    project: Callable[..., Project],
) -> None:
    """The unit's plural, in the chart's subtitle: shown as the facts' text shows it, ⟨U+202E⟩."""
    proj = chart_project(project)
    units = (proj.root / "facts" / "units.yaml").read_text("utf-8")
    proj.write("facts/units.yaml", units.replace("plural: vehicles,", 'plural: "veh\\u202eicles",'))
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    html = proj.html("index.html")
    assert "\u202e" not in html
    svg = re.search(r'<div class="chart-svg".*?</svg>', figure(proj), re.DOTALL)
    assert svg
    subtitle = re.search(r'<g class="mark-text role-title-subtitle".*?</g>', svg.group(0), re.S)
    assert subtitle and re.findall(r"<text[^>]*>([^<]*)</text>", subtitle.group(0)) == [
        "Veh⟨U+202E⟩icles"
    ]
