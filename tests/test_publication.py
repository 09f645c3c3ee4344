"""Publication basics: publisher, editors, licences and a citation, on the site and in the PDF."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from briefing.data.citation import Licence, Publication, bibtex, csl_json, suggested
from conftest import Project
from pdfread import read_pdf

PUB = Publication(
    title="Demo briefing",
    issued=dt.date(2026, 1, 15),
    publisher="Demo Press",
    editors=("Ada Lovelace", "Wang Wei"),
    edition="Second edition",
    url="https://example.org/demo/",
    text_licence=Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
)

PUBLICATION = """\
      publication:
        publisher: "Demo & Sons <Press>"
        editors: [Ada Lovelace, "R&D {team} 50%"]
        contact: editors@example.org
        edition: First edition
        text_licence: {name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}
        data_licence: {name: ODC-By 1.0}
        sources_rights: The archived sources remain their publishers' copyright.
"""


def test_the_suggested_citation_names_creators_year_title_edition_publisher_date_and_url() -> None:
    assert suggested(PUB) == (
        "Ada Lovelace, Wang Wei (2026). Demo briefing. Second edition. Demo Press. 2026-01-15. "
        "https://example.org/demo/"
    )


def test_bibtex_braces_names_and_escapes_special_characters() -> None:
    pub = Publication(
        title="Cars & {trade} 100% #1",
        issued=dt.date(2026, 3, 2),
        publisher="A_B ~ C\\D",
    )
    assert bibtex(pub) == (
        "@misc{abcars2026,\n"
        "  title = {{Cars \\& \\{trade\\} 100\\% \\#1}},\n"
        "  author = {{A\\_B \\~{} C\\textbackslash{}D}},\n"
        "  publisher = {A\\_B \\~{} C\\textbackslash{}D},\n"
        "  year = {2026},\n"
        "  month = {3},\n"
        "  date = {2026-03-02},\n"
        "  language = {en},\n"
        "}\n"
    )


def test_csl_json_is_one_report_with_literal_authors() -> None:
    (item,) = json.loads(csl_json(PUB))
    assert item == {
        "id": "adademo2026",
        "type": "report",
        "title": "Demo briefing",
        "issued": {"date-parts": [[2026, 1, 15]]},
        "language": "en",
        "author": [{"literal": "Ada Lovelace"}, {"literal": "Wang Wei"}],
        "publisher": "Demo Press",
        "edition": "Second edition",
        "URL": "https://example.org/demo/",
        "license": "CC BY 4.0",
    }


def test_the_site_names_its_publisher_licences_and_how_to_cite_it(
    project: Callable[..., Project],
) -> None:
    proj = project(options=PUBLICATION)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    footer = proj.html("index.html").split('class="md-copyright"')[1]
    assert "Demo &amp; Sons &lt;Press&gt;" in footer
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in (
        footer
    )
    assert "ODC-By 1.0" in footer and 'href="mailto:editors@example.org"' in footer
    assert '<a href="cite/">Cite this briefing</a>' in footer
    cite = proj.html("cite/index.html")
    bib = (proj.root / "build" / "data" / "citation.bib").read_text("utf-8")
    assert "author = {{Ada Lovelace} and {R\\&amp;D \\{team\\} 50\\%}}" in cite
    assert "author = {{Ada Lovelace} and {R\\&D \\{team\\} 50\\%}}" in bib
    (item,) = json.loads((proj.root / "build" / "data" / "citation.json").read_text("utf-8"))
    assert item["publisher"] == "Demo & Sons <Press>"
    assert "<dt>Sources</dt><dd>The archived sources remain their publishers&#39; copyright" in (
        cite.replace("&#x27;", "&#39;")
    )


def test_a_licence_address_must_be_a_web_address(project: Callable[..., Project]) -> None:
    proj = project(options=PUBLICATION.replace("https://creativecommons", "javascript://x"))
    done = proj.mkdocs_build()
    assert done.returncode != 0
    assert "must be an http:// or https:// address, not 'javascript://x.org" in done.stderr


def test_the_pdf_cover_names_the_publication_and_the_file_is_tagged(
    project: Callable[..., Project],
) -> None:
    proj = project(pdf=True, options=PUBLICATION)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    cover = pdf.pages[0]
    for shown in ("Demo & Sons <Press>", "Ada Lovelace, R&D {team} 50%", "First edition"):
        assert shown in cover
    assert "CC BY 4.0 (text); data: ODC-By 1.0" in cover
    assert "Cite this briefing" in pdf.pages[-1] and "@misc{" in pdf.pages[-1]
    root = pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])  # a tagged PDF (PDF/UA-1): a structure tree
    assert root["/StructTreeRoot"].get_object()["/K"]
