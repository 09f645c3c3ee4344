"""The data readers take away: every fact and claim, and each chart's rows, as CSV and
JSON, and the Data Package that describes the facts and claims files.

Output is byte-stable for the same facts: fixed column order, sorted keys, exact digits.
CSV text cells never start a spreadsheet formula (see ``_cell``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from typing import Any

from briefing.charts.specs import ChartSpec, chart_file
from briefing.data.package import (
    CLAIM_COLUMNS,
    CLAIMS_FILE,
    COLUMNS,
    CSV_FILE,
    JSON_FILE,
    PACKAGE_FILE,
    package,
)
from briefing.facts.model import FactBook, Record, Source
from briefing.facts.numbers import digits


def records(book: FactBook) -> list[dict[str, str]]:
    rows = []
    for fact in sorted(book.facts.values(), key=lambda f: f.id):
        low, high = fact.value if isinstance(fact.value, list) else (fact.value, None)
        rows.append(
            {
                "id": fact.id,
                "subject": fact.subject,
                "value": digits(low),
                "value_high": "" if high is None else digits(high),
                "unit": fact.unit.id,
                "text": fact.text,
                "period": fact.period,
                "kind": fact.kind,
                "geo": fact.geo,
                "qualifier": fact.qualifier or "",
                "source": fact.source or "",
                "quote": fact.quote or "",
            }
            | _origin(book, fact)
            | _annotations(fact)
        )
    return rows


def _origin(book: FactBook, record: Record) -> dict[str, str]:
    """Where a record comes from beyond its source id: the cell of a table, the publication."""
    row, column = record.cell or ("", "")
    publication = book.publication(record)
    named = (
        f"{publication.publisher}: {publication.title} ({publication.published})"
        if publication
        else ""
    )
    return {"cell_row": row, "cell_column": column, "published_by": named}


def _annotations(record: Record) -> dict[str, str]:
    """The columns a fact and a claim share after their own: notes, attribution, tags."""
    return {
        "note": record.note or "",
        "said_by": record.said_by or "",
        "data_from": record.data_from or "",
        "period_from": record.period_from or "",
        "reading": record.reading or "",
        "tags": ";".join(record.tags),
    }


def claim_records(book: FactBook) -> list[dict[str, str]]:
    return [
        {
            "id": claim.id,
            "claim": claim.claim,
            "subject": claim.subject or "",
            "period": claim.period,
            "kind": claim.kind,
            "geo": claim.geo or "",
            "source": claim.source,
            "quote": claim.quote,
        }
        | _origin(book, claim)
        | _annotations(claim)
        for claim in sorted(book.claims.values(), key=lambda c: c.id)
    ]


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection"):
# "=HYPERLINK(…)" in a subject would be a link to click, "@SUM(…)" a computation.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC = frozenset(column.name for column in COLUMNS if column.type == "number")
CHART_COLUMNS = ("id", "label", "series", "subject", "value", "unit", "text", "period", "kind",
                 "geo", "source", "source_id", "quote", "role")  # fmt: skip


def data_files(book: FactBook, title: str) -> dict[str, str]:
    """facts.csv, claims.csv, facts.json and datapackage.json (titled ``title``) by their
    path in the site."""
    rows, claims = records(book), claim_records(book)
    files = {
        CSV_FILE: _csv(rows, tuple(column.name for column in COLUMNS), NUMERIC),
        CLAIMS_FILE: _csv(claims, tuple(column.name for column in CLAIM_COLUMNS), frozenset()),
        JSON_FILE: _json({"facts": rows, "claims": claims}),
    }
    return files | {PACKAGE_FILE: _json(package(book, title, files))}


def chart_data(spec: ChartSpec, sources: Mapping[str, Source]) -> dict[str, str]:
    """A chart's rows as CSV and JSON: the plotted facts, then its reference line if any."""
    rows = [{**row, "role": "data"} for row in spec.rows(dict(sources))]
    rows += [{**row, "role": "reference line"} for row in spec.rule_rows(dict(sources))]
    exact = {f.id: digits(f.value) for f in spec.cited}
    table = [{**row, "value": exact[row["id"]]} for row in rows]
    payload = {"chart": spec.id, "title": spec.title, "description": spec.alt, "rows": table}
    return {
        chart_file(spec.id, "csv"): _csv(table, CHART_COLUMNS, frozenset({"value"})),
        chart_file(spec.id, "json"): _json(payload),
    }


def _csv(rows: list[dict[str, Any]], columns: tuple[str, ...], numeric: frozenset[str]) -> str:
    """The rows as CSV; ``numeric`` columns hold canonical numbers ("-3.2"), written as they
    are so a negative value stays a number, every other cell is text, neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(
        {key: value if key in numeric else _cell(str(value)) for key, value in row.items()}
        for row in rows
    )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: one that would start a formula gets a leading
    apostrophe, which spreadsheets hide and read as "this is text" (the guidance of OWASP's
    CSV Injection page). defusedcsv does the same but also rewrites every "|" in such a cell
    and knows nothing of numeric columns, so a negative value would become text.

    A spreadsheet set to a locale whose list separator is ";" (German, French…) splits each
    line at ";", quotes or not: every piece after a ";" starts a cell of its own there, so it
    gets the apostrophe too (tags are joined by ";"; so may a note be written). In a comma
    locale such a piece shows its apostrophe, a lesser harm than a formula in the other."""
    return _PIECE_START.sub(r"\1'", text)


# The start of a cell, or of a piece after ";", when it would start a formula.
_PIECE_START = re.compile(f"(^|;)(?=[{re.escape(''.join(FORMULA_STARTS))}])")


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
