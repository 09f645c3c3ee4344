"""Script injection: a payload in every field an editor or a source controls, and a chapter's
own ``<script>``, never runs in Chromium, while the site's own scripts still do."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from briefing.render.csp import inline_code, policy
from conftest import VIEWPORT, Project, project_factory, settle
from pdfread import read_pdf

PAYLOAD = "x</title><script>alert(2)</script>"
# Its second line holds control characters: NUL, ESC, a bidi override and isolate, C1 NEL.
SEED = (
    f"Sales {PAYLOAD} rose 5 percent. Exports rose 7 percent.\n"
    "End\x00 \x1b[31mred \u202eevil\u2069 \x85.\n"
)
SHOWN_LINE = "End⟨U+0000⟩ ⟨U+001B⟩[31mred ⟨U+202E⟩evil⟨U+2069⟩ ⟨U+0085⟩."
SOURCES = f"""\
demo:
  file: seed.txt
  sha256: {hashlib.sha256(SEED.encode()).hexdigest()}
  title: "{PAYLOAD} Bob's report"
  publisher: "{PAYLOAD} press"
  author: "{PAYLOAD} author"
  published: "2025-07-13"
  date_note: "{PAYLOAD} date\\u202e"
  url: "https://example.com/{PAYLOAD}"
  language: en
"""
FACTS = f"""\
- id: market.growth.2024
  subject: "{PAYLOAD} growth"
  value: 5
  unit: percent
  period: undated
  kind: actual
  geo: "{PAYLOAD} geo"
  source: demo
  quote: "Sales {PAYLOAD} rose 5 percent"
  note: "{PAYLOAD} note"
  reading: "{PAYLOAD} fact reading"
  tags: ["{PAYLOAD}"]
- id: market.exports.2024
  subject: "{PAYLOAD} growth"
  value: 7
  unit: percent
  period: undated
  kind: forecast
  geo: "{PAYLOAD} geo"
  source: demo
  quote: "Exports rose 7 percent"
- id: market.growth.claim
  claim: "{PAYLOAD} claim"
  subject: "{PAYLOAD} subject"
  source: demo
  quote: "Sales {PAYLOAD} rose"
  kind: actual
  geo: "{PAYLOAD} geo"
  note: "{PAYLOAD} claim note"
  said_by: "{PAYLOAD}"
  data_from: "{PAYLOAD}"
  reading: "{PAYLOAD} reading"
  tags: ["{PAYLOAD}"]
"""
CHARTS = f"""\
growth:
  title: "{PAYLOAD} chart"
  mark: bar
  facts: [market.growth.2024, market.exports.2024]
  labels:
    market.growth.2024: "{PAYLOAD} label\\u202e"
  series:
    market.exports.2024: "{PAYLOAD} series"
  x: label
  y: value
  alt: "{PAYLOAD} alt"
"""
DISAGREEMENTS = f"""\
growth-and-exports:
  facts: [market.growth.2024, market.exports.2024]
  kind: different-scopes
  title: "{PAYLOAD} case\\u202e"
  explanation: "{PAYLOAD} [x](javascript:alert(7)) {{{{ 7 * 7 }}}} explanation\\u202e"
"""
INDEX = (
    "# Home\n\n"
    'Sales grew {{ fact("market.growth.2024") }}, exports {{ fact("market.exports.2024") }}.\n\n'
    'Sales grew.{{ claim("market.growth.claim") }} Both.'
    '{{ cite("market.growth.2024", "market.growth.claim") }}\n\n'
    '{{ chart("growth") }}\n\n'
    "<script>alert(5)</script>\n\n"
    '<img src="data:," alt="" onerror="alert(6)">\n'
)
# Where every page kind of the tiny site is, and the payload's fields it shows.
PAGES = ("", "sources/demo/", "sources/", "facts/", "differences/")


BRIEFING = f"""\
      briefings:
        - file: pdf/briefing.pdf
          title: "{PAYLOAD} briefing"
          subtitle: "{PAYLOAD} subtitle"
          label: "{PAYLOAD} \\"label\\""
          keywords: ["{PAYLOAD}"]
"""


def hostile_site(project: Callable[..., Project], pdf: bool = False) -> Project:
    proj = project(index=INDEX, facts=FACTS, pdf=pdf, options=BRIEFING if pdf else "")
    proj.write("seeds/seed.txt", SEED)
    proj.write("facts/sources.yaml", SOURCES)
    proj.write("facts/charts.yaml", CHARTS)
    proj.write("facts/disagreements.yaml", DISAGREEMENTS)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    return proj


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The hostile tiny site (no PDF) built once, for the tests that only read it."""
    return hostile_site(project_factory(tmp_path_factory.mktemp("hostile")))


@contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


CSP_LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


@pytest.mark.browser
def test_no_injected_script_runs_and_the_sites_own_scripts_do(
    browser: Browser, hostile: Project
) -> None:
    proj = hostile
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(CSP_LISTENER)
    dialogs: list[str] = []
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        with served(proj.root / "build") as base:
            for rel in PAGES:
                errors.clear()
                settle(page, base + rel)
                expect(page.locator(".md-content")).to_contain_text(PAYLOAD)
                chapter = rel == ""  # the home page holds the chapter's own <script>
                assert page.locator("script:not([src]):not([type])").evaluate_all(
                    "els => els.map(e => e.textContent).filter(t => t.includes('alert'))"
                ) == (["alert(5)"] if chapter else [])
                # Refused by the policy (the element and the handler), and said so in the console;
                # nothing else is refused.
                violations = page.evaluate("window.__violations")
                refused = ["script-src-elem inline", "script-src-attr inline"]
                assert violations == (refused if chapter else []), rel
                assert len(errors) == len(violations), errors
                assert all("Content Security Policy" in error for error in errors), errors
            settle(page, base + "sources/demo/")
            assert page.title() == f"{PAYLOAD} Bob's report - Demo"
            settle(page, base)
            # The site's own code still works: a fact card, the interactive chart, search.
            fact = page.locator("span.fact").first
            fact.hover()
            expect(fact.locator(".fact-card")).to_be_visible()
            expect(fact.locator(".fact-card")).to_contain_text(f"{PAYLOAD} fact reading")
            for marker in page.locator("span.fact.cites").all():  # claim() and cite()
                marker.hover()
                expect(marker.locator(".fact-card")).to_be_visible()
                expect(marker.locator(".fact-card")).to_contain_text(f"{PAYLOAD} claim")
                expect(marker.locator(".fact-card")).to_contain_text(f"{PAYLOAD} reading")
            page.mouse.move(0, 0)  # the last card closes
            chart = page.locator("figure.chart").first
            chart.hover()
            expect(chart).to_have_attribute("data-interactive", "ready")
            chart.locator(".role-mark path").first.hover()
            expect(page.locator("#vg-tooltip-element")).to_contain_text(PAYLOAD)
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially("press", delay=20)
            expect(page.locator(".md-search-result__item").first).to_be_visible()
            assert page.evaluate("window.__violations") == refused
        assert dialogs == []
    finally:
        context.close()


def test_titles_are_escaped_once_in_the_head(hostile: Project) -> None:
    head = hostile.html("sources/demo/index.html").split("</head>")[0]
    text = "x&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; Bob"
    assert re.findall(r"<title>.*</title>", head) == [f"<title>{text}&#39;s report - Demo</title>"]
    assert re.findall(r'<meta property="og:title" content="[^"]*">', head) == [
        f'<meta property="og:title" content="{text}&#x27;s report · Demo">'
    ]
    assert re.findall(r'<meta name="twitter:title" content="[^"]*">', head) == [
        f'<meta name="twitter:title" content="{text}&#x27;s report · Demo">'
    ]


