"""Bad input in facts: keys, types and ids; references to units, periods, sources, facts."""

from __future__ import annotations

from bad_inputs.base import (
    KEYS,
    MARKET,
    PARTS,
    PARTS_FACT,
    PERIODS,
    PROD,
    PRODUCTION,
    UNIT_LINES,
    UNQUOTED,
    case,
    edit,
    market,
)
from conftest import FACTS, UNITS

CASES = [
    # --- facts: keys, types, ids -----------------------------------------------------------
    case(
        "duplicate-fact-id",
        {MARKET: FACTS + PRODUCTION},
        f"{MARKET}:20: duplicate fact id 'market.production.2024' (first at {MARKET}:1); "
        "give each fact its own id",
    ),
    case(
        "duplicate-fact-id-across-files",
        {"facts/more.yaml": "# parts, again\n" + PARTS_FACT},
        f"facts/more.yaml:2: duplicate fact id 'parts.exports.2024' (first at {MARKET}:10); "
        "give each fact its own id",
    ),
    case(
        "unknown-field",
        {MARKET: FACTS + "  colour: red\n"},
        f"{MARKET}:20: {PARTS}: unknown key 'colour'; allowed keys: {KEYS}",
    ),
    case(
        "misspelt-field",
        {MARKET: FACTS + "  tag: [exports]\n"},
        f"{MARKET}:20: {PARTS}: unknown key 'tag'; did you mean 'tags'? allowed keys: {KEYS}",
    ),
    case(
        "missing-required-field",
        market("  kind: actual\n", ""),
        f"{MARKET}:1: {PROD}: missing required key 'kind'",
    ),
    case(
        "value-in-quotes",
        market("value: 31280000", 'value: "31280000"'),
        f"{MARKET}:3: {PROD}: 'value' must be a number or a [low, high] range without "
        "quotes, not text",
    ),
    case(
        "value-infinite",
        market("value: 31280000", "value: .inf"),
        f"{MARKET}:3: {PROD}: 'value' is .inf; write the number the quote states",
    ),
    case(
        "tags-not-a-list",
        {MARKET: FACTS + "  tags: exports\n"},
        f"{MARKET}:20: {PARTS}: 'tags' must be a list of text, such as [exports, energy]",
    ),
    case(
        "note-not-text",
        {MARKET: FACTS + "  note:\n    why: rounding\n"},
        f"{MARKET}:20: {PARTS}: 'note' must be text, not a mapping; write it on one line, "
        "in quotes",
    ),
    case(
        "id-not-dotted-lowercase",
        market("- id: market.production.2024", "- id: Market Production"),
        f"{MARKET}:1: fact 'Market Production': id must be lowercase dotted words, such as "
        "sales.total.2023",
    ),
    case(
        "kind-not-a-choice",
        market("kind: actual", "kind: actuals"),
        f"{MARKET}:6: {PROD}: 'kind' is 'actuals'; use one of: actual, estimate, forecast, "
        "target, threshold, rank, plan, aspiration",
    ),
    # --- references: units, periods, sources, other facts ------------------------------------
    case(
        "unknown-unit",
        market("unit: vehicles", "unit: vehicle"),
        f"{MARKET}:4: {PROD}: unknown unit 'vehicle'; did you mean 'vehicles'? add it to "
        "facts/units.yaml or use a listed one",
    ),
    case(
        "unit-registry-entry-broken",
        {
            "facts/units.yaml": edit(
                "vehicles: {style: count, singular: vehicle, plural: vehicles, aliases: [unit, units]}",
                "vehicles: count",
                UNITS.read_text("utf-8"),
            )
        },
        "facts/units.yaml:5: unit 'vehicles' must be a mapping of keys (style, singular, "
        "plural, symbol, aliases)",
    ),
    case(
        "currency-unit-without-symbol",
        {"facts/units.yaml": UNITS.read_text("utf-8") + "gbp: {style: currency, symbol: GBP}\n"},
        f"facts/units.yaml:{UNIT_LINES + 1}: unit 'gbp': a currency unit needs 'symbol', one "
        "of: CNY, EUR, USD (the currencies quotes are read in)",
    ),
    case(
        "unknown-period",
        market("period: undated", 'period: "FY2024"'),
        f"{MARKET}:5: {PROD}: malformed period 'FY2024'; use {PERIODS}",
    ),
    case(
        "unknown-source",
        market("source: demo", "source: dmeo"),
        f"{MARKET}:8: {PROD}: unknown source 'dmeo'; add it to facts/sources.yaml (known: demo)",
    ),
    case(
        "neither-quote-nor-derivation",
        {MARKET: UNQUOTED + PARTS_FACT},
        f"{MARKET}:1: {PROD}: neither a quote nor derived_from; give the 'source' and the "
        "'quote' the number comes from, or, for a computed fact, 'derived_from', 'operation' "
        "and a 'note'",
    ),
    case(
        "blank-quote",
        market('quote: "31.28 million and 31.44 million units"', 'quote: " "'),
        f"{MARKET}:9: {PROD}: 'quote' is empty; write the quote (every fact needs its "
        "source and quote)",
    ),
    case(
        "derived-from-unknown-fact",
        {
            MARKET: UNQUOTED
            + "  note: as counted\n  derived_from: [market.output.2024]\n  operation: sum\n"
            + PARTS_FACT
        },
        f"{MARKET}:1: {PROD}: derived_from names unknown fact 'market.output.2024'",
    ),
    case(
        "derived-in-a-circle",
        {
            MARKET: UNQUOTED
            + "  note: as below\n  derived_from: [market.output.2024]\n  operation: sum\n"
            + "- id: market.output.2024\n  subject: Output\n  value: 31280000\n  unit: vehicles\n"
            '  period: "2024"\n  kind: actual\n  geo: China\n  note: as above\n'
            "  derived_from: [market.production.2024]\n  operation: sum\n" + PARTS_FACT
        },
        f"{MARKET}:1: {PROD}: derived_from goes round in a circle (market.production.2024 -> "
        "market.output.2024 -> market.production.2024); derive from facts that have a quote",
    ),
]
