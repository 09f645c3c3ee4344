"""Table sources in whole builds: a tiny project with a table, built by real MkDocs, read
back as HTML, search index, data files and PDF, and in Chromium (issue 19)."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import threading
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from conftest import CITES_ALL, Project, Tab, await_target, collapse, project_factory, table_files
from linkcheck import broken_links
from pdfread import read_pdf

ProjectFactory = Callable[..., Project]
PAGE = (
    CITES_ALL
    + '\nExports reached {{ fact("exports.vehicles.2024") }} in the table.'
    + ' {{ claim("status.outlook.2025") }}\n\n{{ table("annual", "growth", "status") }}\n'
)


def table_project(project: ProjectFactory, pdf: bool = False) -> Project:
    proj = project(index=PAGE, pdf=pdf)
    for rel, text in table_files().items():
        proj.write(rel, text)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    return proj


@pytest.fixture(scope="module")
def tables_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The tiny table site built once, for the tests that only read it."""
    return table_project(project_factory(tmp_path_factory.mktemp("tables")))


def test_the_source_page_shows_the_table_with_the_cited_cells_anchored(
    tables_site: Project,
) -> None:
    proj = tables_site
    page = proj.html("sources/annual/index.html")
    assert "<dt>How it was made</dt><dd>Figures transcribed by the editors" in page
    assert (
        '<td id="cell-2024-exports" class="cell cited" data-facts="exports.vehicles.2024" '
        'title="exports.vehicles.2024"><mark class="cell">5.859</mark> <a class="cell-record" '
        'href="../../facts/#exports.vehicles.2024" aria-label="exports.vehicles.2024">1</a></td>'
    ) in page
    assert '<td id="cell-2023-exports">4.91</td>' in page  # not cited: anchored, not marked
    assert (
        '<td class="row-publication"><a href="https://example.org/2023">CAAM 2023 results</a>, '
        "Xinhua, 2024-01-11</td>"
    ) in page
    assert '<th scope="col">exports (million vehicles)</th>' in page
    assert broken_links(proj.root / "build") == []


def test_the_card_and_the_note_show_the_cell_and_link_to_it(tables_site: Project) -> None:
    proj = tables_site
    page = proj.html("index.html")
    assert (
        '<span class="card-source">Annual results, Demo Agency, 2026-01-15, row 2024, column '
        'exports</span><a class="card-link" href="sources/annual/#cell-2024-exports">See the '
        "cell</a>"
    ) in page
    # the note sits under its publication's short reference, the full entry beside it
    assert (
        '<a class="note-short" href="sources/annual/">Demo Agency, Jan 2026</a><span '
        'class="note-full">: <cite>Annual results</cite>, 15 Jan 2026.'
    ) in page
    assert (
        '<li id="note-3"><span class="note-no">3</span>row 2024, column exports. <a '
        'class="note-passage" href="sources/annual/#cell-2024-exports">See the cell</a></li>'
    ) in page
    # a claim from a text cell: the cell's words as its passage
    assert (
        '<li id="note-4"><span class="note-no">4</span><q>expected</q>, row 2025, column status. '
        '<a class="note-passage" href="sources/annual/#cell-2025-status">See the cell</a></li>'
    ) in page
    # the chapter's table: each figure the series' fact, its card naming the row's publication
    assert '<table class="chapter-table" data-table="annual">' in page
    assert (
        '<span class="card-source">CAAM 2023 results, Xinhua, 2024-01-11, row 2023, column '
        "growth</span>"
    ) in page


def test_search_and_the_data_downloads_carry_the_cell_facts(tables_site: Project) -> None:
    proj = tables_site
    index = json.loads(proj.html("search/search_index.json"))
    entries = {d["location"]: d for d in index["docs"]}
    growth = entries["facts/#exports.growth.2023"]
    assert growth["title"] == "Growth of China's automobile exports: 57.9%"
    assert growth["text"] == "2023 · actual · China · Xinhua. row 2023, column growth"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(proj.html("data/facts.csv")))}
    assert {k: rows["exports.growth.2023"][k] for k in ("value", "cell_row", "cell_column")} == {
        "value": "57.9",
        "cell_row": "2023",
        "cell_column": "growth",
    }
    assert rows["exports.growth.2023"]["published_by"] == "Xinhua: CAAM 2023 results (2024-01-11)"
    package = json.loads(proj.html("data/datapackage.json"))
    assert {
        "title": "Xinhua: CAAM 2023 results (2024-01-11)",
        "path": "https://example.org/2023",
    } in (package["sources"])
    facts = json.loads(proj.html("data/facts.json"))
    assert [c["cell_row"] for c in facts["claims"]] == ["2025"]


def test_the_pdf_prints_the_cell_in_the_notes(project: ProjectFactory) -> None:
    proj = table_project(project, pdf=True)
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    # each cell under its row's publication: the table's own, or the one a row names
    assert re.search(
        r"Demo Agency, Jan 2026 \(see page \d+\) 3 row 2024, column exports\.", pdf.text
    )
    assert re.search(r"Xinhua, Jan 2024 \(see page \d+\) 5 row 2023, column growth\.", pdf.text)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def served_tables(tables_site: Project) -> Iterator[str]:
    proj = tables_site
    handler = functools.partial(_Quiet, directory=str(proj.root / "build"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_the_card_link_lands_on_the_highlighted_cell(tab: Tab, served_tables: str) -> None:
    page = tab.page
    tab.open(served_tables)
    fact = page.locator('span.fact[data-fact="exports.vehicles.2024"]').first
    fact.hover()
    card = fact.locator(".fact-card")
    expect(card).to_be_visible()
    assert "row 2024, column exports" in collapse(card.text_content())
    card.locator("a.card-link").click()
    expect(page).to_have_url(f"{served_tables}sources/annual/#cell-2024-exports")
    cell = page.locator('[id="cell-2024-exports"]')
    expect(cell).to_have_class("cell cited")
    await_target(page, "cell-2024-exports")
    outline = cell.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    expect(cell.locator("mark.cell")).to_have_text("5.859")
    assert tab.console_errors == [] and tab.page_errors == []


HOSTILE_CSV = (
    "year,exports,growth,status,kind,publisher,title,published,url\n"
    '2023,4.91,57.9,"<script>alert(1)</script>",actual,'
    '"<img src=x onerror=alert(2)>","{{ 7 * 7 }}",2024-01-11,"https://example.org/?a=""><x"\n'
    "2024,5.859,19.3,final,actual,,,,\n"
    "2025,6.5,,expected,forecast,,,,\n"
)


def test_hostile_cells_stay_text_everywhere(project: ProjectFactory) -> None:
    proj = project(index=PAGE)
    for rel, text in table_files(HOSTILE_CSV).items():
        proj.write(rel, text)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    for rel in ("sources/annual/index.html", "index.html", "facts/index.html"):
        page = proj.html(rel)
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "<x" not in page.replace("<xml", "")
    source = proj.html("sources/annual/index.html")
    assert '<a href="https://example.org/?a=&quot;&gt;&lt;x">{{ 7 * 7 }}</a>' in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "{{ 7 * 7 }}" in source  # a cell is never a template
    assert broken_links(proj.root / "build") == []
