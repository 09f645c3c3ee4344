"""A series: one declaration in a fact file that becomes one fact per cell of a table's
column, so a hundred cells are not a hundred hand-written facts. Each fact is an ordinary
fact (cited, charted, searched, downloaded); its value is the cell's by construction, and
what the declaration says about all of them (unit, period, kind) is checked against the
table. Problems point at the declaration."""

from __future__ import annotations

from typing import Any

from briefing.facts import periods, yamlio
from briefing.facts.cells import cited_cell, meaning_problems, number
from briefing.facts.checker import Checker
from briefing.facts.model import Fact, Source, slug
from briefing.facts.records import RECORD_ID, Refs
from briefing.facts.schema import SERIES_FIELDS
from briefing.facts.sources import text_of

ROW = "{row}"


def is_series(node: Any) -> bool:
    return isinstance(node, dict) and "series" in node


def load_series(node: dict[str, Any], line: int, check: Checker, refs: Refs) -> list[Fact]:
    """The facts a series declares, or none with every problem reported."""
    pattern = node.get("series")
    what = f"series '{pattern}'"
    if not check.fields(node, SERIES_FIELDS, what, line):
        refs.unread = True
        return []
    pattern = str(pattern)
    if pattern.count(ROW) != 1:
        check.add(line, f"{what}: the id pattern needs {ROW} once, such as exports.vehicles.{ROW}")
        refs.unread = True
        return []
    found = cited_cell(node, what, check, refs, yamlio.line_of(node, "column"))
    if found is None:
        refs.unread = True
        return []
    source, _, column = found
    rows = _rows(node, source, column, what, check)
    facts = [_fact(node, source, row, column, line, check, refs) for row in rows or []]
    if rows is None or None in facts:
        refs.unread = True
        return []
    return [f for f in facts if f is not None]


def _rows(node: Any, source: Source, column: str, what: str, check: Checker) -> list[str] | None:
    table = source.table
    assert table is not None
    declared = table.column(column)
    at = yamlio.line_of(node, "column")
    if declared.unit is None:
        check.add(
            at,
            f"{what}: column '{column}' of {source.archive} holds text (facts/sources.yaml "
            "declares no unit for it); a series is of numbers",
        )
        return None
    if node.get("unit") is not None and node["unit"] != declared.unit:
        check.add(
            yamlio.line_of(node, "unit"),
            f"{what}: unit '{node['unit']}' is not the column's unit '{declared.unit}'",
        )
        return None
    wanted = [str(r) for r in node.get("rows") or ()]
    rows = wanted or [k for k, row in table.rows.items() if row.cells[column]]
    missing = [r for r in wanted if r not in table.rows]
    empty = [r for r in wanted if r in table.rows and not table.rows[r].cells[column]]
    for message in (
        f"no row {', '.join(repr(r) for r in missing)} in {source.archive}" if missing else "",
        f"the cells of row {', '.join(repr(r) for r in empty)} in column '{column}' are empty"
        if empty
        else "",
    ):
        if message:
            check.add(yamlio.line_of(node, "rows"), f"{what}: {message}; list rows with a value")
    if not rows:
        check.add(at, f"{what}: column '{column}' has no values; a series needs one at least")
    return None if missing or empty or not rows else rows


def _fact(
    node: Any, source: Source, row: str, column: str, line: int, check: Checker, refs: Refs
) -> Fact | None:
    table = source.table
    assert table is not None and refs.units is not None
    declared = table.column(column)
    fid = str(node["series"]).replace(ROW, slug(row))
    what = f"series '{node['series']}', row {row}"
    if not RECORD_ID.fullmatch(fid):
        check.add(line, f"{what}: id '{fid}' must be lowercase dotted words")
        return None
    if fid in refs.declared:
        check.add(line, f"{what}: fact id '{fid}' is taken (first at {refs.declared[fid]})")
        return None
    refs.declared[fid] = f"{check.rel}:{line}"
    period = _period(node, table.period(row, column), row, what, check)
    value = table.value(row, column)
    unit = refs.units.get(str(declared.unit))
    record = {"kind": node.get("kind"), "data_from": node.get("data_from")}
    problems = meaning_problems({**record, "period": period}, table, row, column)
    for key, message in problems:
        check.add(yamlio.line_of(node, key), f"{what}: {message}")
    if period is None or value is None or unit is None or problems:
        return None
    return Fact(
        id=fid,
        subject=str(node["subject"]).replace(ROW, row),
        value=number(value),
        unit=unit,
        period=period,
        kind=table.kind(row, column),
        geo=str(node["geo"]),
        source=source.id,
        quote=None,
        path=check.rel,
        line=line,
        qualifier=declared.qualifier,
        note=text_of(node, "note"),
        tags=tuple(node.get("tags") or ()),
        cell=(row, column),
        data_from=text_of(node, "data_from") or declared.data_from,
        reported=source.publication(row).published,
    )


def _period(node: Any, stated: str | None, row: str, what: str, check: Checker) -> str | None:
    """The fact's period: the series' (``{row}``: the row key), else the one the table states."""
    given = text_of(node, "period")
    period = given.replace(ROW, row) if given else stated
    at = yamlio.line_of(node, "period") if given else yamlio.line_of(node)
    if period is None:
        check.add(
            at,
            f'{what}: the table states no period for it; give period: "{ROW}" (the row key '
            "is the period) or the one period of every row",
        )
    elif not periods.is_period(period):
        check.add(at, f"{what}: malformed period '{period}'; use {periods.FORMS}")
        return None
    return period
