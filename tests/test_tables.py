"""Table sources (issue 19): the CSV read as a table, facts and claims citing its cells, a
series becoming one fact per cell; each checked against what the table states."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from briefing.chapterchecks.sourcing import sourcing_problems
from briefing.facts.loading import load
from briefing.facts.model import FactBook, slug
from briefing.facts.tableshape import Publication
from briefing.paths import Paths
from conftest import TABLE_CSV, TABLE_FACTS, Project, table_files

ProjectFactory = Callable[..., Project]


def book_of(project: ProjectFactory, files: dict[str, str]) -> tuple[FactBook, list[str]]:
    proj = project()
    for rel, text in files.items():
        proj.write(rel, text)
    book, problems = load(Paths(proj.root))
    return book, [str(p) for p in problems]


def test_a_table_source_holds_its_rows_by_key_with_the_declared_columns(
    project: ProjectFactory,
) -> None:
    book, problems = book_of(project, table_files())
    assert problems == []
    source = book.sources["annual"]
    assert source.table is not None and source.method is not None
    table = source.table
    assert list(table.rows) == ["2023", "2024", "2025"]
    assert table.shown == ("year", "exports", "growth", "status")
    assert table.value("2024", "exports") == Decimal("5859000")
    assert table.value("2025", "growth") is None
    assert (table.period("2025", "exports"), table.kind("2025", "exports")) == ("2025", "forecast")
    assert table.rows["2024"].line == 3


def test_each_row_resolves_to_a_named_publication(project: ProjectFactory) -> None:
    book, _ = book_of(project, table_files())
    source = book.sources["annual"]
    assert source.publication("2023") == Publication(
        "Xinhua", "CAAM 2023 results", "2024-01-11", "https://example.org/2023"
    )
    assert source.publication("2024") == Publication(
        "Demo Agency", "Annual results", "2026-01-15", "https://example.org/annual"
    )


def test_a_cell_fact_and_a_series_are_ordinary_facts(project: ProjectFactory) -> None:
    book, _ = book_of(project, table_files())
    cell = book.facts["exports.vehicles.2024"]
    assert (cell.value, cell.cell, cell.quote, cell.reported) == (
        5859000,
        ("2024", "exports"),
        None,
        "2026-01-15",
    )
    series = [f for f in book.facts.values() if f.id.startswith("exports.growth.")]
    assert [(f.id, f.value, f.period, f.kind, f.unit.id, f.reported) for f in series] == [
        ("exports.growth.2023", 57.9, "2023", "actual", "percent", "2024-01-11"),
        ("exports.growth.2024", 19.3, "2024", "actual", "percent", "2026-01-15"),
    ]
    assert series[0].text == "57.9%"
    assert (series[0].path, series[0].line) == ("facts/tables.yaml", 10)


def test_a_claim_cites_a_text_cell_and_shows_it_as_its_passage(project: ProjectFactory) -> None:
    book, _ = book_of(project, table_files())
    claim = book.claims["status.outlook.2025"]
    assert (claim.quote, claim.cell, claim.span) == ("expected", ("2025", "status"), None)


def _company_entry(csv: str) -> str:
    """The table's entry for a table of companies: no period column, no growth column."""
    entry = table_files(csv)["facts/sources.yaml"]
    return entry.replace("  period: year\n", "").replace("    growth: {unit: percent}\n", "")


def test_a_series_takes_the_row_key_as_period_and_in_its_subject(
    project: ProjectFactory,
) -> None:
    csv = "company,exports\nBYD Auto,0.4172\nChery,1.144\n"
    entry = _company_entry(csv)
    facts = (
        "- series: exports.company.{row}\n"
        "  source: annual\n"
        "  column: exports\n"
        "  subject: Exports of {row}\n"
        '  period: "2024"\n'
        "  unit: vehicles\n"
        "  geo: China\n"
    )
    book, problems = book_of(project, {**table_files(csv, facts), "facts/sources.yaml": entry})
    assert problems == []
    assert [(f.id, f.subject, f.value, f.period) for f in book.facts.values()][-2:] == [
        ("exports.company.byd-auto", "Exports of BYD Auto", 417200, "2024"),
        ("exports.company.chery", "Exports of Chery", 1144000, "2024"),
    ]


