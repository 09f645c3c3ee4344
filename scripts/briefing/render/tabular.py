"""A table source as readers see it: the whole table on its source page, each cell anchored
and the cited ones highlighted, and a chapter's ``table()``, whose figures are cited facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from markupsafe import Markup

from briefing.facts.model import Fact, FactBook, Record, Source, cell_anchor
from briefing.facts.tables import SCALES
from briefing.facts.tableshape import Table
from briefing.render.markup import PACKAGE, Partials
from briefing.render.urls import FACTS_PAGE, SiteUrls, source_page

SCALE_WORDS = {factor: name for name, factor in SCALES.items()}


def heading(book: FactBook, table: Table, column: str) -> str:
    """A column's heading with what its figures count: "exports (million tonnes)"."""
    declared = table.column(column)
    if declared.unit is None:
        return column
    unit = book.units.get(declared.unit)
    noun = (unit.plural or unit.id) if unit else declared.unit
    scale = SCALE_WORDS.get(declared.scale)
    return f"{column} ({scale + ' ' if scale else ''}{noun})"


def cited_cells(book: FactBook, source: Source) -> dict[tuple[str, str], list[Record]]:
    """The records citing each cell of a table source, in id order."""
    cells: dict[tuple[str, str], list[Record]] = defaultdict(list)
    records: list[Record] = [*book.facts_from(source.id), *book.claims_from(source.id)]
    for record in sorted(records, key=lambda r: r.id):
        if record.cell is not None:
            cells[record.cell].append(record)
    return cells


def source_table(
    book: FactBook, source: Source, urls: SiteUrls, partials: Partials = PACKAGE
) -> str:
    """The archived table of a table source, as its page shows it."""
    table = source.table
    assert table is not None
    here = source_page(source.id)
    columns = [c for c in table.header if c in table.shown or c in {"kind", "note"}]
    cited = cited_cells(book, source)
    rows = []
    for key, row in table.rows.items():
        cells = []
        for column in columns:
            records = cited.get((key, column), [])
            cells.append(
                {
                    "text": row.cells[column],
                    "anchor": cell_anchor(key, column),
                    "ids": " ".join(r.id for r in records),
                    "records": [
                        {"id": r.id, "href": urls.link(here, FACTS_PAGE, r.id)} for r in records
                    ],
                }
            )
        rows.append({"cells": cells, "publication": row.publication})
    has_publication = "publisher" in table.header
    header = [heading(book, table, c) for c in columns]
    return partials.render(
        "source_table.html",
        header=header + (["Published in"] if has_publication else []),
        rows=rows,
        has_publication=has_publication,
    )


def chapter_table(
    book: FactBook,
    source: Source,
    columns: tuple[str, ...],
    href: str,
    shown: Callable[[Fact], str],
    partials: Partials = PACKAGE,
) -> tuple[str, list[str]]:
    """A chapter's ``table()``: the rows of ``source`` in ``columns`` (default: all it shows),
    each figure the fact citing its cell as ``shown`` prints it; and the problems (a column
    the table has not, a figure no fact cites), as messages."""
    table = source.table
    assert table is not None
    wanted = columns or table.shown
    problems = [
        f"table '{source.id}' has no column '{c}'; its columns: {', '.join(table.shown)}"
        for c in wanted
        if c not in table.shown
    ]
    if problems:
        return "", problems
    key, *rest = (table.key, *(c for c in wanted if c != table.key))
    facts = cited_cells(book, source)
    uncited: dict[str, list[str]] = defaultdict(list)
    rows = []
    for row_key, row in table.rows.items():
        cells: list[str] = [row.cells[key]]
        for column in rest:
            text = row.cells[column]
            fact = next((r for r in facts.get((row_key, column), []) if isinstance(r, Fact)), None)
            if fact is None and text and table.column(column).unit:
                uncited[column].append(row_key)
            cells.append(text if fact is None else Markup(shown(fact)))
        rows.append(cells)
    problems += [
        f"table '{source.id}': column '{column}' has figures no fact cites (rows "
        f"{', '.join(keys)}); declare a series over it (or facts citing the cells), so each "
        "figure shown is a cited fact"
        for column, keys in uncited.items()
    ]
    header = [heading(book, table, c) for c in (key, *rest)]
    html = partials.render("chapter_table.html", source=source, header=header, rows=rows, href=href)
    return html, problems
