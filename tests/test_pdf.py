"""The PDF briefings as a reader gets them: read back with pypdf, pages drawn by pdftoppm.

The real briefings come from the session's one build of the real site; tiny projects check
what the real site does not exercise (Letter paper, a long table, images, bad settings).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from PIL import Image

from briefing.pdf.writer import LocalFetcher
from conftest import ROOT, Project, sources_yaml
from pdfread import Pdf, ink, norm, notes_share, outline, read_pdf

CHINESE = "新摘商业评论"  # in the publisher of a real source: New Business Review
# The lead chart's title states its point (issue 20); its subtitle says that the line is CAAM's
# and the points are other reports of one year (issue 17: no unlike things compared unsaid).
CHART_TITLE = "China's vehicle exports have risen year after year since the pandemic"
CHART_SUBTITLE = (
    "Automobile exports per year, as CAAM reported them, with the other reports of one year"
)
CHART_ALT = "Line chart of China's automobile exports in each full year"


def drawn_text(pdf_path: Path, page: int | None = None) -> str:
    """A PDF's text as pdftotext reads it, a chart's drawing included (pypdf skips it)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(
        ["pdftotext", *pages, str(pdf_path), "-"], capture_output=True, text=True, check=True
    )
    return norm(done.stdout)


def chapter_html(real_site: Path, name: str) -> str:
    return (real_site / name / "index.html").read_text("utf-8")


def cited_values(html: str) -> list[str]:
    values = re.findall(r'<span class="fact" data-fact="[^"]+"><button[^>]*>([^<]+)<', html)
    return [norm(unescape(v)) for v in values]


def note_quotes(html: str) -> list[str]:
    return [
        norm(unescape(q))
        for q in re.findall(r'<li id="note-\d+"><span class="note-no">\d+</span><q>(.*?)</q>', html)
    ]


# The real briefings

NOT_FULL = {"index", "brief"}  # the home page is checked on its own; the brief is its own PDF


def test_page_counts(full: Pdf, brief: Pdf) -> None:
    assert 20 <= len(full.pages) <= 120
    # Five since issue 17: the margins chart split into a profit and a gross chart, and the notes
    # carry who says each figure, the editors' readings and the disagreements a fact is part of.
    assert 2 <= len(brief.pages) <= 5


def test_full_briefing_has_every_chapter_and_every_cited_number(real_site: Path, full: Pdf) -> None:
    # Every chapter but the executive brief, which is its own PDF and not in the nav.
    chapters = sorted(p.stem for p in (ROOT / "docs").glob("*.md") if p.stem not in NOT_FULL)
    assert len(chapters) >= 11
    for name in chapters:
        page = chapter_html(real_site, name)
        title = re.search(r"<h1[^>]*>([^<]+)", page)
        assert title and norm(unescape(title.group(1))) in full.text, name
        values = cited_values(page)
        assert values or name == "methodology", name
        for value in values:
            assert value in full.text, (name, value)


def test_executive_brief_has_its_figures_and_chart_on_two_pages_before_its_notes(
    real_site: Path, brief: Pdf
) -> None:
    values = cited_values(chapter_html(real_site, "brief"))
    assert len(values) >= 15
    for value in values:
        assert value in brief.text, value
    assert "Executive brief" in brief.bodies[0]
    drawn = drawn_text(real_site / "pdf" / "executive-brief.pdf")
    assert CHART_TITLE in drawn and CHART_SUBTITLE in drawn
    assert "What it means for a reader who must act" in brief.text
    # The notes begin on page 1 or 2, or open page 3: the brief itself takes two pages at most.
    notes = next(n for n, body in enumerate(brief.bodies) if re.search(r"(?:^| )Notes ", body))
    assert notes <= 1 or (notes == 2 and brief.bodies[2].startswith("Notes")), notes


def drawn_height(pdf_path: Path, phrase: str) -> float:
    """The height, in points, of the box pdftotext gives the first word of ``phrase`` where the
    PDF draws its words in that order (a chart's text included)."""
    layout = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = [
        (unescape(word), float(bottom) - float(top))
        for top, bottom, word in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
            layout,
        )
    ]
    wanted = phrase.split()[:4]
    for at in range(len(words) - len(wanted) + 1):
        if [word for word, _ in words[at : at + len(wanted)]] == wanted:
            return words[at][1]
    raise AssertionError(f"{pdf_path.name} never draws {' '.join(wanted)!r}")


def test_the_brief_prints_its_chart_as_large_as_the_full_briefing_does(real_site: Path) -> None:
    # Its caption beside it, not under it: a height cap left the brief's chart text near 6 pt.
    brief = drawn_height(real_site / "pdf" / "executive-brief.pdf", CHART_SUBTITLE)
    full = drawn_height(real_site / "pdf" / "briefing.pdf", CHART_SUBTITLE)
    assert brief >= 0.98 * full, (brief, full)
    assert full >= 8.0  # Liberation Sans's box is 1.15 of its size: text of 7 pt at least


