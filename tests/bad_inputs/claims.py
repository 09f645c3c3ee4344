"""Bad input in claims: records with ``claim`` in the fact files, checked as facts are
(their meaning too: the period the quote states, who says it)."""

from __future__ import annotations

from bad_inputs.base import MARKET, PARTS_FACT, PROD, UNQUOTED, case, edit
from conftest import FACTS

CLAIMS = "facts/russia.yaml"  # after market.yaml
# lines 1 id · 2 claim · 3 source · 4 quote · 5 kind
CLAIM = """\
- id: exports.russia.plunge
  claim: Chinese carmakers' direct exports to Russia plunged this year
  source: demo
  quote: "Chinese carmakers' direct exports to Russia plunged"
  kind: actual
"""
WHAT = "claim 'exports.russia.plunge'"
CLAIM_KEYS = (
    "id, claim, subject, source, quote, context, cell, period, kind, geo, note, said_by, data_from, "
    "period_from, reading, tags"
)


def claims(old: str, new: str) -> dict[str, str | bytes | None]:
    """facts/russia.yaml holding CLAIM with one edit."""
    return {CLAIMS: edit(old, new, CLAIM)}


CASES = [
    case(
        "claim-with-value",
        claims("  kind: actual\n", "  kind: actual\n  value: 30\n"),
        f"{CLAIMS}:1: {WHAT} has both 'claim' and 'value'; keep 'claim' for a statement, or "
        "'value' (with 'unit') for a number, and make the other a record of its own",
    ),
    case(
        "claim-with-unit",
        claims("  kind: actual\n", "  kind: actual\n  unit: percent\n"),
        f"{CLAIMS}:6: {WHAT}: unknown key 'unit'; allowed keys: {CLAIM_KEYS}",
    ),
    case(
        "claim-quote-not-in-source",
        claims('Russia plunged"', 'Russia soared"'),
        f"{CLAIMS}:4: {WHAT}: quote not found in seeds/seed.txt; copy it verbatim from the "
        'source (it matches only up to: "Chinese carmakers\' direct exports to Russia ")',
    ),
    case(
        "claim-without-quote",
        claims('  quote: "Chinese carmakers\' direct exports to Russia plunged"\n', ""),
        f"{CLAIMS}:1: {WHAT}: missing required key 'quote' (or 'cell', for a table)",
    ),
    case(
        "claim-unknown-source",
        claims("  source: demo\n", "  source: dmeo\n"),
        f"{CLAIMS}:3: {WHAT}: unknown source 'dmeo'; add it to facts/sources.yaml (known: demo)",
    ),
    case(
        "claim-malformed-period",
        claims("  kind: actual\n", '  kind: actual\n  period: "this year"\n'),
        f"{CLAIMS}:6: {WHAT}: malformed period 'this year'; use YYYY, YYYY-H1, YYYY-Q1, "
        "YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10, or undated when the "
        "source gives no period",
    ),
    case(
        "claim-id-of-a-fact",
        claims("exports.russia.plunge", "market.production.2024"),
        f"{CLAIMS}:1: duplicate claim id 'market.production.2024' (first at {MARKET}:1); "
        "give each claim its own id (facts and claims share their ids)",
    ),
    case(
        "fact-id-of-a-claim",
        {
            "facts/a.yaml": CLAIM,
            MARKET: edit("market.production.2024", "exports.russia.plunge", FACTS),
            "docs/index.md": '# Home\n\n{{ fact("parts.exports.2024") }}.\n',
        },
        f"{MARKET}:1: duplicate fact id 'exports.russia.plunge' (first at facts/a.yaml:1); "
        "give each fact its own id",
    ),
    case(
        "derived-from-a-claim",
        {
            CLAIMS: CLAIM,
            MARKET: UNQUOTED
            + "  note: as counted\n  derived_from: [exports.russia.plunge]\n  operation: sum\n"
            + PARTS_FACT,
        },
        f"{MARKET}:1: {PROD}: derived_from names claim 'exports.russia.plunge', which has no "
        "number; derive from facts",
    ),
    case(
        "claim-period-not-in-quote",
        claims("  kind: actual\n", '  kind: actual\n  period: "2024"\n'),
        f"{CLAIMS}:6: {WHAT}: period '2024' is not stated by the quote (it states: no period); "
        "quote the words that state it, give 'period_from' (the quote's relative words, such as "
        '"last year"), or write period: undated if the source gives none',
    ),
    case(
        "claim-said-by-not-in-source",
        claims("  kind: actual\n", "  kind: actual\n  said_by: Wu Songquan (CATARC)\n"),
        f'{CLAIMS}:6: {WHAT}: said_by "Wu Songquan (CATARC)": the source does not name '
        '"Wu Songquan" or "CATARC" near the quote (in its paragraph or within 400 characters); '
        "write the name as the source gives it, or remove said_by",
    ),
]
