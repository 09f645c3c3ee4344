"""Records drawn from a table source's cells: a fact or claim citing one cell, and a series
declaring one fact per cell of a column.

A cell is checked as a quote is: it must exist in the archived table, and the record must
mean what the table says there (the value times the column's scale, the column's unit, the
period and kind the table states for it, the column's qualifier and whose data it is).
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Any

from briefing.facts import periods, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Source
from briefing.facts.numbers import digits, to_decimal
from briefing.facts.records import Refs
from briefing.facts.sources import text_of
from briefing.facts.tables import SCALES
from briefing.facts.tableshape import RESERVED, Table

NOT_WITH_CELL = ("quote", "context", "period_from")
_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>\d\d))?")
SCALE_NAMES = {factor: name for name, factor in SCALES.items()}


def cited_cell(
    node: Any, what: str, check: Checker, refs: Refs, line: int
) -> tuple[Source, str, str] | None:
    """The table source, row and column a record's ``cell`` (or a series' ``column``) names,
    or None when one is wrong (reported at ``line``) or its source is broken (reported there)."""
    for key in (k for k in NOT_WITH_CELL if k in node):
        check.add(
            yamlio.line_of(node, key),
            f"{what}: '{key}' is for a quote; a record citing a table's cell has none: remove it",
        )
        return None
    sid = text_of(node, "source")
    if not sid:
        check.add(line, f"{what}: a record citing a cell needs 'source', the table's id")
        return None
    if refs.sources is None or sid in refs.broken_sources:
        return None
    source = refs.sources.get(sid)
    if source is None:
        known = ", ".join(sorted(s for s, v in refs.sources.items() if v.table)) or "none yet"
        check.add(
            yamlio.line_of(node, "source"),
            f"{what}: unknown source '{sid}'; add it to facts/sources.yaml (tables: {known})",
        )
        return None
    if source.table is None:
        check.add(
            line,
            f"{what}: source '{sid}' is an archived text, not a table; cite it with 'quote'",
        )
        return None
    cell = node.get("cell") or {"row": None, "column": node.get("column")}
    column = str(cell["column"])
    if not _column_ok(source, column, what, check, line):
        return None
    row = cell["row"]
    if row is not None and str(row) not in source.table.rows:
        keys = list(source.table.rows)
        close = difflib.get_close_matches(str(row), keys, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        check.add(
            line,
            f"{what}: no row '{row}' in {source.archive} (column '{source.table.key}'); "
            f"{hint}its rows: {_listed(keys)}",
        )
        return None
    return source, "" if row is None else str(row), column


def _cited_table(
    node: Any, what: str, check: Checker, refs: Refs, line: int
) -> tuple[Source, Table, str, str] | None:
    """``cited_cell`` with the source's table itself, for the checks of one cited cell."""
    found = cited_cell(node, what, check, refs, line)
    table = found[0].table if found else None
    if found is None or table is None:
        return None
    return found[0], table, found[1], found[2]


def _column_ok(source: Source, column: str, what: str, check: Checker, line: int) -> bool:
    table = source.table
    assert table is not None
    if column not in table.header:
        check.add(
            line,
            f"{what}: no column '{column}' in {source.archive}; its columns: "
            f"{', '.join(table.shown)}",
        )
        return False
    if column in RESERVED or column == table.key:
        check.add(
            line,
            f"{what}: column '{column}' describes the row (its key, kind or publication); "
            f"cite a column of the table's data: {', '.join(c for c in table.shown if c != table.key)}",
        )
        return False
    return True


def _listed(keys: list[str]) -> str:
    shown = ", ".join(keys[:12])
    return shown + (f" and {len(keys) - 12} more" if len(keys) > 12 else "")


