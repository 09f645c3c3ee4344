"""Bad input that would reach the site as markup, a path or an empty figure: chart ids that
are not plain words (one would write a folder or an element, one a path out of data/charts/)
and a chart with no facts."""

from __future__ import annotations

from bad_inputs.base import MARKET, case, page
from conftest import FACTS

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
  period: "2024"
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
]
