"""Bad input that would reach the site as markup, code, a path or an empty figure: chart ids
that are not plain words (one would write a folder or an element, one a path out of
data/charts/), a chart with no facts, files of docs/ a browser would run as the site's own,
front matter Material cannot show as text or that names no file of the theme, and line breaks
in text shown as one line."""

from __future__ import annotations

from bad_inputs.base import MARKET, SOURCES, case, edit, market, page
from conftest import CITES_ALL, FACTS, MKDOCS, UNITS, sources_yaml

CHARTS = "facts/charts.yaml"
ID_RULE = (
    "id must be lowercase letters, digits, '-' and '_', such as exports-2024 "
    "(it names the chart's files in data/charts/)"
)

# A range that verifies, listed on the facts page only (tag background)
RANGE = """\
- id: russia.exports.change
  subject: Direct exports to Russia
  value: [30, 40]
  unit: percent
  period: undated
  kind: actual
  geo: Russia
  source: demo
  quote: "plunged 30 percent to 40 percent"
  tags: [background]
"""


def chart(cid: str, facts: str = "[market.production.2024]") -> str:
    """A chart declaration of 7 lines, its id on the first."""
    return (
        f"{cid}:\n  title: Output\n  mark: bar\n  facts: {facts}\n"
        "  x: label\n  y: value\n  alt: Production as a bar.\n"
    )


def published(kind: str, path: str) -> str:
    """What `briefing check` says of a file of docs/ a browser could run (``kind``: "a .js file")."""
    return (
        f"{path}:1: {kind} in docs/ is published as the site's own, and a browser may run it as "
        "code or style; remove it (docs/ holds pages in Markdown, images (.png, .jpg, .jpeg, "
        ".gif, .webp), CSV, audio and video), or, if it is the site's own script or style "
        "sheet, list it under extra_javascript or extra_css in mkdocs.yml"
    )


SCRIPT = "<script>alert(1)</script>\n"
# docs/index.md naming each file as a chapter could: a frame, a redirect, a script, a style sheet
NAMING = (
    '\n<iframe src="evil.html"></iframe>\n\n<meta http-equiv="refresh" content="0; url=evil.htm">'
    '\n\n<script src="evil.js"></script>\n\n<link rel="stylesheet" href="evil.css">\n'
)
OWN_CODE = MKDOCS.format(pdf="false", options="").replace(
    "nav:", "extra_javascript: [js/own.js]\nextra_css: [./own.css]\nnav:"
)


UNITS_FILE = "facts/units.yaml"
BREAK = "'{}' has a line break; write it on one line (it is shown as one, as a heading or a name)"


def shown(*ids: str) -> dict[str, str | bytes | None]:
    """docs/index.md citing both facts and showing each chart (from line 4 on)."""
    return page("".join(f'\n{{{{ chart("{cid}") }}}}\n' for cid in ids))


