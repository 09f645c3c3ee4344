"""PDFs reused when nothing they are drawn from changed, and never when something did: an
edited fact, page, chart declaration, image, style sheet or font draws the PDF again."""

from __future__ import annotations

import shutil
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

import briefing
from briefing.pdf.kept import pdf_key
from briefing_bench import servetime
from conftest import FACTS, SALES, Project
from pdfread import read_pdf
from test_charts import CHART, INDEX

REUSED = "briefing: pdf/briefing.pdf: unchanged, the one drawn before is reused"
DRAWN = "briefing: writing pdf/briefing.pdf"
EPOCH = {"SOURCE_DATE_EPOCH": "1752400000"}
FONTS = Path("/usr/share/fonts/truetype")


def build(proj: Project, env: dict[str, str] | None = None) -> str:
    done = proj.run(
        sys.executable, "-m", "mkdocs", "build", "--strict", env={**EPOCH, **(env or {})}
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def pdf_bytes(proj: Project) -> bytes:
    return (proj.root / "build" / "pdf" / "briefing.pdf").read_bytes()


def test_an_unchanged_pdf_is_copied_from_the_cache_not_drawn_and_not_linked(
    project: Callable[..., Project],
) -> None:
    proj = project(pdf=True)
    assert DRAWN in build(proj)
    first = pdf_bytes(proj)
    log = build(proj)
    assert REUSED in log and DRAWN not in log
    assert pdf_bytes(proj) == first
    [kept] = (proj.root / ".cache" / "briefing" / "pdf").glob("*.pdf")
    assert kept.read_bytes() == first
    site = proj.root / "build" / "pdf" / "briefing.pdf"
    assert site.stat().st_nlink == 1 and kept.stat().st_nlink == 1  # a copy, not a link
    assert not site.samefile(kept)


def edit_fact(proj: Project) -> str:
    text = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    longer = "rose 3.7 percent and 4.5 percent to 31.28 million and 31.44 million units"
    proj.write("facts/market.yaml", text.replace("31.28 million and 31.44 million units", longer))
    return longer


def edit_page(proj: Project) -> str:
    proj.write("docs/index.md", INDEX.replace("# Home", "# Overview"))
    return "Overview"


def edit_chart(proj: Project) -> str:
    proj.write("facts/charts.yaml", CHART.replace("Output in 2024", "Output and sales"))
    return "Output and sales"


def edit_image(proj: Project) -> str:
    Image.new("RGB", (40, 40), "blue").save(proj.root / "docs" / "img" / "square.png")
    return "A square"


@pytest.mark.parametrize("edit", [edit_fact, edit_page, edit_chart, edit_image])
def test_an_edit_to_what_the_pdf_is_drawn_from_draws_it_again(
    project: Callable[..., Project], edit: Callable[[Project], str]
) -> None:
    proj = project(pdf=True, index=INDEX + "\n![A square](img/square.png)\n", facts=FACTS + SALES)
    proj.write("facts/charts.yaml", CHART)
    (proj.root / "docs" / "img").mkdir()
    Image.new("RGB", (40, 40), "red").save(proj.root / "docs" / "img" / "square.png")
    build(proj)
    assert REUSED in build(proj)  # so that what follows is the edit's doing
    before = pdf_bytes(proj)
    shown = edit(proj)
    log = build(proj)
    assert DRAWN in log and REUSED not in log
    assert pdf_bytes(proj) != before
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    if edit is edit_image:
        squares = [i.image for page in pdf.reader.pages for i in page.images]
        squares = [i for i in squares if i.size == (40, 40)]
        assert {i.convert("RGB").getpixel((0, 0)) for i in squares} == {(0, 0, 255)}
    else:
        assert shown in pdf.text


def test_a_swapped_font_draws_the_pdf_again(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    # fontconfig offers WeasyPrint one font file, whose bytes change under the same name.
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{fonts}</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>"
    )
    env = {"FONTCONFIG_FILE": str(conf)}
    shutil.copy(FONTS / "liberation" / "LiberationSans-Regular.ttf", fonts / "body.ttf")
    proj = project(pdf=True)
    build(proj, env)
    assert REUSED in build(proj, env)
    shutil.copy(FONTS / "dejavu" / "DejaVuSans.ttf", fonts / "body.ttf")
    log = build(proj, env)
    assert DRAWN in log and REUSED not in log
    page = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf").reader.pages[0]
    names = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert names and all("DejaVu" in name for name in names), names


def test_the_key_holds_the_style_sheet_and_the_bytes_of_linked_files(tmp_path: Path) -> None:
    html = '<style>p { color: red }</style><img src="a.png"><p style="x">Text</p>'
    (tmp_path / "a.png").write_bytes(b"one")
    first = pdf_key(html, tmp_path, "fonts")
    assert pdf_key(html, tmp_path, "fonts") == first
    assert pdf_key(html.replace("red", "blue"), tmp_path, "fonts") != first
    assert pdf_key(html, tmp_path, "other fonts") != first
    (tmp_path / "a.png").write_bytes(b"two")
    assert pdf_key(html, tmp_path, "fonts") != first
    (tmp_path / "a.png").unlink()
    assert pdf_key(html, tmp_path, "fonts") != first


TWO = """\
      concurrency: {workers}
      briefings:
        - {{file: pdf/briefing.pdf, title: Full}}
        - {{file: pdf/short.pdf, title: Short, layout: brief}}
"""


def test_briefings_drawn_in_workers_are_those_drawn_in_turn(
    project: Callable[..., Project],
) -> None:
    drawn = {}
    for workers in (1, 2):
        proj = project(pdf=True, options=TWO.format(workers=workers))
        shutil.rmtree(proj.root / ".cache", ignore_errors=True)
        log = build(proj)
        assert "writing pdf/short.pdf" in log and REUSED not in log
        drawn[workers] = [pdf_bytes(proj), (proj.root / "build" / "pdf" / "short.pdf").read_bytes()]
    assert drawn[1] == drawn[2]


def test_serving_draws_no_pdf_but_links_them(project: Callable[..., Project]) -> None:
    proj = project(pdf=True)
    with servetime.serving(proj.root) as url:
        servetime.served_with(url, "briefing.pdf")  # the link stays
        with urllib.request.urlopen(url + "pdf/briefing.pdf", timeout=30) as response:
            assert response.read() == b""  # the placeholder, not a PDF
    assert not (proj.root / ".cache" / "briefing" / "pdf").exists()


def test_a_site_overrides_the_print_template_and_an_edit_to_it_draws_the_pdf_again(
    project: Callable[..., Project],
) -> None:
    proj = project(pdf=True)
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    custom = "  name: material\n  custom_dir: over\n"
    proj.write("mkdocs.yml", mkdocs.replace("  name: material\n", custom))
    package = Path(briefing.__file__).parent / "templates" / "print.html"
    template = package.read_text("utf-8")
    assert "<body" in template
    for said in ("Printed by the first press", "Printed by the second press"):
        override = template.replace("</body>", f"<p>{said}</p>\n</body>")
        proj.write("over/briefing/print.html", override)
        log = build(proj)
        assert DRAWN in log and REUSED not in log  # the edited override is not stale
        assert said in read_pdf(proj.root / "build" / "pdf" / "briefing.pdf").text
