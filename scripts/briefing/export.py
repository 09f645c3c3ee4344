"""The data readers take away: every fact as CSV and JSON, in a stable order."""

from __future__ import annotations

import csv
import io
import json

from briefing.model import FactBook
from briefing.numbers import digits

COLUMNS = ("id", "subject", "value", "value_high", "unit", "text", "period", "kind", "geo",
           "qualifier", "source", "quote", "note", "tags")  # fmt: skip


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
                "note": fact.note or "",
                "tags": ";".join(fact.tags),
            }
        )
    return rows


def data_files(book: FactBook) -> dict[str, str]:
    """facts.csv and facts.json by their path in the site (byte-stable for the same facts)."""
    rows = records(book)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    payload = json.dumps({"facts": rows}, ensure_ascii=False, indent=1, sort_keys=True)
    return {"data/facts.csv": buffer.getvalue(), "data/facts.json": payload + "\n"}
