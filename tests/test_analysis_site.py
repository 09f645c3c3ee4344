"""The editors' analysis and editorial pages as a reader sees them in a built tiny site."""

from __future__ import annotations

from collections.abc import Callable

from conftest import CITES_ALL, ROOT, Project

ANALYSIS = '\n!!! analysis "Our reading"\n    The editors think growth will slow.\n'
EDITORIAL = "---\nsourcing: editorial\n---\n\n# About\n\nWe wrote this page ourselves.\n"


def test_analysis_block_and_editorial_page_are_marked(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL + ANALYSIS)
    proj.write("docs/about.md", EDITORIAL)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    home = proj.html("index.html")
    # The plugin turns on the admonition extension, so the block is one, with its own class.
    assert '<div class="admonition analysis">' in home
    assert '<p class="admonition-title">Our reading</p>' in home
    about = proj.html("about/index.html")
    assert '<p class="editorial-text"><strong>Editors\' text.</strong>' in about
    assert "editorial-text" not in home
    css = (ROOT / "scripts/briefing/assets/briefing.css").read_text("utf-8")
    assert "--md-admonition-icon--analysis" in css and 'content: "Editors\' analysis"' in css
