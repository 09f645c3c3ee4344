"""The bad-input corpus: mistakes editors make, each with what `briefing check` must print.

Each case is data: the files it writes over the tiny project of conftest (a seed, its
sources.yaml, the real units.yaml, facts/market.yaml with two facts, docs/index.md citing
both) and the exact `path:line: message` lines expected. Adding a case is adding an entry.

facts/market.yaml (FACTS) by line: 1 id · 2 subject · 3 value · 4 unit · 5 period · 6 kind
7 geo · 8 source · 9 quote of market.production.2024; 10-19 the same keys of
parts.exports.2024, with qualifier on 19.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import pairwise

from conftest import CITES_ALL, FACTS, SEED_TEXT, UNITS, sources_yaml

MARKET = "facts/market.yaml"
SOURCES = "facts/sources.yaml"
INDEX = "docs/index.md"
PROD = "fact 'market.production.2024'"
PARTS = "fact 'parts.exports.2024'"
KEYS = (
    "id, subject, value, unit, period, kind, geo, source, quote, qualifier, note, tags, "
    "derived_from"
)
PERIODS = "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10"
ONLY = 'pages may use only {{ fact("id") }} and {{ chart("id") }}'
SYNTAX = 'write {{ fact("id") }}, or {% raw %}…{% endraw %} around literal braces'
PRODUCTION = FACTS[: FACTS.index("- id: parts")]  # lines 1-9
PARTS_FACT = FACTS[len(PRODUCTION) :]  # lines 10-19
UNIT_LINES = UNITS.read_text("utf-8").count("\n")
CHANGED_SEED = SEED_TEXT.replace("3.7 percent", "3.8 percent")
LATIN1_SEED = SEED_TEXT.encode() + "café\n".encode("latin-1")
OVERSIZED = FACTS + "#" * 2_000_000 + "\n"
BOMB = (  # billion laughs: nine levels of nine aliases, 9**9 values if expanded
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in pairwise("abcdefghi"))
)


@dataclass(frozen=True)
class Case:
    """One mistake: files written over the tiny project (None deletes one), lines expected."""

    name: str
    files: dict[str, str | bytes | None]
    expected: tuple[str, ...]


def case(name: str, files: dict[str, str | bytes | None], *expected: str) -> Case:
    """A case expecting the given lines, in the order check prints them."""
    return Case(name, files, expected)


def edit(old: str, new: str, text: str) -> str:
    """``text`` with ``old`` replaced by ``new``; ``old`` must occur exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def market(old: str, new: str) -> dict[str, str | bytes | None]:
    """facts/market.yaml with one edit to its first fact, market.production.2024."""
    return {MARKET: edit(old, new, PRODUCTION) + PARTS_FACT}


# market.production.2024 without source and quote (lines 1-7), as a derived fact is written
UNQUOTED = edit(
    '  source: demo\n  quote: "31.28 million and 31.44 million units"\n', "", PRODUCTION
)


def sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def page(extra: str) -> dict[str, str | bytes | None]:
    """docs/index.md citing both facts (lines 1-3), then ``extra`` from line 4."""
    return {INDEX: CITES_ALL + extra}


