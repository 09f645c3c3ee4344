"""Table sources: a CSV archived in seeds/ and what its entry declares about its columns.

Official statistics come as tables, not sentences, so a fact may cite a cell instead of a
quote. The check can then only be as strict as the table is well formed: every row as long
as the header, unique row keys, numbers in plain digits in the columns that hold numbers,
and each row's publication named (the row's own, or the table's entry).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Mapping
from typing import Any

from briefing.facts import dates, periods, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import slug
from briefing.facts.schema import KINDS, Field
from briefing.facts.tableshape import PUBLICATION, Column, Publication, Row, Table
from briefing.facts.units import QUALIFIERS

SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
COLUMN_NAME = re.compile(r"[a-z][a-z0-9_]*")
NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
COLUMN_FIELDS = (
    Field("unit", "text", required=False, description="a unit of facts/units.yaml: numbers"),
    Field("scale", "text", required=False, choices=tuple(SCALES)),
    Field("period", "text", required=False, description="the one period the column is about"),
    Field("kind", "text", required=False, choices=KINDS),
    Field("qualifier", "text", required=False, choices=QUALIFIERS),
    Field("data_from", "text", required=False, description="whose data the figures are"),
)


def read_table(
    text: str, shown: str, node: Any, what: str, check: Checker, units: Collection[str] | None
) -> Table | None:
    """The table the CSV ``text`` holds, or None with every problem reported: those of the
    entry ``node`` at its lines in sources.yaml, those of the CSV at its lines in ``shown``."""
    columns = _declared(node, what, check)
    csv_check = Checker(shown, check.problems)
    try:
        records = _records(text)
    except csv.Error as err:
        csv_check.add(1, f"{what}: not a readable CSV ({err}); save it as comma-separated UTF-8")
        return None
    if not records:
        csv_check.add(1, f"{what}: the table is empty; write the header on the first line")
        return None
    header = tuple(records[0][1])
    ok = columns is not None and _header_ok(header, csv_check, what)
    key = str(node.get("key") or header[0])
    period = str(node["period"]) if node.get("period") else None
    for name, field in ((key, "key"), (period, "period")):
        if name is not None and name not in header:
            check.add(
                yamlio.line_of(node, field),
                f"{what}: no column '{name}' in {shown}; its columns: {', '.join(header)}",
            )
            ok = False
    for name, column in (columns or {}).items():
        line = yamlio.line_of(node["columns"], name)
        if name not in header:
            check.add(
                line,
                f"{what}: 'columns' declares '{name}', which {shown} has not; "
                f"its columns: {', '.join(header)}",
            )
            ok = False
        elif column.unit is not None and units is not None and column.unit not in units:
            check.add(
                line,
                f"{what}: column '{name}': unknown unit '{column.unit}'; use one of "
                "facts/units.yaml",
            )
            ok = False
    if not ok or columns is None:
        return None
    rows = _rows(records[1:], Table(header, key, dict(columns), {}, period), csv_check, what)
    if rows is None:
        return None
    return Table(header, key, dict(columns), dict(rows), period)


def _records(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[tuple[int, list[str]]] = []
    start = 1
    for record in reader:
        out.append((start, record))
        start = reader.line_num + 1
    return out


def _header_ok(header: tuple[str, ...], check: Checker, what: str) -> bool:
    ok = True
    for name in header:
        if not COLUMN_NAME.fullmatch(name):
            check.add(
                1,
                f"{what}: column name '{name}' must be lowercase letters, digits and _, "
                "starting with a letter",
            )
            ok = False
    for name in sorted({n for n in header if header.count(n) > 1}):
        check.add(1, f"{what}: column '{name}' appears twice in the header; name each once")
        ok = False
    present = [n for n in PUBLICATION[:3] if n in header]
    if present and len(present) < 3:
        check.add(
            1,
            f"{what}: a row's publication needs the columns publisher, title and published "
            f"(it has {', '.join(present)}); add the missing ones",
        )
        ok = False
    return ok


def _declared(node: Any, what: str, check: Checker) -> dict[str, Column] | None:
    declared = node.get("columns") or {}
    if not isinstance(declared, dict):
        check.add(
            yamlio.line_of(node, "columns"),
            f"{what}: 'columns' must map column names to {{unit: …}}",
        )
        return None
    out: dict[str, Column] = {}
    for name, spec in declared.items():
        about = f"{what}: column '{name}'"
        if not check.fields(spec or {}, COLUMN_FIELDS, about, yamlio.line_of(declared, name)):
            continue
        spec = spec or {}
        period = spec.get("period")
        if period is not None and not periods.is_period(str(period)):
            check.add(
                yamlio.line_of(spec, "period"),
                f"{about}: malformed period '{period}'; use {periods.FORMS}",
            )
            continue
        out[str(name)] = Column(
            str(name),
            spec.get("unit"),
            SCALES.get(str(spec.get("scale")), 1),
            None if period is None else str(period),
            spec.get("kind"),
            spec.get("qualifier"),
            spec.get("data_from"),
        )
    return out if len(out) == len(declared) else None


def _rows(
    records: list[tuple[int, list[str]]], shape: Table, check: Checker, what: str
) -> dict[str, Row] | None:
    """The rows by key (``shape`` is the table without them), or None with problems reported."""
    header, key = shape.header, shape.key
    rows: dict[str, Row] = {}
    anchors: dict[str, Row] = {}
    ok = True
    for line, record in records:
        if len(record) != len(header):
            check.add(
                line,
                f"{what}: row has {len(record)} fields, the header {len(header)}; "
                "give every row one field per column (quote a field holding a comma)",
            )
            ok = False
            continue
        cells = dict(zip(header, (c.strip() for c in record), strict=True))
        problems = _cell_problems(cells, shape)
        for message in problems:
            check.add(line, f"{what}: {message}")
        row_key = cells[key]
        if not row_key:
            check.add(line, f"{what}: the row key (column '{key}') is empty; give every row one")
            ok = False
            continue
        first = anchors.get(slug(row_key))
        if first is not None:
            same = "" if first.key == row_key else f" (as '{first.key}': keys are compared slugged)"
            check.add(
                line,
                f"{what}: duplicate row key '{row_key}'{same}, first on line {first.line}; "
                "give each row its own key",
            )
            ok = False
            continue
        ok = ok and not problems
        rows[row_key] = anchors[slug(row_key)] = Row(
            row_key, dict(cells), line, _publication(cells)
        )
    return rows if ok else None


def _cell_problems(cells: Mapping[str, str], shape: Table) -> list[str]:
    out = []
    for name, text in cells.items():
        if "\n" in text:
            out.append(f"column '{name}' has a line break; write the cell on one line")
        elif text and shape.column(name).unit and not NUMBER.fullmatch(text):
            out.append(
                f"column '{name}': bad number '{text}'; write plain digits with a '.' for the "
                "decimals (no thousands separators, %, units or words)"
            )
    period = cells.get(shape.period_column or "")
    if period and not periods.is_period(period):
        out.append(
            f"column '{shape.period_column}': malformed period '{period}'; use {periods.FORMS}"
        )
    if cells.get("kind") and cells["kind"] not in KINDS:
        out.append(f"kind '{cells['kind']}' is not one of: {', '.join(KINDS)}")
    if "publisher" in shape.header:
        filled = [n for n in PUBLICATION[:3] if cells[n]]
        if filled and len(filled) < 3:
            out.append(
                "the row's publication is partly given; fill publisher, title and published "
                "(the row's own publication) or leave all three empty (the table's)"
            )
        published = cells["published"]
        if published and not dates.is_month_or_day(published):
            out.append(f"published '{published}' must be YYYY-MM-DD or YYYY-MM")
        if cells.get("url") and not cells["url"].startswith(("https://", "http://")):
            out.append("url must start with https:// or http://")
    return out


def _publication(cells: Mapping[str, str]) -> Publication | None:
    if not cells.get("publisher"):
        return None
    return Publication(
        cells["publisher"], cells["title"], cells["published"], cells.get("url") or None
    )