CASES = [
    case(
        "chart-id-with-markup",
        {CHARTS: chart('"x\\"><script>alert(1)</script>"')},
        f"{CHARTS}:1: chart 'x\"><script>alert(1)</script>': {ID_RULE}",
    ),
    case(
        "chart-id-climbing-out",
        {CHARTS: chart('"../../.."')},
        f"{CHARTS}:1: chart '../../..': {ID_RULE}",
    ),
    case(
        "chart-id-with-terminal-escape",
        {CHARTS: chart('"\\e[2Jx"')},
        f"{CHARTS}:1: chart '⟨U+001B⟩[2Jx': {ID_RULE}",
    ),
    case(
        "chart-id-with-capitals-and-spaces",
        {CHARTS: chart('"Output 2024"') + chart("output"), **shown("output")},
        f"{CHARTS}:1: chart 'Output 2024': {ID_RULE}",
    ),
    case(
        "chart-without-facts",
        {CHARTS: chart("output", "[]"), **shown("output")},
        f"{CHARTS}:4: chart 'output': has no fact to draw (ranges are not drawn); "
        "list the facts in 'facts'",
    ),
    case(
        "chart-selecting-only-a-range",
        {
            CHARTS: chart("output", "x").replace("facts: x", "select: {tag: background}"),
            MARKET: FACTS + RANGE,
            **shown("output"),
        },
        f"{CHARTS}:4: chart 'output': has no fact to draw (ranges are not drawn); "
        "list the facts in 'facts'",
    ),
    case(
        "docs-files-a-browser-runs",
        {
            **page(NAMING),
            "docs/evil.html": SCRIPT,
            "docs/evil.htm": SCRIPT,
            "docs/evil.svg": f'<svg xmlns="http://www.w3.org/2000/svg">{SCRIPT}</svg>',
            "docs/evil.js": "alert(1)\n",
            "docs/sub/evil.MJS": "alert(1)\n",
            "docs/evil.css": ".source-notes{display:none}\n",
            "docs/evil.xml": SCRIPT,
            "docs/evil.txt": "alert(1)\n",  # run by <script src> as readily as a .js
            "docs/evil.json": "alert(1)\n",
            "docs/LICENSE": "alert(1)\n",
        },
        published("a file without an extension", "docs/LICENSE"),
        published("a .css file", "docs/evil.css"),
        published("a .htm file", "docs/evil.htm"),
        published("a .html file", "docs/evil.html"),
        published("a .js file", "docs/evil.js"),
        published("a .json file", "docs/evil.json"),
        published("a .svg file", "docs/evil.svg"),
        published("a .txt file", "docs/evil.txt"),
        published("a .xml file", "docs/evil.xml"),
        published("a .mjs file", "docs/sub/evil.MJS"),
    ),
    case(
        "docs-code-but-the-sites-own",
        {
            "mkdocs.yml": OWN_CODE,
            "docs/js/own.js": "console.log(1)\n",
            "docs/own.css": "h1{color:red}\n",
            "docs/img/logo.png": b"\x89PNG\r\n\x1a\n",
            "docs/data/table.csv": "a,b\n",
            "docs/.hidden.js": "alert(1)\n",  # not published: MkDocs leaves out dot files
            "docs/js/other.js": "alert(1)\n",
        },
        published("a .js file", "docs/js/other.js"),
    ),
    case(
        "front-matter-not-text-or-naming-no-file-of-the-theme",
        {
            "docs/index.md": "---\ntitle: ['\"><i id=PWN>']\nauthor: {a: '\"><i>'}\n"
            "icon: ../../../../etc/passwd\ntemplate: nothere.html\nhide: [toc]\n---\n" + CITES_ALL,
            "docs/other.md": "---\nicon: material/home\ntemplate: main.html\n---\n# Other\n",
        },
        "docs/index.md:2: front matter 'title' is a list, and is printed as text; write it as text",
        "docs/index.md:3: front matter 'author' is a mapping, and is printed as text; "
        "write it as text",
        "docs/index.md:4: front matter 'icon: ../../../../etc/passwd' names no icon of the "
        "theme; name one, such as material/home, or remove it",
        "docs/index.md:5: front matter 'template: nothere.html' names no template of the "
        "theme; name one, such as main.html, or remove it",
    ),
    case(
        "line-break-in-one-line-text",
        {
            SOURCES: edit("title: Demo source", 'title: "T1\\n\\n    INJ_CODE"', sources_yaml())
            + '  author: "A\\nB"\n',
            **market("  geo: China\n", '  geo: "China\\n# Heading"\n  tags: [ok, "a\\nb"]\n'),
            "facts/units.yaml": UNITS.read_text("utf-8").replace(
                "plural: vehicles,", 'plural: "vehicles\\n",'
            ),
            CHARTS: chart("output").replace(
                "x: label", 'x: label\n  labels: {market.production.2024: "P\\nQ"}'
            ),
            **shown("output"),
        },
        f"{UNITS_FILE}:5: unit 'vehicles': {BREAK.format('plural')}",
        f"{SOURCES}:4: source 'demo': {BREAK.format('title')}",
        f"{SOURCES}:8: source 'demo': {BREAK.format('author')}",
        f"{MARKET}:7: fact 'market.production.2024': {BREAK.format('geo')}",
        f"{MARKET}:8: fact 'market.production.2024': {BREAK.format('tags')}",
        f"{CHARTS}:6: chart 'output': {BREAK.format('labels: market.production.2024')}",
    ),
    case(
        "docs-file-reported-with-the-pages-after-the-facts",
        {**market("  geo: China\n", '  geo: "China\\n"\n'), "docs/evil.js": "alert(1)\n"},
        f"{MARKET}:7: fact 'market.production.2024': {BREAK.format('geo')}",
        published("a .js file", "docs/evil.js"),
    ),
]