def test_what_the_site_writes_holds_the_text_inert(hostile: Project) -> None:
    proj = hostile
    escaped = "x&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
    home = proj.html("index.html")
    # The drawing's text (vl-convert's SVG) and the spec's JSON, which "<" cannot close.
    svg = re.search(r'<div class="chart-svg".*?</svg>', home, re.S)
    assert svg and "<script" not in svg.group(0)
    drawn = svg.group(0)  # a bar's label wrapped whole, never cut; its control character shown
    assert f">{escaped}</tspan>" in drawn and ">label⟨U+202E⟩</tspan>" in drawn, drawn
    spec = re.search(r'<script type="application/json" class="chart-spec">(.*?)</script>', home)
    assert spec and "<" not in spec.group(1)
    assert json.loads(spec.group(1))["title"]["text"] == [f"{PAYLOAD} chart"]  # its lines
    # Control characters are shown, never written raw; the data files keep the text as it is.
    assert not CONTROL.search(home), CONTROL.findall(home)
    assert f"{PAYLOAD} label\u202e" in proj.html("data/charts/growth.csv")
    assert f"{PAYLOAD} reading" in proj.html("data/claims.csv")
    claims = re.search(
        r'<table class="claims-table".*?</table>', proj.html("facts/index.html"), re.S
    )
    assert claims and "<script" not in claims.group(0) and f"{escaped} claim" in claims.group(0)
    notes = re.search(r'<div class="source-notes">.*?</details>', home, re.S)
    assert notes and "<script" not in notes.group(0) and f"{escaped} reading" in notes.group(0)
    source = proj.html("sources/demo/index.html")
    assert f"<p>{SHOWN_LINE}</p>" in source
    assert f"<dd>{escaped} date⟨U+202E⟩</dd>" in source
    assert not CONTROL.search(source), CONTROL.findall(source)
    # Where sources differ: the case's title and the editors' explanation, as text.
    differ = proj.html("differences/index.html")
    assert f'id="case-growth-and-exports"></span>{escaped} case⟨U+202E⟩</h3>' in differ
    explained = f"<p>{escaped} [x](javascript:alert(7)) {{{{ 7 * 7 }}}} explanation⟨U+202E⟩</p>"
    assert explained in differ
    assert f"Where sources differ: {escaped} case⟨U+202E⟩" in home  # card, note, caption
    assert not CONTROL.search(differ), CONTROL.findall(differ)


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_pdf_metadata_and_text_hold_the_text_as_it_is(project: Callable[..., Project]) -> None:
    proj = hostile_site(project, pdf=True)
    reader = PdfReader(proj.root / "build" / "pdf" / "briefing.pdf")
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.subject) == (f"{PAYLOAD} briefing", f"{PAYLOAD} subtitle")
    assert meta["/Keywords"] == PAYLOAD
    text = " ".join(page.extract_text() for page in reader.pages)
    assert f"{PAYLOAD} Bob's report" in " ".join(text.split())
    assert "&lt;" not in text and "&amp;" not in text and "&#" not in text
    assert "date⟨U+202E⟩" in text and not CONTROL.search(text)
    assert f"Where sources differ: {PAYLOAD} case⟨U+202E⟩" in " ".join(text.split())
    # The download link every page carries.
    escaped = "x&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
    label = f"{escaped} &#34;label&#34;"
    assert (
        f'<a href="pdf/briefing.pdf" class="briefing-download" title="{escaped} briefing: '
        f'{label} (PDF)" download>'
    ) in proj.html("index.html")
    assert f"<span>{label}</span>" in proj.html("index.html")


FRONT_MATTER = f"""\
---
title: "{PAYLOAD} & co"
description: 'd" onmouseover="alert(3)'
author: "<b>a</b>"
---
# Home

{{{{ fact("market.production.2024") }}}} and {{{{ fact("parts.exports.2024") }}}}.
"""


def test_front_matter_text_is_escaped_where_material_prints_it(
    project: Callable[..., Project],
) -> None:
    proj = project(index=FRONT_MATTER)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    html = proj.html("index.html")
    head = html.split("</head>")[0]
    title = "x&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; co"
    assert re.findall(r"<title>.*</title>", head) == [f"<title>{title} - Demo</title>"]
    assert re.findall(r'<meta name="(?:description|author)" content="[^"]*">', head) == [
        '<meta name="description" content="d&quot; onmouseover=&quot;alert(3)">',
        '<meta name="author" content="&lt;b&gt;a&lt;/b&gt;">',
    ]
    assert re.findall(r'<meta property="og:(?:title|description)" content="[^"]*">', head) == [
        '<meta property="og:title" content="Demo">',  # the home page is the site's
        '<meta property="og:description" content="d&quot; onmouseover=&quot;alert(3)">',
    ]
    assert "<script>alert" not in html and "<b>a</b>" not in html
    assert html.count(title) == 2  # <title> and the header (the nav names it Home)


NAV_FRONT_MATTER = """\
---
subtitle: "<img src=x onerror=alert(7)>"
status: 'new" onmouseover="alert(1)" x="'
description: 'd" onmouseover="alert(3)'
---
# Home

{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.
"""


def test_front_matter_material_shows_in_the_navigation_is_text(
    project: Callable[..., Project],
) -> None:
    proj = project(index=NAV_FRONT_MATTER)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    html = proj.html("index.html")
    assert (
        re.findall(r"<small>[^<]*</small>", html)
        == ["<small>&lt;img src=x onerror=alert(7)&gt;</small>"] * 2
    )  # the navigation, as a drawer and as a sidebar
    assert (
        re.findall(r'<span class="md-status[^>]*>', html)
        == [
            '<span class="md-status md-status--new&quot; onmouseover=&quot;alert(1)&quot; '
            'x=&quot;">'
        ]
        * 2
    )
    assert "<img src=x" not in html and 'onmouseover="' not in html


