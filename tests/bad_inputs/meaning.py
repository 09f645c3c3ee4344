"""Bad input in what numbers mean: wrong numbers that must not verify.

Negative numbers, number words, invisible characters, a quote found twice, derived facts
recomputed, one document described twice, and numbers not written in plain digits.
"""

from __future__ import annotations

from bad_inputs.base import MARKET, PARTS_FACT, PROD, PRODUCTION, SOURCES, UNQUOTED, case, edit
from conftest import SALES, SEED_TEXT, sources_yaml

QUOTE = 'quote: "31.28 million and 31.44 million units"'
STATES = "is not a number the quote states"
FIX = "correct the value or the quote"


def stated(
    line: str, value: str, unit: str, quote: str, more: str = ""
) -> dict[str, str | bytes | None]:
    """The tiny project with ``line`` added to its seed and market.production.2024 stating
    ``value`` in ``unit`` from ``quote`` (a YAML scalar, quoted as it must be), then ``more``."""
    text = SEED_TEXT + line + "\n"
    fact = edit("value: 31280000", f"value: {value}", PRODUCTION)
    fact = edit(QUOTE, f"quote: {quote}", edit("unit: vehicles", f"unit: {unit}", fact))
    return {
        "seeds/seed.txt": text,
        SOURCES: sources_yaml(text=text),
        MARKET: fact + more + PARTS_FACT,
    }


def derived(value: str, unit: str, more: str) -> dict[str, str | bytes | None]:
    """market.production.2024 derived (lines 1-7, then ``more`` from line 8) with ``value``."""
    fact = edit("value: 31280000", f"value: {value}", UNQUOTED)
    fact = edit("unit: vehicles", f"unit: {unit}", fact)
    return {MARKET: fact + "  note: computed\n" + more + PARTS_FACT + SALES}


TWICE = "Exports rose 5 percent. Imports rose 5 percent.\nOutput rose 5 percent."


def odd(value: str, shown: str, digits: str) -> tuple[dict[str, str | bytes | None], str]:
    return market_value(value), (
        f"{MARKET}:3: {PROD}: 'value' has the number {shown}; write it in plain digits: "
        f"{digits} (no _, +, exponent, leading zero, 0x, 0o or 0b)"
    )


def market_value(value: str) -> dict[str, str | bytes | None]:
    return {MARKET: edit("value: 31280000", f"value: {value}", PRODUCTION) + PARTS_FACT}