def check_fact_cell(
    node: Any, what: str, check: Checker, refs: Refs, unit_id: str | None
) -> tuple[str, str] | None:
    """The (row, column) a fact cites, when the fact means what the cell says (else reported)."""
    line = yamlio.line_of(node, "cell")
    found = _cited_table(node, what, check, refs, line)
    if found is None:
        return None
    source, table, row, column = found
    declared = table.column(column)
    if declared.unit is None:
        check.add(
            line,
            f"{what}: column '{column}' of {source.archive} holds text (facts/sources.yaml "
            "declares no unit for it); cite a column of numbers, or make this a claim",
        )
        return None
    cell = table.value(row, column)
    if cell is None:
        check.add(line, f"{what}: the cell (row {row}, column {column}) is empty: no figure")
        return None
    problems = []
    if unit_id is not None and unit_id != declared.unit:
        problems.append(("unit", f"unit '{unit_id}' is not the column's unit '{declared.unit}'"))
    value = node["value"]
    if isinstance(value, list) or to_decimal(value) != cell:
        raw = table.rows[row].cells[column]
        times = f" ({SCALE_NAMES[declared.scale]})" if declared.scale != 1 else ""
        problems.append(
            (
                "value",
                f"value {value} is not the cell's: row {row}, column {column} holds "
                f"{raw}{times} = {digits(cell)}; correct the value",
            )
        )
    problems += meaning_problems(node, table, row, column)
    for key, message in problems:
        check.add(yamlio.line_of(node, key), f"{what}: {message}")
    return None if problems else (row, column)


def meaning_problems(node: Any, table: Table, row: str, column: str) -> list[tuple[str, str]]:
    """Where a record's period, kind, qualifier or data_from disagree with the table's."""
    out = []
    period, stated = text_of(node, "period"), table.period(row, column)
    if period is not None and stated is not None and period != stated:
        where = f"column '{column}'" if table.column(column).period else f"row {row}"
        out.append(("period", f"period '{period}' is not the table's: {where} is about {stated}"))
    kind, stated_kind = text_of(node, "kind"), table.kind(row, column)
    if kind is not None and kind != stated_kind:
        said = "its kind column" if table.rows[row].cells.get("kind") else "the table's default"
        out.append(("kind", f"kind '{kind}' is not the cell's: {stated_kind} ({said})"))
    declared = table.column(column)
    if "value" in node and text_of(node, "qualifier") != declared.qualifier:
        wanted = f"'{declared.qualifier}'" if declared.qualifier else "none"
        out.append(("qualifier", f"qualifier must be the column's: {wanted}"))
    data_from = text_of(node, "data_from")
    if data_from and declared.data_from and data_from != declared.data_from:
        out.append(("data_from", f"data_from is not the column's: '{declared.data_from}'"))
    return out


def check_claim_cell(
    node: Any, what: str, check: Checker, refs: Refs
) -> tuple[Source, str, str] | None:
    """The table, row and column of a claim citing a text cell, when it agrees with it."""
    line = yamlio.line_of(node, "cell")
    found = _cited_table(node, what, check, refs, line)
    if found is None:
        return None
    source, table, row, column = found
    if table.column(column).unit is not None:
        check.add(line, f"{what}: column '{column}' holds numbers; cite it from a fact")
        return None
    if not table.rows[row].cells[column]:
        check.add(line, f"{what}: the cell (row {row}, column {column}) is empty")
        return None
    problems = meaning_problems(node, table, row, column)
    said = _unsaid(str(node["claim"]), table.rows[row].cells[column])
    if said:
        problems.append(
            (
                "claim",
                f"its words do not say the cell's {said} (row {row}, "
                f"column {column}); write the claim so that it states what the cell says",
            )
        )
    for key, message in problems:
        check.add(yamlio.line_of(node, key), f"{what}: {message}")
    return None if problems else (source, row, column)


def _unsaid(claim: str, cell: str) -> str | None:
    """What of the cell the claim's words leave unsaid, or None: a date cell's date (written
    as the ISO date or in words), else the cell's words (case and spacing aside)."""
    words = " ".join(claim.casefold().split())
    date = _DATE.fullmatch(cell)
    if date is None:
        wanted = " ".join(cell.casefold().split())
        return None if re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", words) else f'"{cell}"'
    year, month, day = date["year"], periods.MONTHS[int(date["month"]) - 1], date["day"]
    forms = [cell]
    if day:
        forms += [f"{int(day)} {month} {year}", f"{month} {int(day)}, {year}"]
    else:
        forms += [f"{month} {year}"]
    if any(form.casefold() in words for form in forms):
        return None
    return f"date {cell} (as " + " or ".join(forms[1:] + forms[:1]) + ")"


def number(value: Decimal) -> int | float:
    """A cell's value as YAML would have given it (an integer where it is whole)."""
    return int(value) if value == value.to_integral_value() else float(value)
