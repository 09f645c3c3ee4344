"""Bad input in chapters' sentences (issue 17): a sentence that cites nothing and is not the
editors' marked analysis; a date, rank or fraction in words that what the sentence cites does
not state; an attribution to someone the cited records do not come from."""

from __future__ import annotations

from bad_inputs.base import INDEX, MARKET, PARTS_FACT, case, page
from bad_inputs.claims import CLAIM, CLAIMS
from conftest import CITES_ALL

UNCITED = (
    'sentence cites no fact or claim: "{}"; cite what it rests on ({{{{ fact("id") }}}}, '
    '{{{{ claim("id") }}}}, {{{{ cite("id", …) }}}}) or put it in an "!!! analysis" block'
)
PROD = '{{ fact("market.production.2024") }}'
DATED = "; cite a fact or claim whose period or quote says it"
WORDED = "; cite a fact or claim whose quote says it"
ATTRIBUTED = (
    "; name who the cited records say it is, or cite a record whose said_by or data_from is "
    "that name"
)

# market.production.2024 dated by the source's "last year" (2024), whatever the tiny project's
# own facts say; parts.exports.2024 as the tiny project has it (cited on line 3 only).
DATED_FACTS = (
    """\
- id: market.production.2024
  subject: China's automobile production
  value: 31280000
  unit: vehicles
  period: "2024"
  period_from: last year
  kind: actual
  geo: China
  source: demo
  quote: "31.28 million and 31.44 million units, respectively, last year"
"""
    + PARTS_FACT
)


def dated(extra: str) -> dict[str, str | bytes | None]:
    """``page(extra)`` over the facts of DATED_FACTS."""
    return {MARKET: DATED_FACTS, **page(extra)}


CASES = [
    case(
        "uncited-sentences-each-reported-at-its-line",
        page(
            "The U.S. market is smaller. BYD is No. 1 in Jan. sales, by far.\n"
            f"Production reached {PROD}. Makers expect more\n"
            "next year.\n\n"
            "- A list item with no source\n"
            "- [Facts](facts.md): every number, with its quote.\n\n"
            "| Measure | Figure |\n|---|---|\n| Production | 12 |\n| Output | " + PROD + " |\n\n"
            '!!! analysis "Our reading"\n    The editors think growth will slow.\n\n'
            '!!! note "A note"\n    Notes are text too.\n\n'
            "## A heading is no sentence\n"
        ),
        f"{INDEX}:4: {UNCITED.format('BYD is No. 1 in Jan. sales, by far.')}",
        f"{INDEX}:4: {UNCITED.format('The U.S. market is smaller.')}",
        f"{INDEX}:5: {UNCITED.format('Makers expect more next year.')}",
        f"{INDEX}:8: {UNCITED.format('A list item with no source')}",
        f"{INDEX}:13: {UNCITED.format('Production 12')}",
        f"{INDEX}:20: {UNCITED.format('Notes are text too.')}",
    ),
    case(
        "editorial-page-needs-no-citations",
        {
            INDEX: '{{ fact("market.production.2024") }} {{ fact("parts.exports.2024") }}\n',
            "docs/about.md": "---\nsourcing: editorial\n---\n\n# About\n\nWe wrote this.\n",
            "docs/other.md": "---\ntitle: Other\nsourcing: ours\n---\n\n# Other\n\nWe wrote it.\n",
        },
        "docs/other.md:3: front matter 'sourcing: ours' is not known; write 'sourcing: "
        "editorial' for a page that is wholly the editors' text, or remove it",
        f"docs/other.md:8: {UNCITED.format('We wrote it.')}",
    ),
    case(
        "dates-in-words-not-in-the-cited-period",
        dated(
            f"Production reached {PROD} in 2023.\n\n"
            f"In October 2024 output was {PROD}; a July 2025 report said so.\n\n"
            f"In the first half of 2024 and in January to December 2024 it was {PROD}.\n"
        ),
        f'{INDEX}:4: "2023" is not stated by what this sentence cites (market.production.2024: '
        f"2024){DATED}",
        f'{INDEX}:6: "October 2024" is not stated by what this sentence cites '
        f"(market.production.2024: 2024){DATED}",
    ),
    case(
        "headings-state-no-date-rank-or-share",
        page(
            "## Forecasts for 2025 and the outcome\n\n"
            f"Output was {PROD}.\n\n"
            "### The largest market\n\n"
            '## Output in {{ fact("market.production.2024") }}: a summary\n\n'
            "```\n## 2026 in code is no heading\n```\n"
        ),
        f'{INDEX}:4: heading "Forecasts for 2025 and the outcome" states "2025", which a '
        "heading cannot cite; name the topic in the heading and state the date in a cited "
        "sentence under it",
        f'{INDEX}:8: heading "The largest market" states "largest", which a heading cannot '
        "cite; name the topic in the heading and state the rank or share in a cited sentence "
        "under it",
    ),
    case(
        "ranks-and-fractions-in-words-not-in-the-quote",
        page(
            f"China is the largest maker and No. 1 in the world, with {PROD}.\n\n"
            f"Half of it, {PROD}, came in the second half; units were {PROD}.\n"
        ),
        f'{INDEX}:4: "No. 1" is not stated by what this sentence cites (market.production.2024)'
        f"{WORDED}",
        f'{INDEX}:4: "largest" is not stated by what this sentence cites '
        f"(market.production.2024){WORDED}",
        f'{INDEX}:6: "Half" is not stated by what this sentence cites (market.production.2024)'
        f"{WORDED}",
    ),
    case(
        "attribution-to-whom-the-cited-record-does-not-come-from",
        page(
            f"According to the China Association of Automobile Manufacturers (CAAM), output was {PROD}.\n\n"
            f"Demo Press said output was {PROD}. DP counts {PROD}. He said {PROD}.\n\n"
            f"Wu Songquan, an expert, said output was {PROD}.\n"
        ),
        f'{INDEX}:4: the sentence attributes what it says to "China Association of Automobile '
        'Manufacturers (CAAM)", but what it cites comes from others (market.production.2024: '
        f"Demo Press){ATTRIBUTED}",
        f'{INDEX}:8: the sentence attributes what it says to "Wu Songquan", but what it cites '
        f"comes from others (market.production.2024: Demo Press){ATTRIBUTED}",
    ),
    case(
        "claim-and-cite-in-a-sentence-checked-like-facts",
        {
            CLAIMS: CLAIM,
            INDEX: CITES_ALL
            + 'Exports to Russia fell most in 2024 {{ claim("exports.russia.plunge") }}.\n\n'
            + "According to Demo Press, both fell "
            + '{{ cite("market.production.2024", "exports.russia.plunge") }}.\n',
        },
        f'{INDEX}:4: "2024" is not stated by what this sentence cites (exports.russia.plunge: '
        f"undated){DATED}",
        f'{INDEX}:4: "most" is not stated by what this sentence cites (exports.russia.plunge)'
        f"{WORDED}",
    ),
]