def test_contents_page_numbers_are_where_the_chapters_start(full: Pdf) -> None:
    contents = next(i for i, body in enumerate(full.bodies) if body.startswith("Contents"))
    # the leader's dots, as pypdf reads them from the tagged PDF, may come spaced (". . .")
    leader = r"(\S[^.]*?) \.(?: ?\.){2,} (\d+)"
    entries = re.findall(leader, full.bodies[contents].removeprefix("Contents"))
    titles = [re.sub(r"^\d+\. ", "", title) for title, _ in entries]
    assert titles[:3] == [
        "China's automobile industry going global",
        "Key figures",
        "Exports and markets",
    ]
    assert titles[-2:] == ["Sources", "Cite this briefing"]  # the last appendix since publication
    for title, (_, number) in zip(titles, entries, strict=True):
        page = int(number)
        assert full.bodies[page - 1].startswith(title), (title, number)
        assert not full.bodies[page - 2].startswith(title), (title, number)


def test_every_page_but_the_cover_has_running_header_and_page_x_of_y(full: Pdf) -> None:
    total = len(full.pages)
    assert "Page 1 of" not in full.pages[0]
    for number, text in enumerate(full.pages[1:], 2):
        assert f"Page {number} of {total}" in text
    exports = next(
        i for i, body in enumerate(full.bodies) if body.startswith("Exports and markets")
    )
    following = full.pages[exports + 1].replace(full.bodies[exports + 1], "")
    assert "Exports and markets" in following  # the header of the chapter's next page


def test_notes_carry_each_quote_and_its_source(real_site: Path, full: Pdf, brief: Pdf) -> None:
    for name, pdf in (("exports", full), ("trade", full), ("key-figures", full), ("brief", brief)):
        quotes = note_quotes(chapter_html(real_site, name))
        assert len(quotes) >= 3, name
        for quote in quotes:
            assert quote in pdf.text, (name, quote)
    bodies = norm(" ".join(full.bodies))
    # Notes are grouped by publication, each under its short reference with the page of its
    # entry in the appendix: a compiled table's row is its own publication's.
    assert (
        "Notes SteelOrbis, Jan 2026 (see page " in bodies
        and "1 row 2025, column exports. Data from China Association of Automobile "
        "Manufacturers (CAAM)."
        in bodies
    )
    assert "Xinhua (People's Daily Online), Jan 2025: row 2024, column exports." in bodies
    assert (
        "Unnamed company website, 'Industry Blog' category, Nov 2024 (see page " in bodies
        and "“In 2023, China's automobile exports will reach 4.91 million units”" in bodies
    )


@pytest.mark.parametrize("name", ["briefing", "executive-brief"])
def test_notes_take_under_a_fifth_of_the_pages(real_site: Path, name: str) -> None:
    path = real_site / "pdf" / f"{name}.pdf"
    pdf = read_pdf(path)
    share = notes_share(path, pdf)
    assert 0.02 < share < 0.2, f"the notes take {share:.0%} of {name}.pdf's {len(pdf.pages)} pages"


def test_sources_appendix_lists_each_source_with_chinese_as_written(full: Pdf, brief: Pdf) -> None:
    # the Sources appendix, found by its heading: "Cite this briefing" follows it since publication
    start = next(i for i, body in enumerate(full.bodies) if body.startswith("Sources The archived"))
    end = next(i for i, body in enumerate(full.bodies) if body.startswith("Cite this briefing"))
    assert end == len(full.bodies) - 1
    appendix = " ".join(full.bodies[start:end])
    assert f"New Business Review ({CHINESE}), republished by 36Kr" in appendix
    fonts = [
        font
        for page in full.reader.pages[start:end]
        for font in page["/Resources"].get_object()["/Font"].values()
    ]
    names = [str(font.get_object()["/BaseFont"]) for font in fonts]
    assert any("Noto-Sans-CJK" in name for name in names), names  # glyphs, not empty boxes
    assert "Date evidence:" in appendix
    printed = " ".join(brief.bodies)
    cited_only = printed[
        printed.index("Sources The archived documents") : printed.index("Cite this")
    ]
    assert "Overseas Growth, Innovation Are Crucial" in cited_only
    assert "Friends of Time" not in cited_only  # a source the brief does not quote
    assert "Date evidence:" not in cited_only


