"""Whole sites: tiny projects built with `mkdocs build --strict`, and the real site."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from briefing_bench.bench import first_visit_kb
from conftest import ROOT, Project, hostile_project
from linkcheck import broken_links

CITING = """\
# Home

Production reached {{ fact("market.production.2024") }}.

Parts exports were worth {{ fact("parts.exports.2024") }}; production again: {{ fact("market.production.2024") }}.
"""


def test_cited_numbers_render_with_numbered_citations(project: Callable[..., Project]) -> None:
    proj = project(index=CITING)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    assert "31.28 million vehicles" in page
    assert "about USD 150 billion" in page
    cites = re.findall(r'<sup class="cite"><a href="([^"]+)" data-note="(\d)"', page)
    assert cites == [("#note-1", "1"), ("#note-2", "2"), ("#note-1", "1")]
    assert '<li id="note-1"><span class="note-no">1</span><q>31.28 million and 31.44' in page
    assert broken_links(proj.root / "build") == []


def test_a_number_in_a_heading_reads_as_text_in_the_contents_and_the_index(
    project: Callable[..., Project],
) -> None:
    proj = project(
        index='# Home\n\n## Output of {{ fact("market.production.2024") }}\n\n'
        '!!! analysis "Our reading"\n    Text.\n'
    )
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("index.html")
    assert re.search(
        r'<span class="md-ellipsis">\s*Output of 31.28 million vehicles\s*</span>', page
    )
    assert '<a href="#output-of-3128-million-vehicles" class="md-nav__link">' in page
    assert (
        '<h2 id="output-of-3128-million-vehicles">Output of '
        '<span class="fact" data-fact="market.production.2024"><button type="button" '
        'class="fact-value" aria-expanded="false" aria-controls="card-1">31.28 million vehicles'
        "</button><sup"
    ) in page
    assert "briefingstash" not in page
    index = (proj.root / "build" / "search" / "search_index.json").read_text("utf-8")
    assert "Output of 31.28 million vehicles" in index and "briefingstash" not in index


def test_source_page_highlights_and_anchors_every_quote(project: Callable[..., Project]) -> None:
    proj = project(index=CITING)
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("sources/demo/index.html")
    assert (
        '<a class="quote-anchor" id="q-market.production.2024"></a>'
        '<mark class="quote" data-facts="market.production.2024" title="market.production.2024">'
        "31.28 million and 31.44 million units</mark>"
    ) in page
    assert 'id="q-parts.exports.2024"' in page
    facts = proj.html("facts/index.html")
    assert '<tr id="market.production.2024" ' in facts
    assert '<tr id="parts.exports.2024" ' in facts


def test_unknown_fact_in_a_page_fails_the_build_naming_page_and_line(
    project: Callable[..., Project],
) -> None:
    proj = project(
        index='# Home\n\nText.\n{{ fact("market.production.2042") }}\n{{ chart("nope") }}\n'
    )
    done = proj.mkdocs_build()
    assert done.returncode == 1
    assert (
        "docs/index.md:4: unknown fact 'market.production.2042'; use an id from facts/*.yaml"
        in done.stderr
    )
    assert "docs/index.md:5: unknown chart 'nope'; declare it in facts/charts.yaml" in done.stderr


def test_hostile_source_text_is_shown_as_text(project: Callable[..., Project]) -> None:
    proj = hostile_project(project)
    assert proj.mkdocs_build().returncode == 0
    for rel in ("index.html", "sources/demo/index.html", "facts/index.html"):
        page = proj.html(rel)
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<b>Growth</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in proj.html("sources/demo/index.html")
    assert "{{ 7 * 7 }}" in proj.html("facts/index.html")


def test_failed_build_leaves_the_previous_build_intact(project: Callable[..., Project]) -> None:
    proj = project(index=CITING)
    assert proj.briefing("build").returncode == 0
    before = {p: p.read_bytes() for p in (proj.root / "build").rglob("*") if p.is_file()}
    proj.write("docs/index.md", '{{ fact("missing.fact") }}\n')
    done = proj.briefing("build")
    assert done.returncode == 1
    assert "build failed; build/ was left as it was" in done.stderr
    after = {p: p.read_bytes() for p in (proj.root / "build").rglob("*") if p.is_file()}
    assert after == before
    assert not list(proj.root.glob(".briefing-*"))


def test_a_built_site_can_be_read_as_any_folder_made_here(project: Callable[..., Project]) -> None:
    proj = project(index=CITING)
    assert proj.briefing("build").returncode == 0
    (proj.root / "plain").mkdir()
    assert (proj.root / "build").stat().st_mode == (proj.root / "plain").stat().st_mode


def test_real_project_checks_clean() -> None:
    done = Project(ROOT).briefing("check")
    assert done.returncode == 0, done.stdout
    assert "all facts verified" in done.stdout


def test_real_site_links_and_anchors_resolve(real_site: Path) -> None:
    assert broken_links(real_site) == []


def test_real_site_cites_and_lists_every_fact(real_site: Path) -> None:
    facts = json.loads((real_site / "data" / "facts.json").read_text("utf-8"))["facts"]
    assert len(facts) >= 15
    listing = (real_site / "facts" / "index.html").read_text("utf-8")
    for fact in facts:
        assert f'<tr id="{fact["id"]}" ' in listing
    chapter = (real_site / "exports" / "index.html").read_text("utf-8")
    cited = set(re.findall(r'data-fact="([^"]+)"', chapter))
    assert len(cited) >= 15
    assert len({f["source"] for f in facts if f["id"] in cited}) >= 2
    assert "<svg" in chapter and 'class="chart"' in chapter


def test_real_site_first_visit_stays_under_the_weight_targets(real_site: Path) -> None:
    # Gzipped page, its scripts and styles and Material's search worker: at most 150 KB for a
    # page without a chart, 200 KB with one. Not counted: vega.js and the search index, which
    # load on a chart's first hover and on the first search (test_browser, test_search).
    weighed = 0
    for page in real_site.rglob("index.html"):
        folder = page.parent.relative_to(real_site).as_posix()
        src_uri = f"{folder}/index.md" if folder != "." else "index.md"
        limit = 200 if "charts.js" in page.read_text("utf-8") else 150
        assert first_visit_kb(real_site, src_uri) <= limit, src_uri
        weighed += 1
    assert weighed >= 15  # chapters, facts, changes and every source page


def test_real_site_loads_nothing_from_other_origins(real_site: Path) -> None:
    loads = re.compile(
        r'<(?:script|img|iframe|source)[^>]*\bsrc="([^"]+)"|<link[^>]*\bhref="([^"]+)"'
    )
    for page in real_site.rglob("*.html"):
        for match in loads.finditer(page.read_text("utf-8")):
            url = match.group(1) or match.group(2)
            assert not re.match(r"(https?:)?//", url), f"{page}: {url}"


def test_tampered_quote_in_a_copy_of_the_real_facts_fails_check(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("build", ".venv", ".git", ".cache"))
    facts = copy / "facts" / "yicai-2025-07.yaml"
    lines = facts.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "31.28 million" in line and "quote:" in line)
    lines[number] = lines[number].replace("31.28 million", "31.29 million")
    facts.write_text("".join(lines), "utf-8")
    done = Project(copy).briefing("check")
    assert done.returncode == 1
    assert f"facts/yicai-2025-07.yaml:{number + 1}: fact '" in done.stdout
    assert "quote not found in seeds/000_d6f805b8ca0b7531.txt" in done.stdout


def test_facts_page_names_topics_as_the_project_does(project: Callable[..., Project]) -> None:
    """Topics read as the project names them, in the order of those names; one left unnamed
    reads as its key, capitalised."""
    proj = project(index=CITING, options="      topics: {parts: Auto parts}\n")
    assert proj.mkdocs_build().returncode == 0
    facts = proj.html("facts/index.html")
    headings = re.findall(r'<h2 id="[^"]*">([^<]*)', facts)
    assert headings == ["Auto parts", "Market"]
    topic = re.search(r'<select name="topic".*?</select>', facts, re.S)
    assert topic
    assert re.findall(r"<option [^>]*>([^<]*)</option>", topic.group(0)) == [
        "All topics",
        "Auto parts (1)",
        "Market (1)",
    ]