def test_front_matter_material_cannot_show_fails_the_build_in_one_line(
    project: Callable[..., Project],
) -> None:
    proj = project(index="---\ntitle: ['\"><i id=PWN>']\nicon: ../../etc/passwd\n---\n# Home\n")
    done = proj.mkdocs_build()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    said = [line for line in done.stderr.splitlines() if line.startswith("docs/index.md:")]
    assert said[:2] == [
        "docs/index.md:2: front matter 'title' is a list, and is printed as text; write it as text",
        "docs/index.md:3: front matter 'icon: ../../etc/passwd' names no icon of the theme; "
        "name one, such as material/home, or remove it",
    ]


def test_every_inline_script_and_style_of_the_real_site_is_its_own(real_site: Path) -> None:
    """The policy is complete: no page of the real site carries inline code it does not
    allow (the 404 page included), so nothing of its own is blocked."""
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text("utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(found) == 1, path
        scripts, styles = inline_code(html)
        assert _allows(found[0], scripts, styles), path


def _allows(csp: str, scripts: list[str], styles: list[str]) -> bool:
    """Whether ``csp`` allows every one of these inline scripts and styles."""
    rules = {rule.split(" ", 1)[0]: set(rule.split()[1:]) for rule in csp.split("; ")}
    needed = {
        rule.split(" ", 1)[0]: set(rule.split()[1:]) for rule in policy(scripts, styles).split("; ")
    }
    return needed["script-src"] <= rules["script-src"] and needed["style-src"] <= rules["style-src"]


def test_a_build_refuses_files_of_docs_a_browser_would_run(
    project: Callable[..., Project],
) -> None:
    """An HTML page, an SVG, a script or a style sheet in docs/ would be the site's own code
    ('self' in the policy), opened directly, framed, redirected to or loaded by a chapter: the
    build fails, naming each, as `briefing check` does (tests/bad_inputs/security.py)."""
    proj = project(index=INDEX_NAMING_FILES)
    for name in ("evil.html", "evil.svg", "evil.js", "evil.css"):
        proj.write(f"docs/{name}", "<script>alert(1)</script>\n")
    done = proj.mkdocs_build()
    assert done.returncode == 1
    refused = [line.split(": ", 1)[0] for line in done.stderr.splitlines() if "in docs/ is" in line]
    assert refused == [f"docs/evil.{kind}:1" for kind in ("css", "html", "js", "svg")]
    assert "Traceback" not in done.stderr
    assert not (proj.root / "build").exists()


INDEX_NAMING_FILES = (
    "# Home\n\n"
    '{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.\n\n'
    '<iframe src="evil.html"></iframe>\n\n<script src="evil.js"></script>\n\n'
    '<link rel="stylesheet" href="evil.css">\n\n<img src="evil.svg" alt="">\n'
)


# A chapter's own style: a figure printed after every heading, its source notes hidden, a
# sentence hidden, a style sheet linked, metadata and a base URL for the PDF; and a handler.
STYLED = (
    "# Home\n\n"
    '{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.\n\n'
    '<style>h1::after{content:" \\34 5\\25  of all cars"} .source-notes{display:none}</style>\n\n'
    '<p style="display:none" onclick="alert(1)">'
    'Qualified as an estimate{{ cite("parts.exports.2024") }}.</p>\n\n'
    '<link rel="stylesheet" href="data:text/css,h2{display:none}">\n\n'
    '<meta name="author" content="Someone else"><base href="https://example.com/">\n\n'
    '## Outlook\n\n!!! analysis "Our reading"\n    More to come.\n'
)


def test_a_chapters_own_style_does_not_reach_the_pdf(project: Callable[..., Project]) -> None:
    proj = project(pdf=True, index=STYLED)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    chapter = next(body for body in pdf.bodies if "More to come" in body)
    # pypdf reads an inline element (<time>, <cite>) of the tagged (PDF/UA) print as its own
    # span, so a space comes before the comma after it; pdftotext, like a reader, sees none.
    assert chapter == (
        "Home As of 13 Jul 2025 , the date of the newest source this page cites. "
        "31.28 million vehicles 1 and about USD 150 billion 2 . Qualified as an estimate 2 . "
        "Outlook EDITORS' ANALYSIS · Our reading More to come. Notes Demo Press, Jul 2025 (see page 4) "
        "1 “31.28 million and 31.44 million units” 2 “China's auto parts exports reached a total "
        "value of about USD150 billion”"
    )
    assert "of all cars" not in pdf.text
    # the PDF's author is the publication's creators (none configured here), never the chapter's
    assert pdf.reader.metadata is not None and "/Author" not in pdf.reader.metadata
