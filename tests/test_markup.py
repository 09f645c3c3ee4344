"""The briefing's markup goes through Python-Markdown's own mechanisms and the site's partials:
another plugin reading ``page.content`` sees the final page, and a theme's ``custom_dir``
overrides a partial. Built as tiny sites."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import markdown

from briefing.render.extension import BriefingMarkup
from briefing.render.placeholders import PageRender
from conftest import Project

HEADED = (
    '# Home\n\n## Output of {{ fact("market.production.2024") }}\n\n'
    '{{ fact("parts.exports.2024") }} rose. A claim{{ cite("market.production.2024") }}\n'
)

# A second plugin (a hook), after the briefing's on_page_content: what it sees of the page.
READER = """\
import json
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-10)
def on_page_content(html, page, config, files):
    if page.file.src_uri != "index.md":
        return html
    toc = [(item.title, item.id, [(c.title, c.id) for c in item.children]) for item in page.toc]
    seen = {"content": html, "toc": toc}
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen))
    return html
"""


def _with(proj: Project, lines: str) -> None:
    path = proj.root / "mkdocs.yml"
    path.write_text(path.read_text("utf-8") + lines, "utf-8")


def test_a_later_plugin_reads_the_final_page_and_its_table_of_contents(
    project: Callable[..., Project],
) -> None:
    proj = project(index=HEADED)
    proj.write("hooks.py", READER)
    _with(proj, "hooks:\n  - hooks.py\n")
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    seen = json.loads((proj.root / "seen.json").read_text("utf-8"))
    content = seen["content"]
    assert "briefingstash" not in content and "wzxhzdk" not in content
    # The final markup: the number's button, its citation and card, the notes, the as-of line.
    assert re.search(
        r'<h2 id="output-of-3128-million-vehicles">Output of <span class="fact" '
        r'data-fact="market.production.2024"><button type="button" class="fact-value" '
        r'aria-expanded="false" aria-controls="card-1">31.28 million vehicles</button>'
        r'<sup class="cite" data-search-exclude="true"><a href="#note-1" data-note="1" aria-describedby="card-1" aria-label="Source 1">1</a></sup>'
        r'<briefing-card class="fact-card" id="card-1" data-search-exclude="true">'
        r'<span class="card-value">31.28 million vehicles</span>.*?</briefing-card></span></h2>',
        content,
    )
    assert '<details class="notes-box" data-search-exclude="true">' in content
    assert re.search(r'</h1>\n<p class="as-of" data-search-exclude="true">As of', content)
    assert seen["toc"] == [
        [
            "Home",
            "home",
            [
                ["Output of 31.28 million vehicles", "output-of-3128-million-vehicles"],
                ["Sources", "sources"],
            ],
        ]
    ]
    # What the reader finally gets is the same page, search's markers taken out by Material.
    page = proj.html("index.html")
    assert 'id="output-of-3128-million-vehicles"' in page and "data-search-exclude" not in page


def test_a_theme_custom_dir_overrides_a_partial(project: Callable[..., Project]) -> None:
    proj = project()
    proj.write(
        "overrides/briefing/fact_card.html",
        '<briefing-card class="fact-card house-card" id="{{ card }}">House: {{ parts }}'
        "</briefing-card>\n",
    )
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    proj.write(
        "mkdocs.yml", mkdocs.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    )
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    cards = re.findall(r'<briefing-card class="fact-card house-card" id="card-\d">House: ', page)
    assert len(cards) == 2
    # The override's text is escaped as the package's own partials escape it.
    assert 'House: <span class="card-value">31.28 million vehicles</span>' in page
    # Another override, and the page is rendered again (the cache knows the overrides).
    proj.write(
        "overrides/briefing/fact_card.html", '<briefing-card id="{{ card }}">Ours</briefing-card>'
    )
    assert proj.mkdocs_build().returncode == 0
    assert proj.html("index.html").count(">Ours</briefing-card>") == 2


def test_a_placeholder_in_an_editors_html_block_gets_its_markup() -> None:
    page = PageRender("docs/x.md", "x.md")
    marker = page.stashed('<sup class="cite">1</sup>')
    extension = BriefingMarkup()
    extension.page = page
    md = markdown.Markdown(extensions=[extension])
    html = md.convert(f'# T\n\n<p class="x">Said so{marker}.</p>\n\nAnd {marker} here.\n')
    assert html == (
        '<h1>T</h1>\n<p class="x">Said so<sup class="cite">1</sup>.</p>\n\n'
        '<p>And <sup class="cite">1</sup> here.</p>'
    )
