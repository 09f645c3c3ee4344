"""Bad input in pages: Jinja beyond fact() and chart(), numbers typed by hand in any spelling,
and mistakes whose consequences must stay silent while independent ones are still reported."""

from __future__ import annotations

from bad_inputs.base import INDEX, MARKET, ONLY, SOURCES, case, page
from conftest import CITES_ALL, FACTS, UNITS, sources_yaml

CHARTS = "facts/charts.yaml"
TYPED = 'typed by hand; cite a fact instead: {{ fact("id") }}'
ALONE = "pages stand alone"
# A chart of both facts labelling each: every line of it rests on the facts being valid.
LABELLED = """\
parts:
  title: Auto parts exports
  alt: Bars of the auto parts exports
  mark: bar
  x: label
  y: value
  facts: [parts.exports.2024]
  labels: {parts.exports.2024: Parts}
production:
  title: Production
  alt: Bars of production
  mark: bar
  x: label
  y: value
  facts: [market.production.2024]
  labels: {market.production.2024: Made}
  series: {market.production.2024: China}
"""
SHOWN = '{{ chart("parts") }}\n{{ chart("production") }}\n'
BAD_MARK = "other:\n  title: Other\n  alt: Bars\n  mark: pie\n  x: label\n  y: value\n"
BAD_MARK += "  facts: [parts.exports.2024]\n"
SOURCE_KEYS = (
    "file, sha256, title, publisher, published, language, author, url, date_note, kind, "
    "method, key, period, columns"
)


# Charts that reach the production fact by select and by rule, and one typing a number.
REACHING = """\
selected:
  title: Selected
  alt: Bars of what is selected
  mark: bar
  x: label
  y: value
  select: {unit: vehicles}
ruled:
  title: Parts against production, 12 percent
  alt: Bars of parts
  mark: bar
  x: label
  y: value
  facts: [parts.exports.2024]
  rule: market.production.2024
"""
UNITS_TEXT = UNITS.read_text("utf-8")
VEHICLES = "vehicles: {style: count, singular: vehicle, plural: vehicles, aliases: [unit, units]}"


def not_available(what: str) -> str:
    return f"{what} is not available in pages; {ONLY}"


