"""The editors' analysis and editorial pages as a reader sees them in a built tiny site."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser

from conftest import CITES_ALL, ROOT, VIEWPORT, Project
from pdfread import read_pdf

ANALYSIS = '\n!!! analysis "Our reading"\n    The editors think growth will slow.\n'
FOLDED = '\n??? analysis "More of it"\n    Folded away, and still the editors\'.\n'
EDITORIAL = "---\nsourcing: editorial\n---\n\n# About\n\nWe wrote this page ourselves.\n"


def test_analysis_block_and_editorial_page_are_marked(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL + ANALYSIS + FOLDED)
    proj.write("docs/about.md", EDITORIAL)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    home = proj.html("index.html")
    assert '<details class="analysis">\n<summary>More of it</summary>' in home
    # The plugin turns on the admonition extension, so the block is one, with its own class.
    assert '<div class="admonition analysis">' in home
    assert '<p class="admonition-title">Our reading</p>' in home
    about = proj.html("about/index.html")
    assert '<p class="editorial-text"><strong>Editors\' text.</strong>' in about
    assert "editorial-text" not in home
    css = (ROOT / "scripts/briefing/assets/briefing.css").read_text("utf-8")
    assert "--md-admonition-icon--analysis" in css and 'content: "Editors\' analysis"' in css


STYLE = """([kind, scheme]) => {
  document.body.setAttribute("data-md-color-scheme", scheme);
  const title = document.querySelector(`.admonition.${kind} > .admonition-title`);
  const box = getComputedStyle(title.parentElement);
  return {
    border: box.borderLeftColor,
    label: getComputedStyle(title, "::after").content,
    icon: getComputedStyle(title, "::before").maskImage
      || getComputedStyle(title, "::before").webkitMaskImage,
  };
}"""


@pytest.mark.browser
def test_analysis_block_looks_unlike_a_sourced_block(
    browser: Browser, project: Callable[..., Project]
) -> None:
    note = '\n!!! note "A note"\n    Sourced text {{ fact("parts.exports.2024") }}.\n'
    proj = project(index=CITES_ALL + ANALYSIS + note)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto((proj.root / "build" / "index.html").as_uri())
        for scheme in ("default", "slate"):
            ours = page.evaluate(STYLE, ["analysis", scheme])
            theirs = page.evaluate(STYLE, ["note", scheme])
            assert ours["border"] != theirs["border"], scheme
            assert ours["label"] == '"Editors\' analysis"', scheme
            assert "data:image/svg+xml" in ours["icon"] and ours["icon"] != theirs["icon"]
        light = page.evaluate(STYLE, ["analysis", "default"])["border"]
        assert light != page.evaluate(STYLE, ["analysis", "slate"])["border"]
    finally:
        context.close()


def test_pdf_labels_the_analysis_and_the_editorial_page(project: Callable[..., Project]) -> None:
    proj = project(pdf=True, index=CITES_ALL + ANALYSIS)
    proj.write("docs/about.md", EDITORIAL)
    proj.write(
        "mkdocs.yml", proj.root.joinpath("mkdocs.yml").read_text("utf-8") + "  - About: about.md\n"
    )
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    text = " ".join(read_pdf(proj.root / "build" / "pdf" / "briefing.pdf").bodies)
    assert "EDITORS' ANALYSIS · Our reading The editors think growth will slow." in text
    assert "Editors' text. This page is the editors' own writing" in text


def test_build_reports_a_page_with_front_matter_at_its_source_lines(
    project: Callable[..., Project],
) -> None:
    page = "---\ntitle: Home\n---\n\n" + CITES_ALL + "\nExports rose 12 percent.\n\nWe think so.\n"
    done = project(index=page).mkdocs_build()
    assert done.returncode == 1
    assert 'docs/index.md:9: number "12 percent" typed by hand' in done.stderr
    assert 'docs/index.md:11: sentence cites no fact or claim: "We think so."' in done.stderr
    assert "Exports rose" not in done.stderr  # the typed number is its problem
