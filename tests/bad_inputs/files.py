"""Bad input in files: YAML that does not parse, or means what was not meant; files that are
not what they should be (empty, not UTF-8, oversized, an alias bomb)."""

from __future__ import annotations

from bad_inputs.base import (
    BOMB,
    MARKET,
    OVERSIZED,
    PARTS,
    PARTS_FACT,
    PROD,
    SOURCES,
    case,
    market,
)
from conftest import FACTS, sources_yaml

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
        market("period: undated", "period: 012"),
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
        market("period: undated", "period: 2024-10-01"),
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
]
