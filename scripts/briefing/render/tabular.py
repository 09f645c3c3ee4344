"""A table source as readers see it: the whole table on its source page, each cell anchored
and the cited ones highlighted, and a chapter's ``table()``, whose figures are cited facts."""

from __future__ import annotations

from collections import defaultdict

from briefing.model import FactBook, Record, Source, cell_anchor
from briefing.render.markup import render
from briefing.render.urls import FACTS_PAGE, SiteUrls, source_page
from briefing.tables import SCALES, Table

SCALE_WORDS = {factor: name for name, factor in SCALES.items()}


def heading(book: FactBook, table: Table, column: str) -> str:
    """A column's heading with what its figures count: "exports (million vehicles)"."""
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


def source_table(book: FactBook, source: Source, urls: SiteUrls) -> str:
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
    return render(
        "source_table.html",
        header=header + (["Published in"] if has_publication else []),
        rows=rows,
        has_publication=has_publication,
    )