def test_a_series_over_a_table_stating_no_period_needs_one(project: ProjectFactory) -> None:
    csv = "company,exports\nChery,1.144\n"
    entry = _company_entry(csv)
    facts = (
        "- series: exports.company.{row}\n  source: annual\n  column: exports\n"
        "  subject: Exports\n  geo: China\n"
    )
    _, problems = book_of(project, {**table_files(csv, facts), "facts/sources.yaml": entry})
    assert problems == [
        "facts/tables.yaml:1: series 'exports.company.{row}', row Chery: the table states no "
        'period for it; give period: "{row}" (the row key is the period) or the one period of '
        "every row"
    ]


def test_a_fixed_period_column_wins_over_the_row_period(project: ProjectFactory) -> None:
    files = table_files()
    files["facts/sources.yaml"] = files["facts/sources.yaml"].replace(
        "growth: {unit: percent}", 'growth: {unit: percent, period: "2020"}'
    )
    book, problems = book_of(project, files)
    assert problems == []
    assert book.facts["exports.growth.2023"].period == "2020"
    cell = TABLE_FACTS.replace("value: 5859000", "value: 19.3").replace("vehicles\n", "percent\n")
    cell = cell.replace("column: exports", "column: growth")
    _, problems = book_of(project, {**files, "facts/tables.yaml": cell})
    assert problems == [
        "facts/tables.yaml:5: fact 'exports.vehicles.2024': period '2024' is not the table's: "
        "column 'growth' is about 2020"
    ]


def test_slugs_make_anchors_and_ids() -> None:
    assert [slug(k) for k in ("2025-H1", "BYD Auto", "  Ümit!", "<x>")] == [
        "2025-h1",
        "byd-auto",
        "mit",
        "x",
    ]


def test_an_unknown_column_unit_is_reported_at_its_declaration(project: ProjectFactory) -> None:
    files = table_files()
    files["facts/sources.yaml"] = files["facts/sources.yaml"].replace(
        "{unit: percent}", "{unit: percents}"
    )
    _, problems = book_of(project, files)
    assert problems[0] == (
        "facts/sources.yaml:13: source 'annual': column 'growth': unknown unit 'percents'; "
        "use one of facts/units.yaml"
    )
    assert TABLE_CSV.count("\n") == 4


def test_period_lengths_compare_a_year_with_its_parts() -> None:
    from briefing.facts.periods import length

    assert [length(p) for p in ("2023", "2024-H1", "2025-Q1", "2024-10", "2024-01/2024-10")] == [
        "12 months",
        "6 months",
        "3 months",
        "1 month",
        "10 months",
    ]
    assert [length(p) for p in ("2025/2026", "2025-03-05", "2024-01/2024-03-15", "undated")] == [
        "24 months",
        "1 day",
        "75 days",
        "undated",
    ]


def test_a_claim_from_a_date_cell_states_the_date(project: ProjectFactory) -> None:
    csv = TABLE_CSV.replace("final,actual,,,,", "2024-10-30,actual,,,,")
    claim = (
        "- id: trade.duties.from\n"
        "  claim: {words}\n"
        "  source: annual\n"
        '  cell: {{row: "2024", column: status}}\n'
        "  kind: actual\n"
    )
    for words, problems in (
        ('"Duties apply from 30 October 2024."', []),
        ('"Duties apply from October 30, 2024."', []),
        ('"Duties apply from 2024-10-30."', []),
        (
            '"Duties apply from 31 October 2024."',
            [
                "facts/tables.yaml:2: claim 'trade.duties.from': its words do not say the "
                "cell's date 2024-10-30 (as 30 October 2024 or October 30, 2024 or 2024-10-30) "
                "(row 2024, column status); write the claim so that it states what the cell says"
            ],
        ),
    ):
        _, found = book_of(project, table_files(csv, claim.format(words=words)))
        assert found == problems, words


def test_a_sentence_may_name_the_publisher_of_the_row_it_cites(project: ProjectFactory) -> None:
    """A compiled table's row names its own publication; a sentence naming that publisher
    attributes rightly, and naming it for a row another publisher's is still refused."""
    book, _ = book_of(project, table_files())
    own, other = '{{ fact("exports.growth.2023") }}', '{{ fact("exports.growth.2024") }}'
    assert sourcing_problems(f"Exports grew {own}, Xinhua reported.", "docs/p.md", book) == []
    found = sourcing_problems(f"Exports grew {other}, Xinhua reported.", "docs/p.md", book)
    assert [p.message.split(", but")[0] for p in found] == [
        'the sentence attributes what it says to "Xinhua"'
    ]
