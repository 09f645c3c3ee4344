"""Bad input in provenance (the archive and the quote) and in pages."""

from __future__ import annotations

from bad_inputs.base import (
    CHANGED_SEED,
    INDEX,
    LATIN1_SEED,
    MARKET,
    ONLY,
    PARTS,
    PROD,
    SOURCES,
    SYNTAX,
    case,
    market,
    page,
    sha,
)
from conftest import CITES_ALL, SEED_TEXT, sources_yaml

CASES = [
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
        f"{INDEX}:5: '{{% if %}}' is not available in pages; {ONLY}",
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
        f'{INDEX}:4: fact() takes one id, such as fact("sales.total.2023")',
    ),
    case(
        "fact-not-called",
        page("{{ fact }}\n"),
        f'{INDEX}:4: fact must be called: fact("sales.total.2023"); {ONLY}',
    ),
    case(
        "include-in-page",
        page('{% include "other.md" %}\n'),
        f"{INDEX}:4: cannot include 'other.md'; pages stand alone",
    ),
    case(
        "error-in-page-expression",
        page("{{ 1 / 0 }}\n"),
        f"{INDEX}:4: the number 1 cannot be printed through Jinja; {ONLY}",
    ),
    case(
        "python-internals-in-page",
        page("{{ fact.__globals__ }}\n"),
        f"{INDEX}:4: the attribute '.__globals__' is not available in pages; {ONLY}",
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