def test_every_font_is_embedded(full: Pdf, brief: Pdf) -> None:
    for pdf in (full, brief):
        for page in pdf.reader.pages:
            fonts = page["/Resources"].get_object().get("/Font", {})
            for font in fonts.values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                described = descendants[0].get_object() if descendants else font
                descriptor = described["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_bookmarks_for_chapters_and_sections(full: Pdf) -> None:
    marks = outline(full)
    chapters = [(title, page) for level, title, page in marks if level == 1]
    assert [t for t, _ in chapters][:3] == [
        "China's automobile industry going global",
        "Key figures",
        "Exports and markets",
    ]
    assert [t for t, _ in chapters][-2:] == ["Sources", "Cite this briefing"]
    exports = next(i for i, (level, title, _) in enumerate(marks) if title == "Exports and markets")
    sections = [title for level, title, _ in marks[exports + 1 :][:4] if level == 2]
    assert sections[:2] == ["How much China exports", "The newest monthly figures"]
    for title, page in chapters:
        assert full.bodies[page - 1].startswith(title), title


def test_internal_links_land_on_their_destinations(full: Pdf) -> None:
    names = full.reader.named_destinations
    links = 0
    for page in full.reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                assert str(annotation["/Dest"]) in names
                links += 1
    assert links > 300
    exports = full.page_of("c3-chapter")
    assert full.bodies[exports - 1].startswith("Exports and markets")
    note = full.page_of("c3-note-1")  # a table cell's note since the data spine
    assert "SteelOrbis, Jan 2026" in full.bodies[note - 1]  # the row's publication
    source = full.page_of("source-gz-autoshow-2024")
    assert "Chinese cars going global require new responses" in full.bodies[source - 1]


def test_chart_is_vector_text_on_one_page(real_site: Path, full: Pdf) -> None:
    number = next(i for i, body in enumerate(full.bodies) if CHART_ALT in body)
    assert "Sources:" in full.bodies[number]  # the caption, on the same page as its chart
    assert list(full.reader.pages[number].images) == []  # drawn, not pasted as a picture
    drawn = drawn_text(real_site / "pdf" / "briefing.pdf", number + 1)
    assert CHART_TITLE in drawn and CHART_SUBTITLE in drawn, drawn
    assert {"vehicles", "2020", "2025", "8m", "Sources:"} <= set(drawn.split()), drawn


def test_document_metadata(full: Pdf, brief: Pdf) -> None:
    meta = full.reader.metadata
    assert meta is not None
    assert meta.title == "China's automobile industry going global"
    assert meta.author == "The briefing's editors"
    assert meta.subject == "A briefing in verified numbers"
    assert "new energy vehicles" in str(meta["/Keywords"])
    assert re.fullmatch(r"D:\d{14}Z", str(meta["/CreationDate"]))
    assert full.reader.trailer["/Root"]["/Lang"] == "en"
    assert brief.reader.metadata is not None
    assert "executive brief" in str(brief.reader.metadata["/Keywords"])


def test_pages_are_drawn_not_blank(real_site: Path, tmp_path: Path) -> None:
    full_pdf = real_site / "pdf" / "briefing.pdf"
    assert ink(full_pdf, 1, tmp_path) > 0.3  # the cover's colour band (a blank page: 0)
    assert ink(full_pdf, 3, tmp_path) > 0.08  # a page of text
    assert ink(real_site / "pdf" / "executive-brief.pdf", 1, tmp_path) > 0.08


def test_site_links_each_pdf_from_every_page_and_the_home_page(real_site: Path) -> None:
    pages = list(real_site.rglob("index.html"))
    assert len(pages) > 15
    for page in pages:
        html = page.read_text("utf-8")
        depth = len(page.relative_to(real_site).parts) - 1
        for pdf in ("briefing.pdf", "executive-brief.pdf"):
            href = "../" * depth + f"pdf/{pdf}"
            assert f'<a href="{href}" class="briefing-download"' in html, (page, pdf)
    home = (real_site / "index.html").read_text("utf-8")
    content = home[home.index("</nav>", home.index('class="briefing-downloads"')) :]
    assert 'href="pdf/briefing.pdf"' in content and 'href="pdf/executive-brief.pdf"' in content


# Tiny projects

LETTER_CHINESE = """\
      briefings:
        - file: pdf/demo-letter.pdf
          title: Demo on Letter paper
          paper: letter
"""


def test_letter_paper_and_a_chinese_source_title(project: Callable[..., Project]) -> None:
    proj = project(pdf=True, options=LETTER_CHINESE)
    proj.write("facts/sources.yaml", sources_yaml().replace("Demo source", "中国汽车出海报告"))
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(proj.root / "build" / "pdf" / "demo-letter.pdf")
    for page in pdf.reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    assert any("中国汽车出海报告" in body for body in pdf.bodies[-2:])  # the sources appendix


def test_long_table_repeats_its_header_on_every_page(project: Callable[..., Project]) -> None:
    # The editors' table (cells that cite nothing must be their analysis), indented in the block.
    rows = "".join(f"    | Row {i} | a line of text to fill the page |\n" for i in range(1, 90))
    table = f'!!! analysis "Rows"\n    | Measure | Remark |\n    |---|---|\n{rows}'
    proj = project(pdf=True, index=f"# Home\n\n{table}")
    assert proj.mkdocs_build().returncode == 0
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    with_rows = [body for body in pdf.bodies if "Row " in body]
    assert len(with_rows) >= 2
    for body in with_rows:
        assert "Measure Remark" in body


def test_images_come_from_the_build_and_nothing_else(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    briefing = "      briefings: [{file: pdf/b.pdf, title: B, pages: [sub/page.md]}]\n"
    proj = project(pdf=True, options=briefing)
    proj.write("docs/sub/page.md", "# Sub page\n\n![A red square](../img/red.png)\n")
    (proj.root / "docs" / "img").mkdir()
    Image.new("RGB", (40, 40), "red").save(proj.root / "docs" / "img" / "red.png")
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(proj.root / "build" / "pdf" / "b.pdf")
    page = next(
        p for p, body in zip(pdf.reader.pages, pdf.bodies, strict=True) if "Sub page" in body
    )
    assert [image.image.size for image in page.images] == [(40, 40)]
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"")
    fetcher = LocalFetcher(proj.root / "build")
    with pytest.raises(ValueError, match="refusing to read"):
        fetcher.fetch(outside.as_uri())
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher.fetch("https://example.com/image.png")


def test_same_input_gives_the_same_bytes(
    project: Callable[..., Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1752400000")  # 2025-07-13 09:46:40 UTC
    proj = project(pdf=True)
    assert proj.mkdocs_build().returncode == 0
    first = (proj.root / "build" / "pdf" / "briefing.pdf").read_bytes()
    assert proj.mkdocs_build().returncode == 0
    assert (proj.root / "build" / "pdf" / "briefing.pdf").read_bytes() == first
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    assert pdf.reader.metadata is not None
    assert pdf.reader.metadata["/CreationDate"] == "D:20250713094640Z"
    assert "13 July 2025" in pdf.pages[0]  # built on, on the cover


BAD_BRIEFINGS = """\
      briefings:
        - {file: pdf/a.pdf, title: A, pages: [index.md, missing.md]}
        - {file: pdf/a.pdf, title: A again}
        - {file: other/a.pdf, title: Same name}
        - {file: notes.txt, title: Not a PDF}
"""


def test_bad_briefings_are_reported_together_without_a_traceback(
    project: Callable[..., Project],
) -> None:
    done = project(pdf=True, options=BAD_BRIEFINGS).mkdocs_build()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    for message in (
        "briefings in mkdocs.yml:",
        "briefing 'a' lists page 'missing.md', which is not a page of docs/ that can be "
        "printed; use one of: index.md",
        "2 briefings write 'pdf/a.pdf'; give each its own file",
        "2 briefings are named 'a' (their file names without folder); rename one so "
        "`briefing pdf NAME` can tell them apart",
        "briefing file 'notes.txt' must be a relative path inside the site ending in .pdf",
    ):
        assert message in done.stderr


def test_bad_paper_size_is_a_configuration_error(project: Callable[..., Project]) -> None:
    options = "      briefings: [{file: pdf/a.pdf, title: A, paper: a5}]\n"
    done = project(pdf=True, options=options).mkdocs_build()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        "Plugin 'briefing' option 'briefings': Sub-option 'paper': "
        "Expected one of: ('a4', 'letter') but received: 'a5'"
    ) in done.stderr


def test_briefing_pdf_writes_only_the_pdf_and_says_how_long(
    project: Callable[..., Project],
) -> None:
    proj = project(pdf=True)
    done = proj.briefing("pdf", "briefing")
    assert done.returncode == 0, done.stderr
    assert "briefing pdf: rendering the site's pages for pdf/briefing.pdf" in done.stdout
    assert re.search(r"briefing: pdf/briefing\.pdf: \d+ pages in \d+\.\d s", done.stdout)
    assert "briefing pdf: wrote build/pdf/briefing.pdf" in done.stdout
    files = [p.relative_to(proj.root).as_posix() for p in proj.root.rglob("*") if p.is_file()]
    built = ["build/.briefing-site", "build/pdf/briefing.pdf"]  # a build may replace it
    assert sorted(f for f in files if f.startswith(("build", ".briefing"))) == built
    assert read_pdf(proj.root / "build" / "pdf" / "briefing.pdf").pages[0].count("Demo") >= 1


def test_briefing_pdf_with_an_unknown_name_lists_the_names(
    project: Callable[..., Project],
) -> None:
    done = project(pdf=True).briefing("pdf", "nope")
    assert done.returncode == 1
    assert done.stderr == "briefing pdf: no briefing named 'nope'; the briefings are: briefing\n"
