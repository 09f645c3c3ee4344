"""A checked table source's shape: its columns as declared, its rows by key, and who published
each row. Plain frozen data that imports nothing of the package, so the model can hold a table
while reading one (``facts/tables.py``) uses the model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

PUBLICATION = ("publisher", "title", "published", "url")
RESERVED = ("kind", *PUBLICATION, "note")


@dataclass(frozen=True)
class Publication:
    """Who published a row's figures: a table's entry, or a compiled table's row."""

    publisher: str
    title: str
    published: str
    url: str | None


@dataclass(frozen=True)
class Column:
    """What the source's entry declares about one column (nothing: a text column)."""

    name: str
    unit: str | None = None
    scale: int = 1
    period: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    data_from: str | None = None


@dataclass(frozen=True)
class Row:
    key: str
    cells: Mapping[str, str]
    line: int  # its line in the CSV, for messages
    publication: Publication | None  # None: the table's entry's


@dataclass(frozen=True)
class Table:
    """A checked table: its header, declared columns and rows by key (plain dicts, so the
    book pickles into the build cache; nothing writes to them)."""

    header: tuple[str, ...]
    key: str
    columns: Mapping[str, Column]
    rows: Mapping[str, Row]
    period_column: str | None

    def column(self, name: str) -> Column:
        return self.columns.get(name) or Column(name)

    def value(self, row: str, column: str) -> Decimal | None:
        """The cell's full magnitude (times the column's scale); None for an empty cell."""
        text = self.rows[row].cells[column]
        return Decimal(text) * self.column(column).scale if text else None

    def period(self, row: str, column: str) -> str | None:
        """The period the table states for the cell, if it states one."""
        declared = self.column(column).period
        if declared or self.period_column is None:
            return declared
        return self.rows[row].cells[self.period_column] or None

    def kind(self, row: str, column: str) -> str:
        stated = self.rows[row].cells.get("kind") if "kind" in self.header else None
        return stated or self.column(column).kind or "actual"

    @property
    def shown(self) -> tuple[str, ...]:
        """The columns a reader sees as data: all but the reserved ones."""
        return tuple(c for c in self.header if c not in RESERVED or c == self.key)