CASES = [
    # --- YAML that does not parse, or parses into something else than was meant -----------
    case(
        "malformed-yaml-colon-in-text",
        market("subject: China's automobile production", "subject: Production: China"),
        f"{MARKET}:2: invalid YAML: mapping values are not allowed here; "
        "check the indentation, and quote text with ': '",
    ),
    case(
        "unclosed-bracket",
        market("geo: China", "geo: [China"),
        f"{MARKET}:8: invalid YAML: expected ',' or ']', but got ':'; "
        "check the quotes and indentation on this line and the line above",
    ),
    case(
        "tab-indent",
        market("  unit: vehicles", "\tunit: vehicles"),
        f"{MARKET}:4: invalid YAML: a tab character; indent with spaces, never tabs",
    ),
    case(
        "duplicate-key",
        market("geo: China\n", "geo: China\n  geo: World\n"),
        f'{MARKET}:8: invalid YAML: found duplicate key "geo" with value "World" '
        '(original value: "China"); keep one of them',
    ),
    case(
        "second-document",
        {MARKET: FACTS.replace("- id: parts", "---\n- id: parts")},
        f"{MARKET}:10: invalid YAML: a second document ('---'); keep one document per file",
    ),
    case(
        "undefined-alias",
        market("geo: China", "geo: *china"),
        f"{MARKET}:7: invalid YAML: found undefined alias 'china'; "
        "write the value out instead of the *alias",
    ),
    case(
        "yaml-1.1-directive",
        {MARKET: "%YAML 1.1\n---\n" + market("geo: China", "geo: NO")[MARKET]},
        f"{MARKET}:1: '%YAML 1.1' changes how values such as NO, 012 and 1:30 are read; "
        "delete the line (files are read as YAML 1.2)",
    ),
    case(
        "leading-zero-read-as-number",
        market('period: "2024"', "period: 012"),
        f"{MARKET}:5: {PROD}: 'period' must be text, not a number; quote it: period: \"012\"",
    ),
    case(
        "version-read-as-number",
        {MARKET: FACTS + "  note: 1.10\n"},
        f"{MARKET}:20: {PARTS}: 'note' must be text, not a number; quote it: note: \"1.10\"",
    ),
    case(
        "boolean-where-text-was-meant",
        market("geo: China", "geo: false"),
        f"{MARKET}:7: {PROD}: 'geo' must be text, not a yes/no value; quote it: geo: \"false\"",
    ),
    case(
        "date-where-text-was-meant",
        market('period: "2024"', "period: 2024-10-01"),
        f"{MARKET}:5: {PROD}: 'period' must be text, not a date; quote it: period: \"2024-10-01\"",
    ),
    case(
        "sexagesimal-as-value",
        market("value: 31280000", "value: 1:30"),
        f"{MARKET}:3: {PROD}: 'value' must be a number or a [low, high] range, not text; "
        "write it in digits, such as 4910000 for 4.91 million",
    ),
    case(
        "impossible-date",
        {SOURCES: sources_yaml().replace('published: "2025-07-13"', "published: 2025-02-30")},
        f"{SOURCES}:6: '2025-02-30' is not a date in the calendar; correct it",
    ),
    case(
        "explicit-tag",
        {MARKET: FACTS + "  note: !!python/object/apply:os.system [ls]\n"},
        f"{MARKET}:20: YAML tags such as '!!python/object/apply:os.system' are not used here; "
        "delete it (and put text in quotes)",
    ),
    # --- files that are not what they should be ---------------------------------------------
    case(
        "empty-file",
        {"facts/more.yaml": "# facts on sales, to come\n"},
        "facts/more.yaml:1: file is empty; add facts, each starting with '- id:', or delete "
        "the file",
    ),
    case(
        "byte-order-mark",
        {MARKET: "\ufeff" + FACTS},
        f"{MARKET}:1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
    ),
    case(
        "not-utf8",
        {MARKET: FACTS.encode() + "  note: café\n".encode("latin-1")},
        f"{MARKET}:20: file is not UTF-8; save it as UTF-8",
    ),
    case(
        "control-character",
        {MARKET: FACTS + "  note: tab\x07bell\n"},
        f"{MARKET}:20: character U+0007 is not allowed in YAML; delete it",
    ),
    case(
        "oversized-file",
        {MARKET: OVERSIZED},
        f"{MARKET}:1: file is {len(OVERSIZED)} bytes, over the limit of 2000000; split it",
    ),
    case(
        "alias-bomb",
        {"facts/bomb.yaml": BOMB},
        "facts/bomb.yaml:7: aliases here expand to over 1000000 values; "
        "write the values out instead of &anchors and *aliases",
    ),
    case(
        "alias-containing-itself",
        {MARKET: FACTS + "  tags: &loop [exports, *loop]\n"},
        f"{MARKET}:20: an alias refers to the value that contains it; write it out",
    ),
    case(
        "nested-too-deeply",
        {"facts/deep.yaml": "[" * 5000 + "]" * 5000 + "\n"},
        "facts/deep.yaml:1: invalid YAML: values nested too deeply; flatten them",
    ),
    case(
        "yml-extension",
        {"facts/more.yml": PARTS_FACT.replace("parts.exports.2024", "parts.exports.2023")},
        "facts/more.yml:1: fact files end in .yaml; rename it to more.yaml",
    ),
    case(
        "facts-file-not-a-list",
        {"facts/more.yaml": "market.sales.2024:\n  value: 1\n"},
        "facts/more.yaml:1: a facts file must be a list of facts, each starting with '- id:'",
    ),
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
        f"{MARKET}:20: {PARTS}: 'tags' must be a list of text, such as [exports, nev]",
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
        "exports.vehicles.2023",
    ),
    case(
        "kind-not-a-choice",
        market("kind: actual", "kind: actuals"),
        f"{MARKET}:6: {PROD}: 'kind' is 'actuals'; use one of: actual, estimate, forecast, "
        "target, threshold, rank, plan",
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
                "vehicles: {style: count, singular: vehicle, plural: vehicles}",
                "vehicles: count",
                UNITS.read_text("utf-8"),
            )
        },
        "facts/units.yaml:5: unit 'vehicles' must be a mapping of keys (style, singular, "
        "plural, symbol)",
    ),
    case(
        "currency-unit-without-symbol",
        {"facts/units.yaml": UNITS.read_text("utf-8") + "gbp: {style: currency, symbol: GBP}\n"},
        f"facts/units.yaml:{UNIT_LINES + 1}: unit 'gbp': a currency unit needs 'symbol', one "
        "of: CNY, EUR, USD (the currencies quotes are read in)",
    ),
    case(
        "unknown-period",
        market('period: "2024"', 'period: "FY2024"'),
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
        "'quote' the number comes from, or, for a computed fact, 'derived_from' and a 'note'",
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
            + "  note: as counted\n  derived_from: [market.output.2024]\n"
            + PARTS_FACT
        },
        f"{MARKET}:1: {PROD}: derived_from names unknown fact 'market.output.2024'",
    ),
    case(
        "derived-in-a-circle",
        {
            MARKET: UNQUOTED
            + "  note: as below\n  derived_from: [market.output.2024]\n"
            + "- id: market.output.2024\n  subject: Output\n  value: 31280000\n  unit: vehicles\n"
            '  period: "2024"\n  kind: actual\n  geo: China\n  note: as above\n'
            "  derived_from: [market.production.2024]\n" + PARTS_FACT
        },
        f"{MARKET}:1: {PROD}: derived_from goes round in a circle (market.production.2024 -> "
        "market.output.2024 -> market.production.2024); derive from facts that have a quote",
    ),
    # --- provenance: the archive and the quote -----------------------------------------------
    case(
        "missing-seed-file",
        {"seeds/seed.txt": None},
        f"{SOURCES}:2: source 'demo': file seeds/seed.txt not found; archive the document in "
        "seeds/ first",
    ),
    case(
        "seed-outside-seeds",
        {SOURCES: sources_yaml(seed="../facts/units.yaml")},
        f"{SOURCES}:2: source 'demo': 'file' must be a file name in seeds/, not a path; "
        "archive the document in seeds/ and write its name",
    ),
    case(
        "changed-seed",
        {"seeds/seed.txt": CHANGED_SEED},
        f"{SOURCES}:3: source 'demo': seeds/seed.txt has sha256 {sha(CHANGED_SEED)}, not the "
        "recorded one; the archive changed: restore the original file, or record the new "
        "hash if the change is intended",
    ),
    case(
        "sha256-malformed",
        {SOURCES: sources_yaml().replace(sha(SEED_TEXT), sha(SEED_TEXT)[:40])},
        f"{SOURCES}:3: source 'demo': 'sha256' must be 64 hexadecimal digits; record the "
        "output of: sha256sum seeds/seed.txt",
    ),
    case(
        "seed-not-utf8",
        {
            "seeds/seed.txt": LATIN1_SEED,
            SOURCES: sources_yaml().replace(sha(SEED_TEXT), sha(LATIN1_SEED)),
        },
        f"{SOURCES}:2: source 'demo': seeds/seed.txt is not UTF-8; convert it",
    ),
    case(
        "source-id-not-lowercase",
        {SOURCES: sources_yaml().replace("demo:", "Demo:") + sources_yaml()},
        f"{SOURCES}:1: source 'Demo': id must be lowercase letters, digits and dashes",
    ),
    case(
        "quote-not-in-source",
        market("31.44 million units", "31.45 million units"),
        f"{MARKET}:9: {PROD}: quote not found in seeds/seed.txt; copy it verbatim from the "
        'source (it matches only up to: "31.28 million and 31.4")',
    ),
    case(
        "number-differs-from-value",
        market("value: 31280000", "value: 31290000"),
        f"{MARKET}:3: {PROD}: value 31290000 is not a number the quote states (it states: "
        "31.28 million = 31280000, 31.44 million = 31440000); correct the value or the quote",
    ),
    case(
        "number-of-another-kind",
        market("value: 31280000\n  unit: vehicles", "value: 31.28\n  unit: percent"),
        f"{MARKET}:3: {PROD}: value 31.28 is not a number the quote states (it states: "
        "31.28 million = 31280000, 31.44 million = 31440000); correct the value or the quote",
    ),
    case(
        "range-in-wrong-order",
        market("value: 31280000", "value: [31440000, 31280000]"),
        f"{MARKET}:3: {PROD}: 'value' range [31440000, 31280000] is in the wrong order; "
        "write [low, high]",
    ),
    case(
        "range-with-equal-ends",
        market("value: 31280000", "value: [31280000, 31280000]"),
        f"{MARKET}:3: {PROD}: 'value' range [31280000, 31280000] has equal ends; write one number",
    ),
    # --- pages ---------------------------------------------------------------------------------
    case(
        "unknown-fact-in-page",
        page('Sales: {{ fact("market.sales.2024") }}\n'),
        f"{INDEX}:4: unknown fact 'market.sales.2024'; use an id from facts/*.yaml",
    ),
    case(
        "unknown-chart-in-page",
        page('{{ chart("production") }}\n'),
        f"{INDEX}:4: unknown chart 'production'; declare it in facts/charts.yaml",
    ),
    case(
        "jinja-syntax-error",
        page("\n{% if %}\nText\n"),
        f"{INDEX}:5: template syntax error: Expected an expression, got 'end of statement "
        f"block'; {SYNTAX}",
    ),
    case(
        "literal-braces-in-page",
        page("Templates write {{ like this.\n"),
        f"{INDEX}:4: template syntax error: expected token 'end of print statement', got "
        f"'this'; {SYNTAX}",
    ),
    case(
        "unknown-name-in-page",
        page("{{ facts }}\n"),
        f"{INDEX}:4: 'facts' is undefined; {ONLY}",
    ),
    case(
        "fact-without-id",
        page("{{ fact() }}\n"),
        f'{INDEX}:4: fact() takes one id, such as fact("exports.vehicles.2023")',
    ),
    case(
        "fact-not-called",
        page("{{ fact }}\n"),
        f'{INDEX}:4: template error: fact and chart must be called: fact("id"); {ONLY}',
    ),
    case(
        "include-in-page",
        page('{% include "other.md" %}\n'),
        f"{INDEX}:4: cannot include or extend 'other.md'; pages stand alone",
    ),
    case(
        "error-in-page-expression",
        page("{{ 1 / 0 }}\n"),
        f"{INDEX}:4: template error: division by zero; {ONLY}",
    ),
    case(
        "python-internals-in-page",
        page("{{ fact.__globals__ }}\n"),
        f"{INDEX}:4: template error: access to attribute '__globals__' of 'function' object "
        f"is unsafe; {ONLY}",
    ),
    case(
        "page-not-utf8",
        {INDEX: CITES_ALL.encode() + "Caf\xe9\n".encode("latin-1")},
        f"{INDEX}:4: file is not UTF-8; save it as UTF-8",
    ),
    case(
        "number-typed-by-hand",
        page("Exports grew 12 percent.\n"),
        f'{INDEX}:4: number "12 percent" typed by hand; cite a fact instead: {{{{ fact("id") }}}}',
    ),
    case(
        "fact-cited-by-no-page",
        {INDEX: '# Home\n\n{{ fact("market.production.2024") }}\n'},
        f"{MARKET}:10: {PARTS} is cited by no page; cite it in a chapter, or tag it "
        "'background' to list it on the facts page only",
    ),
]