CASES = [
    # --- the sandbox: what README documents and nothing else ------------------------------------
    case(
        "recursive-macro",
        page("{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}\n"),
        f"{INDEX}:4: {not_available(repr('{% macro %}'))}",
    ),
    case(
        "page-includes-itself",
        page('{% include "docs/index.md" %}\n'),
        f"{INDEX}:4: cannot include 'docs/index.md'; {ALONE}",
    ),
    case(
        "page-imports-and-extends-itself",
        page(
            '{% import "docs/index.md" as me %}\n{% from "docs/index.md" import m %}\n'
            '{% extends "docs/index.md" %}\n{{ me.m() }}\n'
        ),
        f"{INDEX}:4: cannot import 'docs/index.md'; {ALONE}",
        f"{INDEX}:5: cannot import 'docs/index.md'; {ALONE}",
        f"{INDEX}:6: cannot extend 'docs/index.md'; {ALONE}",
    ),
    case(
        "jinja-globals-in-page",
        page(
            "{{ lipsum() }}\n{{ cycler(1, 2) }}\n{{ joiner() }}\n{{ namespace() }}\n"
            "{{ dict(a=1) }}\n{{ range(3) }}\n"
        ),
        *(
            f"{INDEX}:{line}: '{name}' is undefined; {ONLY}"
            for line, name in enumerate(
                ("lipsum", "cycler", "joiner", "namespace", "dict", "range"), 4
            )
        ),
    ),
    case(
        "random-filter-in-page",
        page('{{ fact("market.production.2024")|random }}\n{{ fact("parts.exports.2024")|e }}\n'),
        f"{INDEX}:4: the filter '|random' is not available in pages; {ONLY}",
        f"{INDEX}:5: the filter '|e' is not available in pages; {ONLY}",
    ),
    case(
        "test-and-statements-in-page",
        page(
            '{{ fact("market.production.2024") is defined }}\n'
            "{% set x = 12 %}\n{% for i in [1] %}{{ i }}{% endfor %}\n{{ x }}\n"
        ),
        f"{INDEX}:4: the test 'is defined' is not available in pages; {ONLY}",
        f"{INDEX}:5: {not_available(repr('{% set %}'))}",
        f"{INDEX}:6: {not_available(repr('{% for %}'))}",
    ),
    case(
        "numbers-printed-through-jinja",
        page('{{ "45 percent" }}\n{{ 12 }}%\n{{ 4.9 }} million vehicles\n'),
        f'{INDEX}:4: the text "45 percent" cannot be printed through Jinja; {ONLY}',
        f"{INDEX}:5: the number 12 cannot be printed through Jinja; {ONLY}",
        f"{INDEX}:6: the number 4.9 cannot be printed through Jinja; {ONLY}",
    ),
    # --- numbers typed by hand, however they are spelt --------------------------------------
    case(
        "typed-number-spellings",
        page(
            "Up 45&nbsp;percent, 46&#160;percent, 12  percent and 13\u2009%.\n"
            "Exports of 4.9M vehicles and USD3bn.\n"
            "Share 12<!-- -->%, 14<span>%</span>, **15** percent and 16\u200b%.\n"
            "Links: [17](https://example.org/18%) percent, &#49;&#57;&shy;%.\n"
        ),
        f'{INDEX}:4: number "12 percent" {TYPED}',  # by line, then message
        f'{INDEX}:4: number "13 %" {TYPED}',
        f'{INDEX}:4: number "45 percent" {TYPED}',
        f'{INDEX}:4: number "46 percent" {TYPED}',
        f'{INDEX}:5: number "4.9M" {TYPED}',
        f'{INDEX}:5: number "USD3bn" {TYPED}',
        f'{INDEX}:6: number "12%" {TYPED}',
        f'{INDEX}:6: number "14%" {TYPED}',
        f'{INDEX}:6: number "15 percent" {TYPED}',
        f'{INDEX}:6: number "16%" {TYPED}',
        f'{INDEX}:7: number "17 percent" {TYPED}',
        f'{INDEX}:7: number "19%" {TYPED}',
    ),
    # --- one root cause, reported alone; independent problems still reported --------------------
    case(
        "bad-source-its-facts-charts-and-pages-silent",
        {
            SOURCES: sources_yaml() + "  publisherr: Demo Press\n",
            CHARTS: LABELLED,
            INDEX: CITES_ALL + SHOWN,
        },
        f"{SOURCES}:8: source 'demo': unknown key 'publisherr'; did you mean 'publisher'? "
        f"allowed keys: {SOURCE_KEYS}",
    ),
    case(
        "bad-source-with-a-bad-page-and-an-independent-bad-chart",
        {
            SOURCES: sources_yaml() + "  publisherr: Demo Press\n",
            CHARTS: LABELLED + BAD_MARK,
            INDEX: CITES_ALL + SHOWN + '{{ chart("other") }}\n{{ lipsum() }}\n',
        },
        f"{SOURCES}:8: source 'demo': unknown key 'publisherr'; did you mean 'publisher'? "
        f"allowed keys: {SOURCE_KEYS}",
        f"{CHARTS}:21: chart 'other': 'mark' is 'pie'; use one of: bar, line, point, area, arc",
        f"{INDEX}:7: 'lipsum' is undefined; {ONLY}",
    ),
    case(
        "unreadable-facts-file-pages-and-charts-silent",
        {MARKET: FACTS + "- id: [\n", CHARTS: LABELLED, INDEX: CITES_ALL + SHOWN + "{{ x }}\n"},
        f"{MARKET}:21: invalid YAML: expected the node content, but found '<stream end>'; "
        "check the quotes and indentation on this line and the line above",
        f"{INDEX}:6: 'x' is undefined; {ONLY}",
    ),
    case(
        "broken-unit-its-facts-and-the-charts-reaching-them-silent",
        {
            "facts/units.yaml": UNITS_TEXT.replace(VEHICLES, "vehicles: {style: counted}"),
            CHARTS: REACHING,
            INDEX: CITES_ALL + '{{ chart("selected") }}\n{{ chart("ruled") }}\n',
        },
        f"facts/units.yaml:{UNITS_TEXT[: UNITS_TEXT.index(VEHICLES)].count(chr(10)) + 1}: "
        "unit 'vehicles': 'style' is 'counted'; "
        "use one of: count, percent, currency, multiplier, rank, ordinal, year",
        f"{CHARTS}:9: number \"12 percent\" typed by hand; chart 'ruled' states numbers only "
        "through its facts; describe in words",
    ),
]