CASES = [
    # --- negative numbers ----------------------------------------------------------------
    case(
        "negative-quote-positive-value",
        stated("Sales fell to -3.2 percent in May.", "3.2", "percent", '"fell to -3.2 percent"'),
        f"{MARKET}:3: {PROD}: value 3.2 {STATES} (it states: -3.2 percent = -3.2%); {FIX}",
    ),
    case(
        "unicode-minus-positive-value",
        stated("Sales fell to \u22123.2 percent.", "3.2", "percent", '"fell to \u22123.2 percent"'),
        f"{MARKET}:3: {PROD}: value 3.2 {STATES} (it states: \u22123.2 percent = -3.2%); {FIX}",
    ),
    case(
        "en-dash-minus-positive-value",
        stated("Sales fell to \u20133.2%.", "3.2", "percent", '"fell to \u20133.2%"'),
        f"{MARKET}:3: {PROD}: value 3.2 {STATES} (it states: \u20133.2% = -3.2%); {FIX}",
    ),
    case(
        "minus-word-positive-value",
        stated("Growth was minus 3.2 percent.", "3.2", "percent", '"Growth was minus 3.2 percent"'),
        f"{MARKET}:3: {PROD}: value 3.2 {STATES} (it states: minus 3.2 percent = -3.2%); {FIX}",
    ),
    case(
        "fall-stated-as-size-is-not-negative",
        stated("Sales fell 3.2 percent.", "-3.2", "percent", '"Sales fell 3.2 percent"'),
        f"{MARKET}:3: {PROD}: value -3.2 {STATES} (it states: 3.2 percent = 3.2%); {FIX}",
    ),
    # --- number words --------------------------------------------------------------------
    case(
        "hundred-thousand-in-words",
        stated("Over one hundred thousand cars.", "100", "cars", '"one hundred thousand cars"'),
        f"{MARKET}:3: {PROD}: value 100 {STATES} (it states: one hundred thousand = 100000); {FIX}",
    ),
    case(
        "two-hundred-million-in-words",
        stated("Some two hundred million cars.", "200", "cars", '"two hundred million cars"'),
        f"{MARKET}:3: {PROD}: value 200 {STATES} (it states: two hundred million = 200000000); "
        f"{FIX}",
    ),
    case(
        "one-and-a-half-million-in-words",
        stated("One and a half million cars.", "1", "cars", '"One and a half million cars"'),
        f"{MARKET}:3: {PROD}: value 1 {STATES} (it states: One and a half million = 1500000); "
        f"{FIX}",
    ),
    case(
        "a-million-and-a-half-in-words",
        stated("A million and a half cars.", "1000000", "cars", '"A million and a half cars"'),
        f"{MARKET}:3: {PROD}: value 1000000 {STATES} (it states: A million and a half = "
        f"1500000); {FIX}",
    ),
    case(
        "one-fifth-is-a-percent",
        stated("One-fifth of them.", "1", "count", '"One-fifth of them"'),
        f"{MARKET}:3: {PROD}: value 1 {STATES} (it states: One-fifth = 20%); {FIX}",
    ),
    case(
        "a-quarter-is-a-percent",
        stated("A quarter of them.", "4", "count", '"A quarter of them"'),
        f"{MARKET}:3: {PROD}: value 4 {STATES} (it states: A quarter = 25%); {FIX}",
    ),
    case(
        "digits-with-two-scale-words",
        stated("Some 5 hundred thousand cars.", "500", "cars", '"5 hundred thousand cars"'),
        f"{MARKET}:3: {PROD}: value 500 {STATES} (it states: 5 hundred thousand = 500000); {FIX}",
    ),
    case(
        "abbreviated-million",
        stated("Sales were 4.9M vehicles.", "4.9", "vehicles", '"4.9M vehicles"'),
        f"{MARKET}:3: {PROD}: value 4.9 {STATES} (it states: 4.9M = 4900000); {FIX}",
    ),
    case(
        "thousands-grouped-by-spaces",
        stated("Sales were 4 910 000 vehicles.", "910", "vehicles", '"4 910 000 vehicles"'),
        f"{MARKET}:3: {PROD}: value 910 {STATES} (it states: 4 910 000 = 4910000); {FIX}",
    ),
    case(
        "between-and-is-a-range",
        stated(
            "Growth of between 30 and 40 percent.", "40", "percent", '"between 30 and 40 percent"'
        ),
        f"{MARKET}:3: {PROD}: value 40 {STATES} (it states: 30 and 40 percent = [30, 40]%); {FIX}",
    ),
    # --- numbers written in other conventions: a decimal comma, other scales, years ---------
    case(
        "decimal-comma-states-no-number",
        stated("Sales were 4,91 million vehicles.", "4", "vehicles", '"4,91 million vehicles"'),
        f"{MARKET}:3: {PROD}: value 4 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "dotted-thousands-state-no-number",
        stated("Sales were 1.234.567 vehicles.", "1.234", "vehicles", '"1.234.567 vehicles"'),
        f"{MARKET}:3: {PROD}: value 1.234 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "fullwidth-thousands-separator-states-no-number",
        stated("销量４，９１０，０００辆。", "4", "vehicles", '"销量４，９１０，０００辆"'),
        f"{MARKET}:3: {PROD}: value 4 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "arabic-decimal-separator-states-no-number",
        stated(
            "Sales were \u0664\u066b\u0669 million.",
            "4",
            "vehicles",
            '"were \u0664\u066b\u0669 million"',
        ),
        f"{MARKET}:3: {PROD}: value 4 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "lakh-is-a-scale",
        stated("Sales were 15 lakh vehicles.", "15", "vehicles", '"15 lakh vehicles"'),
        f"{MARKET}:3: {PROD}: value 15 {STATES} (it states: 15 lakh = 1500000); {FIX}",
    ),
    case(
        "trillion-abbreviated-tn",
        stated("Trade reached USD 1.2tn.", "1.2", "usd", '"Trade reached USD 1.2tn"'),
        f"{MARKET}:3: {PROD}: value 1.2 {STATES} (it states: USD 1.2tn = 1200000000000); {FIX}",
    ),
    case(
        "wan-is-ten-thousand",
        stated("去年销量491万辆。", "491", "vehicles", '"销量491万辆"'),
        f"{MARKET}:3: {PROD}: value 491 {STATES} (it states: 491万 = 4910000); {FIX}",
    ),
    case(
        "yi-yuan-is-a-hundred-million-cny",
        stated("出口额1.5亿元。", "1.5", "cny", '"出口额1.5亿元"'),
        f"{MARKET}:3: {PROD}: value 1.5 {STATES} (it states: 1.5亿元 = 150000000); {FIX}",
    ),
    case(
        "year-is-not-a-count",
        stated("Sales in 2024 were high.", "2024", "vehicles", '"Sales in 2024 were high"'),
        f"{MARKET}:3: {PROD}: value 2024 {STATES} (it states: 2024 = the year 2024); {FIX}",
    ),
    case(
        "day-of-a-date-is-not-a-count",
        stated("On March 1, 2024, sales rose.", "1", "vehicles", '"On March 1, 2024, sales"'),
        f"{MARKET}:3: {PROD}: value 1 {STATES} (it states: March 1, 2024 = 2024); {FIX}",
    ),
    case(
        "chinese-month-is-not-a-count",
        stated("3月销量增长。", "3", "vehicles", '"3月销量增长"'),
        f"{MARKET}:3: {PROD}: value 3 {STATES} (it states: 3月 = 3); {FIX}",
    ),
    case(
        "number-in-a-model-name",
        stated("Sales of the Ford F-150 rose.", "150", "vehicles", '"the Ford F-150 rose"'),
        f"{MARKET}:3: {PROD}: value 150 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "number-in-a-web-address",
        stated("See https://x.cn/a?n=150 for more.", "150", "vehicles", '"x.cn/a?n=150"'),
        f"{MARKET}:3: {PROD}: value 150 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "footnote-mark",
        stated("Sales of cars[3] rose.", "3", "vehicles", '"Sales of cars[3] rose"'),
        f"{MARKET}:3: {PROD}: value 3 {STATES} (it states: no number); {FIX}",
    ),
    # --- invisible characters ------------------------------------------------------------
    case(
        "zero-width-space-in-quote",
        stated("Sales were 4.9\u200b1 million.", "1000000", "vehicles", '"4.9\\u200b1 million"'),
        f"{MARKET}:9: {PROD}: 'quote' holds an invisible character, U+200B ZERO WIDTH SPACE, "
        'after "4.9"; delete it (type that part of the quote again as the source reads)',
    ),
    case(
        "zero-width-space-in-seed",
        stated("Sales were 4.9\u200b1 million.", "1000000", "vehicles", '"1 million"'),
        f"{MARKET}:3: {PROD}: value 1000000 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "zero-width-space-ending-a-range-in-seed",
        stated("Output fell 30\u200b to 45 percent.", "45", "percent", '"to 45 percent"'),
        f"{MARKET}:3: {PROD}: value 45 {STATES} (it states: no number); {FIX}",
    ),
    case(
        "escape-character-in-quote",
        stated("Sales were 4.91 million.", "4910000", "vehicles", '"were \\e4.91 million"'),
        f"{MARKET}:9: {PROD}: 'quote' holds an invisible character, U+001B, after \"were \"; "
        "delete it (type that part of the quote again as the source reads)",
    ),
    case(
        "soft-hyphen-in-seed",
        stated("Sales were 4.9\u00ad1 million.", "4.9", "percent", '"were 4.9"'),
        f"{MARKET}:3: {PROD}: value 4.9 {STATES} (it states: no number); {FIX}",
    ),
    # --- a quote found more than once ----------------------------------------------------
    case(
        "quote-occurs-twice",
        stated(TWICE, "5", "percent", '"rose 5 percent"'),
        f"{MARKET}:9: {PROD}: the quote occurs 3 times in seeds/seed.txt (lines 4, 5); add "
        "'context': the words just before the occurrence this fact is about",
    ),
    case(
        "context-not-before-the-quote",
        stated(TWICE, "5", "percent", '"rose 5 percent"', '  context: "Sales"\n'),
        f"{MARKET}:10: {PROD}: 'context' is not the text just before the quote in "
        "seeds/seed.txt; copy the words just before the occurrence this fact is about",
    ),
    case(
        "context-names-two-occurrences",
        stated(TWICE, "5", "percent", '"rose 5 percent"', '  context: "ports"\n'),
        f"{MARKET}:10: {PROD}: the quote occurs 2 times in seeds/seed.txt after this context "
        "(line 4); lengthen 'context' until it names one",
    ),
    case(
        "context-with-invisible-character",
        stated(TWICE, "5", "percent", '"rose 5 percent"', '  context: "Im\\u2060ports"\n'),
        f"{MARKET}:10: {PROD}: 'context' holds an invisible character, U+2060 WORD JOINER, "
        'after "Im"; delete it (type that part of the context again as the source reads)',
    ),
    # --- derived facts -------------------------------------------------------------------
    case(
        "derived-without-operation",
        derived(
            "62720000", "vehicles", "  derived_from: [market.sales.2024, parts.exports.2024]\n"
        ),
        f"{MARKET}:1: {PROD}: a derived fact needs 'operation', how it is computed from "
        "derived_from: one of sum, difference, ratio, share, growth",
    ),
    case(
        "derived-without-operation-or-note",
        {
            MARKET: edit("value: 31280000", "value: 1", UNQUOTED)
            + "  derived_from: [market.production.2024]\n"
            + PARTS_FACT
        },
        f"{MARKET}:1: {PROD}: a derived fact needs 'operation', how it is computed from "
        "derived_from: one of sum, difference, ratio, share, growth",
        f"{MARKET}:1: {PROD}: a derived fact needs a 'note' saying how it is computed",
        f"{MARKET}:1: {PROD}: derived_from names the fact itself",
    ),
    case(
        "derived-sum-differs",
        derived(
            "62720000",
            "vehicles",
            "  derived_from: [market.sales.2024, market.sales.2024]\n  operation: sum\n",
        ),
        f"{MARKET}:1: {PROD}: value 62720000 is not the facts added up (market.sales.2024, "
        "market.sales.2024): that is 62880000; correct the value, derived_from or operation",
    ),
    case(
        "derived-share-differs",
        derived(
            "50.3",
            "percent",
            "  derived_from: [market.sales.2024, market.sales.2024]\n  operation: share\n",
        ),
        f"{MARKET}:1: {PROD}: value 50.3 is not the first as a percent of the second "
        "(market.sales.2024, market.sales.2024): that is 100; correct the value, "
        "derived_from or operation",
    ),
    case(
        "derived-unlike-units",
        derived(
            "1",
            "vehicles",
            "  derived_from: [market.sales.2024, parts.exports.2024]\n  operation: difference\n",
        ),
        f"{MARKET}:1: {PROD}: operation 'difference' needs facts in one unit "
        "('market.production.2024' in vehicles, 'market.sales.2024' in vehicles, "
        "'parts.exports.2024' in usd); derive from like facts",
    ),
    case(
        "derived-ratio-of-three",
        derived(
            "1",
            "times",
            "  derived_from: [market.sales.2024, market.sales.2024, market.sales.2024]\n"
            "  operation: ratio\n",
        ),
        f"{MARKET}:1: {PROD}: operation 'ratio' takes two facts, and derived_from names 3; "
        "name two",
    ),
    case(
        "derived-growth-in-a-count",
        derived(
            "0",
            "vehicles",
            "  derived_from: [market.sales.2024, market.sales.2024]\n  operation: growth\n",
        ),
        f"{MARKET}:1: {PROD}: operation 'growth' gives a percent; use a unit of style percent",
    ),
    case(
        "operation-without-derived-from",
        {MARKET: PRODUCTION + "  operation: sum\n" + PARTS_FACT},
        f"{MARKET}:10: {PROD}: 'operation' is for a derived fact; remove it, or give "
        "'derived_from'",
    ),
    case(
        "unknown-operation",
        derived("1", "vehicles", "  derived_from: [market.sales.2024]\n  operation: mean\n"),
        f"{MARKET}:10: {PROD}: 'operation' is 'mean'; use one of: sum, difference, ratio, "
        "share, growth",
    ),
    case(
        "empty-seed",
        {"seeds/seed.txt": " \r\n", SOURCES: sources_yaml(text=" \r\n")},
        f"{SOURCES}:2: source 'demo': seeds/seed.txt holds no text; archive the document's "
        "text in it",
    ),
    case(
        "seed-over-the-size-limit",
        {"seeds/seed.txt": SEED_TEXT + "5 cars. " * 625_000},
        f"{SOURCES}:2: source 'demo': seeds/seed.txt is {len(SEED_TEXT) + 5_000_000} bytes, "
        "over the limit of 5000000; archive only the part of the document the facts quote",
    ),
    # --- one document, one source --------------------------------------------------------
    case(
        "two-sources-one-file",
        {SOURCES: sources_yaml() + sources_yaml().replace("demo:", "copy:")},
        f"{SOURCES}:9: source 'copy': seeds/seed.txt is archived already, as source 'demo'; "
        "a document is described once: cite 'demo' and delete this entry",
    ),
    case(
        "two-sources-one-hash",
        {
            "seeds/copy.txt": SEED_TEXT,
            SOURCES: sources_yaml() + sources_yaml(seed="copy.txt").replace("demo:", "copy:"),
        },
        f"{SOURCES}:9: source 'copy': seeds/copy.txt has the same sha256 as the file of "
        "source 'demo'; a document is described once: cite 'demo' and delete this entry and "
        "the copy",
    ),
    # --- numbers written otherwise than in plain digits ----------------------------------
    case("underscores-in-value", *odd("31_280_000", "31_280_000", "31280000")),
    case("hexadecimal-value", *odd("0x1DD4B80", "0x1DD4B80", "31280000")),
    case("octal-value", *odd("0o167245600", "0o167245600", "31280000")),
    case("exponent-value", *odd("3.128e7", "3.128e7", "31280000")),
    case("plus-sign-value", *odd("+31280000", "+31280000", "31280000")),
    case("leading-zero-value", *odd("031280000", "031280000", "31280000")),
    case("exponent-in-range", *odd("[3e1, 40]", "3e1", "30")),
]
