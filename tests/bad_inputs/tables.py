"""Bad input in table sources (issue 19): the CSV, its entry, and records citing its cells.

The tiny project gains seeds/annual.csv, its entry first in facts/sources.yaml (lines 1-13)
and facts/tables.yaml (a cell fact on lines 1-9, a series on 10-14, a claim on 15-20).
"""

from __future__ import annotations

from bad_inputs.base import SOURCES, case, edit, sha
from conftest import CITES_ALL, TABLE_CSV, TABLE_FACTS, sources_yaml, table_entry, table_files

TABLES = "facts/tables.yaml"
CSV = "seeds/annual.csv"
FACT = "fact 'exports.vehicles.2024'"
SERIES = "series 'exports.growth.{row}'"


def facts(old: str, new: str) -> dict[str, str | bytes | None]:
    return {**table_files(), TABLES: edit(old, new, TABLE_FACTS)}


def table(old: str, new: str) -> dict[str, str | bytes | None]:
    """A CSV edited and its hash recorded anew (the edit is intended)."""
    return dict(table_files(edit(old, new, TABLE_CSV)))


CASES = [
    case(
        "table-cell-row-missing",
        facts('row: "2024", column: exports', 'row: "2O24", column: exports'),
        f"{TABLES}:9: {FACT}: no row '2O24' in {CSV} (column 'year'); did you mean '2024'? "
        "its rows: 2023, 2024, 2025",
    ),
    case(
        "table-cell-column-missing",
        facts("column: exports}", "column: export}"),
        f"{TABLES}:9: {FACT}: no column 'export' in {CSV}; its columns: year, exports, growth, "
        "status",
    ),
    case(
        "table-cell-value-differs",
        facts("value: 5859000", "value: 5850000"),
        f"{TABLES}:3: {FACT}: value 5850000 is not the cell's: row 2024, column exports holds "
        "5.859 (million) = 5859000; correct the value",
    ),
    case(
        "table-cell-period-and-kind-differ",
        facts('period: "2024"\n  kind: actual', 'period: "2023"\n  kind: forecast'),
        f"{TABLES}:5: {FACT}: period '2023' is not the table's: row 2024 is about 2024",
        f"{TABLES}:6: {FACT}: kind 'forecast' is not the cell's: actual (its kind column)",
    ),
    case(
        "table-hash-changed",
        {**table_files(), CSV: TABLE_CSV.replace("5.859", "5.86")},
        f"{SOURCES}:3: source 'annual': {CSV} has sha256 {sha(TABLE_CSV.replace('5.859', '5.86'))}, "
        "not the recorded one; the archive changed: restore the original file, or record the "
        "new hash if the change is intended",
    ),
    case(
        "table-ragged-row",
        table("2024,5.859,19.3,final,actual,,,,", "2024,5.859,19.3,final,actual,,,"),
        f"{CSV}:3: source 'annual': row has 8 fields, the header 9; give every row one field "
        "per column (quote a field holding a comma)",
    ),
    case(
        "table-bad-number",
        table("2024,5.859,", '2024,"5,859",'),
        f"{CSV}:3: source 'annual': column 'exports': bad number '5,859'; write plain digits "
        "with a '.' for the decimals (no thousands separators, %, units or words)",
    ),
    case(
        "table-duplicate-row-key",
        table("2025,6.5,", "2024,6.5,"),
        f"{CSV}:4: source 'annual': duplicate row key '2024', first on line 3; give each row "
        "its own key",
    ),
    case(
        "table-series-missing-column",
        facts("column: growth", "column: growth_rate"),
        f"{TABLES}:12: {SERIES}: no column 'growth_rate' in {CSV}; its columns: year, exports, "
        "growth, status",
    ),
    case(
        "table-series-row-without-value",
        facts("column: growth\n", 'column: growth\n  rows: ["2024", "2025"]\n'),
        f"{TABLES}:13: {SERIES}: the cells of row '2025' in column 'growth' are empty; list "
        "rows with a value",
    ),
    case(
        "table-needs-method",
        {
            **table_files(),
            SOURCES: edit(
                '  method: "Figures transcribed by the editors from '
                'the publication; no text copied."\n',
                "",
                table_entry(),
            )
            + sources_yaml(),
        },
        f"{SOURCES}:2: source 'annual': a table needs 'method', how it was made, such as: "
        "figures transcribed by the editors from the publication at the URL; no text copied",
    ),
    case(
        "table-row-publication-partial",
        table("2024,5.859,19.3,final,actual,,,,", "2024,5.859,19.3,final,actual,Reuters,,,"),
        f"{CSV}:3: source 'annual': the row's publication is partly given; fill publisher, "
        "title and published (the row's own publication) or leave all three empty (the table's)",
    ),
    case(
        "table-quoted-like-a-text",
        facts('cell: {row: "2024", column: exports}', 'quote: "5.859"'),
        f"{TABLES}:9: {FACT}: source 'annual' is a table; cite its cell instead of a quote: "
        'cell: {row: "ROW KEY", column: NAME}',
    ),
    case(
        "table-claim-cites-numbers",
        facts("column: status}", "column: growth}"),
        f"{TABLES}:18: claim 'status.outlook.2025': column 'growth' holds numbers; cite it "
        "from a fact",
    ),
]

CHART = """\
mixed:
  title: Exports and production
  mark: bar
  facts: [exports.vehicles.2024, market.production.2024]
  x: label
  y: value
  alt: Bars of exports and production.
"""
CASES += [
    case(
        "chart-mixes-period-lengths",
        {**table_files(), "facts/charts.yaml": CHART},
        "facts/charts.yaml:4: chart 'mixed': a bar chart of periods of different lengths "
        "(12 months: exports.vehicles.2024; undated: market.production.2024) reads as if they "
        'were comparable; chart one length of period, or declare mixed_periods: "why they may '
        'share an axis"',
    ),
    case(
        "chart-declares-mixed-periods-needlessly",
        {
            **table_files(),
            "facts/charts.yaml": edit(", market.production.2024]", "]", CHART).replace(
                "  x: label\n", "  mixed_periods: Both are years.\n  x: label\n"
            ),
        },
        "facts/charts.yaml:5: chart 'mixed': 'mixed_periods' is for facts covering periods of "
        "different lengths; these all cover the same length: remove it",
    ),
]

CASES += [
    case(
        "table-figures-no-fact-cites",
        {**table_files(), "docs/index.md": CITES_ALL + '\n{{ table("annual") }}\n'},
        "docs/index.md:5: table 'annual': column 'exports' has figures no fact cites (rows "
        "2023, 2025); declare a series over it (or facts citing the cells), so each figure "
        "shown is a cited fact",
    ),
    case(
        "table-of-a-text-source",
        {**table_files(), "docs/index.md": CITES_ALL + '\n{{ table("demo", "x") }}\n'},
        "docs/index.md:5: table(): 'demo' is an archived text; name a table source (annual)",
    ),
    case(
        "table-period-cell-malformed",
        table("2025,6.5,", "2025-13,6.5,"),
        f"{CSV}:4: source 'annual': column 'year': malformed period '2025-13'; use YYYY, "
        "YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10, or "
        "undated when the source gives no period",
    ),
]

CASES += [
    case(
        "table-claim-says-other-than-its-cell",
        facts("The 2025 figure is expected, not final.", "The 2025 figure is final."),
        f"{TABLES}:16: claim 'status.outlook.2025': its words do not say the cell's "
        '"expected" (row 2025, column status); write the claim so that it states what the '
        "cell says",
    ),
]
