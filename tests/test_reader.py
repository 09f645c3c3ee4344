"""What a reader gets around each number, built in tiny sites: the card, the "as of" line,
a search entry per fact, and link previews."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

import markdown

from briefing.render.extension import BriefingMarkup
from briefing.render.placeholders import PageRender
from briefing.render.search import with_fact_entries
from conftest import Project


def test_fact_card_carries_value_period_kind_source_and_quote(
    project: Callable[..., Project],
) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("index.html")
    fact = re.search(
        r'<span class="fact" data-fact="market.production.2024">.*?</briefing-card>', page
    )
    assert fact, "no card on the cited number"
    html = fact.group(0)
    link = re.search(r'<a href="([^"]+)" data-note="1" aria-describedby="(card-\d+)"', html)
    assert link and link.group(1) == "#note-1"  # to its note; the card and the note lead on
    card = re.search(
        rf'<briefing-card class="fact-card" id="{link.group(2)}">(.*)</briefing-card>', html
    )
    assert card, "the citation does not describe itself by its card"
    text = unescape(re.sub(r"<[^>]+>", "|", card.group(1)))
    parts = [p for p in text.split("|") if p.strip()]
    assert parts == [
        "31.28 million vehicles",
        "China's automobile production · undated; reported 13 Jul 2025 · actual · China",
        "31.28 million and 31.44 million units",
        "Demo source, Demo Press, 2025-07-13",
        "See the passage",
    ]
    passage = 'href="sources/demo/#q-market.production.2024"'
    assert f'<a class="card-link" {passage}' in card.group(1)
    note = re.search(r'<li id="note-1">(.*?)</li>', page, re.DOTALL)
    assert note and f'<a class="note-passage" {passage}>See the passage</a>' in note.group(1)
    ids = re.findall(r'\bid="(card-\d+)"', page)
    assert len(ids) == len(set(ids)) == 2


def test_chapter_says_as_of_its_newest_source(project: Callable[..., Project]) -> None:
    intro = '!!! analysis "Intro"\n    The editors introduce the page.\n'
    proj = project(index=f"# Home\n\n{intro}\n{{{{ fact('market.production.2024') }}}}\n")
    proj.write("docs/plain.md", "---\nsourcing: editorial\n---\n\n# Plain\n\nNo numbers here.\n")
    assert proj.mkdocs_build().returncode == 0
    home = proj.html("index.html")
    assert re.search(
        r'</h1>\s*<p class="as-of">As of <time datetime="2025-07-13">13 Jul 2025</time>, '
        r"the date of the newest source this page cites.</p>",
        home,
    )
    assert 'class="as-of"' not in proj.html("plain/index.html")


def test_freshness_line_and_notes_go_under_their_headings_at_any_level() -> None:
    # As with `toc: baselevel: 2`: the title is an h2 and "## Sources" an h3.
    page = PageRender("docs/x.md", "x.md", as_of='<p class="as-of">As of 2025</p>')
    notes = page.stashed("<ol><li>quote</li></ol>")
    extension = BriefingMarkup()
    extension.page = page
    md = markdown.Markdown(
        extensions=[extension, "toc"], extension_configs={"toc": {"baselevel": 2}}
    )
    placed = md.convert(f"# Title\n\nText.\n\n## Sources\n\n{notes}\n")
    assert placed == (
        '<h2 id="title">Title</h2>\n<p class="as-of">As of 2025</p>\n<p>Text.</p>\n'
        '<h3 id="sources">Sources</h3>\n<ol><li>quote</li></ol>'
    )


def test_fact_entries_join_the_end_of_materials_index_whatever_its_shape() -> None:
    entry = '{"location":"facts/#a","title":"A: 1 unit","text":"2024"}'
    material = '{"config":{"lang":["en"]},"docs":[{"location":"","title":"Home","text":""}]}'
    assert json.loads(with_fact_entries(material, entry)) == {
        "config": {"lang": ["en"]},
        "docs": [
            {"location": "", "title": "Home", "text": ""},
            {"location": "facts/#a", "title": "A: 1 unit", "text": "2024"},
        ],
    }
    assert (
        with_fact_entries('{"config":{},"docs":[]}', entry) == f'{{"config":{{}},"docs":[{entry}]}}'
    )
    assert with_fact_entries('{"config":{},"docs":[]}', "") == '{"config":{},"docs":[]}'
    # Another order of keys (not Material's today) is read as JSON, not as text.
    reordered = '{"docs":[],"config":{"lang":["en"]}}'
    assert with_fact_entries(reordered, entry) == (
        f'{{"config":{{"lang":["en"]}},"docs":[{entry}]}}'
    )


def test_every_fact_is_its_own_search_entry(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    index = json.loads((proj.root / "build" / "search" / "search_index.json").read_text("utf-8"))
    entries = {d["location"]: d for d in index["docs"] if d["location"].startswith("facts/#")}
    fact_entries = sorted(loc for loc in entries if "." in loc)  # topics are sections too
    assert fact_entries == ["facts/#market.production.2024", "facts/#parts.exports.2024"]
    entry = entries["facts/#parts.exports.2024"]
    assert entry["title"] == "Chinese auto parts exports (value): about USD 150 billion"
    assert entry["text"] == (
        "undated; reported 13 Jul 2025 · actual · China · Demo Press. "
        "“China's auto parts exports reached a total value of about USD150 billion”"
    )
    # Said once: the quote is in the fact's entry and in the source's text, not again in the
    # facts table, the chapter's cards and notes, or the source page's list of its facts.
    quote = "reached a total value of about USD150 billion"
    holding = sorted(d["location"] for d in index["docs"] if quote in d["text"])
    assert holding == ["facts/#parts.exports.2024", "sources/demo/#archived-text"]
    home = [d for d in index["docs"] if d["location"] == ""]
    assert home and "Demo Press" not in home[0]["text"]
    # A number searched for finds the facts that state it, not citation markers.
    assert "<sup>" not in home[0]["text"]
    # The sections stay findable by their headings, with nothing repeated under them.
    assert entries["facts/#market"]["text"] == ""
    assert [d["text"] for d in index["docs"] if d["location"] == "#sources"] == [""]


def test_pages_carry_open_graph_metadata(project: Callable[..., Project]) -> None:
    """og:locale is the theme's language as Open Graph writes it (the `locale` option, unset
    here, would say otherwise)."""
    proj = project()
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    proj.write(
        "mkdocs.yml",
        mkdocs.replace(
            "site_name: Demo\n",
            "site_name: Demo\nsite_url: https://example.org/brief\nsite_description: A <demo> & more\n",
        ).replace("  font: false\n", "  font: false\n  language: pt-BR\n"),
    )
    assert proj.mkdocs_build().returncode == 0
    head = proj.html("facts/index.html").split("</head>")[0]
    tags = dict(
        re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', head)
    )
    assert tags == {
        "og:type": "article",
        "og:site_name": "Demo",
        "og:title": "Facts · Demo",
        "og:description": "A &lt;demo&gt; &amp; more",
        "og:locale": "pt_BR",
        "og:url": "https://example.org/brief/facts/",
        "twitter:card": "summary",
        "twitter:title": "Facts · Demo",
        "twitter:description": "A &lt;demo&gt; &amp; more",
    }
